package io.dmskit.verify.internal.content;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The summary of a set of rows: how many, and the sum (modulo 2^64) of each row's hash. Order-independent and a
 * multiset digest (a duplicated row counts twice). The row hash is what the SQL checksums compute in the database,
 * so Java and SQL digests of the same canonical rows are equal:
 * <ol>
 *   <li>the row text: for every column (key columns, then value columns) {@code "N;"} for NULL, else
 *       {@code "S" + <length in code points> + ":" + value + ";"};</li>
 *   <li>the MD5 of its UTF-8 bytes; its first 15 hex digits read as an unsigned 60-bit number.</li>
 * </ol>
 *
 * @param rows number of rows
 * @param hash sum of the rows' hashes modulo 2^64
 */
public record RangeDigest(long rows, long hash) {

    /** No rows. */
    public static final RangeDigest EMPTY = new RangeDigest(0, 0);

    /** @return this digest with one more row */
    public RangeDigest plus(CanonicalRow row) {
        return new RangeDigest(rows + 1, hash + rowHash(row));
    }

    /** @return the digest of both sets of rows */
    public RangeDigest plus(RangeDigest other) {
        return new RangeDigest(rows + other.rows, hash + other.hash);
    }

    /** @return a digest from SQL's exact COUNT and SUM (the sum reduced modulo 2^64) */
    public static RangeDigest ofSql(long count, BigInteger sum) {
        return new RangeDigest(count, sum == null ? 0 : sum.longValue());
    }

    /** @return the row text the hash is taken of (see the class comment) */
    public static String rowText(CanonicalRow row) {
        StringBuilder sb = new StringBuilder();
        append(sb, row.key());
        append(sb, row.values());
        return sb.toString();
    }

    private static void append(StringBuilder sb, List<String> values) {
        for (String v : values) {
            if (v == null) {
                sb.append("N;");
            } else {
                sb.append('S').append(v.codePointCount(0, v.length())).append(':').append(v).append(';');
            }
        }
    }

    /** @return the row's 60-bit hash (see the class comment) */
    public static long rowHash(CanonicalRow row) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(rowText(row).getBytes(StandardCharsets.UTF_8));
            long h = 0;
            for (int i = 0; i < 8; i++) {
                h = (h << 8) | (d[i] & 0xff);
            }
            return h >>> 4;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }
}
