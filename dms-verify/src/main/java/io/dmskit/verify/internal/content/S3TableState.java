package io.dmskit.verify.internal.content;

import io.dmskit.model.s3.S3ObjectKey;
import io.dmskit.model.s3.S3OutputSettings;
import io.dmskit.model.s3.CsvFormatException;
import io.dmskit.model.s3.parquet.ParquetFormatException;
import io.dmskit.verify.target.TargetReadException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * The current state of one table on an S3 target, reconstructed from what DMS wrote: full-load objects, then CDC
 * objects and {@code CDC_TXN} transaction files merged in commit order by key ({@code I} and {@code U} carry the
 * row's after image and replace it, {@code D} removes the key, a later {@code I} brings it back), summarised per key
 * range. The objects are streamed once ({@link #read}); each record goes to the spill buffer of its key range, held
 * in memory up to a budget and written to a spill file beyond it, so memory holds the budget and one object's row
 * group or CSV buffer, never the table. A range's final rows are then resolved in
 * memory from its spill file alone ({@link #digest(int)}, {@link #rows(int)}): memory is bounded by the largest
 * range. Close to delete the spill files.
 *
 * <p>A table without a primary key ({@link ContentShape#primaryKey()} false) is a multiset: {@code I} adds one
 * occurrence of the row, {@code D} removes one; an {@code U} cannot say which row it changed (DMS writes only the
 * after image), so it is added and noted in {@link #notes()}.
 *
 * <pre>{@code
 * try (S3TableState state = S3TableState.read(s3, settings, spec, null, () -> false)) {
 *     for (int r = 0; r < state.ranges(); r++) {
 *         RangeDigest d = state.digest(r);
 *     }
 * }
 * }</pre>
 */
public final class S3TableState implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(S3TableState.class);

    /**
     * What to reconstruct.
     *
     * @param schema the target schema (folder) name
     * @param table the target table (folder) name
     * @param tableColumns the target table's columns in the order DMS writes them (the source's column order after
     *     the task's transformations, added columns last); the positions of CSV fields without a header row
     * @param shape the table's shape: which columns are compared, keys first
     * @param renderings one per shape column, reading target values into canonical text
     * @param ranges the key ranges to summarise by, contiguous and ascending ({@link KeyRange#split(List)})
     */
    public record Spec(String schema, String table, List<String> tableColumns, ContentShape shape,
                       List<ColumnRendering> renderings, List<KeyRange> ranges) {
        /** Checks and copies. */
        public Spec {
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(table, "table");
            tableColumns = List.copyOf(tableColumns);
            Objects.requireNonNull(shape, "shape");
            renderings = List.copyOf(renderings);
            ranges = List.copyOf(ranges);
            if (ranges.isEmpty()) {
                throw new IllegalArgumentException("at least one key range (KeyRange.ALL for the whole table)");
            }
        }

        /**
         * @param rendering the source/target pair's renderings
         * @param shape a table's shape
         * @return a rendering per shape column, in shape order
         */
        public static List<ColumnRendering> renderings(DmsRendering rendering, ContentShape shape) {
            return shape.columns().stream().map(rendering::column).toList();
        }
    }

    /**
     * What reading found.
     *
     * @param loadObjects full-load objects read
     * @param cdcObjects CDC objects read
     * @param transactionObjects CDC_TXN objects read
     * @param records change records of the table
     * @param unknownOps records with an operation other than I, U or D (skipped)
     * @param bytesRead bytes fetched from S3
     * @param requests GET requests
     * @param spilledBytes bytes of encoded records
     * @param bytesOnDisk of those, bytes that went to spill files (beyond the memory budget)
     */
    public record Stats(long loadObjects, long cdcObjects, long transactionObjects, long records, long unknownOps,
                        long bytesRead, long requests, long spilledBytes, long bytesOnDisk) {
    }

    private final Spec spec;
    private final String location;
    private final RangeSpill spill;
    private final Stats stats;
    private final RangeDigest[] digests;
    private final List<String> notes = new ArrayList<>();
    private final int keyCount;

    private S3TableState(Spec spec, String location, RangeSpill spill, Stats stats) {
        this.spec = spec;
        this.location = location;
        this.spill = spill;
        this.stats = stats;
        this.digests = new RangeDigest[spec.ranges().size()];
        this.keyCount = spec.shape().keyColumns().size();
        if (stats.unknownOps() > 0) {
            notes.add(stats.unknownOps() + " record(s) had an operation other than I, U or D and were skipped");
        }
    }

    /**
     * Streams every object of the table once and partitions its records by key range.
     *
     * @param s3 the client
     * @param settings the S3 target's settings (format, folders, CdcPath, Op column)
     * @param spec the table, its shape, renderings and key ranges
     * @param tempDir where spill files go (null: the JVM's temporary directory)
     * @param cancelled polled between objects and every few thousand records; true stops the read
     * @return the state, ready to be summarised
     * @throws TargetReadException naming the object when S3 refuses it or it is not DMS output
     * @throws java.util.concurrent.CancellationException when cancelled (or the thread is interrupted)
     */
    public static S3TableState read(S3Client s3, S3OutputSettings settings, Spec spec, Path tempDir,
                                    BooleanSupplier cancelled) {
        return read(s3, settings, spec, tempDir, cancelled, RangeSpill.DEFAULT_BUDGET);
    }

    /**
     * Like {@link #read(S3Client, S3OutputSettings, Spec, Path, BooleanSupplier)} with another memory budget for
     * the records held before they go to spill files (the default is 16 MB).
     *
     * @param s3 the client
     * @param settings the S3 target's settings
     * @param spec the table, its shape, renderings and key ranges
     * @param tempDir where spill files go (null: the JVM's temporary directory)
     * @param cancelled polled between objects and every few thousand records
     * @param memoryBudget bytes of encoded records kept in memory; 0 sends every record to disk
     * @return the state
     */
    public static S3TableState read(S3Client s3, S3OutputSettings settings, Spec spec, Path tempDir,
                                    BooleanSupplier cancelled, long memoryBudget) {
        Objects.requireNonNull(s3, "s3");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(cancelled, "cancelled");
        String location = "s3://" + settings.bucketName() + "/" + settings.objectNames().tablePrefix(spec.schema(),
                spec.table());
        S3ChangeReader reader = new S3ChangeReader(s3, settings, spec.schema(), spec.table(), spec.tableColumns(),
                spec.shape(), spec.renderings(), cancelled);
        List<KeyRange> ranges = spec.ranges();
        RangeLocator locator = new RangeLocator(ranges, spec.shape());
        RangeSpill spill = new RangeSpill(tempDir, ranges.size(), spec.shape().columns().size(), memoryBudget);
        // decoding (this thread and the column chunks in parallel) overlaps with hashing and spilling (another)
        SpillPipeline pipeline = new SpillPipeline(spill, locator, "dmskit-s3-spill-" + spec.table());
        try {
            for (S3ObjectKey key : reader.objects()) {
                reader.checkCancelled();
                try {
                    reader.read(key, pipeline::add);
                } catch (SdkException | CsvFormatException | ParquetFormatException | UncheckedIOException e) {
                    throw new TargetReadException("s3://" + settings.bucketName() + "/" + key.key() + ": "
                            + e.getMessage(), e);
                }
            }
            pipeline.finish();
        } catch (RuntimeException | Error e) {
            pipeline.abort();
            spill.close();
            throw e;
        }
        S3ChangeReader.Counts c = reader.counts;
        Stats stats = new Stats(c.loadObjects, c.cdcObjects, c.txnObjects, c.records, c.unknownOps, c.bytes, c.gets,
                spill.bytes(), spill.spilledToDisk());
        LOG.debug("{}: {} full-load, {} CDC and {} transaction object(s), {} records, {} bytes", location,
                c.loadObjects, c.cdcObjects, c.txnObjects, c.records, c.bytes);
        return new S3TableState(spec, location, spill, stats);
    }

    /** @return how many key ranges */
    public int ranges() {
        return digests.length;
    }

    /** @return {@code s3://bucket/[folder/]schema/table/} */
    public String location() {
        return location;
    }

    /** @return what reading found */
    public Stats stats() {
        return stats;
    }

    /** @return remarks on what could not be reconstructed exactly (key-less updates, unknown operations) */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /**
     * The digest of a range's final rows (resolved once, then cached).
     *
     * @param range the range's index in {@link Spec#ranges()}
     * @return its row count and hash
     */
    public RangeDigest digest(int range) {
        RangeDigest d = digests[range];
        if (d == null) {
            d = summarise(range);
            digests[range] = d;
        }
        return d;
    }

    /**
     * A range's digest from the row hashes stored with its records: only the key fields are decoded (for a table
     * without a primary key, whole rows, which are its keys). An update holding {@code CsvNoSupValue} was hashed
     * with the marker, so its range's digest differs from the source's and the range is compared row by row, where
     * {@link #resolve} fills the marker from the previous image: slower for such ranges, never a wrong result.
     */
    private RangeDigest summarise(int range) {
        long sum = 0;
        long count = 0;
        if (spec.shape().primaryKey()) {
            // one key column (the usual case) is its own map key: no list to build and hash per record
            Map<Object, Long> state = new HashMap<>((int) Math.min(1 << 24, spill.records(range) * 4 / 3 + 16));
            spill.read(range, keyCount, (op, hash, fields) -> {
                Object key = keyCount == 1 ? fields[0] : Arrays.asList(fields);
                if (op == 'D') {
                    state.remove(key);
                } else {
                    state.put(key, hash);
                }
            });
            for (long h : state.values()) {
                sum += h;
            }
            count = state.size();
        } else {
            Map<List<String>, long[]> state = multiset(range);
            for (long[] e : state.values()) {
                sum += e[0] * e[1];
                count += e[0];
            }
        }
        return new RangeDigest(count, sum);
    }

    /**
     * The digests of every range, resolved in parallel (ranges are independent; memory holds one range per core).
     *
     * @return one digest per range of {@link Spec#ranges()}
     */
    public List<RangeDigest> digests() {
        java.util.stream.IntStream.range(0, digests.length).parallel().forEach(this::digest);
        return List.of(digests);
    }

    /**
     * A range's final rows, in the shape's key order.
     *
     * @param range the range's index in {@link Spec#ranges()}
     * @return the rows the target holds in that range
     */
    public List<CanonicalRow> rows(int range) {
        return resolve(range, true);
    }

    /**
     * The rows of any key range, such as a sub-range bisection asks about: the spill ranges it overlaps are resolved
     * (the last one stays cached, so walking sub-ranges in order resolves each spill range once) and filtered.
     *
     * @param range a key range in the shape's key order
     * @return the rows the target holds in it, in key order
     */
    public synchronized List<CanonicalRow> rows(KeyRange range) {
        Comparator<List<String>> order = spec.shape().keyOrder();
        List<CanonicalRow> out = new ArrayList<>();
        List<KeyRange> ranges = spec.ranges();
        int first = range.lower() == null ? 0 : KeyRange.indexOf(ranges, range.lower(), order);
        for (int i = first; i < ranges.size(); i++) {
            List<String> lower = ranges.get(i).lower();
            if (range.upper() != null && lower != null && order.compare(lower, range.upper()) >= 0) {
                break;
            }
            if (cachedRange != i) {
                cachedRows = resolve(i, true);
                cachedRange = i;
            }
            for (CanonicalRow row : cachedRows) {
                if (range.contains(row.key(), order)) {
                    out.add(row);
                }
            }
        }
        return out;
    }

    /**
     * The digest of any key range ({@link #rows(KeyRange)}); for one of {@link Spec#ranges()} use
     * {@link #digest(int)}, which caches.
     *
     * @param range a key range in the shape's key order
     * @return its row count and hash
     */
    public RangeDigest digest(KeyRange range) {
        RangeDigest d = RangeDigest.EMPTY;
        for (CanonicalRow row : rows(range)) {
            d = d.plus(row);
        }
        return d;
    }

    private int cachedRange = -1;
    private List<CanonicalRow> cachedRows = List.of();

    private List<CanonicalRow> resolve(int range, boolean sorted) {
        List<CanonicalRow> out = new ArrayList<>();
        if (spec.shape().primaryKey()) {
            // one key column (the usual case) is its own map key: no list to build and hash per record
            Map<Object, String[]> state = new HashMap<>((int) Math.min(1 << 24, spill.records(range) * 4 / 3 + 16));
            spill.read(range, (op, hash, fields) -> {
                Object key = keyCount == 1 ? fields[0] : Arrays.asList(fields).subList(0, keyCount);
                if (op == 'D') {
                    state.remove(key);
                } else {
                    if (op == 'U') {
                        keepNotSupplied(fields, state.get(key));
                    }
                    state.put(key, fields);
                }
            });
            for (String[] f : state.values()) {
                List<String> all = Arrays.asList(f);
                out.add(new CanonicalRow(all.subList(0, keyCount), all.subList(keyCount, f.length)));
            }
        } else {
            for (Map.Entry<List<String>, long[]> e : multiset(range).entrySet()) {
                for (long i = 0; i < e.getValue()[0]; i++) {
                    out.add(new CanonicalRow(e.getKey(), List.of()));
                }
            }
        }
        if (sorted) {
            Comparator<List<String>> order = spec.shape().keyOrder();
            out.sort((a, b) -> order.compare(a.key(), b.key()));
        }
        return out;
    }

    /**
     * An update's columns missing from the supplemental log ({@code CsvNoSupValue}) kept their value: it is taken
     * from the row's previous image (without one it stays unknown and reads as the marker, so it differs).
     */
    private static void keepNotSupplied(String[] fields, String[] previous) {
        if (previous == null) {
            return;
        }
        for (int i = 0; i < fields.length; i++) {
            if (S3ChangeReader.NOT_SUPPLIED.equals(fields[i])) {
                fields[i] = previous[i];
            }
        }
    }

    /** A key-less range's rows with their number of occurrences and row hash ({count, hash}). */
    private Map<List<String>, long[]> multiset(int range) {
        Map<List<String>, long[]> state = new HashMap<>();
        long[] updates = {0};
        spill.read(range, (op, hash, fields) -> {
            List<String> row = Arrays.asList(fields);
            if (op == 'D') {
                long[] n = state.get(row);
                if (n != null && --n[0] == 0) {
                    state.remove(row);
                }
            } else {
                updates[0] += op == 'U' ? 1 : 0;
                state.computeIfAbsent(row, k -> new long[] {0, hash})[0]++;
            }
        });
        if (updates[0] > 0) {
            synchronized (notes) {
                String note = "range " + range + ": " + updates[0] + " update(s) of a table without a primary key"
                        + " were applied as inserts (DMS writes only the after image)";
                if (!notes.contains(note)) {
                    notes.add(note);
                }
            }
        }
        return state;
    }

    /** Deletes the spill files. */
    @Override
    public void close() {
        spill.close();
    }

    @Override
    public String toString() {
        return "S3TableState{" + location + ", " + digests.length + " range(s), " + stats.records() + " records}";
    }
}
