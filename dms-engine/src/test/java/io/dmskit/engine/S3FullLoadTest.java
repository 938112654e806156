package io.dmskit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.testkit.LocalS3;
import io.dmskit.testkit.dataplane.RunningReplication;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.model.MigrationTypeValue;
import software.amazon.awssdk.services.databasemigration.model.S3Settings;
import software.amazon.awssdk.services.databasemigration.model.StartReplicationTaskTypeValue;
import software.amazon.awssdk.services.databasemigration.model.TableStatistics;

/** Full load from the local MariaDB to S3 files in DMS's layout. */
class S3FullLoadTest {

    private static final String DB = "eng_s3fl";
    private static LocalReplicationEngine engine;

    @BeforeAll
    static void setUp() {
        Databases.mysql("DROP DATABASE IF EXISTS " + DB, "CREATE DATABASE " + DB,
                "CREATE TABLE " + DB + ".customers (id INT PRIMARY KEY, name VARCHAR(50), city VARCHAR(50),"
                        + " credit DECIMAL(10,2), ratio DOUBLE, born DATE, updated DATETIME, note TEXT)",
                "INSERT INTO " + DB + ".customers VALUES"
                        + " (103, 'Atelier graphique', 'Nantes', 21000.00, 506560, '1980-01-02', '2024-08-09 19:27:17', NULL),"
                        + " (114, 'Australian Collectors, Co.', 'Melbourne', 117300.00, 0.5, NULL, '2024-01-01 00:00:00', 'say \"hi\"'),"
                        + " (125, 'Havel & Zbyszek Co', 'Warszawa', 0.00, -0.000000125, '2000-02-29', NULL, '')",
                "CREATE TABLE " + DB + ".orders (id BIGINT PRIMARY KEY, customer INT, status VARCHAR(10), total DECIMAL(12,2))",
                "CREATE TABLE " + DB + ".audit_log (id INT PRIMARY KEY, msg VARCHAR(20))",
                "INSERT INTO " + DB + ".audit_log VALUES (1, 'not replicated')",
                "CREATE TABLE " + DB + ".empty_table (id INT PRIMARY KEY)");
        StringBuilder orders = new StringBuilder("INSERT INTO " + DB + ".orders VALUES ");
        for (int i = 1; i <= 800; i++) {
            orders.append(i > 1 ? "," : "").append("(").append(i).append(", ").append(100 + i % 3).append(", '")
                    .append(i % 2 == 0 ? "SHIPPED" : "OPEN").append("', ").append(i).append(".50)");
        }
        Databases.mysql(orders.toString());
        engine = LocalReplicationEngine.builder().s3(SharedS3.get().client()).build();
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    static String selectAll(String... excludedTables) {
        StringBuilder sb = new StringBuilder("{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"all\","
                + "\"object-locator\":{\"schema-name\":\"" + DB + "\",\"table-name\":\"%\"},\"rule-action\":\"include\"}");
        int id = 2;
        for (String t : excludedTables) {
            sb.append(",{\"rule-type\":\"selection\",\"rule-id\":\"").append(id).append("\",\"rule-name\":\"x").append(id++)
                    .append("\",\"object-locator\":{\"schema-name\":\"").append(DB).append("\",\"table-name\":\"").append(t)
                    .append("\"},\"rule-action\":\"exclude\"}");
        }
        return sb.append("]}").toString();
    }

    private TestContext runFullLoad(String id, String mappings, Consumer<S3Settings.Builder> s3) {
        S3Settings.Builder settings = S3Settings.builder().bucketName(id).serviceAccessRoleArn("arn:aws:iam::123456789012:role/dms");
        s3.accept(settings);
        TestContext ctx = new TestContext(TestContext.task(id, MigrationTypeValue.FULL_LOAD, mappings, null),
                Databases.mysqlSource("src-" + id), Databases.mysql().credentials(), SharedS3.s3Target("tgt-" + id,
                settings.build()), Databases.mysql().credentials(), StartReplicationTaskTypeValue.START_REPLICATION,
                Optional.empty());
        RunningReplication running = engine.start(ctx);
        Await.until("full load of " + id, Duration.ofSeconds(30), () -> ctx.fullLoadFinished || ctx.failure != null,
                ctx::toString);
        running.stop();
        assertThat(ctx.failure).isNull();
        return ctx;
    }

    @Test
    @DisplayName("full load writes LOAD00000001.csv per table in DMS's CSV dialect: no header, no Op, quoted commas, REAL8 doubles, empty NULLs")
    void csvFullLoadInDmsLayout() {
        LocalS3.Bucket bucket = SharedS3.bucket("eng-fl-csv");
        TestContext ctx = runFullLoad("eng-fl-csv", selectAll("audit%"), s -> { });

        assertThat(bucket.keys()).containsExactlyInAnyOrder(DB + "/customers/LOAD00000001.csv",
                DB + "/orders/LOAD00000001.csv");
        assertThat(bucket.getString(DB + "/customers/LOAD00000001.csv")).isEqualTo(
                "103,Atelier graphique,Nantes,21000.00,+5.0656000000000000e+05,1980-01-02,2024-08-09 19:27:17,\n"
                        + "114,\"Australian Collectors, Co.\",Melbourne,117300.00,+5.0000000000000000e-01,,2024-01-01 00:00:00,\"say \"\"hi\"\"\"\n"
                        + "125,Havel & Zbyszek Co,Warszawa,0.00,-1.2500000000000000e-07,2000-02-29,,\n");
        assertThat(bucket.getString(DB + "/orders/LOAD00000001.csv").lines()).hasSize(800)
                .startsWith("1,101,OPEN,1.50", "2,102,SHIPPED,2.50");

        TableStatistics customers = ctx.stats(DB + ".customers");
        assertThat(customers.tableState()).isEqualTo("Table completed");
        assertThat(customers.fullLoadRows()).isEqualTo(3L);
        assertThat(customers.fullLoadStartTime()).isNotNull();
        assertThat(customers.fullLoadEndTime()).isAfterOrEqualTo(customers.fullLoadStartTime());
        assertThat(ctx.stats(DB + ".orders").fullLoadRows()).isEqualTo(800L);
        assertThat(ctx.stats(DB + ".empty_table").tableState()).isEqualTo("Table completed");
        assertThat(ctx.stats(DB + ".audit_log")).as("excluded by the mappings").isNull();
        assertThat(ctx.stateHistory()).containsSubsequence(DB + ".orders:Before load", DB + ".orders:Full load",
                DB + ".orders:Table completed");
    }

    @Test
    @DisplayName("CSV settings: BucketFolder, CsvDelimiter, CsvRowDelimiter, IncludeOpForFullLoad, TimestampColumnName and AddColumnName shape the rows")
    void csvSettingsShapeTheRows() {
        LocalS3.Bucket bucket = SharedS3.bucket("eng-fl-opts");
        runFullLoad("eng-fl-opts", selectAll("orders", "audit%"), s -> s.bucketFolder("/landing/dms/")
                .csvDelimiter("|").csvRowDelimiter("\\r\\n").includeOpForFullLoad(true).timestampColumnName("dms_ts")
                .addColumnName(true).csvNullValue("NULL"));

        String csv = bucket.getString("landing/dms/" + DB + "/customers/LOAD00000001.csv");
        List<String> lines = List.of(csv.split("\r\n"));
        assertThat(csv).endsWith("\r\n");
        assertThat(lines.get(0)).isEqualTo("Op|dms_ts|id|name|city|credit|ratio|born|updated|note");
        assertThat(lines.get(1)).matches("I\\|\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}\\|103\\|Atelier graphique\\|Nantes\\|"
                + "21000.00\\|\\+5.0656000000000000e\\+05\\|1980-01-02\\|2024-08-09 19:27:17\\|NULL");
        assertThat(lines.get(2)).contains("|Australian Collectors, Co.|").contains("|NULL|");
        assertThat(lines).hasSize(4);
    }

    @Test
    @DisplayName("MaxFileSize splits a table into LOAD00000001 … LOAD0000000A … files named with an upper-case hex counter; gzip compresses them")
    void maxFileSizeSplitsIntoHexNumberedGzipFiles() throws IOException {
        LocalS3.Bucket bucket = SharedS3.bucket("eng-fl-split");
        runFullLoad("eng-fl-split", selectAll("customers", "audit%"), s -> s.maxFileSize(1).compressionType("GZIP"));

        List<String> keys = bucket.keys(DB + "/orders/");
        assertThat(keys).hasSizeGreaterThan(10).contains(DB + "/orders/LOAD00000001.csv.gz", DB + "/orders/LOAD0000000A.csv.gz")
                .allMatch(k -> k.matches(".*/LOAD[0-9A-F]{8}\\.csv\\.gz"));
        List<String> rows = new ArrayList<>();
        for (String k : keys) {
            byte[] gz = bucket.getBytes(k);
            String text = new String(new GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(text.length()).as(k + " holds at most 1 KB plus one row").isLessThan(1024 + 64);
            rows.addAll(text.lines().toList());
        }
        assertThat(rows).hasSize(800).startsWith("1,101,OPEN,1.50").endsWith("800,102,SHIPPED,800.50");
    }
}
