package io.dmskit.mappings;

/**
 * The {@code object-locator} of a rule: which schema, table, column, tablespace or column data type it applies to.
 * Fields may hold DMS wildcards ({@link Wildcards}); a {@code null} field is absent from the JSON.
 *
 * <pre>{@code
 * ObjectLocator.table("ecommerce", "%")            // every table of schema ecommerce
 * ObjectLocator.column("hr", "employees", "ssn")
 * }</pre>
 *
 * @param schemaName {@code schema-name}
 * @param tableName {@code table-name}, or null
 * @param tableType {@code table-type} ({@code table}, {@code view}, {@code all}) for selection rules, or null
 * @param columnName {@code column-name}, or null
 * @param dataType {@code data-type}: selects columns by their source data type (transformations), or null
 * @param tableTablespaceName {@code table-tablespace-name} (Oracle), or null
 * @param indexTablespaceName {@code index-tablespace-name} (Oracle), or null
 */
public record ObjectLocator(String schemaName, String tableName, String tableType, String columnName,
                            String dataType, String tableTablespaceName, String indexTablespaceName) {

    /**
     * {@return a locator naming only a schema}
     *
     * @param schemaName schema pattern
     */
    public static ObjectLocator schema(String schemaName) {
        return new ObjectLocator(schemaName, null, null, null, null, null, null);
    }

    /**
     * {@return a table locator}
     *
     * @param schemaName schema pattern
     * @param tableName table pattern
     */
    public static ObjectLocator table(String schemaName, String tableName) {
        return new ObjectLocator(schemaName, tableName, null, null, null, null, null);
    }

    /**
     * {@return a column locator}
     *
     * @param schemaName schema pattern
     * @param tableName table pattern
     * @param columnName column pattern
     */
    public static ObjectLocator column(String schemaName, String tableName, String columnName) {
        return new ObjectLocator(schemaName, tableName, null, columnName, null, null, null);
    }

    /**
     * {@return a copy with {@code table-type} set}
     *
     * @param value the table-type
     */
    public ObjectLocator withTableType(TableType value) {
        return new ObjectLocator(schemaName, tableName, value == null ? null : value.wireValue(), columnName, dataType,
                tableTablespaceName, indexTablespaceName);
    }

    /**
     * {@return a copy with {@code column-name} set}
     *
     * @param value the column pattern
     */
    public ObjectLocator withColumnName(String value) {
        return new ObjectLocator(schemaName, tableName, tableType, value, dataType, tableTablespaceName,
                indexTablespaceName);
    }

    /**
     * {@return a copy with {@code data-type} set}
     *
     * @param value a source data type such as {@code uint1}
     */
    public ObjectLocator withDataType(String value) {
        return new ObjectLocator(schemaName, tableName, tableType, columnName, value, tableTablespaceName,
                indexTablespaceName);
    }

    /**
     * {@return a copy with {@code table-tablespace-name} set}
     *
     * @param value tablespace pattern
     */
    public ObjectLocator withTableTablespaceName(String value) {
        return new ObjectLocator(schemaName, tableName, tableType, columnName, dataType, value, indexTablespaceName);
    }

    /**
     * {@return a copy with {@code index-tablespace-name} set}
     *
     * @param value tablespace pattern
     */
    public ObjectLocator withIndexTablespaceName(String value) {
        return new ObjectLocator(schemaName, tableName, tableType, columnName, dataType, tableTablespaceName, value);
    }

    /** {@return the table-type as an enum, {@link TableType#TABLE} when absent or unknown} */
    public TableType tableTypeOrDefault() {
        return tableType == null ? TableType.TABLE : TableType.fromWire(tableType).orElse(TableType.TABLE);
    }
}
