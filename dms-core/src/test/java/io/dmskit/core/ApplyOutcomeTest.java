package io.dmskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.core.exception.WaitTimeoutException;
import io.dmskit.core.provision.ApplyResult;
import io.dmskit.core.provision.ChangeAction;
import io.dmskit.core.provision.DestroyOptions;
import io.dmskit.core.provision.Plan;
import io.dmskit.core.provision.ResourceKind;
import io.dmskit.testkit.CallRecord;
import io.dmskit.testkit.FakeClock;
import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.FakeSecretsManager;
import io.dmskit.testkit.Timings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretRequest;

@DisplayName("What apply and destroy report: nothing to do, part done, and exactly what destroy deletes (issue 16)")
class ApplyOutcomeTest {

    private FakeClock clock;
    private FakeSecretsManager secrets;
    private FakeDms fake;
    private Pipeline pipeline;

    @BeforeEach
    void setUp() {
        clock = FakeClock.create();
        secrets = FakeSecretsManager.create();
        fake = FakeDms.builder().clock(clock).timings(Timings.realistic()).secretsManager(secrets).build();
        pipeline = GuidePipeline.build("Pw-1", List.of("retail-copilot"));
    }

    @AfterEach
    void tearDown() {
        fake.close();
    }

    private DmsProvisioner provisioner(Duration waitTimeout) {
        return DmsProvisioner.builder().dms(fake).secrets(secrets).clock(clock).sleeper(clock::sleep)
            .pollInterval(Duration.ofSeconds(5)).waitTimeout(waitTimeout).build();
    }

    @Test
    @DisplayName("apply after a plan that said 'no changes' waits for nothing and says nothing changed")
    void emptyPlanDoesNoWaits() {
        try (DmsProvisioner first = provisioner(Duration.ofMinutes(60))) {
            first.apply(pipeline);
        }
        try (DmsProvisioner dms = provisioner(Duration.ofSeconds(30))) {
            // someone reboots the instance: it is 'rebooting' for minutes, longer than the wait timeout
            fake.rebootReplicationInstance(b -> b.replicationInstanceArn(fake.describeReplicationInstances()
                .replicationInstances().get(0).replicationInstanceArn()));
            Plan plan = dms.plan(pipeline);
            assertThat(plan.hasChanges()).isFalse();
            assertThat(plan.render()).contains("No changes.");
            fake.clearCalls();
            Instant before = clock.instant();

            ApplyResult result = dms.apply(pipeline);

            assertThat(result.changed()).isFalse();
            assertThat(result.complete()).isTrue();
            assertThat(result.finished()).isEmpty();
            assertThat(result.mutatingCalls()).isZero();
            assertThat(clock.instant()).as("no poll, no sleep").isEqualTo(before);
            assertThat(result.arn(ResourceKind.REPLICATION_TASK, "retail-copilot-replication")).startsWith("arn:");
        }
    }

    @Test
    @DisplayName("a wait that times out part way carries the partial ApplyResult: what finished, ARNs, calls")
    void timeoutCarriesPartialResult() {
        try (DmsProvisioner dms = provisioner(Duration.ofMinutes(2))) {   // the instance needs 8 minutes
            assertThatThrownBy(() -> dms.apply(pipeline)).isInstanceOfSatisfying(WaitTimeoutException.class, e -> {
                assertThat(e.getMessage()).contains("replication instance 'ecommerce-dms'");
                ApplyResult partial = ApplyResult.partialResultOf(e).orElseThrow();
                assertThat(partial.complete()).isFalse();
                assertThat(partial.changed()).isTrue();
                assertThat(partial.finished()).contains("SECRET:" + GuidePipeline.SECRET_NAME.toLowerCase(),
                    "SUBNET_GROUP:ecommerce-dms-subnets").noneMatch(k -> k.startsWith("REPLICATION_TASK"));
                assertThat(partial.arn(ResourceKind.REPLICATION_INSTANCE, "ecommerce-dms")).startsWith("arn:");
                assertThat(partial.arn(ResourceKind.REPLICATION_TASK, "retail-copilot-replication")).isNull();
                assertThat(partial.mutatingCalls()).isEqualTo(fake.mutatingCallCount()
                    + secrets.calls().stream().filter(CallRecord::mutating).count());
            });
        }
    }

    @Test
    @DisplayName("planDestroy with the options destroy takes shows the managed secret deleted, as destroy does it")
    void planDestroyShowsWhatDestroyDoes() {
        try (DmsProvisioner dms = provisioner(Duration.ofMinutes(60))) {
            dms.apply(pipeline);
            DestroyOptions options = DestroyOptions.deleteManagedSecrets().recoveryWindowDays(7);

            Plan kept = dms.planDestroy(pipeline);
            Plan preview = dms.planDestroy(pipeline, options);

            assertThat(kept.change(ResourceKind.SECRET, GuidePipeline.SECRET_NAME)).get()
                .satisfies(c -> assertThat(c.action()).isEqualTo(ChangeAction.NO_OP))
                .satisfies(c -> assertThat(c.notes()).containsExactly(
                    "kept: managed secrets are deleted only with DestroyOptions.deleteManagedSecrets()"));
            assertThat(kept.render()).contains("# secret \"" + GuidePipeline.SECRET_NAME + "\" unchanged: kept: "
                + "managed secrets are deleted only with DestroyOptions.deleteManagedSecrets()");
            assertThat(preview.render()).contains("- secret \"" + GuidePipeline.SECRET_NAME + "\" will be deleted")
                .contains("# deleted with a recovery window of 7 days");
            assertThat(preview.change(ResourceKind.SECRET, GuidePipeline.SECRET_NAME)).get()
                .satisfies(c -> assertThat(c.action()).isEqualTo(ChangeAction.DELETE))
                .satisfies(c -> assertThat(c.notes()).containsExactly("deleted with a recovery window of 7 days"));

            List<String> deleted = dms.destroy(pipeline, options);

            List<String> planned = preview.effectiveChanges().stream()
                .map(c -> c.kind().name() + ":" + c.identifier().toLowerCase()).toList();
            assertThat(deleted).containsExactlyElementsOf(planned);
            DeleteSecretRequest request = secrets.calls("DeleteSecret").get(0).request(DeleteSecretRequest.class);
            assertThat(request.recoveryWindowInDays()).isEqualTo(7L);
            assertThat(request.forceDeleteWithoutRecovery()).isNull();
        }
    }

    @Test
    @DisplayName("the deprecated destroy(p, true, 0) is DestroyOptions.deleteManagedSecrets().withoutRecovery()")
    @SuppressWarnings("deprecation")
    void deprecatedOverloadDelegates() {
        try (DmsProvisioner dms = provisioner(Duration.ofMinutes(60))) {
            dms.apply(pipeline);
            assertThat(dms.destroy(pipeline, true, 0)).contains("SECRET:" + GuidePipeline.SECRET_NAME.toLowerCase());
            assertThat(secrets.calls("DeleteSecret").get(0).request(DeleteSecretRequest.class)
                .forceDeleteWithoutRecovery()).isTrue();
        }
    }

    @Test
    @DisplayName("DestroyOptions reject a recovery window outside 7..30 and one for secrets that are kept")
    void destroyOptionsValidate() {
        assertThatThrownBy(() -> DestroyOptions.deleteManagedSecrets().recoveryWindowDays(3))
            .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("7..30").hasMessageContaining("was 3")
            .hasMessageContaining("DestroyOptions.deleteManagedSecrets().withoutRecovery()");
        assertThatThrownBy(() -> DestroyOptions.keepManagedSecrets().recoveryWindowDays(7))
            .isInstanceOf(InvalidDefinitionException.class)
            .hasMessageContaining("DestroyOptions.deleteManagedSecrets().recoveryWindowDays(7)");
        assertThat(DestroyOptions.deleteManagedSecrets().recoveryWindowInDays()).hasValue(30);
        assertThat(DestroyOptions.deleteManagedSecrets().withoutRecovery().recoveryWindowInDays()).isEmpty();
        assertThat(DestroyOptions.keepManagedSecrets().deletesManagedSecrets()).isFalse();
    }

    @Test
    @DisplayName("ResourceKind.parse takes what people type: task, instance, subnet-group, labels, API names")
    void resourceKindParse() {
        assertThat(ResourceKind.parse("task")).isEqualTo(ResourceKind.REPLICATION_TASK);
        assertThat(ResourceKind.parse("TASK")).isEqualTo(ResourceKind.REPLICATION_TASK);
        assertThat(ResourceKind.parse("ReplicationTask")).isEqualTo(ResourceKind.REPLICATION_TASK);
        assertThat(ResourceKind.parse("replication task")).isEqualTo(ResourceKind.REPLICATION_TASK);
        assertThat(ResourceKind.parse("instance")).isEqualTo(ResourceKind.REPLICATION_INSTANCE);
        assertThat(ResourceKind.parse("subnet-group")).isEqualTo(ResourceKind.SUBNET_GROUP);
        assertThat(ResourceKind.parse("ReplicationSubnetGroup")).isEqualTo(ResourceKind.SUBNET_GROUP);
        assertThat(ResourceKind.parse(" Endpoint ")).isEqualTo(ResourceKind.ENDPOINT);
        for (ResourceKind k : ResourceKind.values()) {
            assertThat(ResourceKind.parse(k.name())).isEqualTo(k);
            assertThat(ResourceKind.parse(k.label())).isEqualTo(k);
        }
        assertThatThrownBy(() -> ResourceKind.parse("job")).isInstanceOf(InvalidDefinitionException.class)
            .hasMessageContaining("'job'").hasMessageContaining("REPLICATION_TASK");
    }
}
