package io.dmskit.mappings;

import io.dmskit.mappings.internal.Args;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dmskit.mappings.internal.JsonTree;
import io.dmskit.mappings.internal.Nodes;
import io.dmskit.mappings.internal.SourcePositions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An AWS DMS table-mapping document: an immutable, validated list of rules that renders to exactly the JSON DMS
 * expects and reads back any document DMS accepts without losing anything.
 *
 * <pre>{@code
 * import static io.dmskit.mappings.Rules.*;
 *
 * TableMappings m = TableMappings.builder()
 *     .rule(include("ecommerce", "%"))                         // rule 1, "include-ecommerce-all-tables"
 *     .rule(table("%", "%").addPrefix("schema_"))              // rule 2
 *     .build();
 * String json = m.toJson();
 * TableResolution r = m.resolve("ecommerce", "orders");        // included, target ecommerce.schema_orders
 * TableMappings same = TableMappings.fromJson(json);           // same.equals(m)
 * }</pre>
 *
 * <p>Equality is by content: the rules (every key, as written) in order and any extra top-level keys. For "does
 * this mean the same to DMS" use {@link #sameMeaningAs(TableMappings)}.
 *
 * <p><b>Outside text.</b> Every method that reads text ({@link #fromJson}, {@link #fromJsonLenient},
 * {@link #sameMeaning}, {@link Rules#fromJson}, the builders' {@code property(key, json)}) either answers or throws
 * {@link InvalidTableMappingsException}, in time and memory linear in the text. Numbers are kept exactly as written
 * ({@code 1e0} stays {@code 1e0}, {@code 1E2147483648} is kept, never expanded), so
 * {@code fromJson(m.toJson()).equals(m)} holds for every accepted document. A rule-id written as a JSON integer
 * ({@code 6}) is kept as the digit string {@code "6"}; one written as any other number ({@code 0e0}, {@code 1.5},
 * {@code -1}) is kept as written and reported by {@link #validate()} as an error (not a digit string).
 *
 * <p><b>Documents read leniently.</b> A document from {@link #fromJsonLenient(String)} may hold anything
 * {@link #validate()} reports (unknown rule types, actions or filter operators, missing keys, empty names). Such a
 * document can do everything except render SQL it does not understand: {@link #toJson()}, {@link #validate()},
 * {@link #equals}, {@link #toString()}, {@link #sameMeaningAs}, {@link #changesFrom}, {@link #resolve} and every
 * method of the {@link TableResolution} it returns answer without throwing (a rule with an unknown or missing action
 * selects or transforms nothing); only {@link TableResolution#sqlPredicate(SqlDialect)} throws
 * {@link InvalidTableMappingsException} when a filter of the table cannot be rendered (unknown operator such as
 * {@code "like"}, no column-name, missing value). Use {@link #fromJson(String)} to get only documents that can do
 * everything.
 */
public final class TableMappings {
    private final List<Rule> rules;
    private final ObjectNode extras;
    private final transient SourcePositions positions;
    private final transient List<MappingProblem> parseWarnings;
    /** Cache of {@link #toJson()}: derived from immutable state, so racing writers store equal strings. */
    private transient volatile String compactJson;

    private TableMappings(List<Rule> rules, ObjectNode extras, SourcePositions positions,
                          List<MappingProblem> parseWarnings) {
        this.rules = List.copyOf(rules);
        this.extras = extras;
        this.positions = positions;
        this.parseWarnings = List.copyOf(parseWarnings);
    }

    /** {@return an empty builder} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a table-mapping document and validates it.
     *
     * @param json the document text (as passed to DMS, or as DMS echoes it back)
     * @return the mappings
     * @throws InvalidTableMappingsException when the text is not JSON, not a table-mapping document, or has any
     *     problem of severity ERROR; {@link InvalidTableMappingsException#problems()} lists them all
     */
    public static TableMappings fromJson(String json) {
        TableMappings m = read(json);
        List<MappingProblem> problems = m.validate();
        if (problems.stream().anyMatch(MappingProblem::isError)) {
            throw new InvalidTableMappingsException(problems);
        }
        return m;
    }

    /**
     * Reads a document without rejecting rule-level errors, for tools that want to inspect or repair a broken
     * document; call {@link #validate()} to see the problems. What such a document can and cannot do is defined in
     * the class documentation ("Documents read leniently"): everything answers except
     * {@link TableResolution#sqlPredicate(SqlDialect)} for filters it cannot render.
     *
     * @param json the document text
     * @return the mappings, possibly invalid
     * @throws InvalidTableMappingsException when the text is not JSON or not a {@code {"rules": [...]}} document
     */
    public static TableMappings fromJsonLenient(String json) {
        return read(json);
    }

    private static TableMappings read(String json) {
        JsonTree.Parsed parsed = JsonTree.parse(json);
        if (!parsed.ok()) {
            throw new InvalidTableMappingsException(List.of(new MappingProblem(Severity.ERROR, null, null, "$",
                    parsed.error(), parsed.line(), parsed.column())));
        }
        SourcePositions pos = parsed.positions();
        JsonNode root = parsed.root();
        List<MappingProblem> warnings = new ArrayList<>();
        for (String[] d : parsed.duplicateKeys()) {
            warnings.add(new MappingProblem(Severity.WARNING, null, null, "$", "The key \"" + d[0] + "\" appears twice "
                    + "in one object; only the last value counts. Remove the duplicate.", Integer.parseInt(d[1]),
                    Integer.parseInt(d[2])));
        }
        if (!root.isObject()) {
            int[] p = pos.of(root);
            String hint = root.isArray() && root.size() > 0 && root.get(0).has("rule-type")
                    ? " It is an array of rules: wrap it as {\"rules\": [ ... ]}."
                    : root.isTextual() && root.asText().trim().startsWith("{")
                    ? " It is a JSON string holding a document (escaped, as in a CloudFormation template): pass the "
                            + "unescaped text."
                    : "";
            throw new InvalidTableMappingsException(List.of(new MappingProblem(Severity.ERROR, null, null, "$",
                    "A table-mapping document must be a JSON object {\"rules\": [ ... ]}; found a "
                            + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + "." + hint, p[0], p[1])));
        }
        ObjectNode obj = (ObjectNode) root;
        JsonNode rulesNode = obj.get("rules");
        if (rulesNode == null) {
            throw new InvalidTableMappingsException(envelopeProblems(obj, pos));
        }
        if (!rulesNode.isArray()) {
            int[] p = pos.of(obj, "rules");
            throw new InvalidTableMappingsException(List.of(new MappingProblem(Severity.ERROR, null, null, "$.rules",
                    "\"rules\" must be a JSON array of rule objects; found " + rulesNode.getNodeType().name()
                            .toLowerCase(java.util.Locale.ROOT) + ".", p[0], p[1])));
        }
        List<Rule> rules = new ArrayList<>(rulesNode.size());
        List<MappingProblem> fatal = new ArrayList<>();
        for (int i = 0; i < rulesNode.size(); i++) {
            JsonNode r = rulesNode.get(i);
            if (!r.isObject()) {
                int[] p = pos.of(rulesNode);
                fatal.add(new MappingProblem(Severity.ERROR, null, null, "$.rules[" + i + "]", "Rule #" + (i + 1)
                        + " is not a JSON object (found " + r + "); every rule is an object with rule-type, rule-id, "
                        + "rule-name, object-locator and rule-action.", p[0], p[1]));
                continue;
            }
            rules.add(ruleOf(textIds((ObjectNode) r)));
        }
        if (!fatal.isEmpty()) {
            throw new InvalidTableMappingsException(fatal);
        }
        // the members other than "rules", sharing the parsed nodes: a deep copy of the document would double the
        // memory a large unknown member costs (nothing mutates the parsed tree after this)
        ObjectNode extras = Nodes.object();
        obj.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("rules")) {
                extras.set(f.getKey(), f.getValue());
            }
        });
        return new TableMappings(rules, extras, pos, warnings);
    }

    /**
     * Rule-ids are written as digit strings (what DMS documents); a JSON number of digits only ({@code 6}, {@code 0})
     * becomes the digit string of exactly those digits. Any other number ({@code 0e0}, {@code 1.5}, {@code -1}) is
     * kept as written (validation reports it), so a second round trip changes nothing. Rule-names keep their JSON
     * type (a number stays a number) and read as text.
     */
    static ObjectNode textIds(ObjectNode r) {
        JsonNode v = r.get("rule-id");
        if (v != null && v.isNumber() && Nodes.isDigits(v.asText())) {
            r.put("rule-id", v.asText());
        }
        return r;
    }

    /** Reads one rule object: the seam {@link Rules#fromJson(String)} uses to reach the JSON reader. */
    static Rule readRule(String ruleJson) {
        JsonTree.Parsed p = JsonTree.parse(ruleJson);
        if (!p.ok() || !p.root().isObject()) {
            throw new InvalidTableMappingsException(List.of(new MappingProblem(Severity.ERROR, null, null, "$",
                    p.ok() ? "A rule must be a JSON object with rule-type, rule-id, rule-name, object-locator "
                    + "and rule-action." : p.error(), p.line(), p.column())));
        }
        return ruleOf(textIds((ObjectNode) p.root()));
    }

    static Rule ruleOf(ObjectNode n) {
        String type = Nodes.text(n, "rule-type");
        RuleType t = RuleType.fromWire(type).orElse(null);
        if (t == null) {
            return new UnknownRule(n);
        }
        return switch (t) {
            case SELECTION -> new SelectionRule(n);
            case TRANSFORMATION -> new TransformationRule(n);
            case TABLE_SETTINGS -> new TableSettingsRule(n);
            case POST_PROCESSING -> new PostProcessingRule(n);
            case OBJECT_MAPPING -> new ObjectMappingRule(n);
        };
    }

    private static List<MappingProblem> envelopeProblems(ObjectNode obj, SourcePositions pos) {
        List<MappingProblem> out = new ArrayList<>();
        if (obj.has("rule-type")) {
            Rule bare = ruleOf(textIds(obj.deepCopy()));
            int[] p = pos.of(obj);
            out.add(new MappingProblem(Severity.ERROR, bare.ruleId(), bare.ruleName(), "$", "This is a single rule "
                    + "(rule-id " + bare.ruleId() + "), not a table-mapping document. Wrap it as {\"rules\": [ ... ]} "
                    + "and add a selection rule.", p[0], p[1]));
            out.addAll(Validator.validateBareRule(ruleOf(textIds(obj)), pos));
            return out;
        }
        JsonNode legacy = obj.get("TableMappings");
        if (legacy != null) {
            if (legacy.isArray() && legacy.size() > 0) {
                for (int i = 0; i < legacy.size(); i++) {
                    JsonNode e = legacy.get(i);
                    int[] p = pos.of(e);
                    String action = Nodes.text(e, "Type") == null ? "include"
                            : Nodes.text(e, "Type").toLowerCase(java.util.Locale.ROOT);
                    out.add(new MappingProblem(Severity.ERROR, null, "TableMappings[" + i + "]",
                            "$.TableMappings[" + i + "]", "Legacy pre-2016 mapping entry (Type/SourceSchema/SourceTable)"
                            + "; DMS answers \"Invalid Table Mappings document\". Rewrite it as a selection rule: "
                            + "{\"rule-type\": \"selection\", \"rule-id\": \"" + (i + 1) + "\", \"rule-name\": \""
                            + (i + 1) + "\", \"object-locator\": {\"schema-name\": \""
                            + Nodes.text(e, "SourceSchema") + "\", \"table-name\": \"" + Nodes.text(e, "SourceTable")
                            + "\"}, \"rule-action\": \"" + action + "\"} inside {\"rules\": [ ... ]}.", p[0], p[1]));
                }
                return out;
            }
            int[] p = pos.of(obj, "TableMappings");
            out.add(new MappingProblem(Severity.ERROR, null, null, "$.TableMappings", "Legacy pre-2016 mapping format "
                    + "\"TableMappings\"; DMS needs {\"rules\": [ ... ]} with selection rules.", p[0], p[1]));
            return out;
        }
        int[] p = pos.of(obj);
        List<String> keys = new ArrayList<>();
        obj.fieldNames().forEachRemaining(keys::add);
        out.add(new MappingProblem(Severity.ERROR, null, null, "$", "The document has no \"rules\" array (its keys "
                + "are " + keys + "). A table-mapping document is {\"rules\": [ ... ]} with at least one selection "
                + "rule.", p[0], p[1]));
        return out;
    }

    /** {@return compact JSON exactly as DMS expects it: kebab-case keys, rule-ids as digit strings, no nulls} */
    public String toJson() {
        String json = compactJson;
        if (json == null) {
            json = JsonTree.write(tree());
            compactJson = json;
        }
        return json;
    }

    /** {@return the same JSON indented for people} */
    public String toPrettyJson() {
        return JsonTree.writePretty(tree());
    }

    private ObjectNode tree() {
        ObjectNode root = Nodes.object();
        ArrayNode a = root.putArray("rules");
        for (Rule r : rules) {
            a.add(AbstractRule.nodeOf(r));
        }
        root.setAll(extras);
        return root;
    }

    /**
     * Checks everything DMS would reject that can be known offline, and suspicious but accepted constructs.
     *
     * @return every problem (errors and warnings), empty when the mappings are clean
     */
    public List<MappingProblem> validate() {
        List<MappingProblem> out = new ArrayList<>(parseWarnings);
        out.addAll(Validator.validate(this, positions, toJson()));
        return List.copyOf(out);
    }

    /** {@return the rules in document order} */
    public List<Rule> rules() {
        return rules;
    }

    /**
     * {@return the rules of that type, in document order}
     *
     * @param type a rule class such as {@code SelectionRule.class}
     * @param <R> the rule type
     */
    public <R extends Rule> List<R> rules(Class<R> type) {
        Args.required(type, "TableMappings.rules: type");
        return rules.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * {@return the first rule with that id}
     *
     * @param ruleId a rule-id (compared as written, then numerically)
     */
    public Optional<Rule> rule(String ruleId) {
        Optional<Rule> exact = rules.stream().filter(r -> Objects.equals(r.ruleId(), ruleId)).findFirst();
        if (exact.isPresent() || !Nodes.isDigits(ruleId)) {
            return exact;
        }
        return rules.stream().filter(r -> Nodes.isDigits(r.ruleId()) && RuleIds.ORDER.compare(
                Nodes.stripLeadingZeros(r.ruleId()), Nodes.stripLeadingZeros(ruleId)) == 0).findFirst();
    }

    /**
     * {@return its value as compact JSON, empty when absent}
     *
     * @param key a top-level key other than {@code rules}
     */
    public Optional<String> property(String key) {
        JsonNode v = extras.get(key);
        return v == null ? Optional.empty() : Optional.of(JsonTree.write(v));
    }

    /** {@return a builder holding these rules and top-level keys} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.rules.addAll(rules);
        b.extras.setAll(extras.deepCopy());
        return b;
    }

    /**
     * Resolves a source table (of type table) against the selection and transformation rules.
     *
     * @param sourceSchema the source schema, exactly (case-sensitive)
     * @param sourceTable the source table, exactly
     * @return whether it is replicated and under which name
     */
    public TableResolution resolve(String sourceSchema, String sourceTable) {
        return resolve(sourceSchema, sourceTable, TableType.TABLE);
    }

    /**
     * {@return whether it is replicated and under which name}
     *
     * @param sourceSchema the source schema
     * @param sourceTable the source table or view
     * @param objectType {@link TableType#TABLE} or {@link TableType#VIEW} (selection rules match by table-type)
     */
    public TableResolution resolve(String sourceSchema, String sourceTable, TableType objectType) {
        Args.required(sourceSchema, "TableMappings: sourceSchema");
        Args.required(sourceTable, "TableMappings: sourceTable");
        return Resolver.resolve(rules, sourceSchema, sourceTable, objectType == null ? TableType.TABLE : objectType);
    }

    /**
     * Whether two mappings mean the same to DMS: ignores key order, rule order, echoed nulls, empty arrays, numbers
     * written as strings, leading zeros in rule-ids, the legacy {@code ste} operator and default values. Numbers
     * compare by value however written ({@code 1e0}, {@code 1.0} and {@code 1} are equal), in time linear in their
     * text: an exponent is never expanded.
     *
     * @param other other mappings
     * @return true when equivalent
     */
    public boolean sameMeaningAs(TableMappings other) {
        return other != null && Canonical.rules(rules).equals(Canonical.rules(other.rules))
                && Canonical.node(extras).equals(Canonical.node(other.extras));
    }

    /**
     * {@return whether they mean the same (see {@link #sameMeaningAs(TableMappings)})}
     *
     * @param jsonA a table-mapping document
     * @param jsonB another
     * @throws InvalidTableMappingsException when either is not a readable table-mapping document
     */
    public static boolean sameMeaning(String jsonA, String jsonB) {
        return fromJsonLenient(jsonA).sameMeaningAs(fromJsonLenient(jsonB));
    }

    /**
     * Rule-level differences from older mappings (for example what DMS returns for a task), matching rules by
     * rule-id (numerically when digits). Use it to explain why {@link #sameMeaningAs(TableMappings)} is false.
     * Pairing by rule-id makes an inserted rule look like a change of every later rule: to show a change to a person,
     * use {@link #diffFrom(TableMappings)}, which aligns rules by meaning.
     *
     * @param before the older mappings
     * @return added, removed and changed rules in rule-id order, empty when both mean the same rule by rule
     */
    public List<MappingChange> changesFrom(TableMappings before) {
        Args.required(before, "TableMappings: before");
        java.util.Map<String, Rule> old = byIdKey(before.rules);
        java.util.Map<String, Rule> now = byIdKey(rules);
        List<MappingChange> out = new ArrayList<>();
        for (java.util.Map.Entry<String, Rule> e : now.entrySet()) {
            Rule r = e.getValue();
            Rule o = old.get(e.getKey());
            if (o == null) {
                out.add(new MappingChange(MappingChange.Kind.ADDED, r.ruleId(), r.ruleName(), r.ruleType()));
            } else {
                String detail = Canonical.describeDifference(AbstractRule.nodeOf(o), AbstractRule.nodeOf(r));
                if (detail != null) {
                    out.add(new MappingChange(MappingChange.Kind.CHANGED, r.ruleId(), r.ruleName(), detail));
                }
            }
        }
        for (java.util.Map.Entry<String, Rule> e : old.entrySet()) {
            if (!now.containsKey(e.getKey())) {
                Rule r = e.getValue();
                out.add(new MappingChange(MappingChange.Kind.REMOVED, r.ruleId(), r.ruleName(), r.ruleType()));
            }
        }
        out.sort(java.util.Comparator.comparing(MappingChange::ruleId, java.util.Comparator.nullsLast(RuleIds.ORDER)));
        return List.copyOf(out);
    }

    /**
     * What changed since older mappings, rule by rule, aligned by meaning rather than by rule-id: inserted, removed,
     * moved and changed rules, each change listing only the fields that differ. See {@link MappingDiff}.
     *
     * <pre>{@code
     * MappingDiff diff = desired.diffFrom(deployed);
     * if (!diff.isEmpty()) {
     *     diff.lines().forEach(System.out::println);   // + rule 3 'exclude-shop-audit': {...}
     * }
     * }</pre>
     *
     * @param before the older mappings (for example what DMS reports for a task)
     * @return the differences, empty when both mean the same (renumbered rule-ids alone are no change)
     */
    public MappingDiff diffFrom(TableMappings before) {
        return MappingDiff.between(before, this);
    }

    /** {@return the document's keys besides {@code rules} (never mutated)} */
    ObjectNode extrasNode() {
        return extras;
    }

    /** Rules by rule-id (numerically when digits); rules without an id (lenient documents) pair by position. */
    private static java.util.Map<String, Rule> byIdKey(List<Rule> rules) {
        java.util.Map<String, Rule> out = new java.util.LinkedHashMap<>();
        int withoutId = 0;
        for (Rule r : rules) {
            String id = r.ruleId();
            String key = id == null ? "\u0000" + withoutId++ : Nodes.isDigits(id) ? Nodes.stripLeadingZeros(id) : id;
            out.putIfAbsent(key, r);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableMappings t && t.rules.equals(rules) && t.extras.equals(extras);
    }

    @Override
    public int hashCode() {
        return rules.hashCode() * 31 + extras.hashCode();
    }

    @Override
    public String toString() {
        return "TableMappings" + toJson();
    }

    /**
     * Builder of {@link TableMappings}. Rules keep declaration order; rules without a rule-id get the next free
     * number in declaration order, rules without a name get a readable derived one.
     */
    public static final class Builder {
        private final List<Rule> rules = new ArrayList<>();
        private final ObjectNode extras = Nodes.object();
        /** Null arguments, reported by build() with the document's problems (setters never throw for them). */
        private final List<MappingProblem> pending = new ArrayList<>();

        private Builder pending(String message) {
            pending.add(new MappingProblem(Severity.ERROR, null, null, "$.rules[" + rules.size() + "]", message, -1,
                    -1));
            return this;
        }

        private Builder() {
        }

        /**
         * Sets {@code rule}: a rule.
         *
         * @param rule a rule
         * @return this builder
         */
        public Builder rule(Rule rule) {
            if (rule == null) {
                return pending("TableMappings.Builder.rule(rule): the rule is null; leave it out instead.");
            }
            rules.add(rule);
            return this;
        }

        /**
         * Sets {@code rule}: a rule builder, built now.
         *
         * @param rule a rule builder, built now
         * @return this builder
         */
        public Builder rule(Rule.Builder<?> rule) {
            if (rule == null) {
                return pending("TableMappings.Builder.rule(builder): the rule builder is null; leave it out instead.");
            }
            return rule(rule.build());
        }

        /**
         * Sets {@code rules}: rules to append.
         *
         * @param more rules to append
         * @return this builder
         */
        public Builder rules(Collection<? extends Rule> more) {
            if (more == null) {
                return pending("TableMappings.Builder.rules(more): the collection is null; pass an empty one.");
            }
            more.forEach(this::rule);
            return this;
        }

        /** {@return this builder without rules} */
        public Builder clearRules() {
            rules.clear();
            return this;
        }

        /**
         * Sets {@code selection}: configures a new selection rule.
         *
         * @param spec configures a new selection rule
         * @return this builder
         */
        public Builder selection(Consumer<SelectionRule.Builder> spec) {
            if (spec == null) {
                return pending("TableMappings.Builder: the SelectionRule spec is null.");
            }
            SelectionRule.Builder b = SelectionRule.builder();
            spec.accept(b);
            return rule(b);
        }

        /**
         * Sets {@code transformation}: configures a new transformation rule.
         *
         * @param spec configures a new transformation rule
         * @return this builder
         */
        public Builder transformation(Consumer<TransformationRule.Builder> spec) {
            if (spec == null) {
                return pending("TableMappings.Builder: the TransformationRule spec is null.");
            }
            TransformationRule.Builder b = TransformationRule.builder();
            spec.accept(b);
            return rule(b);
        }

        /**
         * Sets {@code tableSettings}: configures a new table-settings rule.
         *
         * @param spec configures a new table-settings rule
         * @return this builder
         */
        public Builder tableSettings(Consumer<TableSettingsRule.Builder> spec) {
            if (spec == null) {
                return pending("TableMappings.Builder: the TableSettingsRule spec is null.");
            }
            TableSettingsRule.Builder b = TableSettingsRule.builder();
            spec.accept(b);
            return rule(b);
        }

        /**
         * Sets {@code postProcessing}: configures a new post-processing rule.
         *
         * @param spec configures a new post-processing rule
         * @return this builder
         */
        public Builder postProcessing(Consumer<PostProcessingRule.Builder> spec) {
            if (spec == null) {
                return pending("TableMappings.Builder: the PostProcessingRule spec is null.");
            }
            PostProcessingRule.Builder b = PostProcessingRule.builder();
            spec.accept(b);
            return rule(b);
        }

        /**
         * Sets {@code objectMapping}: configures a new object-mapping rule.
         *
         * @param spec configures a new object-mapping rule
         * @return this builder
         */
        public Builder objectMapping(Consumer<ObjectMappingRule.Builder> spec) {
            if (spec == null) {
                return pending("TableMappings.Builder: the ObjectMappingRule spec is null.");
            }
            ObjectMappingRule.Builder b = ObjectMappingRule.builder();
            spec.accept(b);
            return rule(b);
        }

        /**
         * Sets {@code property}: a top-level key other than {@code rules}.
         *
         * @param key a top-level key other than {@code rules}
         * @param json its JSON value; null removes it
         * @return this builder
         * @throws InvalidTableMappingsException when {@code json} is not one JSON value
         */
        public Builder property(String key, String json) {
            if (key == null) {
                return pending("TableMappings.Builder.property(key, json): key is null.");
            }
            if ("rules".equals(key)) {
                throw Args.invalid("\"rules\" is not a property; add rules with rule(...)");
            }
            if (json == null) {
                extras.remove(key);
            } else {
                extras.set(key, Codec.jsonValue(json));
            }
            return this;
        }

        /**
         * Assigns missing ids and names, then validates.
         *
         * @return the mappings
         * @throws InvalidTableMappingsException listing every error (and warning) when any error is found
         */
        public TableMappings build() {
            TableMappings m = buildUnvalidated();
            List<MappingProblem> problems = new ArrayList<>(pending);
            problems.addAll(m.validate());
            if (problems.stream().anyMatch(MappingProblem::isError)) {
                throw new InvalidTableMappingsException(problems);
            }
            return m;
        }

        /**
         * Assigns missing ids and names without validating (for tests and repair tools).
         *
         * @return the mappings, possibly invalid
         */
        public TableMappings buildUnvalidated() {
            Set<String> usedIds = new HashSet<>();
            Set<String> usedNames = new HashSet<>();
            for (Rule r : rules) {
                if (r.ruleId() != null) {
                    usedIds.add(normalize(r.ruleId()));
                }
                if (r.ruleName() != null) {
                    usedNames.add(r.ruleName());
                }
            }
            List<Rule> out = new ArrayList<>(rules.size());
            long next = 1;
            for (Rule r : rules) {
                Rule x = r;
                if (x.ruleId() == null) {
                    while (usedIds.contains(Long.toString(next))) {
                        next++;
                    }
                    usedIds.add(Long.toString(next));
                    x = x.withRuleId(Long.toString(next));
                }
                if (x.ruleName() == null) {
                    String name = RuleNames.derive(x);
                    if (usedNames.contains(name)) {
                        name = name + "-" + x.ruleId();
                    }
                    usedNames.add(name);
                    x = x.withRuleName(name);
                }
                out.add(rekey(x));
            }
            return new TableMappings(out, extras.deepCopy(), SourcePositions.NONE, List.of());
        }

        private static Rule rekey(Rule r) {
            return ruleOf(Nodes.reorder(AbstractRule.nodeOf(r), Codec.RULE_KEY_ORDER));
        }

        private static String normalize(String id) {
            return Nodes.isDigits(id) ? Nodes.stripLeadingZeros(id) : id;
        }
    }
}
