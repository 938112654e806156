package io.dmskit.core.provision;

import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.core.internal.Validate;
import java.util.List;

/**
 * One field whose current value (as DMS reports it) differs from the desired value.
 *
 * @param field the field or JSON path, e.g. {@code S3Settings.DataFormat} or
 *     {@code ReplicationTaskSettings.Logging.LogComponents[SOURCE_CAPTURE]}
 * @param before the current value, {@code (unset)} when DMS reports none; {@code (sensitive)} for secrets
 * @param after the desired value; {@code (sensitive)} for secrets
 * @param sensitive whether the values are secret (then they are never shown)
 */
public record FieldDiff(String field, String before, String after, boolean sensitive) {

    /** Text used in place of a sensitive value. */
    public static final String SENSITIVE = "(sensitive)";

    /** Text used for a value that is not set. */
    public static final String UNSET = "(unset)";

    /**
     * Validates the components and hides sensitive values.
     *
     * @throws InvalidDefinitionException when field is null
     */
    public FieldDiff {
        Validate.requireArgument(field, "field", "FieldDiff");
        if (sensitive) {
            before = SENSITIVE;
            after = SENSITIVE;
        }
        before = before == null ? UNSET : before;
        after = after == null ? UNSET : after;
    }

    /**
     * {@return a non-sensitive difference}
     *
     * @param field the field
     * @param before current value or null
     * @param after desired value or null
     * @throws InvalidDefinitionException when field is null, or before's or after's toString() fails
     */
    public static FieldDiff of(String field, Object before, Object after) {
        return new FieldDiff(field, text(before, "before"), text(after, "after"), false);
    }

    /** A value's text; a value whose toString() fails (or recurses without end) is reported, not propagated. */
    private static String text(Object value, String parameter) {
        if (value == null) {
            return null;
        }
        try {
            return String.valueOf(value);
        } catch (RuntimeException | StackOverflowError e) {
            throw new InvalidDefinitionException(List.of(new DefinitionProblem("FieldDiff", parameter,
                "a " + value.getClass().getName() + " whose toString() fails (" + e.getClass().getSimpleName() + ")")));
        }
    }

    /**
     * {@return a difference whose values are never shown}
     *
     * @param field the field
     * @throws InvalidDefinitionException when field is null
     */
    public static FieldDiff sensitive(String field) {
        return new FieldDiff(field, null, null, true);
    }

    /** {@return {@code field: before -> after}} */
    @Override
    public String toString() {
        return field + ": " + before + " -> " + after;
    }
}
