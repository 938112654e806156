package io.dmskit.verify.content;

import io.dmskit.verify.ContentVerifier;
import io.dmskit.verify.VerificationReport;
import io.dmskit.verify.Verifier;
import io.dmskit.verify.report.ContentDifference;
import io.dmskit.verify.report.ContentDifference.ColumnDifference;
import io.dmskit.verify.report.ContentDifference.Kind;
import io.dmskit.verify.report.TableContent;
import io.dmskit.verify.report.TableVerification;
import io.dmskit.verify.report.VerificationStatus;
import io.dmskit.verify.support.TestDatabases;
import io.dmskit.verify.target.JdbcTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The task's transformations on a JDBC target the other way round, PostgreSQL source and MariaDB target: retyped,
 * masked and renamed columns, a renamed table and a filtered, upper-cased one; identical twins match and every
 * corruption in a transformed column is found with its key and column.
 */
@DisplayName("Content verification: PostgreSQL -> MariaDB with change-data-type, masking, renames and a filter")
class PostgresToMariaDbTransformationsTest {

    private static final DataSource PG = TestDatabases.postgres();
    private static final DataSource MY = TestDatabases.mariadb();
    private static String src;
    private static String tgt;
    private static VerificationReport report;

    @BeforeAll
    static void setUp() {
        src = TestDatabases.uniqueName("dmskit_jdbcxform_ps");
        tgt = TestDatabases.uniqueName("dmskit_jdbcxform_mt");
        TestDatabases.createSchema(PG, src);
        TestDatabases.createSchema(MY, tgt);
        for (String t : List.of("acct_same", "acct_bad")) {
            TestDatabases.exec(PG, "CREATE TABLE " + src + "." + t + " (id BIGINT PRIMARY KEY, balance NUMERIC(12,3),"
                            + " nick TEXT, phone VARCHAR(20), mail VARCHAR(40), seen TIMESTAMPTZ, score NUMERIC(6,2),"
                            + " born VARCHAR(10), secret TEXT)",
                    "INSERT INTO " + src + "." + t + " SELECT s, CASE WHEN s % 13 = 0 THEN NULL ELSE (s - 100) * 2.125"
                            + " END, s || 'nick', '+1 555 ' || s, 'm' || s || '@ex.org',"
                            + " TIMESTAMPTZ '2024-03-01 22:00:00+00' + s * INTERVAL '1 hour', s * 0.5,"
                            + " to_char(DATE '1990-01-01' + s, 'YYYY-MM-DD'), 'pw' || s"
                            + " FROM generate_series(1, 200) s");
        }
        for (String t : List.of("acct_same", "acct_broken")) {
            TestDatabases.exec(MY, "CREATE TABLE " + tgt + "." + t + " (id BIGINT PRIMARY KEY, balance BIGINT,"
                            + " nickname VARCHAR(4), phone VARCHAR(20), mail VARCHAR(64), seen DATE, score VARCHAR(10),"
                            + " born DATE)",
                    "INSERT INTO " + tgt + "." + t + " SELECT seq, IF(seq % 13 = 0, NULL,"
                            + " TRUNCATE((CAST(seq AS SIGNED) - 100) * 2.125, 0)), LEFT(CONCAT(seq, 'nick'), 4),"
                            + " REGEXP_REPLACE(CONCAT('+1 555 ', seq), '[0-9]', 'x'),"
                            + " SHA2(CONCAT('m', seq, '@ex.org'), 256),"
                            + " DATE(TIMESTAMP '2024-03-01 22:00:00' + INTERVAL seq HOUR),"
                            + " CAST(CAST(seq * 0.5 AS DECIMAL(6,2)) AS CHAR)," // DMS's text of NUMERIC(6,2): 0.50
                            + " DATE '1990-01-01' + INTERVAL seq DAY FROM seq_1_to_200");
        }
        TestDatabases.exec(MY, "UPDATE " + tgt + ".acct_broken SET balance = balance - 1 WHERE id = 5",
                "UPDATE " + tgt + ".acct_broken SET nickname = 'nick' WHERE id = 6",
                "UPDATE " + tgt + ".acct_broken SET mail = SHA2('other', 256) WHERE id = 7",
                "UPDATE " + tgt + ".acct_broken SET seen = seen + INTERVAL 1 DAY WHERE id = 8",
                "UPDATE " + tgt + ".acct_broken SET score = '4.5' WHERE id = 9", // 4.50 in DMS's text
                "UPDATE " + tgt + ".acct_broken SET phone = '+1 555 xxx' WHERE id = 10",
                "UPDATE " + tgt + ".acct_broken SET born = born + INTERVAL 1 DAY WHERE id = 11");
        // a filtered table whose name is upper-cased on the target
        TestDatabases.exec(PG, "CREATE TABLE " + src + ".items (id INT PRIMARY KEY, sku VARCHAR(20))",
                "INSERT INTO " + src + ".items SELECT s, 'sku' || s FROM generate_series(1, 300) s");
        TestDatabases.exec(MY, "CREATE TABLE " + tgt + ".ITEMS (id INT PRIMARY KEY, sku VARCHAR(20))",
                "INSERT INTO " + tgt + ".ITEMS SELECT seq, CONCAT('sku', seq) FROM seq_1_to_300 WHERE seq BETWEEN 50"
                        + " AND 150");
        Verifier verifier = Verifier.builder().source(PG).tableMappings(mappings())
                .target(JdbcTarget.of(MY, "mariadb://127.0.0.1/test")).queryTimeout(Duration.ofSeconds(60))
                .checkExtraTables(false).build();
        report = ContentVerifier.of(b -> b.verifier(verifier).rowThreshold(16).segments(8).splitFactor(4)).verify();
    }

    @AfterAll
    static void tearDown() {
        TestDatabases.dropSchema(PG, src, true);
        TestDatabases.dropSchema(MY, tgt, false);
    }

    private static String mappings() {
        return """
                {"rules":[
                 {"rule-type":"selection","rule-id":"1","rule-name":"acct","object-locator":{"schema-name":"S","table-name":"acct%"},"rule-action":"include"},
                 {"rule-type":"selection","rule-id":"2","rule-name":"items","object-locator":{"schema-name":"S","table-name":"items"},"rule-action":"include",
                  "filters":[{"filter-type":"source","column-name":"id","filter-conditions":[{"filter-operator":"between","start-value":"50","end-value":"150"}]}]},
                 {"rule-type":"transformation","rule-id":"10","rule-name":"schema","rule-target":"schema","object-locator":{"schema-name":"S"},"rule-action":"rename","value":"T"},
                 {"rule-type":"transformation","rule-id":"11","rule-name":"t1","rule-target":"table","object-locator":{"schema-name":"S","table-name":"acct_bad"},"rule-action":"rename","value":"acct_broken"},
                 {"rule-type":"transformation","rule-id":"12","rule-name":"t2","rule-target":"table","object-locator":{"schema-name":"S","table-name":"items"},"rule-action":"convert-uppercase"},
                 {"rule-type":"transformation","rule-id":"20","rule-name":"c1","rule-target":"column","object-locator":{"schema-name":"S","table-name":"acct%","column-name":"balance"},"rule-action":"change-data-type","data-type":{"type":"int8"}},
                 {"rule-type":"transformation","rule-id":"21","rule-name":"c2","rule-target":"column","object-locator":{"schema-name":"S","table-name":"acct%","column-name":"nick"},"rule-action":"change-data-type","data-type":{"type":"string","length":4}},
                 {"rule-type":"transformation","rule-id":"22","rule-name":"c3","rule-target":"column","object-locator":{"schema-name":"S","table-name":"acct%","column-name":"seen"},"rule-action":"change-data-type","data-type":{"type":"date"}},
                 {"rule-type":"transformation","rule-id":"23","rule-name":"c4","rule-target":"column","object-locator":{"schema-name":"S","table-name":"acct%","column-name":"score"},"rule-action":"change-data-type","data-type":{"type":"string","length":10}},
                 {"rule-type":"transformation","rule-id":"24","rule-name":"c5","rule-target":"column","object-locator":{"schema-name":"S","table-name":"acct%","column-name":"born"},"rule-action":"change-data-type","data-type":{"type":"date"}},
                 {"rule-type":"transformation","rule-id":"30","rule-name":"m1","rule-target":"column","object-locator":{"schema-name":"S","table-name":"acct%","column-name":"phone"},"rule-action":"data-masking-digits-mask","value":"x"},
                 {"rule-type":"transformation","rule-id":"31","rule-name":"m2","rule-target":"column","object-locator":{"schema-name":"S","table-name":"acct%","column-name":"mail"},"rule-action":"data-masking-hash-mask"},
                 {"rule-type":"transformation","rule-id":"40","rule-name":"r1","rule-target":"column","object-locator":{"schema-name":"S","table-name":"acct%","column-name":"nick"},"rule-action":"rename","value":"nickname"},
                 {"rule-type":"transformation","rule-id":"41","rule-name":"r2","rule-target":"column","object-locator":{"schema-name":"S","table-name":"acct%","column-name":"secret"},"rule-action":"remove-column"}
                ]}""".replace("\"S\"", "\"" + src + "\"").replace("\"T\"", "\"" + tgt + "\"");
    }

    private static TableVerification table(String name) {
        TableVerification t = report.table(src, name).orElseThrow();
        assertThat(t.error()).as(name + " error").isEmpty();
        return t;
    }

    private static TableContent content(String name) {
        return table(name).content().orElseThrow();
    }

    @Test
    @DisplayName("retyped, masked, renamed and removed columns: identical data matches")
    void identicalMatches() {
        TableVerification t = table("acct_same");
        assertThat(t.status()).as(t.content().map(TableContent::samples).orElse(List.of()).toString())
                .isEqualTo(VerificationStatus.CONTENT_MATCH);
        assertThat(content("acct_same").sourceRows()).isEqualTo(200);
        assertThat(content("acct_same").notes()).anyMatch(n -> n.contains("secret") && n.contains("removed"))
                .anyMatch(n -> n.contains("born") && n.contains("in Java"));
    }

    @Test
    @DisplayName("a corruption in each transformed column is found with its key and column; samples stay masked")
    void corruptionsFound() {
        TableVerification t = table("acct_bad");
        assertThat(t.targetTable()).isEqualTo("acct_broken");
        assertThat(t.status()).isEqualTo(VerificationStatus.CONTENT_MISMATCH);
        Map<String, List<String>> got = new TreeMap<>();
        for (ContentDifference d : content("acct_bad").samples()) {
            assertThat(d.kind()).isEqualTo(Kind.DIFFERENT);
            got.put(d.key().get("id"), d.columns().stream().map(ColumnDifference::column).toList());
        }
        assertThat(got).containsExactlyEntriesOf(new TreeMap<>(Map.of("5", List.of("balance"),
                "6", List.of("nickname"), "7", List.of("mail"), "8", List.of("seen"), "9", List.of("score"),
                "10", List.of("phone"), "11", List.of("born"))));
        String all = content("acct_bad").samples().toString();
        assertThat(all).doesNotContain("m7@ex.org").doesNotContain("555 10").contains("+x xxx xx");
    }

    @Test
    @DisplayName("a source filter and an upper-cased table name: only the filtered rows are compared")
    void filtered() {
        TableVerification t = table("items");
        assertThat(t.targetTable()).isEqualTo("ITEMS");
        assertThat(t.status()).isEqualTo(VerificationStatus.CONTENT_MATCH);
        assertThat(content("items").sourceRows()).isEqualTo(101);
    }
}
