package io.dmskit.model.s3;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Streams a DMS CSV object record by record in bounded memory: delimiters of any length (the longer one wins where
 * one is a prefix of the other), Rfc4180 quoting with embedded delimiters, quotes and line breaks, and NULL (an
 * unquoted field equal to CsvNullValue reads as null). Only the first {@code capture} fields of a record become
 * strings; counting alone allocates nothing per record. Obtain one from {@link CsvDialect#reader()}.
 */
public final class CsvReader {

    /** Receives each record's captured fields. */
    @FunctionalInterface
    public interface RecordHandler {
        /**
         * @param recordIndex zero-based index of the record in the stream
         * @param fields the captured fields (at most {@code capture}), null for NULL; the list is reused
         * @return false to stop reading
         */
        boolean record(long recordIndex, List<String> fields);
    }

    private static final int BUFFER = 65536;

    private final byte[] fieldDelimiter;
    private final byte[] rowDelimiter;
    private final int quote;
    private final byte[] nullValue;

    CsvReader(byte[] fieldDelimiter, byte[] rowDelimiter, int quote, byte[] nullValue) {
        this.fieldDelimiter = fieldDelimiter;
        this.rowDelimiter = rowDelimiter;
        this.quote = quote;
        this.nullValue = nullValue;
    }

    /**
     * Wraps a stream in a gzip decoder when it starts with the gzip magic bytes (DMS's {@code CompressionType=gzip}).
     *
     * @param raw the object's bytes
     * @return a buffered stream of the (decompressed) CSV text
     * @throws IOException when reading fails
     */
    public static InputStream maybeGunzip(InputStream raw) throws IOException {
        BufferedInputStream in = raw instanceof BufferedInputStream b ? b : new BufferedInputStream(raw, BUFFER);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            return new GZIPInputStream(in, BUFFER);
        }
        return in;
    }

    /**
     * Reads a stream to its end, or until the handler returns false.
     *
     * @param in the (decompressed) stream
     * @param capture how many leading fields to capture per record (0 = count only)
     * @param handler receives each record, or null when only the count is needed
     * @return the number of records read
     * @throws IOException when reading fails
     */
    public long scan(InputStream in, int capture, RecordHandler handler) throws IOException {
        return scan(in, capture, capture, handler);
    }

    /**
     * Like {@link #scan(InputStream, int, RecordHandler)} with a different capture for the first record (to look at
     * a header row cheaply).
     *
     * @param in the (decompressed) stream
     * @param captureFirst fields captured of the first record
     * @param captureRest fields captured of every later record
     * @param handler receives each record, or null when only the count is needed
     * @return the number of records read
     * @throws IOException when reading fails
     */
    public long scan(InputStream in, int captureFirst, int captureRest, RecordHandler handler) throws IOException {
        if (captureFirst == 0 && captureRest == 0 && handler == null && fieldDelimiter.length == 1
                && rowDelimiter.length == 1) {
            return countFast(in);
        }
        byte[] longer = rowDelimiter.length >= fieldDelimiter.length ? rowDelimiter : fieldDelimiter;
        byte[] shorter = longer == rowDelimiter ? fieldDelimiter : rowDelimiter;
        int lookahead = longer.length;
        byte[] buf = new byte[Math.max(BUFFER, lookahead * 2)];
        int pos = 0;
        int limit = 0;
        boolean eof = false;
        List<String> fields = new ArrayList<>();
        byte[] field = new byte[256];
        int fieldLen = 0;
        int fieldIndex = 0;
        boolean quoted = false;
        boolean inQuotes = false;
        boolean justClosed = false;
        boolean started = false;
        long records = 0;
        int capture = captureFirst;
        while (true) {
            if (limit - pos < lookahead && !eof) {
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                limit -= pos;
                pos = 0;
                while (limit < lookahead && !eof) {
                    int n = in.read(buf, limit, buf.length - limit);
                    if (n < 0) {
                        eof = true;
                    } else {
                        limit += n;
                    }
                }
            }
            if (pos >= limit) {
                break;
            }
            byte b = buf[pos];
            if (quote >= 0 && (b & 0xff) == quote) {
                started = true;
                pos++;
                if (inQuotes) {
                    inQuotes = false;
                    justClosed = true;
                } else {
                    inQuotes = true;
                    quoted = true;
                    if (justClosed && fieldIndex < capture) {
                        field = append(field, fieldLen++, b); // "" inside quotes is one quote
                    }
                    justClosed = false;
                }
                continue;
            }
            justClosed = false;
            if (!inQuotes) {
                byte[] hit = null;
                if (matches(buf, pos, limit, longer)) {
                    hit = longer;
                } else if (matches(buf, pos, limit, shorter)) {
                    hit = shorter;
                }
                if (hit != null) {
                    pos += hit.length;
                    if (fieldIndex < capture) {
                        fields.add(text(field, fieldLen, quoted));
                    }
                    fieldIndex++;
                    fieldLen = 0;
                    quoted = false;
                    if (hit == rowDelimiter) {
                        boolean more = handler == null || handler.record(records, fields);
                        records++;
                        fields.clear();
                        fieldIndex = 0;
                        started = false;
                        capture = captureRest;
                        if (!more) {
                            return records;
                        }
                    } else {
                        started = true;
                    }
                    continue;
                }
            }
            started = true;
            if (fieldIndex < capture) {
                field = append(field, fieldLen++, b);
            }
            pos++;
        }
        if (started) { // the last record has no row delimiter
            if (fieldIndex < capture) {
                fields.add(text(field, fieldLen, quoted));
            }
            if (handler != null) {
                handler.record(records, fields);
            }
            records++;
        }
        return records;
    }

    /**
     * Reads every record with every field. Meant for small objects and tests; large objects should be
     * {@linkplain #scan(InputStream, int, RecordHandler) scanned}.
     *
     * @param in the (decompressed) stream
     * @return the records, null for NULL fields
     * @throws IOException when reading fails
     */
    public List<List<String>> readAll(InputStream in) throws IOException {
        List<List<String>> out = new ArrayList<>();
        scan(in, Integer.MAX_VALUE, (i, f) -> out.add(java.util.Collections.unmodifiableList(new ArrayList<>(f))));
        return out;
    }

    private static boolean matches(byte[] buf, int pos, int limit, byte[] delimiter) {
        if (buf[pos] != delimiter[0] || limit - pos < delimiter.length) {
            return false;
        }
        for (int i = 1; i < delimiter.length; i++) {
            if (buf[pos + i] != delimiter[i]) {
                return false;
            }
        }
        return true;
    }

    private String text(byte[] field, int len, boolean quoted) {
        if (!quoted && len == nullValue.length && Arrays.equals(field, 0, len, nullValue, 0, len)) {
            return null;
        }
        return new String(field, 0, len, StandardCharsets.UTF_8);
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /**
     * Counts records with one-byte delimiters. Eight bytes are tested at a time for the row delimiter or the quote
     * (SWAR), so runs of ordinary bytes cost one comparison per word instead of one per byte.
     */
    private long countFast(InputStream in) throws IOException {
        byte[] buf = new byte[BUFFER];
        byte row = rowDelimiter[0];
        long rowMask = ONES * (row & 0xff);
        boolean quoting = quote >= 0;
        byte q = (byte) quote;
        long quoteMask = ONES * (quote & 0xff);
        long records = 0;
        boolean inQuotes = false;
        boolean pending = false;
        int n;
        while ((n = in.read(buf)) >= 0) {
            if (n == 0) {
                continue;
            }
            int i = 0;
            for (; i + 8 <= n; i += 8) {
                long w = (long) LONGS.get(buf, i);
                long r = w ^ rowMask;
                long hit = (r - ONES) & ~r & HIGHS;
                if (quoting) {
                    long x = w ^ quoteMask;
                    hit |= (x - ONES) & ~x & HIGHS;
                }
                if (hit == 0) {
                    continue;
                }
                for (int k = i; k < i + 8; k++) {
                    byte b = buf[k];
                    if (quoting && b == q) {
                        inQuotes = !inQuotes;
                    } else if (b == row && !inQuotes) {
                        records++;
                    }
                }
            }
            for (; i < n; i++) {
                byte b = buf[i];
                if (quoting && b == q) {
                    inQuotes = !inQuotes;
                } else if (b == row && !inQuotes) {
                    records++;
                }
            }
            pending = inQuotes || buf[n - 1] != row;
        }
        return records + (pending ? 1 : 0);
    }

    private static byte[] append(byte[] field, int len, byte b) {
        if (len >= field.length) {
            field = Arrays.copyOf(field, field.length * 2);
        }
        field[len] = b;
        return field;
    }
}
