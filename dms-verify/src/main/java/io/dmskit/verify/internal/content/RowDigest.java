package io.dmskit.verify.internal.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The order-independent digest of a set (or multiset) of {@link CanonicalRow}s that both sides of a content check
 * compute for a key range: the row count and the sum, modulo 2<sup>64</sup>, of each row's 64-bit hash.
 *
 * <p>A row's hash is the first 8 bytes (big-endian) of the MD5 of its encoding in UTF-8. The encoding is, for each
 * key field and then each value field: {@code N} for NULL, else the value's length in Unicode code points, a colon and
 * the value ({@code 3:abc}); nothing between fields. It is unambiguous (no separator can collide with a value) and can
 * be computed in SQL: MySQL {@code CONCAT(CHAR_LENGTH(v), ':', v)}, {@code CONV(LEFT(MD5(...), 16), 16, 10)};
 * PostgreSQL {@code char_length(v) || ':' || v}, {@code ('x' || left(md5(...), 16))::bit(64)::bigint}. Sums (not
 * XOR) keep duplicate rows of key-less tables apart.
 *
 * <p>Mutable and not thread-safe: one accumulator per range and thread; {@link #combine(RowDigest)} merges.
 */
public final class RowDigest {

    private long count;
    private long sum;
    private final MessageDigest md5;
    private final StringBuilder buffer = new StringBuilder(256);

    /** An empty digest (no rows, sum 0). */
    public RowDigest() {
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }

    /**
     * A digest with given totals, e.g. as a database computed them.
     *
     * @param count rows
     * @param sum the sum of row hashes modulo 2^64
     * @return the digest
     */
    public static RowDigest of(long count, long sum) {
        RowDigest d = new RowDigest();
        d.count = count;
        d.sum = sum;
        return d;
    }

    /** @param row a row to add */
    public void add(CanonicalRow row) {
        sum += hash(row);
        count++;
    }

    /** @param row a row to take out again (its hash is subtracted) */
    public void remove(CanonicalRow row) {
        sum -= hash(row);
        count--;
    }

    /** @param other a digest whose rows are added to this one */
    public void combine(RowDigest other) {
        sum += other.sum;
        count += other.count;
    }

    /** @return the number of rows */
    public long count() {
        return count;
    }

    /** @return the sum of row hashes modulo 2^64 (as a signed long) */
    public long sum() {
        return sum;
    }

    /**
     * @param row a row
     * @return its 64-bit hash
     */
    public long hash(CanonicalRow row) {
        buffer.setLength(0);
        encode(buffer, row.key());
        encode(buffer, row.values());
        byte[] d = md5.digest(buffer.toString().getBytes(StandardCharsets.UTF_8));
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (d[i] & 0xFF);
        }
        return h;
    }

    /**
     * @param row a row
     * @return the text whose MD5 gives the row's hash (for tests and SQL cross-checks)
     */
    public static String encoding(CanonicalRow row) {
        StringBuilder b = new StringBuilder();
        encode(b, row.key());
        encode(b, row.values());
        return b.toString();
    }

    private static void encode(StringBuilder b, List<String> fields) {
        for (String f : fields) {
            if (f == null) {
                b.append('N');
            } else {
                b.append(f.codePointCount(0, f.length())).append(':').append(f);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RowDigest d && d.count == count && d.sum == sum;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(count * 31 + sum);
    }

    @Override
    public String toString() {
        return "RowDigest{rows=" + count + ", sum=" + Long.toHexString(sum) + "}";
    }
}
