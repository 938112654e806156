package io.dmskit.model.s3.parquet.internal;

import io.dmskit.model.s3.parquet.ParquetCompression;
import io.dmskit.model.s3.parquet.ParquetFooter;
import io.dmskit.model.s3.parquet.ParquetFormatException;
import io.dmskit.model.s3.parquet.ParquetLimits;
import io.dmskit.model.s3.parquet.ParquetType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Decodes the pages of one flat column chunk into its physical values ({@link Boolean}, {@link Integer}, {@link Long},
 * {@link Float}, {@link Double}, {@code byte[]}; null for null values). Supports data pages v1 and v2; PLAIN,
 * dictionary (PLAIN_DICTIONARY / RLE_DICTIONARY), RLE booleans, DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY and
 * DELTA_BYTE_ARRAY encodings; UNCOMPRESSED, SNAPPY and GZIP pages. Anything else, and any corrupt page, fails with a
 * {@link ParquetFormatException} naming the column.
 *
 * <p>Memory stays proportional to the chunk: a chunk may not claim more than {@value #MAX_VALUES_PER_BYTE} values per
 * byte (with a floor of {@value #MIN_VALUE_BUDGET}), and a page may not claim to inflate beyond what its codec can.
 */
public final class PageDecoder {

    /** Far above what real writers produce (an all-null page of 20,000 rows takes ~30 bytes). */
    static final int MAX_VALUES_PER_BYTE = 4096;
    static final int MIN_VALUE_BUDGET = 1 << 20;
    /** DEFLATE cannot expand data more than 1032 times. */
    private static final int MAX_GZIP_RATIO = 1032;

    private static final int PLAIN = 0;
    private static final int PLAIN_DICTIONARY = 2;
    private static final int RLE = 3;
    private static final int DELTA_BINARY_PACKED = 5;
    private static final int DELTA_LENGTH_BYTE_ARRAY = 6;
    private static final int DELTA_BYTE_ARRAY = 7;
    private static final int RLE_DICTIONARY = 8;

    private final ParquetFooter.ColumnChunk chunk;
    private final ParquetType type;
    private final int typeLength;
    private final ParquetLimits limits;

    private PageDecoder(ParquetFooter.ColumnChunk chunk, ParquetLimits limits) {
        this.chunk = chunk;
        this.limits = limits;
        this.type = chunk.leaf().column().type();
        this.typeLength = chunk.leaf().column().typeLength();
    }

    /**
     * Decodes a whole column chunk.
     *
     * @param chunk the chunk's metadata
     * @param data the chunk's bytes, starting at {@link ParquetFooter.ColumnChunk#startOffset()}
     * @return one entry per value; null for null values
     */
    public static Object[] decode(ParquetFooter.ColumnChunk chunk, byte[] data) {
        return decode(chunk, data, ParquetLimits.DEFAULT);
    }

    /**
     * Decodes a whole column chunk within limits.
     *
     * @param chunk the chunk's metadata
     * @param data the chunk's bytes, starting at {@link ParquetFooter.ColumnChunk#startOffset()}
     * @param limits page size and value count ceilings
     * @return one entry per value; null for null values
     */
    public static Object[] decode(ParquetFooter.ColumnChunk chunk, byte[] data, ParquetLimits limits) {
        try {
            return new PageDecoder(chunk, limits).decode(data);
        } catch (IndexOutOfBoundsException | NegativeArraySizeException | ArithmeticException e) {
            // Every length is checked where it is read; this is the net under those checks, so that a corrupt page
            // still surfaces as the one documented exception type.
            throw new ParquetFormatException("column " + chunk.path() + " has a corrupt page: " + e, e);
        }
    }

    private Object[] decode(byte[] data) {
        if (chunk.leaf().maxRepetitionLevel() > 0) {
            throw fail("is repeated; only flat columns are supported");
        }
        long budget = Math.max(MIN_VALUE_BUDGET, (long) MAX_VALUES_PER_BYTE * data.length);
        if (chunk.numValues() > budget || chunk.numValues() > Integer.MAX_VALUE - 8) {
            throw fail("claims " + chunk.numValues() + " values in " + data.length + " bytes");
        }
        if (chunk.numValues() > limits.maxValuesPerChunk()) {
            throw fail("claims " + chunk.numValues() + " values, more than ParquetLimits.maxValuesPerChunk ("
                    + limits.maxValuesPerChunk() + ")");
        }
        Object[] out = new Object[(int) chunk.numValues()];
        int filled = 0;
        Object[] dictionary = null;
        int pos = 0;
        while (filled < out.length && pos < data.length) {
            CompactReader r = new CompactReader(data, pos, data.length);
            PageHeader h = PageHeader.read(r);
            int bodyStart = r.position();
            if (h.compressedSize > data.length - bodyStart) {
                throw fail("has a page that runs past the end of the chunk");
            }
            int bodyEnd = bodyStart + h.compressedSize;
            if (h.numValues < 0 || h.numValues > out.length - filled) {
                throw fail("has a page of " + h.numValues + " values where " + (out.length - filled) + " remain");
            }
            switch (h.type) {
                case 2 -> { // dictionary page
                    byte[] body = decompress(data, bodyStart, h.compressedSize, h.uncompressedSize);
                    if (h.dictNumValues < 0 || h.dictNumValues > body.length * 8L + 8) {
                        throw fail("has a dictionary of " + h.dictNumValues + " values in " + body.length + " bytes");
                    }
                    dictionary = new Object[h.dictNumValues];
                    readPlain(body, new int[] {0}, dictionary, h.dictNumValues);
                }
                case 0 -> { // data page v1
                    byte[] body = decompress(data, bodyStart, h.compressedSize, h.uncompressedSize);
                    int p = 0;
                    boolean[] present = null;
                    int nonNull = h.numValues;
                    if (chunk.leaf().maxDefinitionLevel() > 0) {
                        int len = le32(body, p);
                        p += 4;
                        if (len < 0 || len > body.length - p) {
                            throw fail("has definition levels longer than their page");
                        }
                        present = new boolean[h.numValues];
                        nonNull = definitionLevels(body, p, p + len, present);
                        p += len;
                    }
                    values(h.encoding, body, p, dictionary, out, filled, h.numValues, present, nonNull);
                    filled += h.numValues;
                }
                case 3 -> { // data page v2: levels are never compressed
                    if (h.repLength < 0 || h.defLength < 0
                            || (long) h.repLength + h.defLength > h.compressedSize) {
                        throw fail("has level lengths outside its page");
                    }
                    int levelsLen = h.repLength + h.defLength;
                    int p = bodyStart + h.repLength;
                    boolean[] present = null;
                    int nonNull = h.numValues;
                    if (chunk.leaf().maxDefinitionLevel() > 0 && h.defLength > 0) {
                        present = new boolean[h.numValues];
                        nonNull = definitionLevels(data, p, p + h.defLength, present);
                    }
                    int valuesStart = bodyStart + levelsLen;
                    int valuesLen = h.compressedSize - levelsLen;
                    byte[] body = h.v2Compressed
                            ? decompress(data, valuesStart, valuesLen, h.uncompressedSize - levelsLen)
                            : Arrays.copyOfRange(data, valuesStart, valuesStart + valuesLen);
                    values(h.encoding, body, 0, dictionary, out, filled, h.numValues, present, nonNull);
                    filled += h.numValues;
                }
                default -> { } // index pages and others carry no values
            }
            pos = bodyEnd;
        }
        if (filled != out.length) {
            throw fail("decoded " + filled + " of " + out.length + " values");
        }
        return out;
    }

    private ParquetFormatException fail(String what) {
        return new ParquetFormatException("column " + chunk.path() + " " + what);
    }

    private void values(int encoding, byte[] body, int from, Object[] dictionary, Object[] out, int filled,
                        int numValues, boolean[] present, int nonNull) {
        Object[] vals = new Object[nonNull];
        int[] p = {from};
        switch (encoding) {
            case PLAIN -> readPlain(body, p, vals, nonNull);
            case PLAIN_DICTIONARY, RLE_DICTIONARY -> {
                if (dictionary == null) {
                    throw fail("uses dictionary encoding but has no dictionary page");
                }
                if (nonNull > 0) {
                    int bitWidth = body[from] & 0xff;
                    if (bitWidth > 32) {
                        throw fail("has dictionary indices " + bitWidth + " bits wide");
                    }
                    int[] idx = new int[nonNull];
                    new Rle(body, from + 1, body.length, bitWidth).read(idx, nonNull);
                    for (int i = 0; i < nonNull; i++) {
                        if (idx[i] < 0 || idx[i] >= dictionary.length) {
                            throw fail("has a dictionary index out of range");
                        }
                        vals[i] = dictionary[idx[i]];
                    }
                }
            }
            case RLE -> {
                if (type != ParquetType.BOOLEAN) {
                    throw fail("uses RLE for " + type + " values");
                }
                int len = le32(body, from);
                if (len < 0 || len > body.length - from - 4) {
                    throw fail("has RLE booleans longer than their page");
                }
                int[] bits = new int[nonNull];
                new Rle(body, from + 4, from + 4 + len, 1).read(bits, nonNull);
                for (int i = 0; i < nonNull; i++) {
                    vals[i] = bits[i] != 0;
                }
            }
            case DELTA_BINARY_PACKED -> {
                long[] v = deltaBinaryPacked(body, p, nonNull);
                for (int i = 0; i < nonNull; i++) {
                    vals[i] = switch (type) {
                        case INT32 -> (int) v[i];
                        case INT64 -> v[i];
                        default -> throw fail("uses DELTA_BINARY_PACKED for " + type + " values");
                    };
                }
            }
            case DELTA_LENGTH_BYTE_ARRAY -> {
                requireBinary(encoding);
                deltaLengthByteArray(body, p, vals, nonNull);
            }
            case DELTA_BYTE_ARRAY -> {
                requireBinary(encoding);
                long[] prefixes = deltaBinaryPacked(body, p, nonNull);
                Object[] suffixes = new Object[nonNull];
                deltaLengthByteArray(body, p, suffixes, nonNull);
                byte[] prev = new byte[0];
                for (int i = 0; i < nonNull; i++) {
                    byte[] suf = (byte[]) suffixes[i];
                    long pre = prefixes[i];
                    if (pre < 0 || pre > prev.length) {
                        throw fail("has a DELTA_BYTE_ARRAY prefix out of range");
                    }
                    byte[] v = new byte[(int) pre + suf.length];
                    System.arraycopy(prev, 0, v, 0, (int) pre);
                    System.arraycopy(suf, 0, v, (int) pre, suf.length);
                    vals[i] = v;
                    prev = v;
                }
            }
            default -> throw fail("uses encoding " + encoding + ", which this reader does not decode (supported:"
                    + " PLAIN, PLAIN_DICTIONARY, RLE_DICTIONARY, RLE, DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY,"
                    + " DELTA_BYTE_ARRAY)");
        }
        int v = 0;
        for (int i = 0; i < numValues; i++) {
            out[filled + i] = present == null || present[i] ? vals[v++] : null;
        }
    }

    private void requireBinary(int encoding) {
        if (type != ParquetType.BYTE_ARRAY) {
            throw fail("uses encoding " + encoding + " for " + type + " values");
        }
    }

    /** PLAIN values of the column's type; advances {@code p[0]}. */
    private void readPlain(byte[] body, int[] p, Object[] out, int count) {
        int pos = p[0];
        if (type == ParquetType.BOOLEAN) {
            if (count > (body.length - (long) pos) * 8) {
                throw fail("has PLAIN booleans that are truncated");
            }
            for (int i = 0; i < count; i++) {
                out[i] = (body[pos + (i >>> 3)] >>> (i & 7) & 1) != 0;
            }
            p[0] = pos + (count + 7) / 8;
            return;
        }
        for (int i = 0; i < count; i++) {
            int width = switch (type) {
                case INT32, FLOAT -> 4;
                case INT64, DOUBLE -> 8;
                case INT96 -> 12;
                case FIXED_LEN_BYTE_ARRAY -> typeLength;
                default -> {
                    if (pos > body.length - 4) {
                        throw fail("has PLAIN values that are truncated");
                    }
                    int len = le32(body, pos);
                    pos += 4;
                    yield len;
                }
            };
            if (width < 0 || width > body.length - pos) {
                throw fail("has PLAIN values that are truncated");
            }
            out[i] = switch (type) {
                case INT32 -> le32(body, pos);
                case FLOAT -> Float.intBitsToFloat(le32(body, pos));
                case INT64 -> le64(body, pos);
                case DOUBLE -> Double.longBitsToDouble(le64(body, pos));
                default -> Arrays.copyOfRange(body, pos, pos + width);
            };
            pos += width;
        }
        p[0] = pos;
    }

    /** DELTA_LENGTH_BYTE_ARRAY: delta-packed lengths, then the bytes back to back; advances {@code p[0]}. */
    private void deltaLengthByteArray(byte[] body, int[] p, Object[] out, int count) {
        long[] lengths = deltaBinaryPacked(body, p, count);
        int pos = p[0];
        for (int i = 0; i < count; i++) {
            long len = lengths[i];
            if (len < 0 || len > body.length - pos) {
                throw fail("has a DELTA_LENGTH_BYTE_ARRAY value out of range");
            }
            out[i] = Arrays.copyOfRange(body, pos, pos + (int) len);
            pos += (int) len;
        }
        p[0] = pos;
    }

    /** DELTA_BINARY_PACKED: reads {@code count} values and advances {@code p[0]} past the whole run. */
    private long[] deltaBinaryPacked(byte[] b, int[] p, int count) {
        long blockSize = uvarint(b, p);
        long miniblocks = uvarint(b, p);
        long total = uvarint(b, p);
        long first = zigzag(uvarint(b, p));
        if (blockSize <= 0 || blockSize % 128 != 0 || miniblocks <= 0 || blockSize % miniblocks != 0
                || (blockSize / miniblocks) % 32 != 0 || total != count) {
            throw fail("has an invalid DELTA_BINARY_PACKED header");
        }
        int perMini = (int) (blockSize / miniblocks);
        long[] out = new long[count];
        if (total == 0) {
            return out;
        }
        out[0] = first;
        int n = 1;
        long prev = first;
        while (n < total) {
            long minDelta = zigzag(uvarint(b, p));
            if (miniblocks > b.length - p[0]) {
                throw fail("has truncated DELTA_BINARY_PACKED widths");
            }
            int[] widths = new int[(int) miniblocks];
            for (int i = 0; i < miniblocks; i++) {
                widths[i] = b[p[0]++] & 0xff;
                if (widths[i] > 64) {
                    throw fail("has a DELTA_BINARY_PACKED width of " + widths[i] + " bits");
                }
            }
            for (int m = 0; m < miniblocks && n < total; m++) {
                int w = widths[m];
                long bytes = (long) perMini * w / 8;
                if (bytes > b.length - p[0]) {
                    throw fail("has a truncated DELTA_BINARY_PACKED miniblock");
                }
                long bitBase = (long) p[0] * 8;
                for (int k = 0; k < perMini && n < total; k++) {
                    long v = 0;
                    for (int bit = 0; bit < w; bit++) {
                        long at = bitBase + (long) k * w + bit;
                        if ((b[(int) (at >>> 3)] >>> (at & 7) & 1) != 0) {
                            v |= 1L << bit;
                        }
                    }
                    prev = prev + minDelta + v;
                    out[n++] = prev;
                }
                p[0] += (int) bytes;
            }
        }
        return out;
    }

    private long uvarint(byte[] b, int[] p) {
        long r = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (p[0] >= b.length) {
                throw fail("has a truncated varint in a DELTA encoding");
            }
            int x = b[p[0]++] & 0xff;
            r |= (long) (x & 0x7f) << shift;
            if ((x & 0x80) == 0) {
                return r;
            }
        }
        throw fail("has a varint longer than 64 bits");
    }

    private static long zigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    private int definitionLevels(byte[] buf, int from, int to, boolean[] present) {
        int maxDef = chunk.leaf().maxDefinitionLevel();
        int bitWidth = 32 - Integer.numberOfLeadingZeros(maxDef);
        int[] levels = new int[present.length];
        new Rle(buf, from, to, bitWidth).read(levels, present.length);
        int n = 0;
        for (int i = 0; i < levels.length; i++) {
            present[i] = levels[i] == maxDef;
            if (present[i]) {
                n++;
            }
        }
        return n;
    }

    private byte[] decompress(byte[] data, int off, int len, int uncompressed) {
        if (len < 0 || uncompressed < 0) {
            throw fail("has a page with a negative size");
        }
        if (uncompressed > limits.maxPageBytes()) {
            throw fail("has a page that claims " + uncompressed + " uncompressed bytes, more than"
                    + " ParquetLimits.maxPageBytes (" + limits.maxPageBytes() + ")");
        }
        ParquetCompression codec = chunk.compression();
        switch (codec) {
            case UNCOMPRESSED:
                if (len > limits.maxPageBytes()) {
                    throw fail("has a page of " + len + " bytes, more than ParquetLimits.maxPageBytes ("
                            + limits.maxPageBytes() + ")");
                }
                return Arrays.copyOfRange(data, off, off + len);
            case SNAPPY:
                return Snappy.decompress(data, off, len, uncompressed);
            case GZIP:
                if (uncompressed > (long) len * MAX_GZIP_RATIO + 1024) {
                    throw fail("has a GZIP page of " + len + " bytes that claims " + uncompressed + " bytes");
                }
                try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data, off, len))) {
                    byte[] out = in.readNBytes(uncompressed);
                    if (out.length != uncompressed || in.read() >= 0) {
                        throw fail("has a GZIP page that does not inflate to " + uncompressed + " bytes");
                    }
                    return out;
                } catch (IOException e) {
                    throw new ParquetFormatException("column " + chunk.path() + " has a corrupt GZIP page", e);
                }
            default:
                throw fail("is compressed with " + codec
                        + ", which is not supported for reading values (supported: UNCOMPRESSED, SNAPPY, GZIP)");
        }
    }

    static int le32(byte[] b, int p) {
        return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8 | (b[p + 2] & 0xff) << 16 | (b[p + 3] & 0xff) << 24;
    }

    private static long le64(byte[] b, int p) {
        return (le32(b, p) & 0xffffffffL) | (long) le32(b, p + 4) << 32;
    }

    /** The fields of a Parquet {@code PageHeader} this decoder uses. */
    private static final class PageHeader {
        int type = -1;
        int uncompressedSize;
        int compressedSize = -1;
        int numValues;
        int encoding;
        int dictNumValues;
        int defLength;
        int repLength;
        boolean v2Compressed = true;

        static PageHeader read(CompactReader r) {
            PageHeader h = new PageHeader();
            r.readStruct(f -> {
                switch (f.id()) {
                    case 1 -> h.type = r.readI32();
                    case 2 -> h.uncompressedSize = r.readI32();
                    case 3 -> h.compressedSize = r.readI32();
                    case 5 -> r.readStruct(g -> h.readDataV1(g, r));
                    case 7 -> r.readStruct(g -> h.readDict(g, r));
                    case 8 -> r.readStruct(g -> h.readDataV2(g, r));
                    default -> {
                        return false;
                    }
                }
                return true;
            });
            if (h.compressedSize < 0 || h.uncompressedSize < 0) {
                throw new ParquetFormatException("page header with a negative or missing size at byte "
                        + r.position());
            }
            return h;
        }

        private boolean readDataV1(CompactReader.Field f, CompactReader r) {
            switch (f.id()) {
                case 1 -> numValues = r.readI32();
                case 2 -> encoding = r.readI32();
                default -> {
                    return false;
                }
            }
            return true;
        }

        private boolean readDict(CompactReader.Field f, CompactReader r) {
            if (f.id() != 1) {
                return false;
            }
            dictNumValues = r.readI32();
            return true;
        }

        private boolean readDataV2(CompactReader.Field f, CompactReader r) {
            switch (f.id()) {
                case 1 -> numValues = r.readI32();
                case 4 -> encoding = r.readI32();
                case 5 -> defLength = r.readI32();
                case 6 -> repLength = r.readI32();
                case 7 -> v2Compressed = f.boolValue();
                default -> {
                    return false;
                }
            }
            return true;
        }
    }

    /** The RLE / bit-packing hybrid used for levels, dictionary indices and RLE booleans. */
    private final class Rle {
        private final byte[] buf;
        private int pos;
        private final int end;
        private final int bitWidth;

        Rle(byte[] buf, int from, int to, int bitWidth) {
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
                    throw fail("has RLE data that ends after " + n + " of " + count + " values");
                }
                long header = varint();
                if ((header & 1) == 0) {
                    long run = header >>> 1;
                    if (byteWidth > end - pos) {
                        throw fail("has a truncated RLE run");
                    }
                    int value = 0;
                    for (int k = 0; k < byteWidth; k++) {
                        value |= (buf[pos++] & 0xff) << (8 * k);
                    }
                    for (long k = 0; k < run && n < count; k++) {
                        out[n++] = value;
                    }
                } else {
                    long groups = header >>> 1;
                    long values = groups * 8;
                    long bitPos = (long) pos * 8;
                    for (long k = 0; k < values && n < count; k++) {
                        int v = 0;
                        for (int b = 0; b < bitWidth; b++) {
                            long bit = bitPos + k * bitWidth + b;
                            long byteIdx = bit >>> 3;
                            if (byteIdx < end && (buf[(int) byteIdx] >>> (bit & 7) & 1) != 0) {
                                v |= 1 << b;
                            }
                        }
                        out[n++] = v;
                    }
                    pos = (int) Math.min(end, pos + groups * bitWidth);
                }
            }
        }

        private long varint() {
            long r = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (pos >= end) {
                    throw fail("has a truncated RLE header");
                }
                int b = buf[pos++] & 0xff;
                r |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return r;
                }
            }
            throw fail("has an RLE header longer than 64 bits");
        }
    }
}
