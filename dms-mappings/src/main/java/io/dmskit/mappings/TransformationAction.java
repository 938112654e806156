package io.dmskit.mappings;

import io.dmskit.mappings.internal.WireValues;
import java.util.Optional;

/** The {@code rule-action} of a transformation rule. */
public enum TransformationAction {
    /** Rename the object to {@code value}. */
    RENAME("rename"),
    /** Convert the name to lower case. */
    CONVERT_LOWERCASE("convert-lowercase"),
    /** Convert the name to upper case. */
    CONVERT_UPPERCASE("convert-uppercase"),
    /** Prepend {@code value}. */
    ADD_PREFIX("add-prefix"),
    /** Remove the prefix {@code value}. */
    REMOVE_PREFIX("remove-prefix"),
    /** Replace the prefix {@code old-value} with {@code value}. */
    REPLACE_PREFIX("replace-prefix"),
    /** Append {@code value}. */
    ADD_SUFFIX("add-suffix"),
    /** Remove the suffix {@code value}. */
    REMOVE_SUFFIX("remove-suffix"),
    /** Replace the suffix {@code old-value} with {@code value}. */
    REPLACE_SUFFIX("replace-suffix"),
    /** Do not replicate the matching columns. */
    REMOVE_COLUMN("remove-column"),
    /** Replicate only the columns named by include-column rules. */
    INCLUDE_COLUMN("include-column"),
    /** Add column {@code value} of {@code data-type}, optionally computed by {@code expression}. */
    ADD_COLUMN("add-column"),
    /** Change the column type to {@code data-type}. */
    CHANGE_DATA_TYPE("change-data-type"),
    /** Define the target primary key or unique index ({@code primary-key-def}). */
    DEFINE_PRIMARY_KEY("define-primary-key"),
    /** Add before-image columns ({@code before-image-def}). */
    ADD_BEFORE_IMAGE_COLUMNS("add-before-image-columns"),
    /** Replace every digit with the character in {@code value}. */
    DATA_MASKING_DIGITS_MASK("data-masking-digits-mask"),
    /** Replace every digit with a random digit. */
    DATA_MASKING_DIGITS_RANDOMIZE("data-masking-digits-randomize"),
    /** Replace the value with its SHA-256 hash. */
    DATA_MASKING_HASH_MASK("data-masking-hash-mask");

    private final String wireValue;

    TransformationAction(String wireValue) {
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
    public static Optional<TransformationAction> fromWire(String value) {
        return WireValues.find(values(), TransformationAction::wireValue, value);
    }

    @Override
    public String toString() {
        return wireValue;
    }
}
