package io.dmskit.mappings;

import io.dmskit.mappings.objectmapping.ObjectMappingAction;
import io.dmskit.mappings.transformation.BeforeImageDef;
import io.dmskit.mappings.transformation.DataType;
import io.dmskit.mappings.transformation.PrimaryKeyDef;

/**
 * Static entry points of the mapping DSL, meant for {@code import static io.dmskit.mappings.Rules.*}. A rule is
 * written in the order a person says it: what it applies to, then exactly one action, then only what that action
 * takes (filters, an expression, the rule's id and name). The types allow no other order: {@code table("s", "%")
 * .addPrefix("raw_").convertLowercase()} does not compile. Pass the result to
 * {@link TableMappings.Builder#rule(Rule.Builder)}.
 *
 * <pre>{@code
 * TableMappings m = TableMappings.builder()
 *     .rule(include("ecommerce", "%"))
 *     .rule(exclude("ecommerce", Wildcards.literal("tmp_") + "%"))
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
     * {@return an include selection of every table of the schema ({@code table-name "%"})}
     *
     * @param schema schema pattern
     */
    public static IncludeStep include(String schema) {
        return include(schema, "%");
    }

    /**
     * {@return an exclude selection of every table of the schema}
     *
     * @param schema schema pattern
     */
    public static ExcludeStep exclude(String schema) {
        return exclude(schema, "%");
    }

    /**
     * {@return an include selection; filters, load order, id and name may follow}
     *
     * @param schema schema pattern
     * @param table table pattern
     */
    public static IncludeStep include(String schema, String table) {
        return selection(schema, table, SelectionAction.INCLUDE);
    }

    /**
     * {@return an exclude selection (beats include)}
     *
     * @param schema schema pattern
     * @param table table pattern
     */
    public static ExcludeStep exclude(String schema, String table) {
        return selection(schema, table, SelectionAction.EXCLUDE);
    }

    /**
     * {@return an explicit selection}
     *
     * @param schema exact schema
     * @param table exact table or view
     */
    public static ExplicitStep explicit(String schema, String table) {
        return selection(schema, table, SelectionAction.EXPLICIT);
    }

    private static SelectionRule.Builder selection(String schema, String table, SelectionAction action) {
        return SelectionRule.builder().locator(schema, table).action(action);
    }

    // ------------------------------------------------------------------ transformation

    /**
     * {@return a transformation on schemas; choose its action next}
     *
     * @param schema schema pattern
     */
    public static NameActionStep schema(String schema) {
        return new TransformationSteps(RuleTarget.SCHEMA, ObjectLocator.schema(schema));
    }

    /**
     * {@return a transformation on tables; choose its action next}
     *
     * @param schema schema pattern
     * @param table table pattern
     */
    public static TableActionStep table(String schema, String table) {
        return new TransformationSteps(RuleTarget.TABLE, ObjectLocator.table(schema, table));
    }

    /**
     * {@return a transformation on columns; choose its action next}
     *
     * @param schema schema pattern
     * @param table table pattern
     * @param column column pattern
     */
    public static ColumnActionStep column(String schema, String table, String column) {
        return new TransformationSteps(RuleTarget.COLUMN, ObjectLocator.column(schema, table, column));
    }

    /**
     * {@return a transformation on every column of that source data type; choose its action next}
     *
     * @param schema schema pattern
     * @param table table pattern
     * @param sourceDataType a DMS data type such as {@code uint1}
     */
    public static ColumnActionStep columnsOfType(String schema, String table, String sourceDataType) {
        return new TransformationSteps(RuleTarget.COLUMN,
                ObjectLocator.column(schema, table, "%").withDataType(sourceDataType));
    }

    /**
     * {@return a transformation on table tablespaces (Oracle); {@code rename} is the only action}
     *
     * @param schema schema pattern
     * @param table table pattern
     * @param tablespace tablespace pattern
     */
    public static TablespaceActionStep tableTablespace(String schema, String table, String tablespace) {
        return new TransformationSteps(RuleTarget.TABLE_TABLESPACE,
                ObjectLocator.table(schema, table).withTableTablespaceName(tablespace));
    }

    /**
     * {@return a transformation on index tablespaces (Oracle); {@code rename} is the only action}
     *
     * @param schema schema pattern
     * @param table table pattern
     * @param tablespace tablespace pattern
     */
    public static TablespaceActionStep indexTablespace(String schema, String table, String tablespace) {
        return new TransformationSteps(RuleTarget.INDEX_TABLESPACE,
                ObjectLocator.table(schema, table).withIndexTablespaceName(tablespace));
    }

    /**
     * Shorthand for {@code table(schema, table).addColumn(column, dataType)}.
     *
     * @param schema schema pattern
     * @param table table pattern
     * @param column the new column's name
     * @param dataType its type
     * @return an add-column rule; add {@code .expression("...")} to compute it
     */
    public static AddColumnStep addColumn(String schema, String table, String column, DataType dataType) {
        return table(schema, table).addColumn(column, dataType);
    }

    /**
     * Shorthand for {@code table(schema, table).definePrimaryKey(def)}.
     *
     * @param schema exact schema
     * @param table exact table
     * @param def the key
     * @return a define-primary-key rule
     */
    public static TransformationStep definePrimaryKey(String schema, String table, PrimaryKeyDef def) {
        return table(schema, table).definePrimaryKey(def);
    }

    /**
     * Shorthand for {@code table(schema, table).addBeforeImageColumns(def)}.
     *
     * @param schema schema pattern
     * @param table table pattern
     * @param def the columns to add
     * @return an add-before-image-columns rule
     */
    public static TransformationStep addBeforeImageColumns(String schema, String table, BeforeImageDef def) {
        return table(schema, table).addBeforeImageColumns(def);
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
        return TableMappings.readRule(ruleJson);
    }

    // ------------------------------------------------------------------ other rule types

    /**
     * {@return a table-settings rule; parallel load and LOB settings may follow}
     *
     * @param schema exact schema
     * @param table exact table
     */
    public static TableSettingsStep tableSettings(String schema, String table) {
        return TableSettingsRule.builder().locator(schema, table);
    }

    /**
     * {@return an S3 object-tagging rule; add tags with {@code .tag(key, value)}}
     *
     * @param schema schema pattern
     * @param table table pattern
     */
    public static AddTagStep addTag(String schema, String table) {
        return PostProcessingRule.builder().locator(schema, table);
    }

    /**
     * {@return a map-record-to-record object mapping}
     *
     * @param schema schema
     * @param table table
     */
    public static ObjectMappingStep mapRecordToRecord(String schema, String table) {
        return ObjectMappingRule.builder().locator(schema, table).action(ObjectMappingAction.MAP_RECORD_TO_RECORD);
    }

    /**
     * {@return a map-record-to-document object mapping}
     *
     * @param schema schema
     * @param table table
     */
    public static ObjectMappingStep mapRecordToDocument(String schema, String table) {
        return ObjectMappingRule.builder().locator(schema, table).action(ObjectMappingAction.MAP_RECORD_TO_DOCUMENT);
    }
}
