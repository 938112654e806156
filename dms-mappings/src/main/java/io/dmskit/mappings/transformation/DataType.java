package io.dmskit.mappings.transformation;

import io.dmskit.mappings.internal.Args;
import java.util.Objects;

/**
 * A DMS {@code data-type}: {@code {"type": "string", "length": 50}}. Types: bytes, date, time, datetime, int1, int2,
 * int4, int8, numeric, real4, real8, string, uint1, uint2, uint4, uint8, wstring, blob, nclob, clob, boolean, set,
 * list, map, tuple.
 *
 * @param type {@code type}
 * @param precision {@code precision}, or null
 * @param scale {@code scale} as written (an integer or, for date/time types, a date-time value), or null
 * @param length {@code length}, or null
 */
public record DataType(String type, Integer precision, String scale, Integer length) {

    /**
     * @param type a DMS type name
     * @return the type without size
     */
    public static DataType of(String type) {
        return new DataType(Args.required(type, "DataType: type"), null, null, null);
    }

    /**
     * @param length characters
     * @return {@code string(length)}
     */
    public static DataType string(int length) {
        return new DataType("string", null, null, length);
    }

    /**
     * @param length characters
     * @return {@code wstring(length)}
     */
    public static DataType wstring(int length) {
        return new DataType("wstring", null, null, length);
    }

    /**
     * @param precision digits
     * @param scale fraction digits
     * @return {@code numeric(precision, scale)}
     */
    public static DataType numeric(int precision, int scale) {
        return new DataType("numeric", precision, String.valueOf(scale), null);
    }

    /**
     * @param precision fractional-second digits
     * @return {@code datetime} with precision
     */
    public static DataType datetime(int precision) {
        return new DataType("datetime", precision, null, null);
    }

    /**
     * @param value length
     * @return a copy with {@code length}
     */
    public DataType withLength(int value) {
        return new DataType(type, precision, scale, value);
    }

    /**
     * @param value precision
     * @return a copy with {@code precision}
     */
    public DataType withPrecision(int value) {
        return new DataType(type, value, scale, length);
    }

    /**
     * @param value scale
     * @return a copy with {@code scale}
     */
    public DataType withScale(String value) {
        return new DataType(type, precision, value, length);
    }
}
