package io.dmskit.engine.internal;

import io.dmskit.model.s3.S3OutputSettings;
import io.dmskit.model.s3.csv.CsvDialect;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * One DMS output file being built (CSV, gzipped CSV or Parquet) into a sink (an S3 upload stream or a buffer). Rows
 * are the target columns, optionally preceded by the Op field and the timestamp column; CSV text is written in the
 * target's {@link CsvDialect} (dms-model), the same dialect dms-verify reads.
 */
public final class OutputFile implements AutoCloseable {

    private final S3OutputSettings options;
    private final CsvDialect csv;
    private final boolean parquetFile;
    private final String timestampColumn;
    private final boolean opField;
    private final OutputStream fileOut;
    private final OutputStream csvOut;
    private final ParquetFileWriter parquet;
    private final List<TablePlan.TargetColumn> columns;
    private final StringBuilder line = new StringBuilder(256);
    private byte[] encoded = new byte[1024];
    private long uncompressedBytes;
    private long rows;
    private boolean finished;

    /**
     * @param options S3 settings
     * @param plan the table; null for a transaction file (free-form rows of text fields, always CSV, no header)
     * @param opField whether rows start with the Op field
     * @param sink where the file's bytes go; {@link #finish()} flushes but does not close it
     */
    public OutputFile(S3OutputSettings options, TablePlan plan, boolean opField, OutputStream sink) {
        this.options = options;
        this.csv = options.csvDialect();
        this.parquetFile = options.parquet() && plan != null;
        this.timestampColumn = options.timestampColumnName().orElse(null);
        this.opField = opField;
        this.columns = plan == null ? List.of() : plan.columns();
        try {
            this.fileOut = new BufferedOutputStream(sink, 256 * 1024);
            if (parquetFile) {
                this.csvOut = null;
                this.parquet = new ParquetFileWriter(fileOut, parquetSchema(plan), options.gzip(),
                        options.rowGroupLength());
            } else {
                this.parquet = null;
                this.csvOut = options.gzip() ? new GZIPOutputStream(fileOut, 64 * 1024) : fileOut;
                if (csv.headerRow() && plan != null) {
                    csv.appendRecord(line, csv.header(opField, columns.stream().map(TablePlan.TargetColumn::name)
                            .toList()));
                    write();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<ParquetFileWriter.Column> parquetSchema(TablePlan plan) {
        List<ParquetFileWriter.Column> out = new ArrayList<>();
        if (opField) {
            out.add(ParquetFileWriter.Column.string("Op"));
        }
        if (timestampColumn != null) {
            out.add(ParquetFileWriter.Column.string(timestampColumn));
        }
        for (TablePlan.TargetColumn c : plan.columns()) {
            out.add(parquetColumn(c));
        }
        return out;
    }

    private ParquetFileWriter.Column parquetColumn(TablePlan.TargetColumn c) {
        SourceColumn s = c.type();
        String name = c.name();
        return switch (c.kind()) {
            case INTEGER -> s != null && fitsInt32(s) ? ParquetFileWriter.Column.plain(name, ParquetFileWriter.PhysicalType.INT32)
                    : ParquetFileWriter.Column.plain(name, ParquetFileWriter.PhysicalType.INT64);
            case DECIMAL -> s != null && s.precision() >= 1 && s.precision() <= 38 && s.scale() <= s.precision()
                    ? ParquetFileWriter.Column.decimal(name, s.precision(), s.scale())
                    : ParquetFileWriter.Column.string(name);
            case DOUBLE -> ParquetFileWriter.Column.plain(name, ParquetFileWriter.PhysicalType.DOUBLE);
            case FLOAT -> ParquetFileWriter.Column.plain(name, ParquetFileWriter.PhysicalType.FLOAT);
            case BOOLEAN -> ParquetFileWriter.Column.plain(name, ParquetFileWriter.PhysicalType.BOOLEAN);
            case DATE -> new ParquetFileWriter.Column(name, ParquetFileWriter.PhysicalType.INT32, ParquetFileWriter.DATE, 0, 0, 0);
            case TIMESTAMP -> new ParquetFileWriter.Column(name, ParquetFileWriter.PhysicalType.INT64,
                    options.parquetTimestampInMillisecond() ? ParquetFileWriter.TIMESTAMP_MILLIS : ParquetFileWriter.TIMESTAMP_MICROS, 0, 0, 0);
            case BINARY -> ParquetFileWriter.Column.plain(name, ParquetFileWriter.PhysicalType.BYTE_ARRAY);
            case STRING -> ParquetFileWriter.Column.string(name);
        };
    }

    private static boolean fitsInt32(SourceColumn s) {
        String t = s.typeName();
        boolean smallType = t.startsWith("tinyint") || t.startsWith("smallint") || t.startsWith("mediumint")
                || t.equals("int2") || t.equals("int4") || t.equals("serial") || t.equals("smallserial")
                || t.equals("year");
        boolean intType = t.equals("int") || t.equals("integer") || t.startsWith("int(");
        return smallType || (intType && !s.unsigned());
    }

    /**
     * Adds a row.
     *
     * @param op the Op field value, ignored when this file has no Op field
     * @param timestamp the timestamp column's text, ignored when no TimestampColumnName is set
     * @param values target values
     */
    public void add(char op, String timestamp, Object[] values) {
        rows++;
        if (parquet != null) {
            int extra = (opField ? 1 : 0) + (timestampColumn != null ? 1 : 0);
            Object[] row = new Object[extra + values.length];
            int i = 0;
            if (opField) {
                row[i++] = String.valueOf(op);
            }
            if (timestampColumn != null) {
                row[i++] = timestamp;
            }
            System.arraycopy(values, 0, row, i, values.length);
            parquet.write(row);
            return;
        }
        boolean first = true;
        if (opField) {
            line.append(op);
            first = false;
        }
        if (timestampColumn != null) {
            if (!first) {
                csv.appendDelimiter(line);
            }
            csv.appendField(line, timestamp);
            first = false;
        }
        for (int i = 0; i < values.length; i++) {
            if (!first) {
                csv.appendDelimiter(line);
            }
            first = false;
            Object v = values[i];
            if (v instanceof Long l) {
                line.append(l.longValue()); // numbers never need quotes
                continue;
            }
            csv.appendField(line, TextValues.render(v, i < columns.size() ? columns.get(i).type() : null));
        }
        csv.appendRowEnd(line);
        write();
    }

    private void write() {
        int n = line.length();
        if (encoded.length < n) {
            encoded = new byte[Math.max(n, encoded.length * 2)];
        }
        boolean ascii = true;
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c >= 0x80) {
                ascii = false;
                break;
            }
            encoded[i] = (byte) c;
        }
        try {
            if (ascii) {
                csvOut.write(encoded, 0, n);
                uncompressedBytes += n;
            } else {
                byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
                csvOut.write(bytes);
                uncompressedBytes += bytes.length;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        line.setLength(0);
    }

    /** @return bytes of row data so far, before compression (what MaxFileSize and CdcMinFileSize measure) */
    public long size() {
        return parquet != null ? parquet.estimatedSize() : uncompressedBytes;
    }

    /** @return rows added */
    public long rows() {
        return rows;
    }

    /** Completes the file (Parquet footer, gzip trailer) and flushes it into the sink. */
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            if (parquet != null) {
                parquet.close();
            } else if (csvOut instanceof GZIPOutputStream gz) {
                gz.finish();
            }
            fileOut.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Releases the writers without completing the file. */
    @Override
    public void close() {
        finished = true;
    }
}
