package io.dmskit.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.engine.Databases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.model.Endpoint;
import software.amazon.awssdk.services.databasemigration.model.ReplicationEndpointTypeValue;

/**
 * The source login DMS is given usually has SELECT only (plus replication rights). MariaDB and PostgreSQL hide
 * {@code information_schema.table_constraints} from such a login; the engine must still find the primary key, or the
 * polling capture compares whole rows and turns every update into a delete plus an insert.
 */
@DisplayName("Source read with a SELECT-only login")
class SelectOnlySourceLoginTest {

    private static final String DB = "eng_selectonly";
    private static final String USER = "dmskit_ro_" + UUID.randomUUID().toString().substring(0, 8);
    private static final String PASSWORD = "Ro-" + UUID.randomUUID();

    @BeforeAll
    static void setUp() {
        Databases.mysql("DROP DATABASE IF EXISTS " + DB, "CREATE DATABASE " + DB,
                // key columns in another order than the table's columns
                "CREATE TABLE " + DB + ".pk_t (note VARCHAR(50), region VARCHAR(10) NOT NULL, id VARCHAR(64) NOT NULL,"
                        + " PRIMARY KEY (id, region))",
                "CREATE USER '" + USER + "'@'%' IDENTIFIED BY '" + PASSWORD + "'",
                "CREATE USER '" + USER + "'@'localhost' IDENTIFIED BY '" + PASSWORD + "'",
                "GRANT SELECT, REPLICATION CLIENT ON *.* TO '" + USER + "'@'%'",
                "GRANT SELECT, REPLICATION CLIENT ON *.* TO '" + USER + "'@'localhost'");
        Databases.postgres("DROP SCHEMA IF EXISTS " + DB + " CASCADE", "CREATE SCHEMA " + DB,
                "CREATE TABLE " + DB + ".pk_t (note VARCHAR(50), region VARCHAR(10) NOT NULL, id VARCHAR(64) NOT NULL,"
                        + " PRIMARY KEY (id, region))",
                "CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'",
                "GRANT USAGE ON SCHEMA " + DB + " TO " + USER,
                "GRANT SELECT ON ALL TABLES IN SCHEMA " + DB + " TO " + USER);
    }

    @AfterAll
    static void tearDown() {
        Databases.mysql("DROP DATABASE IF EXISTS " + DB, "DROP USER IF EXISTS '" + USER + "'@'%'",
                "DROP USER IF EXISTS '" + USER + "'@'localhost'");
        Databases.postgres("DROP SCHEMA IF EXISTS " + DB + " CASCADE", "DROP ROLE IF EXISTS " + USER);
    }

    private static String url(Databases.Server s, String scheme) {
        return "jdbc:" + scheme + "://" + s.host() + ":" + s.port() + "/" + s.database() + "?user=" + USER
                + "&password=" + PASSWORD;
    }

    @Test
    @DisplayName("MariaDB: the catalog finds the primary key, in key order, although table_constraints is hidden")
    void mariaDbPrimaryKeyWithSelectOnly() throws Exception {
        try (Connection c = DriverManager.getConnection(url(Databases.mysql(), "mariadb"))) {
            SourceTable t = new Catalog(Dialect.MYSQL).describe(c, DB, "pk_t");
            assertThat(t.primaryKey()).containsExactly(2, 1);
        }
    }

    @Test
    @DisplayName("PostgreSQL: the catalog finds the primary key, in key order, although table_constraints is hidden")
    void postgresPrimaryKeyWithSelectOnly() throws Exception {
        try (Connection c = DriverManager.getConnection(url(Databases.postgres(), "postgresql"))) {
            SourceTable t = new Catalog(Dialect.POSTGRESQL).describe(c, DB, "pk_t");
            assertThat(t.primaryKey()).containsExactly(2, 1);
        }
    }

    @Test
    @DisplayName("MariaDB: polling with a SELECT-only login captures an update as one U, not a delete plus an insert")
    void pollingCapturesUpdateAsUpdate() throws Exception {
        Databases.Server s = Databases.mysql();
        Endpoint endpoint = Endpoint.builder().endpointIdentifier("ro-src")
                .endpointArn("arn:aws:dms:us-east-1:123456789012:endpoint:ro-src")
                .endpointType(ReplicationEndpointTypeValue.SOURCE).engineName("mariadb")
                .serverName(s.host()).port(s.port()).username(USER).build();
        JdbcEndpoint source = JdbcEndpoint.of(endpoint, new Databases.Credentials(USER, PASSWORD, null, null), 10);
        SourceTable table;
        try (Connection c = source.connect()) {
            table = new Catalog(Dialect.MYSQL).describe(c, DB, "pk_t");
        }
        String mappings = """
                {"rules":[{"rule-type":"selection","rule-id":"1","rule-name":"1",
                "object-locator":{"schema-name":"%s","table-name":"pk_t"},"rule-action":"include"}]}""".formatted(DB);
        MappingsRouter router = MappingsRouter.fromJson(mappings);
        TablePlan plan = new TablePlan(table, router.route(DB, "pk_t"), Dialect.MYSQL, null);
        Databases.mysql("INSERT INTO " + DB + ".pk_t VALUES ('inserted', 'eu', 'row-1')");
        try (PollingCapture capture = new PollingCapture(source,
                new CapturedTables(source, router, null, List.of(plan), "ro"), new PollingCapture.Snapshot(),
                Clock.systemUTC(), Duration.ZERO, "ro")) {
            capture.initialize();
            Databases.mysql("UPDATE " + DB + ".pk_t SET note = 'updated' WHERE id = 'row-1'");
            List<Change> changes = new ArrayList<>(capture.poll(Duration.ofMillis(100)));
            assertThat(changes).extracting(Change::op).containsExactly('U');
            assertThat(changes.get(0).values()).containsExactly("updated", "eu", "row-1");
        }
    }
}
