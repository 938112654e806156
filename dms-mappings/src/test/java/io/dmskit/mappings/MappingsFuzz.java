package io.dmskit.mappings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The mutation fuzzer of table-mapping documents: seeds (the shared corpus of real documents, read at test time, plus
 * this module's fixtures), mutations (hostile numbers, deep nesting, long strings, duplicate keys, unicode, truncation,
 * type swaps, key removal, byte flips, many rules), the contract every input must meet ({@link #check(String)}) and a
 * shrinker that minimises a violating input. Used by {@link MappingsFuzzProperties} (normal build) and
 * {@link MappingsFuzzRun} (the long run).
 */
final class MappingsFuzz {
    /** What happened to one input. */
    enum Outcome {
        /** fromJsonLenient threw InvalidTableMappingsException: not JSON or not a table-mapping document. */
        UNREADABLE,
        /** read leniently, rejected by fromJson with problems. */
        LENIENT_ONLY,
        /** accepted by fromJson. */
        ACCEPTED
    }

    /** A broken contract: {@code kind} identifies it for shrinking (the same kind must persist). */
    static final class Violation extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String kind;

        Violation(String kind, String detail, Throwable cause) {
            super(kind + ": " + detail, cause);
            this.kind = kind;
        }
    }

    private static final ObjectMapper PLAIN = new ObjectMapper();

    static final String[] NUMBERS = {"1e999999999", "1E2147483648", "1e-2147483649", "1E+2147483647", "1e99999999",
        "-0", "-0.0", "0e0", "1e0", "1E0", "1.5", "1.50", "-1", "0", "6", "2147483648", "-9223372036854775809",
        "123456789012345678901234567890", "1e-7", "0.0000000000000000000001", "9.999999999999999e22", "-1E-2147483648",
        "1" + "0".repeat(2000), "0." + "0".repeat(500) + "1", "1e" + "9".repeat(40)};
    static final String[] STRINGS = {"", " ", "%", "_", "[_]", "[", "[]", "[^a-", "[z-a]", "null", "like", "ste", "1.5",
        "0e0", "01", "\\u0000", "\\ud800", "\\udc00x", "\\ud83d\\ude00", "\\u001f", "\u2028", "\uD800", "\uDFFF\uD800",
        "\u00e9\u4e2d", "\\\"", "\\\\", "a\\nb", "%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%%b",
        "_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%_%x",
        "selection", "transformation", "table-settings", "post-processing", "object-mapping", "include", "exclude",
        "explicit", "rename", "add-column", "remove-column", "column", "table", "schema", "view", "all", "eq", "noteq",
        "between", "notnull", "ranges", "partitions-auto", "limited", "string", "int8"};
    static final String[] KEYS = {"rule-type", "rule-id", "rule-name", "rule-action", "rule-target", "object-locator",
        "schema-name", "table-name", "column-name", "table-type", "data-type", "filters", "filter-type",
        "filter-operator", "filter-conditions", "value", "start-value", "end-value", "load-order", "type", "length",
        "precision", "scale", "parallel-load", "lob-settings", "tag-set", "key", "partitions", "boundaries", "columns",
        "batch-size", "bulk-max-size", "mapping-parameters", "expression", "old-value", "primary-key-def", "name",
        "before-image-def", "column-prefix", "rules", "x", "", "\\u0000", "TableMappings"};
    private static final char[] FLIP_CHARS = {'"', '\\', '{', '}', '[', ']', ',', ':', ' ', '\n', '\u0000', '\u0001',
        '\u001f', '\u007f', '\uD800', '\uDC00', '\uFFFF', '\uFEFF', 'e', 'E', '-', '+', '.', '0', '9', 'a', '%', '_'};

    private MappingsFuzz() {
    }

    // ------------------------------------------------------------------ seeds

    /** @return the seed documents: every .json of the shared corpus (valid and invalid) and the module's fixtures */
    static List<String> seeds() {
        List<String> out = new ArrayList<>();
        for (Path dir : List.of(CorpusTest.CORPUS, CorpusTest.CORPUS.resolve("invalid"))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    for (Path p : s.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                        out.add(Files.readString(p, StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        for (String f : List.of("console-export.json", "configuration-guide-step4.json", "all-rule-kinds.json")) {
            try {
                out.add(RoundTripTest.fixture(f));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(out);
    }

    /** @return how many seeds came from the shared corpus (0 when it is absent) */
    static int corpusSize(List<String> seeds) {
        return seeds.size() - 3;
    }

    // ------------------------------------------------------------------ mutation

    /**
     * @param seed a seed document
     * @param rnd the random source (one per input, so an input is reproducible from its seed)
     * @param maxLong the longest string or repeat count to generate (bounded for the normal build)
     * @return the mutated document
     */
    static String mutate(String seed, Random rnd, int maxLong) {
        String text = seed;
        int rounds = 1 + rnd.nextInt(3);
        for (int i = 0; i < rounds; i++) {
            String next = mutateOnce(text, rnd, maxLong);
            // the inputs stay below a few megabytes: the harness must not be what runs out of memory
            text = next.length() <= 4 * Math.max(maxLong, 1_000_000) ? next : text;
        }
        return text;
    }

    private static String mutateOnce(String text, Random rnd, int maxLong) {
        List<int[]> values = new ArrayList<>();
        List<int[]> keys = new ArrayList<>();
        scan(text, values, keys);
        switch (rnd.nextInt(16)) {
            case 0, 1: // a scalar replaced by a hostile value (type swaps included)
                return values.isEmpty() ? text : replace(text, pick(values, rnd), hostileValue(rnd, maxLong));
            case 2: { // a member inserted into an object: duplicate or unknown keys
                int at = nth(text, '{', rnd);
                if (at < 0) {
                    return text;
                }
                String member = "\"" + KEYS[rnd.nextInt(KEYS.length)] + "\":" + hostileValue(rnd, maxLong);
                String rest = text.substring(at + 1).stripLeading();
                return text.substring(0, at + 1) + member + (rest.startsWith("}") ? "" : ",") + text.substring(at + 1);
            }
            case 3: // a key renamed
                return keys.isEmpty() ? text : replace(text, pick(keys, rnd), "\"" + KEYS[rnd.nextInt(KEYS.length)]
                        + "\"");
            case 4: // truncation
                return text.isEmpty() ? text : text.substring(0, rnd.nextInt(text.length()));
            case 5: { // random character flips
                StringBuilder sb = new StringBuilder(text);
                for (int k = 1 + rnd.nextInt(3); k > 0 && sb.length() > 0; k--) {
                    int p = rnd.nextInt(sb.length());
                    sb.setCharAt(p, rnd.nextBoolean() ? FLIP_CHARS[rnd.nextInt(FLIP_CHARS.length)]
                            : (char) rnd.nextInt(0x10000));
                }
                return sb.toString();
            }
            case 6: // deep nesting
                return values.isEmpty() ? text : replace(text, pick(values, rnd), nested(rnd));
            case 7: { // a long string
                if (values.isEmpty()) {
                    return text;
                }
                int len = rnd.nextInt(4) == 0 ? maxLong : rnd.nextInt(Math.max(1, maxLong / 10));
                String unit = STRINGS[rnd.nextInt(STRINGS.length)];
                String s = unit.isEmpty() ? "a" : unit;
                return replace(text, pick(values, rnd), "\"" + s.repeat(Math.max(1, len / s.length())) + "\"");
            }
            case 8: { // unicode and escapes inside a string
                List<int[]> strings = values.stream().filter(v -> text.charAt(v[0]) == '"').toList();
                if (strings.isEmpty()) {
                    return text;
                }
                int[] s = pick(strings, rnd);
                String[] bits = {"\\ud800", "\\udc00", "\\u0000", "\\u001f", "\uD800", "\uDC00", "\u0001", "\t",
                    "\ud83d\ude00", "\u2028", "\\ud83d\\ude00", "\\", "\\x", "\\u12"};
                int at = s[0] + 1 + rnd.nextInt(Math.max(1, s[1] - s[0] - 1));
                return text.substring(0, at) + bits[rnd.nextInt(bits.length)] + text.substring(at);
            }
            case 9: { // a chunk duplicated elsewhere
                if (text.length() < 2) {
                    return text;
                }
                int a = rnd.nextInt(text.length());
                int b = Math.min(text.length(), a + 1 + rnd.nextInt(200));
                int at = rnd.nextInt(text.length());
                return text.substring(0, at) + text.substring(a, b) + text.substring(at);
            }
            case 10: // a number replaced by a hostile number
                return values.isEmpty() ? text : replace(text, pick(values, rnd), NUMBERS[rnd.nextInt(NUMBERS.length)]);
            case 11: { // around the document: BOM, whitespace, comments, trailing content, non-JSON literals
                String[] pre = {"\uFEFF", " \n\t", "//c\n", "/*c*/", "", "\u0000", "\uFEFF\uFEFF"};
                String[] post = {"", " ", "}", "]", ",", "x", "{}", "\u0000", " //c"};
                return pre[rnd.nextInt(pre.length)] + text + post[rnd.nextInt(post.length)];
            }
            case 12: { // a value swapped for a non-JSON literal or a case variant of a known word
                if (values.isEmpty()) {
                    return text;
                }
                String[] odd = {"NaN", "Infinity", "-Infinity", "undefined", "'x'", "True", "NULL", "0x10", "+1", "01",
                    ".5", "1.", "\"Selection\"", "\"INCLUDE\"", "\"Include\"", "\"LTE\"", "\" include\""};
                return replace(text, pick(values, rnd), odd[rnd.nextInt(odd.length)]);
            }
            default: // tree edits: key removal, container type swaps, many rules, envelope changes
                return treeEdit(text, rnd, maxLong);
        }
    }

    private static String treeEdit(String text, Random rnd, int maxLong) {
        JsonNode root;
        try {
            root = PLAIN.readTree(text);
        } catch (IOException | RuntimeException e) {
            return text;
        }
        if (root == null) {
            return text;
        }
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        int op = rnd.nextInt(5);
        if (op == 0 && root.isObject() && root.get("rules") instanceof ArrayNode rules && rules.size() > 0) {
            JsonNode r = rules.get(rnd.nextInt(rules.size()));
            int most = Math.min(5000, 4 * Math.max(maxLong, 1_000_000) / Math.max(1, r.toString().length()));
            int copies = 1 + rnd.nextInt(Math.max(1, Math.min(maxLong / 100, most)));
            for (int i = 0; i < copies; i++) {
                JsonNode c = r.deepCopy();
                if (c instanceof ObjectNode o && rnd.nextBoolean()) {
                    o.put("rule-id", Integer.toString(1000 + i));
                }
                rules.add(c);
            }
            return root.toString();
        }
        if (op == 1) {
            return rnd.nextBoolean() ? "[" + text + "]" : PLAIN.getNodeFactory().textNode(text).toString();
        }
        if (containers.isEmpty()) {
            return text;
        }
        JsonNode target = containers.get(rnd.nextInt(containers.size()));
        if (target instanceof ObjectNode o && o.size() > 0) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            String key = names.get(rnd.nextInt(names.size()));
            if (op == 2) {
                o.remove(key);
            } else {
                JsonNode v = o.get(key);
                o.set(key, v.isArray() ? PLAIN.createObjectNode() : v.isObject() ? PLAIN.createArrayNode()
                        : rnd.nextBoolean() ? PLAIN.createArrayNode().add(v) : PLAIN.createObjectNode().set("v", v));
            }
        } else if (target instanceof ArrayNode a && a.size() > 0) {
            int i = rnd.nextInt(a.size());
            if (op == 2) {
                a.remove(i);
            } else {
                a.set(i, a.get(i).isContainerNode() ? PLAIN.getNodeFactory().textNode("x") : PLAIN.createObjectNode());
            }
        }
        return root.toString();
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
                collect(it.next(), out);
            }
        }
    }

    private static String hostileValue(Random rnd, int maxLong) {
        return switch (rnd.nextInt(7)) {
            case 0, 1 -> NUMBERS[rnd.nextInt(NUMBERS.length)];
            case 2, 3 -> "\"" + STRINGS[rnd.nextInt(STRINGS.length)] + "\"";
            case 4 -> List.of("true", "false", "null", "{}", "[]", "[1,\"a\",null]", "{\"a\":{}}").get(rnd.nextInt(7));
            case 5 -> nested(rnd);
            default -> "\"" + "x".repeat(rnd.nextInt(Math.max(1, maxLong))) + "\"";
        };
    }

    private static String nested(Random rnd) {
        int depth = List.of(2, 10, 100, 998, 999, 1000, 1001, 5000).get(rnd.nextInt(8));
        boolean arrays = rnd.nextBoolean();
        return (arrays ? "[" : "{\"a\":").repeat(depth) + "1" + (arrays ? "]" : "}").repeat(depth);
    }

    /** Finds the spans of scalar values (strings, numbers, literals) and of keys, ignoring text inside strings. */
    private static void scan(String t, List<int[]> values, List<int[]> keys) {
        int i = 0;
        int n = t.length();
        while (i < n) {
            char c = t.charAt(i);
            if (c == '"') {
                int j = i + 1;
                while (j < n && t.charAt(j) != '"') {
                    j += t.charAt(j) == '\\' ? 2 : 1;
                }
                int end = Math.min(n, j + 1);
                int k = end;
                while (k < n && Character.isWhitespace(t.charAt(k))) {
                    k++;
                }
                (k < n && t.charAt(k) == ':' ? keys : values).add(new int[] {i, end});
                i = end;
            } else if (c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n') {
                int j = i + 1;
                while (j < n && "0123456789+-.eEtruefalsn".indexOf(t.charAt(j)) >= 0) {
                    j++;
                }
                values.add(new int[] {i, j});
                i = j;
            } else {
                i++;
            }
        }
    }

    private static int[] pick(List<int[]> spans, Random rnd) {
        return spans.get(rnd.nextInt(spans.size()));
    }

    private static String replace(String text, int[] span, String with) {
        return text.substring(0, span[0]) + with + text.substring(span[1]);
    }

    private static int nth(String text, char c, Random rnd) {
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c) {
                count++;
            }
        }
        if (count == 0) {
            return -1;
        }
        int want = rnd.nextInt(count);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == c && want-- == 0) {
                return i;
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------ the contract

    /**
     * Runs every public entry point that takes the text, or what was read from it, and checks the contract: only
     * {@link InvalidTableMappingsException} escapes (with at least one problem), accepted documents round-trip
     * ({@code fromJson(toJson()).equals(m)}) and serialize stably, a document means the same as itself, and a
     * document {@code validate()} finds clean renders its filters as SQL.
     *
     * @param text the input
     * @return what happened
     * @throws Violation when the contract is broken
     */
    static Outcome check(String text) {
        return check(text, new StageTimes());
    }

    /**
     * {@link #check(String)}, adding the time each step takes to {@code t}.
     *
     * @param text the input
     * @param times where the time of each step is added
     * @return what happened
     * @throws Violation when the contract is broken
     */
    static Outcome check(String text, StageTimes times) {
        TableMappings m;
        long parseStart = System.nanoTime();
        try {
            m = TableMappings.fromJsonLenient(text);
            times.add("fromJsonLenient", System.nanoTime() - parseStart);
        } catch (InvalidTableMappingsException e) {
            times.add("fromJsonLenient", System.nanoTime() - parseStart);
            expect(!e.problems().isEmpty() && e.problems().stream().anyMatch(MappingProblem::isError),
                    "typed error without an error", "fromJsonLenient threw without problems");
            stage(times, "strict parse", () -> {
                try {
                    TableMappings.fromJson(text);
                    throw new Violation("strict accepts what lenient rejects", "", null);
                } catch (InvalidTableMappingsException expected) {
                    return null;
                }
            });
            stage(times, "sameMeaning", () -> {
                try {
                    TableMappings.sameMeaning(text, text);
                    throw new Violation("sameMeaning accepts what lenient rejects", "", null);
                } catch (InvalidTableMappingsException expected) {
                    return null;
                }
            });
            return Outcome.UNREADABLE;
        } catch (Violation v) {
            throw v;
        } catch (Throwable t) {
            throw escaped("fromJsonLenient", t);
        }
        List<MappingProblem> problems = stage(times, "validate", m::validate);
        for (MappingProblem p : problems) {
            expect(p.message() != null && !p.message().isBlank(), "blank problem message", p.toString());
        }
        boolean clean = problems.stream().noneMatch(MappingProblem::isError);
        String json = stage(times, "toJson", m::toJson);
        TableMappings again = stage(times, "re-read toJson", () -> TableMappings.fromJsonLenient(json));
        expect(again.equals(m), "round trip: fromJsonLenient(toJson()) differs", json);
        expect(again.toJson().equals(json), "round trip: second toJson differs", json);
        expect(again.hashCode() == m.hashCode(), "round trip: hashCode differs", json);
        String pretty = stage(times, "toPrettyJson", m::toPrettyJson);
        expect(stage(times, "re-read pretty", () -> TableMappings.fromJsonLenient(pretty)).equals(m),
                "round trip: pretty JSON reads back different", pretty);
        expect(stage(times, "sameMeaningAs", () -> m.sameMeaningAs(again)), "not the same meaning as itself", json);
        expect(stage(times, "sameMeaning(text)", () -> TableMappings.sameMeaning(text, json)),
                "sameMeaning(text, toJson()) is false", json);
        expect(stage(times, "changesFrom", () -> m.changesFrom(again)).isEmpty(), "changes from itself", json);
        stage(times, "toString", m::toString);
        stage(times, "toBuilder", () -> m.toBuilder().buildUnvalidated());
        int resolved = 0;
        for (Rule r : m.rules()) {
            stage(times, "rule accessors", () -> {
                r.ruleId();
                r.ruleName();
                r.type();
                r.keys();
                return r.toString();
            });
            Rule single = stage(times, "Rules.fromJson", () -> Rules.fromJson(r.toJson()));
            expect(single.equals(r), "Rules.fromJson(rule.toJson()) differs", r.toJson());
            ObjectLocator l = stage(times, "objectLocator", r::objectLocator);
            // resolve the tables the first rules name (bounded: resolving is linear in the rules per table)
            if (l != null && l.schemaName() != null && l.tableName() != null && resolved++ < 8) {
                resolve(times, m, l.schemaName(), l.tableName(), clean, TableType.TABLE);
            }
        }
        resolve(times, m, "s", "t", clean, TableType.values());
        Outcome strict = stage(times, "strict parse", () -> {
            try {
                TableMappings s = TableMappings.fromJson(text);
                expect(s.equals(m), "fromJson and fromJsonLenient read differently", text);
                TableMappings round = TableMappings.fromJson(s.toJson());
                expect(round.equals(s), "round trip: fromJson(toJson()) differs", s.toJson());
                return Outcome.ACCEPTED;
            } catch (InvalidTableMappingsException e) {
                expect(!e.errors().isEmpty(), "typed error without an error", "fromJson");
                return Outcome.LENIENT_ONLY;
            }
        });
        expect((strict == Outcome.ACCEPTED) == clean, "fromJson disagrees with validate()", problems.toString());
        return strict;
    }

    private static void resolve(StageTimes times, TableMappings m, String schema, String table, boolean clean,
            TableType... types) {
        for (TableType type : types) {
            TableResolution r = stage(times, "resolve", () -> m.resolve(schema, table, type));
            stage(times, "resolution", () -> {
                r.targetSchema();
                r.targetColumn("c");
                r.targetColumn("c", "int4");
                r.columnTransformations("c", null);
                r.addedColumns();
                r.loadOrder();
                r.tableSettings();
                return r.toString();
            });
            for (SqlDialect d : SqlDialect.values()) {
                long sqlStart = System.nanoTime();
                try {
                    r.sqlPredicate(d);
                    times.add("sqlPredicate", System.nanoTime() - sqlStart);
                } catch (InvalidTableMappingsException e) {
                    times.add("sqlPredicate", System.nanoTime() - sqlStart);
                    expect(!clean, "sqlPredicate fails on a document validate() accepts", e.getMessage());
                    expect(!e.problems().isEmpty(), "typed error without problems", "sqlPredicate");
                } catch (Violation v) {
                    throw v;
                } catch (Throwable t) {
                    throw escaped("sqlPredicate", t);
                }
            }
        }
    }

    private interface Step<T> {
        T run();
    }

    /** The time spent in each step of one or more checks, by step name (not thread-safe: one per check). */
    static final class StageTimes {
        private final java.util.Map<String, Long> nanos = new java.util.LinkedHashMap<>();

        void add(String step, long took) {
            nanos.merge(step, took, Long::sum);
        }

        /** @return the step that took longest, or "none" */
        String slowest() {
            return nanos.entrySet().stream().max(java.util.Map.Entry.comparingByValue())
                    .map(java.util.Map.Entry::getKey).orElse("none");
        }

        /** @return the nanoseconds spent in a step, 0 when it did not run */
        long nanos(String step) {
            return nanos.getOrDefault(step, 0L);
        }

        /** @return the steps by time spent, slowest first, as {@code name ms} pairs (at most {@code most}) */
        String top(int most) {
            StringBuilder sb = new StringBuilder();
            nanos.entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(most).forEach(e -> sb.append(sb.length() == 0 ? "" : ", ").append(e.getKey())
                    .append(String.format(java.util.Locale.ROOT, " %.1f ms", e.getValue() / 1e6)));
            return sb.toString();
        }
    }

    private static <T> T stage(StageTimes times, String name, Step<T> step) {
        long start = System.nanoTime();
        try {
            return step.run();
        } catch (Violation v) {
            throw v;
        } catch (InvalidTableMappingsException e) {
            throw new Violation(name + " threw InvalidTableMappingsException on a document already read",
                    firstLine(e.getMessage()), e);
        } catch (Throwable t) {
            throw escaped(name, t);
        } finally {
            times.add(name, System.nanoTime() - start);
        }
    }

    private static Violation escaped(String where, Throwable t) {
        if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError) && !(t instanceof OutOfMemoryError)) {
            throw (VirtualMachineError) t;
        }
        return new Violation(where + " threw " + t.getClass().getName(), String.valueOf(t.getMessage()), t);
    }

    private static void expect(boolean ok, String kind, String detail) {
        if (!ok) {
            throw new Violation(kind, detail.length() > 300 ? detail.substring(0, 300) + "..." : detail, null);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "null";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** @return the violation of the input, if any */
    static Optional<Violation> violation(String text) {
        try {
            check(text);
            return Optional.empty();
        } catch (Violation v) {
            return Optional.of(v);
        }
    }

    // ------------------------------------------------------------------ shrinking

    /**
     * Deletes chunks, then single characters, while the same kind of violation persists (at most {@code budget}
     * checks).
     *
     * @param input a violating input
     * @param kind the violation's kind
     * @param budget the most checks to spend
     * @return a smaller input with the same kind of violation
     */
    static String shrink(String input, String kind, int budget) {
        Predicate<String> fails = s -> violation(s).map(v -> v.kind.equals(kind)).orElse(false);
        String cur = input;
        int checks = 0;
        for (int chunk = Math.max(1, cur.length() / 2); chunk >= 1 && checks < budget; chunk /= 2) {
            boolean progress = true;
            while (progress && checks < budget) {
                progress = false;
                for (int start = 0; start < cur.length() && checks < budget; ) {
                    String cand = cur.substring(0, start) + cur.substring(Math.min(cur.length(), start + chunk));
                    checks++;
                    if (fails.test(cand)) {
                        cur = cand;
                        progress = true;
                    } else {
                        start += chunk;
                    }
                }
            }
        }
        return cur;
    }

    /** @return the text as a Java string literal (quotes, backslashes, control and non-ASCII characters escaped) */
    static String javaLiteral(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    /** @return a literal short enough to print: long runs of one character are shown as {@code "x".repeat(n)} */
    static String javaExpression(String s) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            int j = i;
            while (j < s.length() && s.charAt(j) == s.charAt(i)) {
                j++;
            }
            if (out.length() > 0) {
                out.append(" + ");
            }
            if (j - i >= 20) {
                out.append(javaLiteral(String.valueOf(s.charAt(i)))).append(".repeat(").append(j - i).append(')');
                i = j;
            } else {
                int k = i;
                while (k < s.length()) {
                    int r = k;
                    while (r < s.length() && s.charAt(r) == s.charAt(k)) {
                        r++;
                    }
                    if (r - k >= 20) {
                        break;
                    }
                    k = r;
                }
                out.append(javaLiteral(s.substring(i, k)));
                i = k;
            }
        }
        return out.length() == 0 ? "\"\"" : out.toString();
    }
}
