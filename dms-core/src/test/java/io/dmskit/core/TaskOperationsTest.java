package io.dmskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.core.endpoint.S3DataFormat;
import io.dmskit.core.endpoint.Secret;
import io.dmskit.core.exception.DmsApiException;
import io.dmskit.core.exception.WaitTimeoutException;
import io.dmskit.core.provision.ProgressEvent;
import io.dmskit.core.task.MigrationType;
import io.dmskit.core.task.StartType;
import io.dmskit.model.StopReason;
import io.dmskit.core.task.TableRef;
import io.dmskit.core.task.TaskState;
import io.dmskit.model.TaskStatus;
import io.dmskit.testkit.CallRecord;
import io.dmskit.testkit.FakeClock;
import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.Timings;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.model.ReloadTablesRequest;
import software.amazon.awssdk.services.databasemigration.model.StartReplicationTaskRequest;

@DisplayName("Task operations: start types, reload, waits with timeouts, progress")
class TaskOperationsTest {

    private static final String ROLE = "arn:aws:iam::123456789012:role/dms";
    private FakeDms fake;

    @AfterEach
    void tearDown() {
        if (fake != null) {
            fake.close();
        }
    }

    private static Pipeline pipeline(MigrationType type) {
        return Pipeline.builder("ops")
            .instance(ReplicationInstance.builder("ops-instance").instanceClass("dms.t3.medium").build())
            .endpoint(Endpoint.postgres("ops-source").source().serverName("db.internal").port(5432)
                .databaseName("shop").password("dms", Secret.of("pw-1234")).build())
            .endpoint(Endpoint.s3("ops-target").s3Settings(s -> s.bucketName("ops-bucket").serviceAccessRoleArn(ROLE)
                .dataFormat(S3DataFormat.CSV)).build())
            .task("ops-task", t -> t.source("ops-source").target("ops-target").replicationInstance("ops-instance")
                .migrationType(type).tableMappings(BuilderValidationTest.MAPPINGS))
            .build();
    }

    private DmsProvisioner provisioner(Timings timings, List<ProgressEvent> events) {
        FakeClock clock = FakeClock.create();
        fake = FakeDms.builder().clock(clock).timings(timings).build();
        return DmsProvisioner.builder().dms(fake).clock(clock).sleeper(clock::sleep).pollInterval(Duration.ofSeconds(5))
            .waitTimeout(Duration.ofMinutes(10)).progressListener(events::add).build();
    }

    @Test
    @DisplayName("a full-load task that finishes counts as started; restarting it reloads the target")
    void fullLoadTask() {
        List<ProgressEvent> events = new CopyOnWriteArrayList<>();
        try (DmsProvisioner p = provisioner(Timings.realistic(), events)) {
            p.apply(pipeline(MigrationType.FULL_LOAD));
            assertThat(p.start("ops-task")).isEqualTo(StartType.START_REPLICATION);
            fake.task("ops-task").finishFullLoad();
            TaskState done = p.awaitTask("ops-task", Set.of(TaskStatus.STOPPED), Duration.ofMinutes(5));
            assertThat(done.stopReason()).isEqualTo(StopReason.FULL_LOAD_ONLY_FINISHED);
            assertThat(done.naturalStartType()).isEqualTo(StartType.RELOAD_TARGET);

            assertThat(p.start("ops-task")).isEqualTo(StartType.RELOAD_TARGET);
            assertThat(fake.calls("StartReplicationTask")).extracting(c -> c.request(StartReplicationTaskRequest.class)
                .startReplicationTaskTypeAsString()).containsExactly("start-replication", "reload-target");
        }
        assertThat(events).anySatisfy(e -> {
            assertThat(e.identifier()).isEqualTo("ops-task");
            assertThat(e.oldState()).isEqualTo("starting");
            assertThat(e.newState()).isEqualTo("running");
            assertThat(e.elapsed()).isBetween(Timings.realistic().taskStart(),
                Timings.realistic().taskStart().plusSeconds(15));
        });
    }

    @Test
    @DisplayName("reload asks DMS to reload exactly the given tables; resume uses resume-processing")
    void reloadAndResume() {
        try (DmsProvisioner p = provisioner(Timings.instant(), new CopyOnWriteArrayList<>())) {
            p.apply(pipeline(MigrationType.FULL_LOAD_AND_CDC));
            p.start("ops-task");
            p.reload("ops-task", TableRef.of("shop", "orders"), TableRef.of("shop", "customers"));
            ReloadTablesRequest r = fake.calls("ReloadTables").get(0).request(ReloadTablesRequest.class);
            assertThat(r.tablesToReload()).extracting(t -> t.schemaName() + "." + t.tableName())
                .containsExactly("shop.orders", "shop.customers");
            assertThat(r.reloadOptionAsString()).isEqualTo("data-reload");
            p.stop("ops-task");
            p.resume("ops-task");
            assertThat(fake.calls("StartReplicationTask")).last().extracting(c -> c
                .request(StartReplicationTaskRequest.class).startReplicationTaskTypeAsString())
                .isEqualTo("resume-processing");
            assertThat(p.describeTask("ops-task")).get().extracting(TaskState::status).isEqualTo(TaskStatus.RUNNING);
        }
    }

    @Test
    @DisplayName("a start slower than the wait timeout fails with the last state seen, not on 'starting'")
    void startTimeout() {
        Timings slowStart = Timings.realistic().toBuilder().taskStart(Duration.ofMinutes(30)).build();
        try (DmsProvisioner p = provisioner(slowStart, new CopyOnWriteArrayList<>())) {
            p.apply(pipeline(MigrationType.CDC));
            assertThatThrownBy(() -> p.start("ops-task")).isInstanceOfSatisfying(WaitTimeoutException.class, e -> {
                assertThat(e.lastState()).isEqualTo("starting");
                assertThat(e.waited()).isGreaterThan(Duration.ofMinutes(10)).isLessThan(Duration.ofMinutes(11));
                assertThat(e.resource()).contains("replication task 'ops-task'");
            });
            assertThat(p.awaitTask("ops-task", Set.of(TaskStatus.RUNNING), Duration.ofMinutes(25)).status())
                .isEqualTo(TaskStatus.RUNNING);
        }
    }

    @Test
    @DisplayName("stopping a task that is still starting waits until it runs, then stops it (no timeout)")
    void stopWhileStarting() {
        Timings slowStart = Timings.realistic().toBuilder().taskStart(Duration.ofMinutes(3)).build();
        try (DmsProvisioner p = provisioner(slowStart, new CopyOnWriteArrayList<>())) {
            p.apply(pipeline(MigrationType.CDC));
            String arn = fake.task("ops-task").arn();
            fake.startReplicationTask(b -> b.replicationTaskArn(arn).startReplicationTaskType("start-replication"));
            assertThat(fake.task("ops-task").status()).isEqualTo("starting");
            fake.clearCalls();

            p.stop("ops-task");

            assertThat(p.describeTask("ops-task")).get().extracting(TaskState::status).isEqualTo(TaskStatus.STOPPED);
            List<CallRecord> stops = fake.calls("StopReplicationTask");
            assertThat(stops).hasSize(2);
            assertThat(stops.get(0).errorCode()).get().asString().startsWith("InvalidResourceState");
            assertThat(stops.get(1).succeeded()).isTrue();
            // the second stop was sent once the task was running, not before
            assertThat(Duration.between(stops.get(0).time(), stops.get(1).time()))
                .isGreaterThanOrEqualTo(Duration.ofMinutes(3));
        }
    }

    @Test
    @DisplayName("a task still stopping is waited for before it is modified, without a refused call")
    void modifyWaitsForAStoppingTask() {
        try (DmsProvisioner p = provisioner(Timings.realistic(), new CopyOnWriteArrayList<>())) {
            Pipeline pipeline = pipeline(MigrationType.FULL_LOAD_AND_CDC);
            p.apply(pipeline);
            p.start("ops-task");
            fake.stopReplicationTask(b -> b.replicationTaskArn(fake.task("ops-task").arn()));
            assertThat(fake.task("ops-task").status()).isEqualTo("stopping");
            Pipeline changed = pipeline.withTask(pipeline.task("ops-task").orElseThrow().toBuilder()
                .migrationType(MigrationType.CDC).build());
            fake.clearCalls();

            p.apply(changed);

            assertThat(fake.calls("ModifyReplicationTask")).singleElement().matches(c -> c.succeeded());
            assertThat(fake.calls().stream().filter(c -> c.errorCode().isPresent())).isEmpty();
            assertThat(p.describeTask("ops-task")).get().extracting(TaskState::status).isEqualTo(TaskStatus.STOPPED);
        }
    }

    @Test
    @DisplayName("a running full-load task is restarted with reload-target after a change (a load cannot resume)")
    void runningFullLoadTaskIsReloaded() {
        Timings scripted = Timings.instant().toBuilder().fullLoadScripted().build();
        try (DmsProvisioner p = provisioner(scripted, new CopyOnWriteArrayList<>())) {
            Pipeline pipeline = pipeline(MigrationType.FULL_LOAD);
            p.apply(pipeline);
            p.start("ops-task");
            Pipeline changed = pipeline.withTask(pipeline.task("ops-task").orElseThrow().toBuilder()
                .settings(s -> s.fullLoadSettings(f -> f.commitRate(20_000))).build());
            assertThat(p.plan(changed).effectiveChanges()).singleElement()
                .satisfies(c -> assertThat(c.notes()).anyMatch(n -> n.contains("start (reload-target)")));
            fake.clearCalls();

            p.apply(changed, io.dmskit.core.provision.ApplyPolicy.restartTasks());

            assertThat(fake.calls("StartReplicationTask")).singleElement().extracting(c -> c
                .request(StartReplicationTaskRequest.class).startReplicationTaskTypeAsString()).isEqualTo("reload-target");
        }
    }

    @Test
    @DisplayName("operations on a task that does not exist name it and DMS's error code")
    void unknownTask() {
        try (DmsProvisioner p = provisioner(Timings.instant(), new CopyOnWriteArrayList<>())) {
            assertThatThrownBy(() -> p.start("no-such-task")).isInstanceOfSatisfying(DmsApiException.class, e -> {
                assertThat(e.resource()).contains("no-such-task");
                assertThat(e.awsErrorCode()).contains("ResourceNotFoundFault");
            });
            assertThat(p.describeTask("no-such-task")).isEmpty();
        }
    }
}
