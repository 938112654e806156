package io.dmskit.testkit.fakedms;

import static io.dmskit.testkit.fakedms.Fixtures.filter;
import static io.dmskit.testkit.fakedms.Fixtures.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.testkit.FakeDms;
import io.dmskit.model.StopReason;
import io.dmskit.testkit.Timings;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.databasemigration.model.DatabaseMigrationException;
import software.amazon.awssdk.services.databasemigration.model.InvalidResourceStateException;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;
import software.amazon.awssdk.services.databasemigration.model.ResourceNotFoundException;

class FakeDmsTaskLifecycleTest {

    private final FakeDms dms = FakeDms.create();

    private void start(String arn, String type) {
        dms.startReplicationTask(b -> b.replicationTaskArn(arn).startReplicationTaskType(type));
    }

    @Test
    @DisplayName("a new task is creating, then ready; starting, then running; stopping, then stopped with NORMAL")
    void fullLifecycle() {
        String arn = Fixtures.task(dms, "orders", "full-load-and-cdc");
        assertThat(dms.calls("CreateReplicationTask").get(0).response().orElseThrow())
                .extracting(r -> ((software.amazon.awssdk.services.databasemigration.model.CreateReplicationTaskResponse) r)
                        .replicationTask().status()).isEqualTo("creating");
        assertThat(status(dms, arn)).isEqualTo("ready");
        ReplicationTask started = dms.startReplicationTask(b -> b.replicationTaskArn(arn)
                .startReplicationTaskType("start-replication")).replicationTask();
        assertThat(started.status()).isEqualTo("starting");
        assertThat(status(dms, arn)).isEqualTo("running");
        assertThat(dms.stopReplicationTask(b -> b.replicationTaskArn(arn)).replicationTask().status())
                .isEqualTo("stopping");
        ReplicationTask stopped = dms.describeReplicationTasks(b -> b.filters(filter("replication-task-arn", arn)))
                .replicationTasks().get(0);
        assertThat(stopped.status()).isEqualTo("stopped");
        assertThat(stopped.stopReason()).isEqualTo("Stop Reason NORMAL");
    }

    @Test
    @DisplayName("start-replication only on the first run; resume-processing afterwards keeps table statistics")
    void startTypes() {
        String arn = Fixtures.task(dms, "t1", "full-load-and-cdc");
        status(dms, arn);
        assertThatThrownBy(() -> start(arn, "resume-processing")).isInstanceOf(InvalidResourceStateException.class)
                .hasMessageContaining("never been started");
        start(arn, "start-replication");
        status(dms, arn);
        dms.task(arn).tableStatistics("shop", "orders", s -> s.fullLoadRows(10L));
        dms.stopReplicationTask(b -> b.replicationTaskArn(arn));
        status(dms, arn);
        assertThatThrownBy(() -> start(arn, "start-replication")).isInstanceOf(InvalidResourceStateException.class)
                .hasMessageContaining("first run");
        start(arn, "resume-processing");
        assertThat(status(dms, arn)).isEqualTo("running");
        assertThat(dms.task(arn).tableStatistics()).singleElement()
                .satisfies(s -> assertThat(s.fullLoadRows()).isEqualTo(10L));
        dms.stopReplicationTask(b -> b.replicationTaskArn(arn));
        status(dms, arn);
        start(arn, "reload-target");
        status(dms, arn);
        assertThat(dms.task(arn).tableStatistics()).singleElement()
                .satisfies(s -> assertThat(s.fullLoadRows()).isZero());
    }

    @Test
    @DisplayName("resume-processing is refused for full-load tasks and reload-target for cdc tasks")
    void startTypeByMigrationType() {
        String fullLoad = Fixtures.task(dms, "fl", "full-load");
        String cdc = Fixtures.task(dms, "cdc", "cdc");
        status(dms, fullLoad);
        start(fullLoad, "start-replication");
        status(dms, fullLoad);
        assertThatThrownBy(() -> start(fullLoad, "resume-processing"))
                .isInstanceOfSatisfying(DatabaseMigrationException.class, e -> assertThat(
                        e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterCombinationException"));
        assertThatThrownBy(() -> start(cdc, "reload-target"))
                .isInstanceOfSatisfying(DatabaseMigrationException.class, e -> assertThat(
                        e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterCombinationException"));
        assertThatThrownBy(() -> start(cdc, "start-now"))
                .isInstanceOfSatisfying(DatabaseMigrationException.class, e -> assertThat(
                        e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValueException"));
    }

    @Test
    @DisplayName("a full-load task stops by itself with FULL_LOAD_ONLY_FINISHED, so the Running waiter fails as on AWS")
    void fullLoadTaskFinishes() {
        String arn = Fixtures.task(dms, "fl", "full-load");
        status(dms, arn);
        start(arn, "start-replication");
        ReplicationTask t = dms.describeReplicationTasks(b -> b.filters(filter("replication-task-arn", arn)))
                .replicationTasks().get(0);
        assertThat(t.status()).isEqualTo("stopped");
        assertThat(t.stopReason()).isEqualTo(StopReason.FULL_LOAD_ONLY_FINISHED.text());
        assertThat(t.replicationTaskStats().fullLoadProgressPercent()).isEqualTo(100);
        assertThatThrownBy(() -> dms.waiter().waitUntilReplicationTaskRunning(b -> b
                .filters(filter("replication-task-arn", arn)))).isInstanceOf(SdkClientException.class)
                .hasMessageContaining("failure state");
    }

    @Test
    @DisplayName("waitUntilReplicationTaskStopped fails on a task that is still starting (boto3 #1926)")
    void stoppedWaiterIsTooEager() {
        FakeDms slow = FakeDms.builder().timings(Timings.realistic()).build();
        String instance = Fixtures.instance(slow, "ri");
        slow.waiter().waitUntilReplicationInstanceAvailable(b -> b.filters(filter("replication-instance-arn",
                instance)));
        String src = Fixtures.mysqlSource(slow, "src");
        String tgt = Fixtures.s3Target(slow, "tgt");
        String arn = slow.createReplicationTask(b -> b.replicationTaskIdentifier("t").migrationType("cdc")
                .sourceEndpointArn(src).targetEndpointArn(tgt).replicationInstanceArn(instance)
                .tableMappings(Fixtures.MAPPINGS)).replicationTask().replicationTaskArn();
        slow.waiter().waitUntilReplicationTaskReady(b -> b.filters(filter("replication-task-arn", arn)));
        slow.startReplicationTask(b -> b.replicationTaskArn(arn).startReplicationTaskType("start-replication"));
        assertThatThrownBy(() -> slow.waiter().waitUntilReplicationTaskStopped(b -> b
                .filters(filter("replication-task-arn", arn)))).isInstanceOf(SdkClientException.class);
    }

    @Test
    @DisplayName("waitUntilReplicationTaskStopped keeps polling a running CDC task and gives up after 60 attempts")
    void stoppedWaiterTimesOutOnCdc() {
        String arn = Fixtures.task(dms, "t", "cdc");
        status(dms, arn);
        start(arn, "start-replication");
        var before = dms.clock().instant();
        assertThatThrownBy(() -> dms.waiter().waitUntilReplicationTaskStopped(b -> b
                .filters(filter("replication-task-arn", arn)))).isInstanceOf(SdkClientException.class)
                .hasMessageContaining("attempts");
        assertThat(Duration.between(before, dms.clock().instant())).isEqualTo(Duration.ofSeconds(15 * 59));
    }

    @Test
    @DisplayName("modify is refused while running, except for logging-only changes; modifying fails the Ready waiter")
    void modifyStates() {
        FakeDms slow = FakeDms.builder().timings(Timings.instant().with(t -> t.taskModify(Duration.ofSeconds(20))))
                .build();
        String arn = Fixtures.task(slow, "t", "full-load-and-cdc");
        status(slow, arn);
        slow.startReplicationTask(b -> b.replicationTaskArn(arn).startReplicationTaskType("start-replication"));
        status(slow, arn);
        assertThatThrownBy(() -> slow.modifyReplicationTask(b -> b.replicationTaskArn(arn)
                .tableMappings(Fixtures.MAPPINGS.replace("shop", "store"))))
                .isInstanceOf(InvalidResourceStateException.class)
                .hasMessageContaining("stopped, ready or failed");
        ReplicationTask logged = slow.modifyReplicationTask(b -> b.replicationTaskArn(arn)
                .replicationTaskSettings("{\"Logging\":{\"EnableLogging\":true}}")).replicationTask();
        assertThat(logged.status()).isEqualTo("running");
        assertThat(logged.replicationTaskSettings()).contains("\"EnableLogging\":true");
        slow.stopReplicationTask(b -> b.replicationTaskArn(arn));
        status(slow, arn);
        ReplicationTask modifying = slow.modifyReplicationTask(b -> b.replicationTaskArn(arn)
                .migrationType("cdc")).replicationTask();
        assertThat(modifying.status()).isEqualTo("modifying");
        assertThat(modifying.migrationTypeAsString()).isEqualTo("cdc");
        assertThatThrownBy(() -> slow.waiter().waitUntilReplicationTaskReady(b -> b
                .filters(filter("replication-task-arn", arn)))).isInstanceOf(SdkClientException.class);
        slow.clock().advance(Duration.ofSeconds(20));
        assertThat(status(slow, arn)).isEqualTo("stopped");
    }

    @Test
    @DisplayName("a running task cannot be deleted; a stopped one goes deleting, then gone (ResourceNotFoundFault)")
    void delete() {
        String arn = Fixtures.task(dms, "t", "full-load-and-cdc");
        status(dms, arn);
        start(arn, "start-replication");
        status(dms, arn);
        assertThatThrownBy(() -> dms.deleteReplicationTask(b -> b.replicationTaskArn(arn)))
                .isInstanceOf(InvalidResourceStateException.class);
        dms.stopReplicationTask(b -> b.replicationTaskArn(arn));
        status(dms, arn);
        assertThat(dms.deleteReplicationTask(b -> b.replicationTaskArn(arn)).replicationTask().status())
                .isEqualTo("deleting");
        assertThatThrownBy(() -> status(dms, arn)).isInstanceOfSatisfying(ResourceNotFoundException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundFault"));
        dms.waiter().waitUntilReplicationTaskDeleted(b -> b.filters(filter("replication-task-arn", arn)));
    }

    @Test
    @DisplayName("stop of a task that is not running says 'is currently not running'")
    void stopNotRunning() {
        String arn = Fixtures.task(dms, "t", "cdc");
        status(dms, arn);
        assertThatThrownBy(() -> dms.stopReplicationTask(b -> b.replicationTaskArn(arn)))
                .isInstanceOf(InvalidResourceStateException.class).hasMessageContaining("is currently not running");
    }

    @Test
    @DisplayName("a task moves to another instance through 'moving'")
    void move() {
        String arn = Fixtures.task(dms, "t", "cdc");
        String other = Fixtures.instance(dms, "other");
        status(dms, arn);
        ReplicationTask moving = dms.moveReplicationTask(b -> b.replicationTaskArn(arn)
                .targetReplicationInstanceArn(other)).replicationTask();
        assertThat(moving.status()).isEqualTo("moving");
        assertThat(moving.targetReplicationInstanceArn()).isEqualTo(other);
        ReplicationTask moved = dms.describeReplicationTasks(b -> b.filters(filter("replication-task-arn", arn)))
                .replicationTasks().get(0);
        assertThat(moved.status()).isEqualTo("ready");
        assertThat(moved.replicationInstanceArn()).isEqualTo(other);
        assertThat(moved.targetReplicationInstanceArn()).isNull();
    }

    @Test
    @DisplayName("scripted data plane: table states drive ReplicationTaskStats; fail() sets failed and the message")
    void scriptedDataPlane() {
        FakeDms scripted = FakeDms.builder().timings(Timings.instant().with(Timings.Builder::fullLoadScripted))
                .build();
        String arn = Fixtures.task(scripted, "t", "full-load");
        status(scripted, arn);
        scripted.startReplicationTask(b -> b.replicationTaskArn(arn).startReplicationTaskType("start-replication"));
        status(scripted, arn);
        scripted.task("t").tableState("shop", "orders", "Full load")
                .tableStatistics("shop", "customers", s -> s.tableState("Table completed").fullLoadRows(5L))
                .tableState("shop", "items", "Before load");
        ReplicationTask running = scripted.task("t").describe();
        assertThat(running.status()).isEqualTo("running");
        assertThat(running.replicationTaskStats().tablesLoading()).isEqualTo(1);
        assertThat(running.replicationTaskStats().tablesLoaded()).isEqualTo(1);
        assertThat(running.replicationTaskStats().tablesQueued()).isEqualTo(1);
        assertThat(running.replicationTaskStats().fullLoadProgressPercent()).isEqualTo(33);
        assertThat(scripted.describeTableStatistics(b -> b.replicationTaskArn(arn)
                .filters(filter("table-state", "Full load"))).tableStatistics())
                .extracting(s -> s.tableName()).containsExactly("orders");
        scripted.task("t").fail("Error reading binlog");
        ReplicationTask failed = scripted.task("t").describe();
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.lastFailureMessage()).isEqualTo("Error reading binlog");
        assertThat(failed.stopReason()).isEqualTo("Stop Reason FATAL_ERROR");
        assertThat(StopReason.parse(failed.stopReason())).contains(StopReason.FATAL_ERROR);
    }

    @Test
    @DisplayName("ReloadTables needs a running task and puts the tables back into load")
    void reloadTables() {
        FakeDms scripted = FakeDms.builder().timings(Timings.instant().with(Timings.Builder::fullLoadScripted))
                .build();
        String arn = Fixtures.task(scripted, "t", "full-load-and-cdc");
        status(scripted, arn);
        assertThatThrownBy(() -> scripted.reloadTables(b -> b.replicationTaskArn(arn)
                .tablesToReload(t -> t.schemaName("shop").tableName("orders"))))
                .isInstanceOf(InvalidResourceStateException.class);
        scripted.startReplicationTask(b -> b.replicationTaskArn(arn).startReplicationTaskType("start-replication"));
        status(scripted, arn);
        scripted.task(arn).tableStatistics("shop", "orders", s -> s.tableState("Table completed").fullLoadRows(9L));
        scripted.reloadTables(b -> b.replicationTaskArn(arn).tablesToReload(t -> t.schemaName("shop")
                .tableName("orders")));
        assertThat(scripted.task(arn).tableStatistics()).singleElement().satisfies(s -> {
            assertThat(s.tableState()).isEqualTo("Table is being reloaded");
            assertThat(s.fullLoadReloaded()).isTrue();
        });
    }

    @Test
    @DisplayName("StopTaskCachedChangesApplied stops a full-load-and-cdc task after full load")
    void stopAfterCachedChanges() {
        String instance = Fixtures.instance(dms, "ri");
        dms.describeReplicationInstances();
        String src = Fixtures.mysqlSource(dms, "src");
        String tgt = Fixtures.s3Target(dms, "tgt");
        String arn = dms.createReplicationTask(b -> b.replicationTaskIdentifier("t").migrationType("full-load-and-cdc")
                .sourceEndpointArn(src).targetEndpointArn(tgt).replicationInstanceArn(instance)
                .tableMappings(Fixtures.MAPPINGS)
                .replicationTaskSettings("{\"FullLoadSettings\":{\"StopTaskCachedChangesApplied\":true}}"))
                .replicationTask().replicationTaskArn();
        status(dms, arn);
        start(arn, "start-replication");
        status(dms, arn);
        assertThat(dms.task(arn).describe().stopReason()).isEqualTo("Stop Reason STOPPED_AFTER_CACHED_EVENTS");
    }

    @Test
    @DisplayName("a CdcStopPosition server_time stops the running task at that time with STOPPED_AT_SERVER_TIME")
    void cdcStopPosition() {
        String arn = Fixtures.task(dms, "t", "cdc");
        status(dms, arn);
        String stopAt = dms.clock().instant().plus(Duration.ofMinutes(10)).toString().replace("Z", "");
        assertThatThrownBy(() -> dms.startReplicationTask(b -> b.replicationTaskArn(arn)
                .startReplicationTaskType("start-replication").cdcStopPosition("at:noon")))
                .isInstanceOfSatisfying(DatabaseMigrationException.class, e -> assertThat(
                        e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValueException"));
        dms.startReplicationTask(b -> b.replicationTaskArn(arn).startReplicationTaskType("start-replication")
                .cdcStopPosition("server_time:" + stopAt));
        assertThat(status(dms, arn)).isEqualTo("running");
        dms.clock().advance(Duration.ofMinutes(9));
        assertThat(status(dms, arn)).isEqualTo("running");
        dms.clock().advance(Duration.ofMinutes(1));
        ReplicationTask stopped = dms.task(arn).describe();
        assertThat(stopped.status()).isEqualTo("stopped");
        assertThat(stopped.stopReason()).isEqualTo("Stop Reason STOPPED_AT_SERVER_TIME");
        assertThat(stopped.cdcStopPosition()).isEqualTo("server_time:" + stopAt);
    }

    @Test
    @DisplayName("with a Secrets Manager but no engine, a task whose source secret is missing fails at start")
    void missingSecretFailsTask() {
        FakeDms withSecrets = FakeDms.builder().secretsManager(io.dmskit.testkit.FakeSecretsManager.create()).build();
        String instance = Fixtures.instance(withSecrets, "ri");
        withSecrets.describeReplicationInstances();
        String src = withSecrets.createEndpoint(b -> b.endpointIdentifier("src").endpointType("source")
                .engineName("mysql").mySQLSettings(m -> m.secretsManagerSecretId("missing/secret")
                        .secretsManagerAccessRoleArn("arn:aws:iam::123456789012:role/sm"))).endpoint().endpointArn();
        String tgt = Fixtures.s3Target(withSecrets, "tgt");
        String arn = withSecrets.createReplicationTask(b -> b.replicationTaskIdentifier("t").migrationType("cdc")
                .sourceEndpointArn(src).targetEndpointArn(tgt).replicationInstanceArn(instance)
                .tableMappings(Fixtures.MAPPINGS)).replicationTask().replicationTaskArn();
        status(withSecrets, arn);
        withSecrets.startReplicationTask(b -> b.replicationTaskArn(arn).startReplicationTaskType("start-replication"));
        status(withSecrets, arn);
        ReplicationTask t = withSecrets.task(arn).describe();
        assertThat(t.status()).isEqualTo("failed");
        assertThat(t.lastFailureMessage()).contains("missing/secret");
    }

    @Test
    @DisplayName("the legacy assessment needs successful connection tests, shows 'testing', then reports its result")
    void assessment() {
        FakeDms slow = FakeDms.builder().timings(Timings.instant().with(t -> t.taskAssessment(Duration.ofMinutes(2))))
                .build();
        String arn = Fixtures.task(slow, "t", "full-load-and-cdc");
        ReplicationTask task = slow.describeReplicationTasks().replicationTasks().get(0);
        assertThatThrownBy(() -> slow.startReplicationTaskAssessment(b -> b.replicationTaskArn(arn)))
                .isInstanceOf(InvalidResourceStateException.class).hasMessageContaining("never tested");
        for (String endpoint : java.util.List.of(task.sourceEndpointArn(), task.targetEndpointArn())) {
            slow.testConnection(b -> b.replicationInstanceArn(task.replicationInstanceArn()).endpointArn(endpoint));
        }
        assertThat(slow.startReplicationTaskAssessment(b -> b.replicationTaskArn(arn)).replicationTask().status())
                .isEqualTo("testing");
        assertThatThrownBy(() -> slow.waiter().waitUntilReplicationTaskReady(b -> b
                .filters(filter("replication-task-arn", arn)))).isInstanceOf(SdkClientException.class);
        slow.clock().advance(Duration.ofMinutes(2));
        assertThat(status(slow, arn)).isEqualTo("ready");
        var results = slow.describeReplicationTaskAssessmentResults(b -> b.replicationTaskArn(arn));
        assertThat(results.replicationTaskAssessmentResults()).singleElement().satisfies(r -> {
            assertThat(r.assessmentStatus()).isEqualTo("passed");
            assertThat(r.replicationTaskIdentifier()).isEqualTo("t");
        });
        assertThat(results.bucketName()).contains("123456789012");
    }
}
