package io.dmskit.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.verify.ContentVerifier;
import io.dmskit.verify.VerificationReport;
import io.dmskit.verify.Verifier;
import io.dmskit.verify.report.ContentDifference;
import io.dmskit.verify.report.TableContent;
import io.dmskit.verify.report.VerificationStatus;
import io.dmskit.verify.target.JdbcTarget;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mariadb.jdbc.MariaDbDataSource;

/** The snippet of docs/content-verification.md, run against MariaDB (two databases stand for source and target). */
@DisplayName("docs/content-verification.md: content verification finds a lost update by key")
class ContentVerificationReadmeTest {

    private final String src = "dmskit_rc_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String tgt = src + "_t";

    private static DataSource mariadb() throws SQLException {
        MariaDbDataSource ds = new MariaDbDataSource();
        ds.setUrl(System.getenv().getOrDefault("DMSKIT_MYSQL_URL", "jdbc:mariadb://127.0.0.1:3306/test?user=root"));
        return ds;
    }

    private static void exec(DataSource ds, String... sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    @AfterEach
    void drop() throws SQLException {
        exec(mariadb(), "DROP DATABASE IF EXISTS " + src, "DROP DATABASE IF EXISTS " + tgt);
    }

    @Test
    void contentSnippet() throws SQLException {
        DataSource mysql = mariadb();
        DataSource warehouse = mariadb();
        exec(mysql, "CREATE DATABASE " + src, "CREATE DATABASE " + tgt,
                "CREATE TABLE " + src + ".orders (id INT PRIMARY KEY, status VARCHAR(20))",
                "CREATE TABLE " + tgt + ".orders (id INT PRIMARY KEY, status VARCHAR(20))",
                "INSERT INTO " + src + ".orders SELECT seq, 'SHIPPED' FROM seq_1_to_5000",
                "INSERT INTO " + tgt + ".orders SELECT seq, IF(seq = 4711, 'NEW', 'SHIPPED') FROM seq_1_to_5000");
        String mappings = """
                {"rules":[{"rule-type":"selection","rule-id":"1","rule-name":"1","object-locator":
                  {"schema-name":"%s","table-name":"%%"},"rule-action":"include"},
                 {"rule-type":"transformation","rule-id":"2","rule-name":"2","rule-target":"schema",
                  "object-locator":{"schema-name":"%s"},"rule-action":"rename","value":"%s"}]}"""
                .formatted(src, src, tgt);

        // region readme:content-verify
        Verifier verifier = Verifier.builder().source(mysql).tableMappings(mappings)
                .target(JdbcTarget.of(warehouse, "warehouse")).build();
        VerificationReport report = ContentVerifier.of(b -> b.verifier(verifier).sampleLimit(10)).verify();
        TableContent orders = report.tables().get(0).content().orElseThrow();
        for (ContentDifference d : orders.samples()) {
            System.out.println(d);   // DIFFERENT {id='4711'} [status: source 'SHIPPED', target 'NEW']
        }
        // endregion

        assertThat(report.tables().get(0).status()).isEqualTo(VerificationStatus.CONTENT_MISMATCH);
        assertThat(orders.differing()).isEqualTo(1);
        assertThat(orders.samples()).singleElement().hasToString(
                "DIFFERENT {id='4711'} [status: source 'SHIPPED', target 'NEW']");
        assertThatThrownBy(report::assertAllMatch).hasMessageContaining("id='4711'");
    }
}
