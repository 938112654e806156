package io.dmskit.verify.internal.parquet;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The parts of a Parquet {@code FileMetaData} that row counting needs: the row count, the leaf columns and, per row
 * group, the location and statistics of each column chunk. Parsed from the Thrift compact bytes by hand, so no
 * Hadoop or parquet-java is needed at run time.
 */
public final class ParquetFooter {

    /** Bytes at the end of every Parquet file: 4-byte little-endian footer length and the magic. */
    public static final int TRAILER_LENGTH = 8;

    private final long numRows;
    private final List<Leaf> leaves;
    private final List<RowGroup> rowGroups;
    private final String createdBy;

    private ParquetFooter(long numRows, List<Leaf> leaves, List<RowGroup> rowGroups, String createdBy) {
        this.numRows = numRows;
        this.leaves = List.copyOf(leaves);
        this.rowGroups = List.copyOf(rowGroups);
        this.createdBy = createdBy;
    }

    /** A leaf column of the schema with its maximum definition and repetition levels. */
    public record Leaf(String path, int physicalType, int maxDefinitionLevel, int maxRepetitionLevel) { }

    /** One row group. */
    public record RowGroup(long numRows, List<ColumnChunk> columns) { }

    /** Where a column chunk lives and what its statistics say. */
    public record ColumnChunk(String path, int physicalType, int codec, long numValues, long dataPageOffset,
                              long dictionaryPageOffset, long totalCompressedSize, byte[] minValue, byte[] maxValue,
                              long nullCount) {
        /** @return offset of the first page of the chunk (dictionary page when present) */
        public long startOffset() {
            return dictionaryPageOffset > 0 && dictionaryPageOffset < dataPageOffset
                    ? dictionaryPageOffset : dataPageOffset;
        }

        /**
         * @return the single value every row of this chunk holds, when the statistics prove it (min = max, no nulls)
         */
        public Optional<String> constantValue() {
            if (minValue != null && maxValue != null && nullCount == 0 && java.util.Arrays.equals(minValue, maxValue)) {
                return Optional.of(new String(minValue, StandardCharsets.UTF_8));
            }
            return Optional.empty();
        }
    }

    /** @return total number of rows ({@code FileMetaData.num_rows}) */
    public long numRows() {
        return numRows;
    }

    /** @return leaf columns in schema order */
    public List<Leaf> leaves() {
        return leaves;
    }

    /** @return row groups */
    public List<RowGroup> rowGroups() {
        return rowGroups;
    }

    /** @return the writer that produced the file, or null */
    public String createdBy() {
        return createdBy;
    }

    /** @return the top-level column with this name, ignoring case, if any */
    public Optional<Leaf> leaf(String name) {
        for (Leaf l : leaves) {
            if (l.path().equalsIgnoreCase(name)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    /**
     * Reads the footer length from the last 8 bytes of a file.
     *
     * @param tail the last bytes of the file (at least 8)
     * @return footer length in bytes
     */
    public static int footerLength(byte[] tail) {
        if (tail.length < TRAILER_LENGTH) {
            throw new ParquetFormatException("file is shorter than 8 bytes, so it is not Parquet");
        }
        int n = tail.length;
        String magic = new String(tail, n - 4, 4, StandardCharsets.US_ASCII);
        if ("PARE".equals(magic)) {
            throw new ParquetFormatException("the file has an encrypted footer (PARE); encrypted Parquet is not supported");
        }
        if (!"PAR1".equals(magic)) {
            throw new ParquetFormatException("the file does not end with the Parquet magic PAR1");
        }
        int len = ByteBuffer.wrap(tail, n - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        if (len <= 0) {
            throw new ParquetFormatException("invalid footer length " + len);
        }
        return len;
    }

    /**
     * Parses the footer that ends just before the 8-byte trailer of {@code tail}.
     *
     * @param tail the last bytes of the file; must contain the whole footer and the trailer
     * @return the parsed footer
     */
    public static ParquetFooter parseTail(byte[] tail) {
        int len = footerLength(tail);
        int start = tail.length - TRAILER_LENGTH - len;
        if (start < 0) {
            throw new ParquetFormatException("the tail holds " + tail.length + " bytes but the footer needs "
                    + (len + TRAILER_LENGTH));
        }
        return parse(tail, start, start + len);
    }

    /** Parses {@code FileMetaData} from {@code buf[from, to)}. */
    public static ParquetFooter parse(byte[] buf, int from, int to) {
        CompactReader r = new CompactReader(buf, from, to);
        long numRows = -1;
        List<Element> schema = new ArrayList<>();
        List<RowGroup> groups = new ArrayList<>();
        String createdBy = null;
        int last = 0;
        while (true) {
            CompactReader.Field f = r.readField(last);
            if (f.isStop()) {
                break;
            }
            switch (f.id()) {
                case 2 -> {
                    CompactReader.ListHeader h = r.readListHeader();
                    for (int i = 0; i < h.size(); i++) {
                        schema.add(readElement(r));
                    }
                }
                case 3 -> numRows = r.readI64();
                case 4 -> {
                    CompactReader.ListHeader h = r.readListHeader();
                    for (int i = 0; i < h.size(); i++) {
                        groups.add(readRowGroup(r));
                    }
                }
                case 6 -> createdBy = f.type() == CompactReader.T_BINARY ? r.readString() : skipRet(r, f.type());
                default -> r.skip(f.type());
            }
            last = f.id();
        }
        if (numRows < 0) {
            throw new ParquetFormatException("FileMetaData has no num_rows");
        }
        return new ParquetFooter(numRows, leaves(schema), groups, createdBy);
    }

    private static String skipRet(CompactReader r, int type) {
        r.skip(type);
        return null;
    }

    private record Element(String name, int type, int repetition, int numChildren) { }

    private static Element readElement(CompactReader r) {
        String name = null;
        int type = -1;
        int repetition = 0;
        int children = 0;
        int last = 0;
        while (true) {
            CompactReader.Field f = r.readField(last);
            if (f.isStop()) {
                break;
            }
            switch (f.id()) {
                case 1 -> type = r.readI32();
                case 3 -> repetition = r.readI32();
                case 4 -> name = r.readString();
                case 5 -> children = r.readI32();
                default -> r.skip(f.type());
            }
            last = f.id();
        }
        return new Element(name, type, repetition, children);
    }

    private static List<Leaf> leaves(List<Element> schema) {
        List<Leaf> out = new ArrayList<>();
        if (schema.isEmpty()) {
            return out;
        }
        int[] index = {1};
        Element root = schema.get(0);
        for (int i = 0; i < root.numChildren() && index[0] < schema.size(); i++) {
            walk(schema, index, "", 0, 0, out);
        }
        return out;
    }

    private static void walk(List<Element> schema, int[] index, String prefix, int def, int rep, List<Leaf> out) {
        Element e = schema.get(index[0]++);
        int d = def + (e.repetition() == 0 ? 0 : 1);
        int p = rep + (e.repetition() == 2 ? 1 : 0);
        String path = prefix.isEmpty() ? e.name() : prefix + "." + e.name();
        if (e.numChildren() == 0) {
            out.add(new Leaf(path, e.type(), d, p));
            return;
        }
        for (int i = 0; i < e.numChildren() && index[0] < schema.size(); i++) {
            walk(schema, index, path, d, p, out);
        }
    }

    private static RowGroup readRowGroup(CompactReader r) {
        List<ColumnChunk> columns = new ArrayList<>();
        long rows = 0;
        int last = 0;
        while (true) {
            CompactReader.Field f = r.readField(last);
            if (f.isStop()) {
                break;
            }
            switch (f.id()) {
                case 1 -> {
                    CompactReader.ListHeader h = r.readListHeader();
                    for (int i = 0; i < h.size(); i++) {
                        ColumnChunk c = readColumnChunk(r);
                        if (c != null) {
                            columns.add(c);
                        }
                    }
                }
                case 3 -> rows = r.readI64();
                default -> r.skip(f.type());
            }
            last = f.id();
        }
        return new RowGroup(rows, columns);
    }

    private static ColumnChunk readColumnChunk(CompactReader r) {
        ColumnChunk meta = null;
        int last = 0;
        while (true) {
            CompactReader.Field f = r.readField(last);
            if (f.isStop()) {
                break;
            }
            if (f.id() == 3 && f.type() == CompactReader.T_STRUCT) {
                meta = readColumnMeta(r);
            } else {
                r.skip(f.type());
            }
            last = f.id();
        }
        return meta;
    }

    private static ColumnChunk readColumnMeta(CompactReader r) {
        int type = -1;
        int codec = 0;
        long numValues = 0;
        long dataOffset = -1;
        long dictOffset = -1;
        long compressed = 0;
        StringBuilder path = new StringBuilder();
        byte[][] stats = {null, null, null, null};
        long[] nullCount = {-1};
        int last = 0;
        while (true) {
            CompactReader.Field f = r.readField(last);
            if (f.isStop()) {
                break;
            }
            switch (f.id()) {
                case 1 -> type = r.readI32();
                case 3 -> {
                    CompactReader.ListHeader h = r.readListHeader();
                    for (int i = 0; i < h.size(); i++) {
                        if (i > 0) {
                            path.append('.');
                        }
                        path.append(r.readString());
                    }
                }
                case 4 -> codec = r.readI32();
                case 5 -> numValues = r.readI64();
                case 7 -> compressed = r.readI64();
                case 9 -> dataOffset = r.readI64();
                case 11 -> dictOffset = r.readI64();
                case 12 -> readStatistics(r, stats, nullCount);
                default -> r.skip(f.type());
            }
            last = f.id();
        }
        // Prefer min_value/max_value (fields 6/5); the deprecated min/max (2/1) use signed order but equality holds.
        byte[] min = stats[3] != null ? stats[3] : stats[1];
        byte[] max = stats[2] != null ? stats[2] : stats[0];
        return new ColumnChunk(path.toString(), type, codec, numValues, dataOffset, dictOffset, compressed,
                min, max, nullCount[0]);
    }

    private static void readStatistics(CompactReader r, byte[][] stats, long[] nullCount) {
        int last = 0;
        while (true) {
            CompactReader.Field f = r.readField(last);
            if (f.isStop()) {
                break;
            }
            switch (f.id()) {
                case 1 -> stats[0] = r.readBinary();
                case 2 -> stats[1] = r.readBinary();
                case 3 -> nullCount[0] = r.readI64();
                case 5 -> stats[2] = r.readBinary();
                case 6 -> stats[3] = r.readBinary();
                default -> r.skip(f.type());
            }
            last = f.id();
        }
    }
}
