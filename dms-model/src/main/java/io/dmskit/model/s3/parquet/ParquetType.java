package io.dmskit.model.s3.parquet;

/** Parquet's physical types ({@code Type} in {@code parquet.thrift}), with the number the format gives each. */
public enum ParquetType {
    /** One bit per value. */
    BOOLEAN(0),
    /** 32-bit signed integer. */
    INT32(1),
    /** 64-bit signed integer. */
    INT64(2),
    /** Deprecated 96-bit timestamp; read as raw bytes, never written. */
    INT96(3),
    /** IEEE 754 single precision. */
    FLOAT(4),
    /** IEEE 754 double precision. */
    DOUBLE(5),
    /** Length-prefixed bytes (strings, binary). */
    BYTE_ARRAY(6),
    /** Bytes of the column's fixed length (large decimals). */
    FIXED_LEN_BYTE_ARRAY(7);

    private final int id;

    ParquetType(int id) {
        this.id = id;
    }

    /**
     * Returns the number {@code parquet.thrift} gives this type.
     *
     * @return the Thrift enum value
     */
    public int id() {
        return id;
    }

    /**
     * Finds the type with a Thrift enum value.
     *
     * @param id the value read from a footer
     * @return the type
     * @throws ParquetFormatException when no type has this value
     */
    public static ParquetType ofId(int id) {
        for (ParquetType t : values()) {
            if (t.id == id) {
                return t;
            }
        }
        throw new ParquetFormatException("unknown Parquet physical type " + id);
    }
}
