package io.dmskit.engine.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one selected source table is replicated: the source table, its target name, the row filter, and the target
 * columns (kept source columns after renames, then add-column rules).
 */
final class TablePlan {

    /**
     * One target column.
     *
     * @param name target name
     * @param source the source column it comes from, null for an added column
     * @param sourceIndex index into the source row, -1 for an added column
     * @param added the add-column rule, null for a source column
     * @param expression the compiled expression of an added column, null otherwise
     * @param transform change-data-type and data-masking rules of a source column, null when none applies
     */
    public record TargetColumn(String name, SourceColumn source, int sourceIndex, TableRoute.AddedColumn added,
                               ColumnExpression expression, ColumnTransform transform) {
        /** @return the value kind written for this column */
        public ValueKind kind() {
            if (source != null) {
                return type().kind();
            }
            return ColumnExpression.kindOf(added.dataType());
        }

        /**
         * @return the column's target type: the source column, or its type after change-data-type rules; null for an
         *     added column
         */
        public SourceColumn type() {
            return transform != null ? transform.targetType() : source;
        }
    }

    private final SourceTable source;
    private final TableRoute route;
    private final String targetSchema;
    private final String targetTable;
    private final Optional<String> predicate;
    private final List<TargetColumn> columns;
    private final boolean hasAdded;
    private final boolean identity;

    public TablePlan(SourceTable source, TableRoute route, Dialect sourceDialect, String targetSchemaOverride) {
        this.source = Objects.requireNonNull(source, "source");
        this.route = Objects.requireNonNull(route, "route");
        boolean schemaRenamed = !route.targetSchema().equals(source.schema());
        this.targetSchema = !schemaRenamed && targetSchemaOverride != null && !targetSchemaOverride.isBlank()
                ? targetSchemaOverride : route.targetSchema();
        this.targetTable = route.targetTable();
        this.predicate = route.sqlPredicate(sourceDialect);
        List<TargetColumn> cols = new ArrayList<>();
        boolean anyTransform = false;
        for (int i = 0; i < source.columns().size(); i++) {
            SourceColumn c = source.columns().get(i);
            String dmsType = ColumnTransform.dmsType(c);
            Optional<String> target = route.targetColumn(c.name(), dmsType);
            if (target.isPresent()) {
                ColumnTransform transform = ColumnTransform.of(source, c, route.columnRules(c.name(), dmsType));
                cols.add(new TargetColumn(target.get(), c, i, null, null, transform));
                anyTransform |= transform != null;
            }
        }
        for (TableRoute.AddedColumn a : route.addedColumns()) {
            cols.add(new TargetColumn(a.name(), null, -1, a, ColumnExpression.compile(a.expression(), source), null));
        }
        this.columns = List.copyOf(cols);
        this.hasAdded = !route.addedColumns().isEmpty();
        boolean same = !anyTransform && cols.size() == source.columns().size();
        for (int i = 0; same && i < cols.size(); i++) {
            same = cols.get(i).sourceIndex() == i;
        }
        this.identity = same;
    }

    /**
     * @param row a source row (source column order)
     * @param op the operation (I for full load)
     * @param time commit or transfer time
     * @return the target row (target column order)
     */
    public Object[] targetValues(Object[] row, char op, Instant time) {
        if (identity) {
            return row; // every source column, in order: callers never modify rows
        }
        Object[] out = new Object[columns.size()];
        for (int i = 0; i < out.length; i++) {
            TargetColumn c = columns.get(i);
            out[i] = c.sourceIndex() >= 0
                    ? (c.transform() == null ? row[c.sourceIndex()] : c.transform().apply(row[c.sourceIndex()], c.source()))
                    : c.expression().evaluate(row, op, time, source.schema(), source.name());
        }
        return out;
    }

    /** @return whether any add-column rule applies */
    public boolean hasAddedColumns() {
        return hasAdded;
    }

    public SourceTable source() {
        return source;
    }

    public TableRoute route() {
        return route;
    }

    public String targetSchema() {
        return targetSchema;
    }

    public String targetTable() {
        return targetTable;
    }

    /** @return the filter condition rendered for the source dialect */
    public Optional<String> predicate() {
        return predicate;
    }

    public List<TargetColumn> columns() {
        return columns;
    }

    /** @return target-column indexes of the source primary key (those kept on the target) */
    public List<Integer> targetPrimaryKey() {
        List<Integer> pk = new ArrayList<>();
        for (int sourceIndex : source.primaryKey()) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).sourceIndex() == sourceIndex) {
                    pk.add(i);
                }
            }
        }
        return pk;
    }

    /** @return {@code SELECT * FROM schema.table [WHERE filter]} for the source */
    public String selectSql(Dialect dialect) {
        String columns = "*";
        if (dialect == Dialect.MYSQL) {
            // dates and timestamps as the server's text: the MariaDB driver's own temporal decoding goes through
            // java.util.Calendar and costs more than the rest of the row; RowReader parses the text instead
            StringBuilder sb = new StringBuilder();
            for (SourceColumn c : source.columns()) {
                String q = dialect.quote(c.name());
                sb.append(sb.length() > 0 ? ", " : "");
                if (c.kind() == ValueKind.DATE || c.kind() == ValueKind.TIMESTAMP) {
                    sb.append("CAST(").append(q).append(" AS CHAR) AS ").append(q);
                } else {
                    sb.append(q);
                }
            }
            columns = sb.toString();
        }
        return "SELECT " + columns + " FROM " + dialect.qualified(source.schema(), source.name())
                + predicate.map(p -> " WHERE " + p).orElse("");
    }

    @Override
    public String toString() {
        return source.qualifiedName() + " -> " + targetSchema + "." + targetTable;
    }
}
