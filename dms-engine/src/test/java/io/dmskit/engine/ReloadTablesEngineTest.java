package io.dmskit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.FakeSecretsManager;
import io.dmskit.testkit.LocalS3;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import io.dmskit.testkit.dataplane.RunningReplication;
import software.amazon.awssdk.services.databasemigration.model.MigrationTypeValue;
import software.amazon.awssdk.services.databasemigration.model.ReloadOptionValue;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;
import software.amazon.awssdk.services.databasemigration.model.S3Settings;
import software.amazon.awssdk.services.databasemigration.model.StartReplicationTaskTypeValue;
import software.amazon.awssdk.services.databasemigration.model.TableStatistics;
import software.amazon.awssdk.services.databasemigration.model.TableToReload;

/**
 * ReloadTables through FakeDms into the local engine: a running full-load-and-cdc task reloads one table from the
 * source (TargetTablePrepMode applied to the S3 folder or the target table) while CDC of the other table goes on.
 */
class ReloadTablesEngineTest {

    private static final String DB = "eng_reload";
    private static final String OUT = "eng_reload_out";
    private static LocalReplicationEngine engine;
    private static FakeSecretsManager secrets;
    private static FakeDms dms;
    private static String instanceArn;

    @BeforeAll
    static void setUp() {
        Databases.mysql("DROP DATABASE IF EXISTS " + DB, "DROP DATABASE IF EXISTS " + OUT, "CREATE DATABASE " + DB);
        engine = LocalReplicationEngine.builder().s3(SharedS3.get().client()).pollInterval(Duration.ofMillis(100))
                .build();
        secrets = FakeSecretsManager.create();
        dms = FakeDms.builder().replicationEngine(engine).secretsManager(secrets).build();
        instanceArn = dms.createReplicationInstance(b -> b.replicationInstanceIdentifier("eng-reload-ri")
                .replicationInstanceClass("dms.t3.medium")).replicationInstance().replicationInstanceArn();
        dms.describeReplicationInstances();
    }

    @AfterAll
    static void tearDown() {
        dms.close();
        engine.close();
    }

    /** Fresh source tables {@code <prefix>_orders} (3 rows) and {@code <prefix>_customers} (2 rows). */
    private static void sourceTables(String prefix) {
        Databases.mysql("DROP TABLE IF EXISTS " + DB + "." + prefix + "_orders",
                "DROP TABLE IF EXISTS " + DB + "." + prefix + "_customers",
                "CREATE TABLE " + DB + "." + prefix + "_customers (id INT PRIMARY KEY, name VARCHAR(40))",
                "INSERT INTO " + DB + "." + prefix + "_customers VALUES (1, 'ann'), (2, 'bob')",
                "CREATE TABLE " + DB + "." + prefix + "_orders (id INT PRIMARY KEY, total DECIMAL(10,2))",
                "INSERT INTO " + DB + "." + prefix + "_orders VALUES (10, 1.00), (11, 2.00), (12, 3.00)");
    }

    private static String endpoint(String id, String type) {
        Databases.Server s = Databases.mysql();
        String secret = secrets.createSecret(b -> b.name("eng-reload/" + id).secretString("{\"username\":\"" + s.user()
                + "\",\"password\":\"" + s.password() + "\",\"host\":\"" + s.host() + "\",\"port\":\"" + s.port()
                + "\"}")).arn();
        return dms.createEndpoint(b -> b.endpointIdentifier(id).endpointType(type).engineName("mariadb")
                .mySQLSettings(m -> m.secretsManagerSecretId(secret)
                        .secretsManagerAccessRoleArn("arn:aws:iam::123456789012:role/secrets")))
                .endpoint().endpointArn();
    }

    private static String s3Target(String id, String bucket) {
        return dms.createEndpoint(b -> b.endpointIdentifier(id).endpointType("target").engineName("s3")
                .s3Settings(s -> s.bucketName(bucket).cdcMaxBatchInterval(1)
                        .serviceAccessRoleArn("arn:aws:iam::123456789012:role/s3"))).endpoint().endpointArn();
    }

    private static String startTask(String id, String prefix, String target, String settings) {
        String mappings = "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"1\","
                + "\"object-locator\":{\"schema-name\":\"" + DB + "\",\"table-name\":\"" + prefix + "_%\"},"
                + "\"rule-action\":\"include\"}]}";
        String arn = dms.createReplicationTask(b -> b.replicationTaskIdentifier(id).migrationType("full-load-and-cdc")
                .sourceEndpointArn(endpoint(id + "-src", "source")).targetEndpointArn(target)
                .replicationInstanceArn(instanceArn).tableMappings(mappings).replicationTaskSettings(settings))
                .replicationTask().replicationTaskArn();
        task(arn);
        dms.startReplicationTask(b -> b.replicationTaskArn(arn).startReplicationTaskType("start-replication"));
        Await.until("both tables loaded", Duration.ofSeconds(30),
                () -> state(arn, prefix + "_orders").equals("Table completed")
                        && state(arn, prefix + "_customers").equals("Table completed"),
                () -> dms.describeTableStatistics(b -> b.replicationTaskArn(arn)).toString());
        return arn;
    }

    private static ReplicationTask task(String arn) {
        return dms.describeReplicationTasks(b -> b.filters(f -> f.name("replication-task-arn").values(arn)))
                .replicationTasks().get(0);
    }

    private static Optional<TableStatistics> stats(String arn, String table) {
        return dms.describeTableStatistics(b -> b.replicationTaskArn(arn)).tableStatistics().stream()
                .filter(t -> t.tableName().equals(table)).findFirst();
    }

    private static String state(String arn, String table) {
        return stats(arn, table).map(TableStatistics::tableState).orElse("");
    }

    private static void reload(String arn, String table) {
        dms.reloadTables(b -> b.replicationTaskArn(arn).tablesToReload(t -> t.schemaName(DB).tableName(table))
                .reloadOption("data-reload"));
    }

    private static void awaitReloaded(String arn, String table, long rows) {
        Await.until(table + " reloaded", Duration.ofSeconds(30), () -> stats(arn, table)
                .map(s -> "Table completed".equals(s.tableState()) && s.fullLoadRows() == rows).orElse(false),
                () -> stats(arn, table).toString());
    }

    private static void stop(String arn) {
        dms.stopReplicationTask(b -> b.replicationTaskArn(arn));
        Await.until("task stopped", Duration.ofSeconds(20), () -> task(arn).status().equals("stopped"));
    }

    private static List<String> cdcLines(LocalS3.Bucket bucket, String folder) {
        return bucket.keys(folder).stream().filter(k -> !k.contains("/LOAD"))
                .flatMap(k -> bucket.getString(k).lines()).toList();
    }

    @Test
    @DisplayName("S3, DROP_AND_CREATE: the reloaded table's folder holds a new LOAD00000001 with the changed source "
            + "rows, FullLoadRows and TableState follow, and CDC of both tables goes on")
    void reloadToS3ReplacesTheTableFolder() {
        sourceTables("s3");
        LocalS3.Bucket bucket = SharedS3.bucket("eng-reload-s3");
        String arn = startTask("eng-reload-s3", "s3", s3Target("eng-reload-s3-tgt", "eng-reload-s3"), "{}");
        String orders = DB + "/s3_orders/";
        String customers = DB + "/s3_customers/";
        try {
            assertThat(bucket.getString(orders + "LOAD00000001.csv")).isEqualTo("10,1.00\n11,2.00\n12,3.00\n");
            // changes captured before the reload: written as CDC first
            Databases.mysql("UPDATE " + DB + ".s3_orders SET total = 20.00 WHERE id = 10",
                    "DELETE FROM " + DB + ".s3_orders WHERE id = 11",
                    "INSERT INTO " + DB + ".s3_orders VALUES (13, 4.00), (14, 5.00)",
                    "INSERT INTO " + DB + ".s3_customers VALUES (3, 'cid')");
            Await.until("CDC of the changes", Duration.ofSeconds(20),
                    () -> stats(arn, "s3_orders").orElseThrow().inserts() == 2L
                            && stats(arn, "s3_customers").orElseThrow().inserts() == 1L,
                    () -> stats(arn, "s3_orders").toString());
            assertThat(cdcLines(bucket, orders)).isNotEmpty();
            List<String> customerKeysBefore = bucket.keys(customers);

            reload(arn, "s3_orders");
            awaitReloaded(arn, "s3_orders", 4);

            TableStatistics reloaded = stats(arn, "s3_orders").orElseThrow();
            assertThat(reloaded.fullLoadReloaded()).isTrue();
            assertThat(reloaded.fullLoadEndTime()).isNotNull();
            assertThat(reloaded.inserts()).as("CDC counters are kept across the reload").isEqualTo(2L);
            assertThat(bucket.keys(orders)).as("DROP_AND_CREATE empties the folder first")
                    .containsExactly(orders + "LOAD00000001.csv");
            assertThat(bucket.getString(orders + "LOAD00000001.csv"))
                    .isEqualTo("10,20.00\n12,3.00\n13,4.00\n14,5.00\n");
            assertThat(bucket.keys(customers)).as("the other table's files are untouched")
                    .containsExactlyElementsOf(customerKeysBefore);
            assertThat(state(arn, "s3_customers")).isEqualTo("Table completed");
            assertThat(task(arn).status()).isEqualTo("running");

            Databases.mysql("INSERT INTO " + DB + ".s3_orders VALUES (15, 6.00)",
                    "UPDATE " + DB + ".s3_customers SET name = 'bo' WHERE id = 2");
            Await.until("CDC after the reload", Duration.ofSeconds(20),
                    () -> stats(arn, "s3_orders").orElseThrow().inserts() == 3L
                            && stats(arn, "s3_customers").orElseThrow().updates() == 1L,
                    () -> stats(arn, "s3_orders").toString());
            assertThat(cdcLines(bucket, orders)).containsExactly("I,15,6.00");
            assertThat(cdcLines(bucket, customers)).containsExactlyInAnyOrder("I,3,cid", "U,2,bo");
        } finally {
            stop(arn);
        }
    }

    @Test
    @DisplayName("S3, DO_NOTHING: existing objects stay and the reload's LOAD files are numbered after them")
    void reloadToS3WithDoNothingAppendsLoadFiles() {
        sourceTables("dn");
        LocalS3.Bucket bucket = SharedS3.bucket("eng-reload-dn");
        String arn = startTask("eng-reload-dn", "dn", s3Target("eng-reload-dn-tgt", "eng-reload-dn"),
                "{\"FullLoadSettings\":{\"TargetTablePrepMode\":\"DO_NOTHING\"}}");
        String orders = DB + "/dn_orders/";
        try {
            Databases.mysql("DELETE FROM " + DB + ".dn_orders WHERE id = 12");
            Await.until("CDC of the delete", Duration.ofSeconds(20),
                    () -> stats(arn, "dn_orders").orElseThrow().deletes() == 1L);
            reload(arn, "dn_orders");
            awaitReloaded(arn, "dn_orders", 2);
            List<String> keys = bucket.keys(orders);
            assertThat(keys).contains(orders + "LOAD00000001.csv", orders + "LOAD00000002.csv")
                    .noneMatch(k -> k.endsWith("LOAD00000003.csv"));
            assertThat(bucket.getString(orders + "LOAD00000001.csv")).isEqualTo("10,1.00\n11,2.00\n12,3.00\n");
            assertThat(bucket.getString(orders + "LOAD00000002.csv")).isEqualTo("10,1.00\n11,2.00\n");
            assertThat(cdcLines(bucket, orders)).containsExactly("D,12,3.00");

            reload(arn, "dn_no_such_table");
            Await.until("the unknown table reported", Duration.ofSeconds(20),
                    () -> state(arn, "dn_no_such_table").equals("Table does not exist"),
                    () -> stats(arn, "dn_no_such_table").toString());
            assertThat(bucket.keys(DB + "/dn_no_such_table/")).isEmpty();
        } finally {
            stop(arn);
        }
    }

    @Test
    @DisplayName("MariaDB target, TRUNCATE_BEFORE_LOAD: the reload empties the target table (keeping its definition) "
            + "and loads the source rows again; the other table keeps replicating")
    void reloadToDatabaseHonoursPrepMode() throws SQLException {
        sourceTables("db");
        String arn = startTask("eng-reload-db", "db", endpoint("eng-reload-db-tgt", "target"),
                "{\"TargetMetadata\":{\"TargetSchema\":\"" + OUT + "\"},"
                        + "\"FullLoadSettings\":{\"TargetTablePrepMode\":\"TRUNCATE_BEFORE_LOAD\"}}");
        try {
            assertThat(rows("SELECT id, total FROM " + OUT + ".db_orders ORDER BY id"))
                    .containsExactly("10|1.00", "11|2.00", "12|3.00");
            // drift on the target that only a reload repairs, and a column only TRUNCATE (not DROP) keeps
            Databases.mysql("ALTER TABLE " + OUT + ".db_orders ADD COLUMN note VARCHAR(10) NULL",
                    "INSERT INTO " + OUT + ".db_orders VALUES (99, 9.99, 'drift')",
                    "UPDATE " + DB + ".db_orders SET total = 30.00 WHERE id = 12");
            Await.until("CDC of the update", Duration.ofSeconds(20),
                    () -> stats(arn, "db_orders").orElseThrow().updates() == 1L);

            reload(arn, "db_orders");
            awaitReloaded(arn, "db_orders", 3);

            assertThat(rows("SELECT id, total, note FROM " + OUT + ".db_orders ORDER BY id"))
                    .containsExactly("10|1.00|null", "11|2.00|null", "12|30.00|null");
            assertThat(stats(arn, "db_orders").orElseThrow().appliedUpdates()).isEqualTo(1L);

            Databases.mysql("INSERT INTO " + DB + ".db_customers VALUES (3, 'cid')",
                    "INSERT INTO " + DB + ".db_orders VALUES (13, 4.00)");
            Await.until("CDC after the reload", Duration.ofSeconds(20),
                    () -> stats(arn, "db_customers").orElseThrow().appliedInserts() == 1L
                            && stats(arn, "db_orders").orElseThrow().appliedInserts() == 1L);
            assertThat(rows("SELECT id, name FROM " + OUT + ".db_customers ORDER BY id"))
                    .containsExactly("1|ann", "2|bob", "3|cid");
            assertThat(rows("SELECT id FROM " + OUT + ".db_orders ORDER BY id"))
                    .containsExactly("10", "11", "12", "13");
        } finally {
            stop(arn);
        }
    }

    @Test
    @DisplayName("a reload that arrives during a full-load task's own load runs before the task reports the end of "
            + "the full load")
    void reloadDuringAFullLoadTask() {
        sourceTables("fl");
        LocalS3.Bucket bucket = SharedS3.bucket("eng-reload-fl");
        String mappings = "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"1\","
                + "\"object-locator\":{\"schema-name\":\"" + DB + "\",\"table-name\":\"fl_%\"},"
                + "\"rule-action\":\"include\"}]}";
        TestContext ctx = new TestContext(TestContext.task("eng-reload-fl", MigrationTypeValue.FULL_LOAD, mappings, null),
                Databases.mysqlSource("src-eng-reload-fl"), Databases.mysql().credentials(),
                SharedS3.s3Target("tgt-eng-reload-fl", S3Settings.builder().bucketName("eng-reload-fl")
                        .serviceAccessRoleArn("arn:aws:iam::123456789012:role/dms").build()),
                Databases.mysql().credentials(), StartReplicationTaskTypeValue.START_REPLICATION, Optional.empty());
        RunningReplication running = engine.start(ctx);
        running.reload(List.of(TableToReload.builder().schemaName(DB).tableName("fl_orders").build()),
                ReloadOptionValue.DATA_RELOAD);
        Await.until("full load", Duration.ofSeconds(30), () -> ctx.fullLoadFinished || ctx.failure != null,
                ctx::toString);
        running.stop();
        assertThat(ctx.failure).isNull();
        assertThat(ctx.stateHistory()).as("orders loaded twice, customers once")
                .filteredOn(h -> h.endsWith(":Table completed"))
                .containsExactlyInAnyOrder(DB + ".fl_orders:Table completed", DB + ".fl_orders:Table completed",
                        DB + ".fl_customers:Table completed");
        assertThat(bucket.keys(DB + "/fl_orders/")).containsExactly(DB + "/fl_orders/LOAD00000001.csv");
        assertThat(bucket.getString(DB + "/fl_orders/LOAD00000001.csv")).isEqualTo("10,1.00\n11,2.00\n12,3.00\n");
    }

    private static List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = Databases.mysqlConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    sb.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                out.add(sb.toString());
            }
        }
        return out;
    }
}
