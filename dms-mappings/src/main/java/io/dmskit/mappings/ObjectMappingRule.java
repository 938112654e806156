package io.dmskit.mappings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dmskit.mappings.objectmapping.MappingParameters;
import io.dmskit.mappings.objectmapping.ObjectMappingAction;
import java.util.Optional;

/**
 * An {@code object-mapping} rule for DynamoDB, Kinesis and Kafka targets.
 *
 * <pre>{@code
 * Rules.mapRecordToRecord("Test", "Customers")
 *      .targetTableName("CustomerData")
 *      .mappingParameters(MappingParameters.empty().withPartitionKeyType("schema-table"))
 * }</pre>
 */
public final class ObjectMappingRule extends AbstractRule implements Rule {

    ObjectMappingRule(ObjectNode node) {
        super(node);
    }

    /** {@return an empty builder} */
    public static Builder builder() {
        return new Builder(Codec.object());
    }

    /** {@return a builder initialised from this rule (unknown keys kept)} */
    public Builder toBuilder() {
        return new Builder(node.deepCopy());
    }

    /** {@return the {@code rule-action} as an enum, empty when missing or unknown} */
    public Optional<ObjectMappingAction> action() {
        return ObjectMappingAction.fromWire(ruleAction());
    }

    /** {@return {@code target-table-name}, or empty} */
    public Optional<String> targetTableName() {
        return Optional.ofNullable(Codec.text(node, "target-table-name"));
    }

    /** {@return {@code kafka-target-topic}, or empty} */
    public Optional<String> kafkaTargetTopic() {
        return Optional.ofNullable(Codec.text(node, "kafka-target-topic"));
    }

    /** {@return the rule-level {@code partition-key.value} (Kafka multi-topic form), or empty} */
    public Optional<String> partitionKeyValue() {
        JsonNode pk = node.get("partition-key");
        return Optional.ofNullable(pk == null ? null : Codec.text(pk, "value"));
    }

    /** {@return {@code mapping-parameters}, or empty} */
    public Optional<MappingParameters> mappingParameters() {
        return Optional.ofNullable(Codec.mappingParameters(node.get("mapping-parameters")));
    }

    @Override
    public ObjectMappingRule withRuleId(String id) {
        return with("rule-id", id, ObjectMappingRule::new);
    }

    @Override
    public ObjectMappingRule withRuleName(String name) {
        return with("rule-name", name, ObjectMappingRule::new);
    }

    /**
     * Builder of {@link ObjectMappingRule} that sets keys one by one; {@link Rules#mapRecordToRecord} and
     * {@link Rules#mapRecordToDocument} hand it out as an {@link ObjectMappingStep}.
     */
    public static final class Builder extends BaseBuilder<Builder, ObjectMappingRule> implements ObjectMappingStep {
        Builder(ObjectNode node) {
            super(node);
            node.put("rule-type", RuleType.OBJECT_MAPPING.wireValue());
        }

        /**
         * Sets {@code locator}: schema.
         *
         * @param schemaName schema
         * @param tableName table
         * @return this builder
         */
        public Builder locator(String schemaName, String tableName) {
            return locator(ObjectLocator.table(schemaName, tableName));
        }

        /**
         * Sets {@code action}: map-record-to-record or map-record-to-document.
         *
         * @param action map-record-to-record or map-record-to-document
         * @return this builder
         */
        public Builder action(ObjectMappingAction action) {
            set("rule-action", action == null ? null : action.wireValue());
            return this;
        }

        /**
         * Sets {@code targetTableName}: DynamoDB table (also used by Kinesis/Kafka examples).
         *
         * @param name DynamoDB table (also used by Kinesis/Kafka examples)
         * @return this builder
         */
        @Override
        public Builder targetTableName(String name) {
            set("target-table-name", name);
            return this;
        }

        /**
         * Sets {@code kafkaTargetTopic}: per-table Kafka topic (DMS 3.4.6+).
         *
         * @param topic per-table Kafka topic (DMS 3.4.6+)
         * @return this builder
         */
        @Override
        public Builder kafkaTargetTopic(String topic) {
            set("kafka-target-topic", topic);
            return this;
        }

        /**
         * Sets {@code partitionKeyValue}: constant partition key at rule level (Kafka multi-topic form).
         *
         * @param value constant partition key at rule level (Kafka multi-topic form)
         * @return this builder
         */
        @Override
        public Builder partitionKeyValue(String value) {
            if (value == null) {
                node.remove("partition-key");
            } else {
                ObjectNode pk = Codec.object();
                pk.put("value", value);
                node.set("partition-key", pk);
            }
            return this;
        }

        /**
         * Sets {@code mappingParameters}: {@code mapping-parameters}.
         *
         * @param parameters {@code mapping-parameters}
         * @return this builder
         */
        @Override
        public Builder mappingParameters(MappingParameters parameters) {
            set("mapping-parameters", parameters == null ? null : Codec.mappingParameters(parameters));
            return this;
        }

        @Override
        public ObjectMappingRule build() {
            return new ObjectMappingRule(finish());
        }
    }
}
