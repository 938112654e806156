package io.dmskit.verify.content;

import io.dmskit.verify.ContentVerifier;
import io.dmskit.verify.VerificationReport;
import io.dmskit.verify.Verifier;
import io.dmskit.verify.report.ContentDifference;
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
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Content verification: MariaDB source -> PostgreSQL target, corruptions the way DMS migrations go wrong")
class MariaDbToPostgresContentTest {

    private static final DataSource MY = TestDatabases.mariadb();
    private static final DataSource PG = TestDatabases.postgres();
    private static String src;
    private static String tgt;
    private static VerificationReport report;

    @BeforeAll
    static void setUp() {
        src = TestDatabases.uniqueName("dmskit_cs");
        tgt = TestDatabases.uniqueName("dmskit_ct");
        TestDatabases.createSchema(MY, src);
        TestDatabases.createSchema(PG, tgt);
        // orders: 3000 rows, every corruption on its own key; rendered-equal types (decimal scales, datetime(0) vs
        // timestamp(6), tinyint(1) vs boolean)
        TestDatabases.exec(MY,
                "CREATE TABLE " + src + ".orders (id INT PRIMARY KEY, first_name VARCHAR(40), last_name VARCHAR(40),"
                        + " amount DECIMAL(12,3), placed DATETIME, paid TINYINT(1), ratio DOUBLE, note TEXT)",
                "INSERT INTO " + src + ".orders SELECT seq, CONCAT('first', seq), CONCAT('last', seq),"
                        + " seq * 1.5 + 0.125, TIMESTAMP '2024-01-01 00:00:00' + INTERVAL seq MINUTE, seq % 2,"
                        + " seq / 8, IF(seq % 10 = 0, NULL, REPEAT('n', seq % 50)) FROM seq_1_to_3000",
                "UPDATE " + src + ".orders SET amount = 12.345 WHERE id = 2500",
                "DELETE FROM " + src + ".orders WHERE id = 77");
        TestDatabases.exec(PG,
                "CREATE TABLE " + tgt + ".orders (id INT PRIMARY KEY, first_name VARCHAR(40), last_name VARCHAR(40),"
                        + " amount NUMERIC(14,4), placed TIMESTAMP(6), paid BOOLEAN, ratio DOUBLE PRECISION,"
                        + " note TEXT)",
                "INSERT INTO " + tgt + ".orders SELECT s, 'first' || s, 'last' || s, s * 1.5 + 0.125,"
                        + " TIMESTAMP '2024-01-01 00:00:00' + s * INTERVAL '1 minute', s % 2 = 1, s / 8.0,"
                        + " CASE WHEN s % 10 = 0 THEN NULL ELSE repeat('n', s % 50) END"
                        + " FROM generate_series(1, 3000) s",
                // lost update, shifted timestamp, rounded decimal, swapped columns, missing row, missing delete, extra
                "UPDATE " + tgt + ".orders SET note = 'stale' WHERE id = 1234",
                "UPDATE " + tgt + ".orders SET placed = placed + INTERVAL '1 hour' WHERE id = 2000",
                "UPDATE " + tgt + ".orders SET amount = 12.35 WHERE id = 2500",
                "UPDATE " + tgt + ".orders SET first_name = last_name, last_name = first_name WHERE id = 42",
                "DELETE FROM " + tgt + ".orders WHERE id = 500",
                "INSERT INTO " + tgt + ".orders (id, first_name) VALUES (99999, 'ghost')");
        // the same, identical as rendered
        TestDatabases.exec(MY, "CREATE TABLE " + src + ".same LIKE " + src + ".orders",
                "INSERT INTO " + src + ".same SELECT * FROM " + src + ".orders");
        TestDatabases.exec(PG, "CREATE TABLE " + tgt + ".same (LIKE " + tgt + ".orders INCLUDING ALL)",
                "INSERT INTO " + tgt + ".same SELECT s, 'first' || s, 'last' || s, CASE WHEN s = 2500 THEN 12.345"
                        + " ELSE s * 1.5 + 0.125 END, TIMESTAMP '2024-01-01 00:00:00' + s * INTERVAL '1 minute',"
                        + " s % 2 = 1, s / 8.0, CASE WHEN s % 10 = 0 THEN NULL ELSE repeat('n', s % 50) END"
                        + " FROM generate_series(1, 3000) s WHERE s <> 77");
        // string keys in binary order (upper before lower case, accents after), with one lost update
        TestDatabases.exec(MY, "CREATE TABLE " + src + ".codes (code VARCHAR(20) PRIMARY KEY, label VARCHAR(40))"
                        + " CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci",
                "INSERT INTO " + src + ".codes SELECT CONCAT(CHAR(65 + seq % 26), IF(seq % 3 = 0, 'é', 'b'), seq),"
                        + " CONCAT('label', seq) FROM seq_1_to_2000");
        TestDatabases.exec(PG, "CREATE TABLE " + tgt + ".codes (code VARCHAR(20) PRIMARY KEY, label VARCHAR(40))",
                "INSERT INTO " + tgt + ".codes SELECT chr(65 + s % 26) || CASE WHEN s % 3 = 0 THEN 'é' ELSE 'b' END"
                        + " || s, 'label' || s FROM generate_series(1, 2000) s",
                "UPDATE " + tgt + ".codes SET label = 'lost' WHERE code = 'Hé33'");
        // LOBs cut at 32 KB (limited LOB mode)
        TestDatabases.exec(MY, "CREATE TABLE " + src + ".docs (id BIGINT PRIMARY KEY, body LONGTEXT)",
                "INSERT INTO " + src + ".docs SELECT seq, REPEAT('abcdefgh', IF(seq IN (3, 7), 5000, seq))"
                        + " FROM seq_1_to_20");
        TestDatabases.exec(PG, "CREATE TABLE " + tgt + ".docs (id BIGINT PRIMARY KEY, body TEXT)",
                "INSERT INTO " + tgt + ".docs SELECT s, left(repeat('abcdefgh', CASE WHEN s IN (3, 7) THEN 5000"
                        + " ELSE s END), 32768) FROM generate_series(1, 20) s");
        // no primary key: a duplicate row lost on the target
        TestDatabases.exec(MY, "CREATE TABLE " + src + ".events (kind VARCHAR(10), qty INT)",
                "INSERT INTO " + src + ".events VALUES ('a', 1), ('a', 1), ('b', 2), (NULL, 3)");
        TestDatabases.exec(PG, "CREATE TABLE " + tgt + ".events (kind VARCHAR(10), qty INT)",
                "INSERT INTO " + tgt + ".events VALUES ('a', 1), ('b', 2), (NULL, 3)");
        Verifier verifier = Verifier.builder().source(MY).tableMappings(mappings())
                .target(JdbcTarget.of(PG, "postgresql://127.0.0.1/test")).queryTimeout(Duration.ofSeconds(60))
                .checkExtraTables(false).build();
        report = ContentVerifier.of(b -> b.verifier(verifier).rowThreshold(16).segments(8).splitFactor(4)
                .lobMaxSizeKb(32)).verify();
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

    private static TableContent content(String table) {
        TableVerification t = report.table(src, table).orElseThrow();
        assertThat(t.error()).as(table + " error").isEmpty();
        return t.content().orElseThrow();
    }

    private static List<Map<String, String>> keys(TableContent c, Kind kind) {
        return c.samples().stream().filter(d -> d.kind() == kind).map(ContentDifference::key).toList();
    }

    @Test
    @DisplayName("every corruption is found with its key; rendered-equal values are not reported")
    void corruptionsFound() {
        TableContent c = content("orders");
        assertThat(report.table(src, "orders").orElseThrow().status()).isEqualTo(VerificationStatus.CONTENT_MISMATCH);
        assertThat(keys(c, Kind.MISSING_ON_TARGET)).containsExactly(Map.of("id", "500"));
        assertThat(keys(c, Kind.EXTRA_ON_TARGET)).containsExactly(Map.of("id", "77"), Map.of("id", "99999"));
        assertThat(keys(c, Kind.DIFFERENT)).containsExactly(Map.of("id", "42"), Map.of("id", "1234"),
                Map.of("id", "2000"), Map.of("id", "2500"));
        assertThat(c.missingOnTarget()).isEqualTo(1);
        assertThat(c.extraOnTarget()).isEqualTo(2);
        assertThat(c.differing()).isEqualTo(4);
        assertThat(c.sourceRows()).isEqualTo(2999);
        assertThat(c.targetRows()).isEqualTo(3000);
        ContentDifference swapped = c.samples().stream().filter(d -> d.key().equals(Map.of("id", "42")))
                .findFirst().orElseThrow();
        assertThat(swapped.columns()).extracting(ContentDifference.ColumnDifference::column)
                .containsExactly("first_name", "last_name");
        ContentDifference rounded = c.samples().stream().filter(d -> d.key().equals(Map.of("id", "2500")))
                .findFirst().orElseThrow();
        assertThat(rounded.columns()).singleElement().satisfies(d -> {
            assertThat(d.sourceValue()).isEqualTo("12.345");
            assertThat(d.targetValue()).isEqualTo("12.35");
        });
        ContentDifference shifted = c.samples().stream().filter(d -> d.key().equals(Map.of("id", "2000")))
                .findFirst().orElseThrow();
        assertThat(shifted.columns()).singleElement().satisfies(d -> {
            assertThat(d.sourceValue()).isEqualTo("2024-01-02 09:20:00.000000");
            assertThat(d.targetValue()).isEqualTo("2024-01-02 10:20:00.000000");
        });
    }

    @Test
    @DisplayName("identical data in other types (scale, precision, tinyint vs boolean) is CONTENT_MATCH")
    void renderedEqual() {
        assertThat(report.table(src, "same").orElseThrow().status()).isEqualTo(VerificationStatus.CONTENT_MATCH);
        assertThat(content("same").sourceRows()).isEqualTo(2999);
    }

    @Test
    @DisplayName("string keys are bisected in binary order and the lost update found")
    void stringKeys() {
        TableContent c = content("codes");
        assertThat(keys(c, Kind.DIFFERENT)).containsExactly(Map.of("code", "Hé33"));
        assertThat(c.totalDifferences()).isEqualTo(1);
        assertThat(c.rowsFetched()).isLessThan(400);
    }

    @Test
    @DisplayName("LOBs cut at LobMaxSize are LOB_TRUNCATED, naming the limit")
    void lobTruncated() {
        TableVerification t = report.table(src, "docs").orElseThrow();
        assertThat(t.status()).isEqualTo(VerificationStatus.LOB_TRUNCATED);
        assertThat(keys(t.content().orElseThrow(), Kind.LOB_TRUNCATED)).containsExactly(Map.of("id", "3"),
                Map.of("id", "7"));
        assertThat(t.content().orElseThrow().summary()).contains("LobMaxSize 32 KB");
    }

    @Test
    @DisplayName("a table without a primary key is compared as a multiset: the lost duplicate is missing")
    void multiset() {
        TableContent c = content("events");
        assertThat(c.primaryKey()).isFalse();
        assertThat(c.missingOnTarget()).isEqualTo(1);
        assertThat(c.extraOnTarget()).isZero();
        assertThat(keys(c, Kind.MISSING_ON_TARGET)).containsExactly(Map.of("kind", "a", "qty", "1"));
    }

    @Test
    @DisplayName("JSON (schema 2) and HTML carry the content totals and samples")
    void reports() throws Exception {
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(report.toJson());
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(json.at("/totals/byStatus/CONTENT_MISMATCH").asInt()).isEqualTo(3);
        com.fasterxml.jackson.databind.JsonNode orders = null;
        for (com.fasterxml.jackson.databind.JsonNode t : json.get("tables")) {
            if (t.get("sourceTable").asText().equals("orders")) {
                orders = t;
            }
        }
        assertThat(orders.at("/content/missingOnTarget").asLong()).isEqualTo(1);
        assertThat(orders.at("/content/samples/0/kind").asText()).isEqualTo("DIFFERENT");
        assertThat(orders.at("/content/samples/0/key/id").asText()).isEqualTo("42");
        assertThat(orders.at("/content/samples/0/columns/0/source").asText()).isEqualTo("first42");
        java.nio.file.Path html = report.writeHtml(java.nio.file.Path.of("target", "content-report.html"));
        assertThat(java.nio.file.Files.readString(html)).contains("Content differences: " + src + ".orders")
                .contains("LOB_TRUNCATED").contains("Hé33");
        assertThat(report.toText()).contains("Content verification").contains("MISSING_ON_TARGET id='500'");
    }

    @Test
    @DisplayName("cancel() stops a running verification; progress reaches the listener")
    void cancelAndProgress() {
        java.util.concurrent.atomic.AtomicReference<ContentVerifier> ref = new java.util.concurrent.atomic.AtomicReference<>();
        java.util.List<String> done = new java.util.concurrent.CopyOnWriteArrayList<>();
        Verifier verifier = Verifier.builder().source(MY).tableMappings(mappings())
                .target(JdbcTarget.of(PG, "postgresql://127.0.0.1/test")).tables(
                        io.dmskit.verify.source.SourceTable.of(src, "events"))
                .listener(new io.dmskit.verify.VerificationListener() {
                    @Override
                    public void tablesSelected(int count) {
                        if (ref.get() != null) {
                            ref.get().cancel();
                        }
                    }

                    @Override
                    public void tableVerified(TableVerification result, int n, int total) {
                        done.add(result.name() + " " + n + "/" + total);
                    }
                }).build();
        ContentVerifier cancelling = ContentVerifier.of(verifier);
        ref.set(cancelling);
        assertThatThrownBy(cancelling::verify).isInstanceOf(java.util.concurrent.CancellationException.class);
        ref.set(null);
        assertThat(ContentVerifier.of(verifier).verify().tables()).hasSize(1);
        assertThat(done).containsExactly(src + ".events 1/1");
    }

    @Test
    @DisplayName("assertAllMatch fails naming the differing keys")
    void assertAllMatchNamesKeys() {
        assertThatThrownBy(report::assertAllMatch).isInstanceOf(AssertionError.class)
                .hasMessageContaining("MISSING_ON_TARGET id='500'").hasMessageContaining("EXTRA_ON_TARGET id='99999'")
                .hasMessageContaining("code='Hé33'; label: source 'label33', target 'lost'");
    }
}
