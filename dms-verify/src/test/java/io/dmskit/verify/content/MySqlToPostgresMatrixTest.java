package io.dmskit.verify.content;

import io.dmskit.verify.VerificationReport;
import io.dmskit.verify.report.ContentDifference.Kind;
import io.dmskit.verify.report.TableVerification;
import io.dmskit.verify.report.VerificationStatus;
import io.dmskit.verify.support.JdbcMatrix;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Held-out style matrix, MariaDB source to PostgreSQL target: target tables as DMS creates them (its type mapping:
 * TINYINT(1) to smallint, BIT(1) to boolean, BIT(n) to bytea, ENUM/SET to varchar, YEAR to smallint, TIME to
 * varchar, JSON to text, BLOB to bytea, unsigned BIGINT to numeric(20), DATETIME(1..5) kept to the millisecond) and
 * pre-created with other compatible types; identical data is CONTENT_MATCH, every corruption is found on its key.
 */
@DisplayName("JDBC matrix: MariaDB -> PostgreSQL (DMS-created and pre-created targets)")
class MySqlToPostgresMatrixTest {

    static final String WIDE_SOURCE = " (id INT PRIMARY KEY, ti TINYINT, tb TINYINT(1), su SMALLINT UNSIGNED,"
            + " bi BIGINT, ub BIGINT UNSIGNED, dc DECIMAL(12,3), d0 DECIMAL(10), fl FLOAT, db DOUBLE, b1 BIT(1),"
            + " b10 BIT(10), en ENUM('a','b','c'), st SET('x','y','z'), yr YEAR, d DATE, t0 TIME, t6 TIME(6),"
            + " dt DATETIME, dt3 DATETIME(3), dt4 DATETIME(4), dt6 DATETIME(6), ts TIMESTAMP(6) NULL,"
            + " vc VARCHAR(100), ch CHAR(10), tx TEXT, lt LONGTEXT, js JSON, vb VARBINARY(20), bl BLOB, lb LONGBLOB)"
            + " CHARACTER SET utf8mb4";

    /** 40 generated rows plus a row of NULLs (1000), of empty values (1001) and a negative key. */
    static String[] wideRows(String table) {
        return new String[] {
            "INSERT INTO {s}." + table + " SELECT seq, CAST(seq AS SIGNED) % 128 - 64, seq % 3, seq * 7, CAST(seq AS SIGNED) * -100000000007,"
                + " 18446744073709551615 - seq, seq * 1.5 + 0.125, seq * 3, seq / 4, seq / 3, seq % 2, seq * 23,"
                + " ELT(seq % 3 + 1, 'a', 'b', 'c'), ELT(seq % 4 + 1, '', 'x', 'x,y', 'x,y,z'), 1901 + seq,"
                + " DATE '2024-01-01' + INTERVAL seq DAY, SEC_TO_TIME(CAST(seq AS SIGNED) * 4000 - 80000), SEC_TO_TIME(seq * 3.5),"
                + " TIMESTAMP '2024-01-01 00:00:00' + INTERVAL seq HOUR,"
                + " TIMESTAMP '2024-01-01 00:00:00.123' + INTERVAL seq SECOND,"
                + " TIMESTAMP '2024-01-01 00:00:00.1234' + INTERVAL seq SECOND,"
                + " TIMESTAMP '2024-01-01 00:00:00.123456' + INTERVAL seq MINUTE,"
                + " TIMESTAMP '2024-06-01 00:00:00.654321' + INTERVAL seq MINUTE,"
                + " CONCAT('name', seq, ' Ünïcødé 😀'), CONCAT('c', seq), REPEAT('t', seq), REPEAT('long', seq * 100),"
                + " CONCAT('{\"id\": ', seq, ', \"tags\": [\"a\", \"b\"]}'), UNHEX(LPAD(HEX(seq), 8, '0')),"
                + " UNHEX(REPEAT('00ff', seq)), UNHEX(REPEAT('ab00', seq)) FROM seq_1_to_40",
            "INSERT INTO {s}." + table + " (id) VALUES (1000)",
            "INSERT INTO {s}." + table + " (id, st, vc, ch, tx, lt, js, vb, bl, lb) VALUES (1001, '', '', '', '', '',"
                + " '\"\"', '', '', '')",
            "INSERT INTO {s}." + table + " (id, ti, bi, dc, db, vc) VALUES (-5, -128, -9223372036854775808,"
                + " -999999999.999, -1.5e300, 'minus')"};
    }

    static final String WIDE_DMS_TARGET = " (id integer PRIMARY KEY, ti smallint, tb smallint, su integer,"
            + " bi bigint, ub numeric(20), dc numeric(12,3), d0 numeric(10,0), fl real, db double precision,"
            + " b1 boolean, b10 bytea, en varchar(1), st varchar(5), yr smallint, d date, t0 varchar(20),"
            + " t6 varchar(20), dt timestamp(0), dt3 timestamp(3), dt4 timestamp(4), dt6 timestamp(6),"
            + " ts timestamp(6), vc varchar(100), ch varchar(10), tx varchar(65535), lt text, js text, vb bytea,"
            + " bl bytea, lb bytea)";

    private static JdbcMatrix m;
    private static VerificationReport report;

    @BeforeAll
    static void setUp() {
        m = JdbcMatrix.create("my2pg", false, true);
        m.source("CREATE TABLE {s}.wide" + WIDE_SOURCE);
        m.source(wideRows("wide"));
        m.target("CREATE TABLE {t}.wide" + WIDE_DMS_TARGET);
        m.copy("wide");
        // pre-created by a user with wider but compatible types
        m.source("CREATE TABLE {s}.wide_pre LIKE {s}.wide", "INSERT INTO {s}.wide_pre SELECT * FROM {s}.wide");
        m.target("CREATE TABLE {t}.wide_pre (id bigint PRIMARY KEY, ti integer, tb integer, su bigint,"
                + " bi numeric(20), ub numeric(30), dc numeric(20,6), d0 bigint, fl double precision,"
                + " db double precision, b1 boolean, b10 bytea, en text, st text, yr integer, d date, t0 text,"
                + " t6 text, dt timestamp(6), dt3 timestamp(6), dt4 timestamp(6), dt6 timestamptz, ts timestamptz,"
                + " vc text, ch char(10), tx text, lt text, js json, vb bytea, bl bytea, lb bytea)");
        m.copy("wide_pre");
        // every corruption on its own key
        m.source("CREATE TABLE {s}.wide_bad LIKE {s}.wide", "INSERT INTO {s}.wide_bad SELECT * FROM {s}.wide",
                "UPDATE {s}.wide_bad SET dc = 12.345 WHERE id = 9",
                "UPDATE {s}.wide_bad SET lt = REPEAT('abcdefgh', 5000) WHERE id = 11",
                "UPDATE {s}.wide_bad SET tb = 2 WHERE id = 20");
        m.target("CREATE TABLE {t}.wide_bad" + WIDE_DMS_TARGET);
        m.copy("wide_bad");
        m.source("DELETE FROM {s}.wide_bad WHERE id = 7");                                  // delete not applied
        m.target("UPDATE {t}.wide_bad SET vc = 'stale' WHERE id = 5",                       // lost update
                "DELETE FROM {t}.wide_bad WHERE id = 6",                                      // missing row
                "INSERT INTO {t}.wide_bad (id, vc) VALUES (9999, 'ghost')",                   // extra row
                "UPDATE {t}.wide_bad SET dt = dt + INTERVAL '1 hour' WHERE id = 8",           // shifted timestamp
                "UPDATE {t}.wide_bad SET dc = 12.35 WHERE id = 9",                            // rounded decimal
                "UPDATE {t}.wide_bad SET tx = ch, ch = tx WHERE id = 10",                     // swapped columns
                "UPDATE {t}.wide_bad SET lt = left(lt, 32768) WHERE id = 11",                 // truncated LOB
                "UPDATE {t}.wide_bad SET vc = upper(vc) WHERE id = 12",                       // case change
                "UPDATE {t}.wide_bad SET vc = vc || ' ' WHERE id = 13",                       // trailing space
                "UPDATE {t}.wide_bad SET b10 = '\\x0001'::bytea WHERE id = 14",               // one bit
                "UPDATE {t}.wide_bad SET dt3 = dt3 + INTERVAL '1 millisecond' WHERE id = 15", // a millisecond
                "UPDATE {t}.wide_bad SET ub = ub - 1 WHERE id = 16",                          // above 2^63
                "UPDATE {t}.wide_bad SET ts = ts + INTERVAL '1 hour' WHERE id = 17",          // zone shift
                "UPDATE {t}.wide_bad SET vc = NULL WHERE id = 1001",                          // '' became NULL
                "UPDATE {t}.wide_bad SET vc = replace(vc, '😀', '😁') WHERE id = 19",         // a 4-byte char
                "UPDATE {t}.wide_bad SET tb = 1 WHERE id = 20",                               // 2 became 1
                "UPDATE {t}.wide_bad SET t0 = '-22:06:41' WHERE id = 21",                     // a second off
                "UPDATE {t}.wide_bad SET js = '{\"id\": 22, \"tags\": [\"b\", \"a\"]}' WHERE id = 22",
                "UPDATE {t}.wide_bad SET dt6 = dt6 + INTERVAL '1 microsecond' WHERE id = 23",
                "UPDATE {t}.wide_bad SET d = d - 1 WHERE id = 24",
                "UPDATE {t}.wide_bad SET bl = '\\x00fe'::bytea WHERE id = 25",
                "UPDATE {t}.wide_bad SET b1 = NOT b1 WHERE id = 26",
                "UPDATE {t}.wide_bad SET dt4 = '2024-01-01 00:00:27.124' WHERE id = 27",      // a millisecond
                "UPDATE {t}.wide_bad SET yr = 1930 WHERE id = 28",
                "UPDATE {t}.wide_bad SET st = 'y' WHERE id = 29");
        KeyTables.create(m);
        // MariaDB's own types as DMS writes them (GEOMETRY is BLOB, INET6/UUID are strings)
        m.source("CREATE TABLE {s}.odd (id INT PRIMARY KEY, g GEOMETRY, i6 INET6, u UUID)",
                "INSERT INTO {s}.odd SELECT seq, POINT(seq, seq / 2), CONCAT('2001:db8::', HEX(seq)),"
                        + " CONCAT('123e4567-e89b-12d3-a456-4266141740', LPAD(seq, 2, '0')) FROM seq_1_to_20");
        m.target("CREATE TABLE {t}.odd (id integer PRIMARY KEY, g bytea, i6 varchar(39), u varchar(36))");
        m.copy("odd");
        m.target("UPDATE {t}.odd SET u = upper(u) WHERE id = 7");
        // doubles against exact numbers (a pre-created numeric for a DOUBLE, a double for a DECIMAL)
        m.source("CREATE TABLE {s}.floaty (id INT PRIMARY KEY, d DOUBLE, f FLOAT, dc DECIMAL(10,4))",
                "INSERT INTO {s}.floaty SELECT seq, seq * 1.5, seq / 4, seq / 7 FROM seq_1_to_30",
                "INSERT INTO {s}.floaty VALUES (100, 1e15, -0.125, -1.0001), (101, 0, 0, 0)");
        m.target("CREATE TABLE {t}.floaty (id integer PRIMARY KEY, d numeric(30,10), f numeric(20,10),"
                + " dc double precision)");
        m.copy("floaty");
        m.target("UPDATE {t}.floaty SET d = d + 0.5 WHERE id = 9", "UPDATE {t}.floaty SET dc = 0.0001 WHERE id = 101");
        report = m.verify(32);
    }

    @AfterAll
    static void tearDown() {
        if (m != null) {
            m.close();
        }
    }

    @Test
    @DisplayName("every type as DMS creates it on PostgreSQL: identical data is CONTENT_MATCH")
    void dmsCreatedMatch() {
        m.assertMatch(report, "wide");
        assertThat(m.table(report, "wide").content().orElseThrow().sourceRows()).isEqualTo(43);
    }

    @Test
    @DisplayName("a target pre-created with wider compatible types (bigint, numeric(20,6), timestamptz, char, json)")
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
                "14", "15", "16", "17", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "1001");
        assertThat(m.columns(report, "wide_bad", "10")).containsExactly("ch", "tx");
        assertThat(m.columns(report, "wide_bad", "16")).containsExactly("ub");
        assertThat(m.columns(report, "wide_bad", "20")).containsExactly("tb");
        assertThat(m.columns(report, "wide_bad", "27")).containsExactly("dt4");
    }

    @Test
    @DisplayName("keys of every kind: composite, strings, negative, unsigned above 2^63, dates, binary")
    void keys() {
        KeyTables.assertKeys(m, report);
    }

    @Test
    @DisplayName("hostile: a table missing on the target, a NULL key on the target, unknown column types")
    void hostile() {
        TableVerification gone = m.table(report, "gone");
        assertThat(gone.status()).isEqualTo(VerificationStatus.ERROR);
        assertThat(gone.error()).hasValueSatisfying(e -> assertThat(e).contains("not found"));
        KeyTables.assertHostile(m, report);
        assertThat(m.keys(report, "odd", Kind.DIFFERENT)).containsExactly("7");
        assertThat(m.table(report, "odd").content().orElseThrow().totalDifferences()).isEqualTo(1);
    }

    @Test
    @DisplayName("a double against an exact number compares as doubles: 1.0 = 1, 1e15 = 1000000000000000")
    void doublesAgainstExactNumbers() {
        assertThat(m.keys(report, "floaty", Kind.DIFFERENT)).containsExactly("9", "101");
        assertThat(m.table(report, "floaty").content().orElseThrow().totalDifferences()).isEqualTo(2);
    }
}
