package io.dmskit.testkit.cloudwatch;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.testkit.FakeClock;
import io.dmskit.testkit.FakeCloudWatch;
import io.dmskit.testkit.FakeCloudWatchLogs;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

@DisplayName("hostile requests to FakeCloudWatch and FakeCloudWatchLogs fail with AWS-shaped errors only")
class FakeCloudWatchHostileRequestsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private final FakeClock clock = FakeClock.startingAt(T0);
    private final CloudWatchClient cw = FakeCloudWatch.builder().clock(clock).build();
    private final CloudWatchLogsClient logs = FakeCloudWatchLogs.builder().clock(clock).build();

    private static void awsError(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOf(AwsServiceException.class);
    }

    @Test
    @DisplayName("nulls inside lists, empty and oversized names, NaN, extreme times, unknown enums")
    void hostileRequests() {
        awsError(() -> cw.putMetricData(b -> b.namespace("N").metricData(Arrays.asList((MetricDatum) null))));
        awsError(() -> cw.putMetricData(b -> b.namespace("N").metricData(d -> d.metricName("m").value(1.0)
                .dimensions(Arrays.asList((Dimension) null)))));
        awsError(() -> cw.putMetricData(b -> b.namespace("").metricData(d -> d.metricName("").value(1.0))));
        awsError(() -> cw.putMetricData(b -> b.namespace("N".repeat(300)).metricData(d -> d.metricName("m")
                .value(Double.NEGATIVE_INFINITY).timestamp(Instant.MAX))));
        awsError(() -> cw.putMetricData(b -> b.namespace("N").metricData(d -> d.metricName("m").unit("Parsecs")
                .value(1.0))));
        awsError(() -> cw.putMetricData(b -> b.namespace("N").metricData(d -> d.metricName("m")
                .statisticValues(s -> s.sampleCount(0.0).sum(1.0).minimum(2.0).maximum(1.0)))));
        awsError(() -> cw.putMetricData(b -> b.namespace("N").metricData(d -> d.metricName("m")
                .values(Arrays.asList(1.0, null)))));
        awsError(() -> cw.getMetricData(b -> b.startTime(T0).endTime(T0)
                .metricDataQueries(Arrays.asList((MetricDataQuery) null))));
        awsError(() -> cw.getMetricData(b -> b.startTime(Instant.EPOCH).endTime(T0).scanBy("Sideways")
                .metricDataQueries(q -> q.id("a").metricStat(s -> s.period(0).stat("").metric(m -> m
                        .dimensions(Arrays.asList((Dimension) null)))))));
        awsError(() -> cw.getMetricData(b -> b.startTime(T0).endTime(T0.plusSeconds(60)).nextToken("%%%")
                .metricDataQueries(q -> q.id("a").metricStat(s -> s.period(60).stat("Sum").metric(m -> m
                        .namespace("N").metricName("m"))))));
        awsError(() -> cw.getMetricStatistics(b -> b.namespace("N").metricName("m").startTime(Instant.EPOCH)
                .endTime(T0).period(-1).statisticsWithStrings("Bogus")));
        awsError(() -> cw.listMetrics(b -> b.recentlyActive("PT1H")));
        awsError(() -> cw.putMetricAlarm(b -> b.alarmName("").evaluationPeriods(0).comparisonOperator("Sideways")
                .statistic("Sum").period(Integer.MAX_VALUE).threshold(Double.NaN)));
        awsError(() -> cw.describeAlarms(b -> b.maxRecords(0).stateValue("SLEEPY")));
        awsError(() -> cw.deleteAlarms(b -> b.alarmNames(Arrays.asList((String) null))));
        awsError(() -> cw.setAlarmState(b -> b.alarmName("x").stateValue("OK").stateReason("r")));

        awsError(() -> logs.createLogGroup(b -> b.logGroupName("")));
        awsError(() -> logs.createLogGroup(b -> b.logGroupName("g".repeat(600))));
        logs.createLogGroup(b -> b.logGroupName("g"));
        logs.createLogStream(b -> b.logGroupName("g").logStreamName("s"));
        awsError(() -> logs.putLogEvents(b -> b.logGroupName("g").logStreamName("s")
                .logEvents(Arrays.asList((InputLogEvent) null))));
        awsError(() -> logs.putLogEvents(b -> b.logGroupName("g").logStreamName("s")
                .logEvents(e -> e.timestamp(-5L).message("x"))));
        awsError(() -> logs.getLogEvents(b -> b.logGroupName("g").logStreamName("s").nextToken("f/nope")));
        awsError(() -> logs.getLogEvents(b -> b.logGroupName("g").logStreamName("s").limit(0)));
        awsError(() -> logs.filterLogEvents(b -> b.logGroupName("g").filterPattern("\"open")));
        awsError(() -> logs.filterLogEvents(b -> b.logGroupName("g").nextToken("bogus")));
        awsError(() -> logs.describeLogStreams(b -> b.logGroupName("g").orderBy("Size")));
        awsError(() -> logs.describeLogGroups(b -> b.limit(51)));
        assertThatThrownBy(() -> cw.putMetricData((software.amazon.awssdk.services.cloudwatch.model
                .PutMetricDataRequest) null)).isInstanceOf(IllegalArgumentException.class);
    }
}
