package io.dmskit.model.s3;

import java.util.Optional;

/** {@code DatePartitionDelimiter}: what separates the parts of a date-partition folder. */
public enum DatePartitionDelimiter {
    /** {@code 2024/05/28}, the default: one folder per part. */
    SLASH("/"),
    /** {@code 2024_05_28}. */
    UNDERSCORE("_"),
    /** {@code 2024-05-28}. */
    DASH("-"),
    /** {@code 20240528}. */
    NONE("");

    private final String text;

    DatePartitionDelimiter(String text) {
        this.text = text;
    }

    /** {@return the characters put between the parts} */
    public String text() {
        return text;
    }

    /**
     * {@return the delimiter, or empty when the value is not one}
     *
     * @param wire the value as DMS echoes it (any case); null or blank means the default
     */
    public static Optional<DatePartitionDelimiter> fromWire(String wire) {
        if (wire == null || wire.isBlank()) {
            return Optional.of(SLASH);
        }
        for (DatePartitionDelimiter d : values()) {
            if (d.name().equalsIgnoreCase(wire.strip())) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
