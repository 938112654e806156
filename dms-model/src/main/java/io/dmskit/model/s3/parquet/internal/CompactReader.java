package io.dmskit.model.s3.parquet.internal;

import io.dmskit.model.s3.parquet.ParquetFormatException;

import java.nio.charset.StandardCharsets;

/**
 * A minimal reader of Thrift's compact protocol, enough to walk Parquet's {@code FileMetaData} and {@code PageHeader}
 * structures and skip everything it does not need. The counterpart of {@link CompactWriter}. Every length is checked
 * against the bytes that remain, so corrupt input fails with {@link ParquetFormatException} before anything large is
 * allocated.
 */
final class CompactReader {

    static final int T_STOP = 0;
    static final int T_TRUE = 1;
    static final int T_FALSE = 2;
    static final int T_BYTE = 3;
    static final int T_I16 = 4;
    static final int T_I32 = 5;
    static final int T_I64 = 6;
    static final int T_DOUBLE = 7;
    static final int T_BINARY = 8;
    static final int T_LIST = 9;
    static final int T_SET = 10;
    static final int T_MAP = 11;
    static final int T_STRUCT = 12;

    private final byte[] buf;
    private int pos;
    private final int limit;
    private int depth;

    CompactReader(byte[] buf, int offset, int limit) {
        this.buf = buf;
        this.pos = offset;
        this.limit = limit;
    }

    int position() {
        return pos;
    }

    /** Field header inside a struct; {@code lastId} is the id of the previous field of the same struct. */
    record Field(int id, int type) {
        boolean isStop() {
            return type == T_STOP;
        }

        boolean boolValue() {
            return type == T_TRUE;
        }
    }

    Field readField(int lastId) {
        int b = readByte() & 0xff;
        if (b == 0) {
            return new Field(0, T_STOP);
        }
        int type = b & 0x0f;
        int delta = b >>> 4;
        int id = delta == 0 ? (short) zigzag32((int) readVarint()) : lastId + delta;
        return new Field(id, type);
    }

    record ListHeader(int size, int elementType) { }

    ListHeader readListHeader() {
        int b = readByte() & 0xff;
        int size = b >>> 4;
        if (size == 15) {
            size = (int) readVarint();
        }
        if (size < 0 || size > limit - pos) {
            throw new ParquetFormatException("list size " + size + " at byte " + pos
                    + " exceeds the bytes left in the structure");
        }
        return new ListHeader(size, b & 0x0f);
    }

    byte readByte() {
        if (pos >= limit) {
            throw new ParquetFormatException("Thrift structure ends unexpectedly at byte " + pos);
        }
        return buf[pos++];
    }

    long readVarint() {
        long result = 0;
        int shift = 0;
        while (true) {
            byte b = readByte();
            result |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
            shift += 7;
            if (shift > 63) {
                throw new ParquetFormatException("varint too long at byte " + pos);
            }
        }
    }

    int readI32() {
        return zigzag32((int) readVarint());
    }

    long readI64() {
        long v = readVarint();
        return (v >>> 1) ^ -(v & 1);
    }

    byte[] readBinary() {
        long len = readVarint();
        if (len < 0 || len > limit - pos) {
            throw new ParquetFormatException("binary length " + len + " runs past the end of the structure");
        }
        byte[] out = new byte[(int) len];
        System.arraycopy(buf, pos, out, 0, out.length);
        pos += out.length;
        return out;
    }

    String readString() {
        return new String(readBinary(), StandardCharsets.UTF_8);
    }

    /** Skips one value of the given type (for a boolean field the value lives in the header already). */
    void skip(int type) {
        switch (type) {
            case T_TRUE, T_FALSE -> { }
            case T_BYTE -> readByte();
            case T_I16, T_I32, T_I64 -> readVarint();
            case T_DOUBLE -> advance(8);
            case T_BINARY -> advance(readVarint());
            case T_LIST, T_SET -> {
                enter();
                ListHeader h = readListHeader();
                for (int i = 0; i < h.size(); i++) {
                    skipElement(h.elementType());
                }
                depth--;
            }
            case T_MAP -> {
                enter();
                long size = readVarint();
                if (size < 0 || size > limit - pos) {
                    throw new ParquetFormatException("map size " + size + " exceeds the bytes left in the structure");
                }
                if (size > 0) {
                    int kv = readByte() & 0xff;
                    for (int i = 0; i < size; i++) {
                        skipElement(kv >>> 4);
                        skipElement(kv & 0x0f);
                    }
                }
                depth--;
            }
            case T_STRUCT -> skipStruct();
            default -> throw new ParquetFormatException("unknown Thrift compact type " + type + " at byte " + pos);
        }
    }

    /** Inside collections booleans take one byte. */
    private void skipElement(int type) {
        if (type == T_TRUE || type == T_FALSE) {
            readByte();
        } else {
            skip(type);
        }
    }

    /** Reads one field's value of a struct; answers false to have the field skipped. */
    @FunctionalInterface
    interface FieldReader {
        boolean read(Field field);
    }

    /**
     * Reads a struct: every field header up to the stop field, each value read by {@code reader} or skipped. The one
     * loop over struct fields in this package, so nesting (reader calls that read structs) is bounded in one place.
     */
    void readStruct(FieldReader reader) {
        enter();
        int last = 0;
        while (true) {
            Field f = readField(last);
            if (f.isStop()) {
                break;
            }
            if (!reader.read(f)) {
                skip(f.type());
            }
            last = f.id();
        }
        depth--;
    }

    void skipStruct() {
        readStruct(f -> false);
    }

    /** Bounds the recursion of skipping, so a corrupt footer cannot overflow the stack. */
    private void enter() {
        if (++depth > 64) {
            throw new ParquetFormatException("Thrift structure nested too deeply at byte " + pos);
        }
    }

    private void advance(long n) {
        if (n < 0 || n > limit - pos) {
            throw new ParquetFormatException("Thrift value runs past the end of the structure");
        }
        pos += (int) n;
    }

    private static int zigzag32(int n) {
        return (n >>> 1) ^ -(n & 1);
    }
}
