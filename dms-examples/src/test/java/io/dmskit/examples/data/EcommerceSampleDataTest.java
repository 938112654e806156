package io.dmskit.examples.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.examples.TestServers;
import io.dmskit.examples.source.ServerSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Loads the sample data into the machine's MariaDB and PostgreSQL (unique schemas, dropped afterwards). */
class EcommerceSampleDataTest {

    private static final String PREFIX_A = TestServers.uniquePrefix("sda");
    private static final String PREFIX_B = TestServers.uniquePrefix("sdb");
    private static final ServerSource MARIADB = ServerSource.parse(TestServers.mariadb(), "test");
    private static final ServerSource POSTGRES = ServerSource.parse(TestServers.postgres(), "test");

    @AfterAll
    static void dropSchemas() throws Exception {
        for (ServerSource s : new ServerSource[] {MARIADB, POSTGRES}) {
            try (Connection c = s.adminDataSource().getConnection(); Statement st = c.createStatement()) {
                for (String prefix : new String[] {PREFIX_A, PREFIX_B}) {
                    ScenarioSchemas schemas = ScenarioSchemas.withPrefix(prefix);
                    for (String schema : new String[] {schemas.ecommerce(), schemas.marketIntelligence()}) {
                        st.execute(s.engine().isMySqlFamily() ? "DROP DATABASE IF EXISTS " + schema
                                : "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                    }
                }
            }
        }
    }

    @Test
    @DisplayName("at scale 1 the shop has the documented tables and row counts, counted again on the server")
    void documentedCountsOnMariaDb() throws Exception {
        ScenarioSchemas schemas = ScenarioSchemas.withPrefix(PREFIX_A);
        Map<String, Long> counts = EcommerceSampleData.standard().load(MARIADB.adminDataSource(), MARIADB.engine(),
                schemas);
        String e = schemas.ecommerce();
        assertThat(counts).containsEntry(e + ".customers", 2000L).containsEntry(e + ".products", 500L)
                .containsEntry(e + ".orders", 6000L).containsEntry(e + ".inventory", 1500L)
                .containsEntry(e + ".reviews", 3000L)
                .containsEntry(schemas.marketIntelligence() + ".competitor_prices", 2000L)
                .containsEntry(schemas.marketIntelligence() + ".market_trends", 1080L);
        assertThat(counts.get(e + ".order_items")).isBetween(6000L, 24000L);
        for (Map.Entry<String, Long> c : counts.entrySet()) {
            assertThat(count(MARIADB, "SELECT COUNT(*) FROM " + c.getKey())).as(c.getKey()).isEqualTo(c.getValue());
        }
        assertThat(count(MARIADB, "SELECT COUNT(*) FROM " + e + ".customers WHERE phone IS NULL"))
                .as("some NULLs").isPositive();
        assertThat(count(MARIADB, "SELECT COUNT(*) FROM " + e + ".products WHERE name LIKE '%,%'"))
                .as("commas a CSV writer must handle").isPositive();
        assertThat(count(MARIADB, "SELECT COUNT(*) FROM " + e + ".orders o LEFT JOIN " + e
                + ".customers c ON c.customer_id = o.customer_id WHERE c.customer_id IS NULL"))
                .as("every order belongs to a customer").isZero();
    }

    @Test
    @DisplayName("the same seed gives the same rows on MariaDB and PostgreSQL")
    void deterministicAcrossEngines() throws Exception {
        ScenarioSchemas schemas = ScenarioSchemas.withPrefix(PREFIX_B);
        Map<String, Long> my = EcommerceSampleData.standard().load(MARIADB.adminDataSource(), MARIADB.engine(),
                schemas);
        Map<String, Long> pg = EcommerceSampleData.standard().load(POSTGRES.adminDataSource(), POSTGRES.engine(),
                schemas);
        assertThat(pg).isEqualTo(my);
        String e = schemas.ecommerce();
        String digest = "SELECT SUM(o.order_id * 7 + CAST(o.total_amount * 100 AS BIGINT)) FROM " + e + ".orders o";
        assertThat(count(POSTGRES, digest)).isEqualTo(count(MARIADB, digest.replace("AS BIGINT", "AS SIGNED")));
        String names = "SELECT COUNT(*) FROM " + e + ".customers WHERE last_name = 'O''Brien' AND first_name = 'Zoë'";
        assertThat(count(POSTGRES, names)).isEqualTo(count(MARIADB, names));
    }

    @Test
    @DisplayName("a scale outside 1..1000 is rejected; the table lists are the documented ones")
    void seedAndScale() {
        assertThatThrownBy(() -> EcommerceSampleData.of(0, 1)).hasMessageContaining("scale");
        assertThat(EcommerceSampleData.of(2, 7).scale()).isEqualTo(2);
        assertThat(EcommerceSampleData.ecommerceTables()).contains("customers", "orders", "order_items");
    }

    private static long count(ServerSource s, String sql) throws Exception {
        try (Connection c = s.adminDataSource().getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
