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
        return v == null ? null : v.toString();
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
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof String s && !s.isBlank()) {
            try {
                return new BigDecimal(s.trim()).longValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                return null;
            }
        }
        return null;
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
            if ("true".equalsIgnoreCase(s.trim())) {
                return Boolean.TRUE;
            }
            if ("false".equalsIgnoreCase(s.trim())) {
                return Boolean.FALSE;
            }
        }
        return null;
    }
}
