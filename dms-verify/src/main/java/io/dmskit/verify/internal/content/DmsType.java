package io.dmskit.verify.internal.content;

import java.util.Locale;
import java.util.Optional;

/**
 * AWS DMS's built-in data types (user guide, "Data types for AWS Database Migration Service"): every source type is
 * read into one of these and every target type is written from one. The canonical text of a value depends only on
 * its DMS type (and the column's precision and scale), which is what makes a source row and a target row comparable.
 */
public enum DmsType {
    /** A character string. */
    STRING,
    /** A double-byte character string. */
    WSTRING,
    /** A Boolean value. */
    BOOLEAN,
    /** A binary data value. */
    BYTES,
    /** Year, month, day. */
    DATE,
    /** Hour, minutes, seconds. */
    TIME,
    /** A timestamp with up to 9 fractional digits. */
    DATETIME,
    /** Signed 1-byte integer. */
    INT1,
    /** Signed 2-byte integer. */
    INT2,
    /** Signed 4-byte integer. */
    INT4,
    /** Signed 8-byte integer. */
    INT8,
    /** Unsigned 1-byte integer. */
    UINT1,
    /** Unsigned 2-byte integer. */
    UINT2,
    /** Unsigned 4-byte integer. */
    UINT4,
    /** Unsigned 8-byte integer. */
    UINT8,
    /** Exact numeric with fixed precision and scale. */
    NUMERIC,
    /** Single-precision floating point. */
    REAL4,
    /** Double-precision floating point. */
    REAL8,
    /** Binary large object. */
    BLOB,
    /** Character large object. */
    CLOB,
    /** Native character large object. */
    NCLOB;

    /** @return whether this is an integer type */
    public boolean integer() {
        return ordinal() >= INT1.ordinal() && ordinal() <= UINT8.ordinal();
    }

    /** @return whether this is a LOB type (BLOB, CLOB, NCLOB): the task's LOB settings apply */
    public boolean lob() {
        return this == BLOB || this == CLOB || this == NCLOB;
    }

    /** @return whether values are binary (written as hexadecimal text) */
    public boolean binary() {
        return this == BYTES || this == BLOB;
    }

    /** @return whether values are character text */
    public boolean text() {
        return this == STRING || this == WSTRING || this == CLOB || this == NCLOB;
    }

    /** @return the name as table mappings spell it ({@code int4}, {@code wstring}) */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param name a {@code data-type} {@code type} of a table mapping ({@code "int4"}, {@code "datetime"})
     * @return the type, empty when DMS has no such scalar type
     */
    public static Optional<DmsType> fromWire(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toUpperCase(Locale.ROOT);
        if (n.equals("BYTE")) {
            return Optional.of(BYTES);
        }
        for (DmsType t : values()) {
            if (t.name().equals(n)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
