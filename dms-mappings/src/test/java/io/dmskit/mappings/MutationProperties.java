package io.dmskit.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;

/**
 * Damaged documents (keys removed, values of the wrong JSON type, text cut off) never escape as anything but
 * {@link InvalidTableMappingsException}: no NullPointerException, ClassCastException or parser trace.
 */
class MutationProperties {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final List<JsonNode> SEEDS = new ArrayList<>();

    static {
        try {
            SEEDS.add(MAPPER.readTree(RoundTripTest.fixture("console-export.json")));
            SEEDS.add(MAPPER.readTree(RoundTripTest.fixture("configuration-guide-step4.json")));
            SEEDS.add(MAPPER.readTree(RoundTripTest.fixture("all-rule-kinds.json")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Property(tries = 1500)
    @Label("a damaged document is read, or rejected with problems; never another exception")
    void damagedDocumentsFailCleanly(@ForAll long seed) {
        Random rnd = new Random(seed);
        JsonNode doc = SEEDS.get(rnd.nextInt(SEEDS.size())).deepCopy();
        int mutations = 1 + rnd.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            mutate(doc, rnd);
        }
        String text = doc.toString();
        if (rnd.nextInt(10) == 0) {
            text = text.substring(0, rnd.nextInt(text.length()));
        }
        exercise(text);
    }

    static void exercise(String text) {
        try {
            TableMappings m = TableMappings.fromJsonLenient(text);
            List<MappingProblem> problems = m.validate();
            assertThat(problems).allSatisfy(p -> assertThat(p.message()).isNotBlank());
            assertThat(TableMappings.fromJsonLenient(m.toJson())).isEqualTo(m);
            assertLossless(text, m);
            m.sameMeaningAs(m);
            for (Rule r : m.rules()) {
                ObjectLocator l = r.objectLocator();
                r.ruleName();
                if (l != null && l.schemaName() != null && l.tableName() != null) {
                    TableResolution res = m.resolve(l.schemaName(), l.tableName());
                    res.targetColumn("c");
                    res.addedColumns();
                    if (problems.stream().noneMatch(MappingProblem::isError)) {
                        res.sqlPredicate(SqlDialect.POSTGRESQL);
                    }
                }
            }
            try {
                TableMappings.fromJson(text);
            } catch (InvalidTableMappingsException e) {
                assertThat(e.problems()).anyMatch(MappingProblem::isError);
            }
        } catch (InvalidTableMappingsException e) {
            assertThat(e.problems()).isNotEmpty();
            assertThat(e.getMessage()).doesNotContain("Source:");
        }
    }

    /**
     * The output equals the input as a tree, except for dropped nulls and rule-ids written as JSON integers of digits
     * only, which become digit strings (other numbers such as -9 are kept as written and reported by validate()).
     */
    private static void assertLossless(String text, TableMappings m) {
        JsonNode expected = JsonAssert.tree(text);
        for (JsonNode rule : expected.get("rules")) {
            JsonNode id = rule.get("rule-id");
            if (id != null && id.isIntegralNumber() && id.asText().matches("[0-9]+")) {
                ((ObjectNode) rule).put("rule-id", id.asText());
            }
        }
        assertThat(JsonAssert.tree(m.toJson())).isEqualTo(expected);
    }

    private static void mutate(JsonNode root, Random rnd) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode target = containers.get(rnd.nextInt(containers.size()));
        if (target instanceof ObjectNode o && o.size() > 0) {
            List<String> keys = new ArrayList<>();
            o.fieldNames().forEachRemaining(keys::add);
            String key = keys.get(rnd.nextInt(keys.size()));
            if (rnd.nextInt(3) == 0) {
                o.remove(key);
            } else {
                o.set(key, randomValue(rnd));
            }
        } else if (target instanceof ArrayNode a && a.size() > 0) {
            int i = rnd.nextInt(a.size());
            if (rnd.nextBoolean()) {
                a.remove(i);
            } else {
                a.set(i, randomValue(rnd));
            }
        }
    }

    private static JsonNode randomValue(Random rnd) {
        switch (rnd.nextInt(8)) {
            case 0: return F.nullNode();
            case 1: return F.numberNode(rnd.nextInt(100) - 10);
            case 2: return F.textNode(List.of("%", "", "null", "x_y", "include", "column", "ste", "1.5").get(rnd.nextInt(8)));
            case 3: return F.booleanNode(rnd.nextBoolean());
            case 4: return F.arrayNode().add("a").add(F.objectNode());
            case 5: return F.objectNode().put("type", "ranges");
            case 6: return F.numberNode(1.5e3);
            default: return F.arrayNode();
        }
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            n.forEach(c -> collect(c, out));
        }
    }
}
