package io.dmskit.model.s3.parquet;

/**
 * Ceilings {@link ParquetReader} applies on top of what the file itself allows, so a corrupt or hostile file fails
 * with a {@link ParquetFormatException} instead of exhausting memory. Lengths a file declares are never trusted beyond
 * the bytes actually given; these limits bound what small inputs can legitimately expand to (a GZIP page inflates up
 * to 1032 times, an RLE run of nulls describes millions of values in a few bytes).
 *
 * <pre>{@code
 * List<Object> values = ParquetReader.readValues(chunk, bytes, ParquetLimits.DEFAULT.withMaxPageBytes(512 << 20));
 * }</pre>
 *
 * @param maxPageBytes largest uncompressed page; default 128 MiB (DMS writes pages of {@code DataPageSize}, 1 MiB by
 *     default, and dictionary pages of at most {@code DictPageSizeLimit}, 3 MiB by default)
 * @param maxValuesPerChunk most values one column chunk (one row group) may hold; default 16,777,216 (DMS's
 *     {@code RowGroupLength} is 10,000 rows by default); decoding holds about 20 bytes per value
 * @param maxFooterBytes longest footer ({@code FileMetaData}); default 64 MiB, thousands of times what a DMS table's
 *     footer takes (parsing holds about 50 bytes per footer byte for the widest schemas)
 */
public record ParquetLimits(int maxPageBytes, int maxValuesPerChunk, int maxFooterBytes) {

    /** The defaults documented on the components. */
    public static final ParquetLimits DEFAULT = new ParquetLimits(128 << 20, 1 << 24, 64 << 20);

    /**
     * Checks the limits.
     *
     * @throws ParquetFormatException (an IllegalArgumentException) when a limit is not positive
     */
    public ParquetLimits {
        if (maxPageBytes <= 0 || maxValuesPerChunk <= 0 || maxFooterBytes <= 0) {
            throw new ParquetFormatException("Parquet limits must be positive, were maxPageBytes=" + maxPageBytes
                    + ", maxValuesPerChunk=" + maxValuesPerChunk + ", maxFooterBytes=" + maxFooterBytes);
        }
    }

    /**
     * {@return a copy with that page size limit}
     *
     * @param bytes the new limit
     */
    public ParquetLimits withMaxPageBytes(int bytes) {
        return new ParquetLimits(bytes, maxValuesPerChunk, maxFooterBytes);
    }

    /**
     * {@return a copy with that value count limit}
     *
     * @param values the new limit
     */
    public ParquetLimits withMaxValuesPerChunk(int values) {
        return new ParquetLimits(maxPageBytes, values, maxFooterBytes);
    }

    /**
     * {@return a copy with that footer size limit}
     *
     * @param bytes the new limit
     */
    public ParquetLimits withMaxFooterBytes(int bytes) {
        return new ParquetLimits(maxPageBytes, maxValuesPerChunk, bytes);
    }
}
