package io.dmskit.verify.internal.content;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Index-friendly conditions implied by a key range, added beside its exact predicate. Ranges are compared in binary
 * (code-point) order so that both databases and Java agree on the order of strings; a text key column whose own
 * collation is not binary cannot serve that predicate from its index, so every range query would scan the table.
 * The conditions here select a superset of the range's rows in the column's own collation, which the primary key's
 * index can read; the exact binary predicate still decides which rows are in the range:
 *
 * <ul>
 *   <li>MySQL/MariaDB text: {@code col LIKE 'prefix%'}, the longest prefix every key of the range starts with
 *       (a binary prefix match is a LIKE match in every collation, and the range optimiser reads a LIKE prefix from
 *       the index); when the bounds differ in one character right after the prefix, one LIKE per character
 *       between them.</li>
 *   <li>PostgreSQL text: {@code col BETWEEN lo AND hi} in the column's collation when that collation orders by code
 *       point ({@code C}, {@code POSIX}, {@code C.UTF-8}); a linguistic collation interleaves prefixes
 *       ({@code en_US} ignores punctuation at the first level), so there is no index-friendly superset and the range
 *       query scans.</li>
 * </ul>
 */
final class IndexRange {

    /** Most characters after the common prefix that get a LIKE each before one LIKE of the prefix is used. */
    static final int MAX_LIKES = 16;

    private static final Set<String> CODE_POINT_COLLATIONS = Set.of("C", "POSIX", "C.UTF8");

    private IndexRange() {
    }

    /**
     * @param lo the range's lower bound on the first key column (inclusive)
     * @param hi its upper bound on that column (inclusive: later key columns may extend past it)
     * @return LIKE patterns (escape character {@code !}) one of which every string in {@code [lo, hi]} (code-point
     *         order) matches, or an empty list when they share no prefix
     */
    public static List<String> likePatterns(String lo, String hi) {
        int i = 0;
        while (i < lo.length() && i < hi.length() && lo.charAt(i) == hi.charAt(i)) {
            i++;
        }
        if (i > 0 && Character.isHighSurrogate(lo.charAt(i - 1))) {
            i--; // never cut a surrogate pair
        }
        String prefix = lo.substring(0, i);
        if (i < lo.length() && i < hi.length()) {
            int a = lo.codePointAt(i);
            int b = hi.codePointAt(i);
            if (b >= a && b - a < MAX_LIKES) {
                List<String> out = new ArrayList<>();
                for (int c = a; c <= b; c++) {
                    if (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE) {
                        out.add(escape(prefix + Character.toString(c)) + "%");
                    }
                }
                return out;
            }
        }
        return prefix.isEmpty() ? List.of() : List.of(escape(prefix) + "%");
    }

    private static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 4);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '!' || c == '%' || c == '_') {
                sb.append('!');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /**
     * Whether a PostgreSQL text column orders by code point in its own collation, so that plain comparisons on it
     * agree with {@code COLLATE "C"} and can use its index.
     *
     * @param qualifiedTable the quoted {@code schema.table}
     * @param column the column's name
     */
    static boolean postgresCodePointOrder(Connection c, String qualifiedTable, String column) throws SQLException {
        String sql = "SELECT t.typname, co.collname, co.collprovider::text, co.collcollate,"
                + " (SELECT to_jsonb(d) ->> 'datlocprovider' FROM pg_database d WHERE d.datname = current_database()),"
                + " (SELECT d.datcollate FROM pg_database d WHERE d.datname = current_database())"
                + " FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
                + " LEFT JOIN pg_collation co ON co.oid = a.attcollation"
                + " WHERE a.attrelid = ?::regclass AND a.attname = ? AND NOT a.attisdropped";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, qualifiedTable);
            ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                String type = rs.getString(1);
                if (!"varchar".equals(type) && !"text".equals(type)) {
                    return false; // char(n) compares without its trailing pad
                }
                boolean dflt = "default".equals(rs.getString(2));
                String provider = dflt ? rs.getString(5) : rs.getString(3);
                String collate = dflt ? rs.getString(6) : rs.getString(4);
                return (provider == null || "c".equals(provider) || "b".equals(provider)) && collate != null
                        && CODE_POINT_COLLATIONS.contains(collate.toUpperCase(Locale.ROOT).replace("-", ""));
            }
        }
    }

    /**
     * Whether {@code LIKE 'prefix%'} on a MySQL/MariaDB text column selects every value starting with that prefix
     * when the optimizer reads it as an index range. With a PAD SPACE collation (MariaDB's and MySQL's
     * {@code utf8mb4_bin}, {@code utf8mb4_general_ci}, ...) it does not: the range starts at the padded prefix, so
     * {@code 'a\t'}, which sorts before {@code 'a'} there, is skipped by {@code LIKE 'a%'} (seen on MariaDB 10.11).
     * Only NO PAD collations ({@code *_nopad_*}, MySQL 8's {@code *_0900_*}) on VARCHAR/TEXT columns are safe.
     *
     * @param qualifiedTable the quoted {@code schema.table}
     * @param column the column's name
     */
    static boolean mysqlLikeRangeSafe(Connection c, String qualifiedTable, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SHOW FULL COLUMNS FROM " + qualifiedTable + " WHERE Field = ?")) {
            ps.setString(1, column);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return false;
                }
                String type = String.valueOf(rs.getString("Type")).toLowerCase(Locale.ROOT);
                String collation = String.valueOf(rs.getString("Collation")).toLowerCase(Locale.ROOT);
                return (type.startsWith("varchar") || type.endsWith("text"))
                        && (collation.contains("nopad") || collation.contains("_0900_"));
            }
        }
    }
}
