package io.dmskit.core.internal.json;

import java.math.BigDecimal;

/** Lenient conversions of JSON member values (DMS echoes numbers and booleans sometimes as strings). */
public final class Values {

    private Values() {
    }

    /**
     * @param v a value read from JSON
     * @return its text, or null
     */
    public static String asString(Object v) {
        return v == null || v instanceof java.util.Map<?, ?> || v instanceof java.util.Collection<?> ? null : v.toString();
    }

    /**
     * @param v a number, a numeric string, or null
     * @return the integer, or null when absent or not a whole number
     */
    public static Integer asInteger(Object v) {
        Long l = asLong(v);
        return l == null || l > Integer.MAX_VALUE || l < Integer.MIN_VALUE ? null : l.intValue();
    }

    /**
     * @param v a number, a numeric string, or null
     * @return the long, or null
     */
    public static Long asLong(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Number n) { // Double, BigInteger, BigDecimal: only whole numbers that fit
            return exactLong(n.toString());
        }
        if (v instanceof String s && s.length() <= 20 && s.matches("-?\\d+")) {
            try {
                return Long.parseLong(s); // DMS echoes numbers as digit strings ("5"); nothing else is a number
            } catch (NumberFormatException tooBig) {
                return null;
            }
        }
        return null;
    }

    /** A long, or null; text longer than any long is not parsed (BigDecimal parsing is not linear). */
    private static Long exactLong(String s) {
        if (s.length() > 40) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(s);
            return d.scale() < -19 || d.scale() > 40 ? null : d.longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    /**
     * @param v a boolean, "true"/"false", or null
     * @return the boolean, or null
     */
    public static Boolean asBoolean(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            if ("true".equalsIgnoreCase(s)) {
                return Boolean.TRUE;
            }
            if ("false".equalsIgnoreCase(s)) {
                return Boolean.FALSE;
            }
        }
        return null;
    }
}
