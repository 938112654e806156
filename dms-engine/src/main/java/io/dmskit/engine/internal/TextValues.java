package io.dmskit.engine.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Renders canonical values as DMS writes them to CSV files: DECIMAL with its scale ({@code 21000.00}), DOUBLE in
 * DMS's REAL8 form ({@code +5.0656000000000000e+05}), timestamps as {@code yyyy-MM-dd HH:mm:ss[.ffffff]} with the
 * column's fractional digits, binary as upper-case hex.
 */
final class TextValues {

    private static final DateTimeFormatter TIMESTAMP_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private TextValues() {
    }

    /**
     * @param value a canonical value (or a String the reader kept as the source's text)
     * @param column its column, for the fractional-second digits; may be null
     * @return the text, or null for SQL NULL
     */
    public static String render(Object value, SourceColumn column) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Double d) {
            return real8(d);
        }
        if (value instanceof Float f) {
            return real4(f);
        }
        if (value instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (value instanceof LocalDate d) {
            return d.toString();
        }
        if (value instanceof LocalDateTime t) {
            return timestamp(t, column == null ? 6 : Math.min(column.scale(), 9));
        }
        if (value instanceof byte[] b) {
            return HEX.formatHex(b);
        }
        return value.toString();
    }

    /** @return {@code yyyy-MM-dd HH:mm:ss} plus {@code digits} fractional digits (none when 0) */
    public static String timestamp(LocalDateTime t, int digits) {
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            String base = TIMESTAMP_SECONDS.format(t);
            return digits <= 0 ? base : base + "." + String.format(Locale.ROOT, "%09d", t.getNano()).substring(0, Math.min(digits, 9));
        }
        int d = Math.min(Math.max(digits, 0), 9);
        char[] c = new char[19 + (d > 0 ? d + 1 : 0)];
        put(c, 0, year, 4);
        c[4] = '-';
        put(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        put(c, 8, t.getDayOfMonth(), 2);
        c[10] = ' ';
        put(c, 11, t.getHour(), 2);
        c[13] = ':';
        put(c, 14, t.getMinute(), 2);
        c[16] = ':';
        put(c, 17, t.getSecond(), 2);
        if (d > 0) {
            c[19] = '.';
            int nanos = t.getNano();
            for (int i = 8; i >= 0; i--) {
                if (i < d) {
                    c[20 + i] = (char) ('0' + nanos % 10);
                }
                nanos /= 10;
            }
        }
        return new String(c);
    }

    private static void put(char[] c, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** DMS's REAL8 text: explicit sign, 16 fractional digits, two-digit exponent. */
    public static String real8(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.toString(d);
        }
        return String.format(Locale.ROOT, "%+.16e", d);
    }

    /** REAL4 text in the same style with the 7 significant digits a float carries. */
    public static String real4(float f) {
        if (Float.isNaN(f) || Float.isInfinite(f)) {
            return Float.toString(f);
        }
        return String.format(Locale.ROOT, "%+.7e", (double) f);
    }
}
