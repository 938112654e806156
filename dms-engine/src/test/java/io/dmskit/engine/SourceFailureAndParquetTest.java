package io.dmskit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.testkit.LocalS3;
import io.dmskit.testkit.dataplane.RunningReplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import software.amazon.awssdk.services.databasemigration.model.Endpoint;
import software.amazon.awssdk.services.databasemigration.model.MigrationTypeValue;
import software.amazon.awssdk.services.databasemigration.model.ReplicationEndpointTypeValue;
import software.amazon.awssdk.services.databasemigration.model.S3Settings;
import software.amazon.awssdk.services.databasemigration.model.StartReplicationTaskTypeValue;

/** PostgreSQL source to Parquet files in S3 (full load and polling CDC), and a source that disappears mid-CDC. */
class SourceFailureAndParquetTest {

    private static final String PG = "eng_pq";
    private static final String MY = "eng_gone";
    private static LocalReplicationEngine engine;

    @TempDir
    Path dir;

    @BeforeAll
    static void setUp() {
        Databases.postgres("DROP SCHEMA IF EXISTS " + PG + " CASCADE", "CREATE SCHEMA " + PG,
                "CREATE TABLE " + PG + ".readings (id bigint PRIMARY KEY, sensor varchar(20), value double precision,"
                        + " price numeric(8,2), taken timestamp(6), day date, ok boolean, n integer)",
                "INSERT INTO " + PG + ".readings VALUES (1, 's-1', 20.5, 1.25, '2024-05-28 19:51:41.388146', '2024-05-28', true, 7),"
                        + " (2, 's-2', NULL, NULL, NULL, NULL, NULL, NULL)");
        Databases.mysql("DROP DATABASE IF EXISTS " + MY, "CREATE DATABASE " + MY,
                "CREATE TABLE " + MY + ".t (id INT PRIMARY KEY)", "INSERT INTO " + MY + ".t VALUES (1)");
        engine = LocalReplicationEngine.builder().s3(SharedS3.get().client()).pollInterval(Duration.ofMillis(100))
                .sourceRetryTimeout(Duration.ofSeconds(2)).connectTimeout(Duration.ofSeconds(2)).build();
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    private List<Group> parquet(LocalS3.Bucket bucket, String key) throws Exception {
        Path file = Files.write(dir.resolve(key.replace('/', '_')), bucket.getBytes(key));
        return ParquetFiles.read(file);
    }

    @Test
    @DisplayName("DataFormat parquet: LOAD00000001.parquet with typed columns (Op, timestamp, INT64, DOUBLE, DECIMAL, TIMESTAMP_MICROS, DATE, BOOLEAN), and CDC .parquet files with U rows")
    void postgresToParquet() throws Exception {
        LocalS3.Bucket bucket = SharedS3.bucket("eng-parquet");
        String mappings = "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"1\",\"object-locator\":"
                + "{\"schema-name\":\"" + PG + "\",\"table-name\":\"readings\"},\"rule-action\":\"include\"}]}";
        S3Settings s3 = S3Settings.builder().bucketName("eng-parquet").dataFormat("parquet").compressionType("gzip")
                .includeOpForFullLoad(true).timestampColumnName("ts").cdcMaxBatchInterval(0).build();
        TestContext ctx = new TestContext(TestContext.task("eng-parquet", MigrationTypeValue.FULL_LOAD_AND_CDC, mappings, null),
                Databases.postgresEndpoint("pq-src", ReplicationEndpointTypeValue.SOURCE), Databases.postgres().credentials(),
                SharedS3.s3Target("pq-tgt", s3), Databases.postgres().credentials(),
                StartReplicationTaskTypeValue.START_REPLICATION, Optional.empty());
        RunningReplication running = engine.start(ctx);
        try {
            Await.until("full load", Duration.ofSeconds(20), () -> ctx.fullLoadFinished || ctx.failure != null, ctx::toString);
            assertThat(ctx.failure).isNull();
            String load = PG + "/readings/LOAD00000001.parquet";
            Path file = Files.write(dir.resolve("load.parquet"), bucket.getBytes(load));
            try (ParquetFileReader reader = ParquetFiles.open(file)) {
                MessageType schema = reader.getFooter().getFileMetaData().getSchema();
                assertThat(schema.getFields()).extracting(f -> f.getName())
                        .containsExactly("Op", "ts", "id", "sensor", "value", "price", "taken", "day", "ok", "n");
                assertThat(schema.getType("id").asPrimitiveType().getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT64);
                assertThat(schema.getType("n").asPrimitiveType().getPrimitiveTypeName()).isEqualTo(PrimitiveTypeName.INT32);
                assertThat(schema.getType("price").getLogicalTypeAnnotation()).isEqualTo(LogicalTypeAnnotation.decimalType(2, 8));
                assertThat(schema.getType("taken").getLogicalTypeAnnotation())
                        .isEqualTo(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS));
            }
            List<Group> rows = ParquetFiles.read(file);
            assertThat(rows).hasSize(2);
            Group first = rows.get(0);
            assertThat(first.getString("Op", 0)).isEqualTo("I");
            assertThat(first.getString("ts", 0)).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
            assertThat(first.getLong("id", 0)).isEqualTo(1L);
            assertThat(first.getString("sensor", 0)).isEqualTo("s-1");
            assertThat(first.getDouble("value", 0)).isEqualTo(20.5);
            assertThat(first.getInteger("price", 0)).isEqualTo(125);
            assertThat(first.getLong("taken", 0)).isEqualTo(1716925901388146L);
            assertThat(first.getInteger("day", 0)).isEqualTo(19871);
            assertThat(first.getBoolean("ok", 0)).isTrue();
            assertThat(rows.get(1).getFieldRepetitionCount("value")).isZero();

            Databases.postgres("UPDATE " + PG + ".readings SET value = 21.0 WHERE id = 1");
            Await.until("CDC parquet file", Duration.ofSeconds(15),
                    () -> bucket.keys(PG + "/readings/").stream().anyMatch(k -> !k.contains("LOAD")), ctx::toString);
            String cdc = bucket.keys(PG + "/readings/").stream().filter(k -> !k.contains("LOAD")).findFirst().orElseThrow();
            assertThat(cdc).matches(PG + "/readings/\\d{8}-\\d{9}\\.parquet");
            List<Group> changes = parquet(bucket, cdc);
            assertThat(changes).hasSize(1);
            assertThat(changes.get(0).getString("Op", 0)).isEqualTo("U");
            assertThat(changes.get(0).getDouble("value", 0)).isEqualTo(21.0);
        } finally {
            running.stop();
        }
    }

    @Test
    @DisplayName("a source that disappears during CDC fails the task with a LastFailureMessage naming the endpoint, after the retry time")
    void disappearingSourceFailsTheTask() throws Exception {
        SharedS3.bucket("eng-gone");
        Databases.Server server = Databases.mysql();
        try (TcpProxy proxy = new TcpProxy(server.host(), server.port())) {
            Endpoint source = Databases.mysqlSource("gone-src").toBuilder().serverName("127.0.0.1").port(proxy.port()).build();
            String mappings = "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"1\",\"object-locator\":"
                    + "{\"schema-name\":\"" + MY + "\",\"table-name\":\"t\"},\"rule-action\":\"include\"}]}";
            TestContext ctx = new TestContext(TestContext.task("eng-gone", MigrationTypeValue.FULL_LOAD_AND_CDC, mappings, null),
                    source, server.credentials(), SharedS3.s3Target("gone-tgt", S3Settings.builder().bucketName("eng-gone").build()),
                    server.credentials(), StartReplicationTaskTypeValue.START_REPLICATION, Optional.empty());
            RunningReplication running = engine.start(ctx);
            try {
                Await.until("full load", Duration.ofSeconds(20), () -> ctx.fullLoadFinished, ctx::toString);
                assertThat(ctx.failure).isNull();
                proxy.close();
                Await.until("the task to fail", Duration.ofSeconds(20), () -> ctx.failure != null, ctx::toString);
                assertThat(ctx.failure).contains("gone-src").contains("retried for 2 s");
            } finally {
                running.stop();
            }
        }
    }
}
