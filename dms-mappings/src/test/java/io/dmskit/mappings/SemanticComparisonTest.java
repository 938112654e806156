package io.dmskit.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SemanticComparisonTest {
    private static final String BASE = """
        {"rules":[
          {"rule-type":"selection","rule-id":"1","rule-name":"1",
           "object-locator":{"schema-name":"hr","table-name":"emp"},"rule-action":"include",
           "filters":[{"filter-type":"source","column-name":"id",
                       "filter-conditions":[{"filter-operator":"lte","value":"10"}]}]},
          {"rule-type":"transformation","rule-id":"2","rule-name":"lower","rule-target":"table",
           "object-locator":{"schema-name":"hr","table-name":"%"},"rule-action":"convert-lowercase"}]}""";

    @Test
    @DisplayName("what DMS echoes back (nulls, numbers, other key and rule order, legacy ste) means the same")
    void echoMeansTheSame() {
        String echoed = """
            {"rules":[
              {"rule-action":"convert-lowercase","rule-target":"table","rule-name":"lower","rule-id":2,
               "rule-type":"transformation","object-locator":{"table-name":"%","schema-name":"hr"},
               "value":null,"old-value":null,"before-image-def":null},
              {"rule-type":"selection","rule-id":"01","rule-name":1,"load-order":null,
               "object-locator":{"schema-name":"hr","table-name":"emp","table-type":"table"},"rule-action":"include",
               "filters":[{"filter-type":"source","column-name":"id",
                           "filter-conditions":[{"filter-operator":"ste","value":10}]}]}]}""";
        assertThat(TableMappings.sameMeaning(BASE, echoed)).isTrue();
        assertThat(TableMappings.fromJson(BASE).sameMeaningAs(TableMappings.fromJson(echoed))).isTrue();
        assertThat(TableMappings.fromJson(BASE)).isNotEqualTo(TableMappings.fromJson(echoed));
    }

    @Test
    @DisplayName("empty filters and absent filters mean the same")
    void emptyFilters() {
        String a = "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"1\","
                + "\"object-locator\":{\"schema-name\":\"%\",\"table-name\":\"%\"},\"rule-action\":\"include\"}]}";
        String b = a.replace("\"rule-action\":\"include\"", "\"rule-action\":\"include\",\"filters\":[]");
        assertThat(TableMappings.sameMeaning(a, b)).isTrue();
    }

    @Test
    @DisplayName("the order of ANDed filters and ORed conditions, and documented default values, do not matter")
    void unorderedAndDefaults() {
        String a = """
            {"rules":[{"rule-type":"selection","rule-id":"1","rule-name":"1","rule-action":"include",
              "object-locator":{"schema-name":"s","table-name":"t"},
              "filters":[{"filter-type":"source","column-name":"a","filter-conditions":[
                  {"filter-operator":"eq","value":"1"},{"filter-operator":"eq","value":"2"}]},
                {"filter-type":"source","column-name":"b","filter-conditions":[{"filter-operator":"null"}]}]},
             {"rule-type":"table-settings","rule-id":"2","rule-name":"2",
              "object-locator":{"schema-name":"s","table-name":"t"},"lob-settings":{"mode":"limited",
              "bulk-max-size":"64"}}]}""";
        String b = """
            {"rules":[{"rule-type":"selection","rule-id":"1","rule-name":"1","rule-action":"include",
              "object-locator":{"schema-name":"s","table-name":"t"},
              "filters":[{"column-name":"b","filter-conditions":[{"filter-operator":"null"}]},
                {"filter-type":"source","column-name":"a","filter-conditions":[
                  {"filter-operator":"eq","value":"2"},{"filter-operator":"eq","value":"1"}]}]},
             {"rule-type":"table-settings","rule-id":"2","rule-name":"2",
              "object-locator":{"schema-name":"s","table-name":"t"},"lob-settings":{"bulk-max-size":64}}]}""";
        assertThat(TableMappings.sameMeaning(a, b)).isTrue();
        assertThat(TableMappings.sameMeaning(a, b.replace("\"value\":\"2\"", "\"value\":\"3\""))).isFalse();
    }

    @Test
    @DisplayName("a changed value, action, id or extra rule is a change of meaning")
    void realChanges() {
        assertThat(TableMappings.sameMeaning(BASE, BASE.replace("\"10\"", "\"11\""))).isFalse();
        assertThat(TableMappings.sameMeaning(BASE, BASE.replace("convert-lowercase", "convert-uppercase"))).isFalse();
        assertThat(TableMappings.sameMeaning(BASE, BASE.replace("\"rule-id\":\"2\"", "\"rule-id\":\"3\""))).isFalse();
        assertThat(TableMappings.sameMeaning(BASE, BASE.replace("\"table-name\":\"emp\"},\"rule-action\":\"include\"",
                "\"table-name\":\"emp\",\"table-type\":\"view\"},\"rule-action\":\"include\""))).isFalse();
        assertThat(TableMappings.sameMeaning(BASE, BASE.substring(0, BASE.lastIndexOf(']')) + ",{\"rule-type\":"
                + "\"selection\",\"rule-id\":\"9\",\"rule-name\":\"9\",\"object-locator\":{\"schema-name\":\"x\","
                + "\"table-name\":\"y\"},\"rule-action\":\"exclude\"}]}")).isFalse();
    }

    @Test
    @DisplayName("changesFrom lists added, removed and changed rules, ignoring echo differences")
    void changes() {
        TableMappings before = TableMappings.fromJson(BASE);
        String after = BASE.replace("convert-lowercase", "convert-uppercase")
                .replace("]}\n", "]}").replace("\"rule-name\":\"1\"", "\"rule-name\":1");
        TableMappings now = TableMappings.fromJson(after.substring(0, after.lastIndexOf(']'))
                + ",{\"rule-type\":\"selection\",\"rule-id\":\"9\",\"rule-name\":\"nine\","
                + "\"object-locator\":{\"schema-name\":\"x\",\"table-name\":\"y\"},\"rule-action\":\"exclude\"}]}");
        assertThat(now.changesFrom(before)).extracting(MappingChange::toString).containsExactly(
                "CHANGED rule 2 (lower): rule-action: \"convert-lowercase\" -> \"convert-uppercase\"",
                "ADDED rule 9 (nine): selection");
        assertThat(before.changesFrom(now)).extracting(MappingChange::kind)
                .containsExactly(MappingChange.Kind.CHANGED, MappingChange.Kind.REMOVED);
        assertThat(before.changesFrom(TableMappings.fromJson(BASE.replace("\"rule-id\":\"2\"", "\"rule-id\":2"))))
                .isEmpty();
    }

    @Test
    @DisplayName("a filter value \"007\" differs from \"7\": leading zeros only vanish from rule-ids")
    void leadingZerosMatterInValues() {
        assertThat(TableMappings.sameMeaning(BASE, BASE.replace("\"10\"", "\"010\""))).isFalse();
    }
}
