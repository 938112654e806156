package io.dmskit.mappings;

import io.dmskit.mappings.internal.WireValues;
import java.util.Optional;

/** The {@code object-locator.table-type} of a selection rule (default {@link #TABLE}). */
public enum TableType {
    /** Tables only (the default). */
    TABLE("table"),
    /** Views only (loaded to a target table, full load only). */
    VIEW("view"),
    /** Tables and views. */
    ALL("all");

    private final String wireValue;

    TableType(String wireValue) {
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
    public static Optional<TableType> fromWire(String value) {
        return WireValues.find(values(), TableType::wireValue, value);
    }

    @Override
    public String toString() {
        return wireValue;
    }
}
