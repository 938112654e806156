package io.dmskit.mappings;

import io.dmskit.mappings.internal.Args;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a table mapping does with one source table: whether it is replicated, its target schema and table name after
 * the transformation rules, its source filters, column names and added columns. Obtained from
 * {@link TableMappings#resolve(String, String)}.
 *
 * <pre>{@code
 * TableResolution r = mappings.resolve("ecommerce", "orders");
 * if (r.included()) {
 *     String target = r.targetSchema() + "." + r.targetTable();
 *     String where = r.sqlPredicate(SqlDialect.MYSQL).orElse("TRUE");
 * }
 * }</pre>
 */
public final class TableResolution {
    private final boolean included;
    private final String sourceSchema;
    private final String sourceTable;
    private final String targetSchema;
    private final String targetTable;
    private final List<SourceFilter> filters;
    private final List<AddedColumn> addedColumns;
    private final Resolver.ColumnResolver columns;
    private final Resolver.ColumnRules columnRules;
    private final OptionalInt loadOrder;
    private final List<Rule> selectionRules;
    private final Optional<TableSettingsRule> tableSettings;

    TableResolution(boolean included, String sourceSchema, String sourceTable, String targetSchema,
                    String targetTable, List<SourceFilter> filters, List<AddedColumn> addedColumns,
                    Resolver.ColumnResolver columns, Resolver.ColumnRules columnRules, OptionalInt loadOrder,
                    List<Rule> selectionRules,
                    Optional<TableSettingsRule> tableSettings) {
        this.included = included;
        this.sourceSchema = sourceSchema;
        this.sourceTable = sourceTable;
        this.targetSchema = targetSchema;
        this.targetTable = targetTable;
        this.filters = List.copyOf(filters);
        this.addedColumns = List.copyOf(addedColumns);
        this.columns = columns;
        this.columnRules = columnRules;
        this.loadOrder = loadOrder;
        this.selectionRules = List.copyOf(selectionRules);
        this.tableSettings = tableSettings;
    }

    /** {@return whether the table is replicated (an include or explicit rule matches and no exclude rule does)} */
    public boolean included() {
        return included;
    }

    /** {@return the source schema asked about} */
    public String sourceSchema() {
        return sourceSchema;
    }

    /** {@return the source table asked about} */
    public String sourceTable() {
        return sourceTable;
    }

    /** {@return the target schema after schema transformation rules (the source schema when none applies)} */
    public String targetSchema() {
        return targetSchema;
    }

    /** {@return the target table after table transformation rules (the source table when none applies)} */
    public String targetTable() {
        return targetTable;
    }

    /** {@return the source filters of the matching include/explicit rules (ANDed), empty when the table is not filtered} */
    public List<SourceFilter> filters() {
        return filters;
    }

    /**
     * Renders {@link #filters()} as a SQL boolean expression: conditions of one filter ORed, filters ANDed,
     * identifiers quoted for the dialect and values written as string literals (the database converts them to the
     * column type, as DMS compares filter values).
     *
     * <p>Only filters that {@link TableMappings#validate()} accepts can be rendered: a document read with
     * {@link TableMappings#fromJsonLenient(String)} may hold a filter with an unknown operator (such as
     * {@code "like"}), no column-name or a missing value, and then this method throws rather than guess.
     *
     * @param dialect MySQL or PostgreSQL
     * @return the predicate, empty when there are no filters
     * @throws InvalidTableMappingsException naming each filter that cannot be rendered (path relative to the
     *     table's {@link #filters()}: {@code filters[0].filter-conditions[1]})
     */
    public Optional<String> sqlPredicate(SqlDialect dialect) {
        Args.required(dialect, "TableResolution: dialect");
        return SqlPredicates.render(filters, dialect);
    }

    /**
     * {@return its target name after column rules (rename, prefix/suffix, case), or empty when a remove-column rule
     * drops it or include-column rules leave it out}
     *
     * @param sourceColumn a column of the source table
     */
    public Optional<String> targetColumn(String sourceColumn) {
        return columns.resolve(Args.required(sourceColumn, "TableResolution: sourceColumn"), null);
    }

    /**
     * Like {@link #targetColumn(String)}, also applying rules whose object-locator selects columns by source data
     * type ({@code "data-type": "uint1"}).
     *
     * @param sourceColumn a column of the source table
     * @param dmsDataType the column's DMS data type (for example {@code int4}, {@code string}), or null if unknown
     * @return the target name, or empty when the column is not replicated
     */
    public Optional<String> targetColumn(String sourceColumn, String dmsDataType) {
        return columns.resolve(Args.required(sourceColumn, "TableResolution: sourceColumn"), dmsDataType);
    }

    /**
     * Every column-level transformation rule that hits the column (rename, case, remove, change-data-type,
     * data masking, ...), in rule-id order: what a replication engine applies to the column's values.
     *
     * @param sourceColumn a column of the source table
     * @param dmsDataType the column's DMS data type, or null if unknown
     * @return the matching rules, lowest rule-id first
     */
    public List<TransformationRule> columnTransformations(String sourceColumn, String dmsDataType) {
        return columnRules.of(Args.required(sourceColumn, "TableResolution: sourceColumn"), dmsDataType);
    }

    /** {@return the columns add-column rules add to this table, in rule-id order} */
    public List<AddedColumn> addedColumns() {
        return addedColumns;
    }

    /** {@return the highest load-order of the matching include rules, when any sets one} */
    public OptionalInt loadOrder() {
        return loadOrder;
    }

    /** {@return the selection rules that match this table (include, explicit and exclude)} */
    public List<Rule> matchingSelectionRules() {
        return selectionRules;
    }

    /** {@return the table-settings rule naming exactly this table, if any} */
    public Optional<TableSettingsRule> tableSettings() {
        return tableSettings;
    }

    /** {@return a one-line summary; never throws, also for a leniently read document with unrenderable filters} */
    @Override
    public String toString() {
        return sourceSchema + "." + sourceTable + (included ? " -> " + targetSchema + "." + targetTable : " (excluded)")
                + (filters.isEmpty() ? "" : " where " + SqlPredicates.describe(filters, SqlDialect.POSTGRESQL));
    }
}
