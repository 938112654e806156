package io.dmskit.model.s3.parquet.internal;

import io.dmskit.model.s3.parquet.ParquetFormatException;
import io.dmskit.model.s3.parquet.ParquetColumn;
import io.dmskit.model.s3.parquet.ParquetCompression;
import io.dmskit.model.s3.parquet.ParquetLogicalType;
import io.dmskit.model.s3.parquet.ParquetType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a flat Parquet file as a stream: OPTIONAL columns, PLAIN values, RLE definition levels, one data page v1 per
 * column and row group, UNCOMPRESSED, SNAPPY or GZIP pages, and a Thrift compact footer with the schema, row groups and
 * column-chunk metadata (null counts included). Files are readable by parquet-java, Arrow and Spark.
 *
 * <p>Written from the format specification (apache/parquet-format, {@code parquet.thrift} and {@code Encodings.md}).
 */
public final class FileWriter implements AutoCloseable {

    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    private static final int ENCODING_PLAIN = 0;
    private static final int ENCODING_RLE = 3;
    private static final int CONVERTED_UTF8 = 0;
    private static final int CONVERTED_DECIMAL = 5;
    private static final int CONVERTED_DATE = 6;
    private static final int CONVERTED_TIMESTAMP_MILLIS = 9;
    private static final int CONVERTED_TIMESTAMP_MICROS = 10;

    private final OutputStream out;
    private final List<ParquetColumn> columns;
    private final ParquetCompression compression;
    private final int rowGroupLength;
    private final String createdBy;
    private final ColumnBuffer[] buffers;
    private final List<byte[]> rowGroupFooters = new ArrayList<>();
    private long position;
    private long totalRows;
    private int rowsInGroup;
    private boolean closed;

    /**
     * Starts a file by writing its leading magic.
     *
     * @param out where the file goes (not closed by this writer)
     * @param columns flat schema, at least one column
     * @param compression UNCOMPRESSED, SNAPPY or GZIP
     * @param rowGroupLength rows per row group, at least 1
     * @param createdBy the footer's {@code created_by}
     */
    public FileWriter(OutputStream out, List<ParquetColumn> columns, ParquetCompression compression,
                      int rowGroupLength, String createdBy) {
        this.out = Objects.requireNonNull(out, "out");
        this.columns = List.copyOf(columns);
        this.compression = Objects.requireNonNull(compression, "compression");
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        if (this.columns.isEmpty()) {
            throw new ParquetFormatException("a Parquet file needs at least one column");
        }
        if (!compression.isSupported()) {
            throw new ParquetFormatException("compression " + compression
                    + " cannot be written; use UNCOMPRESSED, SNAPPY or GZIP");
        }
        if (rowGroupLength < 1) {
            throw new ParquetFormatException("rowGroupLength must be at least 1, was " + rowGroupLength);
        }
        for (ParquetColumn c : this.columns) {
            if (c.type() == ParquetType.INT96 || c.logicalType() == ParquetLogicalType.OTHER) {
                throw new ParquetFormatException("column " + c.name() + ": " + c.type() + "/" + c.logicalType()
                        + " cannot be written");
            }
        }
        this.rowGroupLength = rowGroupLength;
        this.buffers = new ColumnBuffer[this.columns.size()];
        for (int i = 0; i < buffers.length; i++) {
            buffers[i] = new ColumnBuffer(this.columns.get(i));
        }
        write(MAGIC);
    }

    /**
     * Adds one row; a value the column cannot represent is written as null (see {@link Values#toPhysical}).
     *
     * @param values one value per column
     */
    public void write(Object[] values) {
        if (closed) {
            throw new ParquetFormatException("the Parquet file is already closed: open a new writer");
        }
        if (values == null) {
            throw new ParquetFormatException("write(values): values is null; pass one value (or null) per column");
        }
        if (values.length != buffers.length) {
            throw new ParquetFormatException("row has " + values.length + " values, schema has " + buffers.length);
        }
        for (int i = 0; i < values.length; i++) {
            buffers[i].add(values[i]);
        }
        rowsInGroup++;
        totalRows++;
        if (rowsInGroup >= rowGroupLength) {
            flushRowGroup();
        }
    }

    /**
     * Estimates the file's size.
     *
     * @return bytes written so far plus the bytes buffered for the current row group
     */
    public long estimatedSize() {
        long buffered = 0;
        for (ColumnBuffer b : buffers) {
            buffered += b.values.size();
        }
        return position + buffered;
    }

    /**
     * Counts the rows written.
     *
     * @return rows written
     */
    public long rowCount() {
        return totalRows;
    }

    private void flushRowGroup() {
        if (rowsInGroup == 0) {
            return;
        }
        CompactWriter rg = new CompactWriter().structBegin();
        rg.listField(1, CompactReader.T_STRUCT, buffers.length);
        long groupStart = position;
        long totalUncompressed = 0;
        long totalCompressed = 0;
        for (ColumnBuffer b : buffers) {
            byte[] body = b.pageBody();
            byte[] stored = compress(body);
            byte[] header = new CompactWriter().structBegin()
                    .i32(1, 0) // DATA_PAGE
                    .i32(2, body.length)
                    .i32(3, stored.length)
                    .structField(5)
                    .i32(1, rowsInGroup)
                    .i32(2, ENCODING_PLAIN)
                    .i32(3, ENCODING_RLE)
                    .i32(4, ENCODING_RLE)
                    .structEnd()
                    .structEnd().toByteArray();
            long pageOffset = position;
            write(header);
            write(stored);
            long uncompressed = header.length + (long) body.length;
            long compressed = header.length + (long) stored.length;
            totalUncompressed += uncompressed;
            totalCompressed += compressed;
            rg.structBegin()
                    .i64(2, pageOffset)
                    .structField(3)
                    .i32(1, b.column.type().id())
                    .listField(2, CompactReader.T_I32, 2).i32Element(ENCODING_PLAIN).i32Element(ENCODING_RLE)
                    .listField(3, CompactReader.T_BINARY, 1).stringElement(b.column.name())
                    .i32(4, compression.id())
                    .i64(5, rowsInGroup)
                    .i64(6, uncompressed)
                    .i64(7, compressed)
                    .i64(9, pageOffset)
                    .structField(12).i64(3, b.nulls).structEnd()
                    .structEnd()
                    .structEnd();
            b.reset();
        }
        rg.i64(2, totalUncompressed).i64(3, rowsInGroup).i64(5, groupStart).i64(6, totalCompressed);
        rg.structEnd();
        rowGroupFooters.add(rg.toByteArray());
        rowsInGroup = 0;
    }

    private byte[] compress(byte[] body) {
        return switch (compression) {
            case SNAPPY -> Snappy.compress(body);
            case GZIP -> gzip(body);
            default -> body;
        };
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length / 3 + 64);
        try (GZIPOutputStream z = new GZIPOutputStream(bytes, 64 * 1024)) {
            z.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Writes the last row group and the footer. Does not close the underlying stream. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        flushRowGroup();
        closed = true;
        CompactWriter f = new CompactWriter().structBegin();
        f.i32(1, 1);
        f.listField(2, CompactReader.T_STRUCT, columns.size() + 1);
        f.structBegin().string(4, "schema").i32(5, columns.size()).structEnd();
        for (ParquetColumn c : columns) {
            f.structBegin().i32(1, c.type().id());
            if (c.type() == ParquetType.FIXED_LEN_BYTE_ARRAY) {
                f.i32(2, c.typeLength());
            }
            f.i32(3, 1) // OPTIONAL
                    .string(4, c.name());
            int converted = switch (c.logicalType()) {
                case STRING -> CONVERTED_UTF8;
                case DECIMAL -> CONVERTED_DECIMAL;
                case DATE -> CONVERTED_DATE;
                case TIMESTAMP_MILLIS -> CONVERTED_TIMESTAMP_MILLIS;
                case TIMESTAMP_MICROS -> CONVERTED_TIMESTAMP_MICROS;
                default -> -1;
            };
            if (converted >= 0) {
                f.i32(6, converted);
            }
            if (c.logicalType() == ParquetLogicalType.DECIMAL) {
                f.i32(7, c.scale()).i32(8, c.precision());
            }
            f.structEnd();
        }
        f.i64(3, totalRows);
        f.listField(4, CompactReader.T_STRUCT, rowGroupFooters.size());
        ByteArrayOutputStream footer = new ByteArrayOutputStream();
        footer.writeBytes(f.toByteArray());
        for (byte[] rg : rowGroupFooters) {
            footer.writeBytes(rg);
        }
        // created_by (field 6) follows the row groups; the field delta from 4 is 2
        byte[] creator = createdBy.getBytes(StandardCharsets.UTF_8);
        footer.write((2 << 4) | CompactReader.T_BINARY);
        CompactWriter.writeVarint(footer, creator.length);
        footer.writeBytes(creator);
        footer.write(0); // STOP of FileMetaData
        byte[] bytes = footer.toByteArray();
        write(bytes);
        write(new byte[] {(byte) bytes.length, (byte) (bytes.length >>> 8), (byte) (bytes.length >>> 16),
            (byte) (bytes.length >>> 24)});
        write(MAGIC);
    }

    private void write(byte[] b) {
        try {
            out.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        position += b.length;
    }

    /** Values and definition levels of one column for the current row group. */
    private static final class ColumnBuffer {
        final ParquetColumn column;
        final ByteArrayOutputStream values = new ByteArrayOutputStream(1024);
        boolean[] defined = new boolean[1024];
        int count;
        long nulls;
        int bitBuffer;
        int bitCount;
        final byte[] scratch = new byte[8];

        ColumnBuffer(ParquetColumn column) {
            this.column = column;
        }

        void add(Object v) {
            if (count == defined.length) {
                defined = Arrays.copyOf(defined, count * 2);
            }
            Object value = Values.toPhysical(column, v);
            defined[count++] = value != null;
            if (value == null) {
                nulls++;
                return;
            }
            switch (column.type()) {
                case BOOLEAN -> {
                    if ((Boolean) value) {
                        bitBuffer |= 1 << bitCount;
                    }
                    if (++bitCount == 8) {
                        values.write(bitBuffer);
                        bitBuffer = 0;
                        bitCount = 0;
                    }
                }
                case INT32 -> le((Integer) value, 4);
                case INT64 -> le((Long) value, 8);
                case FLOAT -> le(Float.floatToRawIntBits((Float) value), 4);
                case DOUBLE -> le(Double.doubleToRawLongBits((Double) value), 8);
                case BYTE_ARRAY -> {
                    byte[] b = (byte[]) value;
                    le(b.length, 4);
                    values.write(b, 0, b.length);
                }
                default -> {
                    byte[] b = (byte[]) value;
                    values.write(b, 0, b.length);
                }
            }
        }

        private void le(long v, int bytes) {
            for (int i = 0; i < bytes; i++) {
                scratch[i] = (byte) (v >>> (8 * i));
            }
            values.write(scratch, 0, bytes);
        }

        /** Definition levels (length-prefixed RLE/bit-packed hybrid, bit width 1) followed by the PLAIN values. */
        byte[] pageBody() {
            if (bitCount > 0) {
                values.write(bitBuffer);
                bitBuffer = 0;
                bitCount = 0;
            }
            ByteArrayOutputStream levels = new ByteArrayOutputStream();
            int i = 0;
            while (i < count) {
                boolean v = defined[i];
                int run = 1;
                while (i + run < count && defined[i + run] == v) {
                    run++;
                }
                CompactWriter.writeVarint(levels, (long) run << 1);
                levels.write(v ? 1 : 0);
                i += run;
            }
            byte[] l = levels.toByteArray();
            ByteArrayOutputStream body = new ByteArrayOutputStream(4 + l.length + values.size());
            body.write(l.length);
            body.write(l.length >>> 8);
            body.write(l.length >>> 16);
            body.write(l.length >>> 24);
            body.writeBytes(l);
            body.writeBytes(values.toByteArray());
            return body.toByteArray();
        }

        void reset() {
            values.reset();
            count = 0;
            nulls = 0;
        }
    }
}
