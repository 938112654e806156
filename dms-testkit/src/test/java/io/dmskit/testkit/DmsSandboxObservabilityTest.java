package io.dmskit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;

@DisplayName("DmsSandbox wires FakeCloudWatch and FakeCloudWatchLogs to its FakeDms on its clock")
class DmsSandboxObservabilityTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @RegisterExtension
    DmsSandbox sandbox = DmsSandbox.builder().startingAt(T0).metricPeriod(Duration.ofSeconds(30)).build();

    @Test
    @DisplayName("injects the sandbox's CloudWatch clients, which see the fake DMS's instance metrics on its clock")
    void injectsClientsSharingTheClock(CloudWatchClient cw, CloudWatchLogsClient logs, FakeCloudWatch fakeCw,
                                       FakeCloudWatchLogs fakeLogs, DatabaseMigrationClient dms) {
        assertThat(cw).isSameAs(sandbox.cloudWatch()).isSameAs(fakeCw);
        assertThat(logs).isSameAs(sandbox.cloudWatchLogs()).isSameAs(fakeLogs);
        assertThat(fakeCw.clock()).isSameAs(sandbox.clock());
        assertThat(fakeLogs.clock()).isSameAs(sandbox.clock());

        dms.createReplicationInstance(b -> b.replicationInstanceIdentifier("ri").replicationInstanceClass("dms.t3.micro")
                .allocatedStorage(50));
        dms.describeReplicationInstances();
        sandbox.clock().advance(Duration.ofSeconds(90));
        var free = cw.getMetricStatistics(b -> b.namespace("AWS/DMS").metricName("FreeStorageSpace")
                .dimensions(d -> d.name("ReplicationInstanceIdentifier").value("ri")).startTime(T0)
                .endTime(T0.plusSeconds(120)).period(30).statisticsWithStrings("Maximum")).datapoints();
        // one sample per 30 s period from the first period the instance was available in, none before
        assertThat(free).extracting(p -> p.timestamp()).containsExactly(T0.plusSeconds(30), T0.plusSeconds(60),
                T0.plusSeconds(90));
        assertThat(free).allSatisfy(p -> assertThat(p.maximum()).isEqualTo(50.0 * 1024 * 1024 * 1024));
        assertThat(logs.describeLogGroups().logGroups()).isEmpty();
    }

    @Test
    @DisplayName("the metric period must be whole seconds")
    void metricPeriodIsValidated() {
        assertThatThrownBy(() -> DmsSandbox.builder().metricPeriod(Duration.ofMillis(500)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("metricPeriod");
    }
}
