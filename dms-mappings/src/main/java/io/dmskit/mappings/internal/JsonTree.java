package io.dmskit.mappings.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming JSON reader that builds a Jackson tree while recording source positions, dropping {@code null}-valued
 * object fields (DMS echoes them back; they mean "absent") and keeping numbers exactly as written
 * ({@link WrittenNumber}). Nesting deeper than Jackson's default limit (1000) is a syntax error, not a stack overflow.
 * Also the single place that writes JSON.
 */
public final class JsonTree {
    /** Immutable, thread-safe node factory using exact decimals. */
    public static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE)
                    .maxNumberLength(Integer.MAX_VALUE).build())
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY)
            .setNodeFactory(NODES);

    private JsonTree() {
    }

    /** Result of {@link #parse(String)}: either a root node or a syntax error with its position. */
    public record Parsed(JsonNode root, SourcePositions positions, String error, int line, int column,
                         List<String[]> duplicateKeys) {
        /** @return true when the text is well-formed JSON */
        public boolean ok() {
            return error == null;
        }
    }

    /**
     * Parses JSON text. Never throws for bad input: a syntax error comes back as {@link Parsed#error()} with a
     * line and column.
     *
     * @param text JSON text
     * @return the parse result
     */
    public static Parsed parse(String text) {
        if (text == null) {
            return new Parsed(null, SourcePositions.NONE, "The document is null; pass the table-mapping JSON text.",
                    -1, -1, List.of());
        }
        if (text.isBlank()) {
            return new Parsed(null, SourcePositions.NONE,
                    "The document is empty; a table-mapping document is {\"rules\": [ ... ]}.", 1, 1, List.of());
        }
        if (text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        SourcePositions positions = new SourcePositions();
        List<String[]> dups = new ArrayList<>();
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            JsonNode root = read(p, first, positions, dups, 1, new Scratch());
            JsonToken extra = p.nextToken();
            if (extra != null) {
                JsonLocation loc = p.currentTokenLocation();
                return new Parsed(null, SourcePositions.NONE,
                        "Unexpected content after the end of the JSON document; remove it.",
                        loc.getLineNr(), loc.getColumnNr(), List.of());
            }
            return new Parsed(root, positions, null, -1, -1, dups);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String msg = e.getOriginalMessage();
            int nl = msg == null ? -1 : msg.indexOf('\n');
            if (nl > 0) {
                msg = msg.substring(0, nl);
            }
            if (msg != null) {
                msg = msg.replaceAll("\\[Source: .*?; line: (\\d+), column: (\\d+)\\]", "line $1, column $2");
            }
            return new Parsed(null, SourcePositions.NONE, "Malformed JSON: " + msg + ".",
                    loc == null ? -1 : loc.getLineNr(), loc == null ? -1 : loc.getColumnNr(), List.of());
        } catch (IOException e) {
            return new Parsed(null, SourcePositions.NONE, "Could not read the JSON text: " + e.getMessage(), -1, -1,
                    List.of());
        }
    }

    /**
     * Positions are recorded down to this depth only: validation reports problems at most this deep (a rule is at
     * depth 3, its deepest checked values at 6), and recording every container of a deeply nested value would cost
     * a map entry per bracket.
     */
    private static final int POSITION_DEPTH = 8;

    /** Per-depth buffers for the elements of the array being read at that depth, reused by every array there. */
    private static final class Scratch {
        private JsonNode[][] byDepth = new JsonNode[16][];

        /** @return the buffer of a depth, at least {@code needed} long, keeping what it held */
        JsonNode[] at(int depth, int needed) {
            if (depth >= byDepth.length) {
                byDepth = java.util.Arrays.copyOf(byDepth, Math.max(depth + 1, byDepth.length * 2));
            }
            JsonNode[] b = byDepth[depth];
            if (b == null || b.length < needed) {
                b = b == null ? new JsonNode[Math.max(needed, 8)]
                        : java.util.Arrays.copyOf(b, Math.max(needed, b.length * 2));
                byDepth[depth] = b;
            }
            return b;
        }
    }

    private static JsonNode read(JsonParser p, JsonToken t, SourcePositions pos, List<String[]> dups, int depth,
            Scratch scratch) throws IOException {
        if (t == null) {
            throw new JsonParseException(p, "Unexpected end of input");
        }
        switch (t) {
            case START_OBJECT: {
                ObjectNode o = NODES.objectNode();
                boolean track = depth <= POSITION_DEPTH;
                if (track) {
                    JsonLocation start = p.currentTokenLocation();
                    pos.container(o, start.getLineNr(), start.getColumnNr());
                }
                JsonToken k;
                while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonLocation kl = track || o.has(name) ? p.currentTokenLocation() : null;
                    JsonNode v = read(p, p.nextToken(), pos, dups, depth + 1, scratch);
                    if (o.has(name)) {
                        kl = kl == null ? p.currentTokenLocation() : kl;
                        dups.add(new String[] {name, String.valueOf(kl.getLineNr()), String.valueOf(kl.getColumnNr())});
                    }
                    if (v.isNull()) {
                        o.remove(name);
                    } else {
                        o.set(name, v);
                        if (track) {
                            pos.field(o, name, kl.getLineNr(), kl.getColumnNr());
                        }
                    }
                }
                if (k != JsonToken.END_OBJECT) {
                    throw new JsonParseException(p, "Unexpected end of input");
                }
                return o;
            }
            case START_ARRAY: {
                JsonLocation start = depth <= POSITION_DEPTH ? p.currentTokenLocation() : null;
                // children are collected first so the node is sized exactly: each level of [[[...]]] then costs
                // an ArrayNode and a OneOrMore, not an ArrayNode, an ArrayList and a ten-slot array
                JsonNode[] items = scratch.at(depth, 8);
                int n = 0;
                JsonToken e;
                while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (e == null) {
                        throw new JsonParseException(p, "Unexpected end of input");
                    }
                    JsonNode v = read(p, e, pos, dups, depth + 1, scratch);
                    if (n == items.length) {
                        items = scratch.at(depth, n + 1);
                    }
                    items[n++] = v;
                }
                ArrayNode a;
                if (n == 1) {
                    a = new ArrayNode(NODES, new OneOrMore(items[0]));
                    items[0] = null;
                } else {
                    a = NODES.arrayNode(n);
                    for (int i = 0; i < n; i++) {
                        a.add(items[i]);
                        items[i] = null;
                    }
                }
                if (start != null) {
                    pos.container(a, start.getLineNr(), start.getColumnNr());
                }
                return a;
            }
            case VALUE_STRING:
                return NODES.textNode(p.getText());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                // the text as written: converting it (BigDecimal, double) can overflow, expand an exponent to
                // gigabytes or change how it is written back (1e0 -> 1)
                return WrittenNumber.of(p.getText());
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new JsonParseException(p, "Unexpected token " + t);
        }
    }

    /**
     * @param node a tree
     * @return compact JSON
     */
    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param node a tree
     * @return JSON indented by two spaces, {@code "key": value}, one array element per line
     */
    public static String writePretty(JsonNode node) {
        DefaultPrettyPrinter pp = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"))
                .withObjectIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.withLinefeed("\n"));
        try {
            StringWriter w = new StringWriter();
            MAPPER.writer(pp).writeValue(w, node);
            return w.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
