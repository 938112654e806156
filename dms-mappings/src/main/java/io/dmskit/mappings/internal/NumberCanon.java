package io.dmskit.mappings.internal;

/**
 * The numeric meaning of a JSON number written as text, in one canonical spelling, computed in time linear in the
 * text and without ever expanding an exponent: {@code 1e0}, {@code 1.0} and {@code 1} all give {@code 1};
 * {@code -0} and {@code 0e99} give {@code 0}; {@code 1.50} gives {@code 1.5}; {@code 1e999999999} gives
 * {@code 1E999999999} (never a billion zeros). Numbers whose plain form stays within 64 added zeros are written
 * plain (what {@code BigDecimal.stripTrailingZeros().toPlainString()} writes); others as digits, {@code E}, exponent.
 */
public final class NumberCanon {
    private static final int PLAIN_ZEROS = 64;
    private static final long TEN_18 = 1_000_000_000_000_000_000L;

    private NumberCanon() {
    }

    /**
     * @param number a JSON number as written
     * @return its canonical spelling; the text unchanged when it is not a JSON number
     */
    public static String canonical(String number) {
        int n = number.length();
        int i = 0;
        boolean negative = i < n && number.charAt(i) == '-';
        if (negative) {
            i++;
        }
        int intStart = i;
        while (i < n && isDigit(number.charAt(i))) {
            i++;
        }
        int intEnd = i;
        int fracStart = i;
        int fracEnd = i;
        if (i < n && number.charAt(i) == '.') {
            fracStart = ++i;
            while (i < n && isDigit(number.charAt(i))) {
                i++;
            }
            fracEnd = i;
        }
        boolean expNegative = false;
        int expStart = i;
        int expEnd = i;
        if (i < n && (number.charAt(i) == 'e' || number.charAt(i) == 'E')) {
            i++;
            if (i < n && (number.charAt(i) == '+' || number.charAt(i) == '-')) {
                expNegative = number.charAt(i) == '-';
                i++;
            }
            expStart = i;
            while (i < n && isDigit(number.charAt(i))) {
                i++;
            }
            expEnd = i;
            if (expStart == expEnd) {
                return number;
            }
        }
        if (i != n || intStart == intEnd || (fracStart != intEnd && fracStart == fracEnd)) {
            return number;
        }
        // mantissa digits = int digits followed by fraction digits; value = mantissa * 10^(exp - fractionLength)
        StringBuilder m = new StringBuilder(intEnd - intStart + fracEnd - fracStart);
        m.append(number, intStart, intEnd).append(number, fracStart, fracEnd);
        int lead = 0;
        while (lead < m.length() && m.charAt(lead) == '0') {
            lead++;
        }
        if (lead == m.length()) {
            return "0";
        }
        int end = m.length();
        while (m.charAt(end - 1) == '0') {
            end--;
        }
        String digits = m.substring(lead, end);
        long delta = (long) (m.length() - end) - (fracEnd - fracStart);
        String exp = stripLeadingZeros(number.substring(expStart, expEnd));
        String sign = negative ? "-" : "";
        if (exp.length() <= 18) {
            long e = (exp.isEmpty() ? 0 : Long.parseLong(exp)) * (expNegative ? -1 : 1) + delta;
            if (e >= 0 && e <= PLAIN_ZEROS) {
                return sign + digits + "0".repeat((int) e);
            }
            if (e < 0 && -e <= digits.length() + PLAIN_ZEROS) {
                int intDigits = digits.length() + (int) e;
                return intDigits > 0
                        ? sign + digits.substring(0, intDigits) + "." + digits.substring(intDigits)
                        : sign + "0." + "0".repeat(-intDigits) + digits;
            }
            return sign + digits + "E" + e;
        }
        return sign + digits + "E" + (expNegative ? "-" : "") + addSmall(exp, expNegative ? -delta : delta);
    }

    /** @return the digit string {@code digits} (at least 19 digits, no leading zero) plus a small {@code delta} */
    private static String addSmall(String digits, long delta) {
        int split = digits.length() - 18;
        StringBuilder head = new StringBuilder(digits.substring(0, split));
        long tail = Long.parseLong(digits.substring(split)) + delta;
        if (tail >= TEN_18) {
            tail -= TEN_18;
            int k = head.length() - 1;
            while (k >= 0 && head.charAt(k) == '9') {
                head.setCharAt(k--, '0');
            }
            if (k < 0) {
                head.insert(0, '1');
            } else {
                head.setCharAt(k, (char) (head.charAt(k) + 1));
            }
        } else if (tail < 0) {
            tail += TEN_18;
            int k = head.length() - 1;
            while (head.charAt(k) == '0') {
                head.setCharAt(k--, '9');
            }
            head.setCharAt(k, (char) (head.charAt(k) - 1));
        }
        String t = Long.toString(tail);
        return stripLeadingZeros(head + "0".repeat(18 - t.length()) + t);
    }

    private static String stripLeadingZeros(String s) {
        int i = 0;
        while (i < s.length() - 1 && s.charAt(i) == '0') {
            i++;
        }
        return s.substring(i);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
