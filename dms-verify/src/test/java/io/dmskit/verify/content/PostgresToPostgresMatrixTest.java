package io.dmskit.verify.content;

import io.dmskit.verify.VerificationReport;
import io.dmskit.verify.report.ContentDifference.Kind;
import io.dmskit.verify.report.VerificationStatus;
import io.dmskit.verify.support.JdbcMatrix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Held-out style matrix, PostgreSQL source to PostgreSQL target: DMS creates the target with the source's types,
 * except user-defined types (an enum becomes character varying) and an unbounded NUMERIC (NUMERIC(28,6)); and a
 * target pre-created with the source's own DDL, enum and unbounded NUMERIC included. Every type of
 * {@link PostgresToMySqlMatrixTest}'s wide table: money, bit, varbit, timetz, interval, uuid, json, jsonb, arrays,
 * inet, point, xml.
 */
@DisplayName("JDBC matrix: PostgreSQL -> PostgreSQL (DMS-created and pre-created targets)")
class PostgresToPostgresMatrixTest {

    private static JdbcMatrix m;
    private static VerificationReport report;

    private static String dmsTarget() {
        return PostgresToMySqlMatrixTest.WIDE_SOURCE.formatted("{t}").replace(" n numeric,", " n numeric(28,6),")
                .replace(" en {t}.mood)", " en character varying)");
    }

    @BeforeAll
    static void setUp() {
        m = JdbcMatrix.create("pg2pg", true, true);
        m.source("CREATE TYPE {s}.mood AS ENUM ('sad', 'ok', 'happy')");
        m.target("CREATE TYPE {t}.mood AS ENUM ('sad', 'ok', 'happy')");
        m.source("CREATE TABLE {s}.wide" + PostgresToMySqlMatrixTest.WIDE_SOURCE.formatted("{s}"));
        m.source(PostgresToMySqlMatrixTest.wideRows("wide"));
        m.target("CREATE TABLE {t}.wide" + dmsTarget());
        m.copy("wide");
        m.source("CREATE TABLE {s}.wide_pre (LIKE {s}.wide INCLUDING ALL)",
                "INSERT INTO {s}.wide_pre SELECT * FROM {s}.wide");
        m.target("CREATE TABLE {t}.wide_pre" + PostgresToMySqlMatrixTest.WIDE_SOURCE.formatted("{t}"));
        m.copy("wide_pre");
        m.source("CREATE TABLE {s}.wide_bad (LIKE {s}.wide INCLUDING ALL)",
                "INSERT INTO {s}.wide_bad SELECT * FROM {s}.wide",
                "UPDATE {s}.wide_bad SET n2 = 12.345 WHERE id = 9",
                "UPDATE {s}.wide_bad SET tx = repeat('abcdefgh', 5000) WHERE id = 11");
        m.target("CREATE TABLE {t}.wide_bad" + dmsTarget());
        m.copy("wide_bad");
        m.source("DELETE FROM {s}.wide_bad WHERE id = 7");
        m.target("UPDATE {t}.wide_bad SET vc = 'stale' WHERE id = 5",
                "DELETE FROM {t}.wide_bad WHERE id = 6",
                "INSERT INTO {t}.wide_bad (id, vc) VALUES (9999, 'ghost')",
                "UPDATE {t}.wide_bad SET ts = ts + INTERVAL '1 hour' WHERE id = 8",
                "UPDATE {t}.wide_bad SET n2 = 12.35 WHERE id = 9",
                "UPDATE {t}.wide_bad SET c = en, en = c WHERE id = 10",
                "UPDATE {t}.wide_bad SET tx = left(tx, 32768) WHERE id = 11",
                "UPDATE {t}.wide_bad SET vc = upper(vc) WHERE id = 12",
                "UPDATE {t}.wide_bad SET vc = vc || ' ' WHERE id = 13",
                "UPDATE {t}.wide_bad SET b = NOT b WHERE id = 14",
                "UPDATE {t}.wide_bad SET ts3 = ts3 + INTERVAL '1 millisecond' WHERE id = 15",
                "UPDATE {t}.wide_bad SET n = n + 0.000001 WHERE id = 16",
                "UPDATE {t}.wide_bad SET tz = tz + INTERVAL '2 hours' WHERE id = 17",
                "UPDATE {t}.wide_bad SET c = 'C18' WHERE id = 18",
                "UPDATE {t}.wide_bad SET vc = replace(vc, '😀', '😁') WHERE id = 19",
                "UPDATE {t}.wide_bad SET bt = B'00000' WHERE id = 20",
                "UPDATE {t}.wide_bad SET ttz = TIMETZ '10:21:00+00' WHERE id = 21",
                "UPDATE {t}.wide_bad SET jb = jsonb_set(jb, '{a}', '3') WHERE id = 22",
                "UPDATE {t}.wide_bad SET ar = ARRAY[23, 24] WHERE id = 23",
                "UPDATE {t}.wide_bad SET m = m + 0.01::money WHERE id = 24",
                "UPDATE {t}.wide_bad SET by = '\\x00fe' WHERE id = 25",
                "UPDATE {t}.wide_bad SET iv = INTERVAL '26 days' WHERE id = 26",
                "UPDATE {t}.wide_bad SET u = md5('x')::uuid WHERE id = 27",
                "UPDATE {t}.wide_bad SET n40 = n40 + 0.01 WHERE id = 28",
                "UPDATE {t}.wide_bad SET ip = '10.0.0.29/24' WHERE id = 29",
                "UPDATE {t}.wide_bad SET ta = ARRAY['a30', 'b c', ''] WHERE id = 30",
                "UPDATE {t}.wide_bad SET vc = NULL WHERE id = 1001");
        KeyTables.create(m);
        // a json column pre-created as jsonb: PostgreSQL reorders keys and respaces the document
        m.source("CREATE TABLE {s}.docs (id int PRIMARY KEY, j json)",
                "INSERT INTO {s}.docs SELECT g, ('{\"z\":' || g || ',  \"a\": [1, {\"y\": null, \"b\": \"x\"}]}')::json"
                        + " FROM generate_series(1, 20) g");
        m.target("CREATE TABLE {t}.docs (id int PRIMARY KEY, j jsonb)");
        m.copy("docs");
        m.target("UPDATE {t}.docs SET j = jsonb_set(j, '{a,0}', '2') WHERE id = 4");
        report = m.verify(32);
    }

    @AfterAll
    static void tearDown() {
        if (m != null) {
            m.close();
        }
    }

    @Test
    @DisplayName("the source's types (NUMERIC(28,6), enum as varchar): identical data is CONTENT_MATCH")
    void dmsCreatedMatch() {
        m.assertMatch(report, "wide");
    }

    @Test
    @DisplayName("a target pre-created with the source's own DDL (unbounded NUMERIC, the enum type)")
    void preCreatedMatch() {
        m.assertMatch(report, "wide_pre");
    }

    @Test
    @DisplayName("each corruption is found on exactly its key")
    void corruptions() {
        assertThat(m.table(report, "wide_bad").status()).isEqualTo(VerificationStatus.CONTENT_MISMATCH);
        assertThat(m.keys(report, "wide_bad", Kind.MISSING_ON_TARGET)).containsExactly("6");
        assertThat(m.keys(report, "wide_bad", Kind.EXTRA_ON_TARGET)).containsExactly("7", "9999");
        assertThat(m.keys(report, "wide_bad", Kind.LOB_TRUNCATED)).containsExactly("11");
        assertThat(m.keys(report, "wide_bad", Kind.DIFFERENT)).containsExactly("5", "8", "9", "10", "12", "13",
                "14", "15", "16", "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29",
                "30", "1001");
        assertThat(m.columns(report, "wide_bad", "10")).containsExactly("c", "en");
        assertThat(m.columns(report, "wide_bad", "21")).containsExactly("ttz");
        assertThat(m.columns(report, "wide_bad", "29")).containsExactly("ip");
    }

    @Test
    @DisplayName("keys of every kind: composite, strings, negative, numeric(20), dates, bytea, uuid")
    void keys() {
        KeyTables.assertKeys(m, report);
    }

    @Test
    @DisplayName("hostile: a table missing on the target, a NULL key on the target")
    void hostile() {
        KeyTables.assertHostile(m, report);
    }

    @Test
    @DisplayName("json in a pre-created jsonb column: compared as jsonb prints it, the changed document found")
    void jsonIntoJsonb() {
        assertThat(m.keys(report, "docs", Kind.DIFFERENT)).containsExactly("4");
        assertThat(m.table(report, "docs").content().orElseThrow().totalDifferences()).isEqualTo(1);
    }
}
