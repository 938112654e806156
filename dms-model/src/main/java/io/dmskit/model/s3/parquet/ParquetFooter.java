package io.dmskit.model.s3.parquet;

import io.dmskit.model.internal.Args;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a Parquet footer ({@code FileMetaData}) says that counting and decoding need: the row count, the leaf columns
 * and, per row group, where each column chunk lives and what its statistics prove. Read with
 * {@link ParquetReader#readFooter(byte[])}.
 *
 * @param numRows total number of rows ({@code FileMetaData.num_rows})
 * @param leaves leaf columns in schema order
 * @param rowGroups row groups in file order
 * @param createdBy the writer that produced the file, when it says
 */
public record ParquetFooter(long numRows, List<Leaf> leaves, List<RowGroup> rowGroups, Optional<String> createdBy) {

    /**
     * Copies the lists.
     *
     * @throws io.dmskit.model.DmsModelException when a list or createdBy is null
     */
    public ParquetFooter {
        leaves = Args.list(leaves, "ParquetFooter: leaves");
        rowGroups = Args.list(rowGroups, "ParquetFooter: rowGroups");
        Args.required(createdBy, "ParquetFooter: createdBy");
    }

    /**
     * Finds a leaf column by name, ignoring case (DMS column names keep the source's case).
     *
     * @param name column name or dotted path
     * @return the leaf, if the schema has it
     */
    public Optional<Leaf> leaf(String name) {
        return leaves.stream().filter(l -> l.path().equalsIgnoreCase(name)).findFirst();
    }

    /**
     * A leaf column of the schema with the levels its pages encode.
     *
     * @param column name (dotted path), type and annotation
     * @param maxDefinitionLevel 0 for REQUIRED flat columns, 1 for OPTIONAL flat columns
     * @param maxRepetitionLevel 0 unless the column is repeated
     */
    public record Leaf(ParquetColumn column, int maxDefinitionLevel, int maxRepetitionLevel) {
        /**
         * Checks the column.
         *
         * @throws io.dmskit.model.DmsModelException when column is null
         */
        public Leaf {
            Args.required(column, "ParquetFooter: column");
        }

        /**
         * Returns the column's dotted path.
         *
         * @return the path, the column name for flat schemas
         */
        public String path() {
            return column.name();
        }
    }

    /**
     * One row group.
     *
     * @param numRows rows of the group
     * @param columns its column chunks in schema order
     */
    public record RowGroup(long numRows, List<ColumnChunk> columns) {
        /**
         * Copies the list.
         *
         * @throws io.dmskit.model.DmsModelException when columns is null
         */
        public RowGroup {
            columns = Args.list(columns, "RowGroup: columns");
        }

        /**
         * Finds the chunk of a column, ignoring case.
         *
         * @param path column name or dotted path
         * @return the chunk, if the group has one
         */
        public Optional<ColumnChunk> column(String path) {
            return columns.stream().filter(c -> c.path().equalsIgnoreCase(path)).findFirst();
        }
    }

    /**
     * Where a column chunk lives and what its statistics say.
     *
     * @param leaf the schema leaf the chunk belongs to
     * @param compression page codec
     * @param numValues values in the chunk, nulls included
     * @param dataPageOffset file offset of the first data page
     * @param dictionaryPageOffset file offset of the dictionary page, or -1 when there is none
     * @param totalCompressedSize bytes of the chunk in the file, page headers included
     * @param minValue statistics minimum as stored (plain encoding), or null
     * @param maxValue statistics maximum as stored (plain encoding), or null
     * @param nullCount nulls in the chunk, or -1 when the statistics do not say
     */
    public record ColumnChunk(Leaf leaf, ParquetCompression compression, long numValues, long dataPageOffset,
                              long dictionaryPageOffset, long totalCompressedSize, byte[] minValue, byte[] maxValue,
                              long nullCount) {
        /**
         * Copies the statistics.
         *
         * @throws io.dmskit.model.DmsModelException when leaf or compression is null
         */
        public ColumnChunk {
            Args.required(leaf, "ParquetFooter: leaf");
            Args.required(compression, "ParquetFooter: compression");
            minValue = minValue == null ? null : minValue.clone();
            maxValue = maxValue == null ? null : maxValue.clone();
        }

        /**
         * Returns the column's dotted path.
         *
         * @return the path of the chunk's leaf
         */
        public String path() {
            return leaf.path();
        }

        /**
         * Returns the statistics minimum.
         *
         * @return a copy of the stored bytes, or null
         */
        @Override
        public byte[] minValue() {
            return minValue == null ? null : minValue.clone();
        }

        /**
         * Returns the statistics maximum.
         *
         * @return a copy of the stored bytes, or null
         */
        @Override
        public byte[] maxValue() {
            return maxValue == null ? null : maxValue.clone();
        }

        /**
         * Returns where the chunk's bytes start: its dictionary page when it has one, else its first data page.
         *
         * @return file offset
         */
        public long startOffset() {
            return dictionaryPageOffset > 0 && dictionaryPageOffset < dataPageOffset
                    ? dictionaryPageOffset : dataPageOffset;
        }

        /**
         * Returns the single text every row of this chunk holds, when the statistics prove it (min = max, no nulls),
         * so a constant {@code Op} column is counted without reading its pages.
         *
         * @return the value as UTF-8 text, if the statistics prove one
         */
        public Optional<String> constantValue() {
            if (minValue != null && maxValue != null && nullCount == 0 && Arrays.equals(minValue, maxValue)) {
                return Optional.of(new String(minValue, StandardCharsets.UTF_8));
            }
            return Optional.empty();
        }
    }
}
