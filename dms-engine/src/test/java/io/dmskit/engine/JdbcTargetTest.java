package io.dmskit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.testkit.dataplane.RunningReplication;
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
import software.amazon.awssdk.services.databasemigration.model.MigrationTypeValue;
import software.amazon.awssdk.services.databasemigration.model.ReplicationEndpointTypeValue;
import software.amazon.awssdk.services.databasemigration.model.StartReplicationTaskTypeValue;

/** Database targets: MariaDB and PostgreSQL sources into PostgreSQL, TargetTablePrepMode, type mapping, CDC apply. */
class JdbcTargetTest {

    private static final String MY = "eng_jdbc_src";
    private static final String PG = "eng_jdbc_pg";
    private static LocalReplicationEngine engine;

    @BeforeAll
    static void setUp() {
        Databases.mysql("DROP DATABASE IF EXISTS " + MY, "CREATE DATABASE " + MY,
                "CREATE TABLE " + MY + ".accounts (id BIGINT PRIMARY KEY, owner VARCHAR(40) NOT NULL, balance DECIMAL(12,2),"
                        + " rate DOUBLE, opened DATE, touched DATETIME(3), active TINYINT(1), blob_col VARBINARY(8), notes TEXT)",
                "INSERT INTO " + MY + ".accounts VALUES (1, 'ann', 100.25, 0.5, '2020-01-31', '2024-05-28 19:51:41.388', 1, X'CAFE', 'x'),"
                        + " (2, 'bob', -3.00, NULL, NULL, NULL, 0, NULL, NULL)");
        Databases.postgres("DROP SCHEMA IF EXISTS " + PG + " CASCADE", "CREATE SCHEMA " + PG,
                "CREATE TABLE " + PG + ".events (id integer PRIMARY KEY, kind text, at timestamptz, ok boolean, amount numeric(9,3))",
                "INSERT INTO " + PG + ".events VALUES (1, 'start', '2024-01-01 10:00:00+02', true, 1.5),"
                        + " (2, 'stop', NULL, false, NULL)",
                "DROP SCHEMA IF EXISTS eng_jdbc_out CASCADE", "DROP SCHEMA IF EXISTS " + MY + " CASCADE");
        engine = LocalReplicationEngine.builder().pollInterval(Duration.ofMillis(100)).build();
    }

    @AfterAll
    static void tearDown() {
        engine.close();
    }

    private static String include(String schema, String table) {
        return "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"1\",\"object-locator\":"
                + "{\"schema-name\":\"" + schema + "\",\"table-name\":\"" + table + "\"},\"rule-action\":\"include\"}]}";
    }

    private static String prepMode(String mode) {
        return "{\"FullLoadSettings\":{\"TargetTablePrepMode\":\"" + mode + "\"}}";
    }

    private static List<String> rows(String sql) throws SQLException {
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

    private static TestContext pgToPg(String id, String mappings, String settings) {
        return new TestContext(TestContext.task(id, MigrationTypeValue.FULL_LOAD, mappings, settings),
                Databases.postgresEndpoint("src-pg", ReplicationEndpointTypeValue.SOURCE), Databases.postgres().credentials(),
                Databases.postgresEndpoint("tgt-pg", ReplicationEndpointTypeValue.TARGET), Databases.postgres().credentials(),
                StartReplicationTaskTypeValue.START_REPLICATION, Optional.empty());
    }

    private static TestContext mysqlToPostgres(String id, MigrationTypeValue type, String settings) {
        return new TestContext(TestContext.task(id, type, include(MY, "accounts"), settings), Databases.mysqlSource("src-" + id),
                Databases.mysql().credentials(), Databases.postgresEndpoint("tgt-" + id, ReplicationEndpointTypeValue.TARGET),
                Databases.postgres().credentials(), StartReplicationTaskTypeValue.START_REPLICATION, Optional.empty());
    }

    @Test
    @DisplayName("MariaDB to PostgreSQL with DROP_AND_CREATE creates the table with mapped types and primary key, loads the rows, then applies CDC")
    void mysqlToPostgresDropAndCreateThenCdc() throws Exception {
        Databases.postgres("CREATE SCHEMA IF NOT EXISTS " + MY, "DROP TABLE IF EXISTS " + MY + ".accounts",
                "CREATE TABLE " + MY + ".accounts (wrong_shape int)");
        TestContext ctx = mysqlToPostgres("eng-jdbc-dac", MigrationTypeValue.FULL_LOAD_AND_CDC, prepMode("DROP_AND_CREATE"));
        RunningReplication running = engine.start(ctx);
        try {
            Await.until("full load", Duration.ofSeconds(20), () -> ctx.fullLoadFinished || ctx.failure != null, ctx::toString);
            assertThat(ctx.failure).isNull();
            assertThat(rows("SELECT column_name || ':' || data_type FROM information_schema.columns WHERE table_schema = '"
                    + MY + "' AND table_name = 'accounts' ORDER BY ordinal_position")).containsExactly(
                    "id:bigint", "owner:character varying", "balance:numeric", "rate:double precision", "opened:date",
                    "touched:timestamp without time zone", "active:smallint", "blob_col:bytea", "notes:text");
            assertThat(rows("SELECT string_agg(a.attname, ',') FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid"
                    + " AND a.attnum = ANY(i.indkey) WHERE i.indrelid = '" + MY + ".accounts'::regclass AND i.indisprimary"))
                    .containsExactly("id");
            assertThat(rows("SELECT * FROM " + MY + ".accounts ORDER BY id")).containsExactly(
                    "1|ann|100.25|0.5|2020-01-31|2024-05-28 19:51:41.388|1|\\xcafe|x",
                    "2|bob|-3.00|null|null|null|0|null|null");

            Databases.mysql("INSERT INTO " + MY + ".accounts (id, owner, balance) VALUES (3, 'cy', 7)",
                    "UPDATE " + MY + ".accounts SET balance = 200.00 WHERE id = 1", "DELETE FROM " + MY + ".accounts WHERE id = 2");
            Await.until("the changes applied", Duration.ofSeconds(15), () -> ctx.stats(MY + ".accounts").appliedDeletes() != null
                    && ctx.stats(MY + ".accounts").appliedDeletes() == 1L, ctx::toString);
            assertThat(rows("SELECT id, owner, balance FROM " + MY + ".accounts ORDER BY id"))
                    .containsExactly("1|ann|200.00", "3|cy|7.00");
            assertThat(ctx.stats(MY + ".accounts").appliedInserts()).isEqualTo(1L);
            assertThat(ctx.stats(MY + ".accounts").appliedUpdates()).isEqualTo(1L);
        } finally {
            running.stop();
        }
    }

    @Test
    @DisplayName("TRUNCATE_BEFORE_LOAD empties an existing table and keeps its definition; DO_NOTHING appends to it")
    void truncateAndDoNothingKeepTheTable() throws Exception {
        Databases.postgres("CREATE SCHEMA IF NOT EXISTS eng_jdbc_out", "DROP TABLE IF EXISTS eng_jdbc_out.events",
                "CREATE TABLE eng_jdbc_out.events (id integer PRIMARY KEY, kind varchar(99), at timestamp, ok boolean,"
                        + " amount numeric(9,3), extra text DEFAULT 'kept')",
                "INSERT INTO eng_jdbc_out.events (id, kind) VALUES (1000, 'old row')");
        String mappings = "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"1\",\"object-locator\":"
                + "{\"schema-name\":\"" + PG + "\",\"table-name\":\"events\"},\"rule-action\":\"include\"}]}";
        String settings = "{\"TargetMetadata\":{\"TargetSchema\":\"eng_jdbc_out\"},\"FullLoadSettings\":{\"TargetTablePrepMode\":\"%s\"}}";

        TestContext truncate = pgToPg("eng-jdbc-truncate", mappings, String.format(settings, "TRUNCATE_BEFORE_LOAD"));
        RunningReplication running = engine.start(truncate);
        Await.until("TRUNCATE_BEFORE_LOAD full load", Duration.ofSeconds(20),
                () -> truncate.fullLoadFinished || truncate.failure != null, truncate::toString);
        running.stop();
        assertThat(truncate.failure).isNull();
        assertThat(rows("SELECT id, kind, at, ok, amount, extra FROM eng_jdbc_out.events ORDER BY id")).as(
                "old row gone, table definition (extra column with default) kept, timestamptz converted to UTC")
                .containsExactly("1|start|2024-01-01 08:00:00|t|1.500|kept", "2|stop|null|f|null|kept");

        Databases.postgres("DELETE FROM eng_jdbc_out.events", "INSERT INTO eng_jdbc_out.events (id, kind) VALUES (1000, 'old row')");
        TestContext append = pgToPg("eng-jdbc-append", mappings, String.format(settings, "DO_NOTHING"));
        RunningReplication again = engine.start(append);
        Await.until("DO_NOTHING full load", Duration.ofSeconds(20), () -> append.fullLoadFinished || append.failure != null,
                append::toString);
        again.stop();
        assertThat(append.failure).isNull();
        assertThat(rows("SELECT id FROM eng_jdbc_out.events ORDER BY id")).as("DO_NOTHING appends to what is there")
                .containsExactly("1", "2", "1000");
        assertThat(rows("SELECT count(*) FROM information_schema.columns WHERE table_schema = 'eng_jdbc_out'"
                + " AND table_name = 'events'")).containsExactly("6");
    }

    @Test
    @DisplayName("PostgreSQL to a MariaDB target: the table is created with MySQL types (TargetSchema as database), loaded, and CDC is applied")
    void postgresToMariaDbTarget() throws Exception {
        Databases.mysql("DROP DATABASE IF EXISTS eng_jdbc_my_out");
        String mappings = "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"1\",\"object-locator\":"
                + "{\"schema-name\":\"" + PG + "\",\"table-name\":\"events\"},\"rule-action\":\"include\"}]}";
        software.amazon.awssdk.services.databasemigration.model.Endpoint target = Databases.mysqlSource("tgt-my").toBuilder()
                .endpointType(ReplicationEndpointTypeValue.TARGET).build();
        TestContext ctx = new TestContext(TestContext.task("eng-jdbc-to-my", MigrationTypeValue.FULL_LOAD_AND_CDC, mappings,
                "{\"TargetMetadata\":{\"TargetSchema\":\"eng_jdbc_my_out\"}}"),
                Databases.postgresEndpoint("src-pg", ReplicationEndpointTypeValue.SOURCE), Databases.postgres().credentials(),
                target, Databases.mysql().credentials(), StartReplicationTaskTypeValue.START_REPLICATION, Optional.empty());
        RunningReplication running = engine.start(ctx);
        try {
            Await.until("full load", Duration.ofSeconds(20), () -> ctx.fullLoadFinished || ctx.failure != null, ctx::toString);
            assertThat(ctx.failure).isNull();
            assertThat(mysqlRows("SELECT column_name, column_type FROM information_schema.columns WHERE table_schema ="
                    + " 'eng_jdbc_my_out' AND table_name = 'events' ORDER BY ordinal_position")).containsExactly(
                    "id|int(11)", "kind|longtext", "at|datetime(6)", "ok|tinyint(1)", "amount|decimal(9,3)");
            assertThat(mysqlRows("SELECT * FROM eng_jdbc_my_out.events ORDER BY id")).containsExactly(
                    "1|start|2024-01-01 08:00:00.000000|1|1.500", "2|stop|null|0|null");

            Databases.postgres("UPDATE " + PG + ".events SET kind = 'restart', amount = NULL WHERE id = 1",
                    "INSERT INTO " + PG + ".events (id, kind) VALUES (3, 'new')");
            Await.until("the changes applied", Duration.ofSeconds(15), () -> ctx.stats(PG + ".events").appliedInserts() != null
                    && ctx.stats(PG + ".events").appliedInserts() == 1L && ctx.stats(PG + ".events").appliedUpdates() == 1L,
                    ctx::toString);
            assertThat(mysqlRows("SELECT id, kind, amount FROM eng_jdbc_my_out.events ORDER BY id"))
                    .containsExactly("1|restart|null", "2|stop|null", "3|new|null");
        } finally {
            running.stop();
            Databases.postgres("DELETE FROM " + PG + ".events WHERE id = 3",
                    "UPDATE " + PG + ".events SET kind = 'start', amount = 1.5 WHERE id = 1");
        }
    }

    private static List<String> mysqlRows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = Databases.mysqlConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
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
