package io.dmskit.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.core.internal.Mappings;
import io.dmskit.core.provision.FieldDiff;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Table mapping changes are shown rule by rule")
class MappingDiffTest {

    private static final String TWO_RULES = """
        {"rules":[{"rule-type":"selection","rule-id":"1","rule-name":"shop","object-locator":{"schema-name":"shop",
        "table-name":"%"},"rule-action":"include"},{"rule-type":"selection","rule-id":"2","rule-name":"crm",
        "object-locator":{"schema-name":"crm","table-name":"%"},"rule-action":"include"}]}""";

    @Test
    @DisplayName("added and removed rules are named by id and rule-name; an echoed null is no change")
    void addedAndRemovedRules() {
        String echoed = TWO_RULES.replace("\"rule-action\":\"include\"}]}",
            "\"rule-action\":\"include\",\"filters\":null}]}").replace("\"rule-id\":\"1\"", "\"rule-id\":1");
        String desired = TWO_RULES.replace("\"rule-id\":\"2\",\"rule-name\":\"crm\"", "\"rule-id\":\"3\",\"rule-name\":\"crm\"");

        assertThat(Mappings.ruleDiffs(echoed, desired)).extracting(FieldDiff::field)
            .containsExactly("TableMappings rule 3 'crm'", "TableMappings rule 2 'crm'");
        assertThat(Mappings.ruleDiffs(echoed, desired).get(1).after()).isEqualTo("(removed)");
    }

    @Test
    @DisplayName("documents that cannot be compared rule by rule are shown whole")
    void fallback() {
        assertThat(Mappings.ruleDiffs("not json", TWO_RULES)).singleElement()
            .satisfies(d -> assertThat(d.field()).isEqualTo("TableMappings"));
    }
}
