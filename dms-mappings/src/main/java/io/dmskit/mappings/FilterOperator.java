package io.dmskit.mappings;

import io.dmskit.mappings.internal.WireValues;
import java.util.Optional;

/** A source-filter {@code filter-operator}. Several conditions in one filter are ORed; several filters are ANDed. */
public enum FilterOperator {
    /** Less than or equal to {@code value}. */
    LTE("lte"),
    /** Legacy spelling of {@link #LTE} (accepted on input, emitted as written). */
    STE("ste"),
    /** Greater than or equal to {@code value}. */
    GTE("gte"),
    /** Equal to {@code value}. */
    EQ("eq"),
    /** Not equal to {@code value}; must be the only condition of its filter. */
    NOTEQ("noteq"),
    /** Between {@code start-value} and {@code end-value}, inclusive. */
    BETWEEN("between"),
    /** Not between {@code start-value} and {@code end-value}; must be the only condition of its filter. */
    NOTBETWEEN("notbetween"),
    /** IS NULL; takes no value. */
    NULL("null"),
    /** IS NOT NULL; takes no value; must be the only condition of its filter. */
    NOTNULL("notnull");

    private final String wireValue;

    FilterOperator(String wireValue) {
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
    public static Optional<FilterOperator> fromWire(String value) {
        return WireValues.find(values(), FilterOperator::wireValue, value);
    }

    @Override
    public String toString() {
        return wireValue;
    }
}
