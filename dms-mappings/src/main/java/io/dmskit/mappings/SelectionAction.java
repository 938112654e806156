package io.dmskit.mappings;

import io.dmskit.mappings.internal.WireValues;
import java.util.Optional;

/** The {@code rule-action} of a selection rule. */
public enum SelectionAction {
    /** Replicate the matching tables. */
    INCLUDE("include"),
    /** Do not replicate the matching tables; beats include. */
    EXCLUDE("exclude"),
    /** Replicate exactly one table or view, named without wildcards. */
    EXPLICIT("explicit");

    private final String wireValue;

    SelectionAction(String wireValue) {
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
    public static Optional<SelectionAction> fromWire(String value) {
        return WireValues.find(values(), SelectionAction::wireValue, value);
    }

    @Override
    public String toString() {
        return wireValue;
    }
}
