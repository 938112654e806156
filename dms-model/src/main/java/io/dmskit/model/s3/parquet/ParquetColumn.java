package io.dmskit.model.s3.parquet;

import io.dmskit.model.internal.Args;
import java.util.Objects;

/**
 * One column of a flat Parquet schema: its name, physical type and annotation. {@link ParquetWriter} writes every
 * column as {@code OPTIONAL}; {@link ParquetReader} describes the leaves of any file with the same record.
 *
 * <pre>{@code
 * List.of(ParquetColumn.string("Op"), ParquetColumn.int64("id"), ParquetColumn.decimal("price", 10, 2),
 *         ParquetColumn.timestampMicros("updated_at"));
 * }</pre>
 *
 * @param name column name (for nested leaves read from a file, the dotted path)
 * @param type physical type
 * @param logicalType annotation, {@link ParquetLogicalType#NONE} when there is none
 * @param precision decimal precision, 0 unless {@link ParquetLogicalType#DECIMAL}
 * @param scale decimal scale, 0 unless {@link ParquetLogicalType#DECIMAL}
 * @param typeLength byte length of a {@link ParquetType#FIXED_LEN_BYTE_ARRAY} value, 0 for other types
 */
public record ParquetColumn(String name, ParquetType type, ParquetLogicalType logicalType, int precision, int scale,
                            int typeLength) {

    /** Largest decimal precision a 16-byte {@code FIXED_LEN_BYTE_ARRAY} holds, as DMS uses it. */
    public static final int MAX_DECIMAL_PRECISION = 38;

    /**
     * Validates the column.
     *
     * @throws io.dmskit.model.DmsModelException when name, type or logicalType is null
     * @throws ParquetFormatException (an IllegalArgumentException) when the annotation does not fit the physical type
     */
    public ParquetColumn {
        Args.required(name, "ParquetColumn: name");
        Args.required(type, "ParquetColumn: type");
        Args.required(logicalType, "ParquetColumn: logicalType");
        if (type == ParquetType.FIXED_LEN_BYTE_ARRAY && typeLength <= 0) {
            throw new ParquetFormatException("column " + name + ": FIXED_LEN_BYTE_ARRAY needs a typeLength > 0");
        }
        if (logicalType == ParquetLogicalType.DECIMAL && (precision < 1 || scale < 0 || scale > precision)) {
            throw new ParquetFormatException("column " + name + ": DECIMAL(" + precision + ", " + scale
                    + ") needs 1 <= precision and 0 <= scale <= precision");
        }
    }

    /**
     * A UTF-8 text column ({@code BYTE_ARRAY} annotated {@code STRING}).
     *
     * @param name column name
     * @return the column
     */
    public static ParquetColumn string(String name) {
        return new ParquetColumn(name, ParquetType.BYTE_ARRAY, ParquetLogicalType.STRING, 0, 0, 0);
    }

    /**
     * A column of raw bytes ({@code BYTE_ARRAY} without annotation).
     *
     * @param name column name
     * @return the column
     */
    public static ParquetColumn binary(String name) {
        return plain(name, ParquetType.BYTE_ARRAY);
    }

    /**
     * A {@code BOOLEAN} column.
     *
     * @param name column name
     * @return the column
     */
    public static ParquetColumn bool(String name) {
        return plain(name, ParquetType.BOOLEAN);
    }

    /**
     * A 32-bit integer column.
     *
     * @param name column name
     * @return the column
     */
    public static ParquetColumn int32(String name) {
        return plain(name, ParquetType.INT32);
    }

    /**
     * A 64-bit integer column.
     *
     * @param name column name
     * @return the column
     */
    public static ParquetColumn int64(String name) {
        return plain(name, ParquetType.INT64);
    }

    /**
     * A single-precision floating point column.
     *
     * @param name column name
     * @return the column
     */
    public static ParquetColumn float32(String name) {
        return plain(name, ParquetType.FLOAT);
    }

    /**
     * A double-precision floating point column.
     *
     * @param name column name
     * @return the column
     */
    public static ParquetColumn float64(String name) {
        return plain(name, ParquetType.DOUBLE);
    }

    /**
     * A {@code DATE} column (days since the epoch in {@code INT32}).
     *
     * @param name column name
     * @return the column
     */
    public static ParquetColumn date(String name) {
        return new ParquetColumn(name, ParquetType.INT32, ParquetLogicalType.DATE, 0, 0, 0);
    }

    /**
     * A timestamp column with millisecond precision (DMS's {@code ParquetTimestampInMillisecond=true}).
     *
     * @param name column name
     * @return the column
     */
    public static ParquetColumn timestampMillis(String name) {
        return new ParquetColumn(name, ParquetType.INT64, ParquetLogicalType.TIMESTAMP_MILLIS, 0, 0, 0);
    }

    /**
     * A timestamp column with microsecond precision (DMS's default).
     *
     * @param name column name
     * @return the column
     */
    public static ParquetColumn timestampMicros(String name) {
        return new ParquetColumn(name, ParquetType.INT64, ParquetLogicalType.TIMESTAMP_MICROS, 0, 0, 0);
    }

    /**
     * A {@code DECIMAL(precision, scale)} column in the smallest physical type that holds it: {@code INT32} up to
     * precision 9, {@code INT64} up to 18, else a {@code FIXED_LEN_BYTE_ARRAY} of just enough bytes.
     *
     * @param name column name
     * @param precision total digits, 1 to {@value #MAX_DECIMAL_PRECISION}
     * @param scale digits after the point, 0 to precision
     * @return the column
     * @throws ParquetFormatException (an IllegalArgumentException) when precision or scale is out of range
     */
    public static ParquetColumn decimal(String name, int precision, int scale) {
        if (precision < 1 || precision > MAX_DECIMAL_PRECISION) {
            throw new ParquetFormatException("column " + name + ": decimal precision " + precision
                    + " is outside 1.." + MAX_DECIMAL_PRECISION);
        }
        if (precision <= 9) {
            return new ParquetColumn(name, ParquetType.INT32, ParquetLogicalType.DECIMAL, precision, scale, 0);
        }
        if (precision <= 18) {
            return new ParquetColumn(name, ParquetType.INT64, ParquetLogicalType.DECIMAL, precision, scale, 0);
        }
        int bytes = (int) Math.ceil((precision * Math.log(10) / Math.log(2) + 1) / 8);
        return new ParquetColumn(name, ParquetType.FIXED_LEN_BYTE_ARRAY, ParquetLogicalType.DECIMAL, precision, scale,
                bytes);
    }

    private static ParquetColumn plain(String name, ParquetType type) {
        return new ParquetColumn(name, type, ParquetLogicalType.NONE, 0, 0, 0);
    }
}
