package io.dmskit.mappings;

import io.dmskit.mappings.objectmapping.MappingParameters;

/**
 * An {@code object-mapping} rule (DynamoDB, Kinesis, Kafka targets), action chosen: the target table or topic, the
 * partition key, the mapping parameters, and the rule's id and name. Returned by
 * {@link Rules#mapRecordToRecord(String, String)} and {@link Rules#mapRecordToDocument(String, String)}.
 *
 * <pre>{@code
 * mapRecordToRecord("Test", "Customers").targetTableName("CustomerData")
 *     .mappingParameters(MappingParameters.empty().withPartitionKeyType("schema-table"))
 * }</pre>
 */
public interface ObjectMappingStep extends Rule.Builder<ObjectMappingRule> {

    /**
     * Sets {@code targetTableName}: the DynamoDB table ({@code target-table-name}).
     *
     * @param name the DynamoDB table ({@code target-table-name})
     * @return this step
     */
    ObjectMappingStep targetTableName(String name);

    /**
     * Sets {@code kafkaTargetTopic}: a per-table Kafka topic ({@code kafka-target-topic}, DMS 3.4.6+).
     *
     * @param topic a per-table Kafka topic ({@code kafka-target-topic}, DMS 3.4.6+)
     * @return this step
     */
    ObjectMappingStep kafkaTargetTopic(String topic);

    /**
     * Sets {@code partitionKeyValue}: a constant partition key at rule level ({@code partition-key.value}, Kafka
     * multi-topic form).
     *
     * @param value a constant partition key at rule level ({@code partition-key.value}, Kafka multi-topic form)
     * @return this step
     */
    ObjectMappingStep partitionKeyValue(String value);

    /**
     * Sets {@code mappingParameters}: the {@code mapping-parameters}.
     *
     * @param parameters the {@code mapping-parameters}
     * @return this step
     */
    ObjectMappingStep mappingParameters(MappingParameters parameters);

    /**
     * Sets {@code id}: the {@code rule-id} (digits); assigned in declaration order when not set.
     *
     * @param ruleId the {@code rule-id} (digits); assigned in declaration order when not set
     * @return this step
     */
    ObjectMappingStep id(String ruleId);

    /**
     * Sets {@code id}: the {@code rule-id}.
     *
     * @param ruleId the {@code rule-id}
     * @return this step
     */
    ObjectMappingStep id(long ruleId);

    /**
     * Sets {@code name}: the {@code rule-name}; derived readably when not set.
     *
     * @param ruleName the {@code rule-name}; derived readably when not set
     * @return this step
     */
    ObjectMappingStep name(String ruleName);
}
