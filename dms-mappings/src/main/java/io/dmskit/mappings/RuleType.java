package io.dmskit.mappings;

import io.dmskit.mappings.internal.WireValues;
import java.util.Optional;

/** The {@code rule-type} of a table-mapping rule. */
public enum RuleType {
    /** Chooses schemas, tables or views and filters rows. */
    SELECTION("selection"),
    /** Renames, changes case, adds or removes columns, changes types, masks data. */
    TRANSFORMATION("transformation"),
    /** Per-table parallel load and LOB settings. */
    TABLE_SETTINGS("table-settings"),
    /** S3 object tagging. */
    POST_PROCESSING("post-processing"),
    /** Record mapping for DynamoDB, Kinesis and Kafka targets. */
    OBJECT_MAPPING("object-mapping");

    private final String wireValue;

    RuleType(String wireValue) {
        this.wireValue = wireValue;
    }

    /** {@return the value as written in the DMS JSON document} */
    public String wireValue() {
        return wireValue;
    }

    /**
     * {@return the constant, or empty when DMS does not know the value}
     *
     * @param value a value as written in a DMS JSON document (exact, case-sensitive)
     */
    public static Optional<RuleType> fromWire(String value) {
        return WireValues.find(values(), RuleType::wireValue, value);
    }

    @Override
    public String toString() {
        return wireValue;
    }
}
