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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The task's transformations on a JDBC target, MariaDB source and PostgreSQL target: every table has an identical
 * twin ({@code _same}, CONTENT_MATCH) and a corrupted one ({@code _bad}, each corruption in a transformed column,
 * found with its key and column).
 */
@DisplayName("Content verification: MariaDB -> PostgreSQL with change-data-type, masking, renames, added columns, filters")
class MariaDbToPostgresTransformationsTest {

    private static final DataSource MY = TestDatabases.mariadb();
    private static final DataSource PG = TestDatabases.postgres();
    private static String src;
    private static String tgt;
    private static VerificationReport report;

    @BeforeAll
    static void setUp() {
        src = TestDatabases.uniqueName("dmskit_jdbcxform_s");
        tgt = TestDatabases.uniqueName("dmskit_jdbcxform_t");
        TestDatabases.createSchema(MY, src);
        TestDatabases.createSchema(PG, tgt);
        for (String t : List.of("cdt_same", "cdt_bad")) {
            // change-data-type: decimal -> int4 (truncated), -> numeric(8,1) (rounded), varchar -> string(5)
            // (cut), int -> string(10), numeric text -> int8, int -> boolean, datetime -> date, date text -> date,
            // decimal -> real8
            TestDatabases.exec(MY, "CREATE TABLE " + src + "." + t + " (id INT PRIMARY KEY, amount DECIMAL(10,3),"
                            + " price DECIMAL(10,4), code VARCHAR(40), qty INT, txt VARCHAR(20), flag INT, ts DATETIME,"
                            + " d VARCHAR(10), r DECIMAL(8,2))",
                    "INSERT INTO " + src + "." + t + " SELECT seq, IF(seq % 17 = 0, NULL, (CAST(seq AS SIGNED) - 100) * 1.375),"
                            + " seq * 1.0375, CONCAT(seq, '-abcdefgh'), seq * 7, CONCAT(seq * 3, '.7'), seq % 3,"
                            + " TIMESTAMP '2024-01-01 00:00:00' + INTERVAL seq * 5 HOUR,"
                            + " DATE_FORMAT(DATE '2024-02-01' + INTERVAL seq DAY, '%Y-%m-%d'), seq / 4"
                            + " FROM seq_1_to_200");
            TestDatabases.exec(PG, "CREATE TABLE " + tgt + "." + t + " (id INT PRIMARY KEY, amount INT,"
                            + " price NUMERIC(8,1), code VARCHAR(5), qty VARCHAR(10), txt BIGINT, flag BOOLEAN,"
                            + " ts DATE, d DATE, r DOUBLE PRECISION)",
                    "INSERT INTO " + tgt + "." + t + " SELECT s, CASE WHEN s % 17 = 0 THEN NULL"
                            + " ELSE trunc((s - 100) * 1.375) END, round(s * 1.0375, 1), left(s || '-abcdefgh', 5),"
                            + " (s * 7)::text, s * 3, s % 3 <> 0,"
                            + " (TIMESTAMP '2024-01-01 00:00:00' + s * 5 * INTERVAL '1 hour')::date,"
                            + " DATE '2024-02-01' + s, s / 4.0 FROM generate_series(1, 200) s");
        }
        TestDatabases.exec(PG, "UPDATE " + tgt + ".cdt_bad SET txt = txt + 1 WHERE id = 7",
                "UPDATE " + tgt + ".cdt_bad SET amount = amount + 1 WHERE id = 9",
                "UPDATE " + tgt + ".cdt_bad SET d = d + 1 WHERE id = 11",
                "UPDATE " + tgt + ".cdt_bad SET price = price + 0.1 WHERE id = 13",
                "UPDATE " + tgt + ".cdt_bad SET code = 'zzzzz' WHERE id = 15");
        for (String t : List.of("mask_same", "mask_bad")) {
            TestDatabases.exec(MY, "CREATE TABLE " + src + "." + t + " (id INT PRIMARY KEY, card VARCHAR(30),"
                            + " email VARCHAR(60), ssn VARCHAR(11), token VARCHAR(20))",
                    "INSERT INTO " + src + "." + t + " SELECT seq, CONCAT('4111-', LPAD(seq, 4, '0'), '-x'),"
                            + " IF(seq = 5, NULL, CONCAT('user', seq, '@example.com')),"
                            + " CONCAT('123-45-', LPAD(seq, 4, '0')), CONCAT('tok', seq) FROM seq_1_to_200");
            // the hash in lower case, and in upper case cut to the column's 20 characters
            TestDatabases.exec(PG, "CREATE TABLE " + tgt + "." + t + " (id INT PRIMARY KEY, card VARCHAR(30),"
                            + " email VARCHAR(64), ssn VARCHAR(20), token VARCHAR(20))",
                    "INSERT INTO " + tgt + "." + t + " SELECT s,"
                            + " regexp_replace('4111-' || lpad(s::text, 4, '0') || '-x', '[0-9]', '#', 'g'),"
                            + " CASE WHEN s = 5 THEN NULL ELSE"
                            + " encode(sha256(convert_to('user' || s || '@example.com', 'UTF8')), 'hex') END,"
                            + " upper(left(encode(sha256(convert_to('123-45-' || lpad(s::text, 4, '0'), 'UTF8')),"
                            + " 'hex'), 20)), 'random' || s FROM generate_series(1, 200) s");
        }
        TestDatabases.exec(PG, "UPDATE " + tgt + ".mask_bad SET card = '####-####-y' WHERE id = 21",
                "UPDATE " + tgt + ".mask_bad SET email = encode(sha256(convert_to('other', 'UTF8')), 'hex')"
                        + " WHERE id = 22",
                "UPDATE " + tgt + ".mask_bad SET ssn = 'ABCDEF' WHERE id = 23",
                "UPDATE " + tgt + ".mask_bad SET token = 'changed' WHERE id = 24");
        // a hash-masked primary key: ordered, cut and bisected by its hash
        for (String t : List.of("hkey_same", "hkey_bad")) {
            TestDatabases.exec(MY, "CREATE TABLE " + src + "." + t + " (code VARCHAR(20) PRIMARY KEY,"
                            + " label VARCHAR(20))",
                    "INSERT INTO " + src + "." + t + " SELECT CONCAT('K', seq), CONCAT('label', seq)"
                            + " FROM seq_1_to_300");
        }
        TestDatabases.exec(PG, "CREATE TABLE " + tgt + ".hkey_same (code VARCHAR(64) PRIMARY KEY, label VARCHAR(20))",
                "INSERT INTO " + tgt + ".hkey_same SELECT encode(sha256(convert_to('K' || s, 'UTF8')), 'hex'),"
                        + " 'label' || s FROM generate_series(1, 300) s",
                "CREATE TABLE " + tgt + ".hkey_broken (LIKE " + tgt + ".hkey_same INCLUDING ALL)",
                "INSERT INTO " + tgt + ".hkey_broken SELECT * FROM " + tgt + ".hkey_same",
                "UPDATE " + tgt + ".hkey_broken SET label = 'lost' WHERE label = 'label77'",
                "DELETE FROM " + tgt + ".hkey_broken WHERE label = 'label88'");
        // names: a prefixed table, a renamed, a removed, an upper-cased and an added column; a source filter
        for (String t : List.of("people_same", "people_bad")) {
            TestDatabases.exec(MY, "CREATE TABLE " + src + "." + t + " (id INT PRIMARY KEY, fname VARCHAR(20),"
                            + " lname VARCHAR(20), secret VARCHAR(20), city VARCHAR(20))",
                    "INSERT INTO " + src + "." + t + " SELECT seq, CONCAT('f', seq), CONCAT('l', seq),"
                            + " CONCAT('s', seq), CONCAT('c', seq % 7) FROM seq_1_to_200");
            TestDatabases.exec(PG, "CREATE TABLE " + tgt + ".t_" + t + " (id INT PRIMARY KEY, first_name"
                            + " VARCHAR(20), lname VARCHAR(20), \"CITY\" VARCHAR(20), full_name VARCHAR(100))",
                    "INSERT INTO " + tgt + ".t_" + t + " SELECT s, 'f' || s, 'l' || s, 'c' || s % 7, 'f' || s || ' l' || s"
                            + " FROM generate_series(1, 100) s");
        }
        TestDatabases.exec(PG, "UPDATE " + tgt + ".t_people_bad SET first_name = 'F42' WHERE id = 42",
                "UPDATE " + tgt + ".t_people_bad SET \"CITY\" = 'c99' WHERE id = 43",
                "UPDATE " + tgt + ".t_people_bad SET full_name = 'f44  l44' WHERE id = 44");
        TestDatabases.exec(MY, "CREATE TABLE " + src + ".`Cities` (id INT PRIMARY KEY, name VARCHAR(20))",
                "INSERT INTO " + src + ".`Cities` SELECT seq, CONCAT('city', seq) FROM seq_1_to_50");
        TestDatabases.exec(PG, "CREATE TABLE " + tgt + ".cities (id INT PRIMARY KEY, name VARCHAR(20))",
                "INSERT INTO " + tgt + ".cities SELECT s, 'city' || s FROM generate_series(1, 50) s");
        // a key column retyped in a way only Java can reproduce (text to a number): its key order is unknown
        TestDatabases.exec(MY, "CREATE TABLE " + src + ".jkey (code VARCHAR(10) PRIMARY KEY, label VARCHAR(10))",
                "INSERT INTO " + src + ".jkey VALUES ('007', 'a'), ('010', 'b')");
        TestDatabases.exec(PG, "CREATE TABLE " + tgt + ".jkey (code INT PRIMARY KEY, label VARCHAR(10))",
                "INSERT INTO " + tgt + ".jkey VALUES (7, 'a'), (10, 'b')");
        Verifier verifier = Verifier.builder().source(MY).tableMappings(mappings())
                .target(JdbcTarget.of(PG, "postgresql://127.0.0.1/test")).queryTimeout(Duration.ofSeconds(60))
                .checkExtraTables(false).build();
        report = ContentVerifier.of(b -> b.verifier(verifier).rowThreshold(16).segments(8).splitFactor(4)).verify();
    }

    @AfterAll
    static void tearDown() {
        TestDatabases.dropSchema(MY, src, false);
        TestDatabases.dropSchema(PG, tgt, true);
    }

    private static String mappings() {
        String s = src;
        return """
                {"rules":[
                 {"rule-type":"selection","rule-id":"1","rule-name":"cdt","object-locator":{"schema-name":"S","table-name":"cdt%"},"rule-action":"include"},
                 {"rule-type":"selection","rule-id":"2","rule-name":"mask","object-locator":{"schema-name":"S","table-name":"mask%"},"rule-action":"include"},
                 {"rule-type":"selection","rule-id":"3","rule-name":"hkey","object-locator":{"schema-name":"S","table-name":"hkey%"},"rule-action":"include"},
                 {"rule-type":"selection","rule-id":"4","rule-name":"people","object-locator":{"schema-name":"S","table-name":"people_same"},"rule-action":"include",
                  "filters":[{"filter-type":"source","column-name":"id","filter-conditions":[{"filter-operator":"lte","value":"100"}]}]},
                 {"rule-type":"selection","rule-id":"6","rule-name":"people2","object-locator":{"schema-name":"S","table-name":"people_bad"},"rule-action":"include",
                  "filters":[{"filter-type":"source","column-name":"id","filter-conditions":[{"filter-operator":"lte","value":"100"}]}]},
                 {"rule-type":"selection","rule-id":"7","rule-name":"jkey","object-locator":{"schema-name":"S","table-name":"jkey"},"rule-action":"include"},
                 {"rule-type":"transformation","rule-id":"26","rule-name":"k1","rule-target":"column","object-locator":{"schema-name":"S","table-name":"jkey","column-name":"code"},"rule-action":"change-data-type","data-type":{"type":"int4"}},
                 {"rule-type":"selection","rule-id":"5","rule-name":"cities","object-locator":{"schema-name":"S","table-name":"Cities"},"rule-action":"include"},
                 {"rule-type":"transformation","rule-id":"10","rule-name":"schema","rule-target":"schema","object-locator":{"schema-name":"S"},"rule-action":"rename","value":"T"},
                 {"rule-type":"transformation","rule-id":"11","rule-name":"c1","rule-target":"column","object-locator":{"schema-name":"S","table-name":"cdt%","column-name":"amount"},"rule-action":"change-data-type","data-type":{"type":"int4"}},
                 {"rule-type":"transformation","rule-id":"12","rule-name":"c2","rule-target":"column","object-locator":{"schema-name":"S","table-name":"cdt%","column-name":"price"},"rule-action":"change-data-type","data-type":{"type":"numeric","precision":8,"scale":1}},
                 {"rule-type":"transformation","rule-id":"13","rule-name":"c3","rule-target":"column","object-locator":{"schema-name":"S","table-name":"cdt%","column-name":"code"},"rule-action":"change-data-type","data-type":{"type":"string","length":5}},
                 {"rule-type":"transformation","rule-id":"14","rule-name":"c4","rule-target":"column","object-locator":{"schema-name":"S","table-name":"cdt%","column-name":"qty"},"rule-action":"change-data-type","data-type":{"type":"string","length":10}},
                 {"rule-type":"transformation","rule-id":"15","rule-name":"c5","rule-target":"column","object-locator":{"schema-name":"S","table-name":"cdt%","column-name":"txt"},"rule-action":"change-data-type","data-type":{"type":"int8"}},
                 {"rule-type":"transformation","rule-id":"16","rule-name":"c6","rule-target":"column","object-locator":{"schema-name":"S","table-name":"cdt%","column-name":"flag"},"rule-action":"change-data-type","data-type":{"type":"boolean"}},
                 {"rule-type":"transformation","rule-id":"17","rule-name":"c7","rule-target":"column","object-locator":{"schema-name":"S","table-name":"cdt%","column-name":"ts"},"rule-action":"change-data-type","data-type":{"type":"date"}},
                 {"rule-type":"transformation","rule-id":"18","rule-name":"c8","rule-target":"column","object-locator":{"schema-name":"S","table-name":"cdt%","column-name":"d"},"rule-action":"change-data-type","data-type":{"type":"date"}},
                 {"rule-type":"transformation","rule-id":"19","rule-name":"c9","rule-target":"column","object-locator":{"schema-name":"S","table-name":"cdt%","column-name":"r"},"rule-action":"change-data-type","data-type":{"type":"real8"}},
                 {"rule-type":"transformation","rule-id":"20","rule-name":"m1","rule-target":"column","object-locator":{"schema-name":"S","table-name":"mask%","column-name":"card"},"rule-action":"data-masking-digits-mask","value":"#"},
                 {"rule-type":"transformation","rule-id":"21","rule-name":"m2","rule-target":"column","object-locator":{"schema-name":"S","table-name":"mask%","column-name":"email"},"rule-action":"data-masking-hash-mask"},
                 {"rule-type":"transformation","rule-id":"22","rule-name":"m3","rule-target":"column","object-locator":{"schema-name":"S","table-name":"mask%","column-name":"ssn"},"rule-action":"data-masking-hash-mask"},
                 {"rule-type":"transformation","rule-id":"23","rule-name":"m4","rule-target":"column","object-locator":{"schema-name":"S","table-name":"mask%","column-name":"token"},"rule-action":"data-masking-digits-randomize"},
                 {"rule-type":"transformation","rule-id":"24","rule-name":"m5","rule-target":"column","object-locator":{"schema-name":"S","table-name":"hkey%","column-name":"code"},"rule-action":"data-masking-hash-mask"},
                 {"rule-type":"transformation","rule-id":"25","rule-name":"t1","rule-target":"table","object-locator":{"schema-name":"S","table-name":"hkey_bad"},"rule-action":"rename","value":"hkey_broken"},
                 {"rule-type":"transformation","rule-id":"30","rule-name":"p1","rule-target":"table","object-locator":{"schema-name":"S","table-name":"people%"},"rule-action":"add-prefix","value":"t_"},
                 {"rule-type":"transformation","rule-id":"31","rule-name":"p2","rule-target":"column","object-locator":{"schema-name":"S","table-name":"people%","column-name":"fname"},"rule-action":"rename","value":"first_name"},
                 {"rule-type":"transformation","rule-id":"32","rule-name":"p3","rule-target":"column","object-locator":{"schema-name":"S","table-name":"people%","column-name":"secret"},"rule-action":"remove-column"},
                 {"rule-type":"transformation","rule-id":"33","rule-name":"p4","rule-target":"column","object-locator":{"schema-name":"S","table-name":"people%","column-name":"city"},"rule-action":"convert-uppercase"},
                 {"rule-type":"transformation","rule-id":"34","rule-name":"p5","rule-target":"column","object-locator":{"schema-name":"S","table-name":"people%"},"rule-action":"add-column","value":"full_name","expression":"$fname || ' ' || $lname","data-type":{"type":"string","length":100}},
                 {"rule-type":"transformation","rule-id":"35","rule-name":"p6","rule-target":"table","object-locator":{"schema-name":"S","table-name":"Cities"},"rule-action":"convert-lowercase"}
                ]}""".replace("\"S\"", "\"" + s + "\"").replace("\"T\"", "\"" + tgt + "\"");
    }

    private static TableVerification table(String name) {
        TableVerification t = report.table(src, name).orElseThrow();
        assertThat(t.error()).as(name + " error").isEmpty();
        return t;
    }

    private static TableContent content(String name) {
        return table(name).content().orElseThrow();
    }

    private static List<ContentDifference> samples(String name, Kind kind) {
        return content(name).samples().stream().filter(d -> d.kind() == kind).toList();
    }

    private static Map<String, List<String>> differentColumns(String name, String keyColumn) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        for (ContentDifference d : samples(name, Kind.DIFFERENT)) {
            out.put(d.key().get(keyColumn), d.columns().stream().map(ColumnDifference::column).toList());
        }
        return out;
    }

    private static void assertMatch(String name) {
        TableVerification t = table(name);
        assertThat(t.status()).as(name + ": " + t.content().map(TableContent::samples).orElse(List.of()))
                .isEqualTo(VerificationStatus.CONTENT_MATCH);
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    @DisplayName("change-data-type: the source converted as DMS converts it equals the retyped target")
    void changeDataTypeMatches() {
        assertMatch("cdt_same");
        assertThat(content("cdt_same").sourceRows()).isEqualTo(200);
        assertThat(content("cdt_same").notes()).anyMatch(n -> n.contains("amount") && n.contains("in SQL"))
                .anyMatch(n -> n.contains("txt") && n.contains("in Java"));
    }

    @Test
    @DisplayName("change-data-type: a corruption in a converted column is found with its key and column")
    void changeDataTypeMismatch() {
        assertThat(table("cdt_bad").status()).isEqualTo(VerificationStatus.CONTENT_MISMATCH);
        assertThat(differentColumns("cdt_bad", "id")).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(
                "7", List.of("txt"), "9", List.of("amount"), "11", List.of("d"), "13", List.of("price"),
                "15", List.of("code"))));
        assertThat(content("cdt_bad").missingOnTarget()).isZero();
        assertThat(content("cdt_bad").extraOnTarget()).isZero();
        ColumnDifference amount = samples("cdt_bad", Kind.DIFFERENT).stream()
                .filter(d -> d.key().get("id").equals("9")).findFirst().orElseThrow().columns().get(0);
        assertThat(amount.sourceValue()).isEqualTo("-125"); // (9 - 100) * 1.375 = -125.125, truncated
        assertThat(amount.targetValue()).isEqualTo("-124");
    }

    @Test
    @DisplayName("masking: digits mask and hash mask (either case, cut to the column) compare; randomized digits are left out")
    void maskingMatches() {
        assertMatch("mask_same");
        assertThat(content("mask_same").notes()).anyMatch(n -> n.contains("token") && n.contains("not compared"));
    }

    @Test
    @DisplayName("masking: corruptions in masked columns are found, and samples show only masked values")
    void maskingMismatch() {
        assertThat(table("mask_bad").status()).isEqualTo(VerificationStatus.CONTENT_MISMATCH);
        assertThat(differentColumns("mask_bad", "id")).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(
                "21", List.of("card"), "22", List.of("email"), "23", List.of("ssn"))));
        ColumnDifference card = samples("mask_bad", Kind.DIFFERENT).stream()
                .filter(d -> d.key().get("id").equals("21")).findFirst().orElseThrow().columns().get(0);
        assertThat(card.sourceValue()).isEqualTo("####-####-x");
        String all = content("mask_bad").samples().toString();
        assertThat(all).doesNotContain("4111").doesNotContain("user22@").doesNotContain("123-45");
    }

    @Test
    @DisplayName("a hash-masked primary key orders and bisects by its hash; differences are keyed by the hash")
    void hashedKey() throws Exception {
        assertMatch("hkey_same");
        TableVerification bad = table("hkey_bad");
        assertThat(bad.targetTable()).isEqualTo("hkey_broken");
        assertThat(bad.status()).isEqualTo(VerificationStatus.CONTENT_MISMATCH);
        assertThat(samples("hkey_bad", Kind.DIFFERENT)).extracting(d -> d.key().get("code"))
                .containsExactly(sha256("K77"));
        assertThat(samples("hkey_bad", Kind.MISSING_ON_TARGET)).extracting(d -> d.key().get("code"))
                .containsExactly(sha256("K88"));
        assertThat(content("hkey_bad").rowsFetched()).isLessThan(300);
    }

    @Test
    @DisplayName("renames, prefix, upper case, a removed column, an added column evaluated from the source row, a source filter")
    void namesAndFilters() {
        assertMatch("people_same");
        TableContent same = content("people_same");
        assertThat(same.sourceRows()).isEqualTo(100);
        assertThat(same.notes()).anyMatch(n -> n.contains("secret") && n.contains("removed"))
                .anyMatch(n -> n.contains("full_name") && n.contains("rule 34") && n.contains("evaluated"));
        assertThat(table("people_bad").status()).isEqualTo(VerificationStatus.CONTENT_MISMATCH);
        assertThat(differentColumns("people_bad", "id")).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.of(
                "42", List.of("first_name"), "43", List.of("CITY"), "44", List.of("full_name"))));
        assertMatch("Cities");
        assertThat(table("Cities").targetTable()).isEqualTo("cities");
    }

    @Test
    @DisplayName("a key column converted in a way SQL cannot reproduce makes the table ERROR, saying why")
    void keyConvertedInJava() {
        TableVerification t = report.table(src, "jkey").orElseThrow();
        assertThat(t.status()).isEqualTo(VerificationStatus.ERROR);
        assertThat(t.error()).hasValueSatisfying(e -> assertThat(e).contains("key column code")
                .contains("change-data-type"));
    }
}
