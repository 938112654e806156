package io.dmskit.verify;

import io.dmskit.core.Endpoint;
import io.dmskit.mappings.InvalidTableMappingsException;
import io.dmskit.mappings.TableMappings;
import io.dmskit.verify.internal.Database;
import io.dmskit.verify.internal.DmsTaskReader;
import io.dmskit.verify.internal.ProbeRunner;
import io.dmskit.verify.internal.TablePlan;
import io.dmskit.verify.internal.TablePlanner;
import io.dmskit.verify.internal.TableVerifier;
import io.dmskit.verify.internal.TargetReader;
import io.dmskit.verify.probe.CdcProbeOptions;
import io.dmskit.verify.report.DmsTableStatistics;
import io.dmskit.verify.report.TableVerification;
import io.dmskit.verify.report.Tolerance;
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
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
        this.planner = new TablePlanner(tables, schemas, sourceName);
        this.taskReader = new DmsTaskReader(dms, taskArn, s3);
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
        DmsTaskReader.TaskView task = taskReader.complete(mappings, target);
        Database db = openSource();
        TablePlan plan = planner.plan(db, task.mappings());
        LOG.info("Verifying {} table(s): source {} -> target {}", plan.size(), describeSource(db),
                describeTarget(task.target()));
        listener.tablesSelected(plan.size());
        Map<String, DmsTableStatistics> stats = taskReader.tableStatistics();
        List<TableVerification> results;
        try (TargetReader reader = task.target() == null ? null
                : TargetReader.open(task.target(), s3, listener, queryTimeout)) {
            results = new ArrayList<>(new TableVerifier(db, reader, stats, taskArn, countMode, queryTimeout, tolerance,
                    listener).verifyAll(plan, parallelism, checkExtraTables && tables.isEmpty()));
        }
        results.sort(Comparator.comparing(TableVerification::name));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        VerificationReport report = new VerificationReport(started.plus(elapsed), elapsed, describeSource(db),
                describeTarget(task.target()), taskArn, countMode, tolerance, results, null);
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
     * @return the result; {@link CdcProbeResult#assertSucceeded()} fails with what was looked for and where, and
     *         {@link CdcProbeResult#outcome()} says what the task's status and table statistics prove when a change
     *         was not seen (with a DMS client and task ARN)
     * @throws io.dmskit.verify.probe.CdcProbeException when the task's mappings do not replicate the probe table,
     *         or it is missing and creating it was not allowed
     */
    public CdcProbeResult probeCdc(CdcProbeOptions options) {
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
            problem(p, mappingsProblem != null, mappingsProblem);
            problem(p, source == null, "source(DataSource) is required");
            problem(p, targetProblem != null, targetProblem);
            problem(p, taskArn != null && dms == null, "taskArn is set but dms(DatabaseMigrationClient) is not");
            problem(p, dms != null && taskArn == null, "dms(...) is set but taskArn(...) is not");
            problem(p, target == null && targetProblem == null && (dms == null || taskArn == null),
                    "set target(S3Target/JdbcTarget) or dms(client) + taskArn(arn) to compare with");
            problem(p, target instanceof S3Target && s3 == null, "an S3Target needs s3(S3Client)");
            problem(p, mappings == null && mappingsProblem == null && tables.isEmpty()
                    && (dms == null || taskArn == null),
                    "set tableMappings(...), tables(...) or dms(client) + taskArn(arn) to know which tables to verify");
            problem(p, countMode == null, "countMode must not be null");
            problem(p, parallelism < 1, "parallelism must be at least 1, was " + parallelism);
            problem(p, queryTimeout == null || queryTimeout.isNegative(),
                    "queryTimeout must be zero (none) or positive");
            problem(p, tolerance == null, "tolerance must not be null");
            problem(p, listener == null, "listener must not be null");
            problem(p, clock == null, "clock must not be null");
            if (!p.isEmpty()) {
                throw new IllegalArgumentException("invalid Verifier: " + String.join("; ", p));
            }
            return new Verifier(this);
        }

        private static void problem(List<String> problems, boolean present, String problem) {
            if (present) {
                problems.add(problem);
            }
        }
    }
}
