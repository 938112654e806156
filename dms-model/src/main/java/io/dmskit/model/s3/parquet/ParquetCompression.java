package io.dmskit.model.s3.parquet;

/**
 * Parquet's page compression codecs ({@code CompressionCodec} in {@code parquet.thrift}). {@link ParquetWriter}
 * writes {@link #UNCOMPRESSED}, {@link #SNAPPY} and {@link #GZIP}; {@link ParquetReader} decodes the same three and
 * names any other codec in its error.
 */
public enum ParquetCompression {
    /** Pages stored as they are. */
    UNCOMPRESSED(0),
    /** Raw Snappy blocks. */
    SNAPPY(1),
    /** GZIP members (what DMS writes for {@code CompressionType=GZIP}). */
    GZIP(2),
    /** LZO (not supported). */
    LZO(3),
    /** Brotli (not supported). */
    BROTLI(4),
    /** Hadoop-framed LZ4 (not supported). */
    LZ4(5),
    /** Zstandard (not supported). */
    ZSTD(6),
    /** Raw LZ4 blocks (not supported). */
    LZ4_RAW(7);

    private final int id;

    ParquetCompression(int id) {
        this.id = id;
    }

    /**
     * Returns the number {@code parquet.thrift} gives this codec.
     *
     * @return the Thrift enum value
     */
    public int id() {
        return id;
    }

    /**
     * Tells whether this package can write and read pages compressed with this codec.
     *
     * @return true for UNCOMPRESSED, SNAPPY and GZIP
     */
    public boolean isSupported() {
        return this == UNCOMPRESSED || this == SNAPPY || this == GZIP;
    }

    /**
     * Finds the codec with a Thrift enum value.
     *
     * @param id the value read from a footer
     * @return the codec
     * @throws ParquetFormatException when no codec has this value
     */
    public static ParquetCompression ofId(int id) {
        for (ParquetCompression c : values()) {
            if (c.id == id) {
                return c;
            }
        }
        throw new ParquetFormatException("unknown Parquet compression codec " + id);
    }
}
