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
 * Held-out style matrix, PostgreSQL source to MariaDB target: target tables as DMS creates them (unbounded NUMERIC
 * to DECIMAL(28,6), NUMERIC(p &gt; 38) to VARCHAR, boolean to VARCHAR(5) 'true'/'false', bit(n), uuid, interval,
 * inet and point to VARCHAR, money to DECIMAL(38,4), char(n) to VARCHAR(n), text/json/jsonb/arrays/xml to
 * LONGTEXT, bytea to LONGBLOB, timestamptz to DATETIME(6) in UTC) and pre-created with other compatible types.
 */
@DisplayName("JDBC matrix: PostgreSQL -> MariaDB (DMS-created and pre-created targets)")
class PostgresToMySqlMatrixTest {

    static final String WIDE_SOURCE = " (id integer PRIMARY KEY, si smallint, bi bigint, n numeric,"
            + " n2 numeric(12,3), n40 numeric(40,2), r real, d8 double precision, m money, b boolean, bt bit(5),"
            + " vb varbit(8), c char(10), vc varchar(100), tx text, by bytea, d date, t time(6), ttz timetz,"
            + " ts timestamp(6), ts3 timestamp(3), tz timestamptz, iv interval, u uuid, j json, jb jsonb, ar int[],"
            + " ta text[], ip inet, p point, x xml, en %s.mood)";

    /** 40 generated rows, a row of NULLs (1000), of empty values (1001), negative values (-5). */
    static String[] wideRows(String table) {
        return new String[] {
            "INSERT INTO {s}." + table + " SELECT g, g - 20, g * -100000000007, g / 7.0, g * 1.5 + 0.125,"
                + " 12345678901234567890123456789012345678.5 + g, g / 4.0, g / 3.0, g * 1.25, g % 2 = 0,"
                + " (g % 32)::bit(5), (g % 7)::bit(3)::varbit, 'c' || g, 'name' || g || ' Ünïcødé 😀',"
                + " repeat('t', g * 50), decode(repeat('00ff', g), 'hex'), DATE '2024-01-01' + g,"
                + " TIME '00:00:00' + g * INTERVAL '3.5 second', TIMETZ '10:00:00+02' + g * INTERVAL '1 minute',"
                + " TIMESTAMP '2024-01-01 00:00:00.123456' + g * INTERVAL '1 hour',"
                + " TIMESTAMP '2024-01-01 00:00:00.123' + g * INTERVAL '1 second',"
                + " TIMESTAMPTZ '2024-06-01 10:00:00.654321+02' + g * INTERVAL '1 minute',"
                + " g * INTERVAL '1 day 2 hours 3.5 seconds', md5(g::text)::uuid,"
                + " ('{\"id\": ' || g || ', \"tags\": [\"a\", \"b\"]}')::json,"
                + " ('{\"id\": ' || g || ', \"b\": 1, \"a\": 2}')::jsonb, ARRAY[g, g + 1, -g],"
                + " ARRAY['a' || g, 'b c', NULL], ('10.0.0.' || g)::inet, point(g, g / 2.0),"
                + " ('<r id=\"' || g || '\"/>')::xml, (ARRAY['sad', 'ok', 'happy'])[g % 3 + 1]::{s}.mood"
                + " FROM generate_series(1, 40) g",
            "INSERT INTO {s}." + table + " (id) VALUES (1000)",
            "INSERT INTO {s}." + table + " (id, c, vc, tx, by, ta) VALUES (1001, '', '', '', '', '{}')",
            "INSERT INTO {s}." + table + " (id, si, bi, n, n2, d8, vc) VALUES (-5, -32768, -9223372036854775808,"
                + " -0.0000005, -999999999.999, -1.5e300, 'minus')"};
    }

    static final String WIDE_DMS_TARGET = " (id INT PRIMARY KEY, si SMALLINT, bi BIGINT, n DECIMAL(28,6),"
            + " n2 DECIMAL(12,3), n40 VARCHAR(42), r FLOAT, d8 DOUBLE, m DECIMAL(38,4), b VARCHAR(5),"
            + " bt VARCHAR(5), vb VARCHAR(8), c VARCHAR(10), vc VARCHAR(100), tx LONGTEXT, `by` LONGBLOB, d DATE,"
            + " t TIME(6), ttz TIME(6), ts DATETIME(6), ts3 DATETIME(3), tz DATETIME(6), iv VARCHAR(128),"
            + " u VARCHAR(36), j LONGTEXT, jb LONGTEXT, ar LONGTEXT, ta LONGTEXT, ip VARCHAR(50), p VARCHAR(255),"
            + " x LONGTEXT, en VARCHAR(64)) CHARACTER SET utf8mb4";

    private static JdbcMatrix m;
    private static VerificationReport report;

    @BeforeAll
    static void setUp() {
        m = JdbcMatrix.create("pg2my", true, false);
        m.source("CREATE TYPE {s}.mood AS ENUM ('sad', 'ok', 'happy')");
        m.source("CREATE TABLE {s}.wide" + WIDE_SOURCE.formatted("{s}"));
        m.source(wideRows("wide"));
        m.target("CREATE TABLE {t}.wide" + WIDE_DMS_TARGET);
        m.copy("wide");
        // pre-created: wider numbers, booleans as TINYINT(1), DATETIME(6) for timestamp(3), TEXT for varchar
        m.source("CREATE TABLE {s}.wide_pre (LIKE {s}.wide INCLUDING ALL)", "INSERT INTO {s}.wide_pre SELECT *"
                + " FROM {s}.wide");
        m.target("CREATE TABLE {t}.wide_pre (id BIGINT PRIMARY KEY, si INT, bi DECIMAL(20), n DECIMAL(30,6),"
                + " n2 DECIMAL(20,6), n40 TEXT, r DOUBLE, d8 DOUBLE, m DECIMAL(20,2), b BOOLEAN, bt CHAR(5),"
                + " vb TEXT, c CHAR(10), vc TEXT, tx MEDIUMTEXT, `by` MEDIUMBLOB, d DATE, t TIME(6), ttz TIME(6),"
                + " ts DATETIME(6), ts3 DATETIME(6), tz TIMESTAMP(6) NULL, iv TEXT, u CHAR(36), j JSON, jb TEXT,"
                + " ar TEXT, ta TEXT, ip TEXT, p TEXT, x TEXT, en ENUM('sad', 'ok', 'happy'))"
                + " CHARACTER SET utf8mb4");
        m.copy("wide_pre");
        m.source("CREATE TABLE {s}.wide_bad (LIKE {s}.wide INCLUDING ALL)",
                "INSERT INTO {s}.wide_bad SELECT * FROM {s}.wide",
                "UPDATE {s}.wide_bad SET n2 = 12.345 WHERE id = 9",
                "UPDATE {s}.wide_bad SET tx = repeat('abcdefgh', 5000) WHERE id = 11");
        m.target("CREATE TABLE {t}.wide_bad" + WIDE_DMS_TARGET);
        m.copy("wide_bad");
        m.source("DELETE FROM {s}.wide_bad WHERE id = 7");
        m.target("UPDATE {t}.wide_bad SET vc = 'stale' WHERE id = 5",
                "DELETE FROM {t}.wide_bad WHERE id = 6",
                "INSERT INTO {t}.wide_bad (id, vc) VALUES (9999, 'ghost')",
                "UPDATE {t}.wide_bad SET ts = ts + INTERVAL 1 HOUR WHERE id = 8",
                "UPDATE {t}.wide_bad SET n2 = 12.35 WHERE id = 9",
                "UPDATE {t}.wide_bad SET c = en, en = 'c10' WHERE id = 10", // swapped (MySQL assigns in order)
                "UPDATE {t}.wide_bad SET tx = LEFT(tx, 32768) WHERE id = 11",
                "UPDATE {t}.wide_bad SET vc = UPPER(vc) WHERE id = 12",
                "UPDATE {t}.wide_bad SET vc = CONCAT(vc, ' ') WHERE id = 13",
                "UPDATE {t}.wide_bad SET b = 'false' WHERE id = 14",
                "UPDATE {t}.wide_bad SET ts3 = ts3 + INTERVAL 1000 MICROSECOND WHERE id = 15",
                "UPDATE {t}.wide_bad SET n = n + 0.000001 WHERE id = 16",
                "UPDATE {t}.wide_bad SET tz = tz + INTERVAL 2 HOUR WHERE id = 17",
                "UPDATE {t}.wide_bad SET c = 'C18' WHERE id = 18",
                "UPDATE {t}.wide_bad SET vc = REPLACE(vc, '😀', '😁') WHERE id = 19",
                "UPDATE {t}.wide_bad SET bt = '00000' WHERE id = 20",
                "UPDATE {t}.wide_bad SET u = UPPER(u) WHERE id = 21",
                "UPDATE {t}.wide_bad SET jb = REPLACE(jb, '\"a\": 2', '\"a\": 3') WHERE id = 22",
                "UPDATE {t}.wide_bad SET ar = '{23,24}' WHERE id = 23",
                "UPDATE {t}.wide_bad SET m = m + 0.01 WHERE id = 24",
                "UPDATE {t}.wide_bad SET `by` = x'00fe' WHERE id = 25",
                "UPDATE {t}.wide_bad SET iv = '26 days' WHERE id = 26",
                "UPDATE {t}.wide_bad SET ttz = '10:27:00' WHERE id = 27",
                "UPDATE {t}.wide_bad SET n40 = '12345678901234567890123456789012345678.5' WHERE id = 28",
                "UPDATE {t}.wide_bad SET vc = NULL WHERE id = 1001");
        KeyTables.create(m);
        // PostgreSQL types dmskit has no kind for: compared as their output text
        m.source("CREATE TABLE {s}.odd (id int PRIMARY KEY, tv tsvector, ci cidr, mac macaddr, r int4range,"
                        + " bx box, hs bit varying)",
                "INSERT INTO {s}.odd SELECT g, ('a b' || g)::tsvector, ('10.' || g || '.0.0/16')::cidr,"
                        + " ('08:00:2b:01:02:' || lpad(to_hex(g), 2, '0'))::macaddr, int4range(g, g + 10),"
                        + " box(point(0, 0), point(g, g)), (g::bit(6))::varbit FROM generate_series(1, 20) g");
        m.target("CREATE TABLE {t}.odd (id INT PRIMARY KEY, tv LONGTEXT, ci VARCHAR(50), mac VARCHAR(18),"
                + " r VARCHAR(255), bx VARCHAR(255), hs VARCHAR(6))");
        m.copy("odd");
        m.target("UPDATE {t}.odd SET ci = '10.7.0.0/17' WHERE id = 7");
        report = m.verify(32);
    }

    @AfterAll
    static void tearDown() {
        if (m != null) {
            m.close();
        }
    }

    @Test
    @DisplayName("every type as DMS creates it on MySQL: identical data is CONTENT_MATCH")
    void dmsCreatedMatch() {
        m.assertMatch(report, "wide");
        assertThat(m.table(report, "wide").content().orElseThrow().sourceRows()).isEqualTo(43);
    }

    @Test
    @DisplayName("a target pre-created with compatible types (BOOLEAN, wider DECIMAL, TIMESTAMP, JSON, ENUM, CHAR)")
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
                "14", "15", "16", "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "1001");
        assertThat(m.columns(report, "wide_bad", "10")).containsExactly("c", "en");
        assertThat(m.columns(report, "wide_bad", "16")).containsExactly("n");
        assertThat(m.columns(report, "wide_bad", "14")).containsExactly("b");
    }

    @Test
    @DisplayName("keys of every kind: composite, strings, negative, numeric(20) above 2^63, dates, bytea, uuid")
    void keys() {
        KeyTables.assertKeys(m, report);
    }

    @Test
    @DisplayName("hostile: a missing table, a NULL key on the target, types without a kind (tsvector, cidr, ...)")
    void hostile() {
        KeyTables.assertHostile(m, report);
        assertThat(m.keys(report, "odd", Kind.DIFFERENT)).containsExactly("7");
        assertThat(m.table(report, "odd").content().orElseThrow().totalDifferences()).isEqualTo(1);
    }
}
