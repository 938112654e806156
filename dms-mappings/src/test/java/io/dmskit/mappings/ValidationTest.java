package io.dmskit.mappings;

import static io.dmskit.mappings.Rules.include;
import static io.dmskit.mappings.Rules.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Each validation rule: an invalid document and the exact problem reported. */
class ValidationTest {
    private static final String SELECT_ALL = """
        {"rule-type":"selection","rule-id":"1","rule-name":"all",
         "object-locator":{"schema-name":"%","table-name":"%"},"rule-action":"include"}""";

    /** A document of a valid include-all selection plus the given rules. */
    private static String doc(String... rules) {
        return "{\"rules\":[" + SELECT_ALL + (rules.length == 0 ? "" : "," + String.join(",", rules)) + "]}";
    }

    private static List<MappingProblem> problems(String json) {
        return TableMappings.fromJsonLenient(json).validate();
    }

    /** Asserts that validation reports exactly one problem with these properties. */
    private static MappingProblem only(String json, Severity severity, String ruleId, String path, String fragment) {
        List<MappingProblem> ps = problems(json);
        assertThat(ps).as("problems of %s", json).hasSize(1);
        MappingProblem p = ps.get(0);
        assertThat(p.severity()).isEqualTo(severity);
        assertThat(p.ruleId()).isEqualTo(ruleId);
        assertThat(p.path()).isEqualTo(path);
        assertThat(p.message()).contains(fragment);
        if (severity == Severity.ERROR) {
            assertThatThrownBy(() -> TableMappings.fromJson(json)).isInstanceOf(InvalidTableMappingsException.class)
                    .satisfies(e -> assertThat(((InvalidTableMappingsException) e).problems()).containsExactly(p));
        } else {
            assertThat(TableMappings.fromJson(json).validate()).containsExactly(p);
        }
        return p;
    }

    @Test
    @DisplayName("a clean document has no problems")
    void clean() {
        assertThat(problems(doc())).isEmpty();
    }

    @Test
    @DisplayName("no selection rule is an error listing the rules present")
    void noSelectionRule() {
        String json = """
            {"rules":[{"rule-type":"transformation","rule-id":"100000","rule-name":"lower",
              "rule-action":"convert-lowercase","rule-target":"schema","object-locator":{"schema-name":"%"}}]}""";
        MappingProblem p = only(json, Severity.ERROR, null, "$.rules", "no selection rule");
        assertThat(p.message()).contains("100000 (lower)");
    }

    @Test
    @DisplayName("an empty rules array is an error")
    void noRules() {
        only("{\"rules\":[]}", Severity.ERROR, null, "$.rules", "no rules");
    }

    @Test
    @DisplayName("a duplicate rule-id is an error naming both rules, also when written with a leading zero")
    void duplicateRuleId() {
        String json = doc("""
            {"rule-type":"selection","rule-id":"01","rule-name":"again",
             "object-locator":{"schema-name":"hr","table-name":"%"},"rule-action":"include"}""");
        MappingProblem p = only(json, Severity.ERROR, "01", "$.rules[1].rule-id", "already used by rule #1");
        assertThat(p.ruleName()).isEqualTo("again");
        assertThat(p.line()).isEqualTo(2);
    }

    @Test
    @DisplayName("a duplicate rule-name is only a warning (DMS accepts it)")
    void duplicateRuleName() {
        String json = doc("""
            {"rule-type":"selection","rule-id":"2","rule-name":"all",
             "object-locator":{"schema-name":"hr","table-name":"%"},"rule-action":"include"}""");
        only(json, Severity.WARNING, "2", "$.rules[1].rule-name", "rule-name \"all\" is also used by rule #1");
    }

    @Test
    @DisplayName("a non-numeric or missing rule-id, a missing rule-name, a missing or unknown rule-type are errors")
    void ruleIdentity() {
        only(doc("""
            {"rule-type":"selection","rule-id":"map-1","rule-name":"x",
             "object-locator":{"schema-name":"hr","table-name":"%"},"rule-action":"include"}"""),
                Severity.ERROR, "map-1", "$.rules[1].rule-id", "is not a number");
        only(doc("""
            {"rule-type":"selection","rule-name":"x",
             "object-locator":{"schema-name":"hr","table-name":"%"},"rule-action":"include"}"""),
                Severity.ERROR, null, "$.rules[1].rule-id", "has no rule-id");
        only(doc("""
            {"rule-type":"selection","rule-id":"2",
             "object-locator":{"schema-name":"hr","table-name":"%"},"rule-action":"include"}"""),
                Severity.WARNING, "2", "$.rules[1].rule-name", "has no rule-name");
        only(doc("""
            {"rule-type":"selektion","rule-id":"2","rule-name":"x"}"""),
                Severity.ERROR, "2", "$.rules[1].rule-type", "Unknown rule-type \"selektion\"");
        only(doc("""
            {"rule-id":"2","rule-name":"x"}"""), Severity.ERROR, "2", "$.rules[1].rule-type", "has no rule-type");
    }

    @Test
    @DisplayName("selection: missing or unknown rule-action, missing locator fields, bad table-type and load-order")
    void selectionShape() {
        only(doc("""
            {"rule-type":"selection","rule-id":"2","rule-name":"x",
             "object-locator":{"schema-name":"hr","table-name":"%"}}"""),
                Severity.ERROR, "2", "$.rules[1].rule-action", "has no rule-action");
        only(doc("""
            {"rule-type":"selection","rule-id":"2","rule-name":"x","rule-action":"select",
             "object-locator":{"schema-name":"hr","table-name":"%"}}"""),
                Severity.ERROR, "2", "$.rules[1].rule-action", "Unknown selection rule-action \"select\"");
        only(doc("""
            {"rule-type":"selection","rule-id":"2","rule-name":"x","rule-action":"include"}"""),
                Severity.ERROR, "2", "$.rules[1].object-locator", "has no object-locator");
        only(doc("""
            {"rule-type":"selection","rule-id":"2","rule-name":"x","rule-action":"include",
             "object-locator":{"schema-name":"hr"}}"""),
                Severity.ERROR, "2", "$.rules[1].object-locator.table-name", "no table-name");
        only(doc("""
            {"rule-type":"selection","rule-id":"2","rule-name":"x","rule-action":"include",
             "object-locator":{"schema-name":"hr","table-name":"%","table-type":"views"}}"""),
                Severity.ERROR, "2", "$.rules[1].object-locator.table-type", "Unknown table-type \"views\"");
        only(doc("""
            {"rule-type":"selection","rule-id":"2","rule-name":"x","rule-action":"include","load-order":"first",
             "object-locator":{"schema-name":"hr","table-name":"%"}}"""),
                Severity.ERROR, "2", "$.rules[1].load-order", "not a valid load order");
    }

    @Test
    @DisplayName("explicit selections, table-settings and define-primary-key reject % wildcards")
    void wildcardsWhereForbidden() {
        only(doc("""
            {"rule-type":"selection","rule-id":"2","rule-name":"x","rule-action":"explicit",
             "object-locator":{"schema-name":"hr","table-name":"emp%"}}"""),
                Severity.ERROR, "2", "$.rules[1].object-locator.table-name", "must not contain the wildcard %");
        only(doc("""
            {"rule-type":"table-settings","rule-id":"8","rule-name":"8",
             "object-locator":{"schema-name":"ipipeline-prod","table-name":"%"},
             "parallel-load":{"type":"partitions-auto"}}"""),
                Severity.ERROR, "8", "$.rules[1].object-locator.table-name",
                "Exact schema and table name required when using table settings rule");
        only(doc("""
            {"rule-type":"transformation","rule-id":"5","rule-name":"pk","rule-action":"define-primary-key",
             "rule-target":"table","object-locator":{"schema-name":"%","table-name":"ITEM"},
             "primary-key-def":{"name":"pk","columns":["ID"]}}"""),
                Severity.ERROR, "5", "$.rules[1].object-locator.schema-name", "define-primary-key needs exact names");
    }

    @Test
    @DisplayName("filters: wildcard table, exclude rule, unknown operator, missing values, negatives mixed")
    void filters() {
        only(doc("""
            {"rule-type":"selection","rule-id":"2","rule-name":"x","rule-action":"include",
             "object-locator":{"schema-name":"hr","table-name":"emp%"},
             "filters":[{"filter-type":"source","column-name":"id",
                         "filter-conditions":[{"filter-operator":"eq","value":"1"}]}]}"""),
                Severity.ERROR, "2", "$.rules[1].filters", "Source filters need exact table names");
        only(doc("""
            {"rule-type":"selection","rule-id":"2","rule-name":"x","rule-action":"exclude",
             "object-locator":{"schema-name":"hr","table-name":"emp"},
             "filters":[{"filter-type":"source","column-name":"id",
                         "filter-conditions":[{"filter-operator":"eq","value":"1"}]}]}"""),
                Severity.ERROR, "2", "$.rules[1].filters", "apply only to include selections");
        only(doc("""
            {"rule-type":"selection","rule-id":"2","rule-name":"x","rule-action":"include",
             "object-locator":{"schema-name":"hr","table-name":"emp"},
             "filters":[{"filter-type":"source","column-name":"id",
                         "filter-conditions":[{"filter-operator":"lt","value":"1"}]}]}"""),
                Severity.ERROR, "2", "$.rules[1].filters[0].filter-conditions[0].filter-operator",
                "Unknown filter-operator \"lt\"");
        only(doc("""
            {"rule-type":"selection","rule-id":"2","rule-name":"x","rule-action":"include",
             "object-locator":{"schema-name":"hr","table-name":"emp"},
             "filters":[{"filter-type":"source","column-name":"id",
                         "filter-conditions":[{"filter-operator":"between","start-value":"1"}]}]}"""),
                Severity.ERROR, "2", "$.rules[1].filters[0].filter-conditions[0].end-value", "needs \"end-value\"");
        only(doc("""
            {"rule-type":"selection","rule-id":"2","rule-name":"x","rule-action":"include",
             "object-locator":{"schema-name":"hr","table-name":"emp"},
             "filters":[{"filter-type":"source","column-name":"id",
                         "filter-conditions":[{"filter-operator":"gte"}]}]}"""),
                Severity.ERROR, "2", "$.rules[1].filters[0].filter-conditions[0].value", "needs \"value\"");
        only(doc("""
            {"rule-type":"selection","rule-id":"2","rule-name":"x","rule-action":"include",
             "object-locator":{"schema-name":"hr","table-name":"emp"},
             "filters":[{"filter-type":"source","column-name":"id",
                         "filter-conditions":[{"filter-operator":"noteq","value":"1"},
                                              {"filter-operator":"eq","value":"5"}]}]}"""),
                Severity.ERROR, "2", "$.rules[1].filters[0].filter-conditions",
                "must be the only condition of its filter");
        only(doc("""
            {"rule-type":"selection","rule-id":"2","rule-name":"x","rule-action":"include",
             "object-locator":{"schema-name":"hr","table-name":"emp"},
             "filters":[{"filter-type":"source","column-name":"id",
                         "filter-conditions":[{"filter-operator":"ste","value":"1"}]}]}"""),
                Severity.WARNING, "2", "$.rules[1].filters[0].filter-conditions[0].filter-operator",
                "legacy spelling");
        only(doc("""
            {"rule-type":"selection","rule-id":"2","rule-name":"x","rule-action":"include",
             "object-locator":{"schema-name":"hr","table-name":"emp"},
             "filters":[{"filter-type":"source","filter-conditions":[{"filter-operator":"null"}]}]}"""),
                Severity.ERROR, "2", "$.rules[1].filters[0].column-name", "no column-name");
    }

    @Test
    @DisplayName("transformation: missing action, action/target pairs that do not exist, missing target")
    void actionTargetPairs() {
        only(doc("""
            {"rule-type":"transformation","rule-id":"2","rule-name":"x","rule-target":"table",
             "object-locator":{"schema-name":"s","table-name":"t"},"value":"u"}"""),
                Severity.ERROR, "2", "$.rules[1].rule-action", "has no rule-action");
        only(doc("""
            {"rule-type":"transformation","rule-id":"2","rule-name":"x","rule-target":"schema",
             "rule-action":"change-data-type","object-locator":{"schema-name":"s"},"data-type":{"type":"int8"}}"""),
                Severity.ERROR, "2", "$.rules[1].rule-target",
                "rule-action change-data-type does not work with rule-target schema; it needs column");
        only(doc("""
            {"rule-type":"transformation","rule-id":"2","rule-name":"x","rule-target":"table-tablespace",
             "rule-action":"convert-lowercase",
             "object-locator":{"schema-name":"s","table-name":"t","table-tablespace-name":"ts"}}"""),
                Severity.ERROR, "2", "$.rules[1].rule-target", "does not work with rule-target table-tablespace");
        only(doc("""
            {"rule-type":"transformation","rule-id":"2","rule-name":"x","rule-action":"rename",
             "object-locator":{"schema-name":"s"},"value":"u"}"""),
                Severity.ERROR, "2", "$.rules[1].rule-target", "has no rule-target");
        only(doc("""
            {"rule-type":"transformation","rule-id":"2","rule-name":"x","rule-action":"remove-column",
             "object-locator":{"schema-name":"s","table-name":"t","column-name":"c"}}"""),
                Severity.WARNING, "2", "$.rules[1].rule-target", "Add \"rule-target\": \"column\"");
    }

    @Test
    @DisplayName("transformation: missing value, old-value, data-type, expression target, primary-key-def")
    void missingFields() {
        only(doc("""
            {"rule-type":"transformation","rule-id":"2","rule-name":"x","rule-target":"table","rule-action":"rename",
             "object-locator":{"schema-name":"s","table-name":"t"}}"""),
                Severity.ERROR, "2", "$.rules[1].value", "rename needs \"value\" (the new name)");
        only(doc("""
            {"rule-type":"transformation","rule-id":"2","rule-name":"x","rule-target":"table",
             "rule-action":"replace-prefix","object-locator":{"schema-name":"s","table-name":"%"},"value":"new_"}"""),
                Severity.ERROR, "2", "$.rules[1].old-value", "replace-prefix needs \"old-value\"");
        only(doc("""
            {"rule-type":"transformation","rule-id":"2","rule-name":"x","rule-target":"column",
             "rule-action":"add-column","object-locator":{"schema-name":"s","table-name":"t"},"value":"c",
             "expression":"$a||$b"}"""),
                Severity.ERROR, "2", "$.rules[1].data-type", "add-column needs \"data-type\"");
        only(doc("""
            {"rule-type":"transformation","rule-id":"2","rule-name":"x","rule-target":"column",
             "rule-action":"add-column","object-locator":{"schema-name":"s","table-name":"t"},
             "data-type":{"type":"string","length":5}}"""),
                Severity.ERROR, "2", "$.rules[1].value", "add-column needs \"value\"");
        only(doc("""
            {"rule-type":"transformation","rule-id":"2","rule-name":"x","rule-target":"column",
             "rule-action":"change-data-type","object-locator":{"schema-name":"s","table-name":"t","column-name":"c"},
             "data-type":{"type":"varchar"}}"""),
                Severity.ERROR, "2", "$.rules[1].data-type.type", "Unknown data-type \"varchar\"");
        only(doc("""
            {"rule-type":"transformation","rule-id":"2","rule-name":"x","rule-target":"table",
             "rule-action":"define-primary-key","object-locator":{"schema-name":"s","table-name":"t"}}"""),
                Severity.ERROR, "2", "$.rules[1].primary-key-def", "needs \"primary-key-def\"");
        only(doc("""
            {"rule-type":"transformation","rule-id":"2","rule-name":"x","rule-target":"column",
             "rule-action":"add-before-image-columns","object-locator":{"schema-name":"s","table-name":"t"},
             "before-image-def":{"column-prefix":"","column-suffix":""}}"""),
                Severity.ERROR, "2", "$.rules[1].before-image-def", "non-empty column-prefix or column-suffix");
        only(doc("""
            {"rule-type":"transformation","rule-id":"2","rule-name":"x","rule-target":"column",
             "rule-action":"data-masking-digits-mask",
             "object-locator":{"schema-name":"s","table-name":"t","column-name":"c"},"value":"##"}"""),
                Severity.ERROR, "2", "$.rules[1].value", "one printable, non-space ASCII character");
        only(doc("""
            {"rule-type":"transformation","rule-id":"2","rule-name":"x","rule-target":"column",
             "rule-action":"rename","object-locator":{"schema-name":"s","table-name":"t"},"value":"c2"}"""),
                Severity.ERROR, "2", "$.rules[1].object-locator.column-name", "needs \"column-name\"");
    }

    @Test
    @DisplayName("an empty expression is an error; an expression on an action that ignores it a warning")
    void expressions() {
        only(doc("""
            {"rule-type":"transformation","rule-id":"2","rule-name":"x","rule-target":"column",
             "rule-action":"add-column","object-locator":{"schema-name":"s","table-name":"t"},"value":"c",
             "expression":" ","data-type":{"type":"string","length":5}}"""),
                Severity.ERROR, "2", "$.rules[1].expression", "expression is empty");
        only(doc("""
            {"rule-type":"transformation","rule-id":"2","rule-name":"x","rule-target":"table",
             "rule-action":"rename","object-locator":{"schema-name":"s","table-name":"t"},"value":"u",
             "expression":"upper($x)"}"""),
                Severity.WARNING, "2", "$.rules[1].expression", "only for add-column");
    }

    @Test
    @DisplayName("both tablespace names in one locator is an error")
    void bothTablespaces() {
        only(doc("""
            {"rule-type":"transformation","rule-id":"2","rule-name":"x","rule-target":"table-tablespace",
             "rule-action":"rename","value":"TS2","object-locator":{"schema-name":"s","table-name":"t",
             "table-tablespace-name":"TS1","index-tablespace-name":"IX1"}}"""),
                Severity.ERROR, "2", "$.rules[1].object-locator", "both table-tablespace-name and index-tablespace-name");
    }

    @Test
    @DisplayName("two name rules on one object are a warning (the lower rule-id wins)")
    void oneActionPerObject() {
        only(doc("""
            {"rule-type":"transformation","rule-id":"2","rule-name":"lower","rule-target":"schema",
             "rule-action":"convert-lowercase","object-locator":{"schema-name":"TAXI"}}""", """
            {"rule-type":"transformation","rule-id":"3","rule-name":"rename","rule-target":"schema",
             "rule-action":"rename","value":"public","object-locator":{"schema-name":"TAXI","table-name":"%"}}"""),
                Severity.WARNING, "3", "$.rules[2].rule-action", "only one transformation action per object");
    }

    @Test
    @DisplayName("table-settings: ranges shape, partitions-list, LOB limited without size, unknown type")
    void tableSettings() {
        only(doc("""
            {"rule-type":"table-settings","rule-id":"2","rule-name":"x",
             "object-locator":{"schema-name":"HR","table-name":"SALES"},
             "parallel-load":{"type":"ranges","columns":["A","B"],"boundaries":[["1","x"],["2"]]}}"""),
                Severity.ERROR, "2", "$.rules[1].parallel-load.boundaries[1]", "one value per column (2)");
        only(doc("""
            {"rule-type":"table-settings","rule-id":"2","rule-name":"x",
             "object-locator":{"schema-name":"HR","table-name":"SALES"},
             "parallel-load":{"type":"ranges","columns":["A","B","C","D","E","F","G","H","I","J","K"],
                              "boundaries":[["1","1","1","1","1","1","1","1","1","1","1"]]}}"""),
                Severity.ERROR, "2", "$.rules[1].parallel-load.columns", "at most 10 columns");
        only(doc("""
            {"rule-type":"table-settings","rule-id":"2","rule-name":"x",
             "object-locator":{"schema-name":"HR","table-name":"SALES"},
             "parallel-load":{"type":"ranges","columns":["A"],"boundaries":[["1"]],"segment-names":["a"]}}"""),
                Severity.ERROR, "2", "$.rules[1].parallel-load.segment-names", "2 for 1 boundaries");
        only(doc("""
            {"rule-type":"table-settings","rule-id":"2","rule-name":"x",
             "object-locator":{"schema-name":"HR","table-name":"SALES"},
             "parallel-load":{"type":"partitions-list"}}"""),
                Severity.ERROR, "2", "$.rules[1].parallel-load.partitions", "non-empty \"partitions\"");
        only(doc("""
            {"rule-type":"table-settings","rule-id":"2","rule-name":"x",
             "object-locator":{"schema-name":"HR","table-name":"SALES"},
             "parallel-load":{"type":"partitions"}}"""),
                Severity.ERROR, "2", "$.rules[1].parallel-load.type", "Unknown parallel-load type \"partitions\"");
        only(doc("""
            {"rule-type":"table-settings","rule-id":"2","rule-name":"x",
             "object-locator":{"schema-name":"HR","table-name":"SALES"},
             "lob-settings":{"mode":"limited","bulk-max-size":"0"}}"""),
                Severity.ERROR, "2", "$.rules[1].lob-settings.bulk-max-size", "non-zero bulk-max-size");
        only(doc("""
            {"rule-type":"table-settings","rule-id":"2","rule-name":"x",
             "object-locator":{"schema-name":"HR","table-name":"SALES"}}"""),
                Severity.WARNING, "2", "$.rules[1].rule-type", "neither parallel-load nor lob-settings");
    }

    @Test
    @DisplayName("post-processing and object-mapping shapes")
    void postProcessingAndObjectMapping() {
        only(doc("""
            {"rule-type":"post-processing","rule-id":"2","rule-name":"x","rule-action":"add-tag",
             "object-locator":{"schema-name":"%","table-name":"%"}}"""),
                Severity.ERROR, "2", "$.rules[1].tag-set", "non-empty \"tag-set\"");
        only(doc("""
            {"rule-type":"object-mapping","rule-id":"2","rule-name":"x","rule-action":"map-record",
             "object-locator":{"schema-name":"s","table-name":"t"}}"""),
                Severity.ERROR, "2", "$.rules[1].rule-action", "Unknown object-mapping rule-action \"map-record\"");
        only(doc("""
            {"rule-type":"object-mapping","rule-id":"2","rule-name":"x","rule-action":"map-record-to-record",
             "object-locator":{"schema-name":"s","table-name":"t"},
             "mapping-parameters":{"partition-key-type":"random"}}"""),
                Severity.ERROR, "2", "$.rules[1].mapping-parameters.partition-key-type",
                "Unknown partition-key-type \"random\"");
    }

    @Test
    @DisplayName("a document over 2 MB is an error")
    void sizeLimit() {
        StringBuilder sb = new StringBuilder();
        for (int i = 2; i < 16_000; i++) {
            sb.append(",{\"rule-type\":\"selection\",\"rule-id\":\"").append(i).append("\",\"rule-name\":\"n")
                    .append(i).append("\",\"object-locator\":{\"schema-name\":\"schema_number_").append(i)
                    .append("\",\"table-name\":\"table_with_a_fairly_long_name_").append(i)
                    .append("\"},\"rule-action\":\"include\"}");
        }
        String json = doc(sb.substring(1));
        assertThat(json.length()).isGreaterThan(2 * 1024 * 1024);
        only(json, Severity.ERROR, null, "$", "at most 2 MB");
    }

    @Test
    @DisplayName("every problem is reported at once, each naming its rule")
    void allAtOnce() {
        String json = doc("""
            {"rule-type":"transformation","rule-id":"2","rule-name":"a","rule-target":"table","rule-action":"rename",
             "object-locator":{"schema-name":"s","table-name":"t"}}""", """
            {"rule-type":"table-settings","rule-id":"2","rule-name":"b",
             "object-locator":{"schema-name":"s","table-name":"%"},"parallel-load":{"type":"none"}}""");
        InvalidTableMappingsException e = (InvalidTableMappingsException) org.assertj.core.api.Assertions
                .catchThrowable(() -> TableMappings.fromJson(json));
        assertThat(e.errors()).extracting(MappingProblem::path).containsExactlyInAnyOrder(
                "$.rules[2].rule-id", "$.rules[1].value", "$.rules[2].object-locator.table-name");
        assertThat(e.errors()).extracting(MappingProblem::ruleName).containsOnly("a", "b");
        assertThat(e.getMessage()).contains("3 error(s)").contains("rule 2 (a)").contains("rule 2 (b)");
    }

    @Test
    @DisplayName("builder.build() validates: a table-settings rule with a wildcard is rejected before DMS sees it")
    void builderValidates() {
        assertThatThrownBy(() -> TableMappings.builder().rule(include("s", "%"))
                .rule(Rules.tableSettings("s", "%").parallelLoad(io.dmskit.mappings.tablesettings.ParallelLoad.none()))
                .build())
                .isInstanceOf(InvalidTableMappingsException.class)
                .hasMessageContaining("Exact schema and table name required");
        assertThatThrownBy(() -> TableMappings.builder().rule(table("%", "%").addPrefix("x")).build())
                .hasMessageContaining("no selection rule");
    }
}
