package io.dmskit.verify.target;

/** The S3 endpoint's {@code DataFormat}. */
public enum S3DataFormat {
    /** Decide per object from its name ({@code .parquet} vs anything else), the default. */
    AUTO,
    /** {@code DataFormat=csv} (optionally gzip-compressed). */
    CSV,
    /** {@code DataFormat=parquet}. */
    PARQUET
}
