package io.dmskit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.testkit.LocalS3;
import io.dmskit.testkit.dataplane.RunningReplication;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.databasemigration.model.MigrationTypeValue;
import software.amazon.awssdk.services.databasemigration.model.ReplicationEndpointTypeValue;
import software.amazon.awssdk.services.databasemigration.model.S3Settings;
import software.amazon.awssdk.services.databasemigration.model.StartReplicationTaskTypeValue;

/**
 * change-data-type, data-masking-digits-mask, data-masking-digits-randomize, data-masking-hash-mask and include-column
 * rules, full load and CDC, to S3 CSV, S3 Parquet and a PostgreSQL target.
 */
class DataMaskingAndTypeChangeTest {

    private static final String DB = "eng_mask";
    private static LocalReplicationEngine engine;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        Databases.mysql("DROP DATABASE IF EXISTS " + DB, "CREATE DATABASE " + DB,
                "CREATE TABLE " + DB + ".customers (id INT PRIMARY KEY, phone VARCHAR(20), email VARCHAR(40),"
                        + " score DECIMAL(6,2), code INT, secret VARCHAR(10))",
                "INSERT INTO " + DB + ".customers VALUES (1, '+1-555-0100', 'ann@example.com', 12.50, 4711, 's1'),"
                        + " (2, NULL, 'bob@example.com', 7.00, 42, 's2')",
                "CREATE TABLE " + DB + ".notes (id INT PRIMARY KEY, title VARCHAR(20), body VARCHAR(20), tag VARCHAR(5))",
                "INSERT INTO " + DB + ".notes VALUES (1, 'hello', 'long text', 'x')");
        Databases.postgres("DROP SCHEMA IF EXISTS " + DB + " CASCADE");
        engine = LocalReplicationEngine.builder().s3(SharedS3.get().client()).pollInterval(Duration.ofMillis(100)).build();
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    private static String rule(int id, String column, String action, String extra) {
        return ",{\"rule-type\":\"transformation\",\"rule-id\":\"" + id + "\",\"rule-name\":\"r" + id
                + "\",\"rule-target\":\"column\",\"object-locator\":{\"schema-name\":\"eng[_]mask\",\"table-name\":\"customers\","
                + "\"column-name\":\"" + column + "\"},\"rule-action\":\"" + action + "\"" + extra + "}";
    }

    /** Phone digits masked, email widened then hashed, score changed to a string, secret removed. */
    private static String mappings(String more) {
        return "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"1\",\"object-locator\":"
                + "{\"schema-name\":\"eng_mask\",\"table-name\":\"customers\"},\"rule-action\":\"include\"}"
                + rule(2, "phone", "data-masking-digits-mask", ",\"value\":\"#\"")
                + rule(3, "email", "change-data-type", ",\"data-type\":{\"type\":\"string\",\"length\":64}")
                + rule(4, "email", "data-masking-hash-mask", "")
                + rule(5, "sco%", "change-data-type", ",\"data-type\":{\"type\":\"string\",\"length\":10}")
                + rule(6, "secret", "remove-column", "")
                + more + "]}";
    }

    private static String sha256(String s) throws Exception {
        return HexFormat.of().withUpperCase().formatHex(
                MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static TestContext toS3(String id, S3Settings s3, String mappings) {
        return new TestContext(TestContext.task(id, MigrationTypeValue.FULL_LOAD_AND_CDC, mappings, null),
                Databases.mysqlSource("src-" + id), Databases.mysql().credentials(), SharedS3.s3Target("tgt-" + id, s3),
                Databases.mysql().credentials(), StartReplicationTaskTypeValue.START_REPLICATION, Optional.empty());
    }

    @Test
    @DisplayName("CSV: digits masked with the rule's character, a widened column hashed to 64 upper-case hex characters,"
            + " a DECIMAL changed to string, include-column keeps only the named columns; CDC rows are masked alike")
    void csvFullLoadAndCdcAreMasked() throws Exception {
        LocalS3.Bucket bucket = SharedS3.bucket("eng-mask-csv");
        S3Settings s3 = S3Settings.builder().bucketName("eng-mask-csv").addColumnName(true).cdcMaxBatchInterval(0).build();
        String notes = ",{\"rule-type\":\"selection\",\"rule-id\":\"10\",\"rule-name\":\"10\",\"object-locator\":"
                + "{\"schema-name\":\"eng_mask\",\"table-name\":\"notes\"},\"rule-action\":\"include\"}";
        for (int i = 0; i < 2; i++) {
            notes += ",{\"rule-type\":\"transformation\",\"rule-id\":\"" + (11 + i) + "\",\"rule-name\":\"n" + i
                    + "\",\"rule-target\":\"column\",\"object-locator\":{\"schema-name\":\"eng_mask\",\"table-name\":\"notes\","
                    + "\"column-name\":\"" + (i == 0 ? "id" : "title") + "\"},\"rule-action\":\"include-column\"}";
        }
        TestContext ctx = toS3("eng-mask-csv", s3, mappings(notes));
        RunningReplication running = engine.start(ctx);
        try {
            Await.until("full load", Duration.ofSeconds(20), () -> ctx.fullLoadFinished || ctx.failure != null, ctx::toString);
            assertThat(ctx.failure).isNull();
            assertThat(bucket.getString(DB + "/customers/LOAD00000001.csv").lines()).containsExactly(
                    "id,phone,email,score,code",
                    "1,+#-###-####," + sha256("ann@example.com") + ",12.50,4711",
                    "2,," + sha256("bob@example.com") + ",7.00,42");
            assertThat(bucket.getString(DB + "/notes/LOAD00000001.csv").lines()).containsExactly("id,title", "1,hello");

            Databases.mysql("INSERT INTO " + DB + ".customers VALUES (3, '555 1234', 'cy@example.com', 1.5, 9, 's3')",
                    "UPDATE " + DB + ".customers SET phone = '+44 20 7946' WHERE id = 1");
            List<String> cdcRows = new ArrayList<>();
            Await.until("both changes in CDC files", Duration.ofSeconds(15), () -> {
                cdcRows.clear();
                for (String key : bucket.keys(DB + "/customers/")) {
                    if (!key.contains("LOAD")) {
                        bucket.getString(key).lines().filter(l -> !l.startsWith("Op,")).forEach(cdcRows::add);
                    }
                }
                return cdcRows.size() >= 2;
            }, ctx::toString);
            assertThat(cdcRows).containsExactlyInAnyOrder(
                    "I,3,### ####," + sha256("cy@example.com") + ",1.50,9",
                    "U,1,+## ## ####," + sha256("ann@example.com") + ",12.50,4711");
        } finally {
            running.stop();
            Databases.mysql("DELETE FROM " + DB + ".customers WHERE id = 3",
                    "UPDATE " + DB + ".customers SET phone = '+1-555-0100' WHERE id = 1");
        }
    }

    @Test
    @DisplayName("Parquet: a changed type changes the column's Parquet type (DECIMAL to UTF8 string), randomized digits"
            + " keep the digit count, masked and hashed strings as in CSV")
    void parquetColumnTypesFollowTheRules() throws Exception {
        LocalS3.Bucket bucket = SharedS3.bucket("eng-mask-pq");
        S3Settings s3 = S3Settings.builder().bucketName("eng-mask-pq").dataFormat("parquet").cdcMaxBatchInterval(0).build();
        TestContext ctx = toS3("eng-mask-pq", s3, mappings(rule(7, "code", "data-masking-digits-randomize", "")));
        RunningReplication running = engine.start(ctx);
        try {
            Await.until("full load", Duration.ofSeconds(20), () -> ctx.fullLoadFinished || ctx.failure != null, ctx::toString);
            assertThat(ctx.failure).isNull();
            Path file = Files.write(dir.resolve("load.parquet"), bucket.getBytes(DB + "/customers/LOAD00000001.parquet"));
            try (ParquetFileReader reader = ParquetFiles.open(file)) {
                MessageType schema = reader.getFooter().getFileMetaData().getSchema();
                assertThat(schema.getFields()).extracting(f -> f.getName())
                        .containsExactly("id", "phone", "email", "score", "code");
                assertThat(schema.getType("score").asPrimitiveType().getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.BINARY);
                assertThat(schema.getType("score").getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.stringType());
                assertThat(schema.getType("code").asPrimitiveType().getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT32);
            }
            List<Group> rows = ParquetFiles.read(file);
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0).getString("phone", 0)).isEqualTo("+#-###-####");
            assertThat(rows.get(0).getString("email", 0)).isEqualTo(sha256("ann@example.com"));
            assertThat(rows.get(0).getString("score", 0)).isEqualTo("12.50");
            assertThat(rows.get(1).getString("score", 0)).isEqualTo("7.00");
            assertThat(rows.get(0).getInteger("code", 0)).isBetween(0, 9999);
            assertThat(rows.get(1).getInteger("code", 0)).isBetween(0, 99);

            Databases.mysql("UPDATE " + DB + ".customers SET score = 99.99 WHERE id = 2");
            Await.until("CDC parquet file", Duration.ofSeconds(15),
                    () -> bucket.keys(DB + "/customers/").stream().anyMatch(k -> !k.contains("LOAD")), ctx::toString);
            String cdc = bucket.keys(DB + "/customers/").stream().filter(k -> !k.contains("LOAD")).findFirst().orElseThrow();
            List<Group> changes = ParquetFiles.read(Files.write(dir.resolve("cdc.parquet"), bucket.getBytes(cdc)));
            assertThat(changes).hasSize(1);
            assertThat(changes.get(0).getString("Op", 0)).isEqualTo("U");
            assertThat(changes.get(0).getString("score", 0)).isEqualTo("99.99");
            assertThat(changes.get(0).getString("email", 0)).isEqualTo(sha256("bob@example.com"));
        } finally {
            running.stop();
            Databases.mysql("UPDATE " + DB + ".customers SET score = 7.00 WHERE id = 2");
        }
    }

    @Test
    @DisplayName("PostgreSQL target: change-data-type sets the created column's type (string(10) -> varchar(10),"
            + " int8 -> bigint) and CDC applies the converted, masked values")
    void jdbcTargetColumnTypesFollowChangeDataType() throws Exception {
        String mappings = mappings(rule(7, "code", "change-data-type", ",\"data-type\":{\"type\":\"int8\"}"));
        TestContext ctx = new TestContext(TestContext.task("eng-mask-pg", MigrationTypeValue.FULL_LOAD_AND_CDC, mappings,
                "{\"FullLoadSettings\":{\"TargetTablePrepMode\":\"DROP_AND_CREATE\"}}"),
                Databases.mysqlSource("src-mask-pg"), Databases.mysql().credentials(),
                Databases.postgresEndpoint("tgt-mask-pg", ReplicationEndpointTypeValue.TARGET), Databases.postgres().credentials(),
                StartReplicationTaskTypeValue.START_REPLICATION, Optional.empty());
        RunningReplication running = engine.start(ctx);
        try {
            Await.until("full load", Duration.ofSeconds(20), () -> ctx.fullLoadFinished || ctx.failure != null, ctx::toString);
            assertThat(ctx.failure).isNull();
            assertThat(pgRows("SELECT column_name || ':' || data_type || ':' || coalesce(character_maximum_length::text, '-')"
                    + " FROM information_schema.columns WHERE table_schema = '" + DB + "' AND table_name = 'customers'"
                    + " ORDER BY ordinal_position")).containsExactly("id:integer:-", "phone:character varying:20",
                    "email:character varying:64", "score:character varying:10", "code:bigint:-");
            assertThat(pgRows("SELECT id, phone, email, score, code FROM " + DB + ".customers WHERE id = 1"))
                    .containsExactly("1|+#-###-####|" + sha256("ann@example.com") + "|12.50|4711");

            Databases.mysql("INSERT INTO " + DB + ".customers VALUES (40, '0800 123', 'dee@example.com', 3.25, 77, 's4')");
            Await.until("the insert applied", Duration.ofSeconds(15),
                    () -> ctx.stats(DB + ".customers").appliedInserts() != null
                            && ctx.stats(DB + ".customers").appliedInserts() >= 1L, ctx::toString);
            assertThat(pgRows("SELECT id, phone, email, score, code FROM " + DB + ".customers WHERE id = 40"))
                    .containsExactly("40|#### ###|" + sha256("dee@example.com") + "|3.25|77");
        } finally {
            running.stop();
            Databases.mysql("DELETE FROM " + DB + ".customers WHERE id = 40");
        }
    }

    private static List<String> pgRows(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = Databases.postgresConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
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
