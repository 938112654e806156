package io.dmskit.mappings;

import static io.dmskit.mappings.Rules.exclude;
import static io.dmskit.mappings.Rules.include;
import static io.dmskit.mappings.Rules.table;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RoundTripTest {

    static String fixture(String name) throws IOException {
        try (InputStream in = RoundTripTest.class.getResourceAsStream("/mappings/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    @DisplayName("rule-ids keep their text: leading zeros kept, numbers and zero become digit strings; names keep type")
    void ruleIdsAsWritten() {
        TableMappings m = TableMappings.fromJson("""
            {"rules":[
              {"rule-type":"selection","rule-id":"015552122","rule-name":"a",
               "object-locator":{"schema-name":"dbo","table-name":"x"},"rule-action":"include"},
              {"rule-type":"selection","rule-id":6,"rule-name":7,
               "object-locator":{"schema-name":"dbo","table-name":"y"},"rule-action":"include"},
              {"rule-type":"selection","rule-id":0,"rule-name":"zero",
               "object-locator":{"schema-name":"dbo","table-name":"z"},"rule-action":"include"}]}""");
        assertThat(m.rules()).extracting(Rule::ruleId).containsExactly("015552122", "6", "0");
        assertThat(m.rules().get(1).ruleName()).isEqualTo("7");
        assertThat(m.toJson()).contains("\"rule-id\":\"015552122\"").contains("\"rule-id\":\"6\"")
                .contains("\"rule-id\":\"0\"").contains("\"rule-name\":7");
        assertThat(TableMappings.fromJson(m.toJson())).isEqualTo(m);
        assertThat(m.rule("15552122")).contains(m.rules().get(0));
    }

    @Test
    @DisplayName("console quirks survive: unknown keys, \"null\" strings, numbers as strings, empty scale")
    void consoleQuirks() throws IOException {
        String json = fixture("console-export.json");
        TableMappings m = TableMappings.fromJson(json);
        String out = m.toJson();
        assertThat(out).contains("\"isAutoSegmentationChecked\":false")
                .contains("\"load-order\":\"1\"")
                .contains("\"value\":\"null\"")
                .contains("\"length\":\"1\"")
                .contains("\"scale\":\"\"")
                .contains("\"precision\":38")
                .contains("\"x-generated-by\":\"console\"")
                .doesNotContain("\"parallel-load\"")
                .doesNotContain(":null");
        assertThat(m.rules().get(0).property("isAutoSegmentationChecked")).contains("false");
        assertThat(m.property("x-generated-by")).contains("\"console\"");
        assertThat(((SelectionRule) m.rules().get(0)).loadOrder()).hasValue(1);
        TransformationRule add = (TransformationRule) m.rules().get(1);
        assertThat(add.dataType().orElseThrow().length()).isEqualTo(1);
        assertThat(add.dataType().orElseThrow().scale()).isEmpty();
        assertThat(TableMappings.fromJson(out)).isEqualTo(m);
        assertThat(TableMappings.sameMeaning(json, out)).isTrue();
    }

    @Test
    @DisplayName("a document with every rule kind is clean, typed accessors read it, and it resolves")
    void allRuleKinds() throws IOException {
        TableMappings m = TableMappings.fromJson(fixture("all-rule-kinds.json"));
        assertThat(m.validate()).isEmpty();
        assertThat(m.rules(SelectionRule.class)).hasSize(3);
        assertThat(m.rules(TransformationRule.class)).hasSize(7);
        assertThat(m.rules(TableSettingsRule.class).get(0).lobSettings().orElseThrow().bulkMaxSize()).isEqualTo(64L);
        assertThat(m.rules(ObjectMappingRule.class).get(0).mappingParameters().orElseThrow()
                .conditionExpressionJson()).contains("attribute_not_exists");
        TableResolution r = m.resolve("hr", "tbl_employees");
        assertThat(r.included()).isTrue();
        assertThat(r.targetSchema()).isEqualTo("people");
        assertThat(r.targetTable()).isEqualTo("t_employees");
        assertThat(r.addedColumns()).extracting(AddedColumn::name).containsExactly("op");
        assertThat(m.resolve("hr", "tmp_x").included()).isFalse();
        assertThat(m.resolve("hr", "employees").sqlPredicate(SqlDialect.POSTGRESQL)).contains(
                "(\"empid\" <= '10' OR \"empid\" BETWEEN '50' AND '75') AND \"dept\" IS NOT NULL");
    }

    @Test
    @DisplayName("toBuilder keeps every rule and unknown key; a modified rule keeps its unknown keys")
    void toBuilderKeepsEverything() throws IOException {
        TableMappings m = TableMappings.fromJson(fixture("console-export.json"));
        assertThat(m.toBuilder().build()).isEqualTo(m);
        SelectionRule first = (SelectionRule) m.rules().get(0);
        SelectionRule changed = first.toBuilder().loadOrder(5).build();
        assertThat(changed.property("isAutoSegmentationChecked")).contains("false");
        assertThat(changed.loadOrder()).hasValue(5);
        assertThat(changed.ruleId()).isEqualTo(first.ruleId());
    }

    @Test
    @DisplayName("a DSL document reads back equal to itself, compact and pretty")
    void dslRoundTrip() {
        TableMappings m = TableMappings.builder()
                .rule(include("ecommerce", "%"))
                .rule(exclude("ecommerce", "tmp[_]%"))
                .rule(table("%", "%").addPrefix("schema_"))
                .property("comment", "{\"owner\":\"data-team\"}")
                .build();
        assertThat(TableMappings.fromJson(m.toJson())).isEqualTo(m);
        assertThat(TableMappings.fromJson(m.toPrettyJson())).isEqualTo(m);
        assertThat(TableMappings.fromJson(m.toJson()).hashCode()).isEqualTo(m.hashCode());
    }

    @Test
    @DisplayName("ids are assigned in declaration order around explicit ones; names are derived readably")
    void idsAndNames() {
        TableMappings m = TableMappings.builder()
                .rule(include("ecommerce"))
                .rule(include("hr", "employees").id("2"))
                .rule(exclude("ecommerce", "DMS%"))
                .rule(table("%", "%").addPrefix("schema_"))
                .rule(include("ecommerce", "%").name("include-ecommerce-all-tables-again"))
                .rule(include("ecommerce", "%"))
                .build();
        assertThat(m.rules()).extracting(Rule::ruleId).containsExactly("1", "2", "3", "4", "5", "6");
        assertThat(m.rules()).extracting(Rule::ruleName).containsExactly(
                "include-ecommerce-all-tables",
                "include-hr-employees",
                "exclude-ecommerce-DMS-any",
                "add-prefix-table-all-schemas-all-tables",
                "include-ecommerce-all-tables-again",
                "include-ecommerce-all-tables-6");
        assertThat(m.validate()).isEmpty();
    }

    @Test
    @DisplayName("pretty JSON is indented by two spaces with \"key\": value, rule keys in DMS order")
    void prettyFormat() {
        String pretty = TableMappings.builder().rule(include("s", "t")).build().toPrettyJson();
        assertThat(pretty).isEqualTo("""
            {
              "rules": [
                {
                  "rule-type": "selection",
                  "rule-id": "1",
                  "rule-name": "include-s-t",
                  "object-locator": {
                    "schema-name": "s",
                    "table-name": "t"
                  },
                  "rule-action": "include"
                }
              ]
            }""");
    }

    @Test
    @DisplayName("a raw rule object can be added next to DSL rules and keeps its keys")
    void rawRule() {
        Rule raw = Rules.fromJson("{\"rule-type\":\"selection\",\"rule-id\":7,\"rule-name\":\"raw\","
                + "\"object-locator\":{\"schema-name\":\"a\",\"table-name\":\"b\"},\"rule-action\":\"include\","
                + "\"future-key\":{\"x\":1}}");
        TableMappings m = TableMappings.builder().rule(include("s", "%")).rule(raw).build();
        assertThat(m.rules().get(1)).isInstanceOf(SelectionRule.class);
        assertThat(m.rules().get(1).ruleId()).isEqualTo("7");
        assertThat(m.toJson()).contains("\"future-key\":{\"x\":1}");
        assertThat(m.resolve("a", "b").included()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Rules.fromJson("[1]"))
                .isInstanceOf(InvalidTableMappingsException.class).hasMessageContaining("must be a JSON object");
    }

    @Test
    @DisplayName("rules are immutable: builders used after build() do not change built rules")
    void immutability() {
        IncludeStep b = include("s", "t").where("a", FilterCondition.eq("1"));
        SelectionRule first = b.build();
        b.where("b", FilterCondition.eq("2"));
        assertThat(first.filters()).hasSize(1);
        assertThat(b.build().filters()).hasSize(2);
    }
}
