package io.dmskit.mappings.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Lenient readers and canonical writers for tree values. Readers never throw; bad shapes read as absent. */
public final class Nodes {
    private Nodes() {
    }

    /** @return the scalar text of a field (numbers and booleans as their text), or null when absent or a container */
    public static String text(JsonNode obj, String field) {
        if (obj == null || !obj.isObject()) {
            return null;
        }
        return text(obj.get(field));
    }

    /** @return the scalar text of a node, or null when absent, null or a container */
    public static String text(JsonNode v) {
        if (v == null || v.isNull() || v.isContainerNode() || v.isMissingNode()) {
            return null;
        }
        return v.asText();
    }

    /**
     * @return the integer value of a number or digit string ({@code 5}, {@code "5"}, {@code 5.0}, {@code 5e0}), or
     *     null when it is not an integer that fits a long; bounded work whatever the text (never expands exponents)
     */
    public static Long longValue(JsonNode obj, String field) {
        String t = text(obj, field);
        if (t == null) {
            return null;
        }
        t = t.trim();
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            // canonical form is plain for integers up to 64 zeros and linear to compute; a long has at most 19 digits
            String c = t.length() > 4096 ? null : NumberCanon.canonical(t);
            if (c == null || c.length() > 20 || c.indexOf('.') >= 0 || c.indexOf('E') >= 0) {
                return null;
            }
            try {
                return Long.parseLong(c);
            } catch (NumberFormatException e2) {
                return null;
            }
        }
    }

    /** @return the int value of a number or digit string that fits an int, or null */
    public static Integer intValue(JsonNode obj, String field) {
        Long l = longValue(obj, field);
        return l == null || l > Integer.MAX_VALUE || l < Integer.MIN_VALUE ? null : l.intValue();
    }

    /** @return the boolean of a boolean or "true"/"false" string, or null */
    public static Boolean boolValue(JsonNode obj, String field) {
        String t = text(obj, field);
        if ("true".equalsIgnoreCase(t)) {
            return true;
        }
        if ("false".equalsIgnoreCase(t)) {
            return false;
        }
        return null;
    }

    /** @return the scalar texts of an array field (non-scalars skipped), empty when absent */
    public static List<String> texts(JsonNode obj, String field) {
        JsonNode a = obj == null ? null : obj.get(field);
        if (a == null || !a.isArray()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(a.size());
        for (JsonNode e : a) {
            String t = text(e);
            if (t != null) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }

    /** @return a number node, equal to the one the parser produces for the same digits */
    public static JsonNode number(long v) {
        return WrittenNumber.of(Long.toString(v));
    }

    /** @return a new empty object node */
    public static ObjectNode object() {
        return JsonTree.NODES.objectNode();
    }

    /** @return an array node of the strings */
    public static ArrayNode strings(List<String> values) {
        ArrayNode a = JsonTree.NODES.arrayNode(values.size());
        for (String v : values) {
            a.add(v);
        }
        return a;
    }

    /** Sets the field when the value is not null. */
    public static void putIfNotNull(ObjectNode o, String field, String value) {
        if (value != null) {
            o.put(field, value);
        }
    }

    /**
     * @param node object to reorder (not modified)
     * @param order preferred key order; other keys follow in their existing order
     * @return a new object with the keys in that order (values shared)
     */
    public static ObjectNode reorder(ObjectNode node, List<String> order) {
        ObjectNode out = object();
        for (String k : order) {
            JsonNode v = node.get(k);
            if (v != null) {
                out.set(k, v);
            }
        }
        node.fields().forEachRemaining(e -> {
            if (!out.has(e.getKey())) {
                out.set(e.getKey(), e.getValue());
            }
        });
        return out;
    }

    /**
     * @param digits a digit string
     * @return the digits without leading zeros ("0" stays "0")
     */
    public static String stripLeadingZeros(String digits) {
        int i = 0;
        while (i < digits.length() - 1 && digits.charAt(i) == '0') {
            i++;
        }
        return i == 0 ? digits : digits.substring(i);
    }

    /** @return whether the text is a non-empty string of ASCII digits */
    public static boolean isDigits(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
