package io.dmskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.core.exception.ChangeNotAllowedException;
import io.dmskit.core.provision.ApplyPolicy;
import io.dmskit.core.provision.ApplyResult;
import io.dmskit.core.provision.ChangeAction;
import io.dmskit.core.provision.Plan;
import io.dmskit.core.provision.ProgressEvent;
import io.dmskit.core.provision.ResourceKind;
import io.dmskit.core.task.StartType;
import io.dmskit.model.TaskStatus;
import io.dmskit.mappings.TableMappings;
import io.dmskit.testkit.CallRecord;
import io.dmskit.testkit.FakeClock;
import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.FakeSecretsManager;
import io.dmskit.testkit.Timings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.model.CreateEndpointRequest;
import software.amazon.awssdk.services.databasemigration.model.StartReplicationTaskRequest;

@DisplayName("The configuration guide's pipeline: plan, apply, re-apply, change a running task, destroy")
class ConfigurationGuidePipelineTest {

    private FakeClock clock;
    private FakeSecretsManager secrets;
    private FakeDms fake;
    private DmsProvisioner provisioner;
    private final List<ProgressEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        clock = FakeClock.create();
        secrets = FakeSecretsManager.create();
        fake = FakeDms.builder().clock(clock).timings(Timings.realistic()).secretsManager(secrets).build();
        provisioner = DmsProvisioner.builder().dms(fake).secrets(secrets).clock(clock).sleeper(clock::sleep)
            .pollInterval(Duration.ofSeconds(5)).progressListener(events::add).build();
    }

    @AfterEach
    void tearDown() {
        provisioner.close();
        fake.close();
    }

    private static long describes(List<CallRecord> calls, String op) {
        return calls.stream().filter(c -> c.operation().equals(op)).count();
    }

    @Test
    @DisplayName("plan of an empty account creates every resource in dependency order and shows no password")
    void planCreatesEverything() {
        Plan plan = provisioner.plan(GuidePipeline.build());

        assertThat(plan.effectiveChanges()).hasSize(14).allMatch(c -> c.action() == ChangeAction.CREATE);
        assertThat(plan.changes().stream().map(c -> c.kind()).distinct().toList()).containsExactly(ResourceKind.SECRET,
            ResourceKind.SUBNET_GROUP, ResourceKind.REPLICATION_INSTANCE, ResourceKind.ENDPOINT,
            ResourceKind.REPLICATION_TASK);
        assertThat(plan.render()).contains("+ replication task \"market-intelligence-hub-replication\" will be created")
            .contains("Plan: 14 to create, 0 to update").doesNotContain(GuidePipeline.PASSWORD);
        assertThat(plan.toJson()).contains("\"action\" : \"CREATE\"", "\"summary\" : {")
            .doesNotContain(GuidePipeline.PASSWORD);
        assertThat(fake.mutatingCallCount()).isZero();
        assertThat(fake.calls()).extracting(CallRecord::operation).containsExactlyInAnyOrder(
            "DescribeReplicationSubnetGroups", "DescribeReplicationInstances", "DescribeEndpoints",
            "DescribeReplicationTasks");
    }

    @Test
    @DisplayName("apply creates the guide's resources, wires the managed secret, and a re-apply makes zero mutating calls")
    void applyThenReapplyIsANoOp() {
        Pipeline pipeline = GuidePipeline.build();
        ApplyResult result = provisioner.apply(pipeline);

        assertThat(result.plan().effectiveChanges()).hasSize(14);
        for (String system : GuidePipeline.SYSTEMS) {
            assertThat(provisioner.describeTask(system + "-replication")).get()
                .extracting(s -> s.status()).isEqualTo(TaskStatus.READY);
        }
        String secretArn = result.arn(ResourceKind.SECRET, GuidePipeline.SECRET_NAME);
        assertThat(secretArn).contains(":secret:");
        assertThat(secrets.currentValue(GuidePipeline.SECRET_NAME)).get().asString()
            .contains("\"username\":\"root\"", "\"password\":\"Srikar@123\"", "\"host\":\"172.20.10.4\"",
                "\"port\":\"3306\"");
        CreateEndpointRequest source = fake.calls("CreateEndpoint").stream()
            .map(c -> c.request(CreateEndpointRequest.class))
            .filter(r -> r.endpointIdentifier().equals("ecommerce-mysql-source")).findFirst().orElseThrow();
        assertThat(source.mySQLSettings().secretsManagerSecretId()).isEqualTo(secretArn);
        assertThat(source.mySQLSettings().secretsManagerAccessRoleArn()).isEqualTo(GuidePipeline.SECRETS_ROLE);
        assertThat(source.password()).isNull();
        assertThat(source.serverName()).isNull();
        // the instance is waited for before any task is created
        long instanceAvailableAt = events.stream().filter(e -> e.kind() == ResourceKind.REPLICATION_INSTANCE
            && "available".equals(e.newState())).findFirst().orElseThrow().at().toEpochMilli();
        assertThat(fake.calls("CreateReplicationTask")).allMatch(c -> c.time().toEpochMilli() >= instanceAvailableAt);

        fake.clearCalls();
        ApplyResult again = provisioner.apply(pipeline);

        assertThat(again.plan().hasChanges()).as(again.plan().render()).isFalse();
        assertThat(fake.mutatingCallCount()).isZero();
        assertThat(again.mutatingCalls()).isZero();
        assertThat(result.mutatingCalls()).isEqualTo(14);
        List<CallRecord> calls = fake.calls();
        assertThat(describes(calls, "DescribeEndpoints")).isEqualTo(1);
        assertThat(describes(calls, "DescribeReplicationTasks")).isEqualTo(1);
        assertThat(describes(calls, "DescribeReplicationInstances")).isEqualTo(1);
        assertThat(describes(calls, "DescribeReplicationSubnetGroups")).isEqualTo(1);
    }

    @Test
    @DisplayName("starting a fresh task uses start-replication; a second start of a stopped task resumes")
    void startChoosesTheStartTypeFromHistory() {
        Pipeline pipeline = GuidePipeline.build();
        provisioner.apply(pipeline);

        Map<String, StartType> used = provisioner.start(pipeline);

        assertThat(used.values()).containsOnly(StartType.START_REPLICATION).hasSize(5);
        assertThat(provisioner.describeTask("retail-copilot-replication")).get().extracting(s -> s.status())
            .isEqualTo(TaskStatus.RUNNING);

        provisioner.stop("retail-copilot-replication");
        provisioner.stop("retail-copilot-replication");  // not running any more: still fine
        assertThat(provisioner.describeTask("retail-copilot-replication")).get().extracting(s -> s.status())
            .isEqualTo(TaskStatus.STOPPED);
        assertThat(provisioner.start("retail-copilot-replication")).isEqualTo(StartType.RESUME_PROCESSING);
    }

    @Test
    @DisplayName("a changed mapping on a running task: refused by the safe policy, then stop -> modify -> resume")
    void changingAMappingOnARunningTaskStopsModifiesAndResumes() {
        Pipeline pipeline = GuidePipeline.build();
        provisioner.apply(pipeline);
        provisioner.start(pipeline);
        String id = "compliance-guardian-replication";
        TableMappings changed = TableMappings.fromJson(GuidePipeline.mappingsJson("compliance-guardian")
            .replace("\"value\":\"schema_\"", "\"value\":\"cg_\""));
        Pipeline edited = pipeline.withTask(pipeline.task(id).orElseThrow().toBuilder().tableMappings(changed).build());

        Plan plan = provisioner.plan(edited);
        assertThat(plan.effectiveChanges()).singleElement().satisfies(c -> {
            assertThat(c.identifier()).isEqualTo(id);
            // a running task is stopped, modified and started again: a restart, not an in-place update
            assertThat(c.action()).isEqualTo(ChangeAction.RESTART);
            assertThat(c.diffs()).extracting(d -> d.field()).containsExactly("TableMappings");
            assertThat(c.mappingDiff().lines())
                .containsExactly("~ rule 3 'add-schema-prefix': value: schema_ -> cg_");
            assertThat(c.notes()).anyMatch(n -> n.contains("stop -> modify -> start (resume-processing)"));
        });
        assertThat(plan.render())
            .contains("~ replication task \"" + id + "\" will be stopped, updated and started again (now running)")
            .contains("Plan: 0 to create, 0 to update, 0 to replace, 1 to restart, 0 to delete");

        fake.clearCalls();
        assertThatThrownBy(() -> provisioner.apply(edited)).isInstanceOf(ChangeNotAllowedException.class)
            .hasMessageContaining(id).hasMessageContaining("apply with ApplyPolicy.restartTasks() to allow it");
        assertThat(fake.mutatingCallCount()).isZero();

        provisioner.apply(edited, ApplyPolicy.restartTasks());

        List<String> mutations = fake.calls().stream().filter(CallRecord::mutating).map(CallRecord::operation).toList();
        assertThat(mutations).containsExactly("StopReplicationTask", "ModifyReplicationTask", "StartReplicationTask");
        assertThat(fake.calls("StartReplicationTask").get(0).request(StartReplicationTaskRequest.class)
            .startReplicationTaskTypeAsString()).isEqualTo("resume-processing");
        assertThat(provisioner.describeTask(id)).get().extracting(s -> s.status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(provisioner.plan(edited).hasChanges()).isFalse();
    }

    @Test
    @DisplayName("destroy stops and deletes the tasks before endpoints and the instance, then the subnet group")
    void destroyDeletesInDependencyOrder() {
        Pipeline pipeline = GuidePipeline.build();
        provisioner.apply(pipeline);
        provisioner.start(pipeline);
        fake.clearCalls();
        Plan preview = provisioner.planDestroy(pipeline);
        assertThat(preview.effectiveChanges()).hasSize(13).allMatch(c -> c.action() == ChangeAction.DELETE);
        assertThat(preview.effectiveChanges().get(0).kind()).isEqualTo(ResourceKind.REPLICATION_TASK);
        assertThat(preview.render()).contains("Plan: 0 to create, 0 to update, 0 to replace, 0 to restart, 13 to delete");
        assertThat(fake.mutatingCallCount()).isZero();

        List<String> deleted = provisioner.destroy(pipeline);

        assertThat(deleted).hasSize(13);
        List<CallRecord> mutations = fake.calls().stream().filter(CallRecord::mutating).toList();
        long lastTaskDelete = mutations.stream().filter(c -> c.operation().equals("DeleteReplicationTask"))
            .mapToLong(CallRecord::sequence).max().orElseThrow();
        long firstStop = mutations.stream().filter(c -> c.operation().equals("StopReplicationTask"))
            .mapToLong(CallRecord::sequence).min().orElseThrow();
        assertThat(mutations.stream().filter(c -> c.operation().equals("StopReplicationTask"))).hasSize(5);
        assertThat(mutations.stream().filter(c -> c.operation().matches("DeleteEndpoint|DeleteReplicationInstance")))
            .hasSize(7).allMatch(c -> c.sequence() > lastTaskDelete && c.sequence() > firstStop);
        long instanceDelete = mutations.stream().filter(c -> c.operation().equals("DeleteReplicationInstance"))
            .mapToLong(CallRecord::sequence).max().orElseThrow();
        assertThat(mutations.stream().filter(c -> c.operation().equals("DeleteReplicationSubnetGroup")))
            .singleElement().matches(c -> c.sequence() > instanceDelete);
        Plan after = provisioner.plan(pipeline);
        assertThat(after.effectiveChanges().stream().filter(c -> c.kind() != ResourceKind.SECRET))
            .hasSize(13).allMatch(c -> c.action() == ChangeAction.CREATE);
        Map<ChangeAction, Long> secretActions = after.changes().stream().filter(c -> c.kind() == ResourceKind.SECRET)
            .collect(Collectors.groupingBy(c -> c.action(), Collectors.counting()));
        assertThat(secretActions).containsOnlyKeys(ChangeAction.NO_OP);
    }
}
