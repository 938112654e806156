package io.dmskit.model.s3.parquet;

import io.dmskit.model.internal.Args;
import io.dmskit.model.s3.parquet.internal.FooterParser;
import io.dmskit.model.s3.parquet.internal.PageDecoder;
import io.dmskit.model.s3.parquet.internal.Values;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads Parquet files without Hadoop: footers (row counts, schema, chunk locations and statistics) from the end of a
 * file, and the values of flat column chunks. Made for reading as little as possible through ranged GETs: fetch the
 * tail, {@link #footerLength(byte[])} says whether it holds the whole footer, {@link #readFooter(byte[])} parses it,
 * and each chunk's bytes ({@link ParquetFooter.ColumnChunk#startOffset()},
 * {@link ParquetFooter.ColumnChunk#totalCompressedSize()}) decode on their own.
 *
 * <pre>{@code
 * ParquetFooter footer = ParquetReader.readFooter(tail);
 * long rows = footer.numRows();
 * ParquetFooter.ColumnChunk op = footer.rowGroups().get(0).column("Op").orElseThrow();
 * List<String> ops = ParquetReader.readStrings(op, bytesOf(op));
 * }</pre>
 *
 * <p>Decodes flat columns of every physical type in data pages v1 and v2 with the PLAIN, dictionary, RLE (booleans),
 * DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY and DELTA_BYTE_ARRAY encodings and UNCOMPRESSED, SNAPPY or GZIP
 * pages. Every malformed input (truncated, corrupt, or using anything else) fails with
 * {@link ParquetFormatException}, in time linear in the bytes given: no length, count or offset the file declares is
 * trusted beyond the bytes actually there, Thrift nesting is bounded, and what a few bytes may legitimately expand to
 * (a GZIP page, an RLE run of nulls) is capped by {@link ParquetLimits} ({@link ParquetLimits#DEFAULT} unless given).
 */
public final class ParquetReader {

    /** Bytes at the end of every Parquet file: the 4-byte little-endian footer length and the magic {@code PAR1}. */
    public static final int TRAILER_LENGTH = FooterParser.TRAILER_LENGTH;

    private ParquetReader() {
    }

    /**
     * Reads the footer length from the last 8 bytes of a file, so a caller knows how much of the end to fetch.
     *
     * @param tail the last bytes of the file, at least {@value #TRAILER_LENGTH}
     * @return the footer's length in bytes, trailer excluded
     * @throws ParquetFormatException when the tail is not a Parquet trailer (or is an encrypted one)
     */
    public static int footerLength(byte[] tail) {
        return FooterParser.footerLength(Args.required(tail, "ParquetReader.footerLength: tail"));
    }

    /**
     * Parses the footer that ends just before the trailer.
     *
     * @param tail the last bytes of the file (or the whole file), holding the whole footer and the trailer
     * @return the footer
     * @throws ParquetFormatException when the footer is truncated or corrupt
     */
    public static ParquetFooter readFooter(byte[] tail) {
        return readFooter(tail, ParquetLimits.DEFAULT);
    }

    /**
     * Like {@link #readFooter(byte[])}, refusing a footer longer than {@link ParquetLimits#maxFooterBytes()}.
     *
     * @param tail the last bytes of the file (or the whole file), holding the whole footer and the trailer
     * @param limits the footer size ceiling
     * @return the footer
     * @throws ParquetFormatException when the footer is truncated, corrupt or longer than the limit
     */
    public static ParquetFooter readFooter(byte[] tail, ParquetLimits limits) {
        int length = footerLength(tail);
        if (length > limits.maxFooterBytes()) {
            throw new ParquetFormatException("the footer is " + length + " bytes long, more than"
                    + " ParquetLimits.maxFooterBytes (" + limits.maxFooterBytes() + ")");
        }
        return guard(() -> FooterParser.parseTail(tail), "footer");
    }

    /**
     * Decodes a column chunk into the Java values of its annotation: String (STRING), BigDecimal (DECIMAL),
     * LocalDate (DATE), LocalDateTime (timestamps, UTC), else Boolean, Integer, Long, Float, Double or byte[].
     *
     * @param chunk the chunk, from {@link #readFooter(byte[])}
     * @param chunkBytes the file's bytes from {@link ParquetFooter.ColumnChunk#startOffset()}, at least
     *     {@link ParquetFooter.ColumnChunk#totalCompressedSize()} of them
     * @return one value per row of the row group, null for nulls
     * @throws ParquetFormatException when a page is corrupt or uses an unsupported encoding or codec
     */
    public static List<Object> readValues(ParquetFooter.ColumnChunk chunk, byte[] chunkBytes) {
        return readValues(chunk, chunkBytes, ParquetLimits.DEFAULT);
    }

    /**
     * Like {@link #readValues(ParquetFooter.ColumnChunk, byte[])} with other limits.
     *
     * @param chunk the chunk, from {@link #readFooter(byte[])}
     * @param chunkBytes the file's bytes from {@link ParquetFooter.ColumnChunk#startOffset()}
     * @param limits page size and value count ceilings
     * @return one value per row of the row group, null for nulls
     * @throws ParquetFormatException when a page is corrupt, exceeds the limits or uses an unsupported encoding
     */
    public static List<Object> readValues(ParquetFooter.ColumnChunk chunk, byte[] chunkBytes, ParquetLimits limits) {
        Object[] physical = PageDecoder.decode(Args.required(chunk, "ParquetReader.readValues: chunk"),
                Args.required(chunkBytes, "ParquetReader.readValues: chunkBytes"), Args.required(limits, "ParquetReader: limits"));
        ParquetColumn column = chunk.leaf().column();
        Object[] out = new Object[physical.length];
        for (int i = 0; i < physical.length; i++) {
            out[i] = Values.toLogical(column, physical[i]);
        }
        return Arrays.asList(out);
    }

    /**
     * Decodes a column chunk as text (such as DMS's {@code Op} column or a key column): bytes as UTF-8, decimals in
     * plain notation, dates and timestamps in ISO-8601, other values as Java prints them.
     *
     * @param chunk the chunk, from {@link #readFooter(byte[])}
     * @param chunkBytes the file's bytes from {@link ParquetFooter.ColumnChunk#startOffset()}
     * @return one text per row of the row group, null for nulls
     * @throws ParquetFormatException when a page is corrupt or uses an unsupported encoding or codec
     */
    public static List<String> readStrings(ParquetFooter.ColumnChunk chunk, byte[] chunkBytes) {
        return readStrings(chunk, chunkBytes, ParquetLimits.DEFAULT);
    }

    /**
     * Like {@link #readStrings(ParquetFooter.ColumnChunk, byte[])} with other limits.
     *
     * @param chunk the chunk, from {@link #readFooter(byte[])}
     * @param chunkBytes the file's bytes from {@link ParquetFooter.ColumnChunk#startOffset()}
     * @param limits page size and value count ceilings
     * @return one text per row of the row group, null for nulls
     * @throws ParquetFormatException when a page is corrupt, exceeds the limits or uses an unsupported encoding
     */
    public static List<String> readStrings(ParquetFooter.ColumnChunk chunk, byte[] chunkBytes, ParquetLimits limits) {
        Object[] physical = PageDecoder.decode(Args.required(chunk, "ParquetReader.readStrings: chunk"),
                Args.required(chunkBytes, "ParquetReader.readStrings: chunkBytes"), Args.required(limits, "ParquetReader: limits"));
        ParquetColumn column = chunk.leaf().column();
        String[] out = new String[physical.length];
        for (int i = 0; i < physical.length; i++) {
            out[i] = Values.toText(column, physical[i]);
        }
        return Arrays.asList(out);
    }

    /**
     * Reads every row of a whole file held in memory (small files and tests).
     *
     * @param file the file's bytes
     * @return one array per row, values in schema order as {@link #readValues} returns them
     * @throws ParquetFormatException when the file is truncated or corrupt
     */
    public static List<Object[]> readRows(byte[] file) {
        return readRows(file, ParquetLimits.DEFAULT);
    }

    /**
     * Like {@link #readRows(byte[])} with other limits.
     *
     * @param file the file's bytes
     * @param limits page size and value count ceilings
     * @return one array per row, values in schema order as {@link #readValues} returns them
     * @throws ParquetFormatException when the file is truncated or corrupt or exceeds the limits
     */
    public static List<Object[]> readRows(byte[] file, ParquetLimits limits) {
        ParquetFooter footer = readFooter(file, limits);
        long chunkBytes = 0;
        for (ParquetFooter.RowGroup g : footer.rowGroups()) {
            for (ParquetFooter.ColumnChunk c : g.columns()) {
                chunkBytes += c.totalCompressedSize();
                if (chunkBytes > file.length) { // chunks do not overlap, so each byte is decoded at most once
                    throw new ParquetFormatException("the column chunks claim more bytes than the file's "
                            + file.length);
                }
            }
        }
        List<Object[]> rows = new ArrayList<>();
        for (ParquetFooter.RowGroup g : footer.rowGroups()) {
            Map<ParquetFooter.Leaf, ParquetFooter.ColumnChunk> byLeaf = new HashMap<>();
            for (ParquetFooter.ColumnChunk c : g.columns()) {
                byLeaf.putIfAbsent(c.leaf(), c);
            }
            List<List<Object>> columns = new ArrayList<>();
            for (ParquetFooter.Leaf leaf : footer.leaves()) {
                ParquetFooter.ColumnChunk chunk = byLeaf.get(leaf);
                if (chunk == null) {
                    throw new ParquetFormatException("a row group has no chunk for " + leaf.path());
                }
                List<Object> values = readValues(chunk, chunkBytes(file, chunk), limits);
                if (values.size() != g.numRows()) {
                    throw new ParquetFormatException("column " + leaf.path() + " has " + values.size()
                            + " values in a row group of " + g.numRows() + " rows");
                }
                columns.add(values);
            }
            if (columns.isEmpty() && g.numRows() > 0) {
                throw new ParquetFormatException("a row group of " + g.numRows() + " rows has no columns");
            }
            for (int r = 0; r < g.numRows(); r++) {
                Object[] row = new Object[columns.size()];
                for (int c = 0; c < row.length; c++) {
                    row[c] = columns.get(c).get(r);
                }
                rows.add(row);
            }
        }
        if (rows.size() != footer.numRows()) {
            throw new ParquetFormatException("the row groups hold " + rows.size() + " rows, the footer says "
                    + footer.numRows());
        }
        return rows;
    }

    private static byte[] chunkBytes(byte[] file, ParquetFooter.ColumnChunk chunk) {
        long start = chunk.startOffset();
        long end = start + chunk.totalCompressedSize();
        if (start < 0 || end > file.length - (long) TRAILER_LENGTH || end < start) {
            throw new ParquetFormatException("column chunk " + chunk.path() + " lies outside the file");
        }
        return Arrays.copyOfRange(file, (int) start, (int) end);
    }

    private static <T> T guard(java.util.function.Supplier<T> read, String what) {
        try {
            return read.get();
        } catch (IndexOutOfBoundsException | NegativeArraySizeException | ArithmeticException e) {
            // The parsers check every length where they read it; this net keeps the documented contract should a
            // check be missing.
            throw new ParquetFormatException("corrupt Parquet " + what + ": " + e, e);
        }
    }
}
