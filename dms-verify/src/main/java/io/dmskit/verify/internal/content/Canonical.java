package io.dmskit.verify.internal.content;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The canonical text of each kind of value, and lenient readers that accept every spelling of the same value (never a
 * different value): {@code 21000.00}, {@code +5.0656000000000000e+05}, {@code 2024-05-28 19:51:41.388146},
 * upper-case hexadecimal. A text that cannot be read as the type is returned unchanged, so it stays different.
 */
final class Canonical {

    private static final HexFormat HEX = HexFormat.of();
    private static final DateTimeFormatter READ_DATETIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu[-][:]MM[-][:]dd")
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendPattern("HH:mm[:ss]")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().appendOffset("+HH:mm", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    private Canonical() {
    }

    static String integer(Object v) {
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                || v instanceof BigInteger) {
            return v.toString();
        }
        if (v instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros().scale() <= 0 ? d.toBigInteger().toString() : d.toPlainString();
        }
        if (v instanceof Number n) {
            return integer(new BigDecimal(n.toString()));
        }
        if (v instanceof byte[] b) { // MySQL BIT read as bytes
            return new BigInteger(1, b).toString();
        }
        if (v instanceof java.sql.Date d) { // MySQL YEAR: the driver hands out January 1st of the year
            return Integer.toString(d.toLocalDate().getYear());
        }
        if (v instanceof LocalDate d) {
            return Integer.toString(d.getYear());
        }
        String s = v.toString();
        try {
            return integer(new BigDecimal(s.trim()));
        } catch (NumberFormatException e) {
            return s;
        }
    }

    /**
     * A decimal as plain text without trailing fraction zeros ({@code 21000.00} is {@code 21000}, as SQL's
     * {@code trim_scale} gives it), first rounded HALF_UP to {@code roundScale} digits when that is not negative.
     */
    static String decimal(Object v, int roundScale) {
        BigDecimal d;
        if (v instanceof BigDecimal b) {
            d = b;
        } else if (v instanceof Number n) {
            d = new BigDecimal(n.toString());
        } else {
            try {
                d = new BigDecimal(v.toString().trim());
            } catch (NumberFormatException e) {
                return v.toString();
            }
        }
        if (roundScale >= 0) {
            d = d.setScale(roundScale, RoundingMode.HALF_UP);
        }
        if (d.signum() == 0) {
            return "0";
        }
        return d.stripTrailingZeros().toPlainString();
    }

    /** DMS's REAL8 text in CSV: explicit sign, 16 fraction digits, two-digit exponent ({@code +5.0656000000000000e+05}). */
    static String real8Text(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Double.toString(d);
        }
        return String.format(Locale.ROOT, "%+.16e", d);
    }

    /**
     * A floating-point value as {@link Double#toString(double)} prints it; a single-precision value (REAL4) first
     * rounded to the nearest float and read back from its shortest text, so that {@code 1.1f} widened to
     * {@code 1.100000023841858} and the text {@code 1.1} agree.
     */
    static String real(Object v, boolean single) {
        double d;
        if (v instanceof Float f) {
            d = Double.parseDouble(Float.toString(f));
        } else if (v instanceof Number n) {
            d = n.doubleValue();
        } else {
            try {
                d = Double.parseDouble(v.toString().trim());
            } catch (NumberFormatException e) {
                return v.toString();
            }
        }
        if (single && !Double.isNaN(d) && !Double.isInfinite(d)) {
            d = Double.parseDouble(Float.toString((float) d));
        }
        return Double.toString(d);
    }

    /** Significant digits of DMS's REAL4 (Qlik Replicate's REAL4(7), the engine DMS descends from). */
    static final int REAL4_DIGITS = 7;

    /**
     * A single-precision value as text, where DMS writes it with fewer digits than a float needs to read back exactly
     * (CSV): the value rounded to the float it stands for, then to {@link #REAL4_DIGITS} significant digits,
     * printed as {@link #real(Object, boolean)} prints it ({@code 112.100006f} and {@code +1.1210001e+02} are both
     * {@code 112.1}).
     */
    static String real4Text(Object v) {
        String exact = real(v, true);
        double d;
        try {
            d = Double.parseDouble(exact);
        } catch (NumberFormatException e) {
            return exact;
        }
        if (Double.isNaN(d) || Double.isInfinite(d) || d == 0) {
            return exact;
        }
        return Double.toString(new BigDecimal(d).round(new java.math.MathContext(REAL4_DIGITS,
                RoundingMode.HALF_EVEN)).doubleValue());
    }

    static String bool(Object v) {
        if (v instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (v instanceof byte[] b) {
            return new BigInteger(1, b).signum() != 0 ? "1" : "0";
        }
        if (v instanceof Number n) {
            return new BigDecimal(n.toString()).signum() != 0 ? "1" : "0";
        }
        String s = v.toString().trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "t", "y", "yes", "on" -> "1";
            case "false", "f", "n", "no", "off" -> "0";
            default -> {
                try {
                    yield new BigDecimal(s).signum() != 0 ? "1" : "0";
                } catch (NumberFormatException e) {
                    yield v.toString();
                }
            }
        };
    }

    static String hex(byte[] b) {
        return HEX.formatHex(b);
    }

    /** Binary as lower-case hex: bytes, hex text in either case (also PostgreSQL's {@code \x...}), else the text. */
    static String binary(Object v) {
        if (v instanceof byte[] b) {
            return hex(b);
        }
        if (v instanceof java.sql.Blob blob) { // MySQL BLOB columns read with getObject
            try {
                return hex(blob.getBytes(1, (int) blob.length()));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("reading a BLOB failed: " + e.getMessage(), e);
            }
        }
        String s = v.toString();
        String h = s.startsWith("\\x") ? s.substring(2) : s;
        if (h.length() % 2 == 0 && h.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return h.toLowerCase(Locale.ROOT);
        }
        return s;
    }

    static String date(Object v) {
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        if (v instanceof LocalDateTime t) {
            return t.toLocalDate().toString();
        }
        if (v instanceof Integer days) { // a Parquet DATE read without its annotation
            return LocalDate.ofEpochDay(days).toString();
        }
        String s = v.toString().trim();
        if (s.length() == 10 && (s.charAt(4) == '-' || s.charAt(4) == ':') && s.charAt(4) == s.charAt(7)) {
            try {
                return LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(5, 7)),
                        Integer.parseInt(s.substring(8, 10))).toString();
            } catch (RuntimeException e) {
                return v.toString();
            }
        }
        return v.toString();
    }

    /** {@code HH:mm:ss.ffffff}, always 6 fraction digits (SQL's {@code HH24:MI:SS.US}, {@code %H:%i:%s.%f}). */
    static String time(LocalTime t) {
        StringBuilder b = new StringBuilder(15);
        two(b, t.getHour()).append(':');
        two(b, t.getMinute()).append(':');
        two(b, t.getSecond());
        fraction(b, t.getNano());
        return b.toString();
    }

    /**
     * Reads a time of day or a MySQL TIME text ({@code -838:59:59.5}): hours of any width, minutes, seconds and an
     * optional fraction; the text unchanged when it is not one.
     */
    static String time(Object v) {
        if (v instanceof LocalTime t) {
            return time(t);
        }
        if (v instanceof java.sql.Time t) {
            return time(t.toLocalTime());
        }
        if (v instanceof Integer millis) { // Parquet TIME_MILLIS
            return time(LocalTime.ofNanoOfDay(millis * 1_000_000L));
        }
        if (v instanceof Long micros) { // Parquet TIME_MICROS
            return time(LocalTime.ofNanoOfDay(micros * 1_000L));
        }
        String s = v.toString().trim();
        java.util.regex.Matcher m = TIME.matcher(s);
        if (!m.matches()) {
            return v.toString();
        }
        StringBuilder b = new StringBuilder(16);
        b.append(m.group(1));
        String hours = m.group(2);
        if (hours.length() < 2) {
            b.append('0');
        }
        b.append(hours).append(':').append(m.group(3)).append(':').append(m.group(4) == null ? "00" : m.group(4))
                .append('.');
        String f = m.group(5) == null ? "" : m.group(5);
        b.append((f + "000000").substring(0, 6));
        return b.toString();
    }

    /** A canonical time ({@link #time(Object)}) cut to the millisecond: {@code 10:11:12.123456} is {@code 10:11:12.123000}. */
    static String timeToMillis(String canonical) {
        int dot = canonical.lastIndexOf('.');
        if (dot < 0 || canonical.length() - dot != 7) {
            return canonical;
        }
        return canonical.substring(0, dot + 4) + "000";
    }

    private static final java.util.regex.Pattern TIME =
            java.util.regex.Pattern.compile("(-?)(\\d{1,3}):([0-5]\\d)(?::([0-5]\\d))?(?:\\.(\\d{1,9}))?");

    /**
     * {@code yyyy-MM-dd HH:mm:ss.ffffff}: always 6 fraction digits (CSV writes microseconds; SQL's
     * {@code YYYY-MM-DD HH24:MI:SS.US}, {@code %Y-%m-%d %H:%i:%s.%f}); nanoseconds are truncated.
     */
    static String datetime(LocalDateTime t) {
        int y = t.getYear();
        if (y >= 0 && y <= 9999) { // the common case, written into one array (the same text as below)
            byte[] c = new byte[26];
            put4(c, 0, y);
            c[4] = '-';
            put2(c, 5, t.getMonthValue());
            c[7] = '-';
            put2(c, 8, t.getDayOfMonth());
            c[10] = ' ';
            put2(c, 11, t.getHour());
            c[13] = ':';
            put2(c, 14, t.getMinute());
            c[16] = ':';
            put2(c, 17, t.getSecond());
            c[19] = '.';
            int micros = t.getNano() / 1000;
            for (int i = 25; i >= 20; i--) {
                c[i] = (byte) ('0' + micros % 10);
                micros /= 10;
            }
            return new String(c, StandardCharsets.ISO_8859_1);
        }
        return datetimeSlow(t);
    }

    private static void put4(byte[] c, int at, int v) {
        c[at] = (byte) ('0' + v / 1000);
        c[at + 1] = (byte) ('0' + v / 100 % 10);
        c[at + 2] = (byte) ('0' + v / 10 % 10);
        c[at + 3] = (byte) ('0' + v % 10);
    }

    private static void put2(byte[] c, int at, int v) {
        c[at] = (byte) ('0' + v / 10);
        c[at + 1] = (byte) ('0' + v % 10);
    }

    /** {@link #datetime} for any year. */
    static String datetimeSlow(LocalDateTime t) {
        StringBuilder b = new StringBuilder(29);
        int y = t.getYear();
        if (y < 0 || y > 9999) {
            b.append(y);
        } else {
            b.append((char) ('0' + y / 1000)).append((char) ('0' + y / 100 % 10)).append((char) ('0' + y / 10 % 10))
                    .append((char) ('0' + y % 10));
        }
        b.append('-');
        two(b, t.getMonthValue()).append('-');
        two(b, t.getDayOfMonth()).append(' ');
        two(b, t.getHour()).append(':');
        two(b, t.getMinute()).append(':');
        two(b, t.getSecond());
        fraction(b, t.getNano());
        return b.toString();
    }

    /**
     * Reads a date-time: {@link LocalDateTime} as is; values with an offset ({@link OffsetDateTime}, {@link Instant},
     * {@link ZonedDateTime}, text ending in {@code +02}, {@code Z}) converted to UTC; text without an offset as is.
     *
     * @return the value, or null when it is not a date-time
     */
    static LocalDateTime readDatetime(Object v) {
        if (v instanceof LocalDateTime t) {
            return t;
        }
        if (v instanceof java.sql.Timestamp ts) {
            return ts.toLocalDateTime();
        }
        if (v instanceof OffsetDateTime o) {
            return o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        if (v instanceof ZonedDateTime z) {
            return z.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        if (v instanceof Instant i) {
            return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        String s = v.toString().trim();
        try {
            var parsed = READ_DATETIME.parse(s);
            LocalDate date = LocalDate.from(parsed);
            LocalTime time = parsed.isSupported(ChronoField.HOUR_OF_DAY) ? LocalTime.from(parsed) : LocalTime.MIDNIGHT;
            LocalDateTime t = date.atTime(time);
            if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
                t = t.atOffset(ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)))
                        .withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            }
            return t;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static boolean zeroDate(Object v) {
        return v instanceof String s && s.startsWith("0000-00-00");
    }

    static String sha256(String text) {
        try {
            return hex(java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static String stripTrailingSpaces(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }

    private static StringBuilder two(StringBuilder b, int v) {
        return b.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
    }

    private static void fraction(StringBuilder b, int nanos) {
        b.append('.');
        String s = Integer.toString(nanos / 1000);
        for (int i = s.length(); i < 6; i++) {
            b.append('0');
        }
        b.append(s);
    }
}
