package io.dmskit.model.s3;

/**
 * Bounds a {@link CsvReader} keeps to whatever it is given, so that a corrupt or hostile object fails with a
 * {@link CsvFormatException} instead of exhausting memory or time. The limits bound what the reader holds: fields it
 * does not capture cost nothing and are never limited, so counting a record of any length stays possible.
 *
 * <pre>{@code
 * CsvReader reader = dialect.reader().withLimits(CsvLimits.DEFAULT.withMaxFieldBytes(256 << 20));
 * }</pre>
 *
 * @param maxFieldBytes longest captured field, in bytes of its (decoded) UTF-8 text; default 64 MiB, which is above
 *     DMS's limited-LOB sizes and keeps a field's buffer (at most twice this) affordable
 * @param maxFieldsPerRecord most fields a captured record may have; default 100,000 (no DMS source engine allows a
 *     table that wide)
 * @param maxDecompressedBytes most bytes a gzip object may inflate to; default 4 GiB, four times the largest object
 *     DMS writes ({@code MaxFileSize} is at most 1 GB), so a gzip bomb stops after bounded work
 */
public record CsvLimits(int maxFieldBytes, int maxFieldsPerRecord, long maxDecompressedBytes) {

    /** The defaults documented on the components. */
    public static final CsvLimits DEFAULT = new CsvLimits(64 << 20, 100_000, 4L << 30);

    /**
     * Checks the limits.
     *
     * @throws CsvFormatException (an IllegalArgumentException) when a limit is not positive
     */
    public CsvLimits {
        if (maxFieldBytes <= 0 || maxFieldsPerRecord <= 0 || maxDecompressedBytes <= 0) {
            throw new CsvFormatException(null, "CSV limits must be positive, were maxFieldBytes=" + maxFieldBytes
                    + ", maxFieldsPerRecord=" + maxFieldsPerRecord + ", maxDecompressedBytes="
                    + maxDecompressedBytes, null);
        }
    }

    /**
     * {@return a copy with that field length limit}
     *
     * @param bytes the new limit
     */
    public CsvLimits withMaxFieldBytes(int bytes) {
        return new CsvLimits(bytes, maxFieldsPerRecord, maxDecompressedBytes);
    }

    /**
     * {@return a copy with that field count limit}
     *
     * @param fields the new limit
     */
    public CsvLimits withMaxFieldsPerRecord(int fields) {
        return new CsvLimits(maxFieldBytes, fields, maxDecompressedBytes);
    }

    /**
     * {@return a copy with that decompression limit}
     *
     * @param bytes the new limit
     */
    public CsvLimits withMaxDecompressedBytes(long bytes) {
        return new CsvLimits(maxFieldBytes, maxFieldsPerRecord, bytes);
    }
}
