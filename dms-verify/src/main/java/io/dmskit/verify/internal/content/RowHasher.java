package io.dmskit.verify.internal.content;

import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * {@link RangeDigest#rowHash(CanonicalRow)} for many rows without building the row text as a string: the text is
 * assembled as UTF-8 bytes in a reused buffer from the fields' UTF-8 encodings (a field's code point count is the
 * number of its bytes that do not continue a multi-byte sequence) and hashed with one reused MD5 instance. The bytes
 * are exactly those of {@code RangeDigest.rowText(row).getBytes(UTF_8)}; {@code S3TableStateTest} checks that both
 * agree. Not thread-safe: one per thread.
 */
public final class RowHasher {

    private final MessageDigest md5;
    private final byte[] digest = new byte[16];
    private byte[] text = new byte[256];

    /** A hasher with its own MD5 instance and buffer. */
    public RowHasher() {
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }

    /** The 60-bit hash of {@code text[0, p)}. */
    private long finish(int p) {
        md5.update(text, 0, p);
        try {
            md5.digest(digest, 0, 16);
        } catch (DigestException e) {
            throw new IllegalStateException("MD5 digest of 16 bytes", e);
        }
        long h = 0;
        for (int i = 0; i < 8; i++) {
            h = (h << 8) | (digest[i] & 0xff);
        }
        return h >>> 4;
    }

    /**
     * The row's hash, as {@link RangeDigest#rowHash(CanonicalRow)} computes it.
     *
     * @param row a canonical row
     * @return its 60-bit hash
     */
    public long hash(CanonicalRow row) {
        int p = 0;
        for (String v : row.key()) {
            p = field(p, v);
        }
        for (String v : row.values()) {
            p = field(p, v);
        }
        return finish(p);
    }

    /**
     * @param fields key fields then value fields (null for NULL)
     * @return the row's 60-bit hash, the one {@link #hash(CanonicalRow)} gives for the same fields
     */
    long hash(String[] fields) {
        int p = 0;
        for (String v : fields) {
            p = field(p, v);
        }
        return finish(p);
    }

    /**
     * Appends one field of {@link RangeDigest#rowText} ({@code N;} or {@code S<code points>:<UTF-8 bytes>;}); an ASCII
     * string (the common case: numbers, dates, most text)
     * is copied char by char (its length is its code point count and its UTF-8 bytes), anything else encoded.
     */
    private int field(int p, String v) {
        if (v == null) {
            p = room(p, 2);
            text[p++] = 'N';
            text[p++] = ';';
            return p;
        }
        int n = v.length();
        p = room(p, n + 13);
        int start = p;
        text[p++] = 'S';
        p = digits(p, n);
        text[p++] = ':';
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            if (c >= 0x80) {
                return utf8Field(start, v.getBytes(StandardCharsets.UTF_8));
            }
            text[p++] = (byte) c;
        }
        text[p++] = ';';
        return p;
    }

    /** Appends a field given as its UTF-8 bytes. */
    private int utf8Field(int p, byte[] f) {
        p = room(p, f.length + 13);
        text[p++] = 'S';
        p = digits(p, codePoints(f));
        text[p++] = ':';
        System.arraycopy(f, 0, text, p, f.length);
        p += f.length;
        text[p++] = ';';
        return p;
    }

    /** Code points of well-formed UTF-8 (what {@code getBytes(UTF_8)} produces; a lone surrogate became '?'). */
    private static int codePoints(byte[] utf8) {
        int n = 0;
        for (byte b : utf8) {
            if ((b & 0xC0) != 0x80) {
                n++;
            }
        }
        return n;
    }

    private int digits(int p, int v) {
        int len = v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : v < 10_000 ? 4 : (int) Math.log10(v) + 1;
        for (int i = p + len - 1; i >= p; i--) {
            text[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        return p + len;
    }

    private int room(int p, int need) {
        if (text.length - p < need) {
            text = java.util.Arrays.copyOf(text, Math.max(text.length * 2, p + need));
        }
        return p;
    }
}
