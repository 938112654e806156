package io.dmskit.engine.internal;

import io.dmskit.model.s3.S3OutputSettings;
import io.dmskit.model.s3.CsvDialect;
import io.dmskit.model.s3.parquet.ParquetColumn;
import io.dmskit.model.s3.parquet.ParquetCompression;
import io.dmskit.model.s3.parquet.ParquetLogicalType;
import io.dmskit.model.s3.parquet.ParquetWriter;
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
final class OutputFile implements AutoCloseable {

    private final S3OutputSettings options;
    private final CsvDialect csv;
    private final boolean parquetFile;
    private final String timestampColumn;
    private final boolean opField;
    private final OutputStream fileOut;
    private final OutputStream csvOut;
    private final ParquetWriter parquet;
    private final boolean[] renderAsText;
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
                List<ParquetColumn> schema = parquetSchema(plan);
                this.parquet = ParquetWriter.builder().columns(schema)
                        .compression(options.gzip() ? ParquetCompression.GZIP : ParquetCompression.UNCOMPRESSED)
                        .rowGroupLength(Math.max(1, options.rowGroupLength())).open(fileOut);
                this.renderAsText = new boolean[schema.size()];
                for (int i = 0; i < renderAsText.length; i++) {
                    renderAsText[i] = schema.get(i).logicalType() == ParquetLogicalType.STRING;
                }
            } else {
                this.parquet = null;
                this.renderAsText = null;
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

    private List<ParquetColumn> parquetSchema(TablePlan plan) {
        List<ParquetColumn> out = new ArrayList<>();
        if (opField) {
            out.add(ParquetColumn.string("Op"));
        }
        if (timestampColumn != null) {
            out.add(ParquetColumn.string(timestampColumn));
        }
        for (TablePlan.TargetColumn c : plan.columns()) {
            out.add(parquetColumn(c));
        }
        return out;
    }

    private ParquetColumn parquetColumn(TablePlan.TargetColumn c) {
        SourceColumn s = c.type();
        String name = c.name();
        return switch (c.kind()) {
            case INTEGER -> s != null && fitsInt32(s) ? ParquetColumn.int32(name) : ParquetColumn.int64(name);
            case DECIMAL -> s != null && s.precision() >= 1 && s.precision() <= ParquetColumn.MAX_DECIMAL_PRECISION
                    && s.scale() >= 0 && s.scale() <= s.precision()
                    ? ParquetColumn.decimal(name, s.precision(), s.scale())
                    : ParquetColumn.string(name);
            case DOUBLE -> ParquetColumn.float64(name);
            case FLOAT -> ParquetColumn.float32(name);
            case BOOLEAN -> ParquetColumn.bool(name);
            case DATE -> ParquetColumn.date(name);
            case TIMESTAMP -> options.parquetTimestampInMillisecond() ? ParquetColumn.timestampMillis(name)
                    : ParquetColumn.timestampMicros(name);
            case BINARY -> ParquetColumn.binary(name);
            case STRING -> ParquetColumn.string(name);
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
            for (int k = i; k < row.length; k++) {
                // String columns hold DMS's text rendering of any value (a decimal without usable precision, say).
                if (renderAsText[k] && row[k] != null && !(row[k] instanceof String) && !(row[k] instanceof byte[])) {
                    row[k] = TextValues.render(row[k], null);
                }
            }
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
