package io.dmskit.model.s3.parquet.internal;

import io.dmskit.model.s3.parquet.ParquetFormatException;

import java.io.ByteArrayOutputStream;

/**
 * Raw (unframed) Snappy blocks, the form Parquet pages use: a varint of the uncompressed length, then literals and
 * back-references. Written from the format description (google/snappy, {@code format_description.txt}).
 */
final class Snappy {

    /** A copy element of 3 bytes yields at most 64 bytes, so no valid block expands by more than this. */
    private static final int MAX_EXPANSION = 22;
    private static final int HASH_BITS = 14;
    private static final int MAX_OFFSET = 65_535;

    private Snappy() {
    }

    /**
     * Decompresses one block.
     *
     * @param expected the uncompressed size the page header announces
     */
    static byte[] decompress(byte[] in, int off, int len, int expected) {
        int[] p = {off};
        int end = off + len;
        long outLen = varint(in, p, end);
        if (outLen != expected) {
            throw new ParquetFormatException("Snappy block announces " + outLen + " bytes, the page header "
                    + expected);
        }
        if (outLen > (long) len * MAX_EXPANSION + 64) {
            throw new ParquetFormatException("Snappy block of " + len + " bytes cannot hold " + outLen + " bytes");
        }
        byte[] out = new byte[(int) outLen];
        int o = 0;
        int i = p[0];
        while (i < end) {
            int tag = in[i++] & 0xff;
            int kind = tag & 3;
            if (kind == 0) {
                int n = tag >>> 2;
                if (n >= 60) {
                    int bytes = n - 59;
                    if (i + bytes > end) {
                        throw new ParquetFormatException("truncated Snappy literal length");
                    }
                    n = 0;
                    for (int k = 0; k < bytes; k++) {
                        n |= (in[i++] & 0xff) << (8 * k);
                    }
                }
                long count = (n & 0xffffffffL) + 1;
                if (count > end - i || count > out.length - o) {
                    throw new ParquetFormatException("corrupt Snappy literal");
                }
                System.arraycopy(in, i, out, o, (int) count);
                i += (int) count;
                o += (int) count;
            } else {
                int extra = kind == 1 ? 1 : kind == 2 ? 2 : 4;
                if (i + extra > end) {
                    throw new ParquetFormatException("truncated Snappy copy");
                }
                int length;
                long offset;
                if (kind == 1) {
                    length = 4 + ((tag >>> 2) & 7);
                    offset = ((tag >>> 5) << 8) | (in[i] & 0xff);
                } else {
                    length = (tag >>> 2) + 1;
                    offset = 0;
                    for (int k = 0; k < extra; k++) {
                        offset |= (long) (in[i + k] & 0xff) << (8 * k);
                    }
                }
                i += extra;
                if (offset <= 0 || offset > o || length > out.length - o) {
                    throw new ParquetFormatException("corrupt Snappy copy");
                }
                for (int k = 0; k < length; k++) {
                    out[o] = out[o - (int) offset];
                    o++;
                }
            }
        }
        if (o != out.length) {
            throw new ParquetFormatException("Snappy block decoded to " + o + " bytes, expected " + out.length);
        }
        return out;
    }

    /** Compresses one block with a greedy hash-table matcher (4-byte matches, offsets below 64 KiB). */
    static byte[] compress(byte[] in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length / 2 + 16);
        CompactWriter.writeVarint(out, in.length);
        int[] table = new int[1 << HASH_BITS];
        java.util.Arrays.fill(table, -1);
        int literalStart = 0;
        int i = 0;
        while (i + 4 <= in.length) {
            int h = hash(in, i);
            int candidate = table[h];
            table[h] = i;
            if (candidate >= 0 && i - candidate <= MAX_OFFSET && same4(in, candidate, i)) {
                literal(out, in, literalStart, i - literalStart);
                int length = 4;
                while (i + length < in.length && in[candidate + length] == in[i + length]) {
                    length++;
                }
                copy(out, i - candidate, length);
                i += length;
                literalStart = i;
            } else {
                i++;
            }
        }
        literal(out, in, literalStart, in.length - literalStart);
        return out.toByteArray();
    }

    private static int hash(byte[] b, int i) {
        int v = (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | (b[i + 3] & 0xff) << 24;
        return (v * 0x1e35a7bd) >>> (32 - HASH_BITS);
    }

    private static boolean same4(byte[] b, int x, int y) {
        return b[x] == b[y] && b[x + 1] == b[y + 1] && b[x + 2] == b[y + 2] && b[x + 3] == b[y + 3];
    }

    private static void literal(ByteArrayOutputStream out, byte[] in, int from, int n) {
        if (n == 0) {
            return;
        }
        int m = n - 1;
        if (m < 60) {
            out.write(m << 2);
        } else {
            int bytes = m < (1 << 8) ? 1 : m < (1 << 16) ? 2 : m < (1 << 24) ? 3 : 4;
            out.write((59 + bytes) << 2);
            for (int k = 0; k < bytes; k++) {
                out.write(m >>> (8 * k));
            }
        }
        out.write(in, from, n);
    }

    /** Copies with a 2-byte offset, at most 64 bytes each. */
    private static void copy(ByteArrayOutputStream out, int offset, int length) {
        while (length > 0) {
            int n = Math.min(length, 64);
            out.write(((n - 1) << 2) | 2);
            out.write(offset);
            out.write(offset >>> 8);
            length -= n;
        }
    }

    private static long varint(byte[] in, int[] p, int end) {
        long r = 0;
        int shift = 0;
        while (p[0] < end && shift <= 35) {
            int b = in[p[0]++] & 0xff;
            r |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return r;
            }
            shift += 7;
        }
        throw new ParquetFormatException("truncated Snappy header");
    }
}
