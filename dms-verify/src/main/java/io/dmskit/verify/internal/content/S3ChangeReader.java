package io.dmskit.verify.internal.content;

import io.dmskit.model.s3.CsvReader;
import io.dmskit.model.s3.S3ObjectKey;
import io.dmskit.model.s3.S3ObjectKind;
import io.dmskit.model.s3.S3ObjectNames;
import io.dmskit.model.s3.S3OutputSettings;
import io.dmskit.model.s3.parquet.ParquetFooter;
import io.dmskit.model.s3.parquet.ParquetReader;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Reads the change records DMS wrote for one table, in commit order: every full-load object (any parallel-load
 * segment), then every CDC object of the table folder (date-partition folders included) and every
 * {@code CDC_TXN-*.csv} transaction file under {@code CdcPath} that names the table, ordered by the time in their
 * names (DMS names them by write time, in DatePartitionTimezone) and, within a file, by line. CSV (gzip or not) is
 * streamed; Parquet is read one row group at a time through ranged GETs. Each record is handed on with its operation
 * ({@code I} for full-load rows and files without an Op column) and its values in the order of the table's
 * {@link ContentShape}, in canonical text ({@link ColumnRendering#target(Object)}).
 */
final class S3ChangeReader {

    /** Receives each record. */
    @FunctionalInterface
    interface RecordSink {
        /**
         * @param op {@code I}, {@code U} or {@code D}
         * @param fields canonical values in shape order (a fresh array)
         */
        void record(char op, String[] fields);
    }

    /** What was read. */
    static final class Counts {
        long loadObjects;
        long cdcObjects;
        long txnObjects;
        long records;
        long unknownOps;
        long bytes;
        long gets;
    }

    private final S3Client s3;
    private final S3OutputSettings settings;
    private final S3ObjectNames names;
    private final String schema;
    private final String table;
    private final List<String> tableColumns;
    private final List<ColumnRendering> renderings;
    private final int[] shapeToTable;
    private final List<String> shapeNames;
    private final BooleanSupplier cancelled;
    final Counts counts = new Counts();

    S3ChangeReader(S3Client s3, S3OutputSettings settings, String schema, String table, List<String> tableColumns,
                   ContentShape shape, List<ColumnRendering> renderings, BooleanSupplier cancelled) {
        this.s3 = s3;
        this.settings = settings;
        this.names = settings.objectNames();
        this.schema = schema;
        this.table = table;
        this.tableColumns = List.copyOf(tableColumns);
        this.renderings = List.copyOf(renderings);
        this.shapeNames = shape.columnNames();
        this.cancelled = cancelled;
        if (renderings.size() != shapeNames.size()) {
            throw new IllegalArgumentException(renderings.size() + " renderings for the " + shapeNames.size()
                    + " columns of " + schema + "." + table);
        }
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < tableColumns.size(); i++) {
            position.put(tableColumns.get(i).toLowerCase(Locale.ROOT), i);
        }
        shapeToTable = new int[shapeNames.size()];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < shapeNames.size(); i++) {
            Integer p = position.get(shapeNames.get(i).toLowerCase(Locale.ROOT));
            if (p == null) {
                missing.add(shapeNames.get(i));
            }
            shapeToTable[i] = p == null ? -1 : p;
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("columns " + missing + " of " + schema + "." + table
                    + " are not among the target table's columns " + tableColumns);
        }
    }

    /** @return the objects to read, in commit order */
    List<S3ObjectKey> objects() {
        List<S3ObjectKey> loads = new ArrayList<>();
        List<S3ObjectKey> changes = new ArrayList<>();
        for (S3Object o : list(names.tablePrefix(schema, table))) {
            S3ObjectKey k = names.parse(o.key());
            if (k.kind() == S3ObjectKind.FULL_LOAD) {
                loads.add(k);
            } else if (k.kind() == S3ObjectKind.CDC) {
                changes.add(k);
            }
        }
        names.cdcPathPrefix().ifPresent(prefix -> {
            for (S3Object o : list(prefix)) {
                S3ObjectKey k = names.parse(o.key());
                if (k.kind() == S3ObjectKind.CDC_TXN) {
                    changes.add(k);
                }
            }
        });
        loads.sort(Comparator.comparing((S3ObjectKey k) -> k.segmentFolder().orElse(""))
                .thenComparingInt(k -> k.segmentNumber().orElse(-1))
                .thenComparingInt(k -> k.loadSequence().orElse(Integer.MAX_VALUE))
                .thenComparing(S3ObjectKey::key));
        changes.sort(Comparator.comparing((S3ObjectKey k) -> k.fileTime().orElse(LocalDateTime.MAX))
                .thenComparing(k -> k.key().substring(k.key().lastIndexOf('/') + 1))
                .thenComparing(S3ObjectKey::key));
        List<S3ObjectKey> all = new ArrayList<>(loads);
        all.addAll(changes);
        return all;
    }

    private List<S3Object> list(String prefix) {
        List<S3Object> out = new ArrayList<>();
        ListObjectsV2Request req = ListObjectsV2Request.builder().bucket(settings.bucketName()).prefix(prefix).build();
        for (var page : s3.listObjectsV2Paginator(req)) {
            out.addAll(page.contents());
        }
        return out;
    }

    /** Reads one object, handing every record of this table to the sink. */
    void read(S3ObjectKey key, RecordSink sink) {
        switch (key.kind()) {
            case FULL_LOAD -> counts.loadObjects++;
            case CDC -> counts.cdcObjects++;
            default -> counts.txnObjects++;
        }
        if (key.kind() == S3ObjectKind.CDC_TXN) {
            readCsv(key.key(), 0, true, true, sink);
        } else if (key.parquet()) {
            readParquet(key.key(), sink);
        } else {
            boolean load = key.kind() == S3ObjectKind.FULL_LOAD;
            boolean op = load ? settings.includeOpForFullLoad() : settings.cdcOpColumn();
            readCsv(key.key(), settings.timestampColumnName().isPresent() ? 1 : 0, op, false, sink);
        }
    }

    // ------------------------------------------------------------------ CSV

    /**
     * What a field of a CDC update holds for a column missing from the supplemental log ({@code CsvNoSupValue}):
     * the column kept its value, which {@link S3TableState} takes from the row's previous image.
     */
    static final String NOT_SUPPLIED = "\u0000dmskit:not-in-supplemental-log\u0000";

    /**
     * Reads a CSV object. Whether a record starts with the Op field is told by its field count (the table's columns,
     * the timestamp column, and one more for the Op field), so that files read right whichever way the endpoint's
     * {@code IncludeOpForFullLoad} / {@code CdcInsertsOnly} / {@code CdcInsertsAndUpdates} combination made DMS write
     * them (the user guide's table and prose disagree for {@code CdcInsertsAndUpdates}); a count that fits neither
     * falls back to the settings ({@code opDefault}).
     *
     * @param stamp 1 when a {@code TimestampColumnName} column follows the Op field, else 0
     */
    private void readCsv(String key, int stamp, boolean opDefault, boolean transactionFile, RecordSink sink) {
        CsvReader reader = settings.csvDialect().reader().withSource("s3://" + settings.bucketName() + "/" + key);
        int columns = tableColumns.size();
        int capture = transactionFile ? 3 + columns : 1 + stamp + columns;
        String noSup = settings.csvNoSupValue().filter(v -> !v.isEmpty()).orElse(null);
        try (InputStream raw = s3.getObject(b -> b.bucket(settings.bucketName()).key(key))) {
            counts.gets++;
            InputStream in = reader.decompressed(new BufferedInputStream(new CountingStream(raw), 64 * 1024));
            boolean[] first = {true};
            reader.scan(in, capture, (idx, fields) -> {
                if (first[0]) {
                    first[0] = false;
                    if (!transactionFile && isHeader(fields, stamp)) {
                        return true;
                    }
                }
                if ((idx & 4095) == 0) {
                    checkCancelled();
                }
                if (transactionFile && (fields.size() < 3 || !table.equalsIgnoreCase(fields.get(1))
                        || !schema.equalsIgnoreCase(fields.get(2)))) {
                    return true;
                }
                boolean opField = transactionFile || (fields.size() == 1 + stamp + columns ? true
                        : fields.size() == stamp + columns ? false : opDefault);
                int prefix = transactionFile ? 3 : (opField ? 1 : 0) + stamp;
                char op = opField ? op(fields.isEmpty() ? null : fields.get(0)) : 'I';
                if (op == '?') {
                    counts.unknownOps++;
                    return true;
                }
                String[] out = new String[shapeToTable.length];
                for (int i = 0; i < out.length; i++) {
                    int at = prefix + shapeToTable[i];
                    String f = at < fields.size() ? fields.get(at) : null;
                    out[i] = op == 'U' && noSup != null && noSup.equals(f) ? NOT_SUPPLIED
                            : renderings.get(i).target(f);
                }
                counts.records++;
                sink.record(op, out);
                return true;
            });
        } catch (IOException e) {
            throw new UncheckedIOException("reading s3://" + settings.bucketName() + "/" + key + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** A header row (AddColumnName) names the table's columns, after {@code Op} and the timestamp column. */
    private boolean isHeader(List<String> fields, int stamp) {
        if (settings.addColumnName()) {
            return true;
        }
        boolean op = !fields.isEmpty() && "Op".equalsIgnoreCase(fields.get(0)) && !tableColumns.isEmpty()
                && !"Op".equalsIgnoreCase(tableColumns.get(0));
        int prefix = (op ? 1 : 0) + stamp;
        int n = Math.min(tableColumns.size(), fields.size() - prefix);
        if (n <= 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            String f = fields.get(prefix + i);
            if (f == null || !f.equalsIgnoreCase(tableColumns.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static char op(String field) {
        if (field == null) {
            return '?';
        }
        String s = field.strip();
        if (s.length() != 1) {
            return '?';
        }
        char c = Character.toUpperCase(s.charAt(0));
        return c == 'I' || c == 'U' || c == 'D' ? c : '?';
    }

    // ------------------------------------------------------------------ Parquet

    private void readParquet(String key, RecordSink sink) {
        byte[] tail = tail(key);
        ParquetFooter footer = ParquetReader.readFooter(tail);
        long size = objectSize;
        ParquetFooter.Leaf opLeaf = footer.leaf("Op").orElse(null);
        ParquetFooter.Leaf[] leaves = new ParquetFooter.Leaf[shapeToTable.length];
        for (int i = 0; i < leaves.length; i++) {
            leaves[i] = footer.leaf(shapeNames.get(i)).orElse(null);
        }
        for (ParquetFooter.RowGroup rg : footer.rowGroups()) {
            checkCancelled();
            long from = Long.MAX_VALUE;
            long to = -1;
            List<ParquetFooter.ColumnChunk> wanted = new ArrayList<>();
            ParquetFooter.ColumnChunk opChunk = opLeaf == null ? null : chunk(rg, opLeaf);
            ParquetFooter.ColumnChunk[] chunks = new ParquetFooter.ColumnChunk[leaves.length];
            for (int i = 0; i < leaves.length; i++) {
                chunks[i] = leaves[i] == null ? null : chunk(rg, leaves[i]);
                if (chunks[i] != null) {
                    wanted.add(chunks[i]);
                }
            }
            if (opChunk != null) {
                wanted.add(opChunk);
            }
            for (ParquetFooter.ColumnChunk c : wanted) {
                from = Math.min(from, c.startOffset());
                to = Math.max(to, c.startOffset() + c.totalCompressedSize());
            }
            if (wanted.isEmpty() || rg.numRows() == 0) {
                continue;
            }
            if (from < 0 || to > size) {
                throw new io.dmskit.model.s3.parquet.ParquetFormatException("column chunks of a row group lie outside"
                        + " the object's " + size + " bytes");
            }
            byte[] bytes = from >= size - tail.length
                    ? java.util.Arrays.copyOfRange(tail, (int) (from - (size - tail.length)),
                    (int) (to - (size - tail.length)))
                    : get(key, "bytes=" + from + "-" + (to - 1)).asByteArray();
            // every column chunk decoded and rendered on its own (in parallel: they are independent), then the
            // records assembled in row order
            int rows = (int) rg.numRows();
            Object[] opValues = new Object[1];
            String[][] texts = new String[leaves.length][];
            long first = from;
            byte[] data = bytes;
            java.util.stream.IntStream.rangeClosed(0, leaves.length).parallel().forEach(i -> {
                if (i == leaves.length) {
                    opValues[0] = opChunk == null ? null : ParquetReader.readValues(opChunk, slice(data, first,
                            opChunk));
                } else if (chunks[i] != null) {
                    texts[i] = render(renderings.get(i), ParquetReader.readValues(chunks[i], slice(data, first,
                            chunks[i])), rows);
                }
            });
            @SuppressWarnings("unchecked")
            List<Object> ops = (List<Object>) opValues[0];
            for (int r = 0; r < rows; r++) {
                char op = ops == null ? 'I' : op(r >= ops.size() || ops.get(r) == null ? null : ops.get(r).toString());
                if (op == '?') {
                    counts.unknownOps++;
                    continue;
                }
                String[] out = new String[leaves.length];
                for (int i = 0; i < out.length; i++) {
                    out[i] = texts[i] == null ? null : texts[i][r];
                }
                counts.records++;
                sink.record(op, out);
            }
        }
    }

    /** A column's values in canonical text, one per row (null beyond the values the chunk holds). */
    private static String[] render(ColumnRendering rendering, List<Object> values, int rows) {
        String[] out = new String[rows];
        int n = Math.min(rows, values.size());
        for (int r = 0; r < n; r++) {
            out[r] = rendering.target(values.get(r));
        }
        return out;
    }

    private static ParquetFooter.ColumnChunk chunk(ParquetFooter.RowGroup rg, ParquetFooter.Leaf leaf) {
        for (ParquetFooter.ColumnChunk c : rg.columns()) {
            if (c.path().equalsIgnoreCase(leaf.path())) {
                return c;
            }
        }
        return null;
    }

    private static byte[] slice(byte[] bytes, long from, ParquetFooter.ColumnChunk c) {
        int start = (int) (c.startOffset() - from);
        return java.util.Arrays.copyOfRange(bytes, start, start + (int) c.totalCompressedSize());
    }

    private long objectSize;

    /** Fetches the end of a Parquet object holding its whole footer; sets {@link #objectSize}. */
    private byte[] tail(String key) {
        ResponseBytes<GetObjectResponse> r = get(key, "bytes=-" + (256 * 1024));
        byte[] bytes = r.asByteArray();
        objectSize = sizeOf(r.response(), bytes.length);
        int footer = ParquetReader.footerLength(bytes);
        long need = (long) footer + ParquetReader.TRAILER_LENGTH;
        if (need > objectSize) {
            throw new io.dmskit.model.s3.parquet.ParquetFormatException("footer length " + footer
                    + " exceeds the object size " + objectSize);
        }
        if (need > bytes.length) {
            byte[] head = get(key, "bytes=" + (objectSize - need) + "-" + (objectSize - bytes.length - 1))
                    .asByteArray();
            byte[] all = new byte[head.length + bytes.length];
            System.arraycopy(head, 0, all, 0, head.length);
            System.arraycopy(bytes, 0, all, head.length, bytes.length);
            bytes = all;
        }
        return bytes;
    }

    private static long sizeOf(GetObjectResponse r, int received) {
        String cr = r.contentRange();
        if (cr != null && cr.lastIndexOf('/') > 0 && !cr.endsWith("*")) {
            return Long.parseLong(cr.substring(cr.lastIndexOf('/') + 1).trim());
        }
        return received;
    }

    private ResponseBytes<GetObjectResponse> get(String key, String range) {
        counts.gets++;
        ResponseBytes<GetObjectResponse> r = s3.getObjectAsBytes(b -> b.bucket(settings.bucketName()).key(key)
                .range(range));
        counts.bytes += r.asByteArrayUnsafe().length;
        return r;
    }

    void checkCancelled() {
        if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw new java.util.concurrent.CancellationException("reading s3://" + settings.bucketName() + "/"
                    + names.tablePrefix(schema, table) + " was cancelled");
        }
    }

    /** Counts the bytes of a streamed object. */
    private final class CountingStream extends java.io.FilterInputStream {
        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counts.bytes++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                counts.bytes += n;
            }
            return n;
        }
    }
}
