package io.dmskit.examples;

import io.dmskit.core.DmsProvisioner;
import io.dmskit.core.Pipeline;
import io.dmskit.core.provision.ApplyResult;
import io.dmskit.core.provision.ConnectionTest;
import io.dmskit.core.provision.Plan;
import io.dmskit.core.provision.ResourceKind;
import io.dmskit.core.task.StartType;
import io.dmskit.core.endpoint.Secret;
import io.dmskit.examples.data.EcommerceSampleData;
import io.dmskit.examples.data.ScenarioSchemas;
import io.dmskit.examples.scenario.ConfigurationGuideScenario;
import io.dmskit.examples.scenario.ServerlessScenario;
import io.dmskit.examples.source.EmbeddedMariaDb;
import io.dmskit.examples.source.ServerSource;
import io.dmskit.examples.source.SourceDatabase;
import io.dmskit.observe.DmsObserver;
import io.dmskit.testkit.FakeClock;
import io.dmskit.testkit.FakeCloudWatch;
import io.dmskit.testkit.FakeCloudWatchLogs;
import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.FakeSecretsManager;
import io.dmskit.testkit.LocalS3;
import io.dmskit.engine.LocalReplicationEngine;
import io.dmskit.verify.CdcProbeResult;
import io.dmskit.verify.VerificationReport;
import io.dmskit.verify.Verifier;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The DMS configuration guide's scenario, end to end, on one machine with only a JDK: a real SQL source (an
 * embedded MariaDB, or your own MariaDB/MySQL/PostgreSQL server) filled with deterministic e-commerce data; a
 * pipeline provisioned with dms-core on {@link FakeDms} (a subnet group, a replication instance, a source endpoint
 * whose credentials live in {@link FakeSecretsManager}, five S3 targets on {@link LocalS3} and five
 * {@code full-load-and-cdc} tasks); the {@link LocalReplicationEngine} replicating for real; then dms-verify
 * comparing row counts of every table (source, S3 files, DMS table statistics) and probing CDC.
 *
 * <pre>
 * ./mvnw -B -q install -DskipTests &amp;&amp; ./mvnw -B -q -pl dms-examples exec:java
 * ./mvnw -B -q -pl dms-examples exec:java -Ddmskit.source=mariadb://127.0.0.1:3306
 * ./mvnw -B -q -pl dms-examples exec:java -Dexec.args="--source=postgresql://postgres@127.0.0.1:5432/test"
 * </pre>
 *
 * <p>Exit code 0 only when every table matches and the CDC probe was seen; see {@link QuickstartOptions}.
 */
public final class Quickstart {

    /** The binlog client logs every connection through java.util.logging at INFO; held so the level sticks. */
    /** The fake DMS publishes its AWS/DMS metrics this often in the quickstart (AWS: one minute). */
    static final Duration METRIC_PERIOD = Duration.ofSeconds(5);
    private static final java.util.logging.Logger BINLOG_LOGGER =
            java.util.logging.Logger.getLogger("com.github.shyiko.mysql.binlog");

    private final QuickstartOptions options;
    private final PrintStream out;
    private final long startNanos = System.nanoTime();

    private Quickstart(QuickstartOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /**
     * Runs the quickstart and exits with its exit code.
     *
     * @param args see {@link QuickstartOptions#parse}
     */
    public static void main(String[] args) {
        BINLOG_LOGGER.setLevel(java.util.logging.Level.WARNING);
        int code;
        try {
            if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
                System.out.println(QuickstartOptions.usage());
                System.exit(0);
            }
            QuickstartOptions options;
            try {
                options = QuickstartOptions.parse(args, System.getProperties(), System.getenv());
            } catch (IllegalArgumentException e) {
                System.err.println("quickstart: " + e.getMessage());
                System.err.println(QuickstartOptions.usage());
                System.exit(2);
                return;
            }
            code = run(options, System.out).exitCode();
        } catch (Exception e) {
            System.err.println("quickstart failed: " + e);
            e.printStackTrace(System.err);
            code = 1;
        }
        System.out.flush();
        // exit explicitly: exec:java would otherwise wait for the non-daemon threads of embedded servers
        System.exit(code);
    }

    /**
     * Runs the scenario.
     *
     * @param options what to run against
     * @param out where progress and reports go
     * @return what was found; {@link QuickstartResult#exitCode()} is 0 when all matched and the probe was seen
     * @throws Exception when a step cannot run at all (the source does not start, provisioning fails ...)
     */
    public static QuickstartResult run(QuickstartOptions options, PrintStream out) throws Exception {
        return new Quickstart(options, out).run();
    }

    private QuickstartResult run() throws Exception {
        out.println("dmskit quickstart: the DMS configuration guide's scenario, offline");
        ScenarioSchemas schemas = options.effectiveSchemaPrefix().isEmpty() ? ScenarioSchemas.GUIDE
                : ScenarioSchemas.withPrefix(options.effectiveSchemaPrefix());

        // the in-process S3 server takes a few seconds to start: start it while the source starts and fills
        CompletableFuture<LocalS3> s3Starting = CompletableFuture.supplyAsync(LocalS3::started);
        try {
            return run(schemas, s3Starting);
        } finally {
            s3Starting.thenAccept(LocalS3::close);
        }
    }

    private QuickstartResult run(ScenarioSchemas schemas, CompletableFuture<LocalS3> s3Starting) throws Exception {
        step(1, "Starting the source");
        try (SourceDatabase source = openSource(schemas)) {
            done(source.describe());

            step(2, "Loading sample e-commerce data");
            EcommerceSampleData data = EcommerceSampleData.of(options.scale(), EcommerceSampleData.DEFAULT_SEED);
            Map<String, Long> seeded = data.load(source.adminDataSource(), source.engine(), schemas);
            createProbeTable(source, schemas);
            source.prepareDmsLogin(java.util.List.of(schemas.ecommerce(), schemas.marketIntelligence()));
            long rows = seeded.values().stream().mapToLong(Long::longValue).sum();
            done(String.format(Locale.ROOT, "%,d rows in %d tables (%s, %s)", rows, seeded.size(),
                    schemas.ecommerce(), schemas.marketIntelligence()));

            step(3, "Starting the local AWS: FakeDms + FakeSecretsManager + LocalS3 + FakeCloudWatch (+ Logs) + local "
                    + "replication engine");
            FakeClock clock = FakeClock.create();
            LocalS3 s3 = s3Starting.join();
            try (WallClockDriver ticking = WallClockDriver.drive(clock);
                    LocalReplicationEngine engine = LocalReplicationEngine.builder().s3(s3.client()).build()) {
                FakeSecretsManager secrets = FakeSecretsManager.builder().clock(clock).build();
                FakeCloudWatch cloudWatch = FakeCloudWatch.builder().clock(clock).build();
                FakeCloudWatchLogs logs = FakeCloudWatchLogs.builder().clock(clock).build();
                try (FakeDms dms = FakeDms.builder().clock(clock).secretsManager(secrets)
                        .cloudWatch(cloudWatch).cloudWatchLogs(logs).metricPeriod(METRIC_PERIOD)
                        .replicationEngine(engine).build()) {
                    ConfigurationGuideScenario scenario = scenario(source, schemas);
                    scenario.buckets().forEach(s3::createBucket);
                    done("S3 at " + s3.endpoint() + ", buckets " + String.join(", ", scenario.buckets()));
                    QuickstartResult result = replicateAndVerify(source, scenario, dms, secrets, cloudWatch, s3, engine, seeded);
                    // -Ddmskit.serve=true: the same fakes stay reachable over HTTP (dms-local) until Ctrl-C
                    QuickstartEndpoint.serveIfAsked(dms, secrets, s3, scenario.buckets(),
                            ConfigurationGuideScenario.SECRET_NAME, out);
                    return result;
                }
            }
        }
    }

    private QuickstartResult replicateAndVerify(SourceDatabase source, ConfigurationGuideScenario scenario,
            FakeDms dms, FakeSecretsManager secrets, FakeCloudWatch cloudWatch, LocalS3 s3,
            LocalReplicationEngine engine, Map<String, Long> seeded) throws Exception {
        boolean serverless = options.serverless();
        step(4, "Provisioning the pipeline with dms-core (plan, apply" + (serverless
                ? "; DMS Serverless: five replication configs, no instance)" : ", test connections)"));
        Pipeline pipeline = serverless ? ServerlessScenario.of(scenario.pipeline()) : scenario.pipeline();
        Map<String, String> taskArns = new LinkedHashMap<>();
        try (DmsProvisioner provisioner = DmsProvisioner.builder().dms(dms).secrets(secrets)
                .pollInterval(Duration.ofMillis(100)).waitTimeout(Duration.ofMinutes(2)).build()) {
            Plan plan = provisioner.plan(pipeline);
            plan.render().lines().filter(l -> l.startsWith("Plan:")).forEach(l -> done(l));
            ApplyResult applied = provisioner.apply(pipeline);
            done("applied in " + millis(applied.elapsed()) + " with " + applied.awsCalls() + " AWS calls; source "
                    + "credentials in Secrets Manager as '" + ConfigurationGuideScenario.SECRET_NAME + "'");
            if (!serverless) {
                List<ConnectionTest> tests = provisioner.testConnections(pipeline);
                for (ConnectionTest t : tests) {
                    if (!t.successful()) {
                        throw new IllegalStateException("test connection of endpoint " + t.endpoint() + " from "
                                + t.replicationInstance() + " failed: " + t.lastFailureMessage());
                    }
                }
                done(tests.size() + " connection tests successful (the source login read from the secret)");
            }

            step(5, serverless ? "Starting the serverless replications (full-load-and-cdc; DMS provisions capacity)"
                    : "Starting the replication tasks (full-load-and-cdc)");
            Map<String, StartType> started = provisioner.start(pipeline);
            for (String system : ConfigurationGuideScenario.SYSTEMS) {
                String id = ConfigurationGuideScenario.taskId(system);
                taskArns.put(id, applied.arn(serverless ? ResourceKind.REPLICATION_CONFIG
                        : ResourceKind.REPLICATION_TASK, id));
            }
            done(started.size() + (serverless ? " replications" : " tasks") + " running (" + started.values()
                    .stream().distinct().map(Object::toString).collect(Collectors.joining(", ")) + ")");
        }
        if (serverless) {
            for (String arn : taskArns.values()) {   // the verifier reads a replication's progress as a task's
                Verifier.builder().source(source.adminDataSource()).dms(dms).replicationConfigArn(arn)
                        .s3(s3.client()).build().awaitFullLoad(options.fullLoadTimeout());
            }
            done("full load finished on " + taskArns.size() + " replications");
        } else {
            new FullLoadMonitor(dms, taskArns, out).awaitFullLoad(options.fullLoadTimeout());
        }

        step(6, "Verifying row counts with dms-verify (source vs S3 vs DMS table statistics)");
        DataSource verifySource = source.adminDataSource();
        Map<String, VerificationReport> reports = new LinkedHashMap<>();
        Map<String, Verifier> verifiers = new LinkedHashMap<>();
        for (Map.Entry<String, String> task : taskArns.entrySet()) {
            Verifier verifier = Verifier.builder().source(verifySource).sourceName(source.describe())
                    .dms(dms).taskArn(task.getValue()).s3(s3.client()).build();   // mappings + S3 target from DMS
            verifiers.put(task.getKey(), verifier);
            reports.put(task.getKey(), verifier.verifyRowCounts());
        }
        long matching = reports.values().stream().filter(VerificationReport::allMatch).count();
        done(matching + " of " + reports.size() + " tasks match on every table");

        step(7, "CDC probe: insert, update and delete a marker row, watch S3 for the changes");
        String probeTask = ConfigurationGuideScenario.taskId(ConfigurationGuideScenario.SYSTEMS.get(0));
        String cdcMode = engine.cdcModeOf(taskArns.get(probeTask)).orElse("none");
        done("the local engine captures changes by " + ("binlog".equals(cdcMode) ? "reading the binlog (ROW format)"
                : "logical".equals(cdcMode) ? "logical decoding" : cdcMode + (cdcMode.equals("polling")
                ? " (the source has no ROW binlog / logical decoding; a change undone between two polls is not "
                        + "captured)" : "")));
        Optional<CdcProbeResult> probe;
        try {
            CdcProbeResult result = verifiers.get(probeTask).probeCdc(o -> o
                    .schema(scenario.schemas().ecommerce()).table(ConfigurationGuideScenario.PROBE_TABLE)
                    .timeout(options.probeTimeout()));
            probe = Optional.of(result);
            reports.put(probeTask, reports.get(probeTask).withProbe(result));
            done(result.succeeded() ? "seen on " + probeTask + (result.maxLatency().map(d -> ", max latency "
                    + millis(d)).orElse("")) : "NOT seen: " + result.failureMessage().orElse("?"));
        } catch (RuntimeException e) {
            probe = Optional.empty();
            done("could not run: " + e.getMessage());
        }
        // what the task itself reports: AWS/DMS CDCLatencySource / CDCLatencyTarget through (fake) CloudWatch
        DmsObserver observer = DmsObserver.builder().dms(dms).cloudWatch(cloudWatch).clock(dms.clock())
                .metricPeriod(METRIC_PERIOD).build();
        Optional<Duration> reported = observer.cdcLatency(taskArns.get(probeTask));
        done("CDC latency " + probeTask + " reports through CloudWatch: " + reported.map(Quickstart::millis)
                .orElse("none reported") + " (" + METRIC_PERIOD.toSeconds() + " s metric period; the probe measured "
                + probe.flatMap(CdcProbeResult::maxLatency).map(Quickstart::millis).orElse("nothing") + ")");

        step(8, "Reports");
        for (Map.Entry<String, VerificationReport> r : reports.entrySet()) {
            out.println();
            out.println("== " + r.getKey());
            out.println(r.getValue().toText());
        }
        Path html = writeHtml(reports);
        QuickstartResult result = new QuickstartResult(source.describe(), seeded, reports, probe, cdcMode, html,
                Duration.ofNanos(System.nanoTime() - startNanos), reported, METRIC_PERIOD);
        out.println();
        out.println("HTML report: " + html.toAbsolutePath());
        out.println(result.exitCode() == 0
                ? "RESULT: OK - every table of every task matches and the CDC probe was seen (" + millis(
                        result.elapsed()) + ")"
                : "RESULT: FAILED - " + (result.allTablesMatch() ? "" : "some tables do not match; ")
                        + (result.probeSeen() ? "" : "the CDC probe was not seen"));
        return result;
    }

    private SourceDatabase openSource(ScenarioSchemas schemas) {
        if (options.embedded()) {
            return EmbeddedMariaDb.start(schemas.ecommerce());
        }
        return ServerSource.parse(options.source(), schemas.ecommerce());
    }

    private ConfigurationGuideScenario scenario(SourceDatabase source, ScenarioSchemas schemas) {
        String prefix = options.effectiveSchemaPrefix().replace('_', '-');
        return ConfigurationGuideScenario.builder()
                .sourceEngine(source.engine())
                .serverName(source.host())
                .port(source.port())
                .databaseName(source.endpointDatabaseName())
                .username(source.dmsUsername())
                .password(Secret.of(source.dmsPassword()))
                .schemas(schemas)
                .bucketPrefix(prefix + "ecommerce-")
                .cdcMaxBatchIntervalSeconds(1)
                .build();
    }

    /** The CDC probe's table (the layout dms-verify's probe writes), empty, selected by the first task. */
    private static void createProbeTable(SourceDatabase source, ScenarioSchemas schemas) throws Exception {
        String table = schemas.ecommerce() + "." + ConfigurationGuideScenario.PROBE_TABLE;
        String ts = source.engine().isMySqlFamily() ? "TIMESTAMP(6) NULL" : "TIMESTAMP(6)";
        try (Connection c = source.adminDataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + table + " (id VARCHAR(64) NOT NULL PRIMARY KEY, "
                    + "note VARCHAR(200), committed_at " + ts + ")");
        }
    }

    private Path writeHtml(Map<String, VerificationReport> reports) throws Exception {
        Path index = options.report().toAbsolutePath();
        Path dir = index.getParent();
        Files.createDirectories(dir);
        String base = index.getFileName().toString().replaceFirst("\\.html?$", "");
        StringBuilder links = new StringBuilder();
        for (Map.Entry<String, VerificationReport> r : reports.entrySet()) {
            Path page = dir.resolve(base + "-" + r.getKey() + ".html");
            r.getValue().writeHtml(page);
            VerificationReport report = r.getValue();
            links.append("<tr><td><a href=\"").append(page.getFileName()).append("\">").append(r.getKey())
                    .append("</a></td><td class=\"").append(report.allMatch() ? "ok" : "bad").append("\">")
                    .append(report.allMatch() ? "all tables match" : report.failures().size() + " tables differ")
                    .append("</td><td>").append(report.tables().size()).append("</td><td>")
                    .append(report.probe().map(p -> p.succeeded() ? "seen" : "NOT seen").orElse("-"))
                    .append("</td></tr>\n");
        }
        String html = "<!doctype html><html><head><meta charset=\"utf-8\"><title>dmskit quickstart</title>"
                + "<style>body{font-family:sans-serif;margin:2em}td,th{padding:.3em .8em;text-align:left}"
                + ".ok{color:#176b2c}.bad{color:#b00020;font-weight:bold}</style></head><body>"
                + "<h1>dmskit quickstart</h1><p>The DMS configuration guide's scenario: one report per replication "
                + "task.</p><table><tr><th>task</th><th>row counts</th><th>tables</th><th>CDC probe</th></tr>\n"
                + links + "</table></body></html>\n";
        Files.writeString(index, html, StandardCharsets.UTF_8);
        return index;
    }

    private void step(int n, String what) {
        out.printf(Locale.ROOT, "[%5.1fs] %d/8 %s ...%n", seconds(), n, what);
    }

    private void done(String what) {
        out.printf(Locale.ROOT, "[%5.1fs]       %s%n", seconds(), what);
    }

    private double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static String millis(Duration d) {
        return d.toMillis() < 10_000 ? d.toMillis() + " ms" : String.format(Locale.ROOT, "%.1f s",
                d.toMillis() / 1000.0);
    }
}
