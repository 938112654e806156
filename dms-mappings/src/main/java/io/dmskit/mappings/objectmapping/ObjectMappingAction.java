package io.dmskit.mappings.objectmapping;

import io.dmskit.mappings.internal.WireValues;
import java.util.Optional;

/** The {@code rule-action} of an object-mapping rule (DynamoDB, Kinesis, Kafka targets). */
public enum ObjectMappingAction {
    /** Every non-excluded column becomes an attribute. */
    MAP_RECORD_TO_RECORD("map-record-to-record"),
    /** Non-excluded columns go into a map attribute called {@code _doc}. */
    MAP_RECORD_TO_DOCUMENT("map-record-to-document");

    private final String wireValue;

    ObjectMappingAction(String wireValue) {
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
    public static Optional<ObjectMappingAction> fromWire(String value) {
        return WireValues.find(values(), ObjectMappingAction::wireValue, value);
    }

    @Override
    public String toString() {
        return wireValue;
    }
}
