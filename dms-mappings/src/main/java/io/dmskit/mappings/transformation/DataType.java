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
     * {@return the type without size}
     *
     * @param type a DMS type name
     */
    public static DataType of(String type) {
        return new DataType(Args.required(type, "DataType: type"), null, null, null);
    }

    /**
     * {@return {@code string(length)}}
     *
     * @param length characters
     */
    public static DataType string(int length) {
        return new DataType("string", null, null, length);
    }

    /**
     * {@return {@code wstring(length)}}
     *
     * @param length characters
     */
    public static DataType wstring(int length) {
        return new DataType("wstring", null, null, length);
    }

    /**
     * {@return {@code numeric(precision, scale)}}
     *
     * @param precision digits
     * @param scale fraction digits
     */
    public static DataType numeric(int precision, int scale) {
        return new DataType("numeric", precision, String.valueOf(scale), null);
    }

    /**
     * {@return {@code datetime} with precision}
     *
     * @param precision fractional-second digits
     */
    public static DataType datetime(int precision) {
        return new DataType("datetime", precision, null, null);
    }

    /**
     * {@return a copy with {@code length}}
     *
     * @param value length
     */
    public DataType withLength(int value) {
        return new DataType(type, precision, scale, value);
    }

    /**
     * {@return a copy with {@code precision}}
     *
     * @param value precision
     */
    public DataType withPrecision(int value) {
        return new DataType(type, value, scale, length);
    }

    /**
     * {@return a copy with {@code scale}}
     *
     * @param value scale
     */
    public DataType withScale(String value) {
        return new DataType(type, precision, value, length);
    }
}
