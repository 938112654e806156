package io.dmskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.core.exception.ChangeNotAllowedException;
import io.dmskit.core.provision.ApplyPolicy;
import io.dmskit.core.provision.ChangeAction;
import io.dmskit.core.provision.DestroyOptions;
import io.dmskit.core.provision.FieldDiff;
import io.dmskit.core.provision.Plan;
import io.dmskit.core.provision.ResourceKind;
import io.dmskit.testkit.CallRecord;
import io.dmskit.testkit.FakeClock;
import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.FakeSecretsManager;
import io.dmskit.testkit.Timings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.model.ModifyReplicationInstanceRequest;
import software.amazon.awssdk.services.databasemigration.model.StartReplicationTaskRequest;

@DisplayName("Plans show field-level diffs; apply modifies in place, replaces only when allowed")
class PlanAndModifyTest {

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

    @Test
    @DisplayName("an S3 setting change is one ModifyEndpoint, rendered like terraform plan")
    void endpointSettingChange() {
        Endpoint target = pipeline.endpoint("retail-copilot-target").orElseThrow();
        Pipeline changed = pipeline.withEndpoint(target.toBuilder().s3Settings(s -> s.bucketFolder("raw")
            .cdcMaxBatchInterval(30)).build());

        Plan plan = provisioner.plan(changed);

        assertThat(plan.effectiveChanges()).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo(ChangeAction.MODIFY);
            assertThat(c.diffs()).extracting(FieldDiff::field)
                .containsExactlyInAnyOrder("S3Settings.BucketFolder", "S3Settings.CdcMaxBatchInterval");
        });
        assertThat(plan.render()).contains("~ endpoint \"retail-copilot-target\" will be updated in place")
            .contains("~ S3Settings.BucketFolder: dms -> raw")
            .contains("Plan: 0 to create, 1 to update, 0 to replace, 0 to restart, 0 to delete, 13 unchanged.");
        provisioner.apply(changed);
        assertThat(mutations()).containsExactly("ModifyEndpoint");
        assertThat(provisioner.plan(changed).hasChanges()).isFalse();
    }

    @Test
    @DisplayName("an endpoint change under running tasks restarts them (stop -> resume) when allowed")
    void endpointChangeRestartsRunningTasks() {
        provisioner.start(pipeline);
        Endpoint target = pipeline.endpoint("retail-copilot-target").orElseThrow();
        Pipeline changed = pipeline.withEndpoint(target.toBuilder().s3Settings(s -> s.cdcMaxBatchInterval(30)).build());

        Plan plan = provisioner.plan(changed);
        assertThat(plan.change(ResourceKind.REPLICATION_TASK, "retail-copilot-replication")).get()
            .extracting(c -> c.action()).isEqualTo(ChangeAction.RESTART);
        fake.clearCalls();
        assertThatThrownBy(() -> provisioner.apply(changed)).isInstanceOf(ChangeNotAllowedException.class);
        assertThat(mutations()).isEmpty();

        provisioner.apply(changed, ApplyPolicy.restartTasks());

        assertThat(mutations()).containsExactly("ModifyEndpoint", "StopReplicationTask", "StartReplicationTask");
        assertThat(fake.calls("StartReplicationTask").get(0).request(StartReplicationTaskRequest.class)
            .startReplicationTaskTypeAsString()).isEqualTo("resume-processing");
    }

    @Test
    @DisplayName("an instance class change is ModifyReplicationInstance with ApplyImmediately, waited until available")
    void instanceModify() {
        ReplicationInstance i = pipeline.instance("ecommerce-dms").orElseThrow();
        Pipeline changed = pipeline.withInstance(i.toBuilder().instanceClass("dms.c5.2xlarge").allocatedStorage(300).build());

        Plan plan = provisioner.plan(changed);
        assertThat(plan.effectiveChanges()).singleElement().satisfies(c -> assertThat(c.diffs())
            .extracting(FieldDiff::toString).containsExactlyInAnyOrder(
                "ReplicationInstanceClass: dms.c5.xlarge -> dms.c5.2xlarge", "AllocatedStorage: 200 -> 300"));
        provisioner.apply(changed);

        ModifyReplicationInstanceRequest r = fake.calls("ModifyReplicationInstance").get(0)
            .request(ModifyReplicationInstanceRequest.class);
        assertThat(r.applyImmediately()).isTrue();
        assertThat(r.replicationInstanceClass()).isEqualTo("dms.c5.2xlarge");
        assertThat(fake.describeReplicationInstances().replicationInstances().get(0).replicationInstanceStatus())
            .isEqualTo("available");
        assertThat(provisioner.plan(changed).hasChanges()).isFalse();
    }

    @Test
    @DisplayName("a KMS key change replaces the instance and its tasks, only with allowReplace")
    void instanceReplace() {
        ReplicationInstance i = pipeline.instance("ecommerce-dms").orElseThrow();
        Pipeline changed = pipeline.withInstance(i.toBuilder()
            .kmsKeyId("arn:aws:kms:us-east-1:123456789012:key/ffffffff-12ab-34cd-56ef-1234567890ab").build());

        Plan plan = provisioner.plan(changed);
        assertThat(plan.changes()).filteredOn(c -> c.action() == ChangeAction.REPLACE).hasSize(6)
            .extracting(c -> c.kind()).containsOnly(ResourceKind.REPLICATION_INSTANCE, ResourceKind.REPLICATION_TASK);
        assertThat(plan.render()).contains("-/+ replication instance \"ecommerce-dms\" must be replaced");
        assertThatThrownBy(() -> provisioner.apply(changed)).isInstanceOf(ChangeNotAllowedException.class)
            .hasMessageContaining("withAllowReplace(true)");
        assertThat(mutations()).isEmpty();

        provisioner.apply(changed, ApplyPolicy.all());

        List<String> ops = mutations();
        assertThat(ops.indexOf("DeleteReplicationInstance")).isGreaterThan(ops.lastIndexOf("DeleteReplicationTask"));
        assertThat(ops.indexOf("CreateReplicationInstance")).isGreaterThan(ops.indexOf("DeleteReplicationInstance"));
        assertThat(ops.indexOf("CreateReplicationTask")).isGreaterThan(ops.indexOf("CreateReplicationInstance"));
        assertThat(fake.describeReplicationTasks().replicationTasks()).hasSize(5);
        assertThat(provisioner.plan(changed).hasChanges()).isFalse();
    }

    @Test
    @DisplayName("a new password updates only the secret (PutSecretValue), shown as sensitive")
    void passwordRotation() {
        Pipeline rotated = GuidePipeline.build("N3w-Passw0rd!");

        Plan plan = provisioner.plan(rotated);

        assertThat(plan.effectiveChanges()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ResourceKind.SECRET);
            assertThat(c.diffs()).containsExactly(FieldDiff.sensitive("password"));
        });
        provisioner.apply(rotated);
        assertThat(mutations()).isEmpty();
        assertThat(secrets.currentValue(GuidePipeline.SECRET_NAME)).get().asString().contains("N3w-Passw0rd!");
        assertThat(provisioner.plan(rotated).hasChanges()).isFalse();
    }

    @Test
    @DisplayName("destroy with secrets, then apply again: the secret scheduled for deletion is restored, not recreated")
    void secretScheduledForDeletionIsRestored() {
        provisioner.destroy(pipeline, DestroyOptions.deleteManagedSecrets().recoveryWindowDays(7));
        assertThat(secrets.calls("DeleteSecret")).hasSize(1);

        Plan plan = provisioner.plan(pipeline);
        assertThat(plan.change(ResourceKind.SECRET, GuidePipeline.SECRET_NAME)).get().satisfies(c -> {
            assertThat(c.action()).isEqualTo(ChangeAction.MODIFY);
            assertThat(c.notes()).anyMatch(n -> n.contains("restored"));
        });
        provisioner.apply(pipeline);

        assertThat(secrets.calls("RestoreSecret")).hasSize(1);
        assertThat(secrets.calls("CreateSecret")).hasSize(1);
        assertThat(provisioner.plan(pipeline).hasChanges()).isFalse();
    }

    @Test
    @DisplayName("a task settings change on an idle task is one ModifyReplicationTask")
    void idleTaskSettingsChange() {
        String id = "demand-insights-engine-replication";
        ReplicationTask t = pipeline.task(id).orElseThrow();
        Pipeline changed = pipeline.withTask(t.toBuilder().settings(s -> s.fullLoadSettings(f -> f.maxFullLoadSubTasks(16)))
            .build());

        assertThat(provisioner.plan(changed).effectiveChanges()).singleElement().satisfies(c -> assertThat(c.diffs())
            .extracting(FieldDiff::toString)
            .containsExactly("ReplicationTaskSettings.FullLoadSettings.MaxFullLoadSubTasks: 8 -> 16"));
        provisioner.apply(changed);
        assertThat(mutations()).containsExactly("ModifyReplicationTask");
        assertThat(provisioner.plan(changed).hasChanges()).isFalse();
    }
}
