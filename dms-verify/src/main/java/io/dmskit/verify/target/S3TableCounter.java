package io.dmskit.verify.target;

import io.dmskit.model.s3.S3ObjectKind;
import io.dmskit.model.s3.S3ObjectNames;
import io.dmskit.verify.internal.Checks;
import io.dmskit.verify.internal.DmsObjectReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the rows DMS wrote for a table into an S3 target: lists {@code [bucketFolder/]schema/table/} (all pages,
 * every sub-folder: date partitions, parallel-load partitions), reads full-load objects for their row count and CDC
 * objects for their inserts, updates and deletes, adds the rows of {@code CDC_TXN-*} transaction files under
 * {@code CdcPath} that name the table, and returns full load, I/U/D and the net count (full load + inserts −
 * deletes). Objects are read with bounded parallelism ({@link S3Target#parallelism()}); Parquet only through ranged
 * GETs of the footer (and of the {@code Op} column chunk for CDC files whose statistics do not settle it).
 *
 * <p>Usable on its own:
 * <pre>{@code
 * try (S3TableCounter counter = S3TableCounter.create(s3, S3Target.builder().bucket("raw").build())) {
 *     TargetCount c = counter.count("sales", "orders", List.of());
 * }
 * }</pre>
 */
public final class S3TableCounter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(S3TableCounter.class);

    /** Receives each object read. */
    @FunctionalInterface
    public interface ObjectListener {
        /**
         * Called after each object read.
         *
         * @param key the object's key
         * @param bytesRead bytes fetched for it so far in this table
         */
        void objectScanned(String key, long bytesRead);
    }

    private final S3Client s3;
    private final S3Target target;
    private final DmsObjectReader reader;
    private final ExecutorService pool;
    private final Object txnLock = new Object();
    private Map<String, TxnCounts> txnCounts;

    private S3TableCounter(S3Client s3, S3Target target) {
        this.s3 = Checks.require(s3, "s3", "S3TableCounter.create");
        this.target = Checks.require(target, "target", "S3TableCounter.create");
        this.reader = new DmsObjectReader(s3, target);
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(target.parallelism(), r -> {
            Thread t = new Thread(r, "dmskit-s3-count-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * {@return a counter; close it to stop its threads}
     *
     * @param s3 the client (real AWS, LocalS3, moto, ...)
     * @param target bucket, folder and format settings
     * @throws io.dmskit.core.exception.InvalidDefinitionException when s3 or target is null
     */
    public static S3TableCounter create(S3Client s3, S3Target target) {
        return new S3TableCounter(s3, target);
    }

    /** {@return the target settings} */
    public S3Target target() {
        return target;
    }

    /**
     * Counts one table.
     *
     * @param schema target schema name (the folder under the bucket folder)
     * @param table target table name
     * @param columns the table's column names, used to recognise CSV header rows when {@code AddColumnName} is not
     *                set explicitly; may be empty
     * @return the count
     */
    public TargetCount count(String schema, String table, Collection<String> columns) {
        return count(schema, table, columns, (k, b) -> { });
    }

    /**
     * Like {@link #count(String, String, Collection)}, reporting each object read.
     *
     * @param schema target schema name
     * @param table target table name
     * @param columns the table's column names; may be empty
     * @param listener told of each object read
     * @return the count
     * @throws io.dmskit.core.exception.InvalidDefinitionException when an argument is null
     */
    public TargetCount count(String schema, String table, Collection<String> columns, ObjectListener listener) {
        Checks.require(schema, "schema", "S3TableCounter.count");
        Checks.require(table, "table", "S3TableCounter.count");
        Checks.require(columns, "columns", "S3TableCounter.count");
        Checks.require(listener, "listener", "S3TableCounter.count");
        String prefix = target.tablePrefix(schema, table);
        String location = "s3://" + target.bucket() + "/" + prefix;
        List<S3Object> objects = list(prefix);
        List<String> notes = new ArrayList<>();
        DmsObjectReader.IoStats io = new DmsObjectReader.IoStats();
        List<Future<DmsObjectReader.Counts>> loads = new ArrayList<>();
        List<Future<DmsObjectReader.Counts>> cdcs = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (S3Object o : objects) {
            S3ObjectKind kind = S3ObjectNames.kindOf(o.key());
            if (kind == S3ObjectKind.FULL_LOAD || kind == S3ObjectKind.CDC) {
                boolean cdc = kind == S3ObjectKind.CDC;
                (cdc ? cdcs : loads).add(pool.submit(() -> {
                    DmsObjectReader.Counts c = reader.count(o.key(), o.size() == null ? -1 : o.size(), cdc, columns,
                            io);
                    listener.objectScanned(o.key(), io.bytes.get());
                    return c;
                }));
            } else if (!o.key().endsWith("/")) {
                ignored.add(o.key().substring(prefix.length()));
            }
        }
        long fullLoad = 0;
        long inserts = 0;
        long updates = 0;
        long deletes = 0;
        long unknown = 0;
        int headers = 0;
        int noOp = 0;
        for (Future<DmsObjectReader.Counts> f : loads) {
            DmsObjectReader.Counts c = await(f, location);
            fullLoad += c.rows;
            headers += c.headerSkipped ? 1 : 0;
        }
        for (Future<DmsObjectReader.Counts> f : cdcs) {
            DmsObjectReader.Counts c = await(f, location);
            inserts += c.inserts;
            updates += c.updates;
            deletes += c.deletes;
            unknown += c.unknownOps;
            headers += c.headerSkipped ? 1 : 0;
            noOp += c.noOpColumn ? 1 : 0;
        }
        long txnObjects = 0;
        if (target.cdcPathPrefix().isPresent()) {
            TxnCounts t = transactionCounts(io).get(txnKey(schema, table));
            if (t != null) {
                inserts += t.inserts;
                updates += t.updates;
                deletes += t.deletes;
                unknown += t.unknown;
                txnObjects = t.objects;
            }
            notes.add("CDC read from transaction files under s3://" + target.bucket() + "/"
                    + target.cdcPathPrefix().get());
        }
        if (headers > 0) {
            notes.add(headers + " object(s) started with a header row (AddColumnName), not counted as data");
        }
        if (noOp > 0) {
            notes.add(noOp + " CDC object(s) had no Op column; their rows were counted as inserts");
        }
        if (unknown > 0) {
            notes.add(unknown + " CDC row(s) had an operation other than I, U or D and were not counted");
        }
        if (!ignored.isEmpty()) {
            notes.add(ignored.size() + " object(s) not in DMS's naming were ignored, e.g. " + ignored.get(0));
        }
        if (target.cdcInsertsAndUpdates() && !target.cdcInsertsOnly()) {
            notes.add("CdcInsertsAndUpdates: deletes are not written to S3, so the net count cannot drop for them");
        }
        boolean exists = !loads.isEmpty() || !cdcs.isEmpty() || txnObjects > 0;
        long net = fullLoad + inserts - deletes;
        LOG.debug("{}: {} full-load object(s), {} CDC object(s), net {} rows, {} GETs, {} bytes", location,
                loads.size(), cdcs.size(), net, io.gets.get(), io.bytes.get());
        return new TargetCount(location, exists, net, fullLoad, inserts, updates, deletes, loads.size(),
                cdcs.size() + txnObjects, io.bytes.get(), io.gets.get(), notes);
    }

    /**
     * Lists the table folders DMS created under a schema folder (for finding tables that exist only on the target).
     *
     * @param schema target schema name
     * @return table folder names
     */
    public List<String> tableFolders(String schema) {
        String prefix = target.schemaPrefix(schema);
        List<String> out = new ArrayList<>();
        ListObjectsV2Request req = ListObjectsV2Request.builder().bucket(target.bucket()).prefix(prefix)
                .delimiter("/").maxKeys(target.listPageSize()).build();
        for (var page : s3.listObjectsV2Paginator(req)) {
            for (CommonPrefix cp : page.commonPrefixes()) {
                String p = cp.prefix().substring(prefix.length());
                out.add(p.endsWith("/") ? p.substring(0, p.length() - 1) : p);
            }
        }
        return out;
    }

    /** Lists every object under a prefix, following continuation tokens. */
    List<S3Object> list(String prefix) {
        List<S3Object> out = new ArrayList<>();
        ListObjectsV2Request req = ListObjectsV2Request.builder().bucket(target.bucket()).prefix(prefix)
                .maxKeys(target.listPageSize()).build();
        for (var page : s3.listObjectsV2Paginator(req)) {
            out.addAll(page.contents());
        }
        return out;
    }

    private static final class TxnCounts {
        long inserts;
        long updates;
        long deletes;
        long unknown;
        long objects;
    }

    private static String txnKey(String schema, String table) {
        return schema.toLowerCase(Locale.ROOT) + "\u0000" + table.toLowerCase(Locale.ROOT);
    }

    private Map<String, TxnCounts> transactionCounts(DmsObjectReader.IoStats io) {
        synchronized (txnLock) {
            if (txnCounts != null) {
                return txnCounts;
            }
            String prefix = target.cdcPathPrefix().orElseThrow();
            List<Future<Map<String, TxnCounts>>> parts = new ArrayList<>();
            for (S3Object o : list(prefix)) {
                if (S3ObjectNames.kindOf(o.key()) != S3ObjectKind.CDC_TXN) {
                    continue;
                }
                parts.add(pool.submit(() -> {
                    Map<String, TxnCounts> m = new HashMap<>();
                    reader.csvRecords(o.key(), 3, List.of(), io, (idx, f) -> {
                        if (f.size() < 3) {
                            return;
                        }
                        TxnCounts t = m.computeIfAbsent(txnKey(f.get(2), f.get(1)), k -> new TxnCounts());
                        switch (f.get(0).strip()) {
                            case "I" -> t.inserts++;
                            case "U" -> t.updates++;
                            case "D" -> t.deletes++;
                            default -> t.unknown++;
                        }
                    });
                    m.values().forEach(t -> t.objects = 1);
                    return m;
                }));
            }
            Map<String, TxnCounts> all = new HashMap<>();
            for (Future<Map<String, TxnCounts>> f : parts) {
                for (var e : await(f, "s3://" + target.bucket() + "/" + prefix).entrySet()) {
                    TxnCounts a = all.computeIfAbsent(e.getKey(), k -> new TxnCounts());
                    a.inserts += e.getValue().inserts;
                    a.updates += e.getValue().updates;
                    a.deletes += e.getValue().deletes;
                    a.unknown += e.getValue().unknown;
                    a.objects += e.getValue().objects;
                }
            }
            txnCounts = all;
            return all;
        }
    }

    private static <T> T await(Future<T> f, String location) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetReadException("interrupted while reading " + location, e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof TargetReadException t) { // already names the object
                throw new TargetReadException(t.getMessage(), t);
            }
            throw new TargetReadException("reading " + location + " failed: " + c.getMessage(), c);
        }
    }

    /** Stops the counter's threads. */
    @Override
    public void close() {
        pool.shutdownNow();
    }
}
