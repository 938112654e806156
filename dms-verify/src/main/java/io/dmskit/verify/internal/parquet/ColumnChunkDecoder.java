package io.dmskit.verify.internal.parquet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * Decodes the values of one flat {@code BYTE_ARRAY} column chunk (such as DMS's {@code Op} column or a varchar key)
 * into strings. Supports data pages v1 and v2, PLAIN and dictionary (PLAIN_DICTIONARY / RLE_DICTIONARY) encodings,
 * and the UNCOMPRESSED, SNAPPY and GZIP codecs. Anything else fails with a {@link ParquetFormatException} naming the
 * unsupported feature.
 */
public final class ColumnChunkDecoder {

    private static final int BYTE_ARRAY = 6;
    private static final int FIXED_LEN_BYTE_ARRAY = 7;

    private ColumnChunkDecoder() {
    }

    /**
     * @param chunk the chunk's metadata
     * @param leaf the chunk's schema leaf (for definition levels)
     * @param data the chunk's bytes, starting at {@link ParquetFooter.ColumnChunk#startOffset()}
     * @return one entry per value; null for null values
     */
    public static String[] decode(ParquetFooter.ColumnChunk chunk, ParquetFooter.Leaf leaf, byte[] data) {
        if (chunk.physicalType() != BYTE_ARRAY && chunk.physicalType() != FIXED_LEN_BYTE_ARRAY) {
            throw new ParquetFormatException("column " + chunk.path() + " has physical type " + chunk.physicalType()
                    + "; only BYTE_ARRAY string columns can be decoded");
        }
        if (leaf.maxRepetitionLevel() > 0) {
            throw new ParquetFormatException("column " + chunk.path() + " is repeated; only flat columns are supported");
        }
        if (chunk.numValues() > Integer.MAX_VALUE) {
            throw new ParquetFormatException("column chunk too large");
        }
        String[] out = new String[(int) chunk.numValues()];
        int filled = 0;
        String[] dictionary = null;
        int pos = 0;
        while (filled < out.length && pos < data.length) {
            CompactReader r = new CompactReader(data, pos, data.length);
            PageHeader h = PageHeader.read(r);
            int bodyStart = r.position();
            int bodyEnd = bodyStart + h.compressedSize;
            if (bodyEnd > data.length) {
                throw new ParquetFormatException("page of column " + chunk.path() + " runs past the column chunk");
            }
            switch (h.type) {
                case 2 -> { // dictionary page
                    byte[] body = decompress(chunk.codec(), data, bodyStart, h.compressedSize, h.uncompressedSize);
                    dictionary = new String[h.dictNumValues];
                    readPlain(body, 0, dictionary, 0, h.dictNumValues, chunk);
                }
                case 0 -> { // data page v1
                    byte[] body = decompress(chunk.codec(), data, bodyStart, h.compressedSize, h.uncompressedSize);
                    int p = 0;
                    boolean[] present = null;
                    int nonNull = h.numValues;
                    if (leaf.maxDefinitionLevel() > 0) {
                        int len = le32(body, p);
                        p += 4;
                        present = new boolean[h.numValues];
                        nonNull = definitionLevels(body, p, p + len, leaf.maxDefinitionLevel(), present);
                        p += len;
                    }
                    filled = values(chunk, h.encoding, body, p, body.length, dictionary, out, filled, h.numValues,
                            present, nonNull);
                }
                case 3 -> { // data page v2: levels are never compressed
                    int levelsLen = h.repLength + h.defLength;
                    int p = bodyStart + h.repLength;
                    boolean[] present = null;
                    int nonNull = h.numValues;
                    if (leaf.maxDefinitionLevel() > 0 && h.defLength > 0) {
                        present = new boolean[h.numValues];
                        nonNull = definitionLevels(data, p, p + h.defLength, leaf.maxDefinitionLevel(), present);
                    }
                    int valuesStart = bodyStart + levelsLen;
                    int valuesLen = h.compressedSize - levelsLen;
                    byte[] body;
                    if (h.v2Compressed && chunk.codec() != 0) {
                        body = decompress(chunk.codec(), data, valuesStart, valuesLen, h.uncompressedSize - levelsLen);
                    } else {
                        body = java.util.Arrays.copyOfRange(data, valuesStart, valuesStart + valuesLen);
                    }
                    filled = values(chunk, h.encoding, body, 0, body.length, dictionary, out, filled, h.numValues,
                            present, nonNull);
                }
                default -> { } // index pages and others carry no values
            }
            pos = bodyEnd;
        }
        if (filled != out.length) {
            throw new ParquetFormatException("column " + chunk.path() + " decoded " + filled + " of "
                    + out.length + " values");
        }
        return out;
    }

    private static int values(ParquetFooter.ColumnChunk chunk, int encoding, byte[] body, int from, int to,
                              String[] dictionary, String[] out, int filled, int numValues, boolean[] present,
                              int nonNull) {
        String[] vals = new String[nonNull];
        switch (encoding) {
            case 0 -> readPlain(body, from, vals, 0, nonNull, chunk);
            case 2, 8 -> {
                if (dictionary == null) {
                    throw new ParquetFormatException("column " + chunk.path()
                            + " uses dictionary encoding but has no dictionary page");
                }
                if (nonNull > 0) {
                    int bitWidth = body[from] & 0xff;
                    int[] idx = new int[nonNull];
                    new RleHybrid(body, from + 1, to, bitWidth).read(idx, nonNull);
                    for (int i = 0; i < nonNull; i++) {
                        if (idx[i] < 0 || idx[i] >= dictionary.length) {
                            throw new ParquetFormatException("dictionary index out of range in column " + chunk.path());
                        }
                        vals[i] = dictionary[idx[i]];
                    }
                }
            }
            case 6 -> {
                int[] end = {from};
                deltaLengthByteArray(body, end, vals, nonNull);
            }
            case 7 -> {
                int[] p = {from};
                long[] prefixes = deltaBinaryPacked(body, p, nonNull);
                String[] suffixes = new String[nonNull];
                deltaLengthByteArray(body, p, suffixes, nonNull);
                byte[] prev = new byte[0];
                for (int i = 0; i < nonNull; i++) {
                    byte[] suf = suffixes[i].getBytes(StandardCharsets.UTF_8);
                    int pre = (int) prefixes[i];
                    if (pre < 0 || pre > prev.length) {
                        throw new ParquetFormatException("DELTA_BYTE_ARRAY prefix out of range in column "
                                + chunk.path());
                    }
                    byte[] v = new byte[pre + suf.length];
                    System.arraycopy(prev, 0, v, 0, pre);
                    System.arraycopy(suf, 0, v, pre, suf.length);
                    vals[i] = new String(v, StandardCharsets.UTF_8);
                    prev = v;
                }
            }
            default -> throw new ParquetFormatException("column " + chunk.path() + " uses encoding " + encoding
                    + ", which this reader does not decode (supported: PLAIN, PLAIN_DICTIONARY, RLE_DICTIONARY,"
                    + " DELTA_LENGTH_BYTE_ARRAY, DELTA_BYTE_ARRAY)");
        }
        int v = 0;
        for (int i = 0; i < numValues; i++) {
            if (filled + i >= out.length) {
                throw new ParquetFormatException("column " + chunk.path() + " has more values than its metadata says");
            }
            out[filled + i] = present == null || present[i] ? vals[v++] : null;
        }
        return filled + numValues;
    }

    /** DELTA_LENGTH_BYTE_ARRAY: delta-packed lengths, then the bytes back to back; advances {@code p[0]}. */
    private static void deltaLengthByteArray(byte[] body, int[] p, String[] out, int count) {
        long[] lengths = deltaBinaryPacked(body, p, count);
        int pos = p[0];
        for (int i = 0; i < count; i++) {
            int len = (int) lengths[i];
            if (len < 0 || pos + len > body.length) {
                throw new ParquetFormatException("DELTA_LENGTH_BYTE_ARRAY value out of range");
            }
            out[i] = new String(body, pos, len, StandardCharsets.UTF_8);
            pos += len;
        }
        p[0] = pos;
    }

    /** DELTA_BINARY_PACKED; reads {@code count} values (the header's total wins) and advances {@code p[0]}. */
    static long[] deltaBinaryPacked(byte[] b, int[] p, int count) {
        long blockSize = uvarint(b, p);
        long miniblocks = uvarint(b, p);
        long total = uvarint(b, p);
        long first = zigzag(uvarint(b, p));
        if (blockSize <= 0 || miniblocks <= 0 || blockSize % miniblocks != 0 || total < 0) {
            throw new ParquetFormatException("invalid DELTA_BINARY_PACKED header");
        }
        int perMini = (int) (blockSize / miniblocks);
        long[] out = new long[(int) Math.max(total, count)];
        if (total == 0) {
            return out;
        }
        out[0] = first;
        int n = 1;
        long prev = first;
        while (n < total) {
            long minDelta = zigzag(uvarint(b, p));
            int[] widths = new int[(int) miniblocks];
            for (int i = 0; i < miniblocks; i++) {
                widths[i] = b[p[0]++] & 0xff;
            }
            for (int m = 0; m < miniblocks && n < total; m++) {
                int w = widths[m];
                long bitBase = (long) p[0] * 8;
                for (int k = 0; k < perMini; k++) {
                    long v = 0;
                    for (int bit = 0; bit < w; bit++) {
                        long at = bitBase + (long) k * w + bit;
                        if ((b[(int) (at >>> 3)] >>> (at & 7) & 1) != 0) {
                            v |= 1L << bit;
                        }
                    }
                    if (n < total) {
                        prev = prev + minDelta + v;
                        out[n++] = prev;
                    }
                }
                p[0] += perMini * w / 8;
            }
        }
        return out;
    }

    private static long uvarint(byte[] b, int[] p) {
        long r = 0;
        int shift = 0;
        while (true) {
            if (p[0] >= b.length) {
                throw new ParquetFormatException("truncated varint in DELTA encoding");
            }
            int x = b[p[0]++] & 0xff;
            r |= (long) (x & 0x7f) << shift;
            if ((x & 0x80) == 0) {
                return r;
            }
            shift += 7;
        }
    }

    private static long zigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    private static void readPlain(byte[] body, int p, String[] out, int off, int count,
                                  ParquetFooter.ColumnChunk chunk) {
        for (int i = 0; i < count; i++) {
            if (p + 4 > body.length) {
                throw new ParquetFormatException("PLAIN values of column " + chunk.path() + " are truncated");
            }
            int len = le32(body, p);
            p += 4;
            if (len < 0 || p + len > body.length) {
                throw new ParquetFormatException("PLAIN value length out of range in column " + chunk.path());
            }
            out[off + i] = new String(body, p, len, StandardCharsets.UTF_8);
            p += len;
        }
    }

    private static int definitionLevels(byte[] buf, int from, int to, int maxDef, boolean[] present) {
        int bitWidth = 32 - Integer.numberOfLeadingZeros(maxDef);
        int[] levels = new int[present.length];
        new RleHybrid(buf, from, to, bitWidth).read(levels, present.length);
        int n = 0;
        for (int i = 0; i < levels.length; i++) {
            present[i] = levels[i] == maxDef;
            if (present[i]) {
                n++;
            }
        }
        return n;
    }

    static byte[] decompress(int codec, byte[] data, int off, int len, int uncompressed) {
        switch (codec) {
            case 0:
                return java.util.Arrays.copyOfRange(data, off, off + len);
            case 1:
                return Snappy.decompress(data, off, len);
            case 2:
                try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data, off, len))) {
                    return in.readAllBytes();
                } catch (IOException e) {
                    throw new ParquetFormatException("corrupt GZIP page", e);
                }
            default:
                throw new ParquetFormatException("compression codec " + codecName(codec)
                        + " is not supported for reading column values (supported: UNCOMPRESSED, SNAPPY, GZIP)");
        }
    }

    static String codecName(int codec) {
        return switch (codec) {
            case 0 -> "UNCOMPRESSED";
            case 1 -> "SNAPPY";
            case 2 -> "GZIP";
            case 3 -> "LZO";
            case 4 -> "BROTLI";
            case 5 -> "LZ4";
            case 6 -> "ZSTD";
            case 7 -> "LZ4_RAW";
            default -> "#" + codec;
        };
    }

    static int le32(byte[] b, int p) {
        return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8 | (b[p + 2] & 0xff) << 16 | (b[p + 3] & 0xff) << 24;
    }

    /** The fields of a Parquet {@code PageHeader} this decoder uses. */
    private static final class PageHeader {
        int type = -1;
        int uncompressedSize;
        int compressedSize;
        int numValues;
        int encoding;
        int dictNumValues;
        int defLength;
        int repLength;
        boolean v2Compressed = true;

        static PageHeader read(CompactReader r) {
            PageHeader h = new PageHeader();
            int last = 0;
            while (true) {
                CompactReader.Field f = r.readField(last);
                if (f.isStop()) {
                    break;
                }
                switch (f.id()) {
                    case 1 -> h.type = r.readI32();
                    case 2 -> h.uncompressedSize = r.readI32();
                    case 3 -> h.compressedSize = r.readI32();
                    case 5 -> h.readDataV1(r);
                    case 7 -> h.readDict(r);
                    case 8 -> h.readDataV2(r);
                    default -> r.skip(f.type());
                }
                last = f.id();
            }
            if (h.compressedSize < 0) {
                throw new ParquetFormatException("negative page size");
            }
            return h;
        }

        private void readDataV1(CompactReader r) {
            int last = 0;
            while (true) {
                CompactReader.Field f = r.readField(last);
                if (f.isStop()) {
                    return;
                }
                switch (f.id()) {
                    case 1 -> numValues = r.readI32();
                    case 2 -> encoding = r.readI32();
                    default -> r.skip(f.type());
                }
                last = f.id();
            }
        }

        private void readDict(CompactReader r) {
            int last = 0;
            while (true) {
                CompactReader.Field f = r.readField(last);
                if (f.isStop()) {
                    return;
                }
                if (f.id() == 1) {
                    dictNumValues = r.readI32();
                } else {
                    r.skip(f.type());
                }
                last = f.id();
            }
        }

        private void readDataV2(CompactReader r) {
            int last = 0;
            while (true) {
                CompactReader.Field f = r.readField(last);
                if (f.isStop()) {
                    return;
                }
                switch (f.id()) {
                    case 1 -> numValues = r.readI32();
                    case 4 -> encoding = r.readI32();
                    case 5 -> defLength = r.readI32();
                    case 6 -> repLength = r.readI32();
                    case 7 -> v2Compressed = f.boolValue();
                    default -> r.skip(f.type());
                }
                last = f.id();
            }
        }
    }

    /** The RLE / bit-packing hybrid used for levels and dictionary indices. */
    private static final class RleHybrid {
        private final byte[] buf;
        private int pos;
        private final int end;
        private final int bitWidth;

        RleHybrid(byte[] buf, int from, int to, int bitWidth) {
            this.buf = buf;
            this.pos = from;
            this.end = Math.min(to, buf.length);
            this.bitWidth = bitWidth;
        }

        void read(int[] out, int count) {
            int n = 0;
            int byteWidth = (bitWidth + 7) / 8;
            while (n < count) {
                if (pos >= end) {
                    throw new ParquetFormatException("RLE data ends after " + n + " of " + count + " values");
                }
                long header = varint();
                if ((header & 1) == 0) {
                    int run = (int) (header >>> 1);
                    int value = 0;
                    for (int k = 0; k < byteWidth; k++) {
                        value |= (buf[pos++] & 0xff) << (8 * k);
                    }
                    for (int k = 0; k < run && n < count; k++) {
                        out[n++] = value;
                    }
                } else {
                    int groups = (int) (header >>> 1);
                    int values = groups * 8;
                    long bitPos = (long) pos * 8;
                    for (int k = 0; k < values; k++) {
                        int v = 0;
                        for (int b = 0; b < bitWidth; b++) {
                            long bit = bitPos + (long) k * bitWidth + b;
                            int byteIdx = (int) (bit >>> 3);
                            if (byteIdx < end && (buf[byteIdx] >>> (bit & 7) & 1) != 0) {
                                v |= 1 << b;
                            }
                        }
                        if (n < count) {
                            out[n++] = v;
                        }
                    }
                    pos += groups * bitWidth;
                }
            }
        }

        private long varint() {
            long r = 0;
            int shift = 0;
            while (true) {
                int b = buf[pos++] & 0xff;
                r |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return r;
                }
                shift += 7;
            }
        }
    }
}
