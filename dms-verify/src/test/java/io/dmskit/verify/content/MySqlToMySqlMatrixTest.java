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
 * Held-out style matrix, MariaDB source to MariaDB target: the target as DMS creates it through its own types
 * (TINYINT(1) to TINYINT, BIT(1) to BOOLEAN, BIT(n) to VARBINARY, ENUM/SET to VARCHAR, YEAR to SMALLINT, TIME to
 * VARCHAR, TIMESTAMP to DATETIME(6), TEXT/JSON to LONGTEXT, BLOB to LONGBLOB) and pre-created by the user with the
 * source's own DDL (TIME, BIT(10), JSON, ENUM, SET, TIMESTAMP kept).
 */
@DisplayName("JDBC matrix: MariaDB -> MariaDB (DMS-created and pre-created targets)")
class MySqlToMySqlMatrixTest {

    static final String WIDE_DMS_TARGET = " (id INT PRIMARY KEY, ti TINYINT, tb TINYINT, su SMALLINT UNSIGNED,"
            + " bi BIGINT, ub BIGINT UNSIGNED, dc DECIMAL(12,3), d0 DECIMAL(10,0), fl FLOAT, db DOUBLE, b1 BOOLEAN,"
            + " b10 VARBINARY(2), en VARCHAR(1), st VARCHAR(5), yr SMALLINT, d DATE, t0 VARCHAR(20), t6 VARCHAR(20),"
            + " dt DATETIME, dt3 DATETIME(3), dt4 DATETIME(4), dt6 DATETIME(6), ts DATETIME(6), vc VARCHAR(100),"
            + " ch VARCHAR(10), tx LONGTEXT, lt LONGTEXT, js LONGTEXT, vb VARBINARY(20), bl LONGBLOB, lb LONGBLOB)"
            + " CHARACTER SET utf8mb4";

    private static JdbcMatrix m;
    private static VerificationReport report;

    @BeforeAll
    static void setUp() {
        m = JdbcMatrix.create("my2my", false, false);
        m.source("CREATE TABLE {s}.wide" + MySqlToPostgresMatrixTest.WIDE_SOURCE);
        m.source(MySqlToPostgresMatrixTest.wideRows("wide"));
        m.target("CREATE TABLE {t}.wide" + WIDE_DMS_TARGET);
        m.copy("wide");
        m.source("CREATE TABLE {s}.wide_pre LIKE {s}.wide", "INSERT INTO {s}.wide_pre SELECT * FROM {s}.wide");
        m.target("CREATE TABLE {t}.wide_pre" + MySqlToPostgresMatrixTest.WIDE_SOURCE);
        m.copy("wide_pre");
        m.source("CREATE TABLE {s}.wide_bad LIKE {s}.wide", "INSERT INTO {s}.wide_bad SELECT * FROM {s}.wide",
                "UPDATE {s}.wide_bad SET dc = 12.345 WHERE id = 9",
                "UPDATE {s}.wide_bad SET lt = REPEAT('abcdefgh', 5000) WHERE id = 11",
                "UPDATE {s}.wide_bad SET tb = 2 WHERE id = 20");
        m.target("CREATE TABLE {t}.wide_bad" + MySqlToPostgresMatrixTest.WIDE_SOURCE);
        m.copy("wide_bad");
        m.source("DELETE FROM {s}.wide_bad WHERE id = 7");
        m.target("UPDATE {t}.wide_bad SET vc = 'stale' WHERE id = 5",
                "DELETE FROM {t}.wide_bad WHERE id = 6",
                "INSERT INTO {t}.wide_bad (id, vc) VALUES (9999, 'ghost')",
                "UPDATE {t}.wide_bad SET dt = dt + INTERVAL 1 HOUR WHERE id = 8",
                "UPDATE {t}.wide_bad SET dc = 12.35 WHERE id = 9",
                "UPDATE {t}.wide_bad SET ch = tx, tx = 'c10' WHERE id = 10", // swapped (MySQL assigns in order)
                "UPDATE {t}.wide_bad SET lt = LEFT(lt, 32768) WHERE id = 11",
                "UPDATE {t}.wide_bad SET vc = UPPER(vc) WHERE id = 12",
                "UPDATE {t}.wide_bad SET vc = CONCAT(vc, ' ') WHERE id = 13",
                "UPDATE {t}.wide_bad SET b10 = b'0000000001' WHERE id = 14",
                "UPDATE {t}.wide_bad SET dt3 = dt3 + INTERVAL 1000 MICROSECOND WHERE id = 15",
                "UPDATE {t}.wide_bad SET ub = ub - 1 WHERE id = 16",
                "UPDATE {t}.wide_bad SET ts = ts + INTERVAL 1 HOUR WHERE id = 17",
                "UPDATE {t}.wide_bad SET vc = NULL WHERE id = 1001",
                "UPDATE {t}.wide_bad SET vc = REPLACE(vc, '😀', '😁') WHERE id = 19",
                "UPDATE {t}.wide_bad SET tb = 1 WHERE id = 20",
                "UPDATE {t}.wide_bad SET t0 = '-22:06:41' WHERE id = 21",
                "UPDATE {t}.wide_bad SET js = '{\"id\": 22, \"tags\": [\"b\", \"a\"]}' WHERE id = 22",
                "UPDATE {t}.wide_bad SET dt6 = dt6 + INTERVAL 1 MICROSECOND WHERE id = 23",
                "UPDATE {t}.wide_bad SET d = d - INTERVAL 1 DAY WHERE id = 24",
                "UPDATE {t}.wide_bad SET bl = x'00fe' WHERE id = 25",
                "UPDATE {t}.wide_bad SET b1 = 1 - b1 WHERE id = 26",
                "UPDATE {t}.wide_bad SET dt4 = '2024-01-01 00:00:27.124' WHERE id = 27",
                "UPDATE {t}.wide_bad SET yr = 1930 WHERE id = 28",
                "UPDATE {t}.wide_bad SET st = 'y' WHERE id = 29",
                "UPDATE {t}.wide_bad SET en = 'c' WHERE id = 30");
        KeyTables.create(m);
        // MariaDB's own types (GEOMETRY, INET6, UUID) and a zero date on the source, NULL on the target
        m.source("CREATE TABLE {s}.odd (id INT PRIMARY KEY, g GEOMETRY, i6 INET6, u UUID, zd DATE)",
                "SET SESSION sql_mode = ''",
                "INSERT INTO {s}.odd SELECT seq, POINT(seq, seq / 2), CONCAT('2001:db8::', HEX(seq)),"
                        + " CONCAT('123e4567-e89b-12d3-a456-4266141740', LPAD(seq, 2, '0')),"
                        + " IF(seq = 3, '0000-00-00', DATE '2024-01-01' + INTERVAL seq DAY) FROM seq_1_to_20");
        m.target("CREATE TABLE {t}.odd (id INT PRIMARY KEY, g GEOMETRY, i6 INET6, u UUID, zd DATE)");
        m.copy("odd");
        m.target("UPDATE {t}.odd SET i6 = '2001:db8::ff' WHERE id = 7", "UPDATE {t}.odd SET zd = NULL WHERE id = 3");
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
    }

    @Test
    @DisplayName("a target pre-created with the source's own DDL (TIME, BIT(10), JSON, ENUM, SET, TIMESTAMP)")
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
                "14", "15", "16", "17", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30",
                "1001");
        assertThat(m.columns(report, "wide_bad", "10")).containsExactly("ch", "tx");
        assertThat(m.columns(report, "wide_bad", "14")).containsExactly("b10");
    }

    @Test
    @DisplayName("keys of every kind: composite, strings, negative, unsigned above 2^63, dates, binary")
    void keys() {
        KeyTables.assertKeys(m, report);
    }

    @Test
    @DisplayName("hostile: a missing table, a NULL key on the target; GEOMETRY/INET6/UUID; a zero date is NULL")
    void hostile() {
        KeyTables.assertHostile(m, report);
        assertThat(m.keys(report, "odd", Kind.DIFFERENT)).containsExactly("7");
        assertThat(m.table(report, "odd").content().orElseThrow().totalDifferences()).isEqualTo(1);
    }
}
