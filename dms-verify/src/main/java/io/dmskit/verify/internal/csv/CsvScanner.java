package io.dmskit.verify.internal.csv;

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
 * Streams DMS CSV output record by record without building rows: any field and row delimiter (also multi-byte),
 * RFC 4180 quoting with embedded delimiters, quotes and newlines, and gzip (detected by its magic bytes). Only the
 * first {@code capture} fields of each record are turned into strings; counting alone allocates nothing per record.
 */
public final class CsvScanner {

    /** Receives each record's first captured fields. */
    @FunctionalInterface
    public interface RecordHandler {
        /**
         * @param recordIndex zero-based index of the record in the file
         * @param fields the captured fields (at most {@code capture}); the list is reused between calls
         * @return false to stop scanning
         */
        boolean record(long recordIndex, List<String> fields);
    }

    private final byte[] fieldDelimiter;
    private final byte[] rowDelimiter;
    private final int quote;

    /**
     * @param fieldDelimiter field delimiter, e.g. {@code ","} or {@code "\t"}
     * @param rowDelimiter row delimiter, e.g. {@code "\n"} or {@code "\r\n"}
     * @param quote quote character, or -1 when fields are never quoted (Rfc4180=false)
     */
    public CsvScanner(String fieldDelimiter, String rowDelimiter, int quote) {
        if (fieldDelimiter == null || fieldDelimiter.isEmpty()) {
            throw new IllegalArgumentException("fieldDelimiter must not be empty");
        }
        if (rowDelimiter == null || rowDelimiter.isEmpty()) {
            throw new IllegalArgumentException("rowDelimiter must not be empty");
        }
        this.fieldDelimiter = fieldDelimiter.getBytes(StandardCharsets.UTF_8);
        this.rowDelimiter = rowDelimiter.getBytes(StandardCharsets.UTF_8);
        this.quote = quote;
    }

    /** Wraps the stream in a gzip decoder when it starts with the gzip magic bytes. */
    public static InputStream maybeGunzip(InputStream raw) throws IOException {
        BufferedInputStream in = raw instanceof BufferedInputStream b ? b : new BufferedInputStream(raw, 65536);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            return new GZIPInputStream(in, 65536);
        }
        return in;
    }

    /**
     * Scans a stream to its end (or until the handler returns false).
     *
     * @param in the (already decompressed) stream
     * @param capture how many leading fields to capture per record (0 = count only)
     * @param handler receives each record, or null when only the count is needed
     * @return number of records
     */
    public long scan(InputStream in, int capture, RecordHandler handler) throws IOException {
        return scan(in, capture, capture, handler);
    }

    /**
     * Like {@link #scan(InputStream, int, RecordHandler)} with a different capture for the first record (used to
     * recognise a header row cheaply).
     */
    public long scan(InputStream in, int captureFirst, int captureRest, RecordHandler handler) throws IOException {
        if (captureFirst == 0 && captureRest == 0 && handler == null && fieldDelimiter.length == 1
                && rowDelimiter.length == 1) {
            return countFast(in);
        }
        int capture = captureFirst;
        byte[] buf = new byte[65536];
        List<String> fields = new ArrayList<>();
        byte[] field = new byte[256];
        int fieldLen = 0;
        boolean inQuotes = false;
        boolean justClosed = false;
        int rowMatch = 0;
        int fieldMatch = 0;
        long records = 0;
        long recordBytes = 0;
        boolean capturing = capture > 0;
        final boolean restCapturing = captureRest > 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            for (int i = 0; i < n; i++) {
                byte b = buf[i];
                recordBytes++;
                if (quote >= 0 && (b & 0xff) == quote) {
                    if (inQuotes) {
                        inQuotes = false;
                        justClosed = true;
                    } else {
                        inQuotes = true;
                        if (justClosed && capturing && fields.size() < capture) {
                            field = append(field, fieldLen++, b); // "" inside quotes is one quote
                        }
                        justClosed = false;
                    }
                    rowMatch = 0;
                    fieldMatch = 0;
                    continue;
                }
                justClosed = false;
                if (inQuotes) {
                    if (capturing && fields.size() < capture) {
                        field = append(field, fieldLen++, b);
                    }
                    continue;
                }
                rowMatch = b == rowDelimiter[rowMatch] ? rowMatch + 1 : (b == rowDelimiter[0] ? 1 : 0);
                if (rowMatch == rowDelimiter.length) {
                    if (capturing && fields.size() < capture) {
                        fields.add(text(field, fieldLen - (rowDelimiter.length - 1)));
                    }
                    boolean more = handler == null || handler.record(records, fields);
                    records++;
                    fields.clear();
                    capture = captureRest;
                    capturing = restCapturing;
                    fieldLen = 0;
                    rowMatch = 0;
                    fieldMatch = 0;
                    recordBytes = 0;
                    if (!more) {
                        return records;
                    }
                    continue;
                }
                fieldMatch = b == fieldDelimiter[fieldMatch] ? fieldMatch + 1 : (b == fieldDelimiter[0] ? 1 : 0);
                if (fieldMatch == fieldDelimiter.length) {
                    if (capturing && fields.size() < capture) {
                        fields.add(text(field, fieldLen - (fieldDelimiter.length - 1)));
                    }
                    fieldLen = 0;
                    fieldMatch = 0;
                    continue;
                }
                if (capturing && fields.size() < capture) {
                    field = append(field, fieldLen++, b);
                }
            }
        }
        if (recordBytes > 0) { // last record without a final row delimiter
            if (capturing && fields.size() < capture) {
                fields.add(text(field, fieldLen));
            }
            if (handler != null) {
                handler.record(records, fields);
            }
            records++;
        }
        return records;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /**
     * Counts records with single-byte delimiters. Eight bytes are tested at a time for the row delimiter or the
     * quote (SWAR), so runs of ordinary field bytes cost one comparison per word instead of per byte.
     */
    private long countFast(InputStream in) throws IOException {
        byte[] buf = new byte[65536];
        byte row = rowDelimiter[0];
        long rowMask = ONES * (row & 0xff);
        boolean quoting = quote >= 0;
        byte q = (byte) quote;
        long quoteMask = ONES * (quote & 0xff);
        long records = 0;
        boolean inQuotes = false;
        boolean pending = false;
        int n;
        while ((n = in.read(buf)) > 0) {
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

    private static String text(byte[] field, int len) {
        return new String(field, 0, Math.max(0, len), StandardCharsets.UTF_8);
    }
}
