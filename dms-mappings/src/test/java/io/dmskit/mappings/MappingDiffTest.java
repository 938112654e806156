package io.dmskit.mappings;

import static io.dmskit.mappings.FilterCondition.eq;
import static io.dmskit.mappings.Rules.exclude;
import static io.dmskit.mappings.Rules.include;
import static io.dmskit.mappings.Rules.table;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("MappingDiff aligns rules by meaning, not by rule-id, and reads like a reviewer's diff")
class MappingDiffTest {

    /** Five rules as a user writes them; the DSL numbers them 1..5 in declaration order. */
    private static List<Rule.Builder<?>> five() {
        return new ArrayList<>(List.of(
                include("shop", "customers"),
                include("shop", "orders").where("region", eq("EU")),
                include("shop", "products"),
                table("shop", "orders").rename("orders_v2"),
                include("crm", "%")));
    }

    private static TableMappings of(List<Rule.Builder<?>> rules) {
        TableMappings.Builder b = TableMappings.builder();
        rules.forEach(b::rule);
        return b.build();
    }

    @Test
    @DisplayName("inserting one exclude rule in the middle of five is exactly one + line")
    void insertInTheMiddle() {
        TableMappings before = of(five());
        List<Rule.Builder<?>> rules = five();
        rules.add(2, exclude("shop", "audit_%"));
        TableMappings after = of(rules);

        MappingDiff diff = after.diffFrom(before);

        assertThat(diff.lines()).singleElement().satisfies(l -> assertThat(l)
                .startsWith("+ rule 3 'exclude-shop-audit_-any'")
                .contains("\"rule-action\":\"exclude\"").doesNotContain("include"));
        assertThat(diff.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(RuleChange.Kind.ADDED);
            assertThat(c.rule().objectLocator().tableName()).isEqualTo("audit_%");
        });
        assertThat(diff.summary()).isEqualTo("1 added");
        assertThat(after.sameMeaningAs(before)).as("the documents still differ").isFalse();
    }

    @Test
    @DisplayName("removing one rule is exactly one - line naming the removed rule")
    void removeOne() {
        List<Rule.Builder<?>> rules = five();
        rules.remove(1);

        MappingDiff diff = of(rules).diffFrom(of(five()));

        assertThat(diff.lines()).singleElement().satisfies(l -> assertThat(l)
                .startsWith("- rule 2 'include-shop-orders'").contains("\"value\":\"EU\""));
    }

    @Test
    @DisplayName("a changed filter value is one ~ line with only that field")
    void changeFilterValue() {
        List<Rule.Builder<?>> rules = five();
        rules.set(1, include("shop", "orders").where("region", eq("US")));

        MappingDiff diff = of(rules).diffFrom(of(five()));

        assertThat(diff.lines()).containsExactly(
                "~ rule 2 'include-shop-orders': filters[0].filter-conditions[0].value: EU -> US");
        assertThat(diff.changes().get(0).fields()).singleElement().satisfies(f -> {
            assertThat(f.before()).contains("EU");
            assertThat(f.after()).contains("US");
        });
    }

    @Test
    @DisplayName("a renamed rule is one ~ line: rule-name old -> new")
    void renameRule() {
        List<Rule.Builder<?>> rules = five();
        rules.set(2, include("shop", "products").name("catalog"));

        MappingDiff diff = of(rules).diffFrom(of(five()));

        assertThat(diff.lines()).containsExactly("~ rule 3 'catalog': rule-name: include-shop-products -> catalog");
    }

    @Test
    @DisplayName("moving one rule is one moved line, not a change of every rule between")
    void reorder() {
        List<Rule.Builder<?>> rules = five();
        rules.add(0, rules.remove(4));          // crm first: ids 1..5 now name other rules

        MappingDiff diff = of(rules).diffFrom(of(five()));

        assertThat(diff.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(RuleChange.Kind.MOVED);
            assertThat(c.rule().ruleName()).isEqualTo("include-crm-all-tables");
            assertThat(c.fields()).isEmpty();
        });
        assertThat(diff.lines()).containsExactly("~ rule 1 'include-crm-all-tables': moved (rule-id 5 -> 1)");
    }

    @Test
    @DisplayName("renumbered rule-ids in the same order, key order and echoed nulls are no change")
    void renumberingIsNoChange() {
        TableMappings before = of(five());
        String json = before.toJson();
        for (int id = 5; id >= 1; id--) {
            json = json.replace("\"rule-id\":\"" + id + "\"", "\"rule-id\":\"" + (id * 10) + "\"");
        }
        TableMappings renumbered = TableMappings.fromJson(json.replace("\"rule-action\":\"include\"",
                "\"rule-action\":\"include\",\"filters\":null"));

        assertThat(renumbered.diffFrom(before).isEmpty()).isTrue();
        assertThat(renumbered.diffFrom(before).toString()).isEqualTo("no changes");
    }

    @Test
    @DisplayName("changing a locator keeps the pairing by a unique rule-name; a removed and an added rule otherwise")
    void locatorChange() {
        List<Rule.Builder<?>> named = five();
        named.set(2, include("shop", "products").name("catalog"));
        List<Rule.Builder<?>> moved = five();
        moved.set(2, include("shop", "items").name("catalog"));

        assertThat(of(moved).diffFrom(of(named)).lines())
                .containsExactly("~ rule 3 'catalog': object-locator.table-name: products -> items");

        List<Rule.Builder<?>> other = five();
        other.set(2, include("shop", "items"));
        assertThat(of(other).diffFrom(of(five())).changes()).extracting(RuleChange::kind)
                .containsExactly(RuleChange.Kind.ADDED, RuleChange.Kind.REMOVED);
    }
}
