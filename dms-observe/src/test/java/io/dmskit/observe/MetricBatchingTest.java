package io.dmskit.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.testkit.CallRecord;
import io.dmskit.testkit.FakeClock;
import io.dmskit.testkit.FakeCloudWatch;
import io.dmskit.testkit.FakeDms;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;

/** Many tasks' metrics in few GetMetricData calls, read from what FakeDms publishes to FakeCloudWatch. */
class MetricBatchingTest {

    @Test
    void eightyTasksNeedTwoGetMetricDataCalls() {
        FakeClock clock = FakeClock.create();
        FakeCloudWatch cloudWatch = FakeCloudWatch.builder().clock(clock).build();
        FakeDms dms = FakeDms.builder().clock(clock).cloudWatch(cloudWatch).build();
        Resources r = new Resources(dms, "batch-ri");
        List<String> arns = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            String arn = r.task("batch-" + i);
            dms.startReplicationTask(b -> b.replicationTaskArn(arn).startReplicationTaskType("start-replication"));
            arns.add(arn);
        }
        clock.advance(Duration.ofMinutes(3));
        dms.describeReplicationTasks();
        DmsObserver observer = DmsObserver.builder().dms(dms).cloudWatch(cloudWatch).clock(clock).build();

        List<TaskSnapshot> all = observer.snapshots(arns);

        assertThat(all).hasSize(80).allSatisfy(s -> {
            assertThat(s.metrics().cdcLatencySource()).isPresent();
            assertThat(s.metrics().cdcLatencyTarget()).isPresent();
        });
        // 80 tasks x 7 metrics = 560 queries: 500 + 60
        List<CallRecord> calls = cloudWatch.calls().stream().filter(c -> c.operation().equals("GetMetricData"))
            .toList();
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).request(GetMetricDataRequest.class).metricDataQueries()).hasSize(500)
            .allSatisfy(q -> {
                assertThat(q.metricStat().metric().namespace()).isEqualTo("AWS/DMS");
                assertThat(q.metricStat().metric().dimensions()).extracting(d -> d.name())
                    .containsExactly("ReplicationInstanceIdentifier", "ReplicationTaskIdentifier");
            });
        assertThat(observer.awsCalls()).containsEntry("GetMetricData", 2L)
            .containsEntry("DescribeReplicationTasks", 1L);
    }
}
