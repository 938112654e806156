package io.dmskit.core.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * {@code sameMeaning} and {@code differences} compare by walking both documents side by side instead of building
 * their normal forms; these properties check the walk answers exactly what comparing the normal forms
 * ({@code normalize(a).equals(normalize(b))}) answers, on documents drawn from a small vocabulary so that equal
 * meanings written differently (5, "5", 5.0; TRUE/true; LogComponents as a list or a map; read-only and null
 * members) come up often.
 */
@Label("JsonSemantics: comparing by walking equals comparing normal forms")
class JsonSemanticsProperties {

    private static final List<String> KEYS = List.of("Logging", "CloudWatchLogGroup", "LogComponents", "Id",
        "Severity", "X", "ControlTablesSettings", "historyTimeslotInMinutes");
    private static final List<Object> SCALARS = new ArrayList<>(List.of(5, 5L, "5", "5.0", new java.math.BigDecimal(
        "5.00"), "true", "TRUE", true, false, "x", "", 0, "-0", new java.math.BigInteger("1" + "0".repeat(70)),
        "1" + "0".repeat(70), new java.math.BigDecimal("1E+70"), "(unset)"));

    static {
        SCALARS.add(null);
    }

    @Provide
    Arbitrary<Tuple.Tuple2<Map<String, Object>, Map<String, Object>>> pairs() {
        return Arbitraries.longs().map(seed -> {
            java.util.Random r = new java.util.Random(seed);
            Map<String, Object> a = map(r, 0);
            // the second document: often a rewrite of the first in other words, sometimes unrelated
            Map<String, Object> b = r.nextInt(3) == 0 ? map(r, 0) : rewrite(r, a);
            return Tuple.of(a, b);
        });
    }

    private static Map<String, Object> map(java.util.Random r, int depth) {
        Map<String, Object> m = new LinkedHashMap<>();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            m.put(KEYS.get(r.nextInt(KEYS.size())), value(r, depth + 1));
        }
        return m;
    }

    private static Object value(java.util.Random r, int depth) {
        int k = depth > 3 ? 0 : r.nextInt(4);
        if (k == 1) {
            return map(r, depth);
        }
        if (k == 2) {
            List<Object> l = new ArrayList<>();
            int n = r.nextInt(3);
            for (int i = 0; i < n; i++) {
                l.add(r.nextBoolean() ? value(r, depth + 1) : Map.of("Id", "A" + r.nextInt(2), "Severity",
                    SCALARS.get(r.nextInt(3))));
            }
            return l;
        }
        return SCALARS.get(r.nextInt(SCALARS.size()));
    }

    /** The same members in reverse order, some scalars written another way, sometimes one member changed. */
    @SuppressWarnings("unchecked")
    private static Object rewriteValue(java.util.Random r, Object v) {
        if (v instanceof Map<?, ?> m) {
            return rewrite(r, (Map<String, Object>) m);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                out.add(rewriteValue(r, o));
            }
            return out;
        }
        if (r.nextInt(4) == 0) {
            return SCALARS.get(r.nextInt(SCALARS.size()));
        }
        return v instanceof Integer i && r.nextBoolean() ? String.valueOf(i) : v;
    }

    private static Map<String, Object> rewrite(java.util.Random r, Map<String, Object> a) {
        List<Map.Entry<String, Object>> entries = new ArrayList<>(a.entrySet());
        java.util.Collections.reverse(entries);
        Map<String, Object> b = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : entries) {
            b.put(e.getKey(), rewriteValue(r, e.getValue()));
        }
        if (r.nextInt(5) == 0) {
            b.put(KEYS.get(r.nextInt(KEYS.size())), null);
        }
        return b;
    }

    @Property(tries = 3000, seed = "15")
    void walkAgreesWithNormalForms(@ForAll("pairs") Tuple.Tuple2<Map<String, Object>, Map<String, Object>> p) {
        Map<String, Object> a = p.get1();
        Map<String, Object> b = p.get2();
        boolean expected = JsonSemantics.normalize("", a).equals(JsonSemantics.normalize("", b));
        assertThat(JsonSemantics.sameMeaning(a, b)).as("sameMeaning(%s, %s)", a, b).isEqualTo(expected);
        assertThat(JsonSemantics.sameMeaning(b, a)).as("sameMeaning(%s, %s)", b, a).isEqualTo(expected);
    }

    @Example
    void equalMeaningsWrittenDifferently() {
        Map<String, Object> a = JsonSemantics.parseObject("""
            {"Logging":{"EnableLogging":true,"CloudWatchLogGroup":"g","LogComponents":[
            {"Id":"B","Severity":"S"},{"Id":"A","Severity":"T"}]},"X":{"n":5,"m":[1.50,"TRUE"],"z":null}}""");
        Map<String, Object> b = JsonSemantics.parseObject("""
            {"X":{"m":["1.5",true],"n":"5.0"},"Logging":{"LogComponents":[{"Id":"A","Severity":"T"},
            {"Id":"B","Severity":"S"}],"EnableLogging":"true"}}""");
        assertThat(JsonSemantics.sameMeaning(a, b)).isTrue();
        assertThat(JsonSemantics.differences("", a, b)).isEmpty();
        Map<String, Object> c = JsonSemantics.parseObject("{\"X\":{\"n\":5,\"m\":[1.5,\"TRUE\",1]}}");
        assertThat(JsonSemantics.sameMeaning(a, c)).isFalse();
        assertThat(JsonSemantics.differences("", c, b)).hasSize(1);
        assertThat(JsonSemantics.differences("", c, b).get(0).toString()).contains("X.m");
    }

    @Example
    @SuppressWarnings("unchecked")
    void parsedArraysAreExactAndImmutable() {
        Map<String, Object> m = JsonSemantics.parseObject("{\"a\":[[[1]],[],[null,2,\"3\"]],\"b\":1e0,\"c\":1.5}");
        List<?> a = (List<?>) m.get("a");
        assertThat(a).hasSize(3);
        assertThat(a.get(0)).isEqualTo(List.of(List.of(1)));
        assertThat((List<Object>) a.get(2)).containsExactly(null, 2, "3");
        assertThat(m.get("b")).isEqualTo(1); // whole numbers written with an exponent read as the int they mean
        assertThat(m.get("c")).isEqualTo(new java.math.BigDecimal("1.5"));
        assertThatThrownBy(() -> ((List<Object>) a).add(1)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(JsonSemantics.write(m)).isEqualTo("{\"a\":[[[1]],[],[null,2,\"3\"]],\"b\":1,\"c\":1.5}");
    }

    @Example
    void badTextIsOneIllegalArgumentException() {
        for (String bad : new String[] {"", " ", "{} x", "{\"a\":1,\"a\":2}", "[1]", "{\"a\":" + "[".repeat(201)
            + "]".repeat(201) + "}", "{\"a\":1" + "0".repeat(1001) + "}", "{\"a\":[1,}", "{\"a\":[1"}) {
            assertThatThrownBy(() -> JsonSemantics.parseObject(bad)).as(bad.length() > 60 ? bad.substring(0, 60)
                : bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(JsonSemantics.parseObject("{\"a\":" + "[".repeat(199) + "]".repeat(199) + "}")).containsKey("a");
    }
}
