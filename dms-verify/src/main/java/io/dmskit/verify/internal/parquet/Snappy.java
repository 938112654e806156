package io.dmskit.verify.internal.parquet;

/** Decompressor for raw (unframed) Snappy blocks, the form Parquet pages use. */
final class Snappy {

    private Snappy() {
    }

    static byte[] decompress(byte[] in, int off, int len) {
        int[] p = {off};
        int end = off + len;
        long outLen = varint(in, p, end);
        if (outLen < 0 || outLen > Integer.MAX_VALUE - 8) {
            throw new ParquetFormatException("invalid Snappy length " + outLen);
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
                    n = 0;
                    for (int k = 0; k < bytes; k++) {
                        n |= (in[i++] & 0xff) << (8 * k);
                    }
                }
                n += 1;
                if (i + n > end || o + n > out.length) {
                    throw new ParquetFormatException("corrupt Snappy literal");
                }
                System.arraycopy(in, i, out, o, n);
                i += n;
                o += n;
            } else {
                int length;
                int offset;
                if (kind == 1) {
                    length = 4 + ((tag >>> 2) & 7);
                    offset = ((tag >>> 5) << 8) | (in[i++] & 0xff);
                } else if (kind == 2) {
                    length = (tag >>> 2) + 1;
                    offset = (in[i] & 0xff) | (in[i + 1] & 0xff) << 8;
                    i += 2;
                } else {
                    length = (tag >>> 2) + 1;
                    offset = (in[i] & 0xff) | (in[i + 1] & 0xff) << 8 | (in[i + 2] & 0xff) << 16
                            | (in[i + 3] & 0xff) << 24;
                    i += 4;
                }
                if (offset <= 0 || offset > o || o + length > out.length) {
                    throw new ParquetFormatException("corrupt Snappy copy");
                }
                for (int k = 0; k < length; k++) {
                    out[o] = out[o - offset];
                    o++;
                }
            }
        }
        if (o != out.length) {
            throw new ParquetFormatException("Snappy block decoded to " + o + " bytes, expected " + out.length);
        }
        return out;
    }

    private static long varint(byte[] in, int[] p, int end) {
        long r = 0;
        int shift = 0;
        while (p[0] < end) {
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
