package io.dmskit.verify.internal.content;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * A half-open range of key tuples {@code [lower, upper)} in a table's {@link ContentShape#keyOrder()}: {@code lower}
 * inclusive, {@code upper} exclusive, {@code null} for unbounded. Bounds are key tuples in canonical text, one value
 * per key column. A table is split into contiguous ranges ({@link #split(List)}); every key falls in exactly one.
 *
 * @param lower the first key in the range, or null (from the start)
 * @param upper the first key after the range, or null (to the end)
 */
public record KeyRange(List<String> lower, List<String> upper) {

    /** The whole table. */
    public static final KeyRange ALL = new KeyRange(null, null);

    /** Copies the bounds (which may hold nulls). */
    public KeyRange {
        lower = lower == null ? null : Collections.unmodifiableList(new ArrayList<>(lower));
        upper = upper == null ? null : Collections.unmodifiableList(new ArrayList<>(upper));
    }

    /** @return whether key lies in this range under order */
    public boolean contains(List<String> key, Comparator<List<String>> order) {
        return (lower == null || order.compare(key, lower) >= 0) && (upper == null || order.compare(key, upper) < 0);
    }

    /**
     * @param boundaries ascending, distinct key tuples
     * @return the contiguous ranges they cut the key space into: {@code (-inf, b0), [b0, b1), ... [bn, +inf)}
     */
    public static List<KeyRange> split(List<List<String>> boundaries) {
        List<KeyRange> out = new ArrayList<>();
        List<String> prev = null;
        for (List<String> b : boundaries) {
            out.add(new KeyRange(prev, b));
            prev = b;
        }
        out.add(new KeyRange(prev, null));
        return out;
    }

    /**
     * @param ranges contiguous ranges in ascending order, as {@link #split(List)} makes them
     * @param key a key tuple
     * @param order the table's key order
     * @return the index of the range that holds key (binary search)
     */
    public static int indexOf(List<KeyRange> ranges, List<String> key, Comparator<List<String>> order) {
        int lo = 0;
        int hi = ranges.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            List<String> lower = ranges.get(mid).lower();
            if (lower == null || order.compare(key, lower) >= 0) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
