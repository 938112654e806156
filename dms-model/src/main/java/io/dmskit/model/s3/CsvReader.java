package io.dmskit.model.s3;

import io.dmskit.model.internal.Args;
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
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Streams a DMS CSV object record by record in bounded memory: delimiters of any length (the longer one wins where
 * one is a prefix of the other), Rfc4180 quoting with embedded delimiters, quotes and line breaks, and NULL (an
 * unquoted field equal to CsvNullValue reads as null). Only the first {@code capture} fields of a record become
 * strings; counting alone allocates nothing per record. Obtain one from {@link CsvDialect#reader()}.
 *
 * <p>Bad input fails with {@link CsvFormatException} in time linear in the input and memory bounded by
 * {@link CsvLimits}: a quote that is never closed, a captured field longer than {@link CsvLimits#maxFieldBytes()}, a
 * captured record with more than {@link CsvLimits#maxFieldsPerRecord()} fields, a corrupt gzip stream or one that
 * inflates beyond {@link CsvLimits#maxDecompressedBytes()}. Invalid UTF-8 is not an error: it reads as U+FFFD, as
 * {@link String#String(byte[], java.nio.charset.Charset)} decodes it. {@link #withSource(String)} names the object in
 * those errors.
 */
public final class CsvReader {

    /** Receives each record's captured fields. */
    @FunctionalInterface
    public interface RecordHandler {
        /**
         * {@return false to stop reading}
         *
         * @param recordIndex zero-based index of the record in the stream
         * @param fields the captured fields (at most {@code capture}), null for NULL; the list is reused
         */
        boolean record(long recordIndex, List<String> fields);
    }

    private static final int BUFFER = 65536;

    private final byte[] fieldDelimiter;
    private final byte[] rowDelimiter;
    private final int quote;
    private final byte[] nullValue;
    private final CsvLimits limits;
    private final String source;

    CsvReader(byte[] fieldDelimiter, byte[] rowDelimiter, int quote, byte[] nullValue) {
        this(fieldDelimiter, rowDelimiter, quote, nullValue, CsvLimits.DEFAULT, null);
    }

    private CsvReader(byte[] fieldDelimiter, byte[] rowDelimiter, int quote, byte[] nullValue, CsvLimits limits,
                      String source) {
        this.fieldDelimiter = fieldDelimiter;
        this.rowDelimiter = rowDelimiter;
        this.quote = quote;
        this.nullValue = nullValue;
        this.limits = limits;
        this.source = source;
    }

    /**
     * Returns a reader of the same dialect with other limits.
     *
     * @param limits the bounds on fields, records and decompression
     * @return the reader
     */
    public CsvReader withLimits(CsvLimits limits) {
        return new CsvReader(fieldDelimiter, rowDelimiter, quote, nullValue, Args.required(limits, "CsvReader: limits"),
                source);
    }

    /**
     * Returns a reader that names the object it reads in its {@link CsvFormatException}s.
     *
     * @param objectName the object's key or URI, e.g. {@code s3://raw/hr/employee/LOAD00000001.csv}; null for none
     * @return the reader
     */
    public CsvReader withSource(String objectName) {
        return new CsvReader(fieldDelimiter, rowDelimiter, quote, nullValue, limits, objectName);
    }

    /** {@return the limits this reader enforces} */
    public CsvLimits limits() {
        return limits;
    }

    /**
     * Like {@link #maybeGunzip(InputStream)}, bounding the inflated bytes by {@link CsvLimits#maxDecompressedBytes()}
     * and reporting a corrupt or truncated gzip stream as a {@link CsvFormatException} that names this reader's
     * source.
     *
     * @param raw the object's bytes
     * @return a buffered stream of the (decompressed) CSV text
     * @throws IOException when reading fails
     */
    public InputStream decompressed(InputStream raw) throws IOException {
        return gunzip(raw, limits.maxDecompressedBytes(), source);
    }

    /**
     * Wraps a stream in a gzip decoder when it starts with the gzip magic bytes (DMS's {@code CompressionType=gzip}),
     * bounded by {@link CsvLimits#DEFAULT}'s {@link CsvLimits#maxDecompressedBytes()}.
     *
     * @param raw the object's bytes
     * @return a buffered stream of the (decompressed) CSV text
     * @throws IOException when reading fails
     * @throws CsvFormatException (while reading the returned stream) when the gzip stream is corrupt or inflates
     *     beyond the limit
     */
    public static InputStream maybeGunzip(InputStream raw) throws IOException {
        return gunzip(raw, CsvLimits.DEFAULT.maxDecompressedBytes(), null);
    }

    private static InputStream gunzip(InputStream raw, long maxBytes, String source) throws IOException {
        Args.required(raw, "CsvReader: raw");
        BufferedInputStream in = raw instanceof BufferedInputStream b ? b : new BufferedInputStream(raw, BUFFER);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) {
            return new BufferedInputStream(new BoundedInflater(in, maxBytes, source), BUFFER);
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
        Args.required(in, "CsvReader.scan: in");
        if (captureFirst == 0 && captureRest == 0 && handler == null && fieldDelimiter.length == 1
                && rowDelimiter.length == 1) {
            return countFast(in);
        }
        byte[] longer = rowDelimiter.length >= fieldDelimiter.length ? rowDelimiter : fieldDelimiter;
        byte[] shorter = longer == rowDelimiter ? fieldDelimiter : rowDelimiter;
        int longerLines = newlines(longer);
        int shorterLines = newlines(shorter);
        int lookahead = longer.length;
        int maxField = limits.maxFieldBytes();
        int maxFields = limits.maxFieldsPerRecord();
        byte[] buf = new byte[Math.max(BUFFER, lookahead * 2)];
        int pos = 0;
        int limit = 0;
        long base = 0; // stream offset of buf[0]
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
        long line = 1;
        long quoteLine = 0;
        int capture = captureFirst;
        while (true) {
            if (limit - pos < lookahead && !eof) {
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                base += pos;
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
                    quoteLine = line;
                    quoted = true;
                    if (justClosed && fieldIndex < capture) {
                        if (fieldLen >= maxField) {
                            throw tooLong(records, line, fieldIndex, base + pos);
                        }
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
                    line += longerLines;
                } else if (matches(buf, pos, limit, shorter)) {
                    hit = shorter;
                    line += shorterLines;
                }
                if (hit != null) {
                    pos += hit.length;
                    if (fieldIndex < capture) {
                        if (fields.size() >= maxFields) {
                            throw new CsvFormatException(source, where(records, line, fieldIndex, base + pos)
                                    + ": a record has more than " + maxFields
                                    + " fields (CsvLimits.maxFieldsPerRecord)", null);
                        }
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
            if (b == '\n') {
                line++;
            }
            if (fieldIndex < capture) {
                if (fieldLen >= maxField) {
                    throw tooLong(records, line, fieldIndex, base + pos);
                }
                field = append(field, fieldLen++, b);
            }
            pos++;
        }
        if (inQuotes) {
            throw new CsvFormatException(source, where(records, quoteLine, fieldIndex, base + pos)
                    + ": a quote opened on line " + quoteLine + " is never closed (the object is truncated or"
                    + " not Rfc4180 CSV)", null);
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

    private CsvFormatException tooLong(long record, long line, int fieldIndex, long offset) {
        return new CsvFormatException(source, where(record, line, fieldIndex, offset) + ": a field is longer than "
                + limits.maxFieldBytes() + " bytes (CsvLimits.maxFieldBytes)", null);
    }

    private static String where(long record, long line, int fieldIndex, long offset) {
        return "record " + (record + 1) + " (line " + line + "), field " + (fieldIndex + 1) + ", byte " + offset;
    }

    private static int newlines(byte[] delimiter) {
        int n = 0;
        for (byte b : delimiter) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
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
        long consumed = 0;
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
            consumed += n;
        }
        if (inQuotes) {
            throw new CsvFormatException(source, "record " + (records + 1) + ", byte " + consumed
                    + ": a quote is never closed (the object is truncated or not Rfc4180 CSV)", null);
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

    /**
     * Inflates a gzip stream (several members too, as {@link GZIPInputStream} does), failing with a
     * {@link CsvFormatException} once more than {@code maxBytes} come out or when the stream is corrupt or truncated.
     */
    private static final class BoundedInflater extends InputStream {
        private final InputStream compressed;
        private final long maxBytes;
        private final String source;
        private GZIPInputStream gzip;
        private long produced;

        BoundedInflater(InputStream compressed, long maxBytes, String source) {
            this.compressed = compressed;
            this.maxBytes = maxBytes;
            this.source = source;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n;
            try {
                if (gzip == null) {
                    gzip = new GZIPInputStream(compressed, BUFFER);
                }
                n = gzip.read(b, off, len);
            } catch (java.util.zip.ZipException | java.io.EOFException e) {
                throw new CsvFormatException(source, "corrupt or truncated gzip stream after " + produced
                        + " inflated bytes: " + e.getMessage(), e);
            }
            if (n > 0) {
                produced += n;
                if (produced > maxBytes) {
                    throw new CsvFormatException(source, "the gzip stream inflates to more than " + maxBytes
                            + " bytes (CsvLimits.maxDecompressedBytes)", null);
                }
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            if (gzip != null) {
                gzip.close();
            } else {
                compressed.close();
            }
        }
    }
}
