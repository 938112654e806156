package io.dmskit.verify;

import io.dmskit.core.Endpoint;
import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.core.provision.ApplyResult;
import io.dmskit.core.provision.ResourceKind;
import io.dmskit.core.provision.Sleeper;
import io.dmskit.mappings.InvalidTableMappingsException;
import io.dmskit.mappings.TableMappings;
import io.dmskit.model.s3.S3FormatException;
import io.dmskit.verify.internal.CatchUpWaits;
import io.dmskit.verify.internal.CatchUpWaits.Round;
import io.dmskit.verify.internal.Checks;
import io.dmskit.verify.internal.ContentRun;
import io.dmskit.verify.internal.Database;
import io.dmskit.verify.internal.DmsTaskReader;
import io.dmskit.verify.internal.ProbeRunner;
import io.dmskit.verify.internal.ReportFormats;
import io.dmskit.verify.internal.TablePlan;
import io.dmskit.verify.internal.TablePlanner;
import io.dmskit.verify.internal.TableVerifier;
import io.dmskit.verify.internal.TargetReader;
import io.dmskit.verify.probe.CdcProbeOptions;
import io.dmskit.verify.report.DmsTableStatistics;
import io.dmskit.verify.report.TableVerification;
import io.dmskit.verify.report.Tolerance;
import io.dmskit.verify.report.VerificationStatus;
import io.dmskit.verify.source.CountMode;
import io.dmskit.verify.source.SourceTable;
import io.dmskit.verify.target.JdbcTarget;
import io.dmskit.verify.target.S3Target;
import io.dmskit.verify.target.Target;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.s3.S3Client;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
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
 * // from what the provisioner returned (the task's ARN, looked up by its identifier)
 * Verifier verifier = Verifier.builder().source(mysqlDataSource).s3(s3Client).dms(dmsClient)
 *         .task(provisioner.apply(pipeline), "orders-to-s3").build();
 * // or from the task ARN itself
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
 *
 * // a live full-load-and-cdc task: wait for the full load, then for CDC to catch up
 * verifier.awaitFullLoad(Duration.ofHours(1));
 * verifier.verifyWhenCaughtUp(Duration.ofMinutes(10)).assertAllMatch();
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
    private final Duration pollInterval;
    private final Sleeper sleeper;
    private final CdcLatency cdcLatency;
    private final TablePlanner planner;
    private final DmsTaskReader taskReader;

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
        this.pollInterval = b.pollInterval;
        this.sleeper = b.sleeper;
        this.cdcLatency = b.cdcLatency;
        this.planner = new TablePlanner(tables, schemas, sourceName);
        this.taskReader = new DmsTaskReader(dms, taskArn, s3);
    }

    /**
     * {@return a builder}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return a verifier built by the consumer}
     *
     * @param spec sets up the builder
     * @throws InvalidDefinitionException when spec is null, or listing every problem of the settings
     */
    public static Verifier of(Consumer<Builder> spec) {
        Checks.require(spec, "spec", "Verifier.of");
        Builder b = builder();
        spec.accept(b);
        return b.build();
    }

    /**
     * {@return a builder with this verifier's settings}
     */
    public Builder toBuilder() {
        Builder b = builder().source(source).sourceName(sourceName).tableMappings(mappings).tables(tables)
                .target(target).s3(s3).dms(dms).taskArn(taskArn).countMode(countMode).parallelism(parallelism)
                .queryTimeout(queryTimeout).tolerance(tolerance).listener(listener).clock(clock)
                .checkExtraTables(checkExtraTables).pollInterval(pollInterval).sleeper(sleeper)
                .cdcLatency(cdcLatency);
        b.schemas.addAll(schemas);
        return b;
    }

    /**
     * Counts every table the task replicates on the source, the target and in DMS's table statistics and compares
     * them, once, without waiting. Failures of single tables (a timeout, an unreadable object) become rows with
     * status {@code ERROR}. With a DMS task ({@code dms(..).taskArn(..)}), a table whose counts differ while DMS is
     * still loading it or applying changes to it is {@link io.dmskit.verify.report.VerificationStatus#PENDING}
     * (the rules are listed there), not {@code MISMATCH}; {@link #verifyWhenCaughtUp(Duration)} waits for those.
     *
     * @return the report
     * @throws VerificationException when verification cannot run at all (source unreachable, task not found, ...)
     */
    public VerificationReport verifyRowCounts() {
        Round round = verifyOnce(Map.of());
        LOG.info("Verification finished in {} ms: {}", round.report().elapsed().toMillis(), round.report());
        return round.report();
    }

    /**
     * Waits until the target has caught up with the source, then returns the report. "Caught up" means: no table
     * is {@code PENDING}, and, while the task is still active (not stopped or failed) or when no DMS task is known,
     * no table is {@code MISMATCH} or {@code MISSING_ON_TARGET} either: counts of a live task are given the whole
     * timeout to converge. A task that is stopped or failed delivers nothing more, so its differences are returned
     * at once as {@code MISMATCH}. With a DMS task, the wait begins with {@link #awaitFullLoad(Duration)}, within the
     * same timeout. Each round recounts every table, {@link Builder#pollInterval(Duration)} apart (the clock and the
     * {@link Builder#sleeper(Sleeper)} decide how time passes); a table whose DMS counters moved since the previous
     * round is {@code PENDING}. {@code ERROR} and {@code EXTRA_ON_TARGET} tables are not waited for; they are in
     * the report.
     *
     * <pre>{@code
     * verifier.verifyWhenCaughtUp(Duration.ofMinutes(10)).assertAllMatch();
     * }</pre>
     *
     * @param timeout how long to wait in all
     * @return the first report in which nothing is still expected to change
     * @throws VerificationTimeoutException at the timeout, naming every table still pending or different, with its
     *         counts and why, and carrying the last report
     * @throws VerificationException when the task failed or a table's full load failed
     * @throws InvalidDefinitionException when timeout is null, negative or longer than 366 days
     */
    public VerificationReport verifyWhenCaughtUp(Duration timeout) {
        requireTimeout(timeout, "verifyWhenCaughtUp");
        Instant start = clock.instant();
        Instant deadline = start.plus(timeout);
        if (taskReader.knowsTask()) {
            DmsTaskReader.TaskView task = taskReader.complete(mappings, target);
            waits().fullLoad(planner.plan(openSource(), task.mappings()), start, deadline, false);
        }
        return waits().caughtUp(start, deadline, this::verifyOnce);
    }

    /**
     * Reads the task's status, its task-level statistics and every table's statistics, once.
     *
     * @return the task's progress now
     * @throws VerificationException without {@code dms(..).taskArn(..)}, or when DMS cannot be read
     */
    public TaskProgress taskProgress() {
        requireTask("taskProgress()");
        return taskReader.progress(clock);
    }

    /**
     * Waits until the task's full load is complete for every table this verifier covers. A
     * {@code full-load-and-cdc} task stays {@code running} after its full load, so waiting for a status does not
     * tell; this reads DMS's own figures instead. Complete means both:
     * <ul>
     *   <li>the task says its full load has finished ({@link TaskProgress#fullLoadFinished()}:
     *       {@code FullLoadFinishDate} set, or {@code FullLoadProgressPercent} 100 with no table loading or
     *       queued, or a full-load stop reason; a {@code cdc} task has no full load), and</li>
     *   <li>every covered table that DMS lists is {@code Table completed} (a covered table DMS does not list is
     *       pending until the task's full load has finished; after that it is left to the count, which reports it
     *       {@code MISSING_ON_TARGET} if it is).</li>
     * </ul>
     * Polls every {@link Builder#pollInterval(Duration)} (DescribeReplicationTasks + DescribeTableStatistics).
     *
     * <pre>{@code
     * TaskProgress done = verifier.awaitFullLoad(Duration.ofHours(1));
     * verifier.verifyRowCounts().assertAllMatch();
     * }</pre>
     *
     * @param timeout how long to wait
     * @return the task's progress when its full load was seen complete
     * @throws VerificationTimeoutException at the timeout, naming the tables still loading or queued and the
     *         task's own figures
     * @throws VerificationException at once when the full load cannot complete any more: the task failed, it
     *         stopped before its full load finished, or a covered table is {@code Table error} /
     *         {@code Table cancelled}; also without {@code dms(..).taskArn(..)}
     * @throws InvalidDefinitionException when timeout is null, negative or longer than 366 days
     */
    public TaskProgress awaitFullLoad(Duration timeout) {
        requireTimeout(timeout, "awaitFullLoad");
        requireTask("awaitFullLoad(timeout)");
        Instant start = clock.instant();
        DmsTaskReader.TaskView task = taskReader.complete(mappings, target);
        return waits().fullLoad(planner.plan(openSource(), task.mappings()), start, start.plus(timeout), true);
    }

    private CatchUpWaits waits() {
        return new CatchUpWaits(clock, sleeper, pollInterval, taskReader, taskArn);
    }


    /** One verification; {@code earlier} are statistics from a previous round (empty for none). */
    private Round verifyOnce(Map<String, DmsTableStatistics> earlier) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        DmsTaskReader.TaskView task = taskReader.complete(mappings, target);
        Database db = openSource();
        TablePlan plan = planner.plan(db, task.mappings());
        LOG.debug("Verifying {} table(s): source {} -> target {}", plan.size(), describeSource(db),
                describeTarget(task.target()));
        listener.tablesSelected(plan.size());
        TaskProgress progress = taskReader.progress(clock);
        Map<String, DmsTableStatistics> stats = progress == null ? Map.of() : DmsTaskReader.byKey(progress.tables());
        Optional<Duration> latency = progress != null && progress.appliesCdc() ? latency() : Optional.empty();
        List<TableVerification> results;
        TaskProgress after = progress;
        try (TargetReader reader = task.target() == null ? null
                : TargetReader.open(task.target(), s3, listener, queryTimeout)) {
            TableVerifier verifier = new TableVerifier(db, reader, stats, taskArn, countMode, queryTimeout, tolerance,
                    listener, progress, earlier, latency);
            results = verifier.verifyAll(plan, parallelism, checkExtraTables && tables.isEmpty());
            if (progress != null && progress.isActive() && results.stream().anyMatch(t ->
                    t.status() == VerificationStatus.MISMATCH || t.status() == VerificationStatus.MISSING_ON_TARGET)) {
                after = taskReader.progress(clock);
                results = verifier.recheck(results, after);
            }
        }
        results = new ArrayList<>(results);
        results.sort(Comparator.comparing(TableVerification::name));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        VerificationReport report = new VerificationReport(started.plus(elapsed), elapsed, describeSource(db),
                describeTarget(task.target()), taskArn, countMode, tolerance, results, null);
        LOG.debug("Verification finished in {} ms: {}", elapsed.toMillis(), report);
        return new Round(report, after);
    }

    /** Content verification with this verifier's source, tables and target ({@link ContentVerifier#verify()}). */
    VerificationReport verifyContent(ContentRun.Settings settings, AtomicBoolean cancelled) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        DmsTaskReader.TaskView task = taskReader.complete(mappings, target);
        Database db = openSource();
        List<TableVerification> results = new ArrayList<>(new ContentRun(db, task.target(), s3, settings.withDefaults(
                parallelism, queryTimeout), listener, cancelled).verifyAll(planner.plan(db, task.mappings())));
        results.sort(Comparator.comparing(TableVerification::name));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        return new VerificationReport(started.plus(elapsed), elapsed, describeSource(db),
                describeTarget(task.target()), taskArn, CountMode.EXACT, Tolerance.EXACT, results, null);
    }

    private Optional<Duration> latency() {
        try {
            return cdcLatency.latency(taskArn);
        } catch (RuntimeException e) {
            LOG.warn("CDC latency of {} unknown: {}", taskArn, e.getMessage());
            return Optional.empty();
        }
    }

    private void requireTask(String what) {
        if (!taskReader.knowsTask()) {
            throw new VerificationException(what + " reads the task's progress from DMS: set dms(client) and"
                    + " taskArn(arn) (or task(applyResult, taskIdentifier))", sourceName, what, null);
        }
    }

    private static void requireTimeout(Duration timeout, String method) {
        if (timeout == null || timeout.isNegative() || timeout.compareTo(Builder.MAX_WAIT) > 0) {
            throw Checks.invalid("Verifier." + method, "timeout", "timeout must be zero or positive, at most "
                    + Builder.MAX_WAIT + ", was " + timeout);
        }
    }

    /**
     * Runs the CDC probe with default options (table {@code dmskit_probe} in the first schema the task replicates,
     * which must already exist).
     */
    public CdcProbeResult probeCdc() {
        return probeCdc(CdcProbeOptions.defaults());
    }

    /**
     * Runs the CDC probe with options built by the consumer.
     *
     * @param options sets up the options
     * @return the result, see {@link #probeCdc(CdcProbeOptions)}
     * @throws InvalidDefinitionException when options is null or the options are invalid
     */
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
     * @return the result; {@link CdcProbeResult#assertSucceeded()} fails with what was looked for and where, and
     *         {@link CdcProbeResult#outcome()} says what the task's status and table statistics prove when a change
     *         was not seen (with a DMS client and task ARN)
     * @throws io.dmskit.verify.probe.CdcProbeException when the task's mappings do not replicate the probe table,
     *         or it is missing and creating it was not allowed
     * @throws InvalidDefinitionException when options is null
     */
    public CdcProbeResult probeCdc(CdcProbeOptions options) {
        Checks.require(options, "options", "Verifier.probeCdc");
        DmsTaskReader.TaskView task = taskReader.complete(mappings, target);
        if (task.target() == null) {
            throw new VerificationException("the CDC probe needs a target to watch (S3 or JDBC); set target(...)",
                    taskArn, "probeCdc", null);
        }
        Database db = openSource();
        String schema = options.schema();
        if (schema == null) {
            schema = planner.firstReplicatedSchema(db, task.mappings());
        }
        return new ProbeRunner(db, task.mappings(), task.target(), s3, clock, listener, taskReader)
                .run(schema, options);
    }

    private Database openSource() {
        try {
            return Database.detect(source);
        } catch (SQLException e) {
            throw new VerificationException("cannot connect to the source database: " + e.getMessage(),
                    sourceName, "connect", e);
        }
    }

    private String describeSource(Database db) {
        return sourceName != null ? sourceName : db.product();
    }

    private String describeTarget(Target t) {
        return t != null ? t.describe() : "DMS table statistics";
    }

    @Override
    public String toString() {
        return "Verifier{source=" + (sourceName == null ? "jdbc" : sourceName) + ", target="
                + describeTarget(target) + (taskArn == null ? "" : ", task=" + taskArn) + ", mode=" + countMode + "}";
    }

    /**
     * Builder; setters store what they are given (null unsets, or restores the default) and {@link #build()} reports
     * every missing, invalid or conflicting setting at once in one {@link InvalidDefinitionException}.
     */
    public static final class Builder {
        /** Most tables verified at once. */
        private static final int MAX_PARALLELISM = 1024;
        /** Longest poll interval accepted. */
        private static final Duration MAX_POLL = Duration.ofDays(1);
        /** Longest query timeout and wait accepted (deadlines computed from the clock never overflow). */
        static final Duration MAX_WAIT = Duration.ofDays(366);
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
        private Duration pollInterval = Duration.ofSeconds(15);
        private Sleeper sleeper = Sleeper.threadSleep();
        private CdcLatency cdcLatency = CdcLatency.UNKNOWN;
        private String mappingsProblem;
        private String taskProblem;
        private String targetProblem;

        private Builder() {
        }

        /**
         * Sets {@code source}: the source database (required); only read from, except by the CDC probe.
         *
         * @param v the source database (required); only read from, except by the CDC probe
         * @return this
         */
        public Builder source(DataSource v) {
            this.source = v;
            return this;
        }

        /**
         * Sets {@code sourceName}: how the source is named in reports (default: product and version); no secrets.
         *
         * @param v how the source is named in reports (default: product and version); no secrets
         * @return this
         */
        public Builder sourceName(String v) {
            this.sourceName = v;
            return this;
        }

        /**
         * Sets {@code tableMappings}: the task's table mappings; when absent they are read from the task.
         *
         * @param v the task's table mappings; when absent they are read from the task
         * @return this
         */
        public Builder tableMappings(TableMappings v) {
            this.mappings = v;
            return this;
        }

        /**
         * Sets {@code tableMappings}: the task's table-mappings JSON.
         *
         * @param json the task's table-mappings JSON
         * @return this
         */
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
            if (v != null) {
                this.tables.addAll(v);
            }
            return this;
        }

        /**
         * Sets {@code tables}: source tables (null: none).
         *
         * @param v source tables (null: none)
         * @return this @see #tables(List)
         */
        public Builder tables(SourceTable... v) {
            return tables(v == null ? null : Arrays.asList(v));
        }

        /**
         * Sets {@code schemas}: only consider source tables in these schemas (default, and null: all non-system schemas).
         *
         * @param v only consider source tables in these schemas (default, and null: all non-system schemas)
         * @return this
         */
        public Builder schemas(String... v) {
            this.schemas.clear();
            if (v != null) {
                this.schemas.addAll(Arrays.asList(v));
            }
            return this;
        }

        /**
         * Sets {@code target}: the target: an {@link S3Target} (also set {@link #s3}) or a {@link JdbcTarget}.
         *
         * @param v the target: an {@link S3Target} (also set {@link #s3}) or a {@link JdbcTarget}
         * @return this
         */
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
                } catch (InvalidDefinitionException | S3FormatException e) {
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

        /**
         * The DMS Serverless replication config and its target endpoint as provisioned with dms-core: as
         * {@link #task(io.dmskit.core.ReplicationTask, Endpoint)}, the config's table mappings say which tables to
         * verify and the endpoint's S3 settings where. For DMS's table statistics also set
         * {@link #dms(DatabaseMigrationClient)} and {@link #replicationConfigArn(String)}.
         *
         * @param config the replication config definition
         * @param targetEndpoint its target endpoint
         * @return this
         */
        public Builder replicationConfig(io.dmskit.core.ReplicationConfig config, Endpoint targetEndpoint) {
            target(targetEndpoint);
            if (config == null) {
                this.targetProblem = "replicationConfig(ReplicationConfig, Endpoint) needs the config";
                return this;
            }
            this.mappings = config.tableMappings();
            this.mappingsProblem = null;
            if (targetEndpoint != null && !config.targetEndpoint().equals(targetEndpoint.identifier())) {
                this.targetProblem = "replication config '" + config.identifier() + "' writes to endpoint '"
                        + config.targetEndpoint() + "', not to '" + targetEndpoint.identifier() + "'";
            }
            return this;
        }

        /**
         * A DMS Serverless replication config's ARN: the verifier reads its table mappings, target, status and
         * table statistics (DescribeReplicationConfigs, DescribeReplications, DescribeReplicationTableStatistics)
         * as it does a task's. Also set {@link #dms(DatabaseMigrationClient)}.
         *
         * @param v the ARN ({@code arn:aws:dms:<region>:<account>:replication-config:...})
         * @return this
         */
        public Builder replicationConfigArn(String v) {
            this.taskArn = v;
            this.taskProblem = v == null || v.contains(":replication-config:") ? null : "replicationConfigArn "
                    + v + " is not a replication config ARN (arn:aws:dms:<region>:<account>:replication-config:...)";
            return this;
        }

        /**
         * The DMS Serverless replication config as the provisioner created it, looked up by identifier in what
         * {@code DmsProvisioner.apply} returned. Also set {@link #dms(DatabaseMigrationClient)}.
         *
         * <pre>{@code
         * Verifier.builder().source(db).s3(s3).dms(dmsClient).replicationConfig(applied, "orders-to-s3").build();
         * }</pre>
         *
         * @param applied the result of {@code DmsProvisioner.apply(..)}
         * @param configIdentifier the replication config's identifier
         * @return this
         */
        public Builder replicationConfig(ApplyResult applied, String configIdentifier) {
            this.taskArn = applied == null || configIdentifier == null ? null
                    : applied.arn(ResourceKind.REPLICATION_CONFIG, configIdentifier);
            this.taskProblem = taskArn != null ? null : applied == null || configIdentifier == null
                    ? "replicationConfig(ApplyResult, String) needs the apply result and the config identifier"
                    : "the apply result has no replication config '" + configIdentifier + "'";
            return this;
        }

        /**
         * Sets {@code s3}: S3 client for an S3 target.
         *
         * @param v S3 client for an S3 target
         * @return this
         */
        public Builder s3(S3Client v) {
            this.s3 = v;
            return this;
        }

        /**
         * Sets {@code dms}: DMS client, for table statistics and reading the task.
         *
         * @param v DMS client, for table statistics and reading the task
         * @return this
         */
        public Builder dms(DatabaseMigrationClient v) {
            this.dms = v;
            return this;
        }

        /**
         * The replication task's ARN. To take it from what the provisioner returned, use
         * {@link #task(ApplyResult, String)}, or {@code applyResult.arn(ResourceKind.REPLICATION_TASK, identifier)}.
         *
         * @param v the ARN
         * @return this
         */
        public Builder taskArn(String v) {
            this.taskArn = v;
            this.taskProblem = null;
            return this;
        }

        /**
         * The task as the provisioner created it: its ARN is looked up in what {@code DmsProvisioner.apply}
         * returned, by the task identifier given to {@code ReplicationTask.of(..)}. Also set
         * {@link #dms(DatabaseMigrationClient)}; the table mappings and the S3 target are then read from the task.
         *
         * <pre>{@code
         * ApplyResult applied = provisioner.apply(pipeline);
         * Verifier.builder().source(db).s3(s3).dms(dmsClient).task(applied, "orders-to-s3").build();
         * }</pre>
         *
         * @param applied the result of {@code DmsProvisioner.apply(..)}
         * @param taskIdentifier the task's identifier
         * @return this
         */
        public Builder task(ApplyResult applied, String taskIdentifier) {
            this.taskArn = null;
            this.taskProblem = null;
            if (applied == null || taskIdentifier == null) {
                this.taskProblem = "task(ApplyResult, String) needs the apply result and the task identifier";
                return this;
            }
            String arn = applied.arn(ResourceKind.REPLICATION_TASK, taskIdentifier);
            if (arn == null) {
                String prefix = ResourceKind.REPLICATION_TASK.name() + ":";
                List<String> known = applied.arns().keySet().stream().filter(k -> k.startsWith(prefix))
                        .map(k -> k.substring(prefix.length())).sorted().toList();
                this.taskProblem = "the apply result has no replication task '" + taskIdentifier + "' (its tasks: "
                        + (known.isEmpty() ? "none" : String.join(", ", known)) + ")";
            }
            this.taskArn = arn;
            return this;
        }

        /**
         * Sets {@code countMode}: EXACT (default) or ESTIMATE.
         *
         * @param v EXACT (default) or ESTIMATE
         * @return this
         */
        public Builder countMode(CountMode v) {
            this.countMode = v;
            return this;
        }

        /**
         * Sets {@code parallelism}: tables verified at once (default 8).
         *
         * @param v tables verified at once (default 8)
         * @return this
         */
        public Builder parallelism(int v) {
            this.parallelism = v;
            return this;
        }

        /**
         * Sets {@code queryTimeout}: timeout of each source/target COUNT query (default 10 min).
         *
         * @param v timeout of each source/target COUNT query (default 10 min)
         * @return this
         */
        public Builder queryTimeout(Duration v) {
            this.queryTimeout = v;
            return this;
        }

        /**
         * Sets {@code tolerance}: allowed difference for CDC lag (default exact).
         *
         * @param v allowed difference for CDC lag (default exact)
         * @return this
         */
        public Builder tolerance(Tolerance v) {
            this.tolerance = v;
            return this;
        }

        /**
         * Sets {@code listener}: progress listener.
         *
         * @param v progress listener
         * @return this
         */
        public Builder listener(VerificationListener v) {
            this.listener = v;
            return this;
        }

        /**
         * Sets {@code clock}: clock for report and probe times (default UTC system clock).
         *
         * @param v clock for report and probe times (default UTC system clock)
         * @return this
         */
        public Builder clock(Clock v) {
            this.clock = v;
            return this;
        }

        /**
         * Sets {@code checkExtraTables}: whether to look for tables that exist only on the target (default true).
         *
         * @param v whether to look for tables that exist only on the target (default true)
         * @return this
         */
        public Builder checkExtraTables(boolean v) {
            this.checkExtraTables = v;
            return this;
        }

        /**
         * Sets {@code pollInterval}: time between two polls of {@link Verifier#awaitFullLoad(Duration)} and {@link
         * Verifier#verifyWhenCaughtUp(Duration)} (default 15 s; each round of the latter recounts).
         *
         * @param v time between two polls of {@link Verifier#awaitFullLoad(Duration)} and
         *          {@link Verifier#verifyWhenCaughtUp(Duration)} (default 15 s; each round of the latter recounts)
         * @return this
         */
        public Builder pollInterval(Duration v) {
            this.pollInterval = v;
            return this;
        }

        /**
         * Sets {@code sleeper}: how the waits pause between polls (default: sleep the thread); with a fake clock, pass one
         * that advances it ({@code fakeClock::sleep}) together with {@link #clock(Clock)}.
         *
         * @param v how the waits pause between polls (default: sleep the thread); with a fake clock, pass one that
         *          advances it ({@code fakeClock::sleep}) together with {@link #clock(Clock)}
         * @return this
         */
        public Builder sleeper(Sleeper v) {
            this.sleeper = v;
            return this;
        }

        /**
         * Sets {@code cdcLatency}: where the task's CDC latency comes from, e.g. CloudWatch (default: not known); a
         * latency above zero makes a differing table of an active CDC task {@code PENDING}.
         *
         * @param v where the task's CDC latency comes from, e.g. CloudWatch (default: not known); a latency above zero
         *          makes a differing table of an active CDC task {@code PENDING}
         * @return this
         */
        public Builder cdcLatency(CdcLatency v) {
            this.cdcLatency = v;
            return this;
        }

        /**
         * {@return the verifier}
         *
         * @throws InvalidDefinitionException listing every problem, each naming the setting
         */
        public Verifier build() {
            Checks.Problems p = new Checks.Problems("Verifier");
            p.add(mappingsProblem != null, "tableMappings", mappingsProblem);
            p.add(source == null, "source", "source(DataSource) is required");
            p.add(targetProblem != null, "target", targetProblem);
            p.add(taskProblem != null, "taskArn", taskProblem);
            p.add(taskArn != null && dms == null, "dms", "taskArn is set but dms(DatabaseMigrationClient) is not");
            p.add(dms != null && taskArn == null && taskProblem == null, "taskArn",
                    "dms(...) is set but taskArn(...) is not");
            p.add(target == null && targetProblem == null && taskProblem == null && (dms == null || taskArn == null),
                    "target", "set target(S3Target/JdbcTarget) or dms(client) + taskArn(arn) to compare with");
            p.add(target instanceof S3Target && s3 == null, "s3", "an S3Target needs s3(S3Client)");
            p.add(mappings == null && mappingsProblem == null && taskProblem == null && tables.isEmpty()
                    && (dms == null || taskArn == null), "tableMappings",
                    "set tableMappings(...), tables(...) or dms(client) + taskArn(arn) to know which tables to verify");
            for (int i = 0; i < tables.size(); i++) {
                p.add(tables.get(i) == null, "tables[" + i + "]", "is null");
            }
            int i = 0;
            for (String schema : schemas) {
                p.add(schema == null || schema.isBlank(), "schemas[" + i + "]", "is " + Checks.show(schema)
                        + "; name a schema");
                i++;
            }
            p.add(countMode == null, "countMode", "countMode must not be null");
            p.add(parallelism < 1 || parallelism > MAX_PARALLELISM, "parallelism",
                    "parallelism must be 1.." + MAX_PARALLELISM + ", was " + parallelism);
            p.add(queryTimeout == null || queryTimeout.isNegative() || queryTimeout.compareTo(MAX_WAIT) > 0,
                    "queryTimeout", "queryTimeout must be zero (none) or positive, at most " + MAX_WAIT + ", was "
                    + queryTimeout);
            p.add(tolerance == null, "tolerance", "tolerance must not be null");
            p.add(listener == null, "listener", "listener must not be null");
            p.add(clock == null, "clock", "clock must not be null");
            p.add(pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()
                    || pollInterval.compareTo(MAX_POLL) > 0, "pollInterval",
                    "pollInterval must be positive, at most " + MAX_POLL + ", was " + pollInterval);
            p.add(sleeper == null, "sleeper", "sleeper must not be null");
            p.add(cdcLatency == null, "cdcLatency", "cdcLatency must not be null (CdcLatency.UNKNOWN when not known)");
            p.throwIfAny();
            return new Verifier(this);
        }
    }
}
