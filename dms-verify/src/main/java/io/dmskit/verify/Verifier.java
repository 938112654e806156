package io.dmskit.verify;

import io.dmskit.core.Endpoint;
import io.dmskit.mappings.InvalidTableMappingsException;
import io.dmskit.mappings.TableMappings;
import io.dmskit.mappings.TableResolution;
import io.dmskit.model.s3.S3FormatException;
import io.dmskit.verify.internal.Database;
import io.dmskit.verify.internal.ProbeRunner;
import io.dmskit.verify.internal.TargetReader;
import io.dmskit.verify.probe.CdcProbeOptions;
import io.dmskit.verify.report.DmsTableStatistics;
import io.dmskit.verify.report.TableVerification;
import io.dmskit.verify.report.Tolerance;
import io.dmskit.verify.report.VerificationStatus;
import io.dmskit.verify.source.CountMode;
import io.dmskit.verify.source.SourceCount;
import io.dmskit.verify.source.SourceTable;
import io.dmskit.verify.target.JdbcTarget;
import io.dmskit.verify.target.S3Target;
import io.dmskit.verify.target.Target;
import io.dmskit.verify.target.TargetCount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.DescribeEndpointsResponse;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;
import software.amazon.awssdk.services.databasemigration.model.TableStatistics;
import software.amazon.awssdk.services.s3.S3Client;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Verifies a DMS pipeline: which tables the task replicates (its table mappings applied to the source catalog),
 * their row counts on the source (exact {@code COUNT(*)} with the task's source filters, or a labelled estimate), on
 * the target (S3 in DMS's layout, or a database) and in DMS's table statistics, compared into a
 * {@link VerificationReport}. Also runs a CDC probe ({@link #probeCdc(CdcProbeOptions)}). The verifier only reads
 * from the source; the probe is the one explicit exception.
 *
 * <p>Nothing needs restating: the task's ARN is enough (its table mappings come from DescribeReplicationTasks, its
 * S3 target's settings from DescribeEndpoints of its TargetEndpointArn, DMS's defaults filled in), and so are the
 * dms-core {@code ReplicationTask} and {@code Endpoint} objects that were provisioned.
 * <pre>{@code
 * // from the task ARN (what the provisioner returned: applyResult.arn(ResourceKind.REPLICATION_TASK, "orders-to-s3"))
 * Verifier verifier = Verifier.builder().source(mysqlDataSource).s3(s3Client).dms(dmsClient).taskArn(arn).build();
 *
 * // from the definitions given to the provisioner
 * Verifier verifier = Verifier.builder().source(mysqlDataSource).s3(s3Client).task(ordersTask, rawZone).build();
 *
 * // by hand
 * Verifier verifier = Verifier.builder().source(mysqlDataSource).tableMappings(TableMappings.fromJson(json))
 *         .s3(s3Client)
 *         .target(S3Target.builder().bucket("raw").bucketFolder("hub").dataFormat(S3DataFormat.PARQUET).build())
 *         .build();
 * VerificationReport report = verifier.verifyRowCounts();
 * report.assertAllMatch();
 * }</pre>
 */
public final class Verifier {

    private static final Logger LOG = LoggerFactory.getLogger("io.dmskit.verify");

    private final DataSource source;
    private final String sourceName;
    private final TableMappings mappings;
    private final List<SourceTable> tables;
    private final Set<String> schemas;
    private final Target target;
    private final S3Client s3;
    private final DatabaseMigrationClient dms;
    private final String taskArn;
    private final CountMode countMode;
    private final int parallelism;
    private final Duration queryTimeout;
    private final Tolerance tolerance;
    private final VerificationListener listener;
    private final Clock clock;
    private final boolean checkExtraTables;

    private Verifier(Builder b) {
        this.source = b.source;
        this.sourceName = b.sourceName;
        this.mappings = b.mappings;
        this.tables = List.copyOf(b.tables);
        this.schemas = Set.copyOf(b.schemas);
        this.target = b.target;
        this.s3 = b.s3;
        this.dms = b.dms;
        this.taskArn = b.taskArn;
        this.countMode = b.countMode;
        this.parallelism = b.parallelism;
        this.queryTimeout = b.queryTimeout;
        this.tolerance = b.tolerance;
        this.listener = b.listener;
        this.clock = b.clock;
        this.checkExtraTables = b.checkExtraTables;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a verifier built by the consumer */
    public static Verifier of(Consumer<Builder> spec) {
        Builder b = builder();
        spec.accept(b);
        return b.build();
    }

    /** @return a builder with this verifier's settings */
    public Builder toBuilder() {
        Builder b = builder().source(source).sourceName(sourceName).tableMappings(mappings).tables(tables)
                .target(target).s3(s3).dms(dms).taskArn(taskArn).countMode(countMode).parallelism(parallelism)
                .queryTimeout(queryTimeout).tolerance(tolerance).listener(listener).clock(clock)
                .checkExtraTables(checkExtraTables);
        b.schemas.addAll(schemas);
        return b;
    }

    /** A source table the task replicates, with its target names and filter. */
    private record Planned(SourceTable table, String targetSchema, String targetTable, Optional<String> predicate,
                           TableResolution resolution) { }

    /**
     * Counts every table the task replicates on the source, the target and in DMS's table statistics and compares
     * them. Failures of single tables (a timeout, an unreadable object) become rows with status {@code ERROR}.
     *
     * @return the report
     * @throws VerificationException when verification cannot run at all (source unreachable, task not found, ...)
     */
    public VerificationReport verifyRowCounts() {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        TaskInfo task = describeTask();
        TableMappings effective = mappings != null ? mappings : task == null ? null : task.mappings;
        Target effectiveTarget = target != null ? target : task == null ? null : task.target;
        Database db = openSource();
        List<Planned> planned = plan(db, effective);
        LOG.info("Verifying {} table(s): source {} -> target {}", planned.size(), describeSource(db),
                describeTarget(effectiveTarget));
        listener.tablesSelected(planned.size());
        Map<String, DmsTableStatistics> stats = tableStatistics();
        List<TableVerification> results = new ArrayList<>();
        AtomicInteger done = new AtomicInteger();
        int total = planned.size();
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, daemon("dmskit-verify"));
        try (TargetReader reader = effectiveTarget == null ? null
                : TargetReader.open(effectiveTarget, s3, listener, queryTimeout)) {
            List<Future<TableVerification>> futures = new ArrayList<>();
            for (Planned p : planned) {
                futures.add(pool.submit(() -> {
                    TableVerification tv = verifyTable(db, reader, p, stats);
                    listener.tableVerified(tv, done.incrementAndGet(), total);
                    LOG.info("{}: {} (source {}, target {}) [{}/{}]", tv.name(), tv.status(),
                            tv.sourceRows() < 0 ? "-" : tv.sourceRows(), tv.targetRows() < 0 ? "-" : tv.targetRows(),
                            done.get(), total);
                    return tv;
                }));
            }
            for (Future<TableVerification> f : futures) {
                results.add(await(f));
            }
            if (reader != null && checkExtraTables && tables.isEmpty()) {
                results.addAll(extraTables(reader, planned));
            }
        } finally {
            pool.shutdownNow();
        }
        results.sort(Comparator.comparing(TableVerification::name));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        VerificationReport report = new VerificationReport(started.plus(elapsed), elapsed, describeSource(db),
                describeTarget(effectiveTarget), taskArn, countMode, tolerance, results, null);
        LOG.info("Verification finished in {} ms: {}", elapsed.toMillis(), report);
        return report;
    }

    /**
     * Runs the CDC probe with default options (table {@code dmskit_probe} in the first schema the task replicates,
     * which must already exist).
     */
    public CdcProbeResult probeCdc() {
        return probeCdc(CdcProbeOptions.defaults());
    }

    /** Runs the CDC probe with options built by the consumer. */
    public CdcProbeResult probeCdc(Consumer<CdcProbeOptions.Builder> options) {
        return probeCdc(CdcProbeOptions.of(options));
    }

    /**
     * Inserts, updates and deletes a marker row in the probe table on the source and watches the target until each
     * change appears (S3: new CDC objects under the table's folder, listed with {@code StartAfter}; database: the
     * target table), measuring source commit → visible → detected per change. The marker row is removed in all
     * cases; no other table is touched.
     *
     * @param options probe settings
     * @return the result; {@link CdcProbeResult#assertSucceeded()} fails with what was looked for and where
     * @throws io.dmskit.verify.probe.CdcProbeException when the task's mappings do not replicate the probe table,
     *         or it is missing and creating it was not allowed
     */
    public CdcProbeResult probeCdc(CdcProbeOptions options) {
        TaskInfo task = describeTask();
        TableMappings effective = mappings != null ? mappings : task == null ? null : task.mappings;
        Target effectiveTarget = target != null ? target : task == null ? null : task.target;
        if (effectiveTarget == null) {
            throw new VerificationException("the CDC probe needs a target to watch (S3 or JDBC); set target(...)",
                    taskArn, "probeCdc", null);
        }
        Database db = openSource();
        String schema = options.schema();
        if (schema == null) {
            schema = firstReplicatedSchema(db, effective);
        }
        return new ProbeRunner(db, effective, effectiveTarget, s3, clock, listener).run(schema, options);
    }

    // ------------------------------------------------------------------------------------------------ planning

    private Database openSource() {
        try {
            return Database.detect(source);
        } catch (SQLException e) {
            throw new VerificationException("cannot connect to the source database: " + e.getMessage(),
                    sourceName, "connect", e);
        }
    }

    private List<Planned> plan(Database db, TableMappings effective) {
        List<SourceTable> candidates = new ArrayList<>();
        if (!tables.isEmpty()) {
            candidates.addAll(tables);
        } else {
            try {
                for (Database.TableName t : db.listTables()) {
                    if (schemas.isEmpty() || schemas.contains(t.schema())) {
                        candidates.add(new SourceTable(t.schema(), t.table()));
                    }
                }
            } catch (SQLException e) {
                throw new VerificationException("cannot list the source catalog: " + e.getMessage(), sourceName,
                        "listTables", e);
            }
        }
        List<Planned> out = new ArrayList<>();
        for (SourceTable t : candidates) {
            if (effective == null) {
                out.add(new Planned(t, t.schema(), t.table(), Optional.empty(), null));
                continue;
            }
            TableResolution r = effective.resolve(t.schema(), t.table());
            if (r.included()) {
                out.add(new Planned(t, r.targetSchema(), r.targetTable(), r.sqlPredicate(db.dialect()), r));
            } else {
                LOG.debug("{} is not replicated by the task's table mappings", t);
            }
        }
        out.sort(Comparator.comparing(Planned::table));
        return out;
    }

    private String firstReplicatedSchema(Database db, TableMappings effective) {
        List<Planned> planned = plan(db, effective);
        if (planned.isEmpty()) {
            throw new io.dmskit.verify.probe.CdcProbeException("the task's table mappings replicate no table of the"
                    + " source, so there is no schema for the probe table; set CdcProbeOptions.schema(...)", null, null);
        }
        return planned.get(0).table().schema();
    }

    // ------------------------------------------------------------------------------------------------ per table

    private TableVerification verifyTable(Database db, TargetReader reader, Planned p,
                                          Map<String, DmsTableStatistics> stats) {
        SourceTable st = p.table();
        Optional<DmsTableStatistics> dmsStats = Optional.ofNullable(stats.get(key(st.schema(), st.table())));
        List<String> notes = new ArrayList<>();
        p.predicate().ifPresent(f -> notes.add("source filtered by the task's selection rule: " + f));
        SourceCount sc;
        try {
            sc = countSource(db, p, notes);
            listener.sourceCounted(st, sc);
        } catch (Exception e) {
            LOG.warn("{}: counting the source failed: {}", st, e.getMessage());
            return new TableVerification(st.schema(), st.table(), p.targetSchema(), p.targetTable(), Optional.empty(),
                    Optional.empty(), dmsStats, 0, VerificationStatus.ERROR, notes,
                    Optional.of("counting the source table failed: " + e.getMessage()));
        }
        TargetCount tc;
        try {
            if (reader != null) {
                tc = reader.count(p.targetSchema(), p.targetTable(), columnsFor(db, reader, p));
            } else {
                tc = dmsStats.map(d -> new TargetCount("DMS table statistics of " + taskArn, true, d.impliedRows(),
                        d.fullLoadRows(), d.inserts(), d.updates(), d.deletes(), 0, 0, 0, 0, List.of()))
                        .orElse(new TargetCount("DMS table statistics of " + taskArn, false, 0, -1, -1, -1, -1, 0, 0,
                                0, 0, List.of()));
            }
        } catch (Exception e) {
            LOG.warn("{}: reading the target failed: {}", st, e.getMessage());
            return new TableVerification(st.schema(), st.table(), p.targetSchema(), p.targetTable(), Optional.of(sc),
                    Optional.empty(), dmsStats, 0, VerificationStatus.ERROR, notes,
                    Optional.of("reading the target failed: " + e.getMessage()));
        }
        VerificationStatus status;
        long diff = 0;
        boolean loading = dmsStats.map(DmsTableStatistics::isLoading).orElse(false);
        if (!tc.exists()) {
            if (sc.rows() == 0 && reader != null && reader.emptyTablesHaveNoFolder()) {
                status = VerificationStatus.MATCH;
                notes.add("the source table is empty and DMS creates no S3 folder for empty tables");
            } else if (sc.rows() == 0 && reader == null) {
                status = VerificationStatus.MATCH;
            } else {
                status = loading ? VerificationStatus.PENDING : VerificationStatus.MISSING_ON_TARGET;
            }
        } else {
            diff = tc.rows() - sc.rows();
            if (tolerance.allows(sc.rows(), diff)) {
                status = VerificationStatus.MATCH;
                if (diff != 0) {
                    notes.add("difference " + diff + " is within the tolerance (" + tolerance + ")");
                }
            } else {
                status = loading ? VerificationStatus.PENDING : VerificationStatus.MISMATCH;
            }
        }
        if (loading) {
            notes.add("DMS reports table state '" + dmsStats.get().tableState() + "'");
        }
        dmsStats.ifPresent(d -> {
            if (d.isFailed()) {
                notes.add("DMS reports table state '" + d.tableState() + "'");
            }
            if (reader != null && tc.exists() && d.impliedRows() != tc.rows()) {
                notes.add("DMS table statistics imply " + d.impliedRows() + " rows (full load " + d.fullLoadRows()
                        + " + inserts " + d.inserts() + " - deletes " + d.deletes() + ") but the target has "
                        + tc.rows());
            }
            if (tc.hasCdcBreakdown() && reader != null && tc.exists() && d.fullLoadRows() != tc.fullLoadRows()) {
                notes.add("DMS FullLoadRows " + d.fullLoadRows() + " differs from the " + tc.fullLoadRows()
                        + " rows in full-load files");
            }
        });
        return new TableVerification(st.schema(), st.table(), p.targetSchema(), p.targetTable(), Optional.of(sc),
                Optional.of(tc), dmsStats, diff, status, notes, Optional.empty());
    }

    private SourceCount countSource(Database db, Planned p, List<String> notes) throws SQLException {
        long t0 = System.nanoTime();
        SourceTable st = p.table();
        if (countMode == CountMode.ESTIMATE) {
            Optional<Long> est = db.estimate(st.schema(), st.table());
            if (est.isPresent()) {
                notes.add("source row count is an ESTIMATE from catalog statistics"
                        + (p.predicate().isPresent() ? " and ignores the source filter" : ""));
                return new SourceCount(est.get(), true, Optional.empty(), Duration.ofNanos(System.nanoTime() - t0));
            }
            notes.add("no catalog estimate available (table never analyzed): counted exactly");
        }
        long n = db.count(st.schema(), st.table(), p.predicate(), queryTimeout);
        return new SourceCount(n, false, p.predicate(), Duration.ofNanos(System.nanoTime() - t0));
    }

    private List<String> columnsFor(Database db, TargetReader reader, Planned p) {
        if (!reader.wantsColumnNames()) {
            return List.of();
        }
        try {
            List<String> cols = db.columns(p.table().schema(), p.table().table());
            if (p.resolution() == null) {
                return cols;
            }
            List<String> out = new ArrayList<>(cols);
            for (String c : cols) {
                p.resolution().targetColumn(c).ifPresent(out::add);
            }
            p.resolution().addedColumns().forEach(a -> out.add(a.name()));
            return out;
        } catch (Exception e) {
            LOG.debug("column names of {} unavailable: {}", p.table(), e.getMessage());
            return List.of();
        }
    }

    private List<TableVerification> extraTables(TargetReader reader, List<Planned> planned) {
        Set<String> expected = new HashSet<>();
        Set<String> targetSchemas = new LinkedHashSet<>();
        for (Planned p : planned) {
            expected.add(key(p.targetSchema(), p.targetTable()));
            targetSchemas.add(p.targetSchema());
        }
        List<TableVerification> out = new ArrayList<>();
        for (String schema : targetSchemas) {
            List<String> found;
            try {
                found = reader.listTables(schema);
            } catch (Exception e) {
                LOG.warn("cannot list target tables of schema {}: {}", schema, e.getMessage());
                continue;
            }
            for (String t : found) {
                if (expected.contains(key(schema, t)) || t.toLowerCase(Locale.ROOT).startsWith("awsdms_")) {
                    continue;
                }
                TargetCount tc;
                try {
                    tc = reader.count(schema, t, List.of());
                } catch (Exception e) {
                    out.add(new TableVerification(null, null, schema, t, Optional.empty(), Optional.empty(),
                            Optional.empty(), 0, VerificationStatus.EXTRA_ON_TARGET,
                            List.of("on the target but not selected by the task's table mappings"),
                            Optional.of("reading it failed: " + e.getMessage())));
                    continue;
                }
                out.add(new TableVerification(null, null, schema, t, Optional.empty(), Optional.of(tc),
                        Optional.empty(), 0, VerificationStatus.EXTRA_ON_TARGET,
                        List.of("on the target but the task's table mappings select no such source table"),
                        Optional.empty()));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ DMS

    private static final class TaskInfo {
        TableMappings mappings;
        Target target;
    }

    private TaskInfo describeTask() {
        if (dms == null || taskArn == null) {
            return null;
        }
        if (mappings != null && target != null) {
            return null;
        }
        ReplicationTask task;
        try {
            task = dms.describeReplicationTasks(b -> b.filters(f -> f.name("replication-task-arn").values(taskArn)))
                    .replicationTasks().stream().findFirst().orElse(null);
        } catch (RuntimeException e) {
            throw new VerificationException("DescribeReplicationTasks failed for " + taskArn + ": " + e.getMessage(),
                    taskArn, "DescribeReplicationTasks", e);
        }
        if (task == null) {
            throw new VerificationException("replication task " + taskArn + " was not found", taskArn,
                    "DescribeReplicationTasks", null);
        }
        TaskInfo info = new TaskInfo();
        if (mappings == null) {
            try {
                info.mappings = TableMappings.fromJson(task.tableMappings());
            } catch (InvalidTableMappingsException e) {
                throw new VerificationException("the table mappings of " + taskArn + " are invalid: "
                        + e.getMessage(), taskArn, "DescribeReplicationTasks", e);
            }
        }
        if (target == null && s3 != null && task.targetEndpointArn() != null) {
            var settings = targetS3Settings(task.targetEndpointArn());
            if (settings != null) {
                try {
                    info.target = S3Target.fromS3Settings(settings).build();
                } catch (S3FormatException e) {
                    throw new VerificationException("the S3 settings of " + task.targetEndpointArn() + " (target of "
                            + taskArn + ") cannot be read: " + e.getMessage(), task.targetEndpointArn(),
                            "DescribeEndpoints", e);
                }
            }
        }
        return info;
    }

    /** @return the S3 settings of the task's target endpoint, or null when it has none or cannot be read */
    private software.amazon.awssdk.services.databasemigration.model.S3Settings targetS3Settings(String endpointArn) {
        try {
            DescribeEndpointsResponse r = dms.describeEndpoints(b -> b.filters(f -> f.name("endpoint-arn")
                    .values(endpointArn)));
            return r.endpoints().stream().filter(e -> e.s3Settings() != null && e.s3Settings().bucketName() != null)
                    .findFirst().map(e -> e.s3Settings()).orElse(null);
        } catch (RuntimeException e) {
            LOG.warn("cannot read the target endpoint of {}: {}", taskArn, e.getMessage());
            return null;
        }
    }

    private Map<String, DmsTableStatistics> tableStatistics() {
        Map<String, DmsTableStatistics> out = new HashMap<>();
        if (dms == null || taskArn == null) {
            return out;
        }
        try {
            for (var page : dms.describeTableStatisticsPaginator(b -> b.replicationTaskArn(taskArn).maxRecords(500))) {
                for (TableStatistics s : page.tableStatistics()) {
                    out.put(key(s.schemaName(), s.tableName()), new DmsTableStatistics(s.schemaName(), s.tableName(),
                            n(s.fullLoadRows()), n(s.inserts()), n(s.updates()), n(s.deletes()), s.tableState(),
                            s.validationState()));
                }
            }
        } catch (RuntimeException e) {
            throw new VerificationException("DescribeTableStatistics failed for " + taskArn + ": " + e.getMessage(),
                    taskArn, "DescribeTableStatistics", e);
        }
        return out;
    }

    private static long n(Long v) {
        return v == null ? 0 : v;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private String describeSource(Database db) {
        return sourceName != null ? sourceName : db.product();
    }

    private String describeTarget(Target t) {
        if (t != null) {
            return t.describe();
        }
        return "DMS table statistics";
    }

    static String key(String schema, String table) {
        return schema.toLowerCase(Locale.ROOT) + "." + table.toLowerCase(Locale.ROOT);
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VerificationException("verification was interrupted", null, "verifyRowCounts", e);
        } catch (ExecutionException e) {
            throw new VerificationException("verification failed: " + e.getCause().getMessage(), null,
                    "verifyRowCounts", e.getCause());
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public String toString() {
        return "Verifier{source=" + (sourceName == null ? "jdbc" : sourceName) + ", target="
                + describeTarget(target) + (taskArn == null ? "" : ", task=" + taskArn) + ", mode=" + countMode + "}";
    }

    /** Builder; {@link #build()} reports every missing or conflicting setting at once. */
    public static final class Builder {
        private DataSource source;
        private String sourceName;
        private TableMappings mappings;
        private final List<SourceTable> tables = new ArrayList<>();
        private final Set<String> schemas = new LinkedHashSet<>();
        private Target target;
        private S3Client s3;
        private DatabaseMigrationClient dms;
        private String taskArn;
        private CountMode countMode = CountMode.EXACT;
        private int parallelism = 8;
        private Duration queryTimeout = Duration.ofMinutes(10);
        private Tolerance tolerance = Tolerance.EXACT;
        private VerificationListener listener = new VerificationListener() { };
        private Clock clock = Clock.systemUTC();
        private boolean checkExtraTables = true;
        private String mappingsProblem;
        private String targetProblem;

        private Builder() {
        }

        /** @param v the source database (required); only read from, except by the CDC probe @return this */
        public Builder source(DataSource v) {
            this.source = v;
            return this;
        }

        /** @param v how the source is named in reports (default: product and version); no secrets @return this */
        public Builder sourceName(String v) {
            this.sourceName = v;
            return this;
        }

        /** @param v the task's table mappings; when absent they are read from the task @return this */
        public Builder tableMappings(TableMappings v) {
            this.mappings = v;
            return this;
        }

        /** @param json the task's table-mappings JSON @return this */
        public Builder tableMappings(String json) {
            try {
                this.mappings = json == null ? null : TableMappings.fromJson(json);
                this.mappingsProblem = null;
            } catch (InvalidTableMappingsException e) {
                this.mappingsProblem = "table mappings JSON is invalid: " + e.getMessage();
            }
            return this;
        }

        /**
         * Restricts verification to these source tables (still subject to the mappings, if given). Without table
         * mappings, they are compared under the same names on the target. Tables found only on the target are not
         * reported in this mode.
         *
         * @param v source tables
         * @return this
         */
        public Builder tables(List<SourceTable> v) {
            this.tables.clear();
            this.tables.addAll(v);
            return this;
        }

        /** @param v source tables @return this @see #tables(List) */
        public Builder tables(SourceTable... v) {
            return tables(List.of(v));
        }

        /** @param v only consider source tables in these schemas (default: all non-system schemas) @return this */
        public Builder schemas(String... v) {
            this.schemas.clear();
            this.schemas.addAll(List.of(v));
            return this;
        }

        /** @param v the target: an {@link S3Target} (also set {@link #s3}) or a {@link JdbcTarget} @return this */
        public Builder target(Target v) {
            this.target = v;
            this.targetProblem = null;
            return this;
        }

        /**
         * The target as provisioned with dms-core: an S3 target endpoint, whose S3 settings (DMS's defaults for what
         * it leaves out) say where and how DMS writes. Also set {@link #s3(S3Client)}.
         *
         * <pre>{@code
         * Endpoint rawZone = Endpoint.s3("raw-zone").s3Settings(s -> s.bucketName("raw").bucketFolder("hub")
         *         .serviceAccessRoleArn(role)).build();
         * Verifier.builder().source(db).s3(s3).tableMappings(mappings).target(rawZone).build();
         * }</pre>
         *
         * @param endpoint the task's target endpoint definition
         * @return this
         */
        public Builder target(Endpoint endpoint) {
            this.target = null;
            this.targetProblem = null;
            if (endpoint == null) {
                this.targetProblem = "target(Endpoint) must not be null";
            } else if (endpoint.s3Settings().isEmpty()) {
                this.targetProblem = "target(Endpoint) '" + endpoint.identifier() + "' has no S3 settings; for a"
                        + " database target use target(JdbcTarget.of(dataSource, schema))";
            } else {
                try {
                    this.target = S3Target.fromEndpoint(endpoint).build();
                } catch (IllegalArgumentException e) {
                    this.targetProblem = "the S3 settings of endpoint '" + endpoint.identifier() + "' cannot be read: "
                            + e.getMessage();
                }
            }
            return this;
        }

        /**
         * The task and its target endpoint as provisioned with dms-core: the task's table mappings say which tables
         * to verify and the endpoint's S3 settings where to count them. To add DMS's table statistics, also set
         * {@link #dms(DatabaseMigrationClient)} and {@link #taskArn(String)}.
         *
         * <pre>{@code
         * Verifier.builder().source(db).s3(s3).task(ordersTask, rawZone).build().verifyRowCounts();
         * }</pre>
         *
         * @param task the replication task definition
         * @param targetEndpoint its target endpoint (the one {@code task.targetEndpoint()} names)
         * @return this
         */
        public Builder task(io.dmskit.core.ReplicationTask task, Endpoint targetEndpoint) {
            target(targetEndpoint);
            if (task == null) {
                this.targetProblem = "task(ReplicationTask, Endpoint) needs the task";
                return this;
            }
            this.mappings = task.tableMappings();
            this.mappingsProblem = null;
            if (targetEndpoint != null && !task.targetEndpoint().equals(targetEndpoint.identifier())) {
                this.targetProblem = "task '" + task.identifier() + "' writes to endpoint '" + task.targetEndpoint()
                        + "', not to '" + targetEndpoint.identifier() + "'";
            }
            return this;
        }

        /** @param v S3 client for an S3 target @return this */
        public Builder s3(S3Client v) {
            this.s3 = v;
            return this;
        }

        /** @param v DMS client, for table statistics and reading the task @return this */
        public Builder dms(DatabaseMigrationClient v) {
            this.dms = v;
            return this;
        }

        /** @param v the replication task's ARN @return this */
        public Builder taskArn(String v) {
            this.taskArn = v;
            return this;
        }

        /** @param v EXACT (default) or ESTIMATE @return this */
        public Builder countMode(CountMode v) {
            this.countMode = v;
            return this;
        }

        /** @param v tables verified at once (default 8) @return this */
        public Builder parallelism(int v) {
            this.parallelism = v;
            return this;
        }

        /** @param v timeout of each source/target COUNT query (default 10 min) @return this */
        public Builder queryTimeout(Duration v) {
            this.queryTimeout = v;
            return this;
        }

        /** @param v allowed difference for CDC lag (default exact) @return this */
        public Builder tolerance(Tolerance v) {
            this.tolerance = v;
            return this;
        }

        /** @param v progress listener @return this */
        public Builder listener(VerificationListener v) {
            this.listener = v;
            return this;
        }

        /** @param v clock for report and probe times (default UTC system clock) @return this */
        public Builder clock(Clock v) {
            this.clock = v;
            return this;
        }

        /** @param v whether to look for tables that exist only on the target (default true) @return this */
        public Builder checkExtraTables(boolean v) {
            this.checkExtraTables = v;
            return this;
        }

        /**
         * @return the verifier
         * @throws IllegalArgumentException listing every problem
         */
        public Verifier build() {
            List<String> p = new ArrayList<>();
            if (mappingsProblem != null) {
                p.add(mappingsProblem);
            }
            if (source == null) {
                p.add("source(DataSource) is required");
            }
            if (targetProblem != null) {
                p.add(targetProblem);
            }
            if (taskArn != null && dms == null) {
                p.add("taskArn is set but dms(DatabaseMigrationClient) is not");
            }
            if (dms != null && taskArn == null) {
                p.add("dms(...) is set but taskArn(...) is not");
            }
            if (target == null && targetProblem == null && (dms == null || taskArn == null)) {
                p.add("set target(S3Target/JdbcTarget) or dms(client) + taskArn(arn) to compare with");
            }
            if (target instanceof S3Target && s3 == null) {
                p.add("an S3Target needs s3(S3Client)");
            }
            if (mappings == null && mappingsProblem == null && tables.isEmpty() && (dms == null || taskArn == null)) {
                p.add("set tableMappings(...), tables(...) or dms(client) + taskArn(arn) to know which tables to verify");
            }
            if (countMode == null) {
                p.add("countMode must not be null");
            }
            if (parallelism < 1) {
                p.add("parallelism must be at least 1, was " + parallelism);
            }
            if (queryTimeout == null || queryTimeout.isNegative()) {
                p.add("queryTimeout must be zero (none) or positive");
            }
            if (tolerance == null) {
                p.add("tolerance must not be null");
            }
            if (listener == null) {
                p.add("listener must not be null");
            }
            if (clock == null) {
                p.add("clock must not be null");
            }
            if (!p.isEmpty()) {
                throw new IllegalArgumentException("invalid Verifier: " + String.join("; ", p));
            }
            return new Verifier(this);
        }
    }
}
