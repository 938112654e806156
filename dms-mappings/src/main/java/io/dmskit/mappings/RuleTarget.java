package io.dmskit.mappings;

import io.dmskit.mappings.internal.WireValues;
import java.util.Optional;

/** The {@code rule-target} of a transformation rule. */
public enum RuleTarget {
    /** A schema (database). */
    SCHEMA("schema"),
    /** A table (or view). */
    TABLE("table"),
    /** A column. */
    COLUMN("column"),
    /** A table tablespace (Oracle target only). */
    TABLE_TABLESPACE("table-tablespace"),
    /** An index tablespace (Oracle target only). */
    INDEX_TABLESPACE("index-tablespace");

    private final String wireValue;

    RuleTarget(String wireValue) {
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
    public static Optional<RuleTarget> fromWire(String value) {
        return WireValues.find(values(), RuleTarget::wireValue, value);
    }

    @Override
    public String toString() {
        return wireValue;
    }
}
