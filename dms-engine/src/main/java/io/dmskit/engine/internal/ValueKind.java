package io.dmskit.engine.internal;

/**
 * The engine's canonical value kinds. Every source column is read into one of these Java types, whatever the source
 * engine; writers (CSV, Parquet, JDBC) only deal with these.
 */
enum ValueKind {
    /** {@link Long}: all integer types that fit 64 bits (signed). */
    INTEGER,
    /** {@link java.math.BigDecimal}: DECIMAL/NUMERIC and unsigned BIGINT. */
    DECIMAL,
    /** {@link Double}: DOUBLE / double precision. */
    DOUBLE,
    /** {@link Float}: FLOAT / real. */
    FLOAT,
    /** {@link Boolean}: PostgreSQL boolean. */
    BOOLEAN,
    /** {@link String}: character types, enums, JSON, UUID, TIME and everything without a better kind. */
    STRING,
    /** {@link java.time.LocalDate}. */
    DATE,
    /** {@link java.time.LocalDateTime}: DATETIME/TIMESTAMP; time-zone aware source values are converted to UTC. */
    TIMESTAMP,
    /** {@code byte[]}: binary types. */
    BINARY
}
