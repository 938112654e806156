package io.dmskit.model.s3.parquet.internal;

import io.dmskit.model.s3.parquet.ParquetColumn;
import io.dmskit.model.s3.parquet.ParquetCompression;
import io.dmskit.model.s3.parquet.ParquetFooter;
import io.dmskit.model.s3.parquet.ParquetFormatException;
import io.dmskit.model.s3.parquet.ParquetLogicalType;
import io.dmskit.model.s3.parquet.ParquetType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses a Parquet {@code FileMetaData} from its Thrift compact bytes (the fields of {@code parquet.thrift} that
 * {@link ParquetFooter} holds), so no Hadoop or parquet-java is needed at run time.
 */
public final class FooterParser {

    /** Bytes at the end of every Parquet file: 4-byte little-endian footer length and the magic. */
    public static final int TRAILER_LENGTH = 8;
    private static final int MAX_SCHEMA_DEPTH = 64;
    /** PostgreSQL's NUMERIC allows 1000 digits, the widest of DMS's sources. */
    private static final int MAX_DECIMAL_PRECISION = 1000;

    private FooterParser() {
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
        long start = (long) tail.length - TRAILER_LENGTH - len;
        if (start < 0) {
            throw new ParquetFormatException("the tail holds " + tail.length + " bytes but the footer needs "
                    + ((long) len + TRAILER_LENGTH));
        }
        return parse(tail, (int) start, (int) start + len);
    }

    /**
     * Parses {@code FileMetaData} from {@code buf[from, to)}.
     *
     * @param buf bytes holding the footer
     * @param from first byte of the footer
     * @param to end of the footer (exclusive)
     * @return the parsed footer
     */
    static ParquetFooter parse(byte[] buf, int from, int to) {
        CompactReader r = new CompactReader(buf, from, to);
        long[] numRowsHolder = {-1};
        List<Element> schema = new ArrayList<>();
        List<RawChunk> chunks = new ArrayList<>();
        List<long[]> groups = new ArrayList<>(); // {numRows, first chunk index, chunk count}
        String[] createdByHolder = {null};
        r.readStruct(f -> {
            switch (f.id()) {
                case 2 -> {
                    CompactReader.ListHeader h = list(r, f);
                    for (int i = 0; i < h.size(); i++) {
                        schema.add(readElement(r));
                    }
                }
                case 3 -> numRowsHolder[0] = i64(r, f);
                case 4 -> {
                    CompactReader.ListHeader h = list(r, f);
                    for (int i = 0; i < h.size(); i++) {
                        groups.add(readRowGroup(r, chunks));
                    }
                }
                case 6 -> {
                    if (f.type() != CompactReader.T_BINARY) {
                        return false;
                    }
                    createdByHolder[0] = r.readString();
                }
                default -> {
                    return false;
                }
            }
            return true;
        });
        long numRows = numRowsHolder[0];
        String createdBy = createdByHolder[0];
        if (numRows < 0) {
            throw new ParquetFormatException("FileMetaData has no num_rows");
        }
        List<ParquetFooter.Leaf> leaves = leaves(schema);
        Map<String, ParquetFooter.Leaf> byPath = new HashMap<>();
        for (ParquetFooter.Leaf l : leaves) {
            byPath.put(l.path(), l);
        }
        List<ParquetFooter.RowGroup> rowGroups = new ArrayList<>();
        for (long[] g : groups) {
            List<ParquetFooter.ColumnChunk> cols = new ArrayList<>();
            for (int i = (int) g[1]; i < g[1] + g[2]; i++) {
                cols.add(chunks.get(i).resolve(byPath));
            }
            rowGroups.add(new ParquetFooter.RowGroup(g[0], cols));
        }
        return new ParquetFooter(numRows, leaves, rowGroups, Optional.ofNullable(createdBy));
    }

    private static CompactReader.ListHeader list(CompactReader r, CompactReader.Field f) {
        expect(f, CompactReader.T_LIST);
        return r.readListHeader();
    }

    private static int i32(CompactReader r, CompactReader.Field f) {
        expect(f, CompactReader.T_I32);
        return r.readI32();
    }

    private static long i64(CompactReader r, CompactReader.Field f) {
        expect(f, CompactReader.T_I64);
        return r.readI64();
    }

    private static void expect(CompactReader.Field f, int type) {
        if (f.type() != type) {
            throw new ParquetFormatException("field " + f.id() + " has Thrift type " + f.type() + ", expected " + type);
        }
    }

    private record Element(String name, int type, int typeLength, int repetition, int numChildren, int converted,
                           int scale, int precision) { }

    private static Element readElement(CompactReader r) {
        ElementBuilder e = new ElementBuilder();
        r.readStruct(f -> {
            switch (f.id()) {
                case 1 -> e.type = i32(r, f);
                case 2 -> e.typeLength = i32(r, f);
                case 3 -> e.repetition = i32(r, f);
                case 4 -> {
                    expect(f, CompactReader.T_BINARY);
                    e.name = r.readString();
                }
                case 5 -> e.children = i32(r, f);
                case 6 -> e.converted = i32(r, f);
                case 7 -> e.scale = i32(r, f);
                case 8 -> e.precision = i32(r, f);
                case 10 -> {
                    if (f.type() != CompactReader.T_STRUCT) {
                        return false;
                    }
                    e.logical = logicalAsConverted(r);
                }
                default -> {
                    return false;
                }
            }
            return true;
        });
        if (e.name == null) {
            throw new ParquetFormatException("a schema element has no name");
        }
        // a writer may give only the newer LogicalType (Arrow's C++ writer does for timestamps not adjusted to UTC)
        int converted = e.converted >= 0 ? e.converted : e.logical;
        return new Element(e.name, e.type, e.typeLength, e.repetition, e.children, converted, e.scale,
                e.precision);
    }

    /**
     * Reads a {@code LogicalType} union and answers the {@code ConvertedType} it stands for, as far as this package
     * reads them: STRING (0), DECIMAL (5), DATE (6), TIMESTAMP in milliseconds (9) or microseconds (10); -1 for any
     * other (nanosecond timestamps included, which have no converted type).
     */
    private static int logicalAsConverted(CompactReader r) {
        int[] out = {-1};
        r.readStruct(u -> {
            switch (u.id()) {
                case 1 -> out[0] = 0;
                case 5 -> out[0] = 5;
                case 6 -> out[0] = 6;
                case 8 -> {
                    if (u.type() != CompactReader.T_STRUCT) {
                        return false;
                    }
                    int[] unit = {0};
                    r.readStruct(ts -> {
                        if (ts.id() == 2 && ts.type() == CompactReader.T_STRUCT) {
                            r.readStruct(tu -> {
                                unit[0] = tu.id();
                                return false;
                            });
                            return true;
                        }
                        return false;
                    });
                    out[0] = unit[0] == 1 ? 9 : unit[0] == 2 ? 10 : -1;
                    return true;
                }
                default -> {
                    return false;
                }
            }
            return false; // the member's (empty or unneeded) struct is skipped
        });
        return out[0];
    }

    /** The fields of a {@code SchemaElement} while it is read. */
    private static final class ElementBuilder {
        String name;
        int type = -1;
        int typeLength;
        int repetition;
        int children;
        int converted = -1;
        int logical = -1;
        int scale;
        int precision;
    }

    private static List<ParquetFooter.Leaf> leaves(List<Element> schema) {
        List<ParquetFooter.Leaf> out = new ArrayList<>();
        if (schema.isEmpty()) {
            return out;
        }
        int[] index = {1};
        Element root = schema.get(0);
        for (int i = 0; i < root.numChildren() && index[0] < schema.size(); i++) {
            walk(schema, index, "", 0, 0, 1, out);
        }
        return out;
    }

    private static void walk(List<Element> schema, int[] index, String prefix, int def, int rep, int depth,
                             List<ParquetFooter.Leaf> out) {
        if (depth > MAX_SCHEMA_DEPTH) {
            throw new ParquetFormatException("schema nested deeper than " + MAX_SCHEMA_DEPTH + " levels");
        }
        Element e = schema.get(index[0]++);
        int d = def + (e.repetition() == 0 ? 0 : 1);
        int p = rep + (e.repetition() == 2 ? 1 : 0);
        String path = prefix.isEmpty() ? e.name() : prefix + "." + e.name();
        if (e.numChildren() <= 0) {
            out.add(new ParquetFooter.Leaf(column(path, e), d, p));
            return;
        }
        for (int i = 0; i < e.numChildren() && index[0] < schema.size(); i++) {
            walk(schema, index, path, d, p, depth + 1, out);
        }
    }

    private static ParquetColumn column(String path, Element e) {
        if (e.type() < 0) {
            throw new ParquetFormatException("schema leaf " + path + " has no physical type");
        }
        ParquetType type = ParquetType.ofId(e.type());
        ParquetLogicalType logical = switch (e.converted()) {
            case -1 -> ParquetLogicalType.NONE;
            case 0 -> ParquetLogicalType.STRING;
            case 5 -> ParquetLogicalType.DECIMAL;
            case 6 -> ParquetLogicalType.DATE;
            case 9 -> ParquetLogicalType.TIMESTAMP_MILLIS;
            case 10 -> ParquetLogicalType.TIMESTAMP_MICROS;
            default -> ParquetLogicalType.OTHER;
        };
        if (!fits(type, logical)) {
            logical = ParquetLogicalType.OTHER;
        }
        if (logical == ParquetLogicalType.DECIMAL && e.precision() > MAX_DECIMAL_PRECISION) {
            throw new ParquetFormatException("schema leaf " + path + " is DECIMAL(" + e.precision() + ", "
                    + e.scale() + "); precisions above " + MAX_DECIMAL_PRECISION + " are not read");
        }
        try {
            return logical == ParquetLogicalType.DECIMAL
                    ? new ParquetColumn(path, type, logical, e.precision(), e.scale(), e.typeLength())
                    : new ParquetColumn(path, type, logical, 0, 0, e.typeLength());
        } catch (IllegalArgumentException x) {
            throw new ParquetFormatException("schema leaf " + path + " is invalid: " + x.getMessage(), x);
        }
    }

    /** Whether an annotation is meaningful on a physical type; others are read as {@link ParquetLogicalType#OTHER}. */
    private static boolean fits(ParquetType type, ParquetLogicalType logical) {
        return switch (logical) {
            case NONE, OTHER -> true;
            case STRING -> type == ParquetType.BYTE_ARRAY;
            case DECIMAL -> type == ParquetType.INT32 || type == ParquetType.INT64
                    || type == ParquetType.FIXED_LEN_BYTE_ARRAY || type == ParquetType.BYTE_ARRAY;
            case DATE -> type == ParquetType.INT32;
            case TIMESTAMP_MILLIS, TIMESTAMP_MICROS -> type == ParquetType.INT64;
        };
    }

    private static long[] readRowGroup(CompactReader r, List<RawChunk> chunks) {
        int first = chunks.size();
        long[] rows = {0};
        r.readStruct(f -> {
            switch (f.id()) {
                case 1 -> {
                    CompactReader.ListHeader h = list(r, f);
                    for (int i = 0; i < h.size(); i++) {
                        RawChunk c = readColumnChunk(r);
                        if (c != null) {
                            chunks.add(c);
                        }
                    }
                }
                case 3 -> rows[0] = i64(r, f);
                default -> {
                    return false;
                }
            }
            return true;
        });
        if (rows[0] < 0) {
            throw new ParquetFormatException("a row group has " + rows[0] + " rows");
        }
        return new long[] {rows[0], first, chunks.size() - first};
    }

    /** A chunk as the footer describes it, before its path is matched to a schema leaf. */
    private record RawChunk(String path, int codec, long numValues, long dataOffset, long dictOffset,
                            long compressed, byte[] min, byte[] max, long nullCount) {
        ParquetFooter.ColumnChunk resolve(Map<String, ParquetFooter.Leaf> leaves) {
            ParquetFooter.Leaf leaf = leaves.get(path);
            if (leaf == null) {
                throw new ParquetFormatException("column chunk " + path + " has no column in the schema");
            }
            if (numValues < 0 || compressed < 0 || dataOffset < 0) {
                throw new ParquetFormatException("column chunk " + path + " has negative sizes or offsets");
            }
            return new ParquetFooter.ColumnChunk(leaf, ParquetCompression.ofId(codec), numValues, dataOffset,
                    dictOffset, compressed, min, max, nullCount);
        }
    }

    private static RawChunk readColumnChunk(CompactReader r) {
        RawChunk[] meta = {null};
        r.readStruct(f -> {
            if (f.id() != 3 || f.type() != CompactReader.T_STRUCT) {
                return false;
            }
            meta[0] = readColumnMeta(r);
            return true;
        });
        return meta[0];
    }

    /** The fields of a {@code ColumnMetaData} while it is read. */
    private static final class MetaBuilder {
        int codec;
        long numValues;
        long dataOffset = -1;
        long dictOffset = -1;
        long compressed;
        final StringBuilder path = new StringBuilder();
        final byte[][] stats = {null, null, null, null};
        long nullCount = -1;
    }

    private static RawChunk readColumnMeta(CompactReader r) {
        MetaBuilder m = new MetaBuilder();
        r.readStruct(f -> {
            switch (f.id()) {
                case 3 -> {
                    CompactReader.ListHeader h = list(r, f);
                    for (int i = 0; i < h.size(); i++) {
                        if (i > 0) {
                            m.path.append('.');
                        }
                        m.path.append(r.readString());
                    }
                }
                case 4 -> m.codec = i32(r, f);
                case 5 -> m.numValues = i64(r, f);
                case 7 -> m.compressed = i64(r, f);
                case 9 -> m.dataOffset = i64(r, f);
                case 11 -> m.dictOffset = i64(r, f);
                case 12 -> {
                    expect(f, CompactReader.T_STRUCT);
                    readStatistics(r, m);
                }
                default -> {
                    return false;
                }
            }
            return true;
        });
        // Prefer min_value/max_value (fields 6/5); the deprecated min/max (2/1) use signed order but equality holds.
        byte[] min = m.stats[3] != null ? m.stats[3] : m.stats[1];
        byte[] max = m.stats[2] != null ? m.stats[2] : m.stats[0];
        return new RawChunk(m.path.toString(), m.codec, m.numValues, m.dataOffset, m.dictOffset, m.compressed, min,
                max, m.nullCount);
    }

    private static void readStatistics(CompactReader r, MetaBuilder m) {
        r.readStruct(f -> {
            boolean binary = f.type() == CompactReader.T_BINARY;
            switch (f.id()) {
                case 1 -> m.stats[0] = binary ? r.readBinary() : skipped(r, f);
                case 2 -> m.stats[1] = binary ? r.readBinary() : skipped(r, f);
                case 3 -> m.nullCount = i64(r, f);
                case 5 -> m.stats[2] = binary ? r.readBinary() : skipped(r, f);
                case 6 -> m.stats[3] = binary ? r.readBinary() : skipped(r, f);
                default -> {
                    return false;
                }
            }
            return true;
        });
    }

    private static byte[] skipped(CompactReader r, CompactReader.Field f) {
        r.skip(f.type());
        return null;
    }
}
