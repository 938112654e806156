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
 * A DMS Serverless replication run by the local engine on FakeDms, from MariaDB to LocalS3: the verifier, given only
 * the replication config's ARN, reads its table mappings, its S3 target, its table statistics
 * (DescribeReplicationTableStatistics), counts and probes CDC.
 */
@DisplayName("Verifier and CDC probe against a DMS Serverless replication config, by its ARN")
class ServerlessEngineVerifierTest {

    private static final DataSource DB = TestDatabases.mariadb();
    private static final S3Client S3 = SharedS3.get().client();
    private static String schema;
    private static LocalReplicationEngine engine;
    private static FakeDms dms;
    private static String taskArn;

    @BeforeAll
    static void setUp() throws Exception {
        schema = TestDatabases.uniqueName("sless_verify");
        TestDatabases.createSchema(DB, schema);
        TestDatabases.createTable(DB, schema, "orders", 250, false);
        TestDatabases.exec(DB, "CREATE TABLE " + schema + ".dmskit_probe (id VARCHAR(64) PRIMARY KEY,"
                + " note VARCHAR(200), committed_at TIMESTAMP(6) NULL)");
        String bucket = SharedS3.newBucket();

        engine = LocalReplicationEngine.builder().s3(S3).cdcMode(CdcMode.POLLING)
                .pollInterval(Duration.ofMillis(200)).build();
        FakeSecretsManager secrets = FakeSecretsManager.create();
        dms = FakeDms.builder().replicationEngine(engine).secretsManager(secrets).build();

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
        String source = dms.createEndpoint(b -> b.endpointIdentifier("sless-src").endpointType("source")
                .engineName("mariadb").mySQLSettings(m -> m.secretsManagerSecretId(secret)
                        .secretsManagerAccessRoleArn("arn:aws:iam::123456789012:role/secrets")))
                .endpoint().endpointArn();
        String target = dms.createEndpoint(b -> b.endpointIdentifier("sless-tgt").endpointType("target")
                .engineName("s3").s3Settings(s -> s.bucketName(bucket).bucketFolder("raw").cdcMaxBatchInterval(1)
                        .serviceAccessRoleArn("arn:aws:iam::123456789012:role/s3"))).endpoint().endpointArn();
        String mappings = """
                {"rules":[{"rule-type":"selection","rule-id":"1","rule-name":"1","object-locator":
                {"schema-name":"%s","table-name":"%%"},"rule-action":"include"}]}""".formatted(schema);
        taskArn = dms.createReplicationConfig(b -> b.replicationConfigIdentifier("sless-config")
                .replicationType("full-load-and-cdc").sourceEndpointArn(source).targetEndpointArn(target)
                .computeConfig(c -> c.maxCapacityUnits(2)).tableMappings(mappings)).replicationConfig()
                .replicationConfigArn();
        dms.startReplication(b -> b.replicationConfigArn(taskArn).startReplicationType("start-replication"));
        Await.until("the full load of both tables", Duration.ofSeconds(60),
                () -> completed("orders") && completed("dmskit_probe"),
                () -> dms.describeReplications(b -> b.filters(f -> f.name("replication-config-arn")
                        .values(taskArn))).replications().toString());
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
        List<TableStatistics> stats = dms.describeReplicationTableStatistics(b -> b.replicationConfigArn(taskArn))
                .replicationTableStatistics();
        return stats.stream().anyMatch(s -> s.tableName().equals(table) && "Table completed".equals(s.tableState()));
    }

    @AfterAll
    static void tearDown() {
        if (dms != null) {
            try {
                dms.stopReplication(b -> b.replicationConfigArn(taskArn));
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
    @DisplayName("given the config's ARN, counts read through the replication match DMS's table statistics and the probe sees all three changes")
    void countsAndProbeWithPollingCdc() {
        Verifier verifier = Verifier.builder().source(DB).dms(dms).replicationConfigArn(taskArn).s3(S3).build();

        VerificationReport report = verifier.verifyRowCounts();
        TableVerification orders = report.table(schema, "orders").orElseThrow();
        assertThat(orders.status()).as(report.toText()).isEqualTo(VerificationStatus.MATCH);
        assertThat(orders.targetRows()).isEqualTo(250);
        assertThat(orders.dms()).as("DMS's table statistics of the replication").isPresent();

        CdcProbeResult probe = verifier.probeCdc(o -> o.schema(schema).timeout(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200)));
        probe.assertSucceeded();
        assertThat(probe.operations()).extracting(OperationResult::operation)
                .containsExactly(ProbeOperation.INSERT, ProbeOperation.UPDATE, ProbeOperation.DELETE);
        assertThat(probe.operations()).allMatch(OperationResult::seen);
        assertThat(probe.cleanedUp()).isTrue();
    }
}
