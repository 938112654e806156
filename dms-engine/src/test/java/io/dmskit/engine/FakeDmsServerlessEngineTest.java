package io.dmskit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.FakeSecretsManager;
import io.dmskit.testkit.LocalS3;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.Replication;
import software.amazon.awssdk.services.databasemigration.model.TableStatistics;

/**
 * DMS Serverless replications run by the local engine through FakeDms, driven only through the SDK interface: MariaDB
 * to LocalS3 (full load, CDC, stop, resume-processing from the checkpoint, reload-target) and PostgreSQL to a
 * PostgreSQL JDBC target (full load, CDC, ReloadReplicationTables, a full-load-only run), with the counts read back
 * from DescribeReplicationTableStatistics.
 */
class FakeDmsServerlessEngineTest {

    private static final String MY = "eng_sless_my";
    private static final String PG = "eng_sless_pg";
    private static final String PG_OUT = "eng_sless_out";
    private static LocalReplicationEngine engine;
    private static FakeSecretsManager secrets;
    private static FakeDms fake;
    private static DatabaseMigrationClient dms;

    @BeforeAll
    static void setUp() {
        Databases.mysql("DROP DATABASE IF EXISTS " + MY, "CREATE DATABASE " + MY,
                "CREATE TABLE " + MY + ".customers (id INT PRIMARY KEY, name VARCHAR(40))",
                "INSERT INTO " + MY + ".customers VALUES (1, 'Atelier graphique'), (2, 'Signal Gift Stores')",
                "CREATE TABLE " + MY + ".orders (id INT PRIMARY KEY, customer_id INT, total DECIMAL(10,2))",
                "INSERT INTO " + MY + ".orders VALUES (10, 1, 99.90), (11, 2, 5.00), (12, 2, 7.50)");
        Databases.postgres("DROP SCHEMA IF EXISTS " + PG + " CASCADE", "DROP SCHEMA IF EXISTS " + PG_OUT + " CASCADE",
                "CREATE SCHEMA " + PG, "CREATE TABLE " + PG + ".events (id integer PRIMARY KEY, kind varchar(20))",
                "INSERT INTO " + PG + ".events VALUES (1, 'open'), (2, 'close'), (3, 'open')");
        engine = LocalReplicationEngine.builder().s3(SharedS3.get().client()).pollInterval(Duration.ofMillis(100))
                .build();
        secrets = FakeSecretsManager.create();
        fake = FakeDms.builder().replicationEngine(engine).secretsManager(secrets).build();
        dms = fake;
    }

    @AfterAll
    static void tearDown() {
        fake.close();
        engine.close();
        Databases.mysql("DROP DATABASE IF EXISTS " + MY);
        Databases.postgres("DROP SCHEMA IF EXISTS " + PG + " CASCADE", "DROP SCHEMA IF EXISTS " + PG_OUT + " CASCADE");
    }

    /** A MariaDB source whose credentials are in a Secrets Manager secret (the test server's password is empty). */
    private static String mariaDbSource(String id) {
        Databases.Server s = Databases.mysql();
        String secret = secrets.createSecret(b -> b.name("eng-sless/" + id).secretString("{\"username\":\""
                + s.user() + "\",\"password\":\"" + s.password() + "\",\"host\":\"" + s.host()
                + "\",\"port\":\"" + s.port() + "\"}")).arn();
        return dms.createEndpoint(b -> b.endpointIdentifier(id).endpointType("source").engineName("mariadb")
                .mySQLSettings(m -> m.secretsManagerSecretId(secret)
                        .secretsManagerAccessRoleArn("arn:aws:iam::123456789012:role/secrets"))).endpoint()
                .endpointArn();
    }

    private static String postgres(String id, String type) {
        Databases.Server s = Databases.postgres();
        return dms.createEndpoint(b -> b.endpointIdentifier(id).endpointType(type).engineName("postgres")
                .serverName(s.host()).port(s.port()).username(s.user()).password(s.password().isEmpty() ? "none"
                        : s.password()).databaseName(s.database())).endpoint().endpointArn();
    }

    private static String mappings(String schema) {
        return "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"1\",\"object-locator\":"
                + "{\"schema-name\":\"" + schema + "\",\"table-name\":\"%\"},\"rule-action\":\"include\"}]}";
    }

    private static String config(String id, String source, String target, String type, String mappings,
                                 String settings) {
        return dms.createReplicationConfig(b -> b.replicationConfigIdentifier(id).sourceEndpointArn(source)
                .targetEndpointArn(target).replicationType(type).tableMappings(mappings)
                .replicationSettings(settings).computeConfig(c -> c.maxCapacityUnits(2))).replicationConfig()
                .replicationConfigArn();
    }

    private static Replication replication(String arn) {
        return dms.describeReplications(b -> b.filters(f -> f.name("replication-config-arn").values(arn)))
                .replications().get(0);
    }

    private static Optional<TableStatistics> stats(String arn, String table) {
        return dms.describeReplicationTableStatistics(b -> b.replicationConfigArn(arn)
                .filters(f -> f.name("table-name").values(table))).replicationTableStatistics().stream().findFirst();
    }

    private static boolean completed(String arn, String table) {
        return stats(arn, table).map(s -> "Table completed".equals(s.tableState())).orElse(false);
    }

    private static List<String> pgRows(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = Databases.postgresConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1) + "," + rs.getString(2));
            }
        }
        return rows;
    }

    @Test
    @DisplayName("MariaDB to LocalS3: full load and CDC, stop, resume-processing from the checkpoint, reload-target")
    void mariaDbToS3() {
        LocalS3.Bucket bucket = SharedS3.bucket("eng-sless-s3");
        String target = dms.createEndpoint(b -> b.endpointIdentifier("eng-sless-s3-tgt").endpointType("target")
                .engineName("s3").s3Settings(s -> s.bucketName("eng-sless-s3").bucketFolder("dms")
                        .cdcMaxBatchInterval(1).serviceAccessRoleArn("arn:aws:iam::123456789012:role/s3")))
                .endpoint().endpointArn();
        String arn = config("eng-sless-s3", mariaDbSource("eng-sless-s3-src"), target, "full-load-and-cdc",
                mappings(MY), null);
        assertThat(dms.startReplication(b -> b.replicationConfigArn(arn).startReplicationType("start-replication"))
                .replication().status()).isEqualTo("initializing");
        try {
            Await.until("full load", Duration.ofSeconds(30), () -> completed(arn, "orders")
                    && completed(arn, "customers"), () -> replication(arn).toString());
            assertThat(stats(arn, "orders").orElseThrow().fullLoadRows()).isEqualTo(3L);
            Replication running = replication(arn);
            assertThat(running.status()).isEqualTo("running");
            assertThat(running.provisionData().provisionState()).isEqualTo("provisioned");
            assertThat(bucket.getString("dms/" + MY + "/customers/LOAD00000001.csv"))
                    .isEqualTo("1,Atelier graphique\n2,Signal Gift Stores\n");

            Databases.mysql("INSERT INTO " + MY + ".orders VALUES (13, 1, 1.00)");
            Await.until("CDC insert", Duration.ofSeconds(15), () -> stats(arn, "orders").orElseThrow().inserts() == 1L,
                    () -> stats(arn, "orders").toString());
        } finally {
            dms.stopReplication(b -> b.replicationConfigArn(arn));
        }
        Replication stopped = replication(arn);
        assertThat(stopped.status()).isEqualTo("stopped");
        assertThat(stopped.recoveryCheckpoint()).as("the engine's checkpoint").isNotBlank();

        Databases.mysql("INSERT INTO " + MY + ".orders VALUES (14, 2, 2.00)");
        dms.startReplication(b -> b.replicationConfigArn(arn).startReplicationType("resume-processing"));
        try {
            // with instant timings, the next call to the fake moves the replication on: the condition makes one
            Await.until("the change made while stopped", Duration.ofSeconds(15), () -> replication(arn).status()
                    .equals("running") && bucket.keys("dms/" + MY + "/orders/").stream()
                    .filter(k -> !k.contains("LOAD")).flatMap(k -> bucket.getString(k).lines())
                    .anyMatch(l -> l.equals("I,14,2,2.00")), () -> bucket.keys("dms/").toString());
            assertThat(stats(arn, "orders").orElseThrow().fullLoadRows()).as("no second full load on resume")
                    .isEqualTo(3L);
        } finally {
            dms.stopReplication(b -> b.replicationConfigArn(arn));
        }

        dms.startReplication(b -> b.replicationConfigArn(arn).startReplicationType("reload-target"));
        try {
            Await.until("reloaded", Duration.ofSeconds(30), () -> stats(arn, "orders").map(s -> s.fullLoadRows() == 5L
                    && "Table completed".equals(s.tableState())).orElse(false), () -> stats(arn, "orders").toString());
            assertThat(replication(arn).startReplicationType()).isEqualTo("reload-target");
        } finally {
            dms.stopReplication(b -> b.replicationConfigArn(arn));
        }
    }

    @Test
    @DisplayName("PostgreSQL to a PostgreSQL JDBC target: full load, CDC, ReloadReplicationTables, table statistics")
    void postgresToJdbc() throws Exception {
        String settings = "{\"TargetMetadata\":{\"TargetSchema\":\"" + PG_OUT + "\"}}";
        String arn = config("eng-sless-jdbc", postgres("eng-sless-pg-src", "source"),
                postgres("eng-sless-pg-tgt", "target"), "full-load-and-cdc", mappings(PG), settings);
        dms.startReplication(b -> b.replicationConfigArn(arn).startReplicationType("start-replication"));
        try {
            Await.until("full load", Duration.ofSeconds(30), () -> completed(arn, "events"),
                    () -> replication(arn).toString());
            assertThat(pgRows("SELECT id, kind FROM " + PG_OUT + ".events ORDER BY id"))
                    .containsExactly("1,open", "2,close", "3,open");
            assertThat(stats(arn, "events").orElseThrow().fullLoadRows()).isEqualTo(3L);

            Databases.postgres("INSERT INTO " + PG + ".events VALUES (4, 'late')",
                    "UPDATE " + PG + ".events SET kind = 'reopened' WHERE id = 2");
            Await.until("CDC applied", Duration.ofSeconds(15), () -> {
                TableStatistics s = stats(arn, "events").orElseThrow();
                return s.inserts() == 1L && s.updates() == 1L;
            }, () -> stats(arn, "events").toString());
            assertThat(pgRows("SELECT id, kind FROM " + PG_OUT + ".events ORDER BY id"))
                    .containsExactly("1,open", "2,reopened", "3,open", "4,late");

            Databases.postgres("INSERT INTO " + PG_OUT + ".events VALUES (99, 'stray')");
            dms.reloadReplicationTables(b -> b.replicationConfigArn(arn)
                    .tablesToReload(t -> t.schemaName(PG).tableName("events")));
            Await.until("table reloaded", Duration.ofSeconds(30), () -> stats(arn, "events")
                    .map(s -> Boolean.TRUE.equals(s.fullLoadReloaded()) && "Table completed".equals(s.tableState())
                            && s.fullLoadRows() == 4L).orElse(false), () -> stats(arn, "events").toString());
            assertThat(pgRows("SELECT id, kind FROM " + PG_OUT + ".events ORDER BY id"))
                    .containsExactly("1,open", "2,reopened", "3,open", "4,late");
        } finally {
            dms.stopReplication(b -> b.replicationConfigArn(arn));
        }
        assertThat(replication(arn).status()).isEqualTo("stopped");
    }

    @Test
    @DisplayName("a full-load serverless replication from MariaDB to PostgreSQL stops with FULL_LOAD_ONLY_FINISHED")
    void fullLoadOnlyToJdbc() throws Exception {
        String settings = "{\"TargetMetadata\":{\"TargetSchema\":\"" + PG_OUT + "_fl\"}}";
        Databases.postgres("DROP SCHEMA IF EXISTS " + PG_OUT + "_fl CASCADE");
        String arn = config("eng-sless-fl", mariaDbSource("eng-sless-fl-src"), postgres("eng-sless-fl-tgt", "target"),
                "full-load", "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"1\","
                        + "\"object-locator\":{\"schema-name\":\"" + MY + "\",\"table-name\":\"customers\"},"
                        + "\"rule-action\":\"include\"}]}", settings);
        try {
            dms.startReplication(b -> b.replicationConfigArn(arn).startReplicationType("start-replication"));
            Await.until("stopped", Duration.ofSeconds(30), () -> replication(arn).status().equals("stopped"),
                    () -> replication(arn).toString());
            Replication done = replication(arn);
            assertThat(done.stopReason()).isEqualTo("Stop Reason FULL_LOAD_ONLY_FINISHED");
            assertThat(done.replicationStats().fullLoadProgressPercent()).isEqualTo(100);
            assertThat(done.replicationStats().tablesLoaded()).isEqualTo(1);
            assertThat(stats(arn, "customers").orElseThrow().fullLoadRows()).isEqualTo(2L);
            assertThat(pgRows("SELECT id, name FROM " + PG_OUT + "_fl.customers ORDER BY id"))
                    .containsExactly("1,Atelier graphique", "2,Signal Gift Stores");
        } finally {
            Databases.postgres("DROP SCHEMA IF EXISTS " + PG_OUT + "_fl CASCADE");
        }
    }
}
