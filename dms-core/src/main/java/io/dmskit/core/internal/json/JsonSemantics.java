package io.dmskit.core.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dmskit.core.provision.FieldDiff;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares task-settings JSON by meaning: read-only members DMS adds on echo are ignored, {@code LogComponents} is a
 * map from component id to severity (order does not matter), numbers, booleans and their string forms are equal
 * ({@code 5} and {@code "5"}), and members left unset in the desired document are not compared (DMS fills in its
 * defaults).
 */
public final class JsonSemantics {

    /** Members DMS fills in itself and rejects on create. */
    public static final Set<String> READ_ONLY = Set.of("Logging.CloudWatchLogGroup", "Logging.CloudWatchLogStream",
        "ControlTablesSettings.historyTimeslotInMinutes");

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonSemantics() {
    }

    /**
     * Lists the members the desired document sets whose meaning differs from the actual one.
     *
     * @param prefix path prefix for the reported fields
     * @param desired the desired document (maps, lists, scalars)
     * @param actual the document DMS reports
     * @return the differences, empty when the actual document satisfies the desired one
     */
    public static List<FieldDiff> differences(String prefix, Map<String, ?> desired, Map<String, ?> actual) {
        List<FieldDiff> out = new ArrayList<>();
        compareMap(prefix, "", desired, actual == null ? Map.of() : actual, out);
        return out;
    }

    /**
     * @param a one document
     * @param b another
     * @return whether both mean the same after normalization (read-only members ignored, LogComponents as a map,
     *     scalars by text)
     */
    public static boolean sameMeaning(Map<String, ?> a, Map<String, ?> b) {
        return normalize("", a).equals(normalize("", b));
    }

    private static void compareMap(String prefix, String path, Map<String, ?> desired, Map<String, ?> actual,
                                   List<FieldDiff> out) {
        for (Map.Entry<String, ?> e : desired.entrySet()) {
            Object dv = e.getValue();
            if (dv == null) {
                continue;
            }
            String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            if (READ_ONLY.contains(p)) {
                continue;
            }
            Object av = actual.get(e.getKey());
            if (dv instanceof Map<?, ?> dm) {
                if (av instanceof Map<?, ?> am) {
                    compareMap(prefix, p, cast(dm), cast(am), out);
                } else {
                    out.add(FieldDiff.of(prefix + p, render(normalize(p, av)), render(normalize(p, dv))));
                }
            } else if ("LogComponents".equals(e.getKey()) && dv instanceof List<?> dl) {
                Map<String, Object> dmap = components(dl);
                Map<String, Object> amap = av instanceof List<?> al ? components(al) : Map.of();
                for (Map.Entry<String, Object> c : dmap.entrySet()) {
                    Object a = amap.get(c.getKey());
                    if (!c.getValue().equals(a)) {
                        out.add(FieldDiff.of(prefix + p + "[" + c.getKey() + "]", a, c.getValue()));
                    }
                }
            } else {
                Object nd = normalize(p, dv);
                Object na = normalize(p, av);
                if (!nd.equals(na)) {
                    out.add(FieldDiff.of(prefix + p, av == null ? null : render(na), render(nd)));
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> cast(Map<?, ?> m) {
        return (Map<String, ?>) m;
    }

    private static Map<String, Object> components(List<?> list) {
        Map<String, Object> m = new TreeMap<>();
        for (Object o : list) {
            if (o instanceof Map<?, ?> c && c.get("Id") != null) {
                m.put(String.valueOf(c.get("Id")), String.valueOf(c.get("Severity")));
            }
        }
        return m;
    }

    /**
     * @param path the member path
     * @param v a JSON value
     * @return a canonical form: sorted maps without nulls and read-only members, scalars as text
     */
    public static Object normalize(String path, Object v) {
        if (v == null) {
            return "(unset)";
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String p = path.isEmpty() ? String.valueOf(e.getKey()) : path + "." + e.getKey();
                if (e.getValue() == null || READ_ONLY.contains(p)) {
                    continue;
                }
                if ("LogComponents".equals(e.getKey()) && e.getValue() instanceof List<?> l) {
                    out.put("LogComponents", components(l));
                } else {
                    out.put(String.valueOf(e.getKey()), normalize(p, e.getValue()));
                }
            }
            return out;
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                out.add(normalize(path, o));
            }
            return out;
        }
        if (v instanceof Number n) {
            try {
                return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                return n.toString();
            }
        }
        String s = String.valueOf(v);
        if (s.matches("-?\\d+(\\.\\d+)?")) {
            return new BigDecimal(s).stripTrailingZeros().toPlainString();
        }
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return s.toLowerCase(java.util.Locale.ROOT);
        }
        return s;
    }

    private static String render(Object normalized) {
        if (normalized instanceof String s) {
            return s;
        }
        try {
            return MAPPER.writeValueAsString(normalized);
        } catch (JsonProcessingException e) {
            return String.valueOf(normalized);
        }
    }

    /**
     * @param json a JSON object text
     * @return its members (insertion order), numbers as Integer/Long/Double
     * @throws IllegalArgumentException when the text is not a JSON object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String json) {
        try {
            Object o = MAPPER.readValue(json, Object.class);
            if (!(o instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return (Map<String, Object>) o;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid JSON at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @param value maps, lists and scalars
     * @return compact JSON
     */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param value maps, lists and scalars
     * @return indented JSON
     */
    public static String writePretty(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
