package io.dmskit.testkit.fakedms;

import static io.dmskit.testkit.fakedms.Fixtures.filter;
import static io.dmskit.testkit.fakedms.Fixtures.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.FakeSecretsManager;
import io.dmskit.testkit.dataplane.EndpointCredentials;
import io.dmskit.testkit.dataplane.ReplicationContext;
import io.dmskit.testkit.dataplane.ReplicationEngine;
import io.dmskit.testkit.dataplane.RunningReplication;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.model.Connection;
import software.amazon.awssdk.services.databasemigration.model.Endpoint;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;

class FakeDmsEngineTest {

    /** An engine that records what FakeDms hands it and lets the test drive the callbacks. */
    static final class RecordingEngine implements ReplicationEngine {
        final List<ReplicationContext> started = new CopyOnWriteArrayList<>();
        final AtomicInteger stopped = new AtomicInteger();
        final List<EndpointCredentials> tested = new CopyOnWriteArrayList<>();
        volatile Optional<String> connectionOutcome = Optional.empty();

        @Override
        public RunningReplication start(ReplicationContext context) {
            started.add(context);
            return () -> {
                context.checkpoint("mysql-bin.000042:1337");
                stopped.incrementAndGet();
            };
        }

        @Override
        public Optional<String> testConnection(Endpoint endpoint, EndpointCredentials credentials) {
            tested.add(credentials);
            return connectionOutcome;
        }
    }

    private final RecordingEngine engine = new RecordingEngine();
    private final FakeSecretsManager secrets = FakeSecretsManager.create();
    private final FakeDms dms = FakeDms.builder().replicationEngine(engine).secretsManager(secrets).build();

    private String secretSource() {
        String secretArn = secrets.createSecret(b -> b.name("mysql").secretString("{\"username\":\"repl\","
                + "\"password\":\"pw-from-secret\",\"host\":\"127.0.0.1\",\"port\":\"3306\",\"dbname\":\"shop\"}"))
                .arn();
        return dms.createEndpoint(b -> b.endpointIdentifier("src").endpointType("source").engineName("mysql")
                .mySQLSettings(m -> m.secretsManagerSecretId(secretArn)
                        .secretsManagerAccessRoleArn("arn:aws:iam::123456789012:role/sm"))).endpoint().endpointArn();
    }

    private String task(String source, String type) {
        String instance = Fixtures.instance(dms, "ri");
        dms.describeReplicationInstances();
        String target = Fixtures.s3Target(dms, "tgt");
        return dms.createReplicationTask(b -> b.replicationTaskIdentifier("t").migrationType(type)
                .sourceEndpointArn(source).targetEndpointArn(target).replicationInstanceArn(instance)
                .tableMappings(Fixtures.MAPPINGS)).replicationTask().replicationTaskArn();
    }

    @Test
    @DisplayName("a running task is handed to the engine with credentials read from the Secrets Manager secret")
    void startWithSecret() {
        String arn = task(secretSource(), "full-load-and-cdc");
        status(dms, arn);
        dms.startReplicationTask(b -> b.replicationTaskArn(arn).startReplicationTaskType("start-replication"));
        assertThat(status(dms, arn)).isEqualTo("running");
        assertThat(engine.started).hasSize(1);
        ReplicationContext ctx = engine.started.get(0);
        assertThat(ctx.task().replicationTaskArn()).isEqualTo(arn);
        assertThat(ctx.startType().toString()).isEqualTo("start-replication");
        EndpointCredentials creds = ctx.sourceCredentials();
        assertThat(creds.username()).contains("repl");
        assertThat(creds.password()).contains("pw-from-secret");
        assertThat(creds.serverName()).contains("127.0.0.1");
        assertThat(creds.port()).contains(3306);
        assertThat(creds.databaseName()).contains("shop");
        assertThat(creds.toString()).doesNotContain("pw-from-secret");
        assertThat(ctx.clock()).isSameAs(dms.clock());
    }

    @Test
    @DisplayName("engine callbacks: statistics appear, full load finishes, the checkpoint survives stop and resume")
    void callbacks() {
        String arn = task(Fixtures.mysqlSource(dms, "src"), "full-load-and-cdc");
        status(dms, arn);
        dms.startReplicationTask(b -> b.replicationTaskArn(arn).startReplicationTaskType("start-replication"));
        status(dms, arn);
        ReplicationContext ctx = engine.started.get(0);
        ctx.updateTableStatistics("shop", "orders", s -> s.tableState("Full load").fullLoadRows(100L));
        ReplicationTask loading = dms.task(arn).describe();
        assertThat(loading.replicationTaskStats().fullLoadProgressPercent()).isZero();
        ctx.fullLoadFinished();
        ReplicationTask cdc = dms.task(arn).describe();
        assertThat(cdc.status()).isEqualTo("running");
        assertThat(cdc.replicationTaskStats().fullLoadProgressPercent()).isEqualTo(100);
        assertThat(dms.task(arn).tableStatistics().get(0).tableState()).isEqualTo("Table completed");
        dms.stopReplicationTask(b -> b.replicationTaskArn(arn));
        assertThat(status(dms, arn)).isEqualTo("stopped");
        assertThat(engine.stopped).hasValue(1);
        assertThat(dms.task(arn).describe().recoveryCheckpoint()).isEqualTo("mysql-bin.000042:1337");
        ctx.updateTableStatistics("shop", "orders", s -> s.inserts(99L));
        assertThat(dms.task(arn).tableStatistics().get(0).inserts()).as("a stopped run's callbacks are ignored")
                .isZero();
        dms.startReplicationTask(b -> b.replicationTaskArn(arn).startReplicationTaskType("resume-processing"));
        status(dms, arn);
        assertThat(engine.started).hasSize(2);
        assertThat(engine.started.get(1).lastCheckpoint()).contains("mysql-bin.000042:1337");
    }

    @Test
    @DisplayName("a full-load task stops with FULL_LOAD_ONLY_FINISHED when the engine reports the end of the load")
    void fullLoadOnly() {
        String arn = task(Fixtures.mysqlSource(dms, "src"), "full-load");
        status(dms, arn);
        dms.startReplicationTask(b -> b.replicationTaskArn(arn).startReplicationTaskType("start-replication"));
        assertThat(status(dms, arn)).as("with an engine, the fake does not end the load itself").isEqualTo("running");
        engine.started.get(0).fullLoadFinished();
        ReplicationTask t = dms.task(arn).describe();
        assertThat(t.status()).isEqualTo("stopped");
        assertThat(t.stopReason()).isEqualTo("Stop Reason FULL_LOAD_ONLY_FINISHED");
        dms.describeReplicationTasks();
        assertThat(engine.stopped).hasValue(1);
    }

    @Test
    @DisplayName("an engine failure fails the task with LastFailureMessage")
    void engineFails() {
        String arn = task(Fixtures.mysqlSource(dms, "src"), "cdc");
        status(dms, arn);
        dms.startReplicationTask(b -> b.replicationTaskArn(arn).startReplicationTaskType("start-replication"));
        status(dms, arn);
        engine.started.get(0).fail("Lost connection to MySQL server");
        ReplicationTask t = dms.describeReplicationTasks(b -> b.filters(filter("replication-task-arn", arn)))
                .replicationTasks().get(0);
        assertThat(t.status()).isEqualTo("failed");
        assertThat(t.lastFailureMessage()).isEqualTo("Lost connection to MySQL server");
        assertThat(engine.stopped).hasValue(1);
    }

    @Test
    @DisplayName("TestConnection asks the engine; its message becomes the connection's LastFailureMessage")
    void testConnection() {
        String instance = Fixtures.instance(dms, "ri");
        dms.describeReplicationInstances();
        String src = secretSource();
        engine.connectionOutcome = Optional.of("Can't connect to MySQL server on '127.0.0.1'");
        assertThat(dms.testConnection(b -> b.replicationInstanceArn(instance).endpointArn(src)).connection().status())
                .isEqualTo("testing");
        Connection c = dms.describeConnections().connections().get(0);
        assertThat(c.status()).isEqualTo("failed");
        assertThat(c.lastFailureMessage()).contains("Can't connect");
        assertThat(engine.tested).singleElement().satisfies(cr -> assertThat(cr.password()).contains("pw-from-secret"));
        engine.connectionOutcome = Optional.empty();
        dms.testConnection(b -> b.replicationInstanceArn(instance).endpointArn(src));
        dms.waiter().waitUntilTestConnectionSucceeds(b -> b.filters(filter("endpoint-arn", src)));
    }

    @Test
    @DisplayName("a missing secret fails the connection test, and close() stops running engines")
    void missingSecretAndClose() {
        FakeDms plain = FakeDms.builder().secretsManager(secrets).replicationEngine(engine).build();
        String instance = Fixtures.instance(plain, "ri");
        plain.describeReplicationInstances();
        String src = plain.createEndpoint(b -> b.endpointIdentifier("src").endpointType("source").engineName("mysql")
                .mySQLSettings(m -> m.secretsManagerSecretId("does-not-exist")
                        .secretsManagerAccessRoleArn("arn:aws:iam::123456789012:role/sm"))).endpoint().endpointArn();
        plain.testConnection(b -> b.replicationInstanceArn(instance).endpointArn(src));
        Connection c = plain.describeConnections().connections().get(0);
        assertThat(c.status()).isEqualTo("failed");
        assertThat(c.lastFailureMessage()).contains("does-not-exist");

        String arn = task(Fixtures.mysqlSource(dms, "other"), "cdc");
        status(dms, arn);
        dms.startReplicationTask(b -> b.replicationTaskArn(arn).startReplicationTaskType("start-replication"));
        status(dms, arn);
        dms.close();
        assertThat(engine.stopped).hasValue(1);
    }
}
