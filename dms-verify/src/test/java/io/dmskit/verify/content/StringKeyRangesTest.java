package io.dmskit.verify.content;

import io.dmskit.mappings.SqlDialect;
import io.dmskit.verify.ContentVerifier;
import io.dmskit.verify.VerificationReport;
import io.dmskit.verify.Verifier;
import io.dmskit.verify.internal.content.ContentShape.Kind;
import io.dmskit.verify.internal.content.KeyRange;
import io.dmskit.verify.internal.content.TableSide;
import io.dmskit.verify.report.ContentDifference;
import io.dmskit.verify.report.TableContent;
import io.dmskit.verify.report.TableVerification;
import io.dmskit.verify.support.TestDatabases;
import io.dmskit.verify.target.JdbcTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("String keys: ranges in binary order read from the index, keys differing in case/accents/spaces found")
class StringKeyRangesTest {

    private static final DataSource MY = TestDatabases.mariadb();
    private static final DataSource PG = TestDatabases.postgres();
    private static String src;
    private static String tgt;
    private static VerificationReport report;

    /** Keys the collations fold together or pad, and LIKE's special characters. */
    private static final String SPECIAL = "('abc', 'a'), ('resume', 'r'), ('pad ', 'p'), ('tab', 't'),"
            + " (CONCAT('tab', CHAR(9)), 'tt'), ('x%y', 'x'), ('x_y', 'u'), ('x!y', 'b'), ('x\\\\y', 's'),"
            + " ('Zeta', 'z'), ('zeta', 'z2')";

    @BeforeAll
    static void setUp() {
        src = TestDatabases.uniqueName("dmskit_sk");
        tgt = TestDatabases.uniqueName("dmskit_skt");
        TestDatabases.createSchema(MY, src);
        TestDatabases.createSchema(PG, tgt);
        // 3,000 keys in four prefixes whose binary and case/accent-insensitive orders differ, plus the special keys
        String rows = "SELECT CONCAT(ELT(seq % 4 + 1, 'Cust-', 'cust-', 'Çust-', 'çust-'), LPAD(seq, 5, '0')),"
                + " CONCAT('label', seq) FROM seq_1_to_3000";
        TestDatabases.exec(MY, "CREATE TABLE " + src + ".names (code VARCHAR(40) PRIMARY KEY, label VARCHAR(40))"
                        + " CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci",
                "INSERT INTO " + src + ".names " + rows,
                "INSERT INTO " + src + ".names VALUES " + SPECIAL.replace("('zeta', 'z2')", "('zeta2', 'z2')"),
                "CREATE TABLE " + src + ".names_icu LIKE " + src + ".names",
                "INSERT INTO " + src + ".names_icu SELECT * FROM " + src + ".names",
                // NO PAD: the only MySQL/MariaDB collations whose LIKE ranges hold every value of a prefix
                "CREATE TABLE " + src + ".names_nopad (code VARCHAR(40) PRIMARY KEY, label VARCHAR(40))"
                        + " CHARACTER SET utf8mb4 COLLATE utf8mb4_general_nopad_ci");
        String pgRows = "SELECT (ARRAY['Cust-', 'cust-', 'Çust-', 'çust-'])[s % 4 + 1] || lpad(s::text, 5, '0'),"
                + " 'label' || s FROM generate_series(1, 3000) s";
        // the target: 'abc' arrived as 'ABC', 'resume' as 'résumé', 'pad ' as 'pad', 'zeta2' as 'zeta' (a key
        // only the case-sensitive side can hold beside 'Zeta'), two lost updates
        String pgSpecial = SPECIAL.replace("'abc'", "'ABC'").replace("'resume'", "'résumé'")
                .replace("'pad '", "'pad'").replace("CONCAT('tab', CHAR(9))", "'tab' || chr(9)")
                .replace("'x\\\\y'", "'x\\y'").replace("('x_y', 'u')", "('x_y', 'lost')");
        for (String table : List.of("names", "names_icu")) {
            String collate = table.equals("names") ? "" : " COLLATE \"und-x-icu\"";
            TestDatabases.exec(PG, "CREATE TABLE " + tgt + "." + table + " (code VARCHAR(40)" + collate
                            + " PRIMARY KEY, label VARCHAR(40))",
                    "INSERT INTO " + tgt + "." + table + " " + pgRows,
                    "INSERT INTO " + tgt + "." + table + " VALUES " + pgSpecial,
                    "UPDATE " + tgt + "." + table + " SET label = 'lost' WHERE code = 'çust-01235'",
                    "ANALYZE " + tgt + "." + table);
        }
        Verifier verifier = Verifier.builder().source(MY).tableMappings(mappings())
                .target(JdbcTarget.of(PG, "postgresql://127.0.0.1/test")).queryTimeout(Duration.ofSeconds(60))
                .checkExtraTables(false).build();
        report = ContentVerifier.of(b -> b.verifier(verifier).rowThreshold(16).segments(8).splitFactor(4)
                .sampleLimit(100)).verify();
    }

    @AfterAll
    static void tearDown() {
        TestDatabases.dropSchema(MY, src, false);
        TestDatabases.dropSchema(PG, tgt, true);
    }

    private static String mappings() {
        return """
                {"rules":[
                 {"rule-type":"selection","rule-id":"1","rule-name":"all","object-locator":{"schema-name":"%s","table-name":"%%"},"rule-action":"include"},
                 {"rule-type":"transformation","rule-id":"2","rule-name":"rename","rule-target":"schema","object-locator":{"schema-name":"%s"},"rule-action":"rename","value":"%s"}
                ]}""".formatted(src, src, tgt);
    }

    private static List<String> keys(TableContent c, ContentDifference.Kind kind) {
        return c.samples().stream().filter(d -> d.kind() == kind).map(d -> d.key().get("code")).toList();
    }

    @Test
    @DisplayName("keys differing only in case, accents or a trailing space are missing/extra; lost updates differ")
    void foundWithTheRightKeys() {
        for (String table : List.of("names", "names_icu")) {
            TableVerification t = report.table(src, table).orElseThrow();
            assertThat(t.error()).as(table).isEmpty();
            TableContent c = t.content().orElseThrow();
            assertThat(keys(c, ContentDifference.Kind.MISSING_ON_TARGET)).as(table)
                    .containsExactly("abc", "pad ", "resume", "zeta2");
            assertThat(keys(c, ContentDifference.Kind.EXTRA_ON_TARGET)).as(table)
                    .containsExactly("ABC", "pad", "résumé", "zeta");
            assertThat(keys(c, ContentDifference.Kind.DIFFERENT)).as(table).containsExactly("x_y", "çust-01235");
            assertThat(c.totalDifferences()).as(table).isEqualTo(10);
            assertThat(c.sourceRows()).isEqualTo(3011);
            assertThat(c.targetRows()).isEqualTo(3011);
            // bisected down to small ranges, not fetched whole
            assertThat(c.rowsFetched()).as(table).isLessThan(1500);
        }
    }

    @Test
    @DisplayName("a range of a non-binary VARCHAR key is read from the primary key's index (MariaDB NO PAD,"
            + " PostgreSQL C.UTF-8); PAD SPACE collations are not (their LIKE ranges skip 'a\\t' for 'a%')")
    void rangesUseTheIndex() throws Exception {
        KeyRange range = new KeyRange(List.of("cust-01001"), List.of("cust-01101"));
        List<String> my = side(MY, SqlDialect.MYSQL, "`" + src + "`.`names_nopad`", range);
        assertThat(String.join("\n", my)).contains("type=range").contains("key=PRIMARY");
        List<String> pad = side(MY, SqlDialect.MYSQL, "`" + src + "`.`names`", range);
        assertThat(String.join("\n", pad)).doesNotContain("type=range");
        List<String> pg = side(PG, SqlDialect.POSTGRESQL, "\"" + tgt + "\".\"names\"", range);
        assertThat(String.join("\n", pg)).containsPattern("Index (Only )?Scan|Bitmap Index Scan")
                .doesNotContain("Seq Scan");
        // a linguistic (ICU) collation has no index-friendly superset of a binary range: it scans
        List<String> icu = side(PG, SqlDialect.POSTGRESQL, "\"" + tgt + "\".\"names_icu\"", range);
        assertThat(String.join("\n", icu)).contains("Seq Scan");
    }

    private static List<String> side(DataSource ds, SqlDialect d, String table, KeyRange range) throws Exception {
        try (TableSide.Session session = new TableSide.Session()) {
            TableSide side = new TableSide(ds, d, table, List.of("code", "label"), List.of(Kind.TEXT, Kind.TEXT), 1,
                    Optional.empty(), Duration.ZERO, new AtomicLong(), session);
            return side.explainRange(range);
        }
    }
}
