package io.dmskit.model.s3.parquet.internal;

import io.dmskit.model.s3.parquet.ParquetColumn;
import io.dmskit.model.s3.parquet.ParquetFormatException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/** Converts between the Java values of a column's annotation and the physical values its pages store. */
public final class Values {

    private Values() {
    }

    /**
     * Converts a Java value to what the column's physical type stores.
     *
     * @param column the column
     * @param v the value: null, or one matching the column (see {@code ParquetWriter#write})
     * @return Boolean, Integer, Long, Float, Double or byte[]; null for null and for values the column cannot
     *     represent (wrong Java type, a decimal too large for the column, a date out of range)
     */
    static Object toPhysical(ParquetColumn column, Object v) {
        if (v == null) {
            return null;
        }
        try {
            return switch (column.type()) {
                case BOOLEAN -> v instanceof Boolean ? v : null;
                case INT32 -> switch (column.logicalType()) {
                    case DATE -> v instanceof LocalDate d ? Math.toIntExact(d.toEpochDay()) : null;
                    case DECIMAL -> unscaled(column, v).intValueExact();
                    default -> ((Number) v).intValue();
                };
                case INT64 -> switch (column.logicalType()) {
                    case TIMESTAMP_MICROS -> v instanceof LocalDateTime t ? micros(t) : null;
                    case TIMESTAMP_MILLIS -> v instanceof LocalDateTime t ? Math.floorDiv(micros(t), 1000) : null;
                    case DECIMAL -> unscaled(column, v).longValueExact();
                    default -> ((Number) v).longValue();
                };
                case FLOAT -> ((Number) v).floatValue();
                case DOUBLE -> ((Number) v).doubleValue();
                case BYTE_ARRAY -> v instanceof byte[] b ? b : String.valueOf(v).getBytes(StandardCharsets.UTF_8);
                case FIXED_LEN_BYTE_ARRAY -> v instanceof byte[] b
                        ? (b.length == column.typeLength() ? b : null)
                        : fixed(unscaled(column, v).toByteArray(), column.typeLength());
                case INT96 -> null;
            };
        } catch (ClassCastException | ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    /**
     * Converts a decoded physical value to the Java value of the column's annotation.
     *
     * @param column the column
     * @param physical a value from {@link PageDecoder}
     * @return String, BigDecimal, LocalDate, LocalDateTime or the physical value itself; null for null
     */
    public static Object toLogical(ParquetColumn column, Object physical) {
        if (physical == null) {
            return null;
        }
        try {
            return switch (column.logicalType()) {
                case STRING -> new String((byte[]) physical, StandardCharsets.UTF_8);
                case DECIMAL -> physical instanceof byte[] b
                        ? new BigDecimal(new BigInteger(decimalBytes(column, b)), column.scale())
                        : BigDecimal.valueOf(((Number) physical).longValue(), column.scale());
                case DATE -> LocalDate.ofEpochDay((Integer) physical);
                case TIMESTAMP_MILLIS -> timestamp(Math.multiplyExact((Long) physical, 1000L));
                case TIMESTAMP_MICROS -> timestamp((Long) physical);
                default -> physical;
            };
        } catch (NumberFormatException | DateTimeException | ArithmeticException | ClassCastException e) {
            throw new ParquetFormatException("column " + column.name() + " holds a value that is not a valid "
                    + column.logicalType() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Renders a decoded physical value as text: bytes as UTF-8, decimals in plain notation, dates and timestamps in
     * ISO-8601, numbers and booleans as Java prints them.
     *
     * @param column the column
     * @param physical a value from {@link PageDecoder}
     * @return the text, null for null
     */
    public static String toText(ParquetColumn column, Object physical) {
        Object v = toLogical(column, physical);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        if (v instanceof byte[] b) {
            return new String(b, StandardCharsets.UTF_8);
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return v.toString();
    }

    /**
     * The two's-complement bytes of a decimal, refused when empty or longer than its precision needs (so a corrupt
     * file cannot make a reader print a number of millions of digits).
     */
    private static byte[] decimalBytes(ParquetColumn column, byte[] b) {
        if (b.length == 0 || b.length > Math.max(32, column.precision() / 2 + 2)) {
            throw new NumberFormatException("a DECIMAL(" + column.precision() + ", " + column.scale() + ") value of "
                    + b.length + " bytes");
        }
        return b;
    }

    private static BigInteger unscaled(ParquetColumn column, Object v) {
        BigDecimal d = v instanceof BigDecimal b ? b : new BigDecimal(v.toString());
        return d.setScale(column.scale(), RoundingMode.HALF_UP).unscaledValue();
    }

    private static byte[] fixed(byte[] twosComplement, int length) {
        if (twosComplement.length > length) {
            throw new ArithmeticException("decimal does not fit");
        }
        byte[] out = new byte[length];
        byte pad = (byte) (twosComplement[0] < 0 ? 0xFF : 0);
        int offset = length - twosComplement.length;
        Arrays.fill(out, 0, offset, pad);
        System.arraycopy(twosComplement, 0, out, offset, twosComplement.length);
        return out;
    }

    private static long micros(LocalDateTime t) {
        return Math.addExact(Math.multiplyExact(t.toEpochSecond(ZoneOffset.UTC), 1_000_000L), t.getNano() / 1000);
    }

    private static LocalDateTime timestamp(long micros) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
    }
}
