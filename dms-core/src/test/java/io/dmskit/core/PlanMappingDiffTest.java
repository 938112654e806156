package io.dmskit.core;

import static io.dmskit.mappings.FilterCondition.eq;
import static io.dmskit.mappings.Rules.exclude;
import static io.dmskit.mappings.Rules.include;
import static io.dmskit.mappings.Rules.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.core.provision.ChangeAction;
import io.dmskit.core.provision.FieldDiff;
import io.dmskit.core.provision.Plan;
import io.dmskit.core.provision.ResourceChange;
import io.dmskit.mappings.Rule;
import io.dmskit.mappings.RuleChange;
import io.dmskit.mappings.TableMappings;
import io.dmskit.testkit.CallRecord;
import io.dmskit.testkit.FakeClock;
import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.FakeSecretsManager;
import io.dmskit.testkit.Timings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A plan shows table-mapping changes rule by rule, aligned by meaning (issue 16 item 2)")
class PlanMappingDiffTest {

    private static final String TASK = "retail-copilot-replication";

    private FakeClock clock;
    private FakeSecretsManager secrets;
    private FakeDms fake;
    private DmsProvisioner provisioner;
    private Pipeline pipeline;

    /** The user's five rules: includes with a filter, a rename. */
    private static List<Rule.Builder<?>> five() {
        return new ArrayList<>(List.of(
            include("ecommerce", "customers"),
            include("ecommerce", "orders").where("region", eq("EU")),
            include("ecommerce", "products"),
            table("ecommerce", "orders").rename("orders_eu"),
            include("crm", "%")));
    }

    private Pipeline with(List<Rule.Builder<?>> rules) {
        TableMappings.Builder b = TableMappings.builder();
        rules.forEach(b::rule);
        return pipeline.withTask(pipeline.task(TASK).orElseThrow().toBuilder().tableMappings(b.build()).build());
    }

    @BeforeEach
    void setUp() {
        clock = FakeClock.create();
        secrets = FakeSecretsManager.create();
        fake = FakeDms.builder().clock(clock).timings(Timings.realistic()).secretsManager(secrets).build();
        provisioner = DmsProvisioner.builder().dms(fake).secrets(secrets).clock(clock).sleeper(clock::sleep)
            .pollInterval(Duration.ofSeconds(5)).build();
        pipeline = GuidePipeline.build();
        pipeline = with(five());
        provisioner.apply(pipeline);
        fake.clearCalls();
    }

    @AfterEach
    void tearDown() {
        provisioner.close();
        fake.close();
    }

    private ResourceChange taskChange(Plan plan) {
        assertThat(plan.effectiveChanges()).extracting(ResourceChange::identifier).containsExactly(TASK);
        return plan.effectiveChanges().get(0);
    }

    @Test
    @DisplayName("one exclude rule inserted in the middle of five is exactly one + line in the plan")
    void insertOneExcludeRule() {
        List<Rule.Builder<?>> rules = five();
        rules.add(2, exclude("ecommerce", "audit_log"));
        Pipeline edited = with(rules);

        Plan plan = provisioner.plan(edited);

        ResourceChange c = taskChange(plan);
        assertThat(c.action()).isEqualTo(ChangeAction.MODIFY);
        assertThat(c.diffs()).singleElement().isEqualTo(FieldDiff.of("TableMappings", "5 rules", "6 rules (1 added)"));
        assertThat(c.mappingDiff().changes()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(RuleChange.Kind.ADDED);
            assertThat(r.rule().ruleAction()).isEqualTo("exclude");
        });
        List<String> ruleLines = plan.render().lines().filter(l -> l.matches("\\s+[-+~] rule .*")).toList();
        assertThat(ruleLines).singleElement().satisfies(l -> assertThat(l.strip())
            .startsWith("+ rule 3 'exclude-ecommerce-audit_log'").doesNotContain("include"));
        assertThat(plan.render()).contains("~ TableMappings: 5 rules -> 6 rules (1 added)");
        assertThat(plan.toJson()).contains("\"mappingChanges\"").contains("\"kind\" : \"ADDED\"");

        provisioner.apply(edited);
        assertThat(fake.calls().stream().filter(CallRecord::mutating).map(CallRecord::operation))
            .containsExactly("ModifyReplicationTask");
        assertThat(provisioner.plan(edited).hasChanges()).isFalse();
    }

    @Test
    @DisplayName("a removed rule is one - line; a changed filter value one ~ line with only that field")
    void removeAndChange() {
        List<Rule.Builder<?>> rules = five();
        rules.remove(0);
        rules.set(0, include("ecommerce", "orders").where("region", eq("US")));

        List<String> lines = taskChange(provisioner.plan(with(rules))).mappingDiff().lines();

        assertThat(lines).containsExactly(
            "- rule 1 'include-ecommerce-customers': {\"rule-type\":\"selection\",\"object-locator\":"
                + "{\"schema-name\":\"ecommerce\",\"table-name\":\"customers\"},\"rule-action\":\"include\"}",
            "~ rule 1 'include-ecommerce-orders': filters[0].filter-conditions[0].value: EU -> US");
    }

    @Test
    @DisplayName("a reordered rule is one moved line; a renamed rule shows rule-name old -> new")
    void reorderAndRename() {
        List<Rule.Builder<?>> reordered = five();
        reordered.add(0, reordered.remove(4));
        assertThat(taskChange(provisioner.plan(with(reordered))).mappingDiff().lines())
            .containsExactly("~ rule 1 'include-crm-all-tables': moved (rule-id 5 -> 1)");

        List<Rule.Builder<?>> renamed = five();
        renamed.set(3, table("ecommerce", "orders").rename("orders_eu").name("rename-orders"));
        assertThat(taskChange(provisioner.plan(with(renamed))).mappingDiff().lines())
            .containsExactly("~ rule 4 'rename-orders': rule-name: rename-table-ecommerce-orders -> rename-orders");
    }

    @Test
    @DisplayName("renumbered rule-ids alone are no change: nothing to apply, no call")
    void renumberingIsNoChange() {
        TableMappings deployed = pipeline.task(TASK).orElseThrow().tableMappings();
        String json = deployed.toJson();
        for (int id = 5; id >= 1; id--) {
            json = json.replace("\"rule-id\":\"" + id + "\"", "\"rule-id\":\"" + (id * 10) + "\"");
        }
        Pipeline renumbered = pipeline.withTask(pipeline.task(TASK).orElseThrow().toBuilder()
            .tableMappings(TableMappings.fromJson(json)).build());

        assertThat(provisioner.plan(renumbered).hasChanges()).isFalse();
        provisioner.apply(renumbered);
        assertThat(fake.mutatingCallCount()).isZero();
    }
}
