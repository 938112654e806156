package io.dmskit.engine;

import io.dmskit.testsupport.PrivatePostgres;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dmskit.testkit.LocalS3;
import io.dmskit.testkit.dataplane.RunningReplication;
import java.time.Duration;
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
 * Log-based CDC by PostgreSQL logical decoding, on a private cluster with wal_level=logical (the shared server has
 * wal_level=replica). Skipped, with the reason, where no PostgreSQL server binaries are installed.
 */
class PgLogicalCdcTest {

    private static PrivatePostgres pg;
    private static LocalReplicationEngine engine;

    @BeforeAll
    static void start() throws Exception {
        var bin = PrivatePostgres.binaries();
        assumeTrue(bin.isPresent(), "no PostgreSQL server binaries under /usr/lib/postgresql to start a wal_level=logical cluster");
        pg = PrivatePostgres.start(bin.get());
        Databases.run(pg.jdbcUrl(), "CREATE SCHEMA shop",
                "CREATE TABLE shop.items (id integer PRIMARY KEY, name text, price numeric(8,2), at timestamptz, ok boolean)",
                "INSERT INTO shop.items VALUES (1, 'tea', 2.50, '2024-01-01 10:00:00+02', true)");
        engine = LocalReplicationEngine.builder().s3(SharedS3.get().client()).pollInterval(Duration.ofMillis(100)).build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (engine != null) {
            engine.close();
        }
        if (pg != null) {
            pg.close();
        }
    }

    private static TestContext context(StartReplicationTaskTypeValue start, Optional<String> checkpoint) {
        Endpoint source = Endpoint.builder().endpointIdentifier("pgl-src").endpointType(ReplicationEndpointTypeValue.SOURCE)
                .engineName("postgres").serverName("127.0.0.1").port(pg.port()).username("postgres").databaseName("postgres")
                .build();
        String mappings = "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"1\","
                + "\"object-locator\":{\"schema-name\":\"shop\",\"table-name\":\"%\"},\"rule-action\":\"include\"}]}";
        return new TestContext(TestContext.task("eng-pglogical", MigrationTypeValue.FULL_LOAD_AND_CDC, mappings, null),
                source, new Databases.Credentials("postgres", "", null, null),
                SharedS3.s3Target("pgl-tgt", S3Settings.builder().bucketName("eng-pglogical").cdcMaxBatchInterval(0).build()),
                new Databases.Credentials(null, null, null, null), start, checkpoint);
    }

    @Test
    @DisplayName("logical decoding: inserts, updates and (key-only) deletes with the commit order, resumed from the slot after a stop")
    void logicalDecoding() {
        LocalS3.Bucket bucket = SharedS3.bucket("eng-pglogical");
        TestContext ctx = context(StartReplicationTaskTypeValue.START_REPLICATION, Optional.empty());
        RunningReplication running = engine.start(ctx);
        Await.until("full load", Duration.ofSeconds(20), () -> ctx.fullLoadFinished || ctx.failure != null, ctx::toString);
        assertThat(ctx.failure).isNull();
        assertThat(engine.cdcModeOf("arn:aws:dms:us-east-1:123456789012:task:eng-pglogical")).contains("logical");
        assertThat(bucket.getString("shop/items/LOAD00000001.csv")).isEqualTo("1,tea,2.50,2024-01-01 08:00:00.000000,true\n");

        Databases.run(pg.jdbcUrl(), "INSERT INTO shop.items VALUES (2, 'it''s, ok', 1.00, NULL, false)",
                "UPDATE shop.items SET price = 3.00 WHERE id = 1", "DELETE FROM shop.items WHERE id = 2");
        Await.until("the changes", Duration.ofSeconds(15), () -> ctx.stats("shop.items").deletes() == 1L, ctx::toString);
        List<String> rows = bucket.keys("shop/items/").stream().filter(k -> !k.contains("LOAD"))
                .flatMap(k -> bucket.getString(k).lines()).toList();
        assertThat(rows).containsExactly("I,2,\"it's, ok\",1.00,,false", "U,1,tea,3.00,2024-01-01 08:00:00.000000,true",
                "D,2,,,,");
        running.stop();
        assertThat(ctx.checkpoint).startsWith("pglogical:dmskit_eng_pglogical:");

        Databases.run(pg.jdbcUrl(), "INSERT INTO shop.items (id, name) VALUES (3, 'while stopped')");
        TestContext resumed = context(StartReplicationTaskTypeValue.RESUME_PROCESSING, Optional.of(ctx.checkpoint));
        RunningReplication again = engine.start(resumed);
        try {
            Await.until("the change made while stopped", Duration.ofSeconds(15),
                    () -> resumed.stats("shop.items") != null && resumed.stats("shop.items").inserts() == 1L,
                    resumed::toString);
            assertThat(resumed.stats("shop.items").updates()).isZero();
        } finally {
            again.stop();
        }
    }

    @Test
    @DisplayName("logical decoding: a selected table created during CDC is captured into its own S3 folder; a dropped one ends its capture")
    void tableCreatedDuringCdc() {
        Databases.run(pg.jdbcUrl(), "CREATE SCHEMA ddl", TablesCreatedDuringCdc.keptTable("ddl"),
                "INSERT INTO ddl.kept VALUES (1, 'loaded')");
        Endpoint source = Endpoint.builder().endpointIdentifier("pgl-ddl-src").endpointType(ReplicationEndpointTypeValue.SOURCE)
                .engineName("postgres").serverName("127.0.0.1").port(pg.port()).username("postgres").databaseName("postgres")
                .build();
        String mappings = "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"1\","
                + "\"object-locator\":{\"schema-name\":\"ddl\",\"table-name\":\"%\"},\"rule-action\":\"include\"}]}";
        TestContext ctx = new TestContext(TestContext.task("eng-pgl-ddl", MigrationTypeValue.FULL_LOAD_AND_CDC, mappings, null),
                source, new Databases.Credentials("postgres", "", null, null),
                SharedS3.s3Target("pgl-ddl-tgt", S3Settings.builder().bucketName("eng-pgl-ddl").cdcMaxBatchInterval(0).build()),
                new Databases.Credentials(null, null, null, null), StartReplicationTaskTypeValue.START_REPLICATION,
                Optional.empty());
        long millis = TablesCreatedDuringCdc.run(engine, ctx, sql -> Databases.run(pg.jdbcUrl(), sql),
                SharedS3.bucket("eng-pgl-ddl"), "ddl", "logical");
        System.out.println("logical decoding: first CDC file of a table created during CDC after " + millis + " ms");
    }
}
