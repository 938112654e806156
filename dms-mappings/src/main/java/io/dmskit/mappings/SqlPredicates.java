package io.dmskit.mappings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Renders source filters as SQL. */
final class SqlPredicates {
    private SqlPredicates() {
    }

    static Optional<String> render(List<SourceFilter> filters, SqlDialect d) {
        List<String> ands = new ArrayList<>();
        for (SourceFilter f : filters) {
            if (f.columnName() == null || f.conditions().isEmpty()) {
                continue;
            }
            String col = identifier(f.columnName(), d);
            List<String> ors = new ArrayList<>();
            for (FilterCondition c : f.conditions()) {
                FilterOperator op = c.filterOperator().orElse(null);
                if (op == null) {
                    throw new IllegalStateException("Unknown filter-operator \"" + c.operator() + "\" on column "
                            + f.columnName() + "; validate() reports it");
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
        if (ands.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(String.join(" AND ", ands));
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
