package io.dmskit.model.s3.parquet.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The part of Apache Thrift's compact protocol that Parquet's footer and page headers need: structs, i32/i64,
 * binary, bool and lists. Written from the protocol specification (thrift/doc/specs/thrift-compact-protocol.md); the
 * counterpart of {@link CompactReader}.
 */
final class CompactWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Deque<Integer> lastFieldIds = new ArrayDeque<>();
    private int lastFieldId;

    CompactWriter structBegin() {
        lastFieldIds.push(lastFieldId);
        lastFieldId = 0;
        return this;
    }

    CompactWriter structEnd() {
        out.write(0); // STOP
        lastFieldId = lastFieldIds.pop();
        return this;
    }

    private void fieldHeader(int id, int type) {
        int delta = id - lastFieldId;
        if (delta > 0 && delta <= 15) {
            out.write((delta << 4) | type);
        } else {
            out.write(type);
            writeVarint(zigzag32((short) id));
        }
        lastFieldId = id;
    }

    CompactWriter i32(int id, int value) {
        fieldHeader(id, CompactReader.T_I32);
        writeVarint(zigzag32(value));
        return this;
    }

    CompactWriter i64(int id, long value) {
        fieldHeader(id, CompactReader.T_I64);
        writeVarint(zigzag64(value));
        return this;
    }

    CompactWriter bool(int id, boolean value) {
        fieldHeader(id, value ? CompactReader.T_TRUE : CompactReader.T_FALSE);
        return this;
    }

    CompactWriter string(int id, String value) {
        fieldHeader(id, CompactReader.T_BINARY);
        binaryValue(value.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    CompactWriter binary(int id, byte[] value) {
        fieldHeader(id, CompactReader.T_BINARY);
        binaryValue(value);
        return this;
    }

    /** Starts a struct-typed field; close it with {@link #structEnd()}. */
    CompactWriter structField(int id) {
        fieldHeader(id, CompactReader.T_STRUCT);
        return structBegin();
    }

    /** Writes a list header for a field; the caller then writes {@code size} elements. */
    CompactWriter listField(int id, int elementType, int size) {
        fieldHeader(id, CompactReader.T_LIST);
        if (size < 15) {
            out.write((size << 4) | elementType);
        } else {
            out.write(0xF0 | elementType);
            writeVarint(size);
        }
        return this;
    }

    /** A list element of type i32. */
    CompactWriter i32Element(int value) {
        writeVarint(zigzag32(value));
        return this;
    }

    /** A list element of type binary (string). */
    CompactWriter stringElement(String value) {
        binaryValue(value.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    private void binaryValue(byte[] b) {
        writeVarint(b.length);
        out.write(b, 0, b.length);
    }

    private void writeVarint(long v) {
        writeVarint(out, v);
    }

    /** Writes an unsigned LEB128 varint (also the length prefix of Snappy blocks and RLE run headers). */
    static void writeVarint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static long zigzag32(int n) {
        return ((n << 1) ^ (n >> 31)) & 0xFFFFFFFFL;
    }

    private static long zigzag64(long n) {
        return (n << 1) ^ (n >> 63);
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
