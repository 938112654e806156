package io.dmskit.mappings;

import com.fasterxml.jackson.databind.JsonNode;
import io.dmskit.mappings.internal.Nodes;
import io.dmskit.mappings.internal.NumberCanon;
import java.util.ArrayList;
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
     * {@return a short description of the top-level keys whose meaning differs between two rules, or null when the
     * rules mean the same}
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

    /** {@return the canonical text of a value under a key, "" when absent, empty or DMS's default} */
    static String value(JsonNode v, String key) {
        return valueOf(v, key);
    }

    /** {@return the array's elements, sorted by canonical text when DMS ignores their order} */
    static List<JsonNode> ordered(JsonNode array, String key) {
        List<JsonNode> items = new ArrayList<>();
        array.elements().forEachRemaining(items::add);
        if (UNORDERED.contains(key)) {
            items.sort(java.util.Comparator.comparing(e -> {
                StringBuilder sb = new StringBuilder();
                write(e, key, sb);
                return sb.toString();
            }));
        }
        return items;
    }

    private static String valueOf(JsonNode v, String key) {
        if (v == null || isDefault(key, v)) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        return write(v, key, sb) ? "" : sb.toString();
    }

    /**
     * Writes the canonical form of {@code n} into {@code sb}, leaving out empty and default-valued fields.
     *
     * @return whether {@code n} is empty (null, an empty array, or an object whose fields are all empty); computed
     *     bottom-up while writing, so the whole walk is linear even for deeply nested input
     */
    private static boolean write(JsonNode n, String key, StringBuilder sb) {
        if (n.isNull()) {
            return true;
        }
        if (n.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            n.fields().forEachRemaining(fields::add);
            fields.sort(Map.Entry.comparingByKey());
            sb.append('{');
            boolean first = true;
            boolean empty = true;
            for (Map.Entry<String, JsonNode> e : fields) {
                JsonNode v = e.getValue();
                if (isDefault(e.getKey(), v)) {
                    empty = false;
                    continue;
                }
                int mark = sb.length();
                if (!first) {
                    sb.append(',');
                }
                quote(e.getKey(), sb);
                sb.append(':');
                if (write(v, e.getKey(), sb)) {
                    sb.setLength(mark); // an empty value means the same as no key
                } else {
                    first = false;
                    empty = false;
                }
            }
            sb.append('}');
            return empty;
        }
        if (n.isArray() && !UNORDERED.contains(key)) {
            // written in place: building each element as its own string would copy a nested array once per level
            sb.append('[');
            boolean first = true;
            for (JsonNode e : n) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                write(e, key, sb);
            }
            sb.append(']');
            return n.isEmpty();
        }
        if (n.isArray()) {
            List<String> items = new ArrayList<>(n.size());
            for (JsonNode e : n) {
                StringBuilder item = new StringBuilder();
                write(e, key, item);
                items.add(item.toString());
            }
            items.sort(null);
            sb.append('[').append(String.join(",", items)).append(']');
            return n.isEmpty();
        }
        quote(scalar(n, key), sb);
        return false;
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
