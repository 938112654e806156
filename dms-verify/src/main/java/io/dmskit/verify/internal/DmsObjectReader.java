package io.dmskit.verify.internal;

import io.dmskit.model.s3.S3DataFormat;
import io.dmskit.model.s3.S3ObjectKind;
import io.dmskit.model.s3.S3ObjectNames;
import io.dmskit.model.s3.CsvFormatException;
import io.dmskit.model.s3.CsvReader;
import io.dmskit.model.s3.parquet.ParquetFooter;
import io.dmskit.model.s3.parquet.ParquetFormatException;
import io.dmskit.model.s3.parquet.ParquetLimits;
import io.dmskit.model.s3.parquet.ParquetReader;
import io.dmskit.verify.target.S3Target;
import io.dmskit.verify.target.TargetReadException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Reads single DMS output objects: counts rows (and CDC operations) of CSV and Parquet objects, and yields records
 * for the CDC probe. Parquet is read through ranged GETs of the footer (and, only when operations are needed and the
 * statistics do not already prove them, of the {@code Op} column chunk).
 *
 * <p>Every failure to read an object, whether S3 refused it, the connection broke or the object is not valid DMS
 * output (truncated, corrupt, beyond {@link io.dmskit.model.s3.CsvLimits} or
 * {@link io.dmskit.model.s3.parquet.ParquetLimits}), surfaces as one {@link TargetReadException} whose message starts
 * with the object's {@code s3://bucket/key} and keeps the reader's own error as its cause.
 */
public final class DmsObjectReader {

    private static final int HEADER_FIELDS = 6;

    private final S3Client s3;
    private final S3Target target;
    private final CsvReader scanner;

    /** Counts of one object. */
    public static final class Counts {
        /** data rows (header excluded). */
        public long rows;
        /** CDC operation counts. */
        public long inserts;
        /** CDC operation counts. */
        public long updates;
        /** CDC operation counts. */
        public long deletes;
        /** rows whose operation was not I, U or D. */
        public long unknownOps;
        /** whether a header row was found and skipped. */
        public boolean headerSkipped;
        /** whether the Op column was missing, so every CDC row was counted as an insert. */
        public boolean noOpColumn;
    }

    /** Per-table I/O statistics, shared by the objects of one table. */
    public static final class IoStats {
        /** GET requests. */
        public final AtomicLong gets = new AtomicLong();
        /** bytes received. */
        public final AtomicLong bytes = new AtomicLong();
    }

    /**
     * @param s3 client
     * @param target target settings
     */
    public DmsObjectReader(S3Client s3, S3Target target) {
        this.s3 = s3;
        this.target = target;
        this.scanner = target.settings().csvDialect().reader();
    }

    /**
     * @return whether the object is read as Parquet: a {@code .parquet} name always is; other names are when the
     *         endpoint's DataFormat is parquet (transaction files and {@code .csv} names excepted: DMS always writes
     *         those as CSV)
     */
    boolean isParquet(String key) {
        if (S3ObjectNames.isParquetName(key)) {
            return true;
        }
        String n = key.toLowerCase(Locale.ROOT);
        return target.dataFormat() == S3DataFormat.PARQUET && S3ObjectNames.kindOf(key) != S3ObjectKind.CDC_TXN
                && !n.endsWith(".csv") && !n.endsWith(".csv.gz");
    }

    /**
     * Counts one object of a table folder.
     *
     * @param key object key
     * @param cdc whether it is a CDC file (operations are classified) or a full-load file
     * @param columns the table's column names (to recognise a header row), may be empty
     */
    Counts count(String key, boolean cdc, Collection<String> columns, IoStats io) {
        return count(key, -1, cdc, columns, io);
    }

    /**
     * Like {@link #count(String, boolean, Collection, IoStats)} with the object's size from the listing, which lets
     * the Parquet tail be fetched with an explicit byte range (some S3-compatible servers serve suffix ranges slowly).
     *
     * @param size object size in bytes, or -1 when unknown
     */
    public Counts count(String key, long size, boolean cdc, Collection<String> columns, IoStats io) {
        if (isParquet(key)) {
            return reading(key, () -> countParquet(key, size, cdc, io));
        }
        return reading(key, () -> countCsv(key, cdc, columns, io));
    }

    /** Runs one object's read, naming the object in whatever makes it fail. */
    private <T> T reading(String key, Supplier<T> read) {
        String uri = "s3://" + target.bucket() + "/" + key;
        try {
            return read.get();
        } catch (ParquetFormatException e) {
            throw new TargetReadException(uri + " is not readable Parquet: " + e.getMessage(), e);
        } catch (CsvFormatException e) {
            // the CSV reader already names the object (withSource)
            throw new TargetReadException(e.source().isPresent() ? e.getMessage()
                    : uri + " is not readable CSV: " + e.getMessage(), e);
        } catch (UncheckedIOException | SdkException e) {
            throw new TargetReadException("reading " + uri + " failed: " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- Parquet

    private Counts countParquet(String key, long size, boolean cdc, IoStats io) {
        Tail tail = readTail(key, size, io);
        ParquetFooter footer = ParquetReader.readFooter(tail.bytes);
        Counts c = new Counts();
        c.rows = footer.numRows();
        if (!cdc) {
            return c;
        }
        if (target.cdcInsertsOnly()) {
            c.inserts = c.rows;
            return c;
        }
        var leaf = footer.leaf("Op");
        if (leaf.isEmpty()) {
            c.inserts = c.rows;
            c.noOpColumn = true;
            return c;
        }
        for (ParquetFooter.RowGroup rg : footer.rowGroups()) {
            ParquetFooter.ColumnChunk chunk = rg.columns().stream()
                    .filter(ch -> ch.path().equalsIgnoreCase(leaf.get().path())).findFirst().orElse(null);
            if (chunk == null) {
                continue;
            }
            var constant = chunk.constantValue();
            if (constant.isPresent()) {
                tally(c, constant.get(), chunk.numValues());
                continue;
            }
            byte[] data = chunkBytes(key, tail, chunk, io);
            for (String op : ParquetReader.readStrings(chunk, data)) {
                tally(c, op, 1);
            }
        }
        return c;
    }

    /**
     * Reads the named string columns of every row of a Parquet object (for the CDC probe).
     *
     * @return one array per row, values in the order of {@code columns}; null where a column is absent or null
     */
    List<String[]> parquetRows(String key, List<String> columns, IoStats io) {
        return reading(key, () -> parquetRowsOf(key, columns, io));
    }

    private List<String[]> parquetRowsOf(String key, List<String> columns, IoStats io) {
        Tail tail = readTail(key, -1, io);
        ParquetFooter footer = ParquetReader.readFooter(tail.bytes);
        List<String[]> rows = new ArrayList<>();
        for (ParquetFooter.RowGroup rg : footer.rowGroups()) {
            String[][] cols = new String[columns.size()][];
            for (int i = 0; i < columns.size(); i++) {
                var leaf = footer.leaf(columns.get(i));
                if (leaf.isEmpty()) {
                    continue;
                }
                ParquetFooter.ColumnChunk chunk = rg.columns().stream()
                        .filter(ch -> ch.path().equalsIgnoreCase(leaf.get().path())).findFirst().orElse(null);
                if (chunk == null) {
                    continue;
                }
                cols[i] = ParquetReader.readStrings(chunk, chunkBytes(key, tail, chunk, io)).toArray(String[]::new);
            }
            boolean any = false;
            for (String[] col : cols) {
                if (col != null && col.length != rg.numRows()) {
                    throw new ParquetFormatException("a row group of " + rg.numRows() + " rows has a column of "
                            + col.length + " values");
                }
                any |= col != null;
            }
            if (!any) { // nothing to show, and the footer's row count alone must not size an allocation
                continue;
            }
            for (int r = 0; r < rg.numRows(); r++) {
                String[] row = new String[columns.size()];
                for (int i = 0; i < columns.size(); i++) {
                    row[i] = cols[i] != null && r < cols[i].length ? cols[i][r] : null;
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private record Tail(byte[] bytes, long objectSize) {
        long start() {
            return objectSize - bytes.length;
        }
    }

    private Tail readTail(String key, long knownSize, IoStats io) {
        int want = target.footerReadSize();
        ResponseBytes<GetObjectResponse> r;
        if (knownSize >= 0 && knownSize < ParquetReader.TRAILER_LENGTH) {
            throw new ParquetFormatException(
                    "object of " + knownSize + " bytes is too small to be Parquet");
        }
        try {
            r = knownSize > 0
                    ? get(key, "bytes=" + Math.max(0, knownSize - want) + "-" + (knownSize - 1), io)
                    : get(key, "bytes=-" + want, io);
        } catch (S3Exception e) {
            if (e.statusCode() != 416) {
                throw e;
            }
            r = get(key, null, io); // an object smaller than the suffix on a server that refuses such ranges
        }
        byte[] bytes = r.asByteArray();
        long size = objectSize(r.response(), bytes.length);
        int footerLen = ParquetReader.footerLength(bytes);
        if (footerLen > ParquetLimits.DEFAULT.maxFooterBytes()) { // refused before fetching it
            throw new ParquetFormatException("the footer is " + footerLen + " bytes long, more than"
                    + " ParquetLimits.maxFooterBytes (" + ParquetLimits.DEFAULT.maxFooterBytes() + ")");
        }
        long need = (long) footerLen + ParquetReader.TRAILER_LENGTH;
        if (need > size) {
            throw new ParquetFormatException(
                    "footer length " + footerLen + " exceeds the object size " + size);
        }
        if (need > bytes.length) {
            long from = size - need;
            long to = size - bytes.length - 1;
            byte[] head = get(key, "bytes=" + from + "-" + to, io).asByteArray();
            byte[] all = new byte[head.length + bytes.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(bytes, 0, all, head.length, bytes.length);
            bytes = all;
        }
        return new Tail(bytes, size);
    }

    private byte[] chunkBytes(String key, Tail tail, ParquetFooter.ColumnChunk chunk, IoStats io) {
        long start = chunk.startOffset();
        long len = chunk.totalCompressedSize();
        if (start < 0 || len <= 0 || len > tail.objectSize() || start > tail.objectSize() - len) {
            throw new ParquetFormatException("column chunk " + chunk.path() + " claims bytes " + start + " to "
                    + (start + len) + ", outside the object's " + tail.objectSize() + " bytes");
        }
        if (start >= tail.start()) {
            int from = (int) (start - tail.start());
            return java.util.Arrays.copyOfRange(tail.bytes, from, (int) (from + len));
        }
        return get(key, "bytes=" + start + "-" + (start + len - 1), io).asByteArray();
    }

    private static long objectSize(GetObjectResponse r, int received) {
        String cr = r.contentRange();
        if (cr != null) {
            int slash = cr.lastIndexOf('/');
            if (slash > 0 && !cr.endsWith("*")) {
                try {
                    return Long.parseLong(cr.substring(slash + 1).trim());
                } catch (NumberFormatException e) {
                    throw new ParquetFormatException("the server answered with an invalid Content-Range '" + cr
                            + "'");
                }
            }
        }
        return received;
    }

    private ResponseBytes<GetObjectResponse> get(String key, String range, IoStats io) {
        io.gets.incrementAndGet();
        ResponseBytes<GetObjectResponse> r = s3.getObjectAsBytes(b -> {
            b.bucket(target.bucket()).key(key);
            if (range != null) {
                b.range(range);
            }
        });
        io.bytes.addAndGet(r.asByteArrayUnsafe().length);
        return r;
    }

    // ---------------------------------------------------------------- CSV

    private Counts countCsv(String key, boolean cdc, Collection<String> columns, IoStats io) {
        CsvReader scanner = this.scanner.withSource("s3://" + target.bucket() + "/" + key);
        Counts c = new Counts();
        Set<String> known = headerNames(columns);
        Boolean header = target.addColumnName().orElse(null);
        boolean classify = cdc && !target.cdcInsertsOnly();
        try (InputStream in = open(scanner, key, io)) {
            if (header == null) {
                header = startsWithHeader(scanner, in, known, cdc);
            }
            boolean skipHeader = Boolean.TRUE.equals(header);
            long records;
            if (!classify) {
                records = scanner.scan(in, 0, null);
                c.rows = Math.max(0, records - (skipHeader && records > 0 ? 1 : 0));
                if (cdc) {
                    c.inserts = c.rows;
                }
            } else {
                records = scanner.scan(in, 1, (idx, fields) -> {
                    if (idx == 0 && skipHeader) {
                        return true;
                    }
                    tally(c, fields.isEmpty() ? "" : fields.get(0), 1);
                    return true;
                });
                c.rows = Math.max(0, records - (skipHeader && records > 0 ? 1 : 0));
            }
            c.headerSkipped = skipHeader && records > 0;
        } catch (IOException e) {
            throw new UncheckedIOException("reading s3://" + target.bucket() + "/" + key + " failed: "
                    + e.getMessage(), e);
        }
        return c;
    }

    /**
     * Streams the records of a CSV object (gzip detected), calling {@code handler} with the first {@code capture}
     * fields of each record; a header row is skipped when {@code AddColumnName} is set or recognised.
     */
    public void csvRecords(String key, int capture, Collection<String> columns, IoStats io,
                           BiConsumer<Long, List<String>> handler) {
        reading(key, () -> {
            csvRecordsOf(key, capture, columns, io, handler);
            return null;
        });
    }

    private void csvRecordsOf(String key, int capture, Collection<String> columns, IoStats io,
                              BiConsumer<Long, List<String>> handler) {
        CsvReader scanner = this.scanner.withSource("s3://" + target.bucket() + "/" + key);
        Set<String> known = headerNames(columns);
        try (InputStream in = open(scanner, key, io)) {
            Boolean header = target.addColumnName().orElse(null);
            if (header == null) {
                header = startsWithHeader(scanner, in, known, false);
            }
            boolean skip = Boolean.TRUE.equals(header);
            scanner.scan(in, capture, (idx, fields) -> {
                if (!(idx == 0 && skip)) {
                    handler.accept(idx, texts(fields));
                }
                return true;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("reading s3://" + target.bucket() + "/" + key + " failed: "
                    + e.getMessage(), e);
        }
    }

    private InputStream open(CsvReader scanner, String key, IoStats io) throws IOException {
        io.gets.incrementAndGet();
        ResponseInputStream<GetObjectResponse> raw = s3.getObject(b -> b.bucket(target.bucket()).key(key));
        InputStream counted = new CountingInputStream(raw, io.bytes);
        InputStream in = scanner.decompressed(new BufferedInputStream(counted, 65536));
        return in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 65536);
    }

    /**
     * Peeks at the first records (the stream is reset afterwards) and says whether the first is a header row. With
     * the table's column names known: most of its first fields are column names (or {@code Op} / the timestamp
     * column). Without them: in a CDC file the first field is {@code Op}; in a full-load file every field of the first
     * record looks like a column name (letters, digits, underscores, starting with a letter or underscore) while the
     * second record has a field that does not.
     */
    private static Boolean startsWithHeader(CsvReader scanner, InputStream in, Set<String> known, boolean cdc)
            throws IOException {
        BufferedInputStream b = in instanceof BufferedInputStream bb ? bb : null;
        if (b == null) {
            return false;
        }
        b.mark(8 * 1024 * 1024);
        List<List<String>> first = new ArrayList<>();
        int capture = known.isEmpty() ? 512 : HEADER_FIELDS;
        try {
            scanner.scan(b, capture, (idx, fields) -> {
                first.add(texts(fields));
                return idx < 1;
            });
        } finally {
            b.reset();
        }
        if (first.isEmpty() || first.get(0).isEmpty()) {
            return false;
        }
        List<String> head = first.get(0);
        if (!known.isEmpty()) {
            int matches = 0;
            int n = Math.min(head.size(), HEADER_FIELDS);
            for (int i = 0; i < n; i++) {
                if (known.contains(head.get(i).strip().toLowerCase(Locale.ROOT))) {
                    matches++;
                }
            }
            return matches * 2 > n;
        }
        if (cdc) {
            return head.get(0).strip().equalsIgnoreCase("Op");
        }
        if (head.size() < 2 || first.size() < 2 || !head.stream().allMatch(DmsObjectReader::identifierLike)
                || new java.util.HashSet<>(head).size() != head.size()) {
            return false;
        }
        return !first.get(1).stream().allMatch(DmsObjectReader::identifierLike);
    }

    /** The fields as text: counting and the probe compare text, so NULL reads as the empty string here. */
    private static List<String> texts(List<String> fields) {
        List<String> out = new ArrayList<>(fields.size());
        for (String f : fields) {
            out.add(f == null ? "" : f);
        }
        return java.util.Collections.unmodifiableList(out);
    }

    private static boolean identifierLike(String s) {
        if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '#')) {
                return false;
            }
        }
        return true;
    }

    private Set<String> headerNames(Collection<String> columns) {
        Set<String> known = new TreeSet<>();
        if (columns == null || columns.isEmpty()) {
            return known;
        }
        for (String c : columns) {
            known.add(c.toLowerCase(Locale.ROOT));
        }
        known.add("op");
        target.timestampColumnName().ifPresent(t -> known.add(t.toLowerCase(Locale.ROOT)));
        return known;
    }

    private static void tally(Counts c, String op, long n) {
        String o = op == null ? "" : op.strip();
        switch (o) {
            case "I", "i" -> c.inserts += n;
            case "U", "u" -> c.updates += n;
            case "D", "d" -> c.deletes += n;
            default -> c.unknownOps += n;
        }
    }
}
