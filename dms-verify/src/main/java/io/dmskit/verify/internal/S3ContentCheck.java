package io.dmskit.verify.internal;

import io.dmskit.mappings.SqlDialect;
import io.dmskit.model.s3.S3OutputSettings;
import io.dmskit.verify.internal.content.CanonicalRow;
import io.dmskit.verify.internal.content.ColumnRendering;
import io.dmskit.verify.internal.content.ContentShape;
import io.dmskit.verify.internal.content.DmsRendering;
import io.dmskit.verify.internal.content.KeyRange;
import io.dmskit.verify.internal.content.RangeDigest;
import io.dmskit.verify.internal.content.RangeLocator;
import io.dmskit.verify.internal.content.RowHasher;
import io.dmskit.verify.internal.content.RowDiffer;
import io.dmskit.verify.internal.content.S3TableState;
import io.dmskit.verify.internal.content.SourceProjection;
import software.amazon.awssdk.services.s3.S3Client;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;

/**
 * Content verification of one table against an S3 target: the source is read in one streaming pass per step and
 * rendered in Java as DMS writes it ({@link SourceProjection}); the target's current state is rebuilt once by
 * {@link S3TableState}. Both are summarised by the same key ranges (cut at keys sampled from the source); ranges
 * whose digests differ are compared row by row, a bounded number of rows at a time.
 */
final class S3ContentCheck {

    /** Rows per key range aimed at: what one range's row-by-row comparison may hold in memory per side. */
    private static final long ROWS_PER_RANGE = 50_000;
    /** Rows collected from the source per pass over differing ranges. */
    private static final long ROWS_PER_PASS = 200_000;

    private final Database source;
    private final PlannedTable table;
    private final S3Client s3;
    private final S3OutputSettings settings;
    private final BooleanSupplier cancelled;
    private final List<String> notes = new ArrayList<>();
    private ContentShape shape;
    private SourceProjection projection;
    private List<SourceProjection.SourceColumn> sourceColumns;
    private int[] keyIdx;
    private int[] valueIdx;
    private long sourceRows;
    private long targetRows;
    private String location;

    S3ContentCheck(Database source, PlannedTable table, S3Client s3, S3OutputSettings settings,
                   BooleanSupplier cancelled) {
        this.source = source;
        this.table = table;
        this.s3 = s3;
        this.settings = settings;
        this.cancelled = cancelled;
    }

    /** Builds the shape from the source catalog and the task's rules. */
    ContentShape prepare(OptionalInt lobMaxSizeKb) throws SQLException {
        List<SourceProjection.SourceColumn> cols = new ArrayList<>();
        try (Connection c = source.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM " + from() + " WHERE 1 = 0")) {
            var md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                cols.add(new SourceProjection.SourceColumn(md.getColumnName(i), md.getColumnTypeName(i),
                        md.getPrecision(i), md.getScale(i)));
            }
        }
        DmsRendering.RenderOptions base = new DmsRendering.RenderOptions(
                lobMaxSizeKb.isPresent() ? lobMaxSizeKb : DmsRendering.RenderOptions.DEFAULTS.limitedLobMaxKb(),
                false, java.time.ZoneOffset.UTC);
        DmsRendering rendering = DmsRendering.of(source.dialect() == SqlDialect.MYSQL ? DmsRendering.Engine.MYSQL
                : DmsRendering.Engine.POSTGRESQL, DmsRendering.Format.of(settings),
                SourceProjection.lobOptions(base, table.resolution()));
        projection = SourceProjection.of(rendering, cols, table.resolution());
        sourceColumns = cols;
        List<String> pk = ContentRun.primaryKey(source, table.table().schema(), table.table().table());
        List<SourceProjection.TargetColumn> targets = projection.columns();
        List<Integer> keys = new ArrayList<>();
        for (String k : pk) {
            for (int i = 0; i < targets.size(); i++) {
                int si = targets.get(i).sourceIndex();
                if (si >= 0 && cols.get(si).name().equals(k)) {
                    keys.add(i);
                }
            }
        }
        boolean keyed = !pk.isEmpty() && keys.size() == pk.size();
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            SourceProjection.TargetColumn t = targets.get(i);
            if (!t.comparable()) {
                notes.add("column " + t.name() + " not compared: " + t.note());
            } else if (!keys.contains(i)) {
                values.add(i);
            }
        }
        if (!keyed) {
            keys = new ArrayList<>(values);
            values = new ArrayList<>();
            notes.add("no primary key: rows compared as multisets of whole rows");
        }
        List<ContentShape.Column> shapeCols = new ArrayList<>();
        for (int i : keys) {
            shapeCols.add(column(targets.get(i), true, cols));
        }
        for (int i : values) {
            shapeCols.add(column(targets.get(i), false, cols));
        }
        if (settings.cdcInsertsOnly()) {
            notes.add("CdcInsertsOnly: DMS writes no updates or deletes during CDC, so rows changed or deleted on the"
                    + " source after the full load differ on the target by design");
        } else if (settings.cdcInsertsAndUpdates()) {
            notes.add("CdcInsertsAndUpdates: DMS writes no deletes during CDC, so rows deleted on the source after the"
                    + " full load remain on the target by design");
        }
        keyIdx = keys.stream().mapToInt(Integer::intValue).toArray();
        valueIdx = values.stream().mapToInt(Integer::intValue).toArray();
        shape = new ContentShape(table.targetSchema(), table.targetTable(), shapeCols, keyed);
        return shape;
    }

    private static ContentShape.Column column(SourceProjection.TargetColumn t, boolean key,
                                              List<SourceProjection.SourceColumn> cols) {
        ColumnRendering r = t.rendering();
        String type = t.sourceIndex() >= 0 ? cols.get(t.sourceIndex()).typeName() : r.type().wireName();
        return new ContentShape.Column(t.name(), key, r.kind(), java.sql.Types.OTHER, type, r.precision(), r.scale(),
                r.lob());
    }

    /** Runs the comparison into the differ. */
    void run(RowDiffer differ) throws SQLException {
        Comparator<List<String>> order = shape.keyOrder();
        List<KeyRange> ranges = ranges(order);
        List<ColumnRendering> renderings = new ArrayList<>();
        for (int i : keyIdx) {
            renderings.add(projection.columns().get(i).rendering());
        }
        for (int i : valueIdx) {
            renderings.add(projection.columns().get(i).rendering());
        }
        S3TableState.Spec spec = new S3TableState.Spec(table.targetSchema(), table.targetTable(),
                projection.targetColumnNames(), shape, renderings, ranges);
        // the source's range digests are computed on a thread of their own while the target is rebuilt: the two
        // sides are independent, and each waits on its own I/O (the database, S3)
        AtomicBoolean stop = new AtomicBoolean();
        RangeLocator locator = new RangeLocator(ranges, shape);
        FutureTask<RangeDigest[]> sourceDigests = new FutureTask<>(() -> {
            RangeDigest[] out = new RangeDigest[ranges.size()];
            Arrays.fill(out, RangeDigest.EMPTY);
            long[] counts = new long[ranges.size()];
            long[] sums = new long[ranges.size()];
            RowHasher hasher = new RowHasher();
            scan((row, r) -> {
                counts[r]++;
                sums[r] += hasher.hash(row);
            }, locator, null, stop::get);
            for (int r = 0; r < out.length; r++) {
                out[r] = new RangeDigest(counts[r], sums[r]);
            }
            return out;
        });
        Thread sourceThread = new Thread(sourceDigests, "dmskit-content-source-" + table.targetTable());
        sourceThread.setDaemon(true);
        sourceThread.start();
        try (S3TableState state = S3TableState.read(s3, settings, spec, null, () -> cancelled.getAsBoolean()
                || sourceDigests.isDone() && failed(sourceDigests))) {
            location = state.location();
            notes.addAll(state.notes());
            S3TableState.Stats st = state.stats();
            notes.add(String.format(java.util.Locale.ROOT, "%s target: %d full-load, %d CDC and %d CDC_TXN object(s),"
                    + " %d records, %d bytes read", DmsRendering.Format.of(settings).kind()
                    == DmsRendering.FormatKind.S3_PARQUET ? "Parquet" : "CSV", st.loadObjects(), st.cdcObjects(),
                    st.transactionObjects(), st.records(), st.bytesRead()));
            List<RangeDigest> targetDigests = state.digests(); // every range's digest, ranges resolved in parallel
            RangeDigest[] src = sourceResult(sourceDigests);
            List<Integer> differing = new ArrayList<>();
            for (int r = 0; r < ranges.size(); r++) {
                RangeDigest t = targetDigests.get(r);
                sourceRows += src[r].rows();
                targetRows += t.rows();
                if (!src[r].equals(t)) {
                    differing.add(r);
                }
            }
            int at = 0;
            while (at < differing.size()) {
                List<Integer> batch = new ArrayList<>();
                long rows = 0;
                while (at < differing.size() && (batch.isEmpty() || rows + src[differing.get(at)].rows()
                        <= ROWS_PER_PASS)) {
                    rows += src[differing.get(at)].rows();
                    batch.add(differing.get(at++));
                }
                Map<Integer, List<CanonicalRow>> got = new HashMap<>();
                batch.forEach(r -> got.put(r, new ArrayList<>()));
                scan((row, r) -> got.get(r).add(row), locator, got.keySet(), () -> false);
                for (int r : batch) {
                    List<CanonicalRow> s = got.get(r);
                    List<CanonicalRow> t = new ArrayList<>(state.rows(r));
                    Comparator<CanonicalRow> byKey = (a, b) -> order.compare(a.key(), b.key());
                    s.sort(byKey);
                    t.sort(byKey);
                    differ.compare(s, t);
                }
            }
        } catch (RuntimeException e) {
            // the target read failed or was cancelled: a source failure, if that is what stopped it, says more
            stop.set(true);
            if (sourceDigests.isDone() && failed(sourceDigests)) {
                sourceResult(sourceDigests);
            }
            throw e;
        } finally {
            stop.set(true);
            try {
                sourceThread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static boolean failed(FutureTask<?> task) {
        try {
            task.get();
            return false;
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** The source digests, waiting for them; the scan's own exception is rethrown as it was. */
    private static RangeDigest[] sourceResult(FutureTask<RangeDigest[]> task) throws SQLException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.util.concurrent.CancellationException("content verification interrupted");
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof SQLException sql) {
                throw sql;
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }

    /** Streams the source once, rendering each row and handing it with its range index to the sink. */
    private void scan(BiConsumer<CanonicalRow, Integer> sink, RangeLocator locator, java.util.Set<Integer> only,
                      BooleanSupplier stop) throws SQLException {
        try (Connection c = source.dataSource().getConnection()) {
            boolean pg = source.dialect() == SqlDialect.POSTGRESQL;
            if (pg) {
                c.setAutoCommit(false);
            } else {
                try (Statement st = c.createStatement()) {
                    // MySQL TIMESTAMP values are read in UTC, the zone the rendering converts them from
                    st.execute("SET time_zone = '+00:00'");
                }
            }
            String select = projection.selectList(pg ? DmsRendering.Engine.POSTGRESQL : DmsRendering.Engine.MYSQL,
                    source.dialect()::quoteIdentifier);
            try (PreparedStatement ps = c.prepareStatement("SELECT " + select + " FROM " + from()
                    + table.predicate().map(p -> " WHERE " + p).orElse(""))) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    int n = rs.getMetaData().getColumnCount();
                    boolean[] datetime = new boolean[n];
                    for (int i = 0; i < n && !pg; i++) {
                        String type = rs.getMetaData().getColumnTypeName(i + 1).toUpperCase(java.util.Locale.ROOT);
                        datetime[i] = type.equals("DATETIME") || type.equals("TIMESTAMP");
                    }
                    long count = 0;
                    Object[] raw = new Object[n]; // reused: project() keeps none of it
                    while (rs.next()) {
                        if ((++count & 1023) == 0 && (cancelled.getAsBoolean() || stop.getAsBoolean())) {
                            throw new java.util.concurrent.CancellationException("content verification cancelled");
                        }
                        for (int i = 0; i < n; i++) {
                            raw[i] = datetime[i] ? localDateTime(rs, i + 1) : rs.getObject(i + 1);
                        }
                        CanonicalRow row = canonical(projection.project(raw));
                        int r = locator.rangeOf(row.key());
                        if (only == null || only.contains(r)) {
                            sink.accept(row, r);
                        }
                    }
                }
            } finally {
                if (pg) {
                    c.rollback();
                }
            }
        }
    }

    /**
     * A MySQL DATETIME or TIMESTAMP as the wall-clock time the server sent: what {@code getObject} gives as a
     * {@code Timestamp} (whose {@code toLocalDateTime()} the rendering reads) without building it through a
     * {@code Calendar} for every value, which took a fifth of the source scan. NULL, zero dates and anything the
     * driver refuses to read this way fall back to {@code getObject}.
     */
    private static Object localDateTime(ResultSet rs, int column) throws SQLException {
        try {
            java.time.LocalDateTime t = rs.getObject(column, java.time.LocalDateTime.class);
            if (t != null) {
                return t;
            }
        } catch (SQLException | RuntimeException e) {
            // a zero date or a value the driver only returns its own way
        }
        return rs.getObject(column);
    }

    private CanonicalRow canonical(List<String> projected) {
        String[] key = new String[keyIdx.length];
        for (int k = 0; k < key.length; k++) {
            key[k] = projected.get(keyIdx[k]);
        }
        String[] values = new String[valueIdx.length];
        for (int v = 0; v < values.length; v++) {
            values[v] = projected.get(valueIdx[v]);
        }
        return new CanonicalRow(Arrays.asList(key), Arrays.asList(values)); // which copies them
    }

    /** Cuts the key space at keys sampled from the source, about {@link #ROWS_PER_RANGE} rows per range. */
    private List<KeyRange> ranges(Comparator<List<String>> order) throws SQLException {
        long rows = source.count(table.table().schema(), table.table().table(), table.predicate(), null);
        int n = (int) Math.min(1024, Math.max(1, rows / ROWS_PER_RANGE));
        if (n == 1) {
            return List.of(KeyRange.ALL);
        }
        long every = Math.max(1, rows / (n * 16L));
        List<List<String>> sample = new ArrayList<>();
        long[] seen = {0};
        if (shape.primaryKey()) {
            sampleKeys(every, sample);
        } else {
            scan((row, r) -> {
                if (seen[0]++ % every == 0) {
                    sample.add(row.key());
                }
            }, new RangeLocator(List.of(KeyRange.ALL), shape), null, () -> false);
        }
        sample.sort(order);
        List<List<String>> cuts = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            List<String> k = sample.get((int) ((long) i * sample.size() / n));
            if (cuts.isEmpty() || order.compare(cuts.get(cuts.size() - 1), k) < 0) {
                cuts.add(k);
            }
        }
        return KeyRange.split(cuts);
    }

    /**
     * Every {@code every}-th key of the source, read from a query of the key columns alone and rendered as
     * {@link SourceProjection#projectColumn} renders them in whole rows (the keys of a keyed table are source
     * columns).
     */
    private void sampleKeys(long every, List<List<String>> sample) throws SQLException {
        List<SourceProjection.TargetColumn> targets = projection.columns();
        List<String> select = new ArrayList<>();
        for (int i : keyIdx) {
            select.add(source.quote(sourceColumns.get(targets.get(i).sourceIndex()).name()));
        }
        try (Connection c = source.dataSource().getConnection()) {
            boolean pg = source.dialect() == SqlDialect.POSTGRESQL;
            if (pg) {
                c.setAutoCommit(false);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT " + String.join(", ", select) + " FROM " + from()
                    + table.predicate().map(p -> " WHERE " + p).orElse(""))) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    long count = 0;
                    while (rs.next()) {
                        if ((++count & 1023) == 0 && cancelled.getAsBoolean()) {
                            throw new java.util.concurrent.CancellationException("content verification cancelled");
                        }
                        if ((count - 1) % every == 0) {
                            List<String> key = new ArrayList<>(keyIdx.length);
                            for (int k = 0; k < keyIdx.length; k++) {
                                key.add(projection.projectColumn(keyIdx[k], rs.getObject(k + 1)));
                            }
                            sample.add(key);
                        }
                    }
                }
            } finally {
                if (pg) {
                    c.rollback();
                }
            }
        }
    }

    private String from() {
        return source.qualified(table.table().schema(), table.table().table());
    }

    List<String> notes() {
        return notes;
    }

    long sourceRows() {
        return sourceRows;
    }

    long targetRows() {
        return targetRows;
    }

    String location() {
        return location;
    }
}
