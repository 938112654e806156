package io.dmskit.engine.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;

/**
 * A small, dependency-free Parquet file writer: one flat schema of OPTIONAL columns, PLAIN encoding, RLE definition
 * levels, data page v1, UNCOMPRESSED or GZIP pages, a Thrift compact footer with schema, row groups and column-chunk
 * metadata (including null counts). Files are readable by parquet-java (parquet-hadoop), Arrow and Spark.
 *
 * <p>Written from the format specification (apache/parquet-format, {@code parquet.thrift} and {@code Encodings.md}).
 */
public final class ParquetFileWriter implements AutoCloseable {

    /** Physical types (parquet.thrift {@code Type}). */
    public enum PhysicalType {
        BOOLEAN(0), INT32(1), INT64(2), FLOAT(4), DOUBLE(5), BYTE_ARRAY(6), FIXED_LEN_BYTE_ARRAY(7);

        final int id;

        PhysicalType(int id) {
            this.id = id;
        }
    }

    /** Converted types used here (parquet.thrift {@code ConvertedType}). */
    public static final int UTF8 = 0;
    public static final int DECIMAL = 5;
    public static final int DATE = 6;
    public static final int TIMESTAMP_MILLIS = 9;
    public static final int TIMESTAMP_MICROS = 10;

    /**
     * One column of the file's flat schema.
     *
     * @param name column name
     * @param type physical type
     * @param convertedType converted type or -1
     * @param precision decimal precision (DECIMAL only)
     * @param scale decimal scale (DECIMAL only)
     * @param typeLength byte length (FIXED_LEN_BYTE_ARRAY only)
     */
    public record Column(String name, PhysicalType type, int convertedType, int precision, int scale, int typeLength) {
        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }

        /** @return a UTF-8 string column */
        public static Column string(String name) {
            return new Column(name, PhysicalType.BYTE_ARRAY, UTF8, 0, 0, 0);
        }

        /** @return a column of a type without annotation */
        public static Column plain(String name, PhysicalType type) {
            return new Column(name, type, -1, 0, 0, 0);
        }

        /** @return a DECIMAL(precision, scale) column stored in the smallest fitting physical type */
        public static Column decimal(String name, int precision, int scale) {
            if (precision <= 9) {
                return new Column(name, PhysicalType.INT32, DECIMAL, precision, scale, 0);
            }
            if (precision <= 18) {
                return new Column(name, PhysicalType.INT64, DECIMAL, precision, scale, 0);
            }
            int bytes = (int) Math.ceil((precision * Math.log(10) / Math.log(2) + 1) / 8);
            return new Column(name, PhysicalType.FIXED_LEN_BYTE_ARRAY, DECIMAL, precision, scale, bytes);
        }
    }

    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    private static final int CODEC_UNCOMPRESSED = 0;
    private static final int CODEC_GZIP = 2;
    private static final int ENCODING_PLAIN = 0;
    private static final int ENCODING_RLE = 3;

    private final OutputStream out;
    private final List<Column> columns;
    private final boolean gzip;
    private final int rowGroupLength;
    private final ColumnBuffer[] buffers;
    private final List<byte[]> rowGroupFooters = new ArrayList<>();
    private long position;
    private long totalRows;
    private int rowsInGroup;
    private boolean closed;

    /**
     * @param out where the file goes (not closed by this writer)
     * @param columns flat schema
     * @param gzip compress pages with GZIP
     * @param rowGroupLength rows per row group
     */
    public ParquetFileWriter(OutputStream out, List<Column> columns, boolean gzip, int rowGroupLength) {
        this.out = Objects.requireNonNull(out, "out");
        this.columns = List.copyOf(columns);
        if (this.columns.isEmpty()) {
            throw new IllegalArgumentException("a Parquet file needs at least one column");
        }
        this.gzip = gzip;
        this.rowGroupLength = Math.max(1, rowGroupLength);
        this.buffers = new ColumnBuffer[this.columns.size()];
        for (int i = 0; i < buffers.length; i++) {
            buffers[i] = new ColumnBuffer(this.columns.get(i));
        }
        write(MAGIC);
    }

    /**
     * Adds one row.
     *
     * @param values one value per column: null, or a value matching the column (Long/Integer, BigDecimal, Double,
     *     Float, Boolean, String, LocalDate, LocalDateTime, byte[]); strings are accepted for every string column
     */
    public void write(Object[] values) {
        if (values.length != buffers.length) {
            throw new IllegalArgumentException("row has " + values.length + " values, schema has " + buffers.length);
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

    /** @return bytes written so far plus the bytes buffered for the current row group (an estimate of file size) */
    public long estimatedSize() {
        long buffered = 0;
        for (ColumnBuffer b : buffers) {
            buffered += b.values.size();
        }
        return position + buffered;
    }

    /** @return rows written */
    public long rowCount() {
        return totalRows;
    }

    private void flushRowGroup() {
        if (rowsInGroup == 0) {
            return;
        }
        ThriftCompactWriter rg = new ThriftCompactWriter().structBegin();
        rg.listField(1, ThriftCompactWriter.TYPE_STRUCT, buffers.length);
        long groupStart = position;
        long totalUncompressed = 0;
        long totalCompressed = 0;
        for (int i = 0; i < buffers.length; i++) {
            ColumnBuffer b = buffers[i];
            byte[] body = b.pageBody();
            byte[] stored = gzip ? gzip(body) : body;
            byte[] header = new ThriftCompactWriter().structBegin()
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
                    .i32(1, b.column.type().id)
                    .listField(2, ThriftCompactWriter.TYPE_I32, 2).i32Element(ENCODING_PLAIN).i32Element(ENCODING_RLE)
                    .listField(3, ThriftCompactWriter.TYPE_BINARY, 1).stringElement(b.column.name())
                    .i32(4, gzip ? CODEC_GZIP : CODEC_UNCOMPRESSED)
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
        closed = true;
        flushRowGroup();
        ThriftCompactWriter f = new ThriftCompactWriter().structBegin();
        f.i32(1, 1);
        f.listField(2, ThriftCompactWriter.TYPE_STRUCT, columns.size() + 1);
        f.structBegin().string(4, "schema").i32(5, columns.size()).structEnd();
        for (Column c : columns) {
            f.structBegin().i32(1, c.type().id);
            if (c.type() == PhysicalType.FIXED_LEN_BYTE_ARRAY) {
                f.i32(2, c.typeLength());
            }
            f.i32(3, 1) // OPTIONAL
                    .string(4, c.name());
            if (c.convertedType() >= 0) {
                f.i32(6, c.convertedType());
            }
            if (c.convertedType() == DECIMAL) {
                f.i32(7, c.scale()).i32(8, c.precision());
            }
            f.structEnd();
        }
        f.i64(3, totalRows);
        f.listField(4, ThriftCompactWriter.TYPE_STRUCT, rowGroupFooters.size());
        byte[] head = f.toByteArray();
        ByteArrayOutputStream footer = new ByteArrayOutputStream();
        footer.writeBytes(head);
        for (byte[] rg : rowGroupFooters) {
            footer.writeBytes(rg);
        }
        // created_by (field 6) follows the row groups; field delta from 4 is 2
        byte[] createdBy = "dmskit version 0.1.0 (build local)".getBytes(StandardCharsets.UTF_8);
        footer.write((2 << 4) | ThriftCompactWriter.TYPE_BINARY);
        writeVarint(footer, createdBy.length);
        footer.writeBytes(createdBy);
        footer.write(0); // STOP of FileMetaData
        byte[] bytes = footer.toByteArray();
        write(bytes);
        write(new byte[] {(byte) bytes.length, (byte) (bytes.length >>> 8), (byte) (bytes.length >>> 16),
            (byte) (bytes.length >>> 24)});
        write(MAGIC);
    }

    private static void writeVarint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
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
        final Column column;
        final ByteArrayOutputStream values = new ByteArrayOutputStream(1024);
        boolean[] defined = new boolean[1024];
        int count;
        long nulls;
        int bitBuffer;
        int bitCount;
        final byte[] scratch = new byte[8];

        ColumnBuffer(Column column) {
            this.column = column;
        }

        void add(Object v) {
            if (count == defined.length) {
                defined = java.util.Arrays.copyOf(defined, count * 2);
            }
            Object value = normalize(v);
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
                case FLOAT -> le(Float.floatToIntBits((Float) value), 4);
                case DOUBLE -> le(Double.doubleToLongBits((Double) value), 8);
                case BYTE_ARRAY -> {
                    byte[] b = (byte[]) value;
                    le(b.length, 4);
                    values.write(b, 0, b.length);
                }
                case FIXED_LEN_BYTE_ARRAY -> {
                    byte[] b = (byte[]) value;
                    values.write(b, 0, b.length);
                }
            }
        }

        /** Converts a canonical value to what the physical type stores, or null when it cannot be represented. */
        private Object normalize(Object v) {
            if (v == null) {
                return null;
            }
            try {
                return switch (column.type()) {
                    case BOOLEAN -> v instanceof Boolean ? v : null;
                    case INT32 -> switch (column.convertedType()) {
                        case DATE -> v instanceof LocalDate d ? (int) d.toEpochDay() : null;
                        case DECIMAL -> unscaled(v).intValueExact();
                        default -> ((Number) v).intValue();
                    };
                    case INT64 -> switch (column.convertedType()) {
                        case TIMESTAMP_MICROS -> v instanceof LocalDateTime t ? micros(t) : null;
                        case TIMESTAMP_MILLIS -> v instanceof LocalDateTime t ? micros(t) / 1000 : null;
                        case DECIMAL -> unscaled(v).longValueExact();
                        default -> ((Number) v).longValue();
                    };
                    case FLOAT -> ((Number) v).floatValue();
                    case DOUBLE -> ((Number) v).doubleValue();
                    case BYTE_ARRAY -> v instanceof byte[] b ? b
                            : (column.convertedType() == UTF8 ? TextValues.render(v, null) : v.toString())
                                    .getBytes(StandardCharsets.UTF_8);
                    case FIXED_LEN_BYTE_ARRAY -> fixed(unscaled(v).toByteArray(), column.typeLength());
                };
            } catch (ClassCastException | ArithmeticException e) {
                return null;
            }
        }

        private BigInteger unscaled(Object v) {
            BigDecimal d = v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
            return d.setScale(column.scale(), RoundingMode.HALF_UP).unscaledValue();
        }

        private static byte[] fixed(byte[] twosComplement, int length) {
            if (twosComplement.length > length) {
                throw new ArithmeticException("decimal does not fit");
            }
            byte[] out = new byte[length];
            byte pad = (byte) (twosComplement[0] < 0 ? 0xFF : 0);
            int offset = length - twosComplement.length;
            java.util.Arrays.fill(out, 0, offset, pad);
            System.arraycopy(twosComplement, 0, out, offset, twosComplement.length);
            return out;
        }

        private static long micros(LocalDateTime t) {
            return t.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + t.getNano() / 1000;
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
                writeVarint(levels, (long) run << 1);
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
