package io.dmskit.mappings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Renders source filters as SQL. */
final class SqlPredicates {
    private SqlPredicates() {
    }

    /**
     * {@return the predicate, empty when there are no filters}
     *
     * @throws InvalidTableMappingsException naming every filter that cannot be rendered (no column-name, no
     *     conditions, an unknown filter-operator or a missing value), as a leniently read document may hold
     */
    static Optional<String> render(List<SourceFilter> filters, SqlDialect d) {
        List<MappingProblem> problems = new ArrayList<>();
        List<String> ands = new ArrayList<>();
        for (int i = 0; i < filters.size(); i++) {
            SourceFilter f = filters.get(i);
            String at = "filters[" + i + "]";
            if (f.columnName() == null || f.columnName().isEmpty()) {
                problems.add(problem(at + ".column-name", "The source filter has no column-name, so it cannot be "
                        + "rendered as SQL. Name the source column the conditions apply to."));
                continue;
            }
            if (f.conditions().isEmpty()) {
                problems.add(problem(at + ".filter-conditions", "The source filter on column \"" + f.columnName()
                        + "\" has no filter-conditions, so it cannot be rendered as SQL."));
                continue;
            }
            String col = identifier(f.columnName(), d);
            List<String> ors = new ArrayList<>();
            for (int j = 0; j < f.conditions().size(); j++) {
                FilterCondition c = f.conditions().get(j);
                String cp = at + ".filter-conditions[" + j + "]";
                FilterOperator op = c.filterOperator().orElse(null);
                String missing = op == null ? null : missingValue(op, c);
                if (op == null || missing != null) {
                    problems.add(problem(cp, op == null
                            ? "The source filter on column \"" + f.columnName() + "\" has " + (c.operator() == null
                                    ? "no filter-operator" : "the unknown filter-operator \"" + c.operator() + "\"")
                                    + ", so it cannot be rendered as SQL. Use one of lte, gte, eq, noteq, between, "
                                    + "notbetween, null, notnull."
                            : "filter-operator \"" + c.operator() + "\" on column \"" + f.columnName() + "\" needs \""
                                    + missing + "\", so it cannot be rendered as SQL."));
                    continue;
                }
                ors.add(switch (op) {
                    case LTE, STE -> col + " <= " + literal(c.value(), d);
                    case GTE -> col + " >= " + literal(c.value(), d);
                    case EQ -> col + " = " + literal(c.value(), d);
                    case NOTEQ -> col + " <> " + literal(c.value(), d);
                    case BETWEEN -> col + " BETWEEN " + literal(c.startValue(), d) + " AND " + literal(c.endValue(), d);
                    case NOTBETWEEN -> col + " NOT BETWEEN " + literal(c.startValue(), d) + " AND "
                            + literal(c.endValue(), d);
                    case NULL -> col + " IS NULL";
                    case NOTNULL -> col + " IS NOT NULL";
                });
            }
            ands.add(ors.size() == 1 ? ors.get(0) : "(" + String.join(" OR ", ors) + ")");
        }
        if (!problems.isEmpty()) {
            throw new InvalidTableMappingsException(problems);
        }
        if (ands.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join(" AND ", ands));
    }

    /** {@return the predicate for {@code toString()}: never throws, says why when the filters cannot be rendered} */
    static String describe(List<SourceFilter> filters, SqlDialect d) {
        try {
            return render(filters, d).orElse("");
        } catch (InvalidTableMappingsException e) {
            return "(filters not renderable as SQL: " + e.problems().get(0).message() + ")";
        }
    }

    private static String missingValue(FilterOperator op, FilterCondition c) {
        return switch (op) {
            case LTE, STE, GTE, EQ, NOTEQ -> c.value() == null ? "value" : null;
            case BETWEEN, NOTBETWEEN -> c.startValue() == null ? "start-value" : c.endValue() == null ? "end-value"
                    : null;
            case NULL, NOTNULL -> null;
        };
    }

    private static MappingProblem problem(String path, String message) {
        return new MappingProblem(Severity.ERROR, null, null, path, message, -1, -1);
    }

    static String identifier(String name, SqlDialect d) {
        return d.quoteIdentifier(name);
    }

    static String literal(String value, SqlDialect d) {
        if (value == null) {
            return "NULL";
        }
        String v = value.replace("'", "''");
        if (d == SqlDialect.MYSQL) {
            v = v.replace("\\", "\\\\");
        }
        return "'" + v + "'";
    }
}
