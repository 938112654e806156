package io.dmskit.verify.internal.content;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the key range of a record's key, as {@link KeyRange#indexOf} does, without parsing the range bounds again
 * for every record: for a single numeric key column the bounds are parsed once and the key once per record (as a
 * {@code long} when it is an integer, which is the usual case); other keys use the shape's key order.
 */
public final class RangeLocator {

    private final List<KeyRange> ranges;
    private final Comparator<List<String>> order;
    private final int keys;
    private final long[] longBounds;
    private final BigDecimal[] decimalBounds;

    /**
     * @param ranges contiguous ascending ranges ({@link KeyRange#split(List)})
     * @param shape the table's shape (its key columns and their kinds)
     */
    public RangeLocator(List<KeyRange> ranges, ContentShape shape) {
        this.ranges = ranges;
        this.order = shape.keyOrder();
        this.keys = shape.keyColumns().size();
        long[] longs = null;
        BigDecimal[] decimals = null;
        if (keys == 1 && shape.keyColumns().get(0).kind().numeric() && ranges.size() > 1) {
            decimals = new BigDecimal[ranges.size() - 1];
            longs = new long[ranges.size() - 1];
            boolean integral = true;
            try {
                for (int i = 1; i < ranges.size(); i++) {
                    List<String> lower = ranges.get(i).lower();
                    if (lower == null || lower.get(0) == null) {
                        throw new NumberFormatException("null bound");
                    }
                    decimals[i - 1] = new BigDecimal(lower.get(0));
                    try {
                        longs[i - 1] = decimals[i - 1].longValueExact();
                    } catch (ArithmeticException e) {
                        integral = false;
                    }
                }
            } catch (NumberFormatException e) {
                decimals = null;
            }
            if (decimals == null || !integral) {
                longs = null;
            }
        }
        this.longBounds = longs;
        this.decimalBounds = decimals;
    }

    /**
     * The range of a key, as {@link KeyRange#indexOf} finds it.
     *
     * @param key a key tuple in canonical text
     * @return the index of the range holding it
     */
    public int rangeOf(List<String> key) {
        if (ranges.size() == 1) {
            return 0;
        }
        int i = fast(key.get(0));
        return i >= 0 ? i : KeyRange.indexOf(ranges, key, order);
    }

    /** @return the index of the range holding the key in the first fields of a record */
    int rangeOf(String[] fields) {
        if (ranges.size() == 1) {
            return 0;
        }
        int i = fast(fields[0]);
        return i >= 0 ? i : slow(fields);
    }

    /** @return the range of a single numeric key found by its parsed bounds, or -1 (use the key order) */
    private int fast(String k) {
        if (k != null && longBounds != null) {
            long v;
            try {
                v = Long.parseLong(k);
            } catch (NumberFormatException e) {
                return -1;
            }
            // ranges: (-inf, b0) -> 0, [b0, b1) -> 1, ...: the number of bounds <= v
            int i = Arrays.binarySearch(longBounds, v);
            return i >= 0 ? i + 1 : -i - 1;
        }
        if (k != null && decimalBounds != null) {
            BigDecimal v;
            try {
                v = new BigDecimal(k);
            } catch (NumberFormatException e) {
                return -1;
            }
            int lo = 0;
            int hi = decimalBounds.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (decimalBounds[mid].compareTo(v) <= 0) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
        return -1;
    }

    private int slow(String[] fields) {
        return KeyRange.indexOf(ranges, Arrays.asList(fields).subList(0, keys), order);
    }
}
