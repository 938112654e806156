package io.dmskit.mappings;

import io.dmskit.mappings.objectmapping.ObjectMappingAction;
import io.dmskit.mappings.transformation.BeforeImageDef;
import io.dmskit.mappings.transformation.DataType;
import io.dmskit.mappings.transformation.PrimaryKeyDef;

/**
 * Static entry points of the mapping DSL, meant for {@code import static io.dmskit.mappings.Rules.*}. Each returns a
 * rule builder; pass it to {@link TableMappings.Builder#rule(Rule.Builder)}.
 *
 * <pre>{@code
 * TableMappings m = TableMappings.builder()
 *     .rule(include("ecommerce", "%"))
 *     .rule(exclude("ecommerce", "tmp[_]%"))
 *     .rule(include("hr", "employees").where("region", FilterCondition.eq("EU")))
 *     .rule(table("%", "%").addPrefix("schema_"))
 *     .rule(column("hr", "employees", "ssn").dataMaskingHashMask())
 *     .build();
 * }</pre>
 */
public final class Rules {
    private Rules() {
    }

    // ------------------------------------------------------------------ selection

    /**
     * @param schema schema pattern
     * @return an include selection of every table of the schema ({@code table-name "%"})
     */
    public static SelectionRule.Builder include(String schema) {
        return include(schema, "%");
    }

    /**
     * @param schema schema pattern
     * @return an exclude selection of every table of the schema
     */
    public static SelectionRule.Builder exclude(String schema) {
        return exclude(schema, "%");
    }

    /**
     * @param schema schema pattern
     * @param table table pattern
     * @return an include selection
     */
    public static SelectionRule.Builder include(String schema, String table) {
        return SelectionRule.builder().locator(schema, table).action(SelectionAction.INCLUDE);
    }

    /**
     * @param schema schema pattern
     * @param table table pattern
     * @return an exclude selection (beats include)
     */
    public static SelectionRule.Builder exclude(String schema, String table) {
        return SelectionRule.builder().locator(schema, table).action(SelectionAction.EXCLUDE);
    }

    /**
     * @param schema exact schema
     * @param table exact table or view
     * @return an explicit selection
     */
    public static SelectionRule.Builder explicit(String schema, String table) {
        return SelectionRule.builder().locator(schema, table).action(SelectionAction.EXPLICIT);
    }

    // ------------------------------------------------------------------ transformation

    /**
     * @param schema schema pattern
     * @return a transformation on schemas; choose the action next
     */
    public static TransformationRule.Builder schema(String schema) {
        return TransformationRule.builder().target(RuleTarget.SCHEMA).locator(ObjectLocator.schema(schema));
    }

    /**
     * @param schema schema pattern
     * @param table table pattern
     * @return a transformation on tables
     */
    public static TransformationRule.Builder table(String schema, String table) {
        return TransformationRule.builder().target(RuleTarget.TABLE).locator(ObjectLocator.table(schema, table));
    }

    /**
     * @param schema schema pattern
     * @param table table pattern
     * @param column column pattern
     * @return a transformation on columns
     */
    public static TransformationRule.Builder column(String schema, String table, String column) {
        return TransformationRule.builder().target(RuleTarget.COLUMN)
                .locator(ObjectLocator.column(schema, table, column));
    }

    /**
     * @param schema schema pattern
     * @param table table pattern
     * @param sourceDataType a DMS data type such as {@code uint1}
     * @return a transformation on every column of that source data type
     */
    public static TransformationRule.Builder columnsOfType(String schema, String table, String sourceDataType) {
        return TransformationRule.builder().target(RuleTarget.COLUMN)
                .locator(ObjectLocator.column(schema, table, "%").withDataType(sourceDataType));
    }

    /**
     * @param schema schema pattern
     * @param table table pattern
     * @param tablespace tablespace pattern
     * @return a transformation on table tablespaces (Oracle)
     */
    public static TransformationRule.Builder tableTablespace(String schema, String table, String tablespace) {
        return TransformationRule.builder().target(RuleTarget.TABLE_TABLESPACE)
                .locator(ObjectLocator.table(schema, table).withTableTablespaceName(tablespace));
    }

    /**
     * @param schema schema pattern
     * @param table table pattern
     * @param tablespace tablespace pattern
     * @return a transformation on index tablespaces (Oracle)
     */
    public static TransformationRule.Builder indexTablespace(String schema, String table, String tablespace) {
        return TransformationRule.builder().target(RuleTarget.INDEX_TABLESPACE)
                .locator(ObjectLocator.table(schema, table).withIndexTablespaceName(tablespace));
    }

    /**
     * @param schema schema pattern
     * @param table table pattern
     * @param column the new column's name
     * @param dataType its type
     * @return an add-column rule; add {@code .expression("...")} to compute it
     */
    public static TransformationRule.Builder addColumn(String schema, String table, String column,
                                                       DataType dataType) {
        return TransformationRule.builder().locator(ObjectLocator.table(schema, table)).addColumn(column, dataType);
    }

    /**
     * @param schema exact schema
     * @param table exact table
     * @param def the key
     * @return a define-primary-key rule
     */
    public static TransformationRule.Builder definePrimaryKey(String schema, String table, PrimaryKeyDef def) {
        return TransformationRule.builder().locator(ObjectLocator.table(schema, table)).definePrimaryKey(def);
    }

    /**
     * @param schema schema pattern
     * @param table table pattern
     * @param def the columns to add
     * @return an add-before-image-columns rule
     */
    public static TransformationRule.Builder addBeforeImageColumns(String schema, String table, BeforeImageDef def) {
        return TransformationRule.builder().locator(ObjectLocator.table(schema, table)).addBeforeImageColumns(def);
    }

    /**
     * Reads one rule object, for constructs the DSL does not model. Keys are kept as written; the rule is validated
     * with the document it is added to.
     *
     * @param ruleJson a JSON object such as {@code {"rule-type": "selection", ...}}
     * @return the rule ({@link UnknownRule} when its rule-type is missing or unknown)
     * @throws InvalidTableMappingsException when the text is not a JSON object
     */
    public static Rule fromJson(String ruleJson) {
        io.dmskit.mappings.internal.JsonTree.Parsed p = io.dmskit.mappings.internal.JsonTree.parse(ruleJson);
        if (!p.ok() || !p.root().isObject()) {
            throw new InvalidTableMappingsException(java.util.List.of(new MappingProblem(Severity.ERROR, null, null,
                    "$", p.ok() ? "A rule must be a JSON object with rule-type, rule-id, rule-name, object-locator "
                    + "and rule-action." : p.error(), p.line(), p.column())));
        }
        return TableMappings.ruleOf(TableMappings.textIds((com.fasterxml.jackson.databind.node.ObjectNode) p.root()));
    }

    // ------------------------------------------------------------------ other rule types

    /**
     * @param schema exact schema
     * @param table exact table
     * @return a table-settings rule
     */
    public static TableSettingsRule.Builder tableSettings(String schema, String table) {
        return TableSettingsRule.builder().locator(schema, table);
    }

    /**
     * @param schema schema pattern
     * @param table table pattern
     * @return an S3 object-tagging rule
     */
    public static PostProcessingRule.Builder addTag(String schema, String table) {
        return PostProcessingRule.builder().locator(schema, table);
    }

    /**
     * @param schema schema
     * @param table table
     * @return a map-record-to-record object mapping
     */
    public static ObjectMappingRule.Builder mapRecordToRecord(String schema, String table) {
        return ObjectMappingRule.builder().locator(schema, table).action(ObjectMappingAction.MAP_RECORD_TO_RECORD);
    }

    /**
     * @param schema schema
     * @param table table
     * @return a map-record-to-document object mapping
     */
    public static ObjectMappingRule.Builder mapRecordToDocument(String schema, String table) {
        return ObjectMappingRule.builder().locator(schema, table).action(ObjectMappingAction.MAP_RECORD_TO_DOCUMENT);
    }
}
