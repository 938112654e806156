package io.dmskit.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dmskit.mappings.objectmapping.AttributeMapping;
import io.dmskit.mappings.objectmapping.MappingParameters;
import io.dmskit.mappings.objectmapping.ObjectMappingAction;
import io.dmskit.mappings.tablesettings.LobSettings;
import io.dmskit.mappings.tablesettings.ParallelLoad;
import io.dmskit.mappings.transformation.BeforeImageDef;
import io.dmskit.mappings.transformation.DataType;
import io.dmskit.mappings.transformation.PrimaryKeyDef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Property-based round trips over generated mappings of every rule kind. */
class RoundTripProperties {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    // ------------------------------------------------------------------ properties

    @Property(tries = 3000)
    @Label("fromJson(m.toJson()) equals m, and so does the pretty form, for any generated mappings")
    void jsonRoundTripIsLossless(@ForAll("mappings") TableMappings m) {
        TableMappings back = TableMappings.fromJsonLenient(m.toJson());
        assertThat(back).isEqualTo(m);
        assertThat(back.hashCode()).isEqualTo(m.hashCode());
        assertThat(back.toJson()).isEqualTo(m.toJson());
        assertThat(TableMappings.fromJsonLenient(m.toPrettyJson())).isEqualTo(m);
        assertThat(back.sameMeaningAs(m)).isTrue();
        assertThat(m.toJson()).doesNotContain(":null");
    }

    @Property(tries = 2000)
    @Label("what DMS echoes back (shuffled keys and rules, nulls, numbers for digit strings) means the same")
    void echoedFormsMeanTheSame(@ForAll("mappings") TableMappings m, @ForAll long seed) throws Exception {
        JsonNode echoed = echo(MAPPER.readTree(m.toJson()), new Random(seed), "");
        String text = MAPPER.writeValueAsString(echoed);
        assertThat(TableMappings.sameMeaning(m.toJson(), text)).as(text).isTrue();
    }

    @Property(tries = 2000)
    @Label("validation never throws and every problem names a path inside the document")
    void validationIsTotal(@ForAll("mappings") TableMappings m) {
        List<MappingProblem> ps = m.validate();
        assertThat(ps).allSatisfy(p -> {
            assertThat(p.path()).startsWith("$");
            assertThat(p.message()).isNotBlank();
        });
        for (Rule r : m.rules()) {
            ObjectLocator l = r.objectLocator();
            if (l != null && l.schemaName() != null && l.tableName() != null) {
                m.resolve(l.schemaName(), l.tableName()).targetColumn("c");
            }
        }
    }

    @Property(tries = 3000)
    @Label("Wildcards.matches agrees with a regular-expression translation of the pattern")
    void wildcardsAgreeWithRegex(@ForAll("patterns") String pattern, @ForAll("names") String name) {
        assertThat(Wildcards.matches(pattern, name)).as("%s ~ %s", pattern, name)
                .isEqualTo(toRegex(pattern).matcher(name).matches());
    }

    // ------------------------------------------------------------------ echo perturbation

    private static JsonNode echo(JsonNode n, Random rnd, String key) {
        if (n.isObject()) {
            List<String> keys = new ArrayList<>();
            n.fieldNames().forEachRemaining(keys::add);
            Collections.shuffle(keys, rnd);
            ObjectNode out = MAPPER.createObjectNode();
            for (String k : keys) {
                out.set(k, echo(n.get(k), rnd, k));
            }
            String echoedNull = List.of("value", "old-value", "load-order", "tag-set", "before-image-def").get(
                    rnd.nextInt(5)) + (out.has("rule-type") ? "" : "-x");
            if (rnd.nextInt(4) == 0 && !out.has(echoedNull)) {
                out.putNull(echoedNull);
            }
            return out;
        }
        if (n.isArray()) {
            ArrayNode out = MAPPER.createArrayNode();
            List<JsonNode> items = new ArrayList<>();
            n.forEach(items::add);
            if (key.equals("rules")) {
                Collections.shuffle(items, rnd);
            }
            items.forEach(i -> out.add(echo(i, rnd, "")));
            return out;
        }
        if (n.isTextual() && (key.equals("rule-id") || key.equals("load-order") || key.equals("bulk-max-size"))
                && n.asText().matches("[1-9][0-9]{0,8}") && rnd.nextBoolean()) {
            return MAPPER.getNodeFactory().numberNode(Long.parseLong(n.asText()));
        }
        return n;
    }

    private static Pattern toRegex(String p) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '%') {
                sb.append(".*");
            } else if (c == '_') {
                sb.append('.');
            } else if (c == '[' && p.indexOf(']', i + 2) > 0) {
                int close = p.indexOf(']', i + 2);
                String set = p.substring(i + 1, close);
                StringBuilder alternatives = new StringBuilder();
                for (int k = 0; k < set.length(); k++) {
                    char from = set.charAt(k);
                    char to = from;
                    if (k + 2 < set.length() && set.charAt(k + 1) == '-') {
                        to = set.charAt(k + 2);
                        k += 2;
                    }
                    for (char x = from; x <= to; x++) {
                        alternatives.append(alternatives.length() == 0 ? "" : "|").append(Pattern.quote(String.valueOf(x)));
                    }
                }
                sb.append(alternatives.length() == 0 ? "(?!)" : "(?:" + alternatives + ")");
                i = close;
            } else {
                sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(sb.toString(), Pattern.DOTALL);
    }

    @Provide
    Arbitrary<String> patterns() {
        return Arbitraries.strings().withChars("ab_%[]c-").ofMaxLength(8);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withChars("abc_-%[]").ofMaxLength(8);
    }

    // ------------------------------------------------------------------ generators

    private static Arbitrary<String> text() {
        return Arbitraries.strings().withChars("abcXYZ_%$ '\"\\é-01[]{}/").ofMinLength(1).ofMaxLength(10);
    }

    private static Arbitrary<String> optionalText() {
        return text().injectNull(0.3);
    }

    private static Arbitrary<String> ruleId() {
        return Arbitraries.oneOf(Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(9),
                Arbitraries.integers().between(1, 50).map(String::valueOf)).injectNull(0.4);
    }

    private static Arbitrary<ObjectLocator> locator() {
        return Combinators.combine(text(), optionalText(), optionalText(), optionalText(),
                Arbitraries.of("table", "view", "all", "bogus").injectNull(0.6))
                .as((s, t, c, d, tt) -> new ObjectLocator(s, t, tt, c, d, null, null));
    }

    private static Arbitrary<FilterCondition> condition() {
        return Combinators.combine(Arbitraries.of(FilterOperator.values()), text(), text())
                .as((op, a, b) -> switch (op) {
                    case BETWEEN -> FilterCondition.between(a, b);
                    case NOTBETWEEN -> FilterCondition.notBetween(a, b);
                    case NULL -> FilterCondition.isNull();
                    case NOTNULL -> FilterCondition.notNull();
                    default -> FilterCondition.of(op, a);
                });
    }

    private static Arbitrary<Rule> selection() {
        Arbitrary<SourceFilter> filter = Combinators.combine(text(), condition().list().ofMinSize(1).ofMaxSize(3))
                .as((c, cs) -> SourceFilter.on(c, cs.toArray(FilterCondition[]::new)));
        return Combinators.combine(ruleId(), optionalText(), Arbitraries.of(SelectionAction.values()), locator(),
                Arbitraries.integers().between(0, 100).injectNull(0.5), filter.list().ofMaxSize(3))
                .as((id, name, action, loc, lo, filters) -> {
                    SelectionRule.Builder b = SelectionRule.builder().id(id).name(name).action(action).locator(loc)
                            .filters(filters);
                    if (lo != null) {
                        b.loadOrder(lo);
                    }
                    return b.build();
                });
    }

    private static Arbitrary<DataType> dataType() {
        return Combinators.combine(Arbitraries.of("string", "int8", "numeric", "datetime", "wstring"),
                Arbitraries.integers().between(0, 4000).injectNull(0.5),
                Arbitraries.of("0", "7", "", "2024-01-01").injectNull(0.6),
                Arbitraries.integers().between(1, 9999).injectNull(0.5))
                .as(DataType::new);
    }

    private static Arbitrary<Rule> transformation() {
        Arbitrary<TransformationRule.Builder> base = Combinators.combine(ruleId(), optionalText(),
                Arbitraries.of(RuleTarget.values()).injectNull(0.1),
                Arbitraries.of(TransformationAction.values()).injectNull(0.05), locator(), optionalText(),
                optionalText(), optionalText())
                .as((id, name, target, action, loc, value, old, expr) -> TransformationRule.builder().id(id).name(name)
                        .target(target).action(action).locator(loc).value(value).oldValue(old).expression(expr));
        return Combinators.combine(base, dataType().injectNull(0.6),
                Combinators.combine(optionalText(), Arbitraries.of("primary-key", "unique-index").injectNull(0.5),
                        text().list().ofMaxSize(3)).as(PrimaryKeyDef::new).injectNull(0.8),
                Combinators.combine(optionalText(), optionalText(), Arbitraries.of("pk-only", "non-lob", "all")
                        .injectNull(0.3)).as(BeforeImageDef::new).injectNull(0.8))
                .as((b, dt, pk, bi) -> b.dataType(dt).primaryKeyDef(pk).beforeImageDef(bi).build());
    }

    private static Arbitrary<Rule> tableSettings() {
        Arbitrary<ParallelLoad> pl = Arbitraries.oneOf(
                Arbitraries.just(ParallelLoad.partitionsAuto()),
                Arbitraries.just(ParallelLoad.subpartitionsAuto()),
                Arbitraries.just(ParallelLoad.none()),
                text().list().ofMinSize(1).ofMaxSize(3).map(ParallelLoad::partitionsList),
                Combinators.combine(text().list().ofMinSize(1).ofMaxSize(2), text().list().ofMinSize(1).ofMaxSize(2))
                        .as(ParallelLoad::partitionsList),
                Combinators.combine(text().list().ofMinSize(1).ofMaxSize(3),
                        text().list().ofMinSize(1).ofMaxSize(3).list().ofMinSize(1).ofMaxSize(3))
                        .as(ParallelLoad::ranges),
                Combinators.combine(Arbitraries.integers().between(1, 64), Arbitraries.of(true, false),
                        Arbitraries.longs().between(0, 10_000_000L), Arbitraries.longs().between(0, 100_000))
                        .as((n, c, m, b) -> ParallelLoad.partitionsAuto().withNumberOfPartitions(n)
                                .withCollectionCountFromMetadata(c).withMaxRecordsSkipPerPage(m).withBatchSize(b)));
        Arbitrary<LobSettings> lob = Arbitraries.oneOf(Arbitraries.just(LobSettings.unlimited()),
                Arbitraries.just(LobSettings.none()), Arbitraries.longs().between(0, 10_000_000L)
                        .map(LobSettings::limited));
        return Combinators.combine(ruleId(), optionalText(), text(), text(), pl.injectNull(0.3), lob.injectNull(0.5))
                .as((id, name, s, t, p, l) -> TableSettingsRule.builder().id(id).name(name).locator(s, t)
                        .parallelLoad(p).lobSettings(l).build());
    }

    private static Arbitrary<Rule> postProcessing() {
        return Combinators.combine(ruleId(), optionalText(), text(), text(),
                Combinators.combine(text(), text()).as(io.dmskit.mappings.postprocessing.Tag::of).list().ofMaxSize(4))
                .as((id, name, s, t, tags) -> PostProcessingRule.builder().id(id).name(name).locator(s, t)
                        .tagSet(tags).build());
    }

    private static Arbitrary<Rule> objectMapping() {
        Arbitrary<AttributeMapping> am = Arbitraries.oneOf(
                Combinators.combine(text(), text()).as(AttributeMapping::scalarString),
                text().map(n -> AttributeMapping.document(n, "dynamodb-map", "{\"M\":{\"a\":{\"S\":\"${x}\"}}}")));
        Arbitrary<MappingParameters> mp = Combinators.combine(
                Arbitraries.of("schema-table", "primary-key", "attribute-name").injectNull(0.4), optionalText(),
                optionalText(), optionalText(), text().list().ofMaxSize(3), am.list().ofMaxSize(3))
                .as((pkt, pkn, skn, pkv, ex, ams) -> new MappingParameters(pkt, pkn, skn, pkv, ex, ams,
                        pkn == null ? null : "{\"expression\":\"attribute_not_exists(id)\",\"apply-during-cdc\":true}"));
        return Combinators.combine(ruleId(), optionalText(), Arbitraries.of(ObjectMappingAction.values()), text(),
                text(), optionalText(), optionalText(), mp.injectNull(0.3))
                .as((id, name, a, s, t, table, topic, p) -> ObjectMappingRule.builder().id(id).name(name).action(a)
                        .locator(s, t).targetTableName(table).kafkaTargetTopic(topic).mappingParameters(p).build());
    }

    @Provide
    Arbitrary<TableMappings> mappings() {
        Arbitrary<Rule> rule = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, selection()),
                net.jqwik.api.Tuple.of(4, transformation()),
                net.jqwik.api.Tuple.of(2, tableSettings()),
                net.jqwik.api.Tuple.of(1, postProcessing()),
                net.jqwik.api.Tuple.of(1, objectMapping()));
        Arbitrary<String> extraValue = Arbitraries.of("false", "1", "\"null\"", "{\"a\":[1,2.50,\"x\"]}", "1E+5",
                "\"\"");
        Arbitrary<Rule> decorated = Combinators.combine(rule, extraValue.injectNull(0.7)).as((r, extra) -> {
            if (extra == null) {
                return r;
            }
            if (r instanceof SelectionRule s) {
                return s.toBuilder().property("isAutoSegmentationChecked", extra).build();
            }
            if (r instanceof TransformationRule t) {
                return t.toBuilder().property("x-extra", extra).build();
            }
            return r;
        });
        return Combinators.combine(decorated.list().ofMaxSize(8), extraValue.injectNull(0.8))
                .as((rules, top) -> {
                    TableMappings.Builder b = TableMappings.builder().rules(rules);
                    if (top != null) {
                        b.property("x-top", top);
                    }
                    return b.buildUnvalidated();
                });
    }

}
