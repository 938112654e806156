package io.dmskit.model.s3.parquet;

/**
 * How a column's physical values are to be understood (Parquet's {@code ConvertedType}), limited to what DMS writes.
 * Readers map any other annotation to {@link #OTHER} and hand out the physical values unchanged.
 */
public enum ParquetLogicalType {
    /** No annotation: the physical value is the value. */
    NONE,
    /** UTF-8 text in a {@code BYTE_ARRAY}; Java {@link String}. */
    STRING,
    /** Unscaled decimal in {@code INT32}, {@code INT64} or {@code FIXED_LEN_BYTE_ARRAY}; Java {@link java.math.BigDecimal}. */
    DECIMAL,
    /** Days since 1970-01-01 in {@code INT32}; Java {@link java.time.LocalDate}. */
    DATE,
    /** Milliseconds since 1970-01-01T00:00 in {@code INT64}; Java {@link java.time.LocalDateTime}. */
    TIMESTAMP_MILLIS,
    /** Microseconds since 1970-01-01T00:00 in {@code INT64}; Java {@link java.time.LocalDateTime}. */
    TIMESTAMP_MICROS,
    /** An annotation this package does not interpret (read only). */
    OTHER
}
