package io.dmskit.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class MalformedInputTest {

    private static List<MappingProblem> rejected(String json) {
        InvalidTableMappingsException e = catchThrowableOfType(InvalidTableMappingsException.class,
                () -> TableMappings.fromJson(json));
        assertThat(e).as("fromJson must reject %s", json).isNotNull();
        assertThat(e.getMessage()).doesNotContain("Source:").doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(e.problems()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.message()).isNotBlank().doesNotContain("Source:");
            assertThat(p.path()).startsWith("$");
        });
        return e.problems();
    }

    @Test
    @DisplayName("malformed JSON is reported with its line and column")
    void malformedJsonHasPosition() {
        List<MappingProblem> ps = rejected("{\n  \"rules\": [\n    {\"rule-type\": \"selection\",, }\n  ]\n}");
        assertThat(ps).hasSize(1);
        assertThat(ps.get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(ps.get(0).line()).isEqualTo(3);
        assertThat(ps.get(0).column()).isEqualTo(31);
        assertThat(ps.get(0).message()).startsWith("Malformed JSON:");
    }

    @Test
    @DisplayName("truncated JSON is reported, not thrown as a parser exception")
    void truncated() {
        List<MappingProblem> ps = rejected("{\"rules\": [{\"rule-type\": \"selection\"");
        assertThat(ps.get(0).line()).isEqualTo(1);
        assertThat(ps.get(0).message()).contains("Malformed JSON").contains("start marker at line 1, column 12");
    }

    @Test
    @DisplayName("null, empty and blank input give a problem, never a NullPointerException")
    void nullAndEmpty() {
        assertThat(rejected(null).get(0).message()).contains("null");
        assertThat(rejected("").get(0).message()).contains("empty");
        assertThat(rejected("   \n").get(0).message()).contains("empty");
    }

    @Test
    @DisplayName("content after the document is rejected with its position")
    void trailingContent() {
        List<MappingProblem> ps = rejected("{\"rules\":[]}\n{}");
        assertThat(ps.get(0).line()).isEqualTo(2);
        assertThat(ps.get(0).message()).contains("after the end");
    }

    @Test
    @DisplayName("a bare array of rules is rejected with a hint to wrap it")
    void bareArray() {
        assertThat(rejected("[{\"rule-type\":\"selection\"}]").get(0).message()).contains("wrap it as {\"rules\"");
    }

    @Test
    @DisplayName("rules that is not an array, or holds a non-object, is rejected naming the position")
    void wrongShapes() {
        assertThat(rejected("{\"rules\": {}}").get(0).path()).isEqualTo("$.rules");
        MappingProblem p = rejected("{\"rules\": [\"selection\"]}").get(0);
        assertThat(p.path()).isEqualTo("$.rules[0]");
        assertThat(p.message()).contains("Rule #1 is not a JSON object");
    }

    @Test
    @DisplayName("the legacy TableMappings format is rejected with a rewrite suggestion per entry")
    void legacy() {
        List<MappingProblem> ps = rejected("""
            {"TableMappings":[{"Type":"Include","SourceSchema":"blog","SourceTable":"%"}]}""");
        assertThat(ps).hasSize(1);
        assertThat(ps.get(0).path()).isEqualTo("$.TableMappings[0]");
        assertThat(ps.get(0).message()).contains("\"schema-name\": \"blog\"").contains("\"rule-action\": \"include\"");
    }

    @Test
    @DisplayName("a bare rule object is rejected naming the rule, with the rule's own problems")
    void bareRule() {
        List<MappingProblem> ps = rejected("""
            {"rule-type":"table-settings","rule-id":"8","rule-name":"eight",
             "object-locator":{"schema-name":"prod","table-name":"%"},
             "parallel-load":{"type":"partitions-auto"}}""");
        assertThat(ps).extracting(MappingProblem::ruleId).containsOnly("8");
        assertThat(ps).extracting(MappingProblem::path).containsExactly("$", "$.object-locator.table-name");
        assertThat(ps.get(1).line()).isEqualTo(2);
    }

    @Test
    @DisplayName("a document without rules names the keys it found")
    void noRulesKey() {
        assertThat(rejected("{\"rule\": []}").get(0).message()).contains("no \"rules\" array").contains("[rule]");
    }

    @Test
    @DisplayName("a key repeated in one object is a warning with its position")
    void duplicateKey() {
        TableMappings m = TableMappings.fromJson("""
            {"rules":[{"rule-type":"selection","rule-id":"1","rule-name":"a","rule-name":"b",
              "object-locator":{"schema-name":"s","table-name":"t"},"rule-action":"include"}]}""");
        assertThat(m.rules().get(0).ruleName()).isEqualTo("b");
        assertThat(m.validate()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Severity.WARNING);
            assertThat(p.message()).contains("\"rule-name\" appears twice");
            assertThat(p.line()).isEqualTo(1);
        });
    }

    @Test
    @DisplayName("fromJsonLenient returns a rule-level-invalid document for inspection")
    void lenient() {
        TableMappings m = TableMappings.fromJsonLenient("{\"rules\":[{\"rule-type\":\"selection\"}]}");
        assertThat(m.rules()).hasSize(1);
        assertThat(m.validate()).filteredOn(MappingProblem::isError).hasSizeGreaterThanOrEqualTo(3);
    }
}
