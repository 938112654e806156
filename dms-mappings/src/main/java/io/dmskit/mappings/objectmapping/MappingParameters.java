package io.dmskit.mappings.objectmapping;

import io.dmskit.mappings.internal.Args;
import java.util.List;

/**
 * The {@code mapping-parameters} of an object-mapping rule.
 *
 * @param partitionKeyType {@code partition-key-type} (Kinesis/Kafka: schema-table, transaction-id, primary-key,
 *     constant, attribute-name), or null
 * @param partitionKeyName {@code partition-key-name} (DynamoDB partition key, or with attribute-name), or null
 * @param sortKeyName {@code sort-key-name} (DynamoDB), or null
 * @param partitionKeyValue {@code partition-key.value} (constant key), or null
 * @param excludeColumns {@code exclude-columns}
 * @param attributeMappings {@code attribute-mappings}
 * @param conditionExpressionJson {@code condition-expression} (DynamoDB) as JSON object text, or null
 */
public record MappingParameters(String partitionKeyType, String partitionKeyName, String sortKeyName,
                                String partitionKeyValue, List<String> excludeColumns,
                                List<AttributeMapping> attributeMappings, String conditionExpressionJson) {

    /** Creates the parameters, copying the lists. */
    public MappingParameters {
        excludeColumns = Args.list(excludeColumns, "MappingParameters: excludeColumns");
        attributeMappings = Args.list(attributeMappings, "MappingParameters: attributeMappings");
    }

    /** {@return empty parameters, to refine with the {@code with...} methods} */
    public static MappingParameters empty() {
        return new MappingParameters(null, null, null, null, null, null, null);
    }

    /**
     * {@return a copy}
     *
     * @param type partition-key-type
     */
    public MappingParameters withPartitionKeyType(String type) {
        return new MappingParameters(type, partitionKeyName, sortKeyName, partitionKeyValue, excludeColumns,
                attributeMappings, conditionExpressionJson);
    }

    /**
     * {@return a copy}
     *
     * @param name partition-key-name
     */
    public MappingParameters withPartitionKeyName(String name) {
        return new MappingParameters(partitionKeyType, name, sortKeyName, partitionKeyValue, excludeColumns,
                attributeMappings, conditionExpressionJson);
    }

    /**
     * {@return a copy}
     *
     * @param name sort-key-name
     */
    public MappingParameters withSortKeyName(String name) {
        return new MappingParameters(partitionKeyType, partitionKeyName, name, partitionKeyValue, excludeColumns,
                attributeMappings, conditionExpressionJson);
    }

    /**
     * {@return a copy with {@code partition-key.value}}
     *
     * @param value constant partition key
     */
    public MappingParameters withPartitionKeyValue(String value) {
        return new MappingParameters(partitionKeyType, partitionKeyName, sortKeyName, value, excludeColumns,
                attributeMappings, conditionExpressionJson);
    }

    /**
     * {@return a copy}
     *
     * @param columns columns left out of the record
     */
    public MappingParameters withExcludeColumns(List<String> columns) {
        return new MappingParameters(partitionKeyType, partitionKeyName, sortKeyName, partitionKeyValue, columns,
                attributeMappings, conditionExpressionJson);
    }

    /**
     * {@return a copy}
     *
     * @param mappings attribute mappings
     */
    public MappingParameters withAttributeMappings(List<AttributeMapping> mappings) {
        return new MappingParameters(partitionKeyType, partitionKeyName, sortKeyName, partitionKeyValue,
                excludeColumns, mappings, conditionExpressionJson);
    }

    /**
     * {@return a copy}
     *
     * @param json DynamoDB condition-expression object as JSON text
     */
    public MappingParameters withConditionExpressionJson(String json) {
        return new MappingParameters(partitionKeyType, partitionKeyName, sortKeyName, partitionKeyValue,
                excludeColumns, attributeMappings, json);
    }
}
