package io.dmskit.core.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads JSON text into maps, lists and scalars with one streaming pass whose memory stays within a small constant of
 * the text: arrays are exactly sized immutable lists ({@link CompactList}), objects are {@code LinkedHashMap}s sized
 * for their members, and each container is built once (no intermediate tree, no second pass over numbers). Nesting
 * deeper than {@value #MAX_DEPTH} levels, numbers longer than 1000 digits, a member given twice and text after the
 * value are errors.
 */
final class TreeReader {

    /** Task settings are a few levels deep; 200 is also what the builders accept in otherSection/otherField. */
    static final int MAX_DEPTH = 200;

    static final JsonFactory FACTORY = JsonFactory.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
        .build();

    /** Per-depth scratch buffers, reused by every container at that depth. */
    private Object[][] scratch = new Object[8][];

    private TreeReader() {
    }

    /**
     * @param json JSON text
     * @return its value (Map, List, String, Boolean, Integer/Long/BigInteger/BigDecimal, or null)
     * @throws IOException when the text is not exactly one JSON value
     */
    static Object read(String json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new JsonParseException(p, "No content: the text is empty");
            }
            Object v = new TreeReader().value(p, first, 0);
            if (p.nextToken() != null) {
                throw new JsonParseException(p, "Trailing token (of type " + p.currentToken()
                    + ") found after the value");
            }
            return v;
        }
    }

    private Object value(JsonParser p, JsonToken t, int depth) throws IOException {
        switch (t) {
            case START_OBJECT:
                return object(p, depth);
            case START_ARRAY:
                return array(p, depth);
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getNumberValue(); // Integer, Long or BigInteger, bounded by the 1000-digit limit
            case VALUE_NUMBER_FLOAT:
                return wholeNumber(p.getDecimalValue());
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new JsonParseException(p, "Unexpected token " + t);
        }
    }

    /** @return the scratch buffer of a depth, at least {@code needed} long, keeping what it held */
    private Object[] buffer(int depth, int needed) {
        if (depth >= scratch.length) {
            scratch = Arrays.copyOf(scratch, Math.max(depth + 1, scratch.length * 2));
        }
        Object[] b = scratch[depth];
        if (b == null) {
            b = new Object[Math.max(needed, 8)];
            scratch[depth] = b;
        } else if (b.length < needed) {
            b = Arrays.copyOf(b, Math.max(needed, b.length * 2));
            scratch[depth] = b;
        }
        return b;
    }

    private Object array(JsonParser p, int depth) throws IOException {
        Object[] items = buffer(depth, 8);
        int n = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == null) {
                throw new JsonParseException(p, "Unexpected end of input in an array");
            }
            Object v = value(p, t, depth + 1);
            if (n == items.length) {
                items = buffer(depth, n + 1);
            }
            items[n++] = v;
        }
        java.util.List<Object> list = CompactList.of(items, n);
        Arrays.fill(items, 0, n, null);
        return list;
    }

    private Object object(JsonParser p, int depth) throws IOException {
        Object[] kv = buffer(depth, 8);
        int n = 0;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            Object v = value(p, p.nextToken(), depth + 1);
            if (n + 2 > kv.length) {
                kv = buffer(depth, n + 2);
            }
            kv[n++] = name;
            kv[n++] = v;
        }
        if (t != JsonToken.END_OBJECT) {
            throw new JsonParseException(p, "Unexpected end of input in an object");
        }
        Map<String, Object> m = new LinkedHashMap<>((int) Math.ceil(n / 2 / 0.75) + 1);
        for (int i = 0; i < n; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        Arrays.fill(kv, 0, n, null);
        return m;
    }

    /**
     * Reads whole numbers written with a fraction or an exponent ({@code 1e0}, {@code 600.0}) as the Integer or
     * Long that {@code 1} and {@code 600} read as, so a document and its own serialization are equal; other
     * numbers stay BigDecimal, exactly as written. Each check is bounded by the number's digits.
     */
    static Object wholeNumber(BigDecimal d) {
        if (d.signum() == 0) {
            return 0;
        }
        if (d.precision() - d.scale() > 0 && d.precision() - d.scale() <= 19 && d.scale() <= 1000) {
            try {
                long l = d.longValueExact();
                return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (Object) (int) l : (Object) l;
            } catch (ArithmeticException notWhole) {
                return d;
            }
        }
        return d;
    }
}
