package io.dmskit.mappings;

import io.dmskit.mappings.internal.Nodes;
import java.util.Comparator;

/** Orders rule-ids as DMS does: numerically when both are digits, digits before anything else, then as text. */
final class RuleIds {
    static final Comparator<String> ORDER = (a, b) -> {
        boolean da = Nodes.isDigits(a);
        boolean db = Nodes.isDigits(b);
        if (da && db) {
            // numerically, in linear time (no BigInteger: a rule-id may be a million digits long)
            String x = Nodes.stripLeadingZeros(a);
            String y = Nodes.stripLeadingZeros(b);
            int c = x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
            return c != 0 ? c : a.compareTo(b);
        }
        if (da != db) {
            return da ? -1 : 1;
        }
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        return a.compareTo(b);
    };

    private RuleIds() {
    }
}
