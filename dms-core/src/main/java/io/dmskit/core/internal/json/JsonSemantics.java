package io.dmskit.core.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dmskit.core.provision.FieldDiff;
import java.io.IOException;
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

    /** Writes maps, lists and scalars (reading is {@link TreeReader}'s). */
    private static final ObjectMapper MAPPER = com.fasterxml.jackson.databind.json.JsonMapper.builder().build();

    /** Numbers whose exponent is within this bound are written out in full when compared; others stay scientific. */
    private static final int PLAIN_SCALE_LIMIT = 64;

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
        return same("", a, false, b, false);
    }

    /**
     * Whether {@code normalize(path, a).equals(normalize(path, b))}, decided by walking both values side by side
     * without building their normal forms: no copy of either document, so comparing costs no memory beyond the
     * documents themselves (and the LogComponents maps).
     *
     * @param aCanon whether {@code a} is already normal (a LogComponents map: its values are compared as they are)
     * @param bCanon the same for {@code b}
     */
    private static boolean same(String path, Object a, boolean aCanon, Object b, boolean bCanon) {
        if (a instanceof Map<?, ?> am) {
            if (!(b instanceof Map<?, ?> bm)) {
                return false;
            }
            if (members(path, am, aCanon) != members(path, bm, bCanon)) {
                return false;
            }
            for (Map.Entry<?, ?> e : am.entrySet()) {
                String key = String.valueOf(e.getKey());
                String p = aCanon ? path : child(path, key);
                if (!aCanon && (e.getValue() == null || READ_ONLY.contains(p))) {
                    continue;
                }
                Object bv = bm.get(key);
                if (bv == null || !bCanon && READ_ONLY.contains(child(path, key))) {
                    return false;
                }
                boolean aComponents = !aCanon && isComponents(key, e.getValue());
                boolean bComponents = !bCanon && isComponents(key, bv);
                if (!same(p, aComponents ? components((List<?>) e.getValue()) : e.getValue(), aCanon || aComponents,
                    bComponents ? components((List<?>) bv) : bv, bCanon || bComponents)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> al) {
            if (!(b instanceof List<?> bl) || al.size() != bl.size()) {
                return false;
            }
            for (int i = 0; i < al.size(); i++) {
                if (!same(path, al.get(i), aCanon, bl.get(i), bCanon)) {
                    return false;
                }
            }
            return true;
        }
        if (b instanceof Map<?, ?> || b instanceof List<?>) {
            return false;
        }
        return (aCanon ? a : scalar(a)).equals(bCanon ? b : scalar(b));
    }

    /** @return how many members {@link #normalize} keeps of a map */
    private static int members(String path, Map<?, ?> m, boolean canon) {
        if (canon) {
            return m.size();
        }
        int n = 0;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (e.getValue() != null && !READ_ONLY.contains(child(path, String.valueOf(e.getKey())))) {
                n++;
            }
        }
        return n;
    }

    private static boolean isComponents(String key, Object v) {
        return "LogComponents".equals(key) && v instanceof List<?>;
    }

    private static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
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
            } else if (!same(p, dv, false, av, false)) {
                out.add(FieldDiff.of(prefix + p, av == null ? null : render(normalize(p, av)),
                    render(normalize(p, dv))));
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
        return scalar(v);
    }

    /** @return the normal form of a scalar (not a map or list): its text, numbers and booleans canonical */
    private static String scalar(Object v) {
        if (v == null) {
            return "(unset)";
        }
        if (v instanceof Integer || v instanceof Long) {
            return v.toString(); // already canonical: no fraction, at most 18 trailing zeros
        }
        if (v instanceof Number n) {
            return number(n.toString());
        }
        String s = String.valueOf(v);
        if (s.length() <= 100 && isDecimal(s)) {
            return number(s);
        }
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return s.toLowerCase(java.util.Locale.ROOT);
        }
        return s;
    }

    /** @return whether the text is {@code -?\\d+(\\.\\d+)?} (checked without a regular expression) */
    private static boolean isDecimal(String s) {
        int i = s.startsWith("-") ? 1 : 0;
        int digits = 0;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (digits == 0) {
            return false;
        }
        if (i == s.length()) {
            return true;
        }
        if (s.charAt(i) != '.' || i + 1 == s.length()) {
            return false;
        }
        for (i++; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * The canonical text of a number: equal values give equal text ({@code 5}, {@code 5.0}, {@code "5"}); never
     * expands an exponent beyond {@link #PLAIN_SCALE_LIMIT} digits, so {@code 1e999999999} costs no more than its
     * text, and text longer than 1000 characters is compared as written (BigDecimal parsing is not linear).
     */
    private static String number(String text) {
        if (text.length() > 1000) {
            return text;
        }
        try {
            BigDecimal d = new BigDecimal(text);
            if (d.signum() == 0) {
                return "0";
            }
            d = d.stripTrailingZeros();
            return Math.abs(d.scale()) <= PLAIN_SCALE_LIMIT ? d.toPlainString() : d.toString();
        } catch (NumberFormatException | ArithmeticException e) {
            return text; // NaN, Infinity, an exponent beyond int range: compared as written
        }
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
     * @return its members (insertion order), numbers as Integer/Long/BigInteger/BigDecimal
     * @throws IllegalArgumentException when the text is not a JSON object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String json) {
        if (json == null) {
            throw new IllegalArgumentException("no JSON text (null)");
        }
        Object o;
        try {
            o = TreeReader.read(json);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr();
            String msg = String.valueOf(e.getOriginalMessage());
            throw new IllegalArgumentException("invalid JSON" + at + ": "
                + (msg.length() > 300 ? msg.substring(0, 300) + "..." : msg), e);
        } catch (IOException | RuntimeException e) {
            // anything else the parser throws (its limits: nesting 200, numbers 1000 digits) is bad input too
            throw new IllegalArgumentException("invalid JSON: " + e.getClass().getSimpleName(), e);
        }
        if (!(o instanceof Map<?, ?>)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        return (Map<String, Object>) o;
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
