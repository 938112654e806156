package io.dmskit.model.s3.parquet;

import io.dmskit.model.internal.Args;
import io.dmskit.model.s3.parquet.internal.FileWriter;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Streams a flat Parquet file the way the local engine writes DMS's Parquet output: every column {@code OPTIONAL},
 * PLAIN values, one data page per column and row group, and a footer with row counts and null counts. Rows are
 * buffered one row group at a time, so memory is bounded by {@link Builder#rowGroupLength(int)}.
 *
 * <pre>{@code
 * try (ParquetWriter w = ParquetWriter.builder()
 *         .columns(List.of(ParquetColumn.string("Op"), ParquetColumn.int64("id"), ParquetColumn.decimal("price", 10, 2)))
 *         .compression(ParquetCompression.SNAPPY)
 *         .rowGroupLength(10_000)
 *         .open(out)) {
 *     w.write("I", 42L, new BigDecimal("9.99"));
 * }
 * }</pre>
 *
 * <p>Not thread-safe. {@link #close()} writes the footer but leaves the underlying stream open.
 */
public final class ParquetWriter implements AutoCloseable {

    /** DMS's default {@code RowGroupLength}. */
    public static final int DEFAULT_ROW_GROUP_LENGTH = 10_000;
    /** The footer's {@code created_by} unless {@link Builder#createdBy(String)} says otherwise. */
    public static final String DEFAULT_CREATED_BY = "dmskit version 0.1.0 (build local)";

    private final FileWriter file;
    private final List<ParquetColumn> columns;

    private ParquetWriter(Builder b, OutputStream out) {
        this.columns = List.copyOf(b.columns);
        this.file = new FileWriter(out, columns, b.compression, b.rowGroupLength, b.createdBy);
    }

    /**
     * Starts describing a writer.
     *
     * @return a builder with UNCOMPRESSED pages and {@value #DEFAULT_ROW_GROUP_LENGTH} rows per row group
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Adds one row. Accepted Java values per column: {@code Boolean} (BOOLEAN); any {@code Number} (INT32, INT64,
     * FLOAT, DOUBLE); {@code BigDecimal} or a number or numeric text (DECIMAL, rounded HALF_UP to the scale);
     * {@code LocalDate} (DATE); {@code LocalDateTime} in UTC (timestamps, truncated to the unit); {@code String}
     * (STRING; other objects are written as their {@code toString()}); {@code byte[]} (binary columns). Null, and a
     * value the column cannot represent (a decimal too wide for its precision, a wrong Java type), is written as null.
     *
     * @param values one value per column, in schema order
     * @throws ParquetFormatException (an IllegalArgumentException) when values is null, the number of values differs
     *     from the number of columns, or the writer is closed
     * @throws java.io.UncheckedIOException when the stream fails
     */
    public void write(Object... values) {
        file.write(values);
    }

    /**
     * Returns an estimate of the file's size: bytes written plus the values buffered for the current row group.
     *
     * @return bytes
     */
    public long estimatedSize() {
        return file.estimatedSize();
    }

    /**
     * Returns the number of rows written so far.
     *
     * @return rows
     */
    public long rowCount() {
        return file.rowCount();
    }

    /**
     * Returns the schema.
     *
     * @return the columns in order
     */
    public List<ParquetColumn> columns() {
        return columns;
    }

    /**
     * Writes the last row group and the footer; the underlying stream stays open. Calling it again does nothing.
     *
     * @throws java.io.UncheckedIOException when the stream fails
     */
    @Override
    public void close() {
        file.close();
    }

    /** Describes a {@link ParquetWriter}; {@link #open(OutputStream)} checks the description and starts the file. */
    public static final class Builder {
        private final List<ParquetColumn> columns = new ArrayList<>();
        private ParquetCompression compression = ParquetCompression.UNCOMPRESSED;
        private int rowGroupLength = DEFAULT_ROW_GROUP_LENGTH;
        private String createdBy = DEFAULT_CREATED_BY;

        private Builder() {
        }

        /**
         * Sets the schema, replacing columns added before.
         *
         * @param columns the flat schema in order
         * @return this builder
         */
        public Builder columns(List<ParquetColumn> columns) {
            this.columns.clear();
            if (columns != null) {
                columns.forEach(this::column);
            }
            return this;
        }

        /**
         * Appends a column to the schema.
         *
         * @param column the column
         * @return this builder
         */
        public Builder column(ParquetColumn column) {
            columns.add(column);
            return this;
        }

        /**
         * Sets the page codec (DMS: {@code CompressionType=GZIP} gives GZIP pages).
         *
         * @param compression UNCOMPRESSED, SNAPPY or GZIP
         * @return this builder
         */
        public Builder compression(ParquetCompression compression) {
            this.compression = compression == null ? ParquetCompression.UNCOMPRESSED : compression;
            return this;
        }

        /**
         * Sets the rows per row group (DMS's {@code RowGroupLength}).
         *
         * @param rowGroupLength at least 1
         * @return this builder
         */
        public Builder rowGroupLength(int rowGroupLength) {
            this.rowGroupLength = rowGroupLength;
            return this;
        }

        /**
         * Sets the footer's {@code created_by}.
         *
         * @param createdBy the writer's name and version
         * @return this builder
         */
        public Builder createdBy(String createdBy) {
            this.createdBy = createdBy == null ? DEFAULT_CREATED_BY : createdBy;
            return this;
        }

        /**
         * Starts the file on a stream (writing its leading magic).
         *
         * @param out where the file goes; not closed by the writer
         * @return the writer
         * @throws ParquetFormatException (an IllegalArgumentException) when there is no column, a column is null,
         *     two columns share a name, the codec cannot be written or the row-group length is below 1 (all problems in one message)
         */
        public ParquetWriter open(OutputStream out) {
            Args.required(out, "ParquetWriter: out");
            List<String> problems = new ArrayList<>();
            if (columns.contains(null)) {
                problems.add("leave null columns out (column " + columns.indexOf(null) + " is null)");
                columns.removeIf(Objects::isNull);
            }
            if (columns.isEmpty()) {
                problems.add("add at least one column");
            }
            if (columns.stream().map(ParquetColumn::name).distinct().count() != columns.size()) {
                problems.add("give every column a distinct name");
            }
            if (!compression.isSupported()) {
                problems.add("use compression UNCOMPRESSED, SNAPPY or GZIP, not " + compression);
            }
            if (rowGroupLength < 1) {
                problems.add("set rowGroupLength to at least 1, not " + rowGroupLength);
            }
            for (ParquetColumn c : columns) {
                if (c.type() == ParquetType.INT96 || c.logicalType() == ParquetLogicalType.OTHER) {
                    problems.add("column " + c.name() + ": " + c.type() + "/" + c.logicalType()
                            + " cannot be written");
                }
            }
            if (!problems.isEmpty()) {
                throw new ParquetFormatException("invalid Parquet writer: " + String.join("; ", problems));
            }
            return new ParquetWriter(this, out);
        }
    }
}
