package io.dmskit.engine.internal;

import io.dmskit.mappings.FilterCondition;
import io.dmskit.mappings.FilterOperator;
import io.dmskit.mappings.InvalidTableMappingsException;
import io.dmskit.mappings.SourceFilter;
import io.dmskit.mappings.SqlDialect;
import io.dmskit.mappings.TableMappings;
import io.dmskit.mappings.TableResolution;
import io.dmskit.mappings.TransformationRule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Table selection, filters, renames and column transformations of a task, all answered by dms-mappings
 * ({@link TableMappings#resolve}); the engine never matches wildcards itself.
 */
final class MappingsRouter {

    private final TableMappings mappings;

    private MappingsRouter(TableMappings mappings) {
        this.mappings = mappings;
    }

    /**
     * @param tableMappingsJson the task's TableMappings document
     * @return the router
     * @throws EngineException naming the problems when the document is invalid
     */
    public static MappingsRouter fromJson(String tableMappingsJson) {
        if (tableMappingsJson == null || tableMappingsJson.isBlank()) {
            throw new EngineException("The task has no table mappings");
        }
        try {
            return new MappingsRouter(TableMappings.fromJson(tableMappingsJson));
        } catch (InvalidTableMappingsException e) {
            throw new EngineException("Invalid table mappings: " + e.problems().stream()
                    .map(p -> p.path() + ": " + p.message()).collect(Collectors.joining("; ")), e);
        }
    }

    /** @return what the mappings say about this source table */
    public TableRoute route(String schema, String table) {
        return new Route(mappings.resolve(schema, table));
    }

    private static final class Route implements TableRoute {
        private final TableResolution r;
        private final List<io.dmskit.mappings.AddedColumn> added;

        Route(TableResolution r) {
            this.r = r;
            this.added = r.included() ? r.addedColumns() : List.of();
        }

        @Override
        public boolean included() {
            return r.included();
        }

        @Override
        public String targetSchema() {
            return r.targetSchema();
        }

        @Override
        public String targetTable() {
            return r.targetTable();
        }

        @Override
        public Optional<String> sqlPredicate(Dialect dialect) {
            return r.sqlPredicate(dialect == Dialect.MYSQL ? SqlDialect.MYSQL : SqlDialect.POSTGRESQL);
        }

        @Override
        public Optional<String> targetColumn(String sourceColumn) {
            return r.targetColumn(sourceColumn);
        }

        @Override
        public Optional<String> targetColumn(String sourceColumn, String dmsType) {
            return r.targetColumn(sourceColumn, dmsType);
        }

        @Override
        public List<TransformationRule> columnRules(String sourceColumn, String dmsType) {
            return r.columnTransformations(sourceColumn, dmsType);
        }

        @Override
        public List<TableRoute.AddedColumn> addedColumns() {
            List<TableRoute.AddedColumn> out = new ArrayList<>();
            for (io.dmskit.mappings.AddedColumn a : added) {
                String type = a.dataType() == null ? null : a.dataType().type();
                int length = a.dataType() == null || a.dataType().length() == null ? 0 : a.dataType().length();
                out.add(new TableRoute.AddedColumn(a.name(), type, length, a.expression()));
            }
            return out;
        }

        @Override
        public boolean rowMatches(SourceTable table, Object[] values) {
            for (SourceFilter f : r.filters()) {
                int i = table.indexOf(f.columnName());
                if (i < 0) {
                    continue;
                }
                Object v = values[i];
                SourceColumn column = table.columns().get(i);
                boolean any = false;
                for (FilterCondition c : f.conditions()) {
                    if (matches(c, v, column)) {
                        any = true;
                        break;
                    }
                }
                if (!any) {
                    return false;
                }
            }
            return true;
        }

        private static boolean matches(FilterCondition c, Object v, SourceColumn column) {
            FilterOperator op = c.filterOperator().orElse(null);
            if (op == null) {
                return false;
            }
            return switch (op) {
                case NULL -> v == null;
                case NOTNULL -> v != null;
                case EQ -> v != null && compare(v, c.value(), column) == 0;
                case NOTEQ -> v != null && compare(v, c.value(), column) != 0;
                case LTE, STE -> v != null && compare(v, c.value(), column) <= 0;
                case GTE -> v != null && compare(v, c.value(), column) >= 0;
                case BETWEEN -> v != null && compare(v, c.startValue(), column) >= 0
                        && compare(v, c.endValue(), column) <= 0;
                case NOTBETWEEN -> v != null && (compare(v, c.startValue(), column) < 0
                        || compare(v, c.endValue(), column) > 0);
            };
        }

        private static int compare(Object v, String literal, SourceColumn column) {
            if (literal == null) {
                return -1;
            }
            if (v instanceof Number) {
                try {
                    return new BigDecimal(TextValues.render(v instanceof Double d ? BigDecimal.valueOf(d)
                            : v instanceof Float f ? BigDecimal.valueOf(f) : v, column)).compareTo(new BigDecimal(literal.trim()));
                } catch (NumberFormatException e) {
                    return TextValues.render(v, column).compareTo(literal);
                }
            }
            return TextValues.render(v, column).compareTo(literal);
        }
    }
}
