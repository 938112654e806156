package io.dmskit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.testkit.FakeDms;
import io.dmskit.verify.probe.ProbeOutcome;
import io.dmskit.verify.support.Await;
import io.dmskit.verify.support.SharedS3;
import io.dmskit.verify.support.TestDatabases;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.model.MigrationTypeValue;
import software.amazon.awssdk.services.databasemigration.model.ReplicationEndpointTypeValue;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What a probe that sees nothing can prove, from the task's table statistics (FakeDms with a scripted data plane:
 * nothing ever reaches S3, the statistics say what the task did).
 */
@DisplayName("CDC probe outcomes from the task's table statistics")
class ProbeOutcomeTest {

    private static final DataSource DB = TestDatabases.mariadb();
    private static final S3Client S3 = SharedS3.get().client();
    private static String schema;
    private static FakeDms dms;
    private static String taskArn;

    @BeforeAll
    static void setUp() {
        schema = TestDatabases.uniqueName("probe_outcome");
        TestDatabases.createSchema(DB, schema);
        TestDatabases.exec(DB, "CREATE TABLE " + schema + ".dmskit_probe (id VARCHAR(64) PRIMARY KEY,"
                + " note VARCHAR(200), committed_at TIMESTAMP(6) NULL)");
        String bucket = SharedS3.newBucket();
        dms = FakeDms.create();
        String instance = dms.createReplicationInstance(b -> b.replicationInstanceIdentifier("outcome-ri")
                .replicationInstanceClass("dms.t3.medium")).replicationInstance().replicationInstanceArn();
        String source = dms.createEndpoint(b -> b.endpointIdentifier("outcome-src")
                .endpointType(ReplicationEndpointTypeValue.SOURCE).engineName("mysql").serverName("127.0.0.1")
                .port(3306).username("root").password("not-used")).endpoint().endpointArn();
        String target = dms.createEndpoint(b -> b.endpointIdentifier("outcome-tgt")
                .endpointType(ReplicationEndpointTypeValue.TARGET).engineName("s3")
                .s3Settings(s -> s.bucketName(bucket).serviceAccessRoleArn("arn:aws:iam::123456789012:role/s3")))
                .endpoint().endpointArn();
        taskArn = dms.createReplicationTask(b -> b.replicationTaskIdentifier("outcome-task")
                .replicationInstanceArn(instance).sourceEndpointArn(source).targetEndpointArn(target)
                .migrationType(MigrationTypeValue.FULL_LOAD_AND_CDC).tableMappings("""
                        {"rules":[{"rule-type":"selection","rule-id":"1","rule-name":"1","object-locator":
                        {"schema-name":"%s","table-name":"%%"},"rule-action":"include"}]}""".formatted(schema)))
                .replicationTask().replicationTaskArn();
        dms.startReplicationTask(b -> b.replicationTaskArn(taskArn).startReplicationTaskType("start-replication"));
        Await.until("the task to run", Duration.ofSeconds(10), () -> "running".equals(dms.task(taskArn).status()),
                () -> dms.task(taskArn).status());
    }

    @BeforeEach
    void earlierProbes() {
        dms.task(taskArn).tableStatistics(schema, "dmskit_probe", s -> s.tableState("Table completed")
                .inserts(5L).updates(0L).deletes(5L));
    }

    @AfterAll
    static void tearDown() {
        TestDatabases.dropSchema(DB, schema, false);
    }

    private static CdcProbeResult probe(VerificationListener listener) {
        return Verifier.builder().source(DB).dms(dms).taskArn(taskArn).s3(S3).listener(listener).build()
                .probeCdc(o -> o.schema(schema).timeout(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(200)));
    }

    @Test
    @DisplayName("listed, but its counters did not move since the probe started: NOT_CAPTURED")
    void notCaptured() {
        CdcProbeResult probe = probe(new VerificationListener() { });

        assertThat(probe.outcome()).isEqualTo(ProbeOutcome.NOT_CAPTURED);
        assertThat(probe.failureMessage().orElseThrow()).contains("have not counted the probe's changes")
                .contains("inserts 5, updates 0, deletes 5 (before the probe: 5, 0, 5)");
    }

    @Test
    @DisplayName("the counters counted the insert, the target does not show it: NOT_AT_TARGET, with the batch interval hint")
    void notAtTarget() {
        CdcProbeResult probe = probe(new VerificationListener() {
            @Override
            public void probeStep(String message) {
                if (message.startsWith("INSERT of marker")) { // DMS captured the insert, but writes no file
                    dms.task(taskArn).tableStatistics(schema, "dmskit_probe", s -> s.inserts(s.build().inserts() + 1));
                }
            }
        });

        assertThat(probe.outcome()).isEqualTo(ProbeOutcome.NOT_AT_TARGET);
        assertThat(probe.failureMessage().orElseThrow()).contains("counted 1 change(s) of " + schema + ".dmskit_probe")
                .contains("CdcMaxBatchInterval");
    }
}
