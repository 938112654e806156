package io.dmskit.verify;

import io.dmskit.verify.report.TableVerification;
import io.dmskit.verify.report.VerificationStatus;
import io.dmskit.verify.support.TestDatabases;
import io.dmskit.verify.target.JdbcTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("PostgreSQL source -> PostgreSQL target (JDBC)")
class PostgresToPostgresVerificationTest {

    private static final DataSource PG = TestDatabases.postgres();
    private static String src;
    private static String tgt;

    @BeforeAll
    static void setUp() {
        src = TestDatabases.uniqueName("dmskit_src");
        tgt = TestDatabases.uniqueName("dmskit_tgt");
        TestDatabases.createSchema(PG, src);
        TestDatabases.createSchema(PG, tgt);
        TestDatabases.createTable(PG, src, "accounts", 1500, true);
        TestDatabases.createTable(PG, src, "ledger", 300, true);
        TestDatabases.createTable(PG, src, "notes", 40, true);
        TestDatabases.createTable(PG, src, "filtered", 80, true);
        TestDatabases.createTable(PG, tgt, "accounts", 1500, true);
        TestDatabases.createTable(PG, tgt, "ledger", 297, true);
        TestDatabases.createTable(PG, tgt, "filtered", 20, true);
        TestDatabases.exec(PG, "DELETE FROM " + tgt + ".filtered WHERE region <> 'EU'",
                "INSERT INTO " + tgt + ".filtered SELECT id + 1000, name, 'EU' FROM " + src + ".filtered"
                        + " WHERE region = 'EU' AND id > 20");
        TestDatabases.createTable(PG, tgt, "leftover", 7, true);
        TestDatabases.createTable(PG, tgt, "awsdms_apply_exceptions", 0, true);
    }

    @AfterAll
    static void tearDown() {
        TestDatabases.dropSchema(PG, src, true);
        TestDatabases.dropSchema(PG, tgt, true);
    }

    private String mappings() {
        return """
                {"rules":[
                 {"rule-type":"selection","rule-id":"1","rule-name":"all","object-locator":{"schema-name":"%s","table-name":"%%"},"rule-action":"include"},
                 {"rule-type":"selection","rule-id":"2","rule-name":"eu","object-locator":{"schema-name":"%s","table-name":"filtered"},"rule-action":"include",
                  "filters":[{"filter-type":"source","column-name":"region","filter-conditions":[{"filter-operator":"eq","value":"EU"}]}]},
                 {"rule-type":"transformation","rule-id":"3","rule-name":"rename","rule-target":"schema","object-locator":{"schema-name":"%s"},"rule-action":"rename","value":"%s"}
                ]}""".formatted(src, src, src, tgt);
    }

    @Test
    @DisplayName("exact counts on a database target: match, mismatch, missing and extra tables")
    void jdbcTarget() {
        VerificationReport report = Verifier.builder().source(PG).tableMappings(mappings())
                .target(JdbcTarget.of(PG, "postgresql://127.0.0.1/test")).queryTimeout(Duration.ofSeconds(30))
                .build().verifyRowCounts();

        assertThat(status(report, src, "accounts")).isEqualTo(VerificationStatus.MATCH);
        assertThat(status(report, src, "ledger")).isEqualTo(VerificationStatus.MISMATCH);
        assertThat(report.table(src, "ledger").orElseThrow().difference()).isEqualTo(-3);
        assertThat(status(report, src, "notes")).isEqualTo(VerificationStatus.MISSING_ON_TARGET);
        TableVerification filtered = report.table(src, "filtered").orElseThrow();
        assertThat(filtered.sourceRows()).isEqualTo(20);
        assertThat(filtered.status()).isEqualTo(VerificationStatus.MATCH);
        assertThat(status(report, tgt, "leftover")).isEqualTo(VerificationStatus.EXTRA_ON_TARGET);
        assertThat(report.table(tgt, "leftover").orElseThrow().targetRows()).isEqualTo(7);
        assertThat(report.table(tgt, "awsdms_apply_exceptions")).isEmpty();
        assertThat(report.table(src, "ledger").orElseThrow().targetLocation())
                .isEqualTo("postgresql://127.0.0.1/test: \"" + tgt + "\".\"ledger\"");
        assertThat(report.toText()).contains(src + ".ledger").contains("MISMATCH").contains("-3");
        assertThatThrownBy(report::assertAllMatch).hasMessageContaining(src + ".ledger: MISMATCH")
                .hasMessageContaining("source 300 rows").hasMessageContaining("target 297 rows")
                .hasMessageContaining("\"" + tgt + "\".\"ledger\"");
    }

    @Test
    @DisplayName("with explicit tables only those are verified and nothing is reported as extra")
    void explicitTables() {
        VerificationReport report = Verifier.builder().source(PG)
                .tables(io.dmskit.verify.source.SourceTable.of(tgt, "accounts"))
                .target(JdbcTarget.of(PG)).build().verifyRowCounts();
        assertThat(report.tables()).hasSize(1);
        assertThat(report.allMatch()).isTrue();
        report.assertAllMatch();
    }

    @Test
    @DisplayName("a source count that exceeds the query timeout makes that table ERROR and the others still verify")
    void queryTimeoutIsAnErrorOfOneTable() throws Exception {
        try (java.sql.Connection locker = PG.getConnection()) {
            locker.setAutoCommit(false);
            try (java.sql.Statement st = locker.createStatement()) {
                st.execute("LOCK TABLE " + src + ".notes IN ACCESS EXCLUSIVE MODE");
            }
            VerificationReport report = Verifier.builder().source(PG).tableMappings(mappings())
                    .target(JdbcTarget.of(PG)).queryTimeout(Duration.ofSeconds(1)).build().verifyRowCounts();
            locker.rollback();
            TableVerification notes = report.table(src, "notes").orElseThrow();
            assertThat(notes.status()).isEqualTo(VerificationStatus.ERROR);
            assertThat(notes.error().orElseThrow()).contains("counting the source table failed");
            assertThat(status(report, src, "accounts")).isEqualTo(VerificationStatus.MATCH);
            assertThatThrownBy(report::assertAllMatch).hasMessageContaining(src + ".notes: ERROR");
        }
    }

    private static VerificationStatus status(VerificationReport r, String s, String t) {
        return r.table(s, t).map(TableVerification::status).orElseThrow(() ->
                new AssertionError("no row for " + s + "." + t + " in\n" + r.toText()));
    }
}
