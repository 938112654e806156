package io.dmskit.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.DatabaseMigrationException;
import software.amazon.awssdk.services.databasemigration.model.DescribeEndpointsResponse;
import software.amazon.awssdk.services.databasemigration.model.Endpoint;
import software.amazon.awssdk.services.databasemigration.model.Filter;
import software.amazon.awssdk.services.databasemigration.model.InvalidResourceStateException;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;
import software.amazon.awssdk.services.databasemigration.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.databasemigration.model.ResourceNotFoundException;
import software.amazon.awssdk.services.databasemigration.waiters.DatabaseMigrationWaiter;

/**
 * DMS behaviours every DMS implementation should show, as AWS documents them: lifecycle, errors, pagination,
 * waiters. Subclasses run it against one implementation ({@link FakeDmsConformanceTest},
 * {@link MotoDmsConformanceTest}). Where an implementation is known to differ from AWS, the subclass names the
 * {@link Behaviour} with the reason in {@link #deviation(Behaviour)}; the test then reports as skipped with that
 * reason instead of passing silently.
 */
abstract class DmsConformanceSuite {

    /** AWS behaviours an implementation may lack. */
    enum Behaviour {
        /** A new task goes {@code creating → ready}. */
        TASK_BECOMES_READY,
        /** StartReplicationTask answers {@code starting}, and the task is {@code running} afterwards. */
        TASK_STARTS_THROUGH_STARTING,
        /** An unknown MigrationType is refused with InvalidParameterValueException. */
        VALIDATES_MIGRATION_TYPE,
        /** Invalid table mappings JSON is refused with InvalidParameterValueException. */
        VALIDATES_TABLE_MAPPINGS,
        /** A duplicate endpoint identifier is refused with ResourceAlreadyExistsFault. */
        REJECTS_DUPLICATE_ENDPOINT,
        /** MaxRecords pages come with a Marker for the next page. */
        MARKER_PAGINATION,
        /** MaxRecords outside 20–100 is refused. */
        VALIDATES_MAX_RECORDS,
        /** DescribeTableStatistics is implemented. */
        TABLE_STATISTICS,
        /** ModifyReplicationTask is implemented. */
        MODIFY_TASK,
        /** AddTagsToResource/RemoveTagsFromResource are implemented. */
        TAG_EDITING,
        /** A new endpoint is {@code active}. */
        ENDPOINT_ACTIVE,
        /** Describe with a filter matching nothing answers ResourceNotFoundFault (the deleted-waiters rely on it). */
        FILTER_MISS_IS_NOT_FOUND,
        /** A task referring to an unknown replication instance is refused. */
        VALIDATES_TASK_REFERENCES,
        /** Starting a running task is refused with InvalidResourceStateFault. */
        REJECTS_START_WHILE_RUNNING
    }

    /** @return the client under test, with a clean state for each test */
    protected abstract DatabaseMigrationClient dms();

    /** @return why this implementation differs from AWS in {@code behaviour}, empty when it conforms */
    protected abstract Optional<String> deviation(Behaviour behaviour);

    /** @return a waiter for {@link #dms()} that does not sleep long */
    protected abstract DatabaseMigrationWaiter waiter();

    private void assumeConforms(Behaviour b) {
        Optional<String> why = deviation(b);
        assumeTrue(why.isEmpty(), () -> "Known deviation from AWS (" + b + "): " + why.orElse(""));
    }

    static Filter filter(String name, String value) {
        return Filter.builder().name(name).values(value).build();
    }

    static final String MAPPINGS = "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"1\","
            + "\"object-locator\":{\"schema-name\":\"shop\",\"table-name\":\"%\"},\"rule-action\":\"include\"}]}";

    /** Polls (without sleeping) until the supplier shows {@code expected}, at most {@code polls} times. */
    static String poll(Supplier<String> status, String expected, int polls) {
        String last = null;
        for (int i = 0; i < polls; i++) {
            last = status.get();
            if (expected.equals(last)) {
                return last;
            }
        }
        return last;
    }

    String instance(String id) {
        String arn = dms().createReplicationInstance(b -> b.replicationInstanceIdentifier(id)
                .replicationInstanceClass("dms.t3.medium").allocatedStorage(50)).replicationInstance()
                .replicationInstanceArn();
        poll(() -> dms().describeReplicationInstances(b -> b.filters(filter("replication-instance-arn", arn)))
                .replicationInstances().get(0).replicationInstanceStatus(), "available", 5);
        return arn;
    }

    String source(String id) {
        return dms().createEndpoint(b -> b.endpointIdentifier(id).endpointType("source").engineName("mysql")
                .serverName("db.example.com").port(3306).username("admin").password("pw")).endpoint().endpointArn();
    }

    String target(String id) {
        return dms().createEndpoint(b -> b.endpointIdentifier(id).endpointType("target").engineName("s3")
                .serviceAccessRoleArn("arn:aws:iam::123456789012:role/dms")
                .s3Settings(s -> s.bucketName("bucket-" + id).serviceAccessRoleArn(
                        "arn:aws:iam::123456789012:role/dms"))).endpoint().endpointArn();
    }

    String task(String id, String instanceArn, String type) {
        String src = source(id + "-src");
        String tgt = target(id + "-tgt");
        return dms().createReplicationTask(b -> b.replicationTaskIdentifier(id).migrationType(type)
                .sourceEndpointArn(src).targetEndpointArn(tgt).replicationInstanceArn(instanceArn)
                .tableMappings(MAPPINGS)).replicationTask().replicationTaskArn();
    }

    ReplicationTask describeTask(String arn) {
        return dms().describeReplicationTasks(b -> b.filters(filter("replication-task-arn", arn)))
                .replicationTasks().get(0);
    }

    // -------------------------------------------------------------------------------------------------- lifecycle

    @Test
    @DisplayName("endpoints: created with an ARN in AWS format, found by filters, gone after delete")
    void endpointLifecycle() {
        String src = source("conf-src");
        String tgt = target("conf-tgt");
        assertThat(src).matches("arn:aws:dms:us-east-1:\\d{12}:endpoint:[A-Za-z0-9-]+");
        Endpoint e = dms().describeEndpoints(b -> b.filters(filter("endpoint-arn", src))).endpoints().get(0);
        assertThat(e.endpointIdentifier()).isEqualTo("conf-src");
        assertThat(e.engineName()).isEqualTo("mysql");
        assertThat(e.endpointTypeAsString()).isEqualToIgnoringCase("source");
        assertThat(e.toString()).doesNotContain("pw,");
        assertThat(dms().describeEndpoints(b -> b.filters(filter("endpoint-id", "conf-tgt"))).endpoints())
                .extracting(Endpoint::endpointArn).containsExactly(tgt);
        dms().deleteEndpoint(b -> b.endpointArn(src));
        List<Endpoint> left = new ArrayList<>();
        poll(() -> {
            left.clear();
            left.addAll(dms().describeEndpoints().endpoints());
            return left.size() == 1 ? "one" : "more";
        }, "one", 5);
        assertThat(left).extracting(Endpoint::endpointArn).containsExactly(tgt);
    }

    @Test
    @DisplayName("a new endpoint is active")
    void endpointActive() {
        assumeConforms(Behaviour.ENDPOINT_ACTIVE);
        String src = source("conf-src");
        assertThat(dms().describeEndpoints(b -> b.filters(filter("endpoint-arn", src))).endpoints().get(0).status())
                .isEqualTo("active");
    }

    @Test
    @DisplayName("replication instances: creating, then available; an ARN in AWS format")
    void instanceLifecycle() {
        var created = dms().createReplicationInstance(b -> b.replicationInstanceIdentifier("conf-ri")
                .replicationInstanceClass("dms.t3.medium").allocatedStorage(50)).replicationInstance();
        assertThat(created.replicationInstanceStatus()).isEqualTo("creating");
        assertThat(created.replicationInstanceArn()).matches("arn:aws:dms:us-east-1:\\d{12}:rep:[A-Za-z0-9-]+");
        String arn = created.replicationInstanceArn();
        assertThat(poll(() -> dms().describeReplicationInstances(b -> b.filters(filter("replication-instance-arn",
                arn))).replicationInstances().get(0).replicationInstanceStatus(), "available", 5))
                .isEqualTo("available");
        dms().deleteReplicationInstance(b -> b.replicationInstanceArn(arn));
        assertThat(poll(() -> String.valueOf(dms().describeReplicationInstances().replicationInstances().size()),
                "0", 5)).isEqualTo("0");
    }

    @Test
    @DisplayName("tasks: creating, then ready")
    void taskBecomesReady() {
        assumeConforms(Behaviour.TASK_BECOMES_READY);
        String arn = task("conf-task", instance("conf-ri"), "full-load-and-cdc");
        assertThat(poll(() -> describeTask(arn).status(), "ready", 5)).isEqualTo("ready");
    }

    @Test
    @DisplayName("tasks: start-replication runs the task; stop stops it with a StopReason; delete removes it")
    void taskStartStopDelete() {
        String arn = task("conf-task", instance("conf-ri"), "full-load-and-cdc");
        poll(() -> describeTask(arn).status(), "ready", 5);
        ReplicationTask started = dms().startReplicationTask(b -> b.replicationTaskArn(arn)
                .startReplicationTaskType("start-replication")).replicationTask();
        assertThat(started.status()).isIn("starting", "running");
        assertThat(poll(() -> describeTask(arn).status(), "running", 5)).isEqualTo("running");
        dms().stopReplicationTask(b -> b.replicationTaskArn(arn));
        ReplicationTask stopped = describeTask(arn);
        if (!"stopped".equals(stopped.status())) {
            assertThat(poll(() -> describeTask(arn).status(), "stopped", 5)).isEqualTo("stopped");
        }
        dms().deleteReplicationTask(b -> b.replicationTaskArn(arn));
        assertThat(poll(() -> String.valueOf(dms().describeReplicationTasks().replicationTasks().size()), "0", 5))
                .isEqualTo("0");
    }

    @Test
    @DisplayName("StartReplicationTask answers 'starting'")
    void startAnswersStarting() {
        assumeConforms(Behaviour.TASK_STARTS_THROUGH_STARTING);
        assumeConforms(Behaviour.TASK_BECOMES_READY);
        String arn = task("conf-task", instance("conf-ri"), "cdc");
        poll(() -> describeTask(arn).status(), "ready", 5);
        assertThat(dms().startReplicationTask(b -> b.replicationTaskArn(arn)
                .startReplicationTaskType("start-replication")).replicationTask().status()).isEqualTo("starting");
    }

    @Test
    @DisplayName("TestConnection goes testing → successful")
    void testConnection() {
        String ri = instance("conf-ri");
        String src = source("conf-src");
        assertThat(dms().testConnection(b -> b.replicationInstanceArn(ri).endpointArn(src)).connection().status())
                .isEqualTo("testing");
        assertThat(poll(() -> dms().describeConnections(b -> b.filters(filter("endpoint-arn", src))).connections()
                .get(0).status(), "successful", 5)).isEqualTo("successful");
    }

    @Test
    @DisplayName("tags given on create are listed")
    void tagsOnCreate() {
        String arn = dms().createReplicationInstance(b -> b.replicationInstanceIdentifier("conf-ri")
                .replicationInstanceClass("dms.t3.medium").tags(t -> t.key("team").value("data")))
                .replicationInstance().replicationInstanceArn();
        assertThat(dms().listTagsForResource(b -> b.resourceArn(arn)).tagList())
                .anySatisfy(t -> assertThat(t.key() + "=" + t.value()).isEqualTo("team=data"));
    }

    @Test
    @DisplayName("tags can be added and removed")
    void tagEditing() {
        assumeConforms(Behaviour.TAG_EDITING);
        String arn = source("conf-src");
        dms().addTagsToResource(b -> b.resourceArn(arn).tags(t -> t.key("a").value("1"), t -> t.key("b").value("2")));
        dms().removeTagsFromResource(b -> b.resourceArn(arn).tagKeys("a"));
        assertThat(dms().listTagsForResource(b -> b.resourceArn(arn)).tagList()).extracting(t -> t.key())
                .containsExactly("b");
    }

    // ----------------------------------------------------------------------------------------------------- errors

    @Test
    @DisplayName("a duplicate replication instance identifier answers ResourceAlreadyExistsFault")
    void duplicateInstance() {
        instance("conf-ri");
        assertThatThrownBy(() -> instance("conf-ri")).isInstanceOfSatisfying(ResourceAlreadyExistsException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceAlreadyExistsFault"));
    }

    @Test
    @DisplayName("a duplicate endpoint identifier answers ResourceAlreadyExistsFault")
    void duplicateEndpoint() {
        assumeConforms(Behaviour.REJECTS_DUPLICATE_ENDPOINT);
        source("conf-src");
        assertThatThrownBy(() -> source("conf-src")).isInstanceOf(ResourceAlreadyExistsException.class);
    }

    @Test
    @DisplayName("an unknown task ARN answers ResourceNotFoundFault")
    void unknownTask() {
        assertThatThrownBy(() -> dms().startReplicationTask(b -> b.replicationTaskArn(
                "arn:aws:dms:us-east-1:123456789012:task:DOESNOTEXIST").startReplicationTaskType("start-replication")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundFault"));
    }

    @Test
    @DisplayName("stopping a task that is not running answers InvalidResourceStateFault")
    void stopNotRunning() {
        String arn = task("conf-task", instance("conf-ri"), "cdc");
        poll(() -> describeTask(arn).status(), "ready", 5);
        assertThatThrownBy(() -> dms().stopReplicationTask(b -> b.replicationTaskArn(arn)))
                .isInstanceOfSatisfying(InvalidResourceStateException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidResourceStateFault"));
    }

    @Test
    @DisplayName("starting a running task answers InvalidResourceStateFault")
    void startWhileRunning() {
        assumeConforms(Behaviour.REJECTS_START_WHILE_RUNNING);
        String arn = task("conf-task", instance("conf-ri"), "cdc");
        poll(() -> describeTask(arn).status(), "ready", 5);
        dms().startReplicationTask(b -> b.replicationTaskArn(arn).startReplicationTaskType("start-replication"));
        poll(() -> describeTask(arn).status(), "running", 5);
        assertThatThrownBy(() -> dms().startReplicationTask(b -> b.replicationTaskArn(arn)
                .startReplicationTaskType("resume-processing"))).isInstanceOf(InvalidResourceStateException.class);
    }

    @Test
    @DisplayName("an unknown MigrationType answers InvalidParameterValueException")
    void badMigrationType() {
        assumeConforms(Behaviour.VALIDATES_MIGRATION_TYPE);
        String ri = instance("conf-ri");
        assertThatThrownBy(() -> task("conf-task", ri, "full-load-only"))
                .isInstanceOfSatisfying(DatabaseMigrationException.class, e -> assertThat(
                        e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValueException"));
    }

    @Test
    @DisplayName("invalid table mappings answer InvalidParameterValueException")
    void badTableMappings() {
        assumeConforms(Behaviour.VALIDATES_TABLE_MAPPINGS);
        String ri = instance("conf-ri");
        String src = source("conf-src");
        String tgt = target("conf-tgt");
        assertThatThrownBy(() -> dms().createReplicationTask(b -> b.replicationTaskIdentifier("t")
                .migrationType("cdc").sourceEndpointArn(src).targetEndpointArn(tgt).replicationInstanceArn(ri)
                .tableMappings("{\"rules\":[]")))
                .isInstanceOfSatisfying(DatabaseMigrationException.class, e -> assertThat(
                        e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValueException"));
    }

    @Test
    @DisplayName("a task on an unknown replication instance is refused")
    void taskReferences() {
        assumeConforms(Behaviour.VALIDATES_TASK_REFERENCES);
        assertThatThrownBy(() -> task("conf-task", "arn:aws:dms:us-east-1:123456789012:rep:NOSUCHINSTANCE", "cdc"))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    @DisplayName("MaxRecords outside 20–100 answers InvalidParameterValueException")
    void maxRecordsBounds() {
        assumeConforms(Behaviour.VALIDATES_MAX_RECORDS);
        assertThatThrownBy(() -> dms().describeEndpoints(b -> b.maxRecords(5)))
                .isInstanceOfSatisfying(DatabaseMigrationException.class, e -> assertThat(
                        e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValueException"));
    }

    @Test
    @DisplayName("a filter matching nothing answers ResourceNotFoundFault")
    void filterMiss() {
        assumeConforms(Behaviour.FILTER_MISS_IS_NOT_FOUND);
        assertThatThrownBy(() -> dms().describeReplicationTasks(b -> b.filters(filter("replication-task-id",
                "nothing-here")))).isInstanceOf(ResourceNotFoundException.class);
    }

    // ------------------------------------------------------------------------------------------------ pagination

    @Test
    @DisplayName("MaxRecords limits a page and Marker reads the next one; the SDK paginator reads all")
    void pagination() {
        assumeConforms(Behaviour.MARKER_PAGINATION);
        for (int i = 0; i < 25; i++) {
            target("conf-tgt-" + i);
        }
        DescribeEndpointsResponse page = dms().describeEndpoints(b -> b.maxRecords(20));
        assertThat(page.endpoints()).hasSize(20);
        assertThat(page.marker()).isNotNull();
        assertThat(dms().describeEndpoints(b -> b.maxRecords(20).marker(page.marker())).endpoints()).hasSize(5);
        assertThat(dms().describeEndpointsPaginator(b -> b.maxRecords(20)).stream()
                .mapToInt(p -> p.endpoints().size()).sum()).isEqualTo(25);
    }

    // --------------------------------------------------------------------------------------------------- waiters

    @Test
    @DisplayName("waitUntilReplicationInstanceAvailable and waitUntilReplicationTaskRunning succeed")
    void waiters() {
        String ri = dms().createReplicationInstance(b -> b.replicationInstanceIdentifier("conf-ri")
                .replicationInstanceClass("dms.t3.medium")).replicationInstance().replicationInstanceArn();
        waiter().waitUntilReplicationInstanceAvailable(b -> b.filters(filter("replication-instance-arn", ri)));
        String arn = task("conf-task", ri, "cdc");
        poll(() -> describeTask(arn).status(), "ready", 5);
        dms().startReplicationTask(b -> b.replicationTaskArn(arn).startReplicationTaskType("start-replication"));
        assertThat(waiter().waitUntilReplicationTaskRunning(b -> b.filters(filter("replication-task-arn", arn)))
                .matched().response()).hasValueSatisfying(r -> assertThat(r.replicationTasks().get(0).status())
                .isEqualTo("running"));
    }

    @Test
    @DisplayName("waitUntilReplicationTaskDeleted succeeds once the task is gone")
    void deletedWaiter() {
        assumeConforms(Behaviour.FILTER_MISS_IS_NOT_FOUND);
        String arn = task("conf-task", instance("conf-ri"), "cdc");
        poll(() -> describeTask(arn).status(), "ready", 5);
        dms().deleteReplicationTask(b -> b.replicationTaskArn(arn));
        waiter().waitUntilReplicationTaskDeleted(b -> b.filters(filter("replication-task-arn", arn)));
    }

    @Test
    @DisplayName("DescribeTableStatistics answers for a running task")
    void tableStatistics() {
        assumeConforms(Behaviour.TABLE_STATISTICS);
        String arn = task("conf-task", instance("conf-ri"), "cdc");
        poll(() -> describeTask(arn).status(), "ready", 5);
        dms().startReplicationTask(b -> b.replicationTaskArn(arn).startReplicationTaskType("start-replication"));
        assertThat(dms().describeTableStatistics(b -> b.replicationTaskArn(arn)).replicationTaskArn()).isEqualTo(arn);
    }

    @Test
    @DisplayName("ModifyReplicationTask changes a ready task")
    void modifyTask() {
        assumeConforms(Behaviour.MODIFY_TASK);
        String arn = task("conf-task", instance("conf-ri"), "cdc");
        poll(() -> describeTask(arn).status(), "ready", 5);
        dms().modifyReplicationTask(b -> b.replicationTaskArn(arn).migrationType("full-load-and-cdc"));
        assertThat(poll(() -> describeTask(arn).status(), "ready", 5)).isEqualTo("ready");
        assertThat(describeTask(arn).migrationTypeAsString()).isEqualTo("full-load-and-cdc");
    }

    /** Fails a test that expected a waiter failure; kept for subclasses pinning too-eager acceptors. */
    static void assertWaiterFails(Runnable wait) {
        assertThatThrownBy(wait::run).isInstanceOf(SdkClientException.class);
    }

    static final Duration SHORT = Duration.ofMillis(50);
}
