package io.dmskit.testkit.fakedms;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.model.StopReason;
import io.dmskit.testkit.FakeClock;
import io.dmskit.testkit.FakeCloudWatch;
import io.dmskit.testkit.FakeCloudWatchLogs;
import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.Timings;
import io.dmskit.testkit.dataplane.TaskLogSeverity;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;

@DisplayName("FakeDms publishes DMS's CloudWatch metrics and task logs as AWS documents them")
class FakeDmsTelemetryTest {

    /**
     * The AWS/DMS metric names AWS documents. Source: AWS DMS User Guide, "Monitoring AWS DMS tasks" → "AWS Database
     * Migration Service metrics" (https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Monitoring.html), sections
     * "Replication instance metrics" and "Replication task metrics" (dimensions ReplicationInstanceIdentifier, and
     * ReplicationInstanceIdentifier + ReplicationTaskIdentifier for task metrics).
     */
    static final Set<String> DOCUMENTED_TASK_METRICS = Set.of("FullLoadThroughputBandwidthSource",
            "FullLoadThroughputBandwidthTarget", "FullLoadThroughputRowsSource", "FullLoadThroughputRowsTarget",
            "CDCIncomingChanges", "CDCChangesMemorySource", "CDCChangesMemoryTarget", "CDCChangesDiskSource",
            "CDCChangesDiskTarget", "CDCThroughputBandwidthSource", "CDCThroughputBandwidthTarget",
            "CDCThroughputRowsSource", "CDCThroughputRowsTarget", "CDCLatencySource", "CDCLatencyTarget",
            "CPUUtilization", "MemoryUsage", "CPUAllocated", "MemoryAllocated", "SwapUsage");
    static final Set<String> DOCUMENTED_INSTANCE_METRICS = Set.of("CPUUtilization", "FreeStorageSpace",
            "FreeableMemory", "WriteIOPS", "ReadIOPS", "WriteThroughput", "ReadThroughput", "WriteLatency",
            "ReadLatency", "SwapUsage", "NetworkTransmitThroughput", "NetworkReceiveThroughput", "AvailableMemory",
            "CPUAllocated", "DiskQueueDepth", "MemoryAllocated", "MemoryUsage");
    /** A DMS task log line: time, component padded to 16 in brackets, severity letter, message, source location. */
    static final Pattern LINE = Pattern.compile(
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d \\[[A-Z_ ]{16}\\][EWIDT]:  .+  \\([a-z_]+\\.c:\\d+\\)");

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final String LOGGING = "{\"Logging\":{\"EnableLogging\":true}}";

    private final FakeClock clock = FakeClock.startingAt(T0);
    private final FakeCloudWatch cloudWatch = FakeCloudWatch.builder().clock(clock).build();
    private final FakeCloudWatchLogs cloudWatchLogs = FakeCloudWatchLogs.builder().clock(clock).build();
    private final FakeDms fake = FakeDms.builder().clock(clock)
            .timings(Timings.instant().toBuilder().fullLoadScripted().build())
            .cloudWatch(cloudWatch).cloudWatchLogs(cloudWatchLogs).build();
    private final DatabaseMigrationClient dms = fake;
    private final CloudWatchClient cw = cloudWatch;
    private final CloudWatchLogsClient logs = cloudWatchLogs;

    private String startedTask(String id, String settings) {
        String arn = Fixtures.task(dms, id, "full-load-and-cdc");
        dms.modifyReplicationTask(b -> b.replicationTaskArn(arn).replicationTaskSettings(settings));
        dms.describeReplicationTasks();
        dms.startReplicationTask(b -> b.replicationTaskArn(arn).startReplicationTaskType("start-replication"));
        dms.describeReplicationTasks();
        return arn;
    }

    private static String resourceId(String arn) {
        return arn.substring(arn.lastIndexOf(':') + 1);
    }

    /** Loads shop.orders (1,000 rows), ends the full load and reports a CDC latency of 3 s / 5 s. */
    private void runThroughFullLoad(String arn) {
        fake.task(arn).tableStatistics("shop", "orders", b -> b.tableState("Full load").fullLoadRows(400L))
                .tableStatistics("shop", "orders", b -> b.tableState("Table completed").fullLoadRows(1000L))
                .finishFullLoad()
                .cdcLatency(Duration.ofSeconds(3), Duration.ofSeconds(5));
    }

    @Test
    @DisplayName("metric names, units and dimensions are AWS's; the task dimension is the resource id")
    void namesAndDimensions() {
        String arn = startedTask("orders-task", LOGGING);
        runThroughFullLoad(arn);
        clock.advance(Duration.ofMinutes(2));

        List<Metric> metrics = cw.listMetricsPaginator(b -> b.namespace("AWS/DMS")).metrics().stream().toList();
        Map<String, Set<String>> taskMetrics = new HashMap<>();
        Set<String> instanceMetrics = new TreeSet<>();
        for (Metric m : metrics) {
            Map<String, String> dims = new HashMap<>();
            for (Dimension d : m.dimensions()) {
                dims.put(d.name(), d.value());
            }
            if (dims.containsKey("ReplicationTaskIdentifier")) {
                assertThat(dims).containsOnly(Map.entry("ReplicationInstanceIdentifier", "orders-task-ri"),
                        Map.entry("ReplicationTaskIdentifier", resourceId(arn)));
                taskMetrics.computeIfAbsent("task", k -> new TreeSet<>()).add(m.metricName());
            } else {
                assertThat(dims).containsOnly(Map.entry("ReplicationInstanceIdentifier", "orders-task-ri"));
                instanceMetrics.add(m.metricName());
            }
        }
        assertThat(resourceId(arn)).isNotEqualTo("orders-task").matches("[A-Z2-7]{26}");
        assertThat(taskMetrics.get("task")).isSubsetOf(DOCUMENTED_TASK_METRICS)
                .contains("CDCLatencySource", "CDCLatencyTarget", "CDCIncomingChanges", "CDCThroughputRowsSource",
                        "CDCThroughputRowsTarget", "FullLoadThroughputRowsSource", "FullLoadThroughputRowsTarget");
        assertThat(instanceMetrics).isSubsetOf(DOCUMENTED_INSTANCE_METRICS)
                .contains("CPUUtilization", "FreeableMemory", "FreeStorageSpace", "SwapUsage");
    }

    @Test
    @DisplayName("GetMetricData reads the reported CDC latency per minute; an alarm on it fires and clears")
    void latencyMetricAndAlarm() {
        String arn = startedTask("lag-task", LOGGING);
        List<Dimension> dims = List.of(Dimension.builder().name("ReplicationInstanceIdentifier")
                .value("lag-task-ri").build(), Dimension.builder().name("ReplicationTaskIdentifier")
                .value(resourceId(arn)).build());
        cw.putMetricAlarm(b -> b.alarmName("dms-lag").namespace("AWS/DMS").metricName("CDCLatencyTarget")
                .dimensions(dims).statistic("Maximum").period(60).evaluationPeriods(1).threshold(4.0)
                .comparisonOperator("GreaterThanThreshold").treatMissingData("notBreaching"));
        runThroughFullLoad(arn);
        clock.advance(Duration.ofSeconds(61));
        assertThat(cw.describeAlarms(b -> b.alarmNames("dms-lag")).metricAlarms().get(0).stateValue())
                .isEqualTo(StateValue.ALARM);

        clock.advance(Duration.ofMinutes(2)); // no more changes: DMS reports 0 when idle
        MetricDataResult r = cw.getMetricData(b -> b.startTime(T0).endTime(clock.instant().plusSeconds(60))
                .scanBy("TimestampAscending").metricDataQueries(q -> q.id("lag").metricStat(s -> s.metric(m -> m
                        .namespace("AWS/DMS").metricName("CDCLatencySource").dimensions(dims)).period(60)
                        .stat("Maximum")))).metricDataResults().get(0);
        assertThat(r.timestamps()).containsExactly(T0, T0.plusSeconds(60), T0.plusSeconds(120),
                T0.plusSeconds(180));
        assertThat(r.values()).containsExactly(3.0, 0.0, 0.0, 0.0);
        assertThat(cw.describeAlarms(b -> b.alarmNames("dms-lag")).metricAlarms().get(0).stateValue())
                .isEqualTo(StateValue.OK);
    }

    @Test
    @DisplayName("a shorter metric period samples running tasks more often on the clock")
    void metricPeriod() {
        FakeDms fast = FakeDms.builder().clock(clock).cloudWatch(cloudWatch).metricPeriod(Duration.ofSeconds(10))
                .build();
        String arn = Fixtures.task(fast, "fast", "cdc");
        fast.describeReplicationTasks();
        fast.startReplicationTask(b -> b.replicationTaskArn(arn).startReplicationTaskType("start-replication"));
        fast.describeReplicationTasks();
        for (int i = 0; i < 6; i++) {
            clock.advance(Duration.ofSeconds(10));
            cw.listMetrics();
        }
        var r = cw.getMetricStatistics(b -> b.namespace("AWS/DMS").metricName("CDCIncomingChanges")
                .dimensions(Dimension.builder().name("ReplicationInstanceIdentifier").value("fast-ri").build(),
                        Dimension.builder().name("ReplicationTaskIdentifier").value(resourceId(arn)).build())
                .startTime(T0).endTime(T0.plusSeconds(70)).period(10).statisticsWithStrings("SampleCount"));
        assertThat(r.datapoints()).hasSize(7);
    }

    @Test
    @DisplayName("task logs: DMS's group and stream names and line format, lines for start, tables, CDC, stop")
    void taskLogs() {
        String arn = startedTask("orders-task", LOGGING);
        runThroughFullLoad(arn);
        fake.task(arn).log(TaskLogSeverity.WARNING, "source_capture", "Reading changes failed, retrying");
        dms.stopReplicationTask(b -> b.replicationTaskArn(arn));
        dms.describeReplicationTasks();

        String group = "dms-tasks-orders-task-ri";
        String stream = "dms-task-" + resourceId(arn);
        assertThat(logs.describeLogStreams(b -> b.logGroupName(group)).logStreams())
                .singleElement().satisfies(s -> assertThat(s.logStreamName()).isEqualTo(stream));
        List<String> lines = logs.getLogEvents(b -> b.logGroupName(group).logStreamName(stream).startFromHead(true))
                .events().stream().map(OutputLogEvent::message).toList();
        assertThat(lines).allMatch(l -> LINE.matcher(l).matches(), "match " + LINE);
        String id = resourceId(arn);
        assertThat(String.join("\n", lines)).contains(
                "2026-03-01T10:00:00 [TASK_MANAGER    ]I:  Task '" + id + "' running full load and CDC in fresh start"
                        + " mode  (replicationtask.c:1381)",
                "[TASK_MANAGER    ]I:  Start loading table 'shop'.'orders' (Id = 1) by subtask 1",
                "[TASK_MANAGER    ]I:  Load finished for table 'shop'.'orders' (Id = 1) by subtask 1. 1000 records"
                        + " transferred.",
                "[TASK_MANAGER    ]I:  All tables are loaded",
                "[TASK_MANAGER    ]I:  Starting replication now",
                "[SOURCE_CAPTURE  ]W:  Reading changes failed, retrying",
                "[TASK_MANAGER    ]I:  Task '" + id + "' stopped: " + StopReason.NORMAL.text());
        assertThat(fake.describeReplicationTasks().replicationTasks().stream()
                .filter(t -> t.replicationTaskArn().equals(arn)).findFirst().orElseThrow().replicationTaskSettings())
                .contains("\"CloudWatchLogGroup\":\"" + group + "\"", "\"CloudWatchLogStream\":\"" + stream + "\"");
    }

    @Test
    @DisplayName("a failed task logs its error lines, which FilterLogEvents finds by severity")
    void failureLines() {
        String arn = startedTask("broken", LOGGING);
        fake.task(arn).fail("Cannot connect to the source: timeout");
        List<String> errors = logs.filterLogEvents(b -> b.logGroupName("dms-tasks-broken-ri")
                .filterPattern("\"]E:\"")).events().stream().map(FilteredLogEvent::message).toList();
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0)).contains("[TASK_MANAGER    ]E:  Task error notification received from subtask 0,"
                + " thread 0 [1020101] Cannot connect to the source: timeout");
        assertThat(errors.get(1)).contains("' encountered a fatal error");
    }

    @Test
    @DisplayName("no task log without EnableLogging; LogComponents severities hide the lines below them")
    void loggingSettings() {
        startedTask("quiet", "{\"Logging\":{\"EnableLogging\":false}}");
        String arn = startedTask("errors-only", "{\"Logging\":{\"EnableLogging\":true,\"LogComponents\":["
                + "{\"Id\":\"TASK_MANAGER\",\"Severity\":\"LOGGER_SEVERITY_ERROR\"}]}}");
        runThroughFullLoad(arn);
        fake.task(arn).log(TaskLogSeverity.DEBUG, "SOURCE_CAPTURE", "debug detail");
        assertThat(logs.describeLogGroups().logGroups()).extracting(g -> g.logGroupName())
                .containsExactly("dms-tasks-errors-only-ri");
        List<String> lines = logs.filterLogEvents(b -> b.logGroupName("dms-tasks-errors-only-ri")).events().stream()
                .map(FilteredLogEvent::message).toList();
        assertThat(lines).noneMatch(l -> l.contains("[TASK_MANAGER"));
        assertThat(lines).anyMatch(l -> l.contains("[SOURCE_CAPTURE  ]I:  Capturing changes from the source"));
        assertThat(lines).noneMatch(l -> l.contains("debug detail"));
    }
}
