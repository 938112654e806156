package io.dmskit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.testkit.LocalS3;
import io.dmskit.testkit.dataplane.RunningReplication;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.model.MigrationTypeValue;
import software.amazon.awssdk.services.databasemigration.model.S3Settings;
import software.amazon.awssdk.services.databasemigration.model.StartReplicationTaskTypeValue;

/** CDC from the local MariaDB (log_bin=OFF here, so by polling) to S3 files named and batched as DMS does. */
class S3CdcTest {

    private static final String DB = "eng_s3cdc";
    private static LocalReplicationEngine engine;

    @BeforeAll
    static void setUp() {
        Databases.mysql("DROP DATABASE IF EXISTS " + DB, "CREATE DATABASE " + DB);
        engine = LocalReplicationEngine.builder().s3(SharedS3.get().client()).pollInterval(Duration.ofMillis(100)).build();
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    private static String mappings(String table) {
        return "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"1\",\"object-locator\":"
                + "{\"schema-name\":\"" + DB + "\",\"table-name\":\"" + table + "\"},\"rule-action\":\"include\"}]}";
    }

    private static TestContext context(String id, String table, MigrationTypeValue type, Consumer<S3Settings.Builder> s3) {
        S3Settings.Builder settings = S3Settings.builder().bucketName(id).serviceAccessRoleArn("arn:aws:iam::1:role/dms");
        s3.accept(settings);
        return new TestContext(TestContext.task(id, type, mappings(table), null), Databases.mysqlSource("src-" + id),
                Databases.mysql().credentials(), SharedS3.s3Target("tgt-" + id, settings.build()),
                Databases.mysql().credentials(), StartReplicationTaskTypeValue.START_REPLICATION, Optional.empty());
    }

    private static List<String> cdcKeys(LocalS3.Bucket bucket, String prefix) {
        return bucket.keys(prefix).stream().filter(k -> !k.contains("/LOAD")).toList();
    }

    @Test
    @DisplayName("full-load-and-cdc: inserts, updates and deletes after the full load land in a timestamp-named CDC file with the Op column, and statistics count them")
    void changesAfterFullLoadAreWrittenAsCdcFile() {
        Databases.mysql("CREATE TABLE " + DB + ".items (id INT PRIMARY KEY, name VARCHAR(30), qty INT, price DECIMAL(8,2))",
                "INSERT INTO " + DB + ".items VALUES (1, 'apple', 10, 0.50), (2, 'pear', 5, 0.75), (3, 'plum', 0, 1.00)");
        LocalS3.Bucket bucket = SharedS3.bucket("eng-cdc-basic");
        TestContext ctx = context("eng-cdc-basic", "items", MigrationTypeValue.FULL_LOAD_AND_CDC,
                s -> s.cdcMaxBatchInterval(1).timestampColumnName("commit_ts"));
        RunningReplication running = engine.start(ctx);
        try {
            Await.until("full load", Duration.ofSeconds(20), () -> ctx.fullLoadFinished, ctx::toString);
            assertThat(engine.cdcModeOf("arn:aws:dms:us-east-1:123456789012:task:eng-cdc-basic")).contains("polling");
            assertThat(bucket.getString(DB + "/items/LOAD00000001.csv").lines())
                    .allMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6},\\d,.*"))
                    .extracting(l -> l.substring(27)).containsExactly("1,apple,10,0.50", "2,pear,5,0.75", "3,plum,0,1.00");

            Databases.mysql("INSERT INTO " + DB + ".items VALUES (4, 'fig', 7, 2.25)",
                    "UPDATE " + DB + ".items SET qty = 11 WHERE id = 1", "DELETE FROM " + DB + ".items WHERE id = 2");
            Await.until("CDC file and statistics", Duration.ofSeconds(15), () -> !cdcKeys(bucket, DB + "/items/").isEmpty()
                    && ctx.stats(DB + ".items").deletes() == 1L, ctx::toString);

            List<String> keys = cdcKeys(bucket, DB + "/items/");
            assertThat(keys).hasSize(1).allMatch(k -> k.matches(DB + "/items/\\d{8}-\\d{9}\\.csv"));
            List<String> rows = bucket.getString(keys.get(0)).lines().map(l -> l.replaceFirst(",[^,]+,", ",<ts>,")).toList();
            assertThat(rows).containsExactlyInAnyOrder("I,<ts>,4,fig,7,2.25", "U,<ts>,1,apple,11,0.50", "D,<ts>,2,pear,5,0.75");
            assertThat(ctx.stats(DB + ".items").inserts()).isEqualTo(1L);
            assertThat(ctx.stats(DB + ".items").updates()).isEqualTo(1L);
            assertThat(ctx.stats(DB + ".items").fullLoadRows()).isEqualTo(3L);
            assertThat(ctx.failure).isNull();
        } finally {
            running.stop();
        }
    }

    @Test
    @DisplayName("stop then resume-processing continues from the checkpoint: changes made while stopped are captured and the full load is not repeated")
    void resumeProcessingKeepsThePosition() {
        Databases.mysql("CREATE TABLE " + DB + ".resume_t (id INT PRIMARY KEY, v VARCHAR(20))",
                "INSERT INTO " + DB + ".resume_t VALUES (1, 'a')");
        LocalS3.Bucket bucket = SharedS3.bucket("eng-cdc-resume");
        TestContext first = context("eng-cdc-resume", "resume_t", MigrationTypeValue.FULL_LOAD_AND_CDC,
                s -> s.cdcMaxBatchInterval(0));
        RunningReplication running = engine.start(first);
        Await.until("full load", Duration.ofSeconds(20), () -> first.fullLoadFinished && first.checkpoint != null,
                first::toString);
        running.stop();
        assertThat(first.checkpoint).startsWith("dmskit-polling:");

        Databases.mysql("INSERT INTO " + DB + ".resume_t VALUES (2, 'while stopped')",
                "UPDATE " + DB + ".resume_t SET v = 'b' WHERE id = 1");
        TestContext resumed = first.resumed();
        RunningReplication again = engine.start(resumed);
        try {
            Await.until("the changes made while stopped", Duration.ofSeconds(15),
                    () -> resumed.stats(DB + ".resume_t") != null && resumed.stats(DB + ".resume_t").updates() == 1L,
                    resumed::toString);
            assertThat(resumed.fullLoadFinished).as("no second full load").isFalse();
            assertThat(bucket.keys(DB + "/resume_t/")).filteredOn(k -> k.contains("LOAD")).hasSize(1);
            String cdc = String.join("", cdcKeys(bucket, DB + "/resume_t/").stream().map(bucket::getString).toList());
            assertThat(cdc.lines()).containsExactlyInAnyOrder("I,2,while stopped", "U,1,b");
        } finally {
            again.stop();
        }
    }

    @Test
    @DisplayName("CdcMinFileSize writes a batch as soon as it holds that much data, long before CdcMaxBatchInterval")
    void cdcMinFileSizeFlushesEarly() {
        Databases.mysql("CREATE TABLE " + DB + ".bulk_t (id INT PRIMARY KEY, payload VARCHAR(100))");
        LocalS3.Bucket bucket = SharedS3.bucket("eng-cdc-size");
        TestContext ctx = context("eng-cdc-size", "bulk_t", MigrationTypeValue.CDC,
                s -> s.cdcMaxBatchInterval(3600).cdcMinFileSize(1).includeOpForFullLoad(true).cdcInsertsOnly(true));
        RunningReplication running = engine.start(ctx);
        try {
            Await.until("CDC start", Duration.ofSeconds(10), () -> ctx.checkpoint != null, ctx::toString);
            StringBuilder insert = new StringBuilder("INSERT INTO " + DB + ".bulk_t VALUES ");
            for (int i = 1; i <= 60; i++) {
                insert.append(i > 1 ? "," : "").append("(").append(i).append(", '").append("x".repeat(40)).append("')");
            }
            Databases.mysql(insert.toString(), "DELETE FROM " + DB + ".bulk_t WHERE id = 60");
            Await.until("a size-triggered CDC file", Duration.ofSeconds(15), () -> !cdcKeys(bucket, DB + "/bulk_t/").isEmpty(),
                    ctx::toString);
            List<String> lines = bucket.getString(cdcKeys(bucket, DB + "/bulk_t/").get(0)).lines().toList();
            assertThat(lines).as("CdcInsertsOnly with IncludeOpForFullLoad: inserts only, with the I field")
                    .allMatch(l -> l.startsWith("I,")).hasSizeBetween(59, 60);
        } finally {
            running.stop();
        }
    }

    @Test
    @DisplayName("DatePartitionEnabled puts CDC files under a commit-date folder; PreserveTransactions writes CDC_TXN files under CdcPath")
    void datePartitionAndTransactionFiles() {
        Databases.mysql("CREATE TABLE " + DB + ".part_t (id INT PRIMARY KEY, v VARCHAR(10))");
        LocalS3.Bucket parts = SharedS3.bucket("eng-cdc-part");
        TestContext dated = context("eng-cdc-part", "part_t", MigrationTypeValue.CDC,
                s -> s.cdcMaxBatchInterval(0).datePartitionEnabled(true).datePartitionSequence("YYYYMMDD")
                        .datePartitionDelimiter("DASH"));
        LocalS3.Bucket txn = SharedS3.bucket("eng-cdc-txn");
        TestContext transactions = context("eng-cdc-txn", "part_t", MigrationTypeValue.CDC,
                s -> s.cdcMaxBatchInterval(0).preserveTransactions(true).cdcPath("changes").bucketFolder("f"));
        RunningReplication first = engine.start(dated);
        RunningReplication second = engine.start(transactions);
        try {
            Await.until("CDC start", Duration.ofSeconds(10), () -> dated.checkpoint != null && transactions.checkpoint != null,
                    dated::toString);
            String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
            Databases.mysql("INSERT INTO " + DB + ".part_t VALUES (1, 'x')");
            Await.until("the insert", Duration.ofSeconds(15), () -> dated.stats(DB + ".part_t").inserts() == 1L
                    && transactions.stats(DB + ".part_t").inserts() == 1L, dated::toString);
            Databases.mysql("UPDATE " + DB + ".part_t SET v = 'y'");
            Await.until("both outputs", Duration.ofSeconds(15), () -> !parts.keys().isEmpty() && !txn.keys().isEmpty()
                    && dated.stats(DB + ".part_t").updates() == 1L && transactions.stats(DB + ".part_t").updates() == 1L,
                    dated::toString);
            assertThat(parts.keys()).allMatch(k -> k.matches(DB + "/part_t/" + today + "/\\d{8}-\\d{9}\\.csv"));
            assertThat(txn.keys()).allMatch(k -> k.matches("f/changes/CDC_TXN-\\d{17}\\.csv"));
            assertThat(txn.keys().stream().flatMap(k -> txn.getString(k).lines()))
                    .containsExactly("I,part_t," + DB + ",1,x", "U,part_t," + DB + ",1,y");
        } finally {
            first.stop();
            second.stop();
        }
    }
}
