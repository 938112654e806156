package io.dmskit.verify.content;

import io.dmskit.verify.VerificationReport;
import io.dmskit.verify.report.ContentDifference.Kind;
import io.dmskit.verify.report.TableVerification;
import io.dmskit.verify.report.VerificationStatus;
import io.dmskit.verify.support.JdbcMatrix;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key tables of the JDBC matrix, the same for every pair of engines: keys of every kind (composite, strings
 * that differ in case, accents, trailing spaces and control characters, negative integers, unsigned above 2^63,
 * dates, binary, UUIDs), a table without a primary key with duplicates, reserved-word and mixed-case identifiers,
 * LOBs cut at 32 KB, and hostile inputs (a table missing on the target, a NULL key on a target without a key).
 */
final class KeyTables {

    private KeyTables() {
    }

    private static String pick(boolean pg, String mysql, String postgres) {
        return pg ? postgres : mysql;
    }

    private static String tab(boolean pg) {
        return pg ? "chr(9)" : "CHAR(9)";
    }

    /** @return the UUID the tables hold for n (MD5 of its decimal text) */
    static String uuid(int n) {
        try {
            String h = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                    .digest(Integer.toString(n).getBytes(StandardCharsets.UTF_8)));
            return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-"
                    + h.substring(16, 20) + "-" + h.substring(20);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void create(JdbcMatrix m) {
        boolean sp = m.sourcePostgres();
        boolean tp = m.targetPostgres();
        // composite key with a negative integer, a string and a date
        String comp = "CREATE TABLE %s.k_comp (a INT, b VARCHAR(20), c DATE, v VARCHAR(20), PRIMARY KEY (a, b, c))";
        m.source(comp.formatted("{s}"), pick(sp,
                "INSERT INTO {s}.k_comp SELECT CAST(seq AS SIGNED) % 5 - 2, CONCAT('k', seq), DATE '2024-01-01' + INTERVAL seq DAY,"
                        + " CONCAT('v', seq) FROM seq_1_to_60",
                "INSERT INTO {s}.k_comp SELECT g % 5 - 2, 'k' || g, DATE '2024-01-01' + g, 'v' || g"
                        + " FROM generate_series(1, 60) g"));
        m.target(comp.formatted("{t}"));
        m.copy("k_comp");
        m.target("UPDATE {t}.k_comp SET v = 'lost' WHERE b = 'k33'", "DELETE FROM {t}.k_comp WHERE b = 'k44'");
        // string keys: case, accents, trailing space, a tab (below the space), 4-byte characters
        String str = "CREATE TABLE %s.k_str (code VARCHAR(30) PRIMARY KEY, v INT)";
        String bin = " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin";
        m.source(str.formatted("{s}") + (sp ? "" : bin),
                "INSERT INTO {s}.k_str VALUES ('abc', 1), ('Abd', 2), ('abé', 3), ('abe', 4), ('Abe', 5), ('a', 6),"
                        + " ('a b', 8), ('zz', 9), ('Z', 10), ('😀x', 11), ('é', 12), ('', 13)",
                "INSERT INTO {s}.k_str VALUES (" + pick(sp, "CONCAT('a', CHAR(9))", "'a' || chr(9)") + ", 7)",
                pick(sp, "INSERT INTO {s}.k_str SELECT CONCAT('f', LPAD(seq, 2, '0')), seq FROM seq_1_to_40",
                        "INSERT INTO {s}.k_str SELECT 'f' || lpad(g::text, 2, '0'), g FROM generate_series(1, 40) g"));
        m.target(str.formatted("{t}") + (tp ? "" : bin));
        m.copy("k_str");
        m.target("UPDATE {t}.k_str SET code = 'ABD' WHERE code = 'Abd'",
                "UPDATE {t}.k_str SET code = 'zz ' WHERE code = 'zz'",
                "UPDATE {t}.k_str SET code = 'e' WHERE code = 'é'",
                "UPDATE {t}.k_str SET v = -1 WHERE code = " + pick(tp, "CONCAT('a', CHAR(9))", "'a' || chr(9)"));
        // negative integers
        String neg = "CREATE TABLE %s.k_neg (id BIGINT PRIMARY KEY, v INT)";
        m.source(neg.formatted("{s}"), pick(sp, "INSERT INTO {s}.k_neg SELECT CAST(seq AS SIGNED) - 31, seq FROM seq_1_to_61",
                "INSERT INTO {s}.k_neg SELECT g - 31, g FROM generate_series(1, 61) g"));
        m.target(neg.formatted("{t}"));
        m.copy("k_neg");
        m.target("UPDATE {t}.k_neg SET v = -1 WHERE id = -7", "DELETE FROM {t}.k_neg WHERE id = -21",
                "INSERT INTO {t}.k_neg VALUES (-100, 0)");
        // unsigned BIGINT above 2^63 (PostgreSQL: numeric(20), what DMS creates for UINT8)
        m.source(pick(sp, "CREATE TABLE {s}.k_big (id BIGINT UNSIGNED PRIMARY KEY, v INT)",
                        "CREATE TABLE {s}.k_big (id numeric(20) PRIMARY KEY, v INT)"),
                "INSERT INTO {s}.k_big VALUES (0, 100), (1, 101), (9223372036854775807, 102),"
                        + " (18446744073709551615, 103)",
                pick(sp, "INSERT INTO {s}.k_big SELECT 9223372036854775807 + seq, seq FROM seq_1_to_21",
                        "INSERT INTO {s}.k_big SELECT 9223372036854775807::numeric + g, g FROM generate_series(1, 21) g"));
        m.target(pick(tp, "CREATE TABLE {t}.k_big (id BIGINT UNSIGNED PRIMARY KEY, v INT)",
                "CREATE TABLE {t}.k_big (id numeric(20) PRIMARY KEY, v INT)"));
        m.copy("k_big");
        m.target("UPDATE {t}.k_big SET v = -1 WHERE id = 9223372036854775811",
                "DELETE FROM {t}.k_big WHERE id = 18446744073709551615");
        // dates
        String date = "CREATE TABLE %s.k_date (d DATE PRIMARY KEY, v INT)";
        m.source(date.formatted("{s}"), pick(sp,
                "INSERT INTO {s}.k_date SELECT DATE '2024-01-01' + INTERVAL seq DAY, seq FROM seq_0_to_49",
                "INSERT INTO {s}.k_date SELECT DATE '2024-01-01' + g, g FROM generate_series(0, 49) g"));
        m.target(date.formatted("{t}"));
        m.copy("k_date");
        m.target("UPDATE {t}.k_date SET v = -1 WHERE d = DATE '2024-01-10'",
                "INSERT INTO {t}.k_date VALUES (DATE '1999-12-31', 0)");
        // binary keys (leading zero bytes, high bytes)
        m.source(pick(sp, "CREATE TABLE {s}.k_bin (k VARBINARY(16) PRIMARY KEY, v INT)",
                        "CREATE TABLE {s}.k_bin (k bytea PRIMARY KEY, v INT)"),
                pick(sp, "INSERT INTO {s}.k_bin VALUES (x'00', 1), (x'0000', 2), (x'00ff', 3), (x'ff', 4), (x'7f', 5),"
                                + " (x'80', 6), (x'0a', 7)",
                        "INSERT INTO {s}.k_bin VALUES ('\\x00', 1), ('\\x0000', 2), ('\\x00ff', 3), ('\\xff', 4),"
                                + " ('\\x7f', 5), ('\\x80', 6), ('\\x0a', 7)"),
                pick(sp, "INSERT INTO {s}.k_bin SELECT UNHEX(CONCAT('f0', LPAD(HEX(seq), 2, '0'))), seq + 10"
                                + " FROM seq_1_to_30",
                        "INSERT INTO {s}.k_bin SELECT decode('f0' || lpad(to_hex(g), 2, '0'), 'hex'), g + 10"
                                + " FROM generate_series(1, 30) g"));
        m.target(pick(tp, "CREATE TABLE {t}.k_bin (k VARBINARY(16) PRIMARY KEY, v INT)",
                "CREATE TABLE {t}.k_bin (k bytea PRIMARY KEY, v INT)"));
        m.copy("k_bin");
        m.target(pick(tp, "UPDATE {t}.k_bin SET v = -1 WHERE k = x'80'", "UPDATE {t}.k_bin SET v = -1 WHERE k = '\\x80'"),
                pick(tp, "DELETE FROM {t}.k_bin WHERE k = x'0000'", "DELETE FROM {t}.k_bin WHERE k = '\\x0000'"));
        // UUID keys: PostgreSQL uuid, MySQL CHAR(36); DMS writes a uuid into varchar(36)
        m.source(pick(sp, "CREATE TABLE {s}.k_uuid (u CHAR(36) PRIMARY KEY, v INT)",
                        "CREATE TABLE {s}.k_uuid (u uuid PRIMARY KEY, v INT)"),
                pick(sp, "INSERT INTO {s}.k_uuid SELECT CONCAT_WS('-', SUBSTR(MD5(seq), 1, 8), SUBSTR(MD5(seq), 9, 4),"
                                + " SUBSTR(MD5(seq), 13, 4), SUBSTR(MD5(seq), 17, 4), SUBSTR(MD5(seq), 21)), seq"
                                + " FROM seq_1_to_30",
                        "INSERT INTO {s}.k_uuid SELECT md5(g::text)::uuid, g FROM generate_series(1, 30) g"));
        m.target(sp && tp ? "CREATE TABLE {t}.k_uuid (u uuid PRIMARY KEY, v INT)"
                : "CREATE TABLE {t}.k_uuid (u VARCHAR(36) PRIMARY KEY, v INT)");
        m.copy("k_uuid");
        m.target("UPDATE {t}.k_uuid SET v = -1 WHERE u = '" + uuid(7) + "'");
        // no primary key: duplicates are a multiset
        String nopk = "CREATE TABLE %s.nopk (kind VARCHAR(10), qty INT)";
        m.source(nopk.formatted("{s}"), "INSERT INTO {s}.nopk VALUES ('a', 1), ('a', 1), ('a', 1), ('b', 2),"
                + " ('b', 2), (NULL, 3), ('', 4)");
        m.target(nopk.formatted("{t}"));
        m.copy("nopk");
        m.target(pick(tp, "DELETE FROM {t}.nopk WHERE kind = 'a' LIMIT 1",
                        "DELETE FROM {t}.nopk WHERE ctid = (SELECT ctid FROM {t}.nopk WHERE kind = 'a' LIMIT 1)"),
                "INSERT INTO {t}.nopk VALUES ('b', 2)");
        // no primary key, NULLs in every column and a double (digests streamed to Java), bisected
        m.source(pick(sp, "CREATE TABLE {s}.nopk_nulls (kind VARCHAR(10), qty INT, ratio DOUBLE)",
                        "CREATE TABLE {s}.nopk_nulls (kind VARCHAR(10), qty INT, ratio double precision)"),
                pick(sp, "INSERT INTO {s}.nopk_nulls SELECT IF(seq % 7 = 0, NULL, CONCAT('k', seq)),"
                                + " IF(seq % 5 = 0, NULL, seq), seq / 4 FROM seq_1_to_60",
                        "INSERT INTO {s}.nopk_nulls SELECT CASE WHEN g % 7 = 0 THEN NULL ELSE 'k' || g END,"
                                + " CASE WHEN g % 5 = 0 THEN NULL ELSE g END, g / 4.0 FROM generate_series(1, 60) g"));
        m.target(pick(tp, "CREATE TABLE {t}.nopk_nulls (kind VARCHAR(10), qty INT, ratio DOUBLE)",
                "CREATE TABLE {t}.nopk_nulls (kind VARCHAR(10), qty INT, ratio double precision)"));
        m.copy("nopk_nulls");
        m.target("DELETE FROM {t}.nopk_nulls WHERE kind IS NULL AND qty = 14",
                "UPDATE {t}.nopk_nulls SET ratio = 99 WHERE kind = 'k10'");
        // reserved words and mixed case
        m.source(pick(sp, "CREATE TABLE {s}.`Select` (`Group` INT PRIMARY KEY, `order` VARCHAR(20), `MixedCase` INT)",
                        "CREATE TABLE {s}.\"Select\" (\"Group\" INT PRIMARY KEY, \"order\" VARCHAR(20),"
                                + " \"MixedCase\" INT)"),
                pick(sp, "INSERT INTO {s}.`Select` SELECT seq, CONCAT('o', seq), seq FROM seq_1_to_20",
                        "INSERT INTO {s}.\"Select\" SELECT g, 'o' || g, g FROM generate_series(1, 20) g"));
        m.target(pick(tp, "CREATE TABLE {t}.`Select` (`Group` INT PRIMARY KEY, `order` VARCHAR(20), `MixedCase` INT)",
                "CREATE TABLE {t}.\"Select\" (\"Group\" INT PRIMARY KEY, \"order\" VARCHAR(20), \"MixedCase\" INT)"));
        m.copy("Select");
        m.target(pick(tp, "UPDATE {t}.`Select` SET `order` = 'x' WHERE `Group` = 3",
                "UPDATE {t}.\"Select\" SET \"order\" = 'x' WHERE \"Group\" = 3"));
        // LOBs cut at 32 KB only
        m.source(pick(sp, "CREATE TABLE {s}.lob_only (id INT PRIMARY KEY, body LONGTEXT, bin LONGBLOB)",
                        "CREATE TABLE {s}.lob_only (id INT PRIMARY KEY, body text, bin bytea)"),
                pick(sp, "INSERT INTO {s}.lob_only SELECT seq, REPEAT('abcdefgh', IF(seq = 3, 5000, seq)),"
                                + " UNHEX(REPEAT('0102030405060708', IF(seq = 4, 5000, seq))) FROM seq_1_to_10",
                        "INSERT INTO {s}.lob_only SELECT g, repeat('abcdefgh', CASE WHEN g = 3 THEN 5000 ELSE g END),"
                                + " decode(repeat('0102030405060708', CASE WHEN g = 4 THEN 5000 ELSE g END), 'hex')"
                                + " FROM generate_series(1, 10) g"));
        m.target(pick(tp, "CREATE TABLE {t}.lob_only (id INT PRIMARY KEY, body LONGTEXT, bin LONGBLOB)",
                "CREATE TABLE {t}.lob_only (id INT PRIMARY KEY, body text, bin bytea)"));
        m.copy("lob_only");
        m.target(pick(tp, "UPDATE {t}.lob_only SET body = LEFT(body, 32768) WHERE id = 3",
                        "UPDATE {t}.lob_only SET body = left(body, 32768) WHERE id = 3"),
                pick(tp, "UPDATE {t}.lob_only SET bin = LEFT(bin, 32768) WHERE id = 4",
                        "UPDATE {t}.lob_only SET bin = substring(bin from 1 for 32768) WHERE id = 4"));
        // hostile: missing on the target; a NULL key on a target table that has no key
        m.source("CREATE TABLE {s}.gone (id INT PRIMARY KEY)", "INSERT INTO {s}.gone VALUES (1)");
        String nk = "CREATE TABLE {s}.nullkey (id INT PRIMARY KEY, v INT)";
        m.source(nk, pick(sp, "INSERT INTO {s}.nullkey SELECT seq, seq FROM seq_1_to_30",
                "INSERT INTO {s}.nullkey SELECT g, g FROM generate_series(1, 30) g"));
        m.target("CREATE TABLE {t}.nullkey (id INT, v INT)");
        m.copy("nullkey");
        m.target("INSERT INTO {t}.nullkey VALUES (NULL, 5)");
    }

    static void assertKeys(JdbcMatrix m, VerificationReport r) {
        assertThat(m.keys(r, "k_comp", Kind.DIFFERENT)).containsExactly("1|k33|2024-02-03");
        assertThat(m.keys(r, "k_comp", Kind.MISSING_ON_TARGET)).containsExactly("2|k44|2024-02-14");
        assertThat(m.keys(r, "k_comp", Kind.EXTRA_ON_TARGET)).isEmpty();

        assertThat(m.keys(r, "k_str", Kind.MISSING_ON_TARGET)).containsExactly("Abd", "zz", "é");
        assertThat(m.keys(r, "k_str", Kind.EXTRA_ON_TARGET)).containsExactly("ABD", "e", "zz ");
        assertThat(m.keys(r, "k_str", Kind.DIFFERENT)).containsExactly("a\t");

        assertThat(m.keys(r, "k_neg", Kind.DIFFERENT)).containsExactly("-7");
        assertThat(m.keys(r, "k_neg", Kind.MISSING_ON_TARGET)).containsExactly("-21");
        assertThat(m.keys(r, "k_neg", Kind.EXTRA_ON_TARGET)).containsExactly("-100");

        assertThat(m.keys(r, "k_big", Kind.DIFFERENT)).containsExactly("9223372036854775811");
        assertThat(m.keys(r, "k_big", Kind.MISSING_ON_TARGET)).containsExactly("18446744073709551615");
        assertThat(m.keys(r, "k_big", Kind.EXTRA_ON_TARGET)).isEmpty();

        assertThat(m.keys(r, "k_date", Kind.DIFFERENT)).containsExactly("2024-01-10");
        assertThat(m.keys(r, "k_date", Kind.EXTRA_ON_TARGET)).containsExactly("1999-12-31");
        assertThat(m.keys(r, "k_date", Kind.MISSING_ON_TARGET)).isEmpty();

        assertThat(m.keys(r, "k_bin", Kind.DIFFERENT)).containsExactly("80");
        assertThat(m.keys(r, "k_bin", Kind.MISSING_ON_TARGET)).containsExactly("0000");
        assertThat(m.keys(r, "k_bin", Kind.EXTRA_ON_TARGET)).isEmpty();

        assertThat(m.keys(r, "k_uuid", Kind.DIFFERENT)).containsExactly(uuid(7));
        assertThat(m.table(r, "k_uuid").content().orElseThrow().totalDifferences()).isEqualTo(1);

        assertThat(m.keys(r, "nopk", Kind.MISSING_ON_TARGET)).containsExactly("a|1");
        assertThat(m.keys(r, "nopk", Kind.EXTRA_ON_TARGET)).containsExactly("b|2");
        assertThat(m.table(r, "nopk").content().orElseThrow().primaryKey()).isFalse();

        assertThat(m.keys(r, "nopk_nulls", Kind.MISSING_ON_TARGET)).containsExactlyInAnyOrder("null|14|3.5",
                "k10|null|2.5");
        assertThat(m.keys(r, "nopk_nulls", Kind.EXTRA_ON_TARGET)).containsExactly("k10|null|99.0");

        assertThat(m.keys(r, "Select", Kind.DIFFERENT)).containsExactly("3");
        assertThat(m.columns(r, "Select", "3")).containsExactly("order");
        assertThat(m.table(r, "Select").content().orElseThrow().totalDifferences()).isEqualTo(1);

        TableVerification lob = m.table(r, "lob_only");
        assertThat(lob.status()).isEqualTo(VerificationStatus.LOB_TRUNCATED);
        assertThat(m.keys(r, "lob_only", Kind.LOB_TRUNCATED)).containsExactly("3", "4");
    }

    static void assertHostile(JdbcMatrix m, VerificationReport r) {
        TableVerification gone = m.table(r, "gone");
        assertThat(gone.status()).isEqualTo(VerificationStatus.ERROR);
        assertThat(gone.error()).hasValueSatisfying(e -> assertThat(e).contains("gone"));
        assertThat(m.keys(r, "nullkey", Kind.EXTRA_ON_TARGET)).containsExactly("null");
        assertThat(m.table(r, "nullkey").content().orElseThrow().totalDifferences()).isEqualTo(1);
    }
}
