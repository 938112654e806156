package io.dmskit.mappings;

import com.fasterxml.jackson.databind.JsonNode;
import io.dmskit.mappings.internal.Nodes;
import io.dmskit.mappings.internal.NumberCanon;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The semantic form of a document, for {@link TableMappings#sameMeaningAs(TableMappings)}: key order, rule order,
 * echoed nulls, empty arrays/objects, string-vs-number scalars, leading zeros in rule-ids, the legacy {@code ste}
 * operator and the default {@code table-type} do not matter.
 */
final class Canonical {
    private Canonical() {
    }

    static List<String> rules(List<Rule> rules) {
        List<String> out = new ArrayList<>(rules.size());
        for (Rule r : rules) {
            StringBuilder sb = new StringBuilder();
            write(AbstractRule.nodeOf(r), "", sb);
            out.add(sb.toString());
        }
        out.sort(null);
        return out;
    }

    static String node(JsonNode n) {
        StringBuilder sb = new StringBuilder();
        write(n, "", sb);
        return sb.toString();
    }

    /**
     * @return a short description of the top-level keys whose meaning differs between two rules, or null when the
     *     rules mean the same
     */
    static String describeDifference(JsonNode before, JsonNode after) {
        java.util.TreeSet<String> keys = new java.util.TreeSet<>();
        before.fieldNames().forEachRemaining(keys::add);
        after.fieldNames().forEachRemaining(keys::add);
        List<String> diffs = new ArrayList<>();
        for (String k : keys) {
            String a = valueOf(before.get(k), k);
            String b = valueOf(after.get(k), k);
            if (!a.equals(b)) {
                diffs.add(k + ": " + (a.isEmpty() ? "(absent)" : a) + " -> " + (b.isEmpty() ? "(absent)" : b));
            }
        }
        return diffs.isEmpty() ? null : String.join("; ", diffs);
    }

    private static String valueOf(JsonNode v, String key) {
        if (v == null || empty(v) || isDefault(key, v)) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        write(v, key, sb);
        return sb.toString();
    }

    private static boolean empty(JsonNode v) {
        if (v == null || v.isNull()) {
            return true;
        }
        if (v.isContainerNode()) {
            if (v.isArray()) {
                return v.isEmpty();
            }
            Iterator<JsonNode> it = v.elements();
            while (it.hasNext()) {
                if (!empty(it.next())) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static void write(JsonNode n, String key, StringBuilder sb) {
        if (n.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            n.fields().forEachRemaining(fields::add);
            fields.sort(Map.Entry.comparingByKey());
            sb.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonNode> e : fields) {
                JsonNode v = e.getValue();
                if (empty(v) || isDefault(e.getKey(), v)) {
                    continue;
                }
                if (!first) {
                    sb.append(',');
                }
                first = false;
                quote(e.getKey(), sb);
                sb.append(':');
                write(v, e.getKey(), sb);
            }
            sb.append('}');
        } else if (n.isArray()) {
            List<String> items = new ArrayList<>(n.size());
            for (JsonNode e : n) {
                StringBuilder item = new StringBuilder();
                write(e, key, item);
                items.add(item.toString());
            }
            if (UNORDERED.contains(key)) {
                items.sort(null);
            }
            sb.append('[').append(String.join(",", items)).append(']');
        } else {
            quote(scalar(n, key), sb);
        }
    }

    /** Arrays whose order DMS ignores: ANDed filters, ORed conditions, tags, excluded columns. */
    private static final Set<String> UNORDERED = Set.of("filters", "filter-conditions", "tag-set", "exclude-columns");

    /** Values DMS documents as defaults, equivalent to leaving the key out. */
    private static final Map<String, String> DEFAULTS = Map.of("table-type", "table", "origin", "primary-key",
            "mode", "limited", "column-filter", "pk-only", "column-prefix", "BI_", "column-suffix", "",
            "filter-type", "source");

    private static boolean isDefault(String key, JsonNode v) {
        String d = DEFAULTS.get(key);
        return d != null && v.isValueNode() && d.equals(v.asText());
    }

    private static String scalar(JsonNode n, String key) {
        String t;
        if (n.isNumber()) {
            t = NumberCanon.canonical(n.asText()); // linear; never expands 1e999999999
        } else {
            t = n.asText();
        }
        if (key.equals("rule-id") && Nodes.isDigits(t)) {
            t = Nodes.stripLeadingZeros(t);
        } else if (key.equals("filter-operator") && t.equals("ste")) {
            t = "lte";
        }
        return t;
    }

    private static void quote(String s, StringBuilder sb) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append('"');
    }
}
