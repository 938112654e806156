package io.dmskit.verify;

import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.FakeSecretsManager;
import io.dmskit.engine.CdcMode;
import io.dmskit.engine.LocalReplicationEngine;
import io.dmskit.verify.probe.OperationResult;
import io.dmskit.verify.probe.ProbeOperation;
import io.dmskit.verify.report.TableVerification;
import io.dmskit.verify.report.VerificationStatus;
import io.dmskit.verify.support.Await;
import io.dmskit.verify.support.SharedS3;
import io.dmskit.verify.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.model.TableStatistics;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.URI;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quickstart's situation end to end: FakeDms running a full-load-and-cdc task on dms-testkit's
 * LocalReplicationEngine, which captures CDC by polling the source (as it does when the binlog is off), writing CSV
 * to LocalS3; the verifier reads everything from the task (the S3 endpoint's CsvRowDelimiter comes back escaped).
 */
@DisplayName("Verifier and CDC probe against a task run by the local engine with polling CDC")
class LocalEnginePollingCdcTest {

    private static final DataSource DB = TestDatabases.mariadb();
    private static final S3Client S3 = SharedS3.get().client();
    private static String schema;
    private static LocalReplicationEngine engine;
    private static FakeDms dms;
    private static String taskArn;

    @BeforeAll
    static void setUp() throws Exception {
        schema = TestDatabases.uniqueName("engine_polling");
        TestDatabases.createSchema(DB, schema);
        TestDatabases.createTable(DB, schema, "orders", 250, false);
        TestDatabases.exec(DB, "CREATE TABLE " + schema + ".dmskit_probe (id VARCHAR(64) PRIMARY KEY,"
                + " note VARCHAR(200), committed_at TIMESTAMP(6) NULL)");
        String bucket = SharedS3.newBucket();

        engine = LocalReplicationEngine.builder().s3(S3).cdcMode(CdcMode.POLLING)
                .pollInterval(Duration.ofMillis(200)).build();
        FakeSecretsManager secrets = FakeSecretsManager.create();
        dms = FakeDms.builder().replicationEngine(engine).secretsManager(secrets).build();
        String instance = dms.createReplicationInstance(b -> b.replicationInstanceIdentifier("polling-ri")
                .replicationInstanceClass("dms.t3.medium")).replicationInstance().replicationInstanceArn();

        String host;
        int port;
        String user;
        try (Connection c = DB.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            URI uri = URI.create(md.getURL().substring("jdbc:".length()));
            host = uri.getHost();
            port = uri.getPort() < 0 ? 3306 : uri.getPort();
            user = md.getUserName();
        }
        String password = password(System.getenv().getOrDefault("DMSKIT_MYSQL_URL", ""));
        String secret = secrets.createSecret(b -> b.name("dmskit-verify/" + schema).secretString(
                "{\"username\":\"" + user + "\",\"password\":\"" + password + "\",\"host\":\"" + host
                        + "\",\"port\":\"" + port + "\"}")).arn();
        String source = dms.createEndpoint(b -> b.endpointIdentifier("polling-src").endpointType("source")
                .engineName("mariadb").mySQLSettings(m -> m.secretsManagerSecretId(secret)
                        .secretsManagerAccessRoleArn("arn:aws:iam::123456789012:role/secrets")))
                .endpoint().endpointArn();
        String target = dms.createEndpoint(b -> b.endpointIdentifier("polling-tgt").endpointType("target")
                .engineName("s3").s3Settings(s -> s.bucketName(bucket).bucketFolder("raw").cdcMaxBatchInterval(1)
                        .serviceAccessRoleArn("arn:aws:iam::123456789012:role/s3"))).endpoint().endpointArn();
        String mappings = """
                {"rules":[{"rule-type":"selection","rule-id":"1","rule-name":"1","object-locator":
                {"schema-name":"%s","table-name":"%%"},"rule-action":"include"}]}""".formatted(schema);
        taskArn = dms.createReplicationTask(b -> b.replicationTaskIdentifier("polling-task")
                .migrationType("full-load-and-cdc").sourceEndpointArn(source).targetEndpointArn(target)
                .replicationInstanceArn(instance).tableMappings(mappings)).replicationTask().replicationTaskArn();
        dms.startReplicationTask(b -> b.replicationTaskArn(taskArn).startReplicationTaskType("start-replication"));
        Await.until("the full load of both tables", Duration.ofSeconds(60),
                () -> completed("orders") && completed("dmskit_probe") && engine.cdcModeOf(taskArn).isPresent()
                        && !"none".equals(engine.cdcModeOf(taskArn).orElseThrow()),
                () -> dms.describeReplicationTasks(b -> b.filters(f -> f.name("replication-task-arn")
                        .values(taskArn))).replicationTasks().toString());
    }

    private static String password(String url) {
        int i = url.indexOf("password=");
        if (i < 0) {
            return "";
        }
        String rest = url.substring(i + "password=".length());
        int amp = rest.indexOf('&');
        return amp < 0 ? rest : rest.substring(0, amp);
    }

    private static boolean completed(String table) {
        List<TableStatistics> stats = dms.describeTableStatistics(b -> b.replicationTaskArn(taskArn))
                .tableStatistics();
        return stats.stream().anyMatch(s -> s.tableName().equals(table) && "Table completed".equals(s.tableState()));
    }

    @AfterAll
    static void tearDown() {
        if (dms != null) {
            try {
                dms.stopReplicationTask(b -> b.replicationTaskArn(taskArn));
            } catch (RuntimeException ignored) {
                // already stopped or failed: closing the engine below ends it anyway
            }
            dms.close();
        }
        if (engine != null) {
            engine.close();
        }
        TestDatabases.dropSchema(DB, schema, false);
    }

    @Test
    @DisplayName("the engine captures by polling; row counts read through the task match and the sequential probe sees all three changes")
    void countsAndProbeWithPollingCdc() {
        assertThat(engine.cdcModeOf(taskArn)).contains("polling");
        Verifier verifier = Verifier.builder().source(DB).dms(dms).taskArn(taskArn).s3(S3).build();

        VerificationReport report = verifier.verifyRowCounts();
        TableVerification orders = report.table(schema, "orders").orElseThrow();
        assertThat(orders.status()).as(report.toText()).isEqualTo(VerificationStatus.MATCH);
        assertThat(orders.targetRows()).isEqualTo(250);

        CdcProbeResult probe = verifier.probeCdc(o -> o.schema(schema).timeout(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)));
        probe.assertSucceeded();
        assertThat(probe.operations()).extracting(OperationResult::operation)
                .containsExactly(ProbeOperation.INSERT, ProbeOperation.UPDATE, ProbeOperation.DELETE);
        assertThat(probe.operations()).allMatch(OperationResult::seen);
        assertThat(probe.cleanedUp()).isTrue();
    }

    @Test
    @DisplayName("back to back, the three changes fall between two polls of the engine: the update is never seen")
    void backToBackProbeIsBlindToPollingCdc() {
        Verifier verifier = Verifier.builder().source(DB).dms(dms).taskArn(taskArn).s3(S3).build();
        CdcProbeResult probe = verifier.probeCdc(o -> o.schema(schema).sequential(false)
                .timeout(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(200)));
        assertThat(probe.succeeded()).isFalse();
        assertThat(probe.operation(ProbeOperation.UPDATE).orElseThrow().seen()).isFalse();
        assertThat(probe.failureMessage().orElseThrow()).contains("UPDATE").contains(probe.markerId());
        assertThat(probe.cleanedUp()).isTrue();
    }
}
