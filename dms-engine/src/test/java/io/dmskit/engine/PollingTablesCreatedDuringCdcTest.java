package io.dmskit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.testkit.dataplane.RunningReplication;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.model.MigrationTypeValue;
import software.amazon.awssdk.services.databasemigration.model.ReplicationEndpointTypeValue;
import software.amazon.awssdk.services.databasemigration.model.S3Settings;
import software.amazon.awssdk.services.databasemigration.model.StartReplicationTaskTypeValue;

/**
 * Tables created and dropped during CDC with the polling capture (the shared MariaDB has the binlog off), to S3 and to
 * a database target.
 */
class PollingTablesCreatedDuringCdcTest {

    private static final String DB = "eng_late_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private static LocalReplicationEngine engine;

    @BeforeAll
    static void setUp() {
        Databases.mysql("CREATE DATABASE " + DB, TablesCreatedDuringCdc.keptTable(DB),
                "INSERT INTO " + DB + ".kept VALUES (1, 'loaded')");
        engine = LocalReplicationEngine.builder().s3(SharedS3.get().client()).cdcMode(CdcMode.POLLING)
                .pollInterval(Duration.ofMillis(100)).build();
    }

    @AfterAll
    static void tearDown() {
        if (engine != null) {
            engine.close();
        }
        Databases.mysql("DROP DATABASE IF EXISTS " + DB);
        Databases.postgres("DROP SCHEMA IF EXISTS " + DB + " CASCADE");
    }

    private static String mappings() {
        return "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"1\",\"object-locator\":"
                + "{\"schema-name\":\"" + DB + "\",\"table-name\":\"%\"},\"rule-action\":\"include\"}]}";
    }

    @Test
    @DisplayName("polling CDC: a selected table created during CDC is captured into its own S3 folder; a dropped one ends its capture")
    void tableCreatedDuringCdcToS3() {
        String bucket = DB.replace('_', '-') + "-s3";
        TestContext ctx = new TestContext(TestContext.task(DB + "-s3", MigrationTypeValue.FULL_LOAD_AND_CDC, mappings(),
                null), Databases.mysqlSource("late-src"), Databases.mysql().credentials(),
                SharedS3.s3Target("late-tgt", S3Settings.builder().bucketName(bucket).cdcMaxBatchInterval(0).build()),
                new Databases.Credentials(null, null, null, null), StartReplicationTaskTypeValue.START_REPLICATION,
                Optional.empty());
        long millis = TablesCreatedDuringCdc.run(engine, ctx, Databases::mysql, SharedS3.bucket(bucket), DB, "polling");
        System.out.println("polling: first CDC file of a table created during CDC after " + millis + " ms");
    }

    @Test
    @DisplayName("polling CDC to a database target: a selected table created during CDC is created at the target with its rows")
    void tableCreatedDuringCdcToDatabase() throws Exception {
        TestContext ctx = new TestContext(TestContext.task(DB + "-pg", MigrationTypeValue.FULL_LOAD_AND_CDC, mappings(),
                null), Databases.mysqlSource("late-src"), Databases.mysql().credentials(),
                Databases.postgresEndpoint("late-pg", ReplicationEndpointTypeValue.TARGET), Databases.postgres().credentials(),
                StartReplicationTaskTypeValue.START_REPLICATION, Optional.empty());
        RunningReplication running = engine.start(ctx);
        try {
            Await.until("full load", Duration.ofSeconds(30), () -> ctx.fullLoadFinished || ctx.failure != null,
                    ctx::toString);
            Databases.mysql("CREATE TABLE " + DB + ".late_db (id INT PRIMARY KEY, note VARCHAR(40))",
                    "INSERT INTO " + DB + ".late_db VALUES (7, 'new')");
            Await.until("the new table's row at the target", Duration.ofSeconds(15),
                    () -> ctx.stats(DB + ".late_db") != null && ctx.stats(DB + ".late_db").inserts() == 1L,
                    ctx::toString);
            try (Connection c = Databases.postgresConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, note FROM " + DB + ".late_db")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(7);
                assertThat(rs.getString(2)).isEqualTo("new");
            }
            assertThat(ctx.failure).isNull();
        } finally {
            running.stop();
            Databases.mysql("DROP TABLE IF EXISTS " + DB + ".late_db");
        }
    }
}
