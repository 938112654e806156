package io.dmskit.core.alarm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.core.DmsProvisioner;
import io.dmskit.core.Endpoint;
import io.dmskit.core.Pipeline;
import io.dmskit.core.ReplicationInstance;
import io.dmskit.core.ReplicationTask;
import io.dmskit.core.endpoint.Secret;
import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.core.provision.ApplyPolicy;
import io.dmskit.core.provision.ApplyResult;
import io.dmskit.core.provision.ChangeAction;
import io.dmskit.core.provision.Plan;
import io.dmskit.core.provision.ResourceKind;
import io.dmskit.core.task.MigrationType;
import io.dmskit.mappings.TableMappings;
import io.dmskit.testkit.FakeClock;
import io.dmskit.testkit.FakeCloudWatch;
import io.dmskit.testkit.FakeDms;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;

/** Alarms of a pipeline, provisioned through the SDK's CloudWatchClient interface (dms-testkit's FakeCloudWatch). */
class AlarmProvisioningTest {

    private static final String MAPPINGS = "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\","
        + "\"rule-name\":\"all\",\"object-locator\":{\"schema-name\":\"shop\",\"table-name\":\"%\"},"
        + "\"rule-action\":\"include\"}]}";
    private static final String TOPIC = "arn:aws:sns:us-east-1:123456789012:dms-alerts";

    private FakeClock clock;
    private FakeDms dms;
    private FakeCloudWatch cloudWatch;
    private DmsProvisioner provisioner;

    @BeforeEach
    void setUp() {
        clock = FakeClock.create();
        dms = FakeDms.builder().clock(clock).build();
        cloudWatch = FakeCloudWatch.builder().clock(clock).build();
        provisioner = DmsProvisioner.builder().dms(dms).cloudWatch(cloudWatch).clock(clock).sleeper(clock::sleep)
            .pollInterval(Duration.ofSeconds(5)).build();
    }

    static Pipeline.Builder base() {
        return Pipeline.builder("alarms")
            .endpoint(Endpoint.mysql("src").source().serverName("h").port(3306).password("u", Secret.of("p")))
            .endpoint(Endpoint.s3("tgt").s3Settings(s -> s.bucketName("dms-bucket")
                .serviceAccessRoleArn("arn:aws:iam::123456789012:role/dms")))
            .instance(ReplicationInstance.builder("alarms-ri").instanceClass("dms.t3.medium"))
            .task(ReplicationTask.builder("orders").source("src").target("tgt").replicationInstance("alarms-ri")
                .migrationType(MigrationType.FULL_LOAD_AND_CDC).tableMappings(TableMappings.fromJson(MAPPINGS)));
    }

    static CdcLatencyAlarm.Builder latency() {
        return CdcLatencyAlarm.builder("alarms-orders-latency").task("orders").target().thresholdSeconds(300)
            .periods(5).datapointsToAlarm(3).alarmActions(TOPIC).description("orders lag").tag("team", "data");
    }

    private Map<String, MetricAlarm> alarms() {
        return cloudWatch.describeAlarms().metricAlarms().stream()
            .collect(Collectors.toMap(MetricAlarm::alarmName, a -> a));
    }

    private java.util.List<io.dmskit.testkit.CallRecord> putCalls() {
        return cloudWatch.calls().stream().filter(c -> c.operation().equals("PutMetricAlarm")).toList();
    }

    @Test
    void planShowsAlarmsWhoseTaskDimensionIsKnownAfterApply() {
        Plan plan = provisioner.plan(base().alarm(latency()).build());
        assertThat(plan.change(ResourceKind.ALARM, "alarms-orders-latency").orElseThrow().action())
            .isEqualTo(ChangeAction.CREATE);
        assertThat(plan.render()).contains("alarms-orders-latency").contains("(known after apply)");
    }

    @Test
    void applyPutsTheAlarmOnTheTasksResourceIdAndReapplyIsANoOp() {
        Pipeline p = base().alarm(latency()).alarm(TaskStateAlarm.builder("alarms-orders-not-running").task("orders")
            .periods(3).alarmActions(TOPIC)).build();
        ApplyResult first = provisioner.apply(p);
        String taskArn = first.arn(ResourceKind.REPLICATION_TASK, "orders");
        String resourceId = taskArn.substring(taskArn.lastIndexOf(':') + 1);

        MetricAlarm lat = alarms().get("alarms-orders-latency");
        assertThat(lat.namespace()).isEqualTo("AWS/DMS");
        assertThat(lat.metricName()).isEqualTo("CDCLatencyTarget");
        assertThat(lat.dimensions()).extracting(d -> d.name() + "=" + d.value()).containsExactlyInAnyOrder(
            "ReplicationInstanceIdentifier=alarms-ri", "ReplicationTaskIdentifier=" + resourceId);
        assertThat(resourceId).isNotEqualTo("orders");
        assertThat(lat.threshold()).isEqualTo(300.0);
        assertThat(lat.comparisonOperatorAsString()).isEqualTo("GreaterThanThreshold");
        assertThat(lat.evaluationPeriods()).isEqualTo(5);
        assertThat(lat.datapointsToAlarm()).isEqualTo(3);
        assertThat(lat.alarmActions()).containsExactly(TOPIC);
        assertThat(lat.alarmDescription()).isEqualTo("orders lag [dmskit:pipeline=alarms]");

        MetricAlarm down = alarms().get("alarms-orders-not-running");
        assertThat(down.statisticAsString()).isEqualTo("SampleCount");
        assertThat(down.comparisonOperatorAsString()).isEqualTo("LessThanThreshold");
        assertThat(down.treatMissingData()).isEqualTo("breaching");

        int puts = putCalls().size();
        assertThat(puts).isEqualTo(2);
        ApplyResult again = provisioner.apply(p);
        assertThat(again.plan().hasChanges()).isFalse();
        assertThat(putCalls()).hasSize(2);
        assertThat(provisioner.plan(p).change(ResourceKind.ALARM, "alarms-orders-latency").orElseThrow().action())
            .isEqualTo(ChangeAction.NO_OP);
    }

    @Test
    void aChangedThresholdIsAModifyAndADroppedAlarmIsDeletedWhenDeletesAreAllowed() {
        provisioner.apply(base().alarm(latency()).build());
        Pipeline changed = base().alarm(latency().thresholdSeconds(120)).build();
        Plan plan = provisioner.plan(changed);
        assertThat(plan.change(ResourceKind.ALARM, "alarms-orders-latency").orElseThrow().diffs())
            .anySatisfy(d -> assertThat(d.field() + ":" + d.before() + "->" + d.after()).isEqualTo("Threshold:300->120"));
        provisioner.apply(changed);
        assertThat(alarms().get("alarms-orders-latency").threshold()).isEqualTo(120.0);

        Pipeline without = base().build();
        assertThat(provisioner.plan(without).change(ResourceKind.ALARM, "alarms-orders-latency").orElseThrow()
            .action()).isEqualTo(ChangeAction.DELETE);
        provisioner.apply(without);                       // safe policy: the dropped alarm stays
        assertThat(alarms()).containsKey("alarms-orders-latency");
        provisioner.apply(without, ApplyPolicy.safe().withAllowDeletes(true));
        assertThat(alarms()).doesNotContainKey("alarms-orders-latency");
    }

    @Test
    void destroyDeletesTheAlarmsFirst() {
        Pipeline p = base().alarm(latency()).build();
        provisioner.apply(p);
        assertThat(provisioner.planDestroy(p).changes().get(0).kind()).isEqualTo(ResourceKind.ALARM);
        assertThat(provisioner.destroy(p)).first().isEqualTo("alarm:alarms-orders-latency");
        assertThat(alarms()).isEmpty();
    }

    @Test
    void aPipelineWithAlarmsNeedsACloudWatchClient() {
        DmsProvisioner noCloudWatch = DmsProvisioner.builder().dms(dms).clock(clock).sleeper(clock::sleep).build();
        Pipeline p = base().alarm(latency()).build();
        assertThatThrownBy(() -> noCloudWatch.apply(p)).isInstanceOf(InvalidDefinitionException.class)
            .hasMessageContaining("alarms-orders-latency").hasMessageContaining(".cloudWatch(client)");
        assertThat(dms.describeReplicationTasks().replicationTasks()).isEmpty();   // refused before any change
    }

    @Test
    void alarmDefinitionsReportEveryProblemAndBrokenReferences() {
        assertThatThrownBy(() -> CdcLatencyAlarm.builder("").periods(0).datapointsToAlarm(3)
            .alarmActions("not-an-arn").period(Duration.ofSeconds(45)).build())
            .isInstanceOf(InvalidDefinitionException.class)
            .hasMessageContaining("AlarmName").hasMessageContaining("task").hasMessageContaining("EvaluationPeriods")
            .hasMessageContaining("not-an-arn").hasMessageContaining("Period").hasMessageContaining("Threshold");
        assertThatThrownBy(() -> base().alarm(latency().task("payments")).build())
            .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("refers to task 'payments'");
    }
}
