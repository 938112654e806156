package io.dmskit.model.s3;

import java.util.Locale;
import java.util.Optional;

/** The S3 endpoint's {@code DataFormat}: DMS writes CSV unless told to write Parquet. */
public enum S3DataFormat {
    /** {@code DataFormat=csv}, the default (optionally gzip-compressed). */
    CSV,
    /** {@code DataFormat=parquet}. */
    PARQUET;

    /**
     * {@return the format, or empty when the value is not a DataFormat}
     *
     * @param wire a DataFormat value as DMS or a user writes it ({@code csv}, {@code PARQUET}); null or blank means
     *             the default
     */
    public static Optional<S3DataFormat> fromWire(String wire) {
        if (wire == null || wire.isBlank()) {
            return Optional.of(CSV);
        }
        return switch (wire.strip().toLowerCase(Locale.ROOT)) {
            case "csv" -> Optional.of(CSV);
            case "parquet" -> Optional.of(PARQUET);
            default -> Optional.empty();
        };
    }
}
