package io.dmskit.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.engine.LocalReplicationEngine;
import io.dmskit.model.StopReason;
import io.dmskit.testkit.FakeClock;
import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.FakeSecretsManager;
import io.dmskit.testkit.LocalS3;
import io.dmskit.testkit.Timings;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;

/** dms-testkit/README.md's examples, run. */
class TestkitReadmeTest {

    @Test
    void fakeDmsBuilders() {
        FakeSecretsManager secrets = FakeSecretsManager.create();
        try (LocalS3 local = LocalS3.started()) {
            S3Client s3 = local.client();
            // region readme:testkit-fakedms
            FakeDms quick = FakeDms.create();                         // account 123456789012, us-east-1, instant transitions
            FakeDms dms = FakeDms.builder()
                    .clock(FakeClock.startingAt(Instant.parse("2026-01-01T00:00:00Z")))
                    .timings(Timings.realistic())                     // minutes for instances, seconds for tasks
                    .secretsManager(secrets)                          // resolves SecretsManagerSecretId of endpoints
                    .replicationEngine(LocalReplicationEngine.builder().s3(s3).build())   // optional real data plane (dms-engine)
                    .accountId("210987654321").region("eu-west-1").seed(42)              // reproducible ARNs
                    .build();
            // endregion
            try (quick; dms) {
                assertThat(instanceArn(quick)).startsWith("arn:aws:dms:us-east-1:123456789012:rep:");
                assertThat(instanceArn(dms)).startsWith("arn:aws:dms:eu-west-1:210987654321:rep:");
            }
        }
    }

    private static String instanceArn(FakeDms dms) {
        return dms.createReplicationInstance(b -> b.replicationInstanceIdentifier("ri")
                .replicationInstanceClass("dms.t3.medium")).replicationInstance().replicationInstanceArn();
    }

    @Test
    void taskControl() {
        try (FakeDms dms = FakeDms.builder().timings(Timings.builder().fullLoadScripted().build()).build()) {
            String task = startedTask(dms, "orders-task");
            String audit = startedTask(dms, "audit-task");
            // region readme:testkit-task-control
            dms.task("orders-task")                                      // by ARN or identifier
               .tableStatistics("shop", "orders", s -> s.tableState("Full load").fullLoadRows(500L))
               .tableState("shop", "customers", "Table completed")
               .finishFullLoad()                                         // FullLoadProgressPercent 100; full-load tasks stop
               .checkpoint("mysql-bin.000042:1337");                     // RecoveryCheckpoint
            dms.task("orders-task").fail("Lost connection to MySQL");    // failed, LastFailureMessage, FATAL_ERROR
            dms.task("audit-task").stop(StopReason.STOPPED_DUE_TO_LOW_MEMORY);     // io.dmskit.model.StopReason
            // endregion
            assertThat(describe(dms, task).status()).isEqualTo("failed");
            assertThat(describe(dms, task).lastFailureMessage()).contains("Lost connection to MySQL");
            assertThat(describe(dms, audit).status()).isEqualTo("stopped");
            assertThat(describe(dms, audit).stopReason()).contains("STOPPED_DUE_TO_LOW_MEMORY");
        }
    }

    @Test
    void faults() {
        try (FakeDms dms = FakeDms.create()) {
            // region readme:testkit-faults
            dms.faults().throttle("CreateEndpoint").times(3);            // ThrottlingException ×3, then success
            dms.faults().seed(7).throttle("DescribeReplicationTasks").rate(0.2);
            dms.faults().serverError("StartReplicationTask").once();     // HTTP 500 InternalFailure
            dms.faults().serviceUnavailable("*").always();               // HTTP 503 until faults().clear()
            dms.faults().error("CreateReplicationInstance", "AccessDeniedFault", 400, "not allowed").once();
            dms.faults().latency("DescribeEndpoints", Duration.ofSeconds(2));          // fake clock +2 s per call
            dms.faults().eventualConsistency("CreateReplicationTask").invisibleFor(2); // next 2 Describes miss new tasks
            // endregion
            assertThatThrownBy(() -> dms.describeEndpoints()).hasMessageContaining("503");
            dms.faults().clear();
            assertThat(dms.describeEndpoints().endpoints()).isEmpty();
        }
    }

    @Test
    void fakeSecretsManager() {
        String json = "{\"username\":\"dms\",\"password\":\"pw\"}";
        String rotatedJson = "{\"username\":\"dms\",\"password\":\"pw2\"}";
        // region readme:testkit-secrets
        FakeSecretsManager secrets = FakeSecretsManager.create();          // account 123456789012, us-east-1
        String arn = secrets.createSecret(b -> b.name("dms/source").secretString(json)).arn();
        // arn:aws:secretsmanager:us-east-1:123456789012:secret:dms/source-Ab3xYz
        secrets.putSecretValue(b -> b.secretId("dms/source").secretString(rotatedJson));   // AWSCURRENT moves, old = AWSPREVIOUS
        secrets.deleteSecret(b -> b.secretId(arn).recoveryWindowInDays(7L));             // reads now fail: InvalidRequestException
        // endregion
        assertThat(arn).startsWith("arn:aws:secretsmanager:us-east-1:123456789012:secret:dms/source-");
        assertThatThrownBy(() -> secrets.getSecretValue(b -> b.secretId("dms/source")))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void localS3() {
        // region readme:testkit-locals3
        try (LocalS3 s3 = LocalS3.started()) {
            s3.createBucket("landing");                                         // idempotent; bucket names validated
            s3.client().putObject(b -> b.bucket("landing").key("a.csv"), RequestBody.fromString("1,x"));
            s3.bucket("landing").keys();                                        // ["a.csv"]; also put/getString/exists/clear
        }
        // endregion
    }

    private static ReplicationTask describe(FakeDms dms, String arn) {
        return dms.describeReplicationTasks(b -> b.filters(f -> f.name("replication-task-arn").values(arn)))
                .replicationTasks().get(0);
    }

    /** A started full-load-and-cdc task with its own instance and endpoints. */
    private static String startedTask(FakeDms dms, String id) {
        String instance = dms.createReplicationInstance(b -> b.replicationInstanceIdentifier(id + "-ri")
                .replicationInstanceClass("dms.t3.medium")).replicationInstance().replicationInstanceArn();
        String source = dms.createEndpoint(b -> b.endpointIdentifier(id + "-src").endpointType("source")
                .engineName("mysql").serverName("db").port(3306).username("u").password("p")).endpoint().endpointArn();
        String target = dms.createEndpoint(b -> b.endpointIdentifier(id + "-dst").endpointType("target").engineName("s3")
                .s3Settings(s -> s.bucketName("b").serviceAccessRoleArn("arn:aws:iam::123456789012:role/s3")))
                .endpoint().endpointArn();
        String task = dms.createReplicationTask(b -> b.replicationTaskIdentifier(id)
                .migrationType("full-load-and-cdc").replicationInstanceArn(instance).sourceEndpointArn(source)
                .targetEndpointArn(target).tableMappings("{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\","
                        + "\"rule-name\":\"1\",\"object-locator\":{\"schema-name\":\"shop\",\"table-name\":\"%\"},"
                        + "\"rule-action\":\"include\"}]}")).replicationTask().replicationTaskArn();
        dms.startReplicationTask(b -> b.replicationTaskArn(task).startReplicationTaskType("start-replication"));
        return task;
    }
}
