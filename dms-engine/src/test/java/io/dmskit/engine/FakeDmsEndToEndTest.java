package io.dmskit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.FakeSecretsManager;
import io.dmskit.testkit.LocalS3;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.model.Connection;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;
import software.amazon.awssdk.services.databasemigration.model.TableStatistics;

/**
 * The whole data plane through FakeDms: endpoints (source credentials in a Secrets Manager secret), test-connection,
 * a full-load-and-cdc task to S3, statistics from DescribeTableStatistics, CDC files, and a full-load task that stops
 * with FULL_LOAD_ONLY_FINISHED.
 */
class FakeDmsEndToEndTest {

    private static final String DB = "eng_e2e";
    private static LocalReplicationEngine engine;
    private static FakeSecretsManager secrets;
    private static FakeDms dms;
    private static String instanceArn;

    @BeforeAll
    static void setUp() {
        Databases.mysql("DROP DATABASE IF EXISTS " + DB, "CREATE DATABASE " + DB,
                "CREATE TABLE " + DB + ".customers (id INT PRIMARY KEY, name VARCHAR(40), country VARCHAR(20))",
                "INSERT INTO " + DB + ".customers VALUES (1, 'Atelier graphique', 'France'), (2, 'Signal Gift Stores', 'USA')",
                "CREATE TABLE " + DB + ".orders (id INT PRIMARY KEY, customer_id INT, total DECIMAL(10,2))",
                "INSERT INTO " + DB + ".orders VALUES (10, 1, 99.90), (11, 2, 5.00), (12, 2, 7.50)");
        engine = LocalReplicationEngine.builder().s3(SharedS3.get().client()).pollInterval(Duration.ofMillis(100)).build();
        secrets = FakeSecretsManager.create();
        dms = FakeDms.builder().replicationEngine(engine).secretsManager(secrets).build();
        instanceArn = dms.createReplicationInstance(b -> b.replicationInstanceIdentifier("eng-e2e-ri")
                .replicationInstanceClass("dms.t3.medium")).replicationInstance().replicationInstanceArn();
        dms.describeReplicationInstances();
    }

    @AfterAll
    static void tearDown() {
        dms.close();
        engine.close();
    }

    private static String sourceWithSecret(String id, String password) {
        Databases.Server s = Databases.mysql();
        String secret = secrets.createSecret(b -> b.name("eng-e2e/" + id).secretString("{\"username\":\"" + s.user()
                + "\",\"password\":\"" + password + "\",\"host\":\"" + s.host() + "\",\"port\":\"" + s.port() + "\"}")).arn();
        return dms.createEndpoint(b -> b.endpointIdentifier(id).endpointType("source").engineName("mariadb")
                .mySQLSettings(m -> m.secretsManagerSecretId(secret)
                        .secretsManagerAccessRoleArn("arn:aws:iam::123456789012:role/secrets"))).endpoint().endpointArn();
    }

    private static String s3Target(String id, String bucket) {
        return dms.createEndpoint(b -> b.endpointIdentifier(id).endpointType("target").engineName("s3")
                .s3Settings(s -> s.bucketName(bucket).bucketFolder("dms").cdcMaxBatchInterval(1)
                        .serviceAccessRoleArn("arn:aws:iam::123456789012:role/s3"))).endpoint().endpointArn();
    }

    private static String mappings() {
        return "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"1\",\"object-locator\":"
                + "{\"schema-name\":\"" + DB + "\",\"table-name\":\"%\"},\"rule-action\":\"include\"}]}";
    }

    private static ReplicationTask task(String arn) {
        return dms.describeReplicationTasks(b -> b.filters(f -> f.name("replication-task-arn").values(arn)))
                .replicationTasks().get(0);
    }

    private static Optional<TableStatistics> stats(String arn, String table) {
        return dms.describeTableStatistics(b -> b.replicationTaskArn(arn)).tableStatistics().stream()
                .filter(t -> t.tableName().equals(table)).findFirst();
    }

    private static Connection connection(String endpointArn) {
        dms.testConnection(b -> b.replicationInstanceArn(instanceArn).endpointArn(endpointArn));
        Await.until("test-connection of " + endpointArn, Duration.ofSeconds(20), () -> !dms.describeConnections(
                b -> b.filters(f -> f.name("endpoint-arn").values(endpointArn))).connections().get(0).status().equals("testing"));
        return dms.describeConnections(b -> b.filters(f -> f.name("endpoint-arn").values(endpointArn))).connections().get(0);
    }

    @Test
    @DisplayName("test-connection really connects: working MariaDB (secret) and bucket succeed; wrong password and missing bucket fail with the reason")
    void testConnectionReallyConnects() {
        SharedS3.bucket("eng-e2e-conn");
        assertThat(connection(sourceWithSecret("eng-e2e-conn-ok", Databases.mysql().password())).status()).isEqualTo("successful");
        assertThat(connection(s3Target("eng-e2e-conn-s3", "eng-e2e-conn")).status()).isEqualTo("successful");

        Connection badPassword = connection(sourceWithSecret("eng-e2e-conn-bad", "wrong-password"));
        assertThat(badPassword.status()).isEqualTo("failed");
        assertThat(badPassword.lastFailureMessage()).contains("Access denied").doesNotContain("wrong-password");
        Connection missingBucket = connection(s3Target("eng-e2e-conn-nob", "eng-e2e-no-such-bucket"));
        assertThat(missingBucket.status()).isEqualTo("failed");
        assertThat(missingBucket.lastFailureMessage()).contains("eng-e2e-no-such-bucket");
    }

    @Test
    @DisplayName("RefreshSchemas lists the source's real schemas (without system schemas) through the engine")
    void refreshSchemasListsRealSchemas() {
        String source = sourceWithSecret("eng-e2e-schemas", Databases.mysql().password());
        dms.refreshSchemas(b -> b.endpointArn(source).replicationInstanceArn(instanceArn));
        Await.until("schemas", Duration.ofSeconds(20), () -> !dms.describeSchemas(b -> b.endpointArn(source)).schemas().isEmpty());
        assertThat(dms.describeSchemas(b -> b.endpointArn(source)).schemas()).contains(DB)
                .doesNotContain("information_schema", "mysql", "performance_schema");
        assertThat(engine.listSchemas(Databases.postgresEndpoint("pg", software.amazon.awssdk.services.databasemigration
                .model.ReplicationEndpointTypeValue.SOURCE), Databases.postgres().credentials()).orElseThrow())
                .contains("public").doesNotContain("pg_catalog", "information_schema");
    }

    @Test
    @DisplayName("full-load-and-cdc through FakeDms: LOAD files in S3, DescribeTableStatistics shows completion, then source changes appear as CDC rows and counters")
    void fullLoadAndCdcThroughFakeDms() {
        LocalS3.Bucket bucket = SharedS3.bucket("eng-e2e-cdc");
        String arn = dms.createReplicationTask(b -> b.replicationTaskIdentifier("eng-e2e-cdc").migrationType("full-load-and-cdc")
                .sourceEndpointArn(sourceWithSecret("eng-e2e-src", Databases.mysql().password()))
                .targetEndpointArn(s3Target("eng-e2e-tgt", "eng-e2e-cdc")).replicationInstanceArn(instanceArn)
                .tableMappings(mappings())).replicationTask().replicationTaskArn();
        task(arn);
        dms.startReplicationTask(b -> b.replicationTaskArn(arn).startReplicationTaskType("start-replication"));
        try {
            Await.until("both tables completed", Duration.ofSeconds(30), () -> stats(arn, "orders")
                    .map(t -> "Table completed".equals(t.tableState())).orElse(false)
                    && stats(arn, "customers").map(t -> "Table completed".equals(t.tableState())).orElse(false),
                    () -> task(arn).toString());
            assertThat(stats(arn, "orders").orElseThrow().fullLoadRows()).isEqualTo(3L);
            assertThat(task(arn).status()).isEqualTo("running");
            assertThat(bucket.getString("dms/" + DB + "/customers/LOAD00000001.csv"))
                    .isEqualTo("1,Atelier graphique,France\n2,Signal Gift Stores,USA\n");

            Databases.mysql("INSERT INTO " + DB + ".orders VALUES (13, 1, 1.00)",
                    "UPDATE " + DB + ".customers SET country = 'Belgium' WHERE id = 1");
            Await.until("CDC counters", Duration.ofSeconds(15), () -> stats(arn, "orders").orElseThrow().inserts() == 1L
                    && stats(arn, "customers").orElseThrow().updates() == 1L, () -> stats(arn, "orders").toString());
            List<String> cdc = bucket.keys("dms/" + DB + "/").stream().filter(k -> !k.contains("LOAD")).toList();
            assertThat(cdc).allMatch(k -> k.matches("dms/" + DB + "/(orders|customers)/\\d{8}-\\d{9}\\.csv"));
            assertThat(cdc.stream().flatMap(k -> bucket.getString(k).lines()))
                    .containsExactlyInAnyOrder("I,13,1,1.00", "U,1,Atelier graphique,Belgium");
        } finally {
            dms.stopReplicationTask(b -> b.replicationTaskArn(arn));
        }
        Await.until("task stopped", Duration.ofSeconds(20), () -> task(arn).status().equals("stopped"));
    }

    @Test
    @DisplayName("a task whose S3 bucket does not exist fails at start, naming the target endpoint and the bucket")
    void missingBucketFailsTheTaskNamingIt() {
        String arn = dms.createReplicationTask(b -> b.replicationTaskIdentifier("eng-e2e-nob").migrationType("full-load")
                .sourceEndpointArn(sourceWithSecret("eng-e2e-nob-src", Databases.mysql().password()))
                .targetEndpointArn(s3Target("eng-e2e-nob-tgt", "eng-e2e-never-created")).replicationInstanceArn(instanceArn)
                .tableMappings(mappings())).replicationTask().replicationTaskArn();
        task(arn);
        dms.startReplicationTask(b -> b.replicationTaskArn(arn).startReplicationTaskType("start-replication"));
        Await.until("the task to fail", Duration.ofSeconds(30), () -> task(arn).status().equals("failed"),
                () -> task(arn).toString());
        assertThat(task(arn).lastFailureMessage()).isEqualTo("Target endpoint 'eng-e2e-nob-tgt': The specified bucket "
                + "does not exist: eng-e2e-never-created (create the bucket before starting the task)");
        assertThat(stats(arn, "orders")).isEmpty();                   // nothing was loaded
    }

    @Test
    @DisplayName("a full-load task stops by itself with FULL_LOAD_ONLY_FINISHED once every table is loaded")
    void fullLoadTaskStopsWhenDone() {
        LocalS3.Bucket bucket = SharedS3.bucket("eng-e2e-fl");
        String arn = dms.createReplicationTask(b -> b.replicationTaskIdentifier("eng-e2e-fl").migrationType("full-load")
                .sourceEndpointArn(sourceWithSecret("eng-e2e-fl-src", Databases.mysql().password()))
                .targetEndpointArn(s3Target("eng-e2e-fl-tgt", "eng-e2e-fl")).replicationInstanceArn(instanceArn)
                .tableMappings(mappings())).replicationTask().replicationTaskArn();
        task(arn);
        dms.startReplicationTask(b -> b.replicationTaskArn(arn).startReplicationTaskType("start-replication"));
        Await.until("the task to stop", Duration.ofSeconds(30), () -> task(arn).status().equals("stopped"),
                () -> task(arn).toString());
        assertThat(task(arn).stopReason()).contains("FULL_LOAD_ONLY_FINISHED");
        assertThat(bucket.keys()).containsExactlyInAnyOrder("dms/" + DB + "/customers/LOAD00000001.csv",
                "dms/" + DB + "/orders/LOAD00000001.csv");
        assertThat(task(arn).replicationTaskStats().fullLoadProgressPercent()).isEqualTo(100);
    }
}
