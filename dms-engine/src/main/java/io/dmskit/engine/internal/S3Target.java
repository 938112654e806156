package io.dmskit.engine.internal;

import io.dmskit.model.s3.S3FormatException;
import io.dmskit.model.s3.S3ObjectKind;
import io.dmskit.model.s3.S3ObjectKey;
import io.dmskit.model.s3.S3ObjectNames;
import io.dmskit.model.s3.S3OutputSettings;
import software.amazon.awssdk.services.databasemigration.model.Endpoint;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Writes a task's data to S3 in DMS's layout (dms-json-formats.md §10), named by dms-model's {@link S3ObjectNames}:
 * full load as {@code [BucketFolder/]schema/table/LOAD00000001.csv} (upper-case hex counter, a new file when
 * MaxFileSize is reached), CDC as timestamp-named files {@code yyyyMMdd-HHmmssSSS.csv} in the same folder (or under a
 * date partition), or transaction files {@code CDC_TXN-yyyyMMddHHmmssSSS.csv} under CdcPath with
 * PreserveTransactions.
 */
final class S3Target implements Target {

    private static final Logger LOG = LoggerFactory.getLogger(S3Target.class);

    private final S3Client s3;
    private final S3OutputSettings options;
    private final S3ObjectNames names;
    private final Clock clock;
    private final java.util.concurrent.ExecutorService uploads;
    private final Map<String, AtomicReference<Instant>> lastNames = new ConcurrentHashMap<>();
    private final JdbcTarget.PrepMode prepMode;

    /**
     * @param s3 client
     * @param options settings
     * @param clock names CDC files and fills the timestamp column
     * @param uploads runs the background part uploads of large files
     */
    public S3Target(S3Client s3, S3OutputSettings options, Clock clock, java.util.concurrent.ExecutorService uploads) {
        this(s3, options, clock, uploads, JdbcTarget.PrepMode.DROP_AND_CREATE);
    }

    /**
     * @param s3 client
     * @param options settings
     * @param clock names CDC files and fills the timestamp column
     * @param uploads runs the background part uploads of large files
     * @param prepMode the task's TargetTablePrepMode, applied to a table's folder when the table is reloaded
     */
    public S3Target(S3Client s3, S3OutputSettings options, Clock clock, java.util.concurrent.ExecutorService uploads,
                    JdbcTarget.PrepMode prepMode) {
        this.prepMode = prepMode;
        this.s3 = s3;
        this.uploads = uploads;
        this.options = options;
        this.names = options.objectNames();
        this.clock = clock;
    }

    /**
     * @param endpoint an S3 target endpoint
     * @return its settings with DMS's defaults
     * @throws EngineException naming every setting the engine cannot work with
     */
    /**
     * Whether a bucket can be written to, as DMS checks its S3 target before it replicates (and test-connection does).
     *
     * @param s3 the client
     * @param bucket the endpoint's BucketName
     * @return what is wrong with the bucket, naming it; empty when it is there and reachable
     */
    static java.util.Optional<String> bucketProblem(S3Client s3, String bucket) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
            return java.util.Optional.empty();
        } catch (software.amazon.awssdk.services.s3.model.NoSuchBucketException e) {
            return java.util.Optional.of("The specified bucket does not exist: " + bucket);
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            return java.util.Optional.of(e.statusCode() == 404 ? "The specified bucket does not exist: " + bucket
                    : "Cannot access bucket '" + bucket + "': " + (e.awsErrorDetails() == null ? e.getMessage()
                            : e.awsErrorDetails().errorMessage()) + " (HTTP " + e.statusCode() + ")");
        } catch (RuntimeException e) {
            return java.util.Optional.of("Cannot reach S3 for bucket '" + bucket + "': " + e.getMessage());
        }
    }

    public static S3OutputSettings settings(Endpoint endpoint) {
        if (endpoint.s3Settings() == null || endpoint.s3Settings().bucketName() == null
                || endpoint.s3Settings().bucketName().isBlank()) {
            throw new EngineException("S3 target endpoint has no BucketName");
        }
        try {
            return S3OutputSettings.from(endpoint.s3Settings());
        } catch (S3FormatException e) {
            throw new EngineException(e.getMessage(), e);
        }
    }

    /** @return the settings in effect */
    public S3OutputSettings options() {
        return options;
    }

    @Override
    public TableLoad beginLoad(TablePlan plan, Instant loadTime) {
        return new Load(plan, loadTime, 0);
    }

    /**
     * ReloadTables: DROP_AND_CREATE and TRUNCATE_BEFORE_LOAD empty the table's folder (its LOAD and CDC files,
     * date partitions included) and write {@code LOAD00000001…} again, so that the folder holds the reloaded table
     * and the changes after it; DO_NOTHING keeps every object and numbers the new LOAD files after the highest one
     * there, so nothing is overwritten.
     */
    @Override
    public TableLoad beginReload(TablePlan plan, Instant loadTime) {
        String prefix = names.tablePrefix(plan.targetSchema(), plan.targetTable());
        List<String> keys = new java.util.ArrayList<>();
        s3.listObjectsV2Paginator(b -> b.bucket(options.bucketName()).prefix(prefix)).contents()
                .forEach(o -> keys.add(o.key()));
        int highest = 0;
        if (prepMode == JdbcTarget.PrepMode.DO_NOTHING) {
            for (String key : keys) {
                S3ObjectKey k = names.parse(key);
                if (k.kind() == S3ObjectKind.FULL_LOAD && k.segmentFolder().isEmpty() && k.segmentNumber().isEmpty()) {
                    highest = Math.max(highest, k.loadSequence().orElse(0));
                }
            }
        } else {
            for (int i = 0; i < keys.size(); i += 1000) {
                List<software.amazon.awssdk.services.s3.model.ObjectIdentifier> batch = keys
                        .subList(i, Math.min(keys.size(), i + 1000)).stream()
                        .map(k -> software.amazon.awssdk.services.s3.model.ObjectIdentifier.builder().key(k).build())
                        .toList();
                s3.deleteObjects(b -> b.bucket(options.bucketName()).delete(d -> d.objects(batch).quiet(true)));
            }
            LOG.info("reload of {}: {} deleted {} object(s) under s3://{}/{}", plan, prepMode, keys.size(),
                    options.bucketName(), prefix);
        }
        return new Load(plan, loadTime, highest);
    }

    private final class Load implements TableLoad {
        private final TablePlan plan;
        private final Instant taskStart;
        private final String prefix;
        private OutputFile current;
        private S3StreamingUpload upload;
        private int fileNumber;
        private long rows;
        private String fixedTimestamp;
        private long lastSecond = Long.MIN_VALUE;
        private String lastTimestamp;

        Load(TablePlan plan, Instant taskStart, int filesBefore) {
            this.fileNumber = filesBefore;
            this.plan = plan;
            this.taskStart = taskStart;
            this.prefix = names.tablePrefix(plan.targetSchema(), plan.targetTable());
            if (options.timestampColumnName().isPresent() && options.useTaskStartTimeForFullLoadTimestamp()) {
                fixedTimestamp = timestampText(taskStart);
            }
        }

        @Override
        public void add(Object[] sourceRow) {
            if (current == null) {
                fileNumber++;
                String key = names.fullLoadKey(plan.targetSchema(), plan.targetTable(), fileNumber);
                upload = new S3StreamingUpload(s3, options.bucketName(), key, contentType(), contentEncoding(), uploads);
                current = new OutputFile(options, plan, options.includeOpForFullLoad(), upload);
            }
            String ts = null;
            if (options.timestampColumnName().isPresent()) {
                ts = fixedTimestamp != null ? fixedTimestamp : transferTime();
            }
            current.add('I', ts, plan.targetValues(sourceRow, 'I', taskStart));
            rows++;
            if (current.size() >= options.maxFileSizeBytes()) {
                complete();
            }
        }

        /** The transfer time, re-rendered at most once per millisecond of the clock to keep the load fast. */
        private String transferTime() {
            Instant now = clock.instant();
            long key = now.toEpochMilli();
            if (key != lastSecond) {
                lastSecond = key;
                lastTimestamp = timestampText(now);
            }
            return lastTimestamp;
        }

        private void complete() {
            current.finish();
            upload.close();
            current = null;
            upload = null;
        }

        @Override
        public long rows() {
            return rows;
        }

        @Override
        public void finish() {
            if (current != null && current.rows() > 0) {
                complete();
            }
        }

        @Override
        public void close() {
            if (current != null) {
                current.close();
                upload.abort();
                current = null;
                upload = null;
            }
        }
    }

    private String contentType() {
        return options.parquet() ? "application/octet-stream" : "text/csv";
    }

    private String contentEncoding() {
        return options.gzip() && !options.parquet() ? "gzip" : null;
    }

    private void put(String key, OutputFile file, java.io.ByteArrayOutputStream bytes) {
        try {
            file.finish();
            s3.putObject(PutObjectRequest.builder().bucket(options.bucketName()).key(key).contentType(contentType())
                    .contentEncoding(contentEncoding()).build(), RequestBody.fromBytes(bytes.toByteArray()));
            LOG.debug("wrote s3://{}/{} ({} rows, {} bytes)", options.bucketName(), key, file.rows(), bytes.size());
        } finally {
            file.close();
        }
    }

    String timestampText(Instant t) {
        return TextValues.timestamp(LocalDateTime.ofInstant(t, ZoneOffset.UTC), 6);
    }

    @Override
    public Map<TablePlan, long[]> applyChanges(List<PlannedChange> changes, Instant flushTime) {
        Map<TablePlan, long[]> counts = new LinkedHashMap<>();
        Map<TablePlan, OutputFile> files = new LinkedHashMap<>();
        Map<TablePlan, java.io.ByteArrayOutputStream> buffers = new LinkedHashMap<>();
        java.io.ByteArrayOutputStream txnBytes = new java.io.ByteArrayOutputStream();
        OutputFile txn = null;
        try {
            for (PlannedChange pc : changes) {
                Change c = pc.change();
                counts.computeIfAbsent(pc.plan(), p -> new long[3])[Target.opIndex(c.op())]++;
                if (!options.writesCdc(c.op())) {
                    continue;
                }
                Object[] values = pc.plan().targetValues(c.values(), c.op(), c.commitTime());
                String ts = options.timestampColumnName().isEmpty() ? null : timestampText(c.commitTime());
                if (options.preserveTransactions()) {
                    if (txn == null) {
                        txn = new OutputFile(options, null, true, txnBytes);
                    }
                    Object[] row = new Object[values.length + 2];
                    row[0] = pc.plan().targetTable();
                    row[1] = pc.plan().targetSchema();
                    for (int i = 0; i < values.length; i++) {
                        row[i + 2] = TextValues.render(values[i], pc.plan().columns().get(i).type());
                    }
                    txn.add(c.op(), ts, row);
                } else {
                    files.computeIfAbsent(pc.plan(), p -> new OutputFile(options, p, options.cdcOpColumn(),
                            buffers.computeIfAbsent(p, x -> new java.io.ByteArrayOutputStream()))).add(c.op(), ts, values);
                }
            }
            if (txn != null) {
                String key = names.cdcTxnKey(uniqueTime(names.cdcPathPrefix().orElseThrow(), flushTime));
                put(key, txn, txnBytes);
                txn = null;
            }
            for (Map.Entry<TablePlan, OutputFile> e : files.entrySet()) {
                TablePlan p = e.getKey();
                String folder = names.tablePrefix(p.targetSchema(), p.targetTable());
                Instant name = uniqueTime(folder, flushTime);
                put(names.cdcKey(p.targetSchema(), p.targetTable(), name), e.getValue(), buffers.get(p));
            }
        } finally {
            files.values().forEach(OutputFile::close);
            if (txn != null) {
                txn.close();
            }
        }
        return counts;
    }

    /** A strictly increasing file time per folder, so that a frozen test clock never overwrites a CDC file. */
    private Instant uniqueTime(String folder, Instant proposed) {
        AtomicReference<Instant> last = lastNames.computeIfAbsent(folder, f -> new AtomicReference<>(Instant.MIN));
        return last.updateAndGet(prev -> {
            Instant candidate = proposed.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            return candidate.isAfter(prev) ? candidate : prev.plusMillis(1);
        });
    }

    @Override
    public void close() {
        // the S3 client belongs to the engine's user
    }

}
