package io.dmskit.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.core.endpoint.Secret;
import io.dmskit.core.provision.ApplyPolicy;
import io.dmskit.core.provision.ApplyResult;
import io.dmskit.core.provision.ChangeAction;
import io.dmskit.core.provision.FieldDiff;
import io.dmskit.core.provision.Plan;
import io.dmskit.core.provision.ResourceChange;
import io.dmskit.core.provision.ResourceKind;
import io.dmskit.model.TaskStatus;
import io.dmskit.testkit.CallRecord;
import io.dmskit.testkit.FakeClock;
import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.FakeSecretsManager;
import io.dmskit.testkit.Timings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.model.AddTagsToResourceRequest;
import software.amazon.awssdk.services.databasemigration.model.DeleteEndpointRequest;
import software.amazon.awssdk.services.databasemigration.model.DeleteReplicationTaskRequest;
import software.amazon.awssdk.services.databasemigration.model.RemoveTagsFromResourceRequest;
import software.amazon.awssdk.services.databasemigration.model.StartReplicationTaskRequest;
import software.amazon.awssdk.services.databasemigration.model.StopReplicationTaskRequest;
import software.amazon.awssdk.services.databasemigration.model.Tag;

@DisplayName("Tags converge, resources removed from the pipeline are deleted only when allowed, replaced running "
    + "tasks start again")
class TagsAndRemovedResourcesTest {

    private static final String REMOVED = "global-market-pulse";

    private FakeClock clock;
    private FakeSecretsManager secrets;
    private FakeDms fake;
    private DmsProvisioner provisioner;
    private Pipeline pipeline;

    @BeforeEach
    void setUp() {
        clock = FakeClock.create();
        secrets = FakeSecretsManager.create();
        fake = FakeDms.builder().clock(clock).timings(Timings.realistic()).secretsManager(secrets).build();
        provisioner = DmsProvisioner.builder().dms(fake).secrets(secrets).clock(clock).sleeper(clock::sleep)
            .pollInterval(Duration.ofSeconds(5)).build();
        pipeline = GuidePipeline.build();
        provisioner.apply(pipeline);
        fake.clearCalls();
    }

    @AfterEach
    void tearDown() {
        provisioner.close();
        fake.close();
    }

    private List<String> mutations() {
        return fake.calls().stream().filter(CallRecord::mutating).map(CallRecord::operation).toList();
    }

    private Map<String, String> tagsOf(String arn) {
        Map<String, String> out = new LinkedHashMap<>();
        fake.listTagsForResource(b -> b.resourceArn(arn)).tagList().forEach(t -> out.put(t.key(), t.value()));
        return out;
    }

    private long count(String op) {
        return fake.calls(op).size();
    }

    @Test
    @DisplayName("changed tags show as field diffs and converge with Add/RemoveTags only; dmskit:pipeline is kept")
    void tagsConverge() {
        Endpoint target = pipeline.endpoint("retail-copilot-target").orElseThrow();
        ReplicationTask task = pipeline.task("retail-copilot-replication").orElseThrow();
        Pipeline tagged = pipeline.withEndpoint(target.toBuilder().tag("owner", "data-team").build())
            .withTask(task.toBuilder().tag("cost-center", "42").build());

        Plan plan = provisioner.plan(tagged);

        ResourceChange ep = plan.change(ResourceKind.ENDPOINT, "retail-copilot-target").orElseThrow();
        assertThat(ep.action()).isEqualTo(ChangeAction.MODIFY);
        assertThat(ep.diffs()).containsExactly(FieldDiff.of("Tags.owner", null, "data-team"));
        assertThat(plan.render()).contains("~ endpoint \"retail-copilot-target\" will be updated in place")
            .contains("~ Tags.owner: (unset) -> data-team").contains("~ Tags.cost-center: (unset) -> 42");
        assertThat(plan.effectiveChanges()).hasSize(2);
        assertThat(count("ListTagsForResource")).isEqualTo(1);

        fake.clearCalls();
        provisioner.apply(tagged);

        assertThat(mutations()).containsExactlyInAnyOrder("AddTagsToResource", "AddTagsToResource");
        String endpointArn = fake.describeEndpoints().endpoints().stream()
            .filter(e -> e.endpointIdentifier().equals("retail-copilot-target")).findFirst().orElseThrow().endpointArn();
        AddTagsToResourceRequest add = fake.calls("AddTagsToResource").stream()
            .map(c -> c.request(AddTagsToResourceRequest.class)).filter(r -> r.resourceArn().equals(endpointArn))
            .findFirst().orElseThrow();
        assertThat(add.tags()).containsExactly(Tag.builder().key("owner").value("data-team").build());
        assertThat(tagsOf(endpointArn)).containsEntry("owner", "data-team")
            .containsEntry("dmskit:pipeline", "ecommerce-ai-platform");

        // unchanged: zero mutating calls, one Describe per type and one tag listing for all resources
        fake.clearCalls();
        ApplyResult again = provisioner.apply(tagged);
        assertThat(again.mutatingCalls()).isZero();
        assertThat(mutations()).isEmpty();
        for (String op : List.of("DescribeEndpoints", "DescribeReplicationTasks", "DescribeReplicationInstances",
            "DescribeReplicationSubnetGroups", "ListTagsForResource")) {
            assertThat(count(op)).as(op).isEqualTo(1);
        }

        // a tag changed, one dropped from the definition, one added behind dmskit's back
        fake.addTagsToResource(b -> b.resourceArn(endpointArn).tags(Tag.builder().key("manual").value("x").build()));
        Pipeline retagged = pipeline.withEndpoint(target.toBuilder().tag("owner", "platform").build());
        Plan plan2 = provisioner.plan(retagged);
        assertThat(plan2.change(ResourceKind.ENDPOINT, "retail-copilot-target").orElseThrow().diffs())
            .containsExactlyInAnyOrder(FieldDiff.of("Tags.owner", "data-team", "platform"),
                FieldDiff.of("Tags.manual", "x", null));
        assertThat(plan2.change(ResourceKind.REPLICATION_TASK, "retail-copilot-replication").orElseThrow().diffs())
            .containsExactly(FieldDiff.of("Tags.cost-center", "42", null));
        fake.clearCalls();

        provisioner.apply(retagged);

        assertThat(tagsOf(endpointArn)).containsOnly(Map.entry("owner", "platform"),
            Map.entry("dmskit:pipeline", "ecommerce-ai-platform"));
        assertThat(fake.calls("RemoveTagsFromResource")).extracting(c -> c.request(RemoveTagsFromResourceRequest.class)
            .tagKeys()).containsExactlyInAnyOrder(List.of("manual"), List.of("cost-center"));
        assertThat(fake.calls("AddTagsToResource")).hasSize(1);
        assertThat(fake.calls()).noneMatch(c -> c.request() instanceof AddTagsToResourceRequest a
            && a.tags().stream().anyMatch(t -> t.key().equals("dmskit:pipeline")));
        assertThat(fake.calls()).noneMatch(c -> c.request() instanceof RemoveTagsFromResourceRequest r
            && r.tagKeys().contains("dmskit:pipeline"));
        assertThat(provisioner.plan(retagged).hasChanges()).isFalse();
    }

    @Test
    @DisplayName("a modification that changes no tag has no tag step: no tag call, no 'tags [] set, [] removed' line")
    void modificationWithoutTagChangeHasNoTagStep() {
        ReplicationTask task = pipeline.tasks().get(0);
        Pipeline changed = pipeline.withTask(task.toBuilder().settings(s -> s.fullLoadSettings(f -> f
            .maxFullLoadSubTasks(13))).build());
        ResourceChange planned = provisioner.plan(changed).change(ResourceKind.REPLICATION_TASK,
            task.identifier()).orElseThrow();
        assertThat(planned.action()).isEqualTo(ChangeAction.MODIFY);

        PrintStream original = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            provisioner.apply(changed);
        } finally {
            System.setErr(original);
        }

        assertThat(mutations()).containsExactly("ModifyReplicationTask");
        assertThat(log.toString(StandardCharsets.UTF_8)).contains("ModifyReplicationTask").doesNotContain("tags [");
    }

    @Test
    @DisplayName("re-applying an unchanged pipeline says so in one INFO line and makes no mutating call")
    void unchangedApplyIsOneInfoLine() {
        PrintStream original = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            provisioner.apply(pipeline);
        } finally {
            System.setErr(original);
        }

        assertThat(mutations()).isEmpty();
        assertThat(log.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("INFO ")))
            .containsExactly("INFO io.dmskit.core.provision - apply pipeline 'ecommerce-ai-platform': no changes");
    }

    @Test
    @DisplayName("a tag change on a running task needs no restart and is allowed by the safe policy")
    void tagsOfARunningTask() {
        provisioner.start("retail-copilot-replication");
        ReplicationTask task = pipeline.task("retail-copilot-replication").orElseThrow();
        Pipeline tagged = pipeline.withTask(task.toBuilder().tag("team", "ai").build());
        fake.clearCalls();

        provisioner.apply(tagged, ApplyPolicy.safe());

        assertThat(mutations()).containsExactly("AddTagsToResource");
        assertThat(provisioner.describeTask("retail-copilot-replication")).get().extracting(s -> s.status())
            .isEqualTo(TaskStatus.RUNNING);
    }

    @Test
    @DisplayName("a task and an endpoint removed from the pipeline are planned as deletes and skipped by default")
    void removedResourcesAreSkippedByDefault() {
        // a resource of another pipeline must never be planned for deletion
        Pipeline other = Pipeline.builder("another-pipeline").endpoint(Endpoint.s3("another-target")
            .s3Settings(s -> s.bucketName("another-raw").serviceAccessRoleArn(GuidePipeline.S3_ROLE)).build()).build();
        provisioner.apply(other);
        Pipeline smaller = GuidePipeline.build(GuidePipeline.PASSWORD,
            GuidePipeline.SYSTEMS.stream().filter(s -> !s.equals(REMOVED)).toList());
        fake.clearCalls();

        Plan plan = provisioner.plan(smaller);

        assertThat(plan.effectiveChanges()).extracting(c -> c.kind() + " " + c.identifier() + " " + c.action())
            .containsExactly("replication task " + REMOVED + "-replication DELETE", "endpoint " + REMOVED + "-target DELETE");
        assertThat(plan.render())
            .contains("- replication task \"" + REMOVED + "-replication\" will be deleted (now ready)")
            .contains("- endpoint \"" + REMOVED + "-target\" will be deleted (now active)")
            .contains("# no longer in pipeline 'ecommerce-ai-platform'")
            .contains("0 to create, 0 to update, 0 to replace, 0 to restart, 2 to delete");
        assertThat(plan.render()).doesNotContain("another-target");

        ApplyResult result = provisioner.apply(smaller);

        assertThat(result.mutatingCalls()).isZero();
        assertThat(result.skippedDeletions()).extracting(ResourceChange::identifier)
            .containsExactly(REMOVED + "-replication", REMOVED + "-target");
        assertThat(fake.task(REMOVED + "-replication").status()).isEqualTo("ready");
    }

    @Test
    @DisplayName("with deletions allowed, a removed running task is stopped and deleted before its endpoint")
    void removedResourcesAreDeletedWhenAllowed() {
        provisioner.start(pipeline);
        Pipeline smaller = GuidePipeline.build(GuidePipeline.PASSWORD,
            GuidePipeline.SYSTEMS.stream().filter(s -> !s.equals(REMOVED)).toList());
        String taskArn = fake.task(REMOVED + "-replication").arn();
        fake.clearCalls();

        ApplyResult result = provisioner.apply(smaller, ApplyPolicy.safe().withAllowDeletes(true));

        assertThat(result.skippedDeletions()).isEmpty();
        assertThat(mutations()).containsExactly("StopReplicationTask", "DeleteReplicationTask", "DeleteEndpoint");
        assertThat(fake.calls("StopReplicationTask")).singleElement()
            .extracting(c -> c.request(StopReplicationTaskRequest.class).replicationTaskArn()).isEqualTo(taskArn);
        assertThat(fake.calls("DeleteReplicationTask")).singleElement()
            .extracting(c -> c.request(DeleteReplicationTaskRequest.class).replicationTaskArn()).isEqualTo(taskArn);
        assertThat(fake.calls("DeleteEndpoint")).singleElement()
            .extracting(c -> c.request(DeleteEndpointRequest.class).endpointArn()).asString().contains(":endpoint:");
        assertThat(provisioner.describeTask(REMOVED + "-replication")).isEmpty();
        assertThat(fake.describeEndpoints().endpoints()).noneMatch(e -> e.endpointIdentifier().equals(REMOVED + "-target"));
        assertThat(provisioner.describeTask("retail-copilot-replication")).get().extracting(s -> s.status())
            .isEqualTo(TaskStatus.RUNNING);
        assertThat(provisioner.plan(smaller).hasChanges()).isFalse();
    }

    @Test
    @DisplayName("a running task replaced because its endpoint is replaced starts again with start-replication")
    void replacedRunningTaskIsRestarted() {
        provisioner.start(pipeline);
        Endpoint target = pipeline.endpoint("retail-copilot-target").orElseThrow();
        Pipeline changed = pipeline.withEndpoint(target.toBuilder()
            .kmsKeyId("arn:aws:kms:us-east-1:123456789012:key/99999999-1111-2222-3333-444444444444").build());
        fake.clearCalls();

        provisioner.apply(changed, ApplyPolicy.all());

        List<String> ops = fake.calls().stream().filter(CallRecord::mutating)
            .map(c -> c.operation()).toList();
        assertThat(ops).containsSubsequence("StopReplicationTask", "DeleteReplicationTask", "DeleteEndpoint",
            "CreateEndpoint", "CreateReplicationTask", "StartReplicationTask");
        String newArn = fake.task("retail-copilot-replication").arn();
        assertThat(fake.calls("StartReplicationTask")).singleElement().satisfies(c -> {
            StartReplicationTaskRequest r = c.request(StartReplicationTaskRequest.class);
            assertThat(r.replicationTaskArn()).isEqualTo(newArn);
            assertThat(r.startReplicationTaskTypeAsString()).isEqualTo("start-replication");
        });
        assertThat(provisioner.describeTask("retail-copilot-replication")).get().extracting(s -> s.status())
            .isEqualTo(TaskStatus.RUNNING);
    }

    private static Pipeline small(String instance) {
        return Pipeline.builder("small")
            .instance(ReplicationInstance.builder(instance).instanceClass("dms.t3.medium").build())
            .endpoint(Endpoint.postgres("small-source").source().serverName("db.internal").port(5432)
                .databaseName("shop").password("dms", Secret.of("pw-1234")).build())
            .endpoint(Endpoint.s3("small-target").s3Settings(s -> s.bucketName("small-bucket")
                .serviceAccessRoleArn(GuidePipeline.S3_ROLE)).build())
            .task("small-task", t -> t.source("small-source").target("small-target").replicationInstance(instance)
                .migrationType(io.dmskit.core.task.MigrationType.CDC).tableMappings(BuilderValidationTest.MAPPINGS))
            .build();
    }

    @Test
    @DisplayName("a task moved to a new instance is replaced, and the removed instance is deleted after the old task")
    void removedInstanceIsDeletedAfterItsTasks() {
        provisioner.apply(small("small-old"));
        String oldInstanceArn = fake.describeReplicationInstances().replicationInstances().stream()
            .filter(i -> i.replicationInstanceIdentifier().equals("small-old")).findFirst().orElseThrow()
            .replicationInstanceArn();
        Plan plan = provisioner.plan(small("small-new"));
        assertThat(plan.effectiveChanges()).extracting(c -> c.identifier() + " " + c.action())
            .containsExactly("small-new CREATE", "small-task REPLACE", "small-old DELETE");
        fake.clearCalls();

        provisioner.apply(small("small-new"), ApplyPolicy.all().withAllowDeletes(true));

        List<CallRecord> calls = fake.calls();
        long deleteTask = calls.stream().filter(c -> c.operation().equals("DeleteReplicationTask")).findFirst()
            .orElseThrow().sequence();
        CallRecord deleteInstance = fake.calls("DeleteReplicationInstance").stream().filter(CallRecord::succeeded)
            .findFirst().orElseThrow();
        assertThat(deleteInstance.request(software.amazon.awssdk.services.databasemigration.model
            .DeleteReplicationInstanceRequest.class).replicationInstanceArn()).isEqualTo(oldInstanceArn);
        assertThat(deleteInstance.sequence()).isGreaterThan(deleteTask);
        assertThat(fake.describeReplicationInstances().replicationInstances())
            .extracting(i -> i.replicationInstanceIdentifier()).doesNotContain("small-old").contains("small-new");
        // the guide's pipeline (another name) is untouched
        assertThat(provisioner.plan(pipeline).hasChanges()).isFalse();
        assertThat(provisioner.plan(small("small-new")).hasChanges()).isFalse();
    }
}
