package io.dmskit.verify;

import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.core.DmsProvisioner;
import io.dmskit.core.Endpoint;
import io.dmskit.core.Pipeline;
import io.dmskit.core.ReplicationInstance;
import io.dmskit.core.endpoint.Secret;
import io.dmskit.core.exception.WaitTimeoutException;
import io.dmskit.core.provision.ApplyResult;
import io.dmskit.core.task.MigrationType;
import io.dmskit.model.StopReason;
import io.dmskit.model.TaskStatus;
import io.dmskit.testkit.FakeClock;
import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.TaskControl;
import io.dmskit.testkit.Timings;
import io.dmskit.verify.report.TableVerification;
import io.dmskit.verify.report.VerificationStatus;
import io.dmskit.verify.source.SourceCount;
import io.dmskit.verify.source.SourceTable;
import io.dmskit.model.s3.S3DataFormat;
import io.dmskit.verify.support.DmsS3Fixtures;
import io.dmskit.verify.support.DmsS3Fixtures.ParquetSpec;
import io.dmskit.verify.support.ScriptedTime;
import io.dmskit.verify.support.SharedS3;
import io.dmskit.verify.target.S3Target;
import software.amazon.awssdk.services.s3.S3Client;
import io.dmskit.verify.support.TestDatabases;
import io.dmskit.verify.target.JdbcTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.dmskit.core.provision.ResourceKind;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

import static io.dmskit.verify.support.DmsS3Fixtures.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A full-load-and-cdc task provisioned with {@link DmsProvisioner} on FakeDms (its data plane scripted over virtual
 * time), a real MariaDB source and a real PostgreSQL target: waiting for the full load of a task that stays
 * {@code running}, CDC lag reported as PENDING until the target catches up, and a stopped task's difference
 * reported as MISMATCH.
 */
@DisplayName("Waiting for full load and CDC catch-up; PENDING versus MISMATCH")
class CatchUpAndPendingTest {

    private static final DataSource SRC = TestDatabases.mariadb();
    private static final DataSource PG = TestDatabases.postgres();

    private String schema;
    private FakeClock clock;
    private FakeDms fake;
    private DmsProvisioner provisioner;
    private ScriptedTime time;
    private ApplyResult applied;

    @BeforeEach
    void setUp() {
        schema = TestDatabases.uniqueName("catchup");
        TestDatabases.createSchema(SRC, schema);
        TestDatabases.createSchema(PG, schema);
        TestDatabases.createTable(SRC, schema, "orders", 100, false);
        TestDatabases.createTable(PG, schema, "orders", 100, true);
        TestDatabases.createTable(SRC, schema, "customers", 20, false);
        TestDatabases.createTable(PG, schema, "customers", 20, true);
        clock = FakeClock.startingAt(Instant.parse("2026-03-01T10:00:00Z"));
        fake = FakeDms.builder().clock(clock).timings(Timings.instant().with(b -> b.fullLoadScripted())).build();
        time = new ScriptedTime(clock);
    }

    @AfterEach
    void tearDown() {
        if (provisioner != null) {
            provisioner.close();
        }
        fake.close();
        TestDatabases.dropSchema(SRC, schema, false);
        TestDatabases.dropSchema(PG, schema, true);
    }

    /** Provisions and starts the task the way a user does; returns its scripted data plane. */
    private TaskControl start(MigrationType type) {
        String mappings = """
                {"rules":[{"rule-type":"selection","rule-id":"1","rule-name":"shop","object-locator":
                {"schema-name":"%s","table-name":"%%"},"rule-action":"include"}]}""".formatted(schema);
        Pipeline pipeline = Pipeline.builder("catchup")
                .instance(ReplicationInstance.builder("cu-instance").instanceClass("dms.t3.medium").build())
                .endpoint(Endpoint.mariadb("cu-source").source().serverName("127.0.0.1").port(3306)
                        .password("root", Secret.of("not-used-1")).build())
                .endpoint(Endpoint.postgres("cu-target").target().serverName("127.0.0.1").port(5432)
                        .databaseName("test").password("postgres", Secret.of("not-used-2")).build())
                .task("cu-task", t -> t.source("cu-source").target("cu-target").replicationInstance("cu-instance")
                        .migrationType(type).tableMappings(mappings))
                .build();
        provisioner = DmsProvisioner.builder().dms(fake).clock(clock).sleeper(clock::sleep)
                .pollInterval(Duration.ofSeconds(5)).waitTimeout(Duration.ofMinutes(10)).build();
        applied = provisioner.apply(pipeline);
        provisioner.start("cu-task");
        assertThat(fake.task("cu-task").status()).isEqualTo("running");
        return fake.task("cu-task");
    }

    private Verifier.Builder verifier() {
        return Verifier.builder().source(SRC).target(JdbcTarget.of(PG, "postgresql://127.0.0.1/test"))
                .dms(fake).task(applied, "cu-task")                   // the ARN from what apply returned
                .clock(clock).sleeper(time).pollInterval(Duration.ofSeconds(10));
    }

    /** Full load done for both tables, then CDC. */
    private TaskControl loaded() {
        TaskControl task = start(MigrationType.FULL_LOAD_AND_CDC);
        task.tableStatistics(schema, "orders", s -> s.tableState("Full load").fullLoadRows(100L))
                .tableStatistics(schema, "customers", s -> s.tableState("Full load").fullLoadRows(20L))
                .finishFullLoad();
        return task;
    }

    private void insertRows(DataSource ds, int from, int to) {
        TestDatabases.exec(ds, "INSERT INTO " + schema + ".orders (id, name, region) SELECT n, 'late', 'EU' FROM ("
                + numbers(from, to) + ") s");
    }

    private static String numbers(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i <= to; i++) {
            sb.append(i == from ? "" : " UNION ALL ").append("SELECT ").append(i).append(" AS n");
        }
        return sb.toString();
    }

    @Test
    @DisplayName("awaitFullLoad waits for the tables of a full-load-and-cdc task that stays running")
    void awaitFullLoadOnRunningTask() {
        TaskControl task = start(MigrationType.FULL_LOAD_AND_CDC);
        task.tableStatistics(schema, "orders", s -> s.tableState("Full load").fullLoadRows(40L))
                .tableStatistics(schema, "customers", s -> s.tableState("Before load"));
        time.at(Duration.ofMinutes(1), () -> task.tableStatistics(schema, "orders",
                        s -> s.tableState("Table completed").fullLoadRows(100L)))
                .at(Duration.ofMinutes(2), () -> task.tableStatistics(schema, "customers",
                        s -> s.tableState("Full load").fullLoadRows(20L)).finishFullLoad());
        Instant t0 = clock.instant();

        TaskProgress done = verifier().build().awaitFullLoad(Duration.ofMinutes(10));

        assertThat(done.status()).isEqualTo(TaskStatus.RUNNING);      // a status wait could not have told
        assertThat(done.fullLoadFinished()).isTrue();
        assertThat(done.fullLoadFinishDate()).isPresent();
        assertThat(done.table(schema, "customers").orElseThrow().isCompleted()).isTrue();
        assertThat(Duration.between(t0, clock.instant())).isBetween(Duration.ofMinutes(2),
                Duration.ofMinutes(2).plusSeconds(10));
        assertThat(provisioner.describeTask("cu-task").orElseThrow().status()).isEqualTo(TaskStatus.RUNNING);
    }

    @Test
    @DisplayName("awaitFullLoad times out with a typed error naming the tables still loading")
    void awaitFullLoadTimesOut() {
        start(MigrationType.FULL_LOAD_AND_CDC)
                .tableStatistics(schema, "orders", s -> s.tableState("Full load").fullLoadRows(40L))
                .tableStatistics(schema, "customers", s -> s.tableState("Table completed").fullLoadRows(20L));
        Instant t0 = clock.instant();

        VerificationTimeoutException e = catchThrowableOfType(VerificationTimeoutException.class,
                () -> verifier().build().awaitFullLoad(Duration.ofMinutes(3)));

        assertThat(e).isInstanceOf(WaitTimeoutException.class);
        assertThat(e.condition()).isEqualTo("full load complete");
        assertThat(e.pending()).anyMatch(p -> p.startsWith(schema + ".orders: 'Full load'"))
                .noneMatch(p -> p.contains("customers"));
        assertThat(e.getMessage()).contains("not full load complete after PT3M").contains("orders: 'Full load'")
                .contains("running");
        assertThat(e.lastProgress().orElseThrow().fullLoadFinished()).isFalse();
        assertThat(Duration.between(t0, clock.instant())).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    @DisplayName("a table in error ends the full-load wait at once")
    void tableErrorEndsTheWait() {
        start(MigrationType.FULL_LOAD_AND_CDC)
                .tableStatistics(schema, "orders", s -> s.tableState("Full load"))
                .tableStatistics(schema, "customers", s -> s.tableState("Table error"));

        assertThatThrownBy(() -> verifier().build().awaitFullLoad(Duration.ofMinutes(30)))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining(schema + ".customers is 'Table error'")
                .hasMessageContaining("replication task 'cu-task' (" + applied.arn(ResourceKind.REPLICATION_TASK,
                        "cu-task") + ")");
        assertThat(time.sleeps()).isZero();
    }

    @Test
    @DisplayName("CDC lag is PENDING, not MISMATCH; verifyWhenCaughtUp returns MATCH once the target has caught up")
    void lagIsPendingThenMatches() {
        TaskControl task = loaded();
        insertRows(SRC, 101, 105);
        task.tableStatistics(schema, "orders", s -> s.inserts(5L));  // DMS captured them; not applied yet

        VerificationReport lagging = verifier().build().verifyRowCounts();

        TableVerification orders = lagging.table(schema, "orders").orElseThrow();
        assertThat(orders.status()).isEqualTo(VerificationStatus.PENDING);
        assertThat(orders.sourceRowCount()).hasValue(105);
        assertThat(orders.targetRowCount()).hasValue(100);
        assertThat(orders.statusReason()).get().asString()
                .contains("DMS has captured changes the target does not show yet").contains("imply 105 rows");
        assertThat(lagging.table(schema, "customers").orElseThrow().status()).isEqualTo(VerificationStatus.MATCH);
        assertThat(lagging.pending()).containsExactly(orders);
        lagging.assertNoMismatch();
        assertThatThrownBy(lagging::assertAllMatch).isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 of 2 tables are still PENDING")
                .hasMessageContaining(schema + ".orders: PENDING (DMS has captured")
                .hasMessageNotContaining("do not match");
        assertThat(lagging.toText()).contains("PENDING: DMS is still loading or applying changes to 1 table(s)");
        assertThat(lagging.toJson()).contains("\"PENDING\"").contains("\"statusReason\"");

        time.at(Duration.ofSeconds(45), () -> insertRows(PG, 101, 105));
        Instant t0 = clock.instant();
        VerificationReport caughtUp = verifier().build().verifyWhenCaughtUp(Duration.ofMinutes(5));

        assertThat(caughtUp.table(schema, "orders").orElseThrow().status()).isEqualTo(VerificationStatus.MATCH);
        caughtUp.assertAllMatch();
        assertThat(Duration.between(t0, clock.instant())).isBetween(Duration.ofSeconds(45), Duration.ofSeconds(60));
    }

    @Test
    @DisplayName("a wait logs its outcome once at INFO: no line per round, no second 'full load complete'")
    void waitsAreQuietAtInfo() {
        TaskControl task = loaded();
        insertRows(SRC, 101, 105);
        task.tableStatistics(schema, "orders", s -> s.inserts(5L));
        time.at(Duration.ofSeconds(45), () -> insertRows(PG, 101, 105));
        Verifier verifier = verifier().build();
        assertThat(verifier.verifyRowCounts()).hasToString("VerificationReport{2 tables, 1 match, 1 pending, "
                + "0 not matching}");

        List<String> info = infoLinesOf("io.dmskit.verify", () -> {
            verifier.awaitFullLoad(Duration.ofMinutes(5));
            verifier.verifyWhenCaughtUp(Duration.ofMinutes(5)).assertAllMatch();
        });

        assertThat(time.sleeps()).isGreaterThanOrEqualTo(4);          // several rounds were counted
        assertThat(info).hasSize(2);
        assertThat(info.get(0)).contains("Full load of 'cu-task' (" + applied.arn(ResourceKind.REPLICATION_TASK,
                "cu-task") + ") complete");
        assertThat(info.get(1)).contains("Caught up after").contains("2 tables, 2 match, 0 not matching");
    }

    /** The INFO lines a logger (and its children) wrote while {@code action} ran (slf4j-simple writes to stderr). */
    private static List<String> infoLinesOf(String logger, Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        System.setErr(new PrintStream(copy, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        String text = copy.toString(StandardCharsets.UTF_8);
        original.print(text);
        return text.lines().filter(l -> l.contains(" INFO " + logger + " ") || l.contains(" INFO " + logger + "."))
                .toList();
    }

    @Test
    @DisplayName("on an S3 Parquet target, lag is PENDING until DMS writes the CDC file, then MATCH")
    void s3LagIsPendingUntilTheCdcFileArrives() {
        TaskControl task = loaded();
        insertRows(SRC, 101, 105);
        task.tableStatistics(schema, "orders", s -> s.inserts(5L));
        S3Client s3 = SharedS3.get().client();
        String bucket = SharedS3.newBucket();
        String folder = "raw/" + schema + "/";
        ParquetSpec spec = ParquetSpec.dmsDefaults();
        put(s3, bucket, folder + "orders/LOAD00000001.parquet",
                DmsS3Fixtures.parquet(null, DmsS3Fixtures.ids(1, 100), 0, spec, 1));
        put(s3, bucket, folder + "customers/LOAD00000001.parquet",
                DmsS3Fixtures.parquet(null, DmsS3Fixtures.ids(1, 20), 0, spec, 2));
        Verifier verifier = verifier().s3(s3).target(S3Target.builder().bucket(bucket).bucketFolder("raw")
                .dataFormat(S3DataFormat.PARQUET).build()).build();

        TableVerification lagging = verifier.verifyRowCounts().table(schema, "orders").orElseThrow();
        assertThat(lagging.status()).isEqualTo(VerificationStatus.PENDING);
        assertThat(lagging.targetLocation()).isEqualTo("s3://" + bucket + "/" + folder + "orders/");

        time.at(Duration.ofSeconds(60), () -> put(s3, bucket, folder + "orders/20260301-100100000.parquet",
                DmsS3Fixtures.parquet(List.of("I", "I", "I", "I", "I"), DmsS3Fixtures.ids(101, 105), 0, spec, 3)));
        VerificationReport caughtUp = verifier.verifyWhenCaughtUp(Duration.ofMinutes(5));

        caughtUp.assertAllMatch();
        assertThat(caughtUp.table(schema, "orders").orElseThrow().targetCount().orElseThrow().inserts()).isEqualTo(5);
    }

    @Test
    @DisplayName("without a DMS task, verifyWhenCaughtUp waits for the counts to converge; nothing is PENDING")
    void withoutTaskCountsConverge() {
        insertRows(SRC, 101, 103);
        String mappings = """
                {"rules":[{"rule-type":"selection","rule-id":"1","rule-name":"shop","object-locator":
                {"schema-name":"%s","table-name":"orders"},"rule-action":"include"}]}""".formatted(schema);
        Verifier verifier = Verifier.builder().source(SRC).tableMappings(mappings).target(JdbcTarget.of(PG))
                .checkExtraTables(false).clock(clock).sleeper(time).pollInterval(Duration.ofSeconds(10)).build();
        assertThat(verifier.verifyRowCounts().table(schema, "orders").orElseThrow().status())
                .isEqualTo(VerificationStatus.MISMATCH);
        time.at(Duration.ofSeconds(25), () -> insertRows(PG, 101, 103));

        verifier.verifyWhenCaughtUp(Duration.ofMinutes(1)).assertAllMatch();

        assertThat(time.sleeps()).isEqualTo(3);
        assertThatThrownBy(() -> verifier.awaitFullLoad(Duration.ofMinutes(1)))
                .isInstanceOf(VerificationException.class).hasMessageContaining("set dms(client) and taskArn(arn)");
    }

    @Test
    @DisplayName("DMS counters that move while the tables are counted make a difference PENDING")
    void advancingCountersArePending() {
        TaskControl task = loaded();
        insertRows(SRC, 101, 105);                                   // DMS has not captured them yet
        AtomicBoolean moved = new AtomicBoolean();
        VerificationListener dmsCatchesUp = new VerificationListener() {
            @Override
            public void sourceCounted(SourceTable table, SourceCount count) {
                if (table.table().equals("orders") && !moved.getAndSet(true)) {
                    task.tableStatistics(schema, "orders", s -> s.inserts(2L));
                }
            }
        };

        VerificationReport report = verifier().listener(dmsCatchesUp).build().verifyRowCounts();

        TableVerification orders = report.table(schema, "orders").orElseThrow();
        assertThat(orders.status()).isEqualTo(VerificationStatus.PENDING);
        assertThat(orders.statusReason()).get().asString().contains("still applying changes: inserts 0 -> 2");
    }

    @Test
    @DisplayName("a stopped task's difference is MISMATCH at once, even while DMS's counters account for it")
    void stoppedTaskIsMismatch() {
        TaskControl task = loaded();
        insertRows(SRC, 101, 105);
        task.tableStatistics(schema, "orders", s -> s.inserts(5L)).stop(StopReason.NORMAL);
        clock.advance(Duration.ofSeconds(1));
        assertThat(task.status()).isEqualTo("stopped");

        VerificationReport report = verifier().build().verifyWhenCaughtUp(Duration.ofMinutes(5));

        assertThat(time.sleeps()).isZero();
        TableVerification orders = report.table(schema, "orders").orElseThrow();
        assertThat(orders.status()).isEqualTo(VerificationStatus.MISMATCH);
        assertThat(orders.difference()).isEqualTo(-5);
        assertThat(orders.statusReason()).get().asString().contains("task is stopped (Stop Reason NORMAL)");
        assertThatThrownBy(report::assertNoMismatch).isInstanceOf(AssertionError.class)
                .hasMessageContaining("1 of 2 tables do not match")
                .hasMessageContaining(schema + ".orders: MISMATCH (task is stopped");
        assertThat(verifier().build().verifyRowCounts().table(schema, "orders").orElseThrow().status())
                .isEqualTo(VerificationStatus.MISMATCH);
    }

    @Test
    @DisplayName("a live task whose counts never converge: the catch-up wait times out naming the table and counts")
    void liveDifferenceTimesOut() {
        loaded();
        insertRows(SRC, 101, 105);                                   // never captured, counters steady

        VerificationTimeoutException e = catchThrowableOfType(VerificationTimeoutException.class,
                () -> verifier().build().verifyWhenCaughtUp(Duration.ofMinutes(2)));

        assertThat(e.condition()).isEqualTo("caught up");
        assertThat(e.pending()).singleElement().asString().startsWith(schema + ".orders: MISMATCH")
                .contains("source 105 rows, target 100 rows").contains("no sign of lag");
        TableVerification orders = e.lastReport().orElseThrow().table(schema, "orders").orElseThrow();
        assertThat(orders.status()).isEqualTo(VerificationStatus.MISMATCH);
        assertThat(time.sleeps()).isGreaterThanOrEqualTo(12);
    }

    @Test
    @DisplayName("a CDC latency sensor plugs in: a known latency makes a live difference PENDING")
    void latencySensor() {
        loaded();
        insertRows(SRC, 101, 105);

        VerificationReport report = verifier().cdcLatency(arn -> Optional.of(Duration.ofSeconds(30))).build()
                .verifyRowCounts();

        assertThat(report.table(schema, "orders").orElseThrow().statusReason()).contains("CDC latency 30.0 s");
        assertThat(report.table(schema, "orders").orElseThrow().status()).isEqualTo(VerificationStatus.PENDING);
    }

    @Test
    @DisplayName("task(applyResult, identifier) names the provisioned tasks when the identifier is wrong")
    void taskFromApplyResult() {
        start(MigrationType.FULL_LOAD_AND_CDC);
        assertThat(Verifier.builder().source(SRC).dms(fake).task(applied, "CU-TASK").build().toString())
                .contains(applied.arn(io.dmskit.core.provision.ResourceKind.REPLICATION_TASK, "cu-task"));
        assertThatThrownBy(() -> Verifier.builder().source(SRC).dms(fake).task(applied, "orders-task").build())
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("Verifier: taskArn: the apply result has no replication task 'orders-task'"
                        + " (its tasks: cu-task)");
    }
}
