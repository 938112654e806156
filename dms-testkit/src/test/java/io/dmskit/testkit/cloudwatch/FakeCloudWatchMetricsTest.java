package io.dmskit.testkit.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.testkit.FakeClock;
import io.dmskit.testkit.FakeCloudWatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterCombinationException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.MissingRequiredParameterException;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

@DisplayName("FakeCloudWatch metrics behave like CloudWatch through the SDK interface")
class FakeCloudWatchMetricsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private final FakeClock clock = FakeClock.startingAt(T0);
    private final CloudWatchClient cw = FakeCloudWatch.builder().clock(clock).build();
    private final Dimension app = Dimension.builder().name("App").value("shop").build();

    private void put(String name, Instant at, double value) {
        cw.putMetricData(b -> b.namespace("Test/App").metricData(d -> d.metricName(name).dimensions(app)
                .timestamp(at).value(value).unit(StandardUnit.SECONDS)));
    }

    private MetricDataQuery query(String id, String name, String stat, int period) {
        return MetricDataQuery.builder().id(id).metricStat(s -> s.metric(m -> m.namespace("Test/App")
                .metricName(name).dimensions(app)).period(period).stat(stat)).build();
    }

    @Test
    @DisplayName("GetMetricData aggregates datapoints into periods aligned on the period, newest first by default")
    void getMetricDataAggregatesPerPeriod() {
        put("Lag", T0.plusSeconds(5), 1);
        put("Lag", T0.plusSeconds(50), 3);
        put("Lag", T0.plusSeconds(65), 10);
        clock.advance(Duration.ofMinutes(5));

        GetMetricDataResponse r = cw.getMetricData(b -> b.startTime(T0.minusSeconds(30)).endTime(clock.instant())
                .metricDataQueries(query("avg", "Lag", "Average", 60), query("max", "Lag", "Maximum", 60),
                        query("n", "Lag", "SampleCount", 60), query("sum", "Lag", "Sum", 120),
                        query("p50", "Lag", "p50", 60).toBuilder().label("median").build()));

        MetricDataResult avg = r.metricDataResults().get(0);
        assertThat(avg.label()).isEqualTo("Lag");
        assertThat(avg.timestamps()).containsExactly(T0.plusSeconds(60), T0);
        assertThat(avg.values()).containsExactly(10.0, 2.0);
        assertThat(avg.statusCode()).isEqualTo(StatusCode.COMPLETE);
        assertThat(r.metricDataResults().get(1).values()).containsExactly(10.0, 3.0);
        assertThat(r.metricDataResults().get(2).values()).containsExactly(1.0, 2.0);
        assertThat(r.metricDataResults().get(3).values()).containsExactly(14.0);
        assertThat(r.metricDataResults().get(4).label()).isEqualTo("median");
        assertThat(r.metricDataResults().get(4).values()).containsExactly(10.0, 1.0);
    }

    @Test
    @DisplayName("ScanBy TimestampAscending orders oldest first, and ReturnData false leaves a query out")
    void scanByAndReturnData() {
        put("Lag", T0, 1);
        put("Lag", T0.plusSeconds(60), 2);
        GetMetricDataResponse r = cw.getMetricData(b -> b.startTime(T0).endTime(T0.plusSeconds(120))
                .scanBy(ScanBy.TIMESTAMP_ASCENDING)
                .metricDataQueries(query("a", "Lag", "Average", 60),
                        query("hidden", "Lag", "Sum", 60).toBuilder().returnData(false).build()));
        assertThat(r.metricDataResults()).extracting(MetricDataResult::id).containsExactly("a");
        assertThat(r.metricDataResults().get(0).values()).containsExactly(1.0, 2.0);
    }

    @Test
    @DisplayName("Values/Counts and StatisticValues are aggregated; a period holding statistic sets has no percentile")
    void valuesCountsAndStatisticSets() {
        cw.putMetricData(b -> b.namespace("Test/App").metricData(
                MetricDatum.builder().metricName("Rows").dimensions(app).timestamp(T0).values(1.0, 5.0)
                        .counts(3.0, 1.0).build(),
                MetricDatum.builder().metricName("Sets").dimensions(app).timestamp(T0)
                        .statisticValues(s -> s.sampleCount(4.0).sum(20.0).minimum(1.0).maximum(9.0)).build()));
        GetMetricDataResponse r = cw.getMetricData(b -> b.startTime(T0).endTime(T0.plusSeconds(60))
                .metricDataQueries(query("rows", "Rows", "Average", 60), query("rowsp", "Rows", "p75", 60),
                        query("sets", "Sets", "Average", 60), query("setsmax", "Sets", "Maximum", 60),
                        query("setsp", "Sets", "p90", 60)));
        assertThat(r.metricDataResults().get(0).values()).containsExactly(2.0);
        assertThat(r.metricDataResults().get(1).values()).containsExactly(1.0);
        assertThat(r.metricDataResults().get(2).values()).containsExactly(5.0);
        assertThat(r.metricDataResults().get(3).values()).containsExactly(9.0);
        assertThat(r.metricDataResults().get(4).values()).isEmpty();
    }

    @Test
    @DisplayName("MaxDatapoints pages results with NextToken, and the SDK's paginator reads every page")
    void pagination() {
        for (int i = 0; i < 10; i++) {
            put("Lag", T0.plusSeconds(60L * i), i);
        }
        clock.advance(Duration.ofMinutes(10));
        GetMetricDataResponse first = cw.getMetricData(b -> b.startTime(T0).endTime(clock.instant()).maxDatapoints(4)
                .metricDataQueries(query("a", "Lag", "Average", 60)));
        assertThat(first.metricDataResults().get(0).values()).containsExactly(9.0, 8.0, 7.0, 6.0);
        assertThat(first.metricDataResults().get(0).statusCode()).isEqualTo(StatusCode.PARTIAL_DATA);
        assertThat(first.nextToken()).isNotNull();

        List<Double> all = new ArrayList<>();
        cw.getMetricDataPaginator(b -> b.startTime(T0).endTime(clock.instant()).maxDatapoints(4)
                .metricDataQueries(query("a", "Lag", "Average", 60)))
                .forEach(page -> all.addAll(page.metricDataResults().get(0).values()));
        assertThat(all).containsExactly(9.0, 8.0, 7.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0, 0.0);

        assertThatThrownBy(() -> cw.getMetricData(b -> b.startTime(T0).endTime(clock.instant())
                .nextToken(first.nextToken()).metricDataQueries(query("b", "Lag", "Sum", 60))))
                .isInstanceOfSatisfying(AwsServiceException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidNextToken"));
    }

    @Test
    @DisplayName("GetMetricData validation: ids, periods, statistics, expressions and the 500-query limit, all at once")
    void getMetricDataValidation() {
        List<MetricDataQuery> many = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            many.add(query("q" + i, "Lag", "Average", 60));
        }
        assertThatThrownBy(() -> cw.getMetricData(b -> b.startTime(T0).endTime(T0.plusSeconds(60))
                .metricDataQueries(many)))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("500");
        assertThatThrownBy(() -> cw.getMetricData(b -> b.startTime(T0).endTime(T0.plusSeconds(60))
                .metricDataQueries(query("Bad", "Lag", "Average", 60), query("ok", "Lag", "Average", 45),
                        query("ok2", "Lag", "Median", 60),
                        MetricDataQuery.builder().id("e").expression("SUM(METRICS())").build())))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
                    assertThat(e.getMessage()).contains("'Bad'", "45", "Median", "SUM(METRICS())", "not supported");
                });
        assertThatThrownBy(() -> cw.getMetricData(b -> b.endTime(T0)
                .metricDataQueries(query("a", "Lag", "Average", 60))))
                .isInstanceOf(MissingRequiredParameterException.class).hasMessageContaining("StartTime");
    }

    @Test
    @DisplayName("PutMetricData validation reports every bad datum, and nothing of a rejected request is stored")
    void putMetricDataValidation() {
        assertThatThrownBy(() -> cw.putMetricData(b -> b.namespace("AWS/DMS")
                .metricData(d -> d.metricName("CDCLatencySource").value(1.0))))
                .isInstanceOf(InvalidParameterValueException.class).hasMessageContaining("reserved");
        List<Dimension> tooMany = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            tooMany.add(Dimension.builder().name("d" + i).value("v").build());
        }
        assertThatThrownBy(() -> cw.putMetricData(b -> b.namespace("Test/App").metricData(
                MetricDatum.builder().metricName("Good").value(1.0).build(),
                MetricDatum.builder().metricName("Nan").value(Double.NaN).build(),
                MetricDatum.builder().metricName("Dims").value(1.0).dimensions(tooMany).build(),
                MetricDatum.builder().metricName("Res").value(1.0).storageResolution(5).build(),
                MetricDatum.builder().metricName("Old").value(1.0).timestamp(T0.minus(Duration.ofDays(15))).build(),
                MetricDatum.builder().metricName("Counts").values(1.0, 2.0).counts(1.0).build())))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> assertThat(e.getMessage())
                        .contains("5 validation errors", "member.2.Value", "member.3.Dimensions", "StorageResolution",
                                "two weeks", "Counts"));
        assertThat(cw.listMetrics().metrics()).isEmpty();
        assertThatThrownBy(() -> cw.putMetricData(b -> b.namespace("Test/App")
                .metricData(d -> d.metricName("Both").value(1.0).values(2.0))))
                .isInstanceOfSatisfying(InvalidParameterCombinationException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterCombination"));
        assertThatThrownBy(() -> cw.putMetricData(b -> b.metricData(d -> d.metricName("x").value(1.0))))
                .isInstanceOfSatisfying(MissingRequiredParameterException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MissingParameter"));
    }

    @Test
    @DisplayName("GetMetricStatistics answers the requested statistics and refuses more than 1,440 datapoints")
    void getMetricStatistics() {
        put("Lag", T0.plusSeconds(1), 2);
        put("Lag", T0.plusSeconds(2), 4);
        List<Datapoint> points = cw.getMetricStatistics(b -> b.namespace("Test/App").metricName("Lag")
                .dimensions(app).startTime(T0).endTime(T0.plusSeconds(300)).period(60)
                .statistics(Statistic.AVERAGE, Statistic.MAXIMUM, Statistic.SAMPLE_COUNT)).datapoints();
        assertThat(points).singleElement().satisfies(p -> {
            assertThat(p.timestamp()).isEqualTo(T0);
            assertThat(p.average()).isEqualTo(3.0);
            assertThat(p.maximum()).isEqualTo(4.0);
            assertThat(p.sampleCount()).isEqualTo(2.0);
            assertThat(p.unit()).isEqualTo(StandardUnit.SECONDS);
            assertThat(p.sum()).isNull();
        });
        assertThatThrownBy(() -> cw.getMetricStatistics(b -> b.namespace("Test/App").metricName("Lag")
                .startTime(T0).endTime(T0.plus(Duration.ofDays(2))).period(60).statistics(Statistic.SUM)))
                .isInstanceOf(InvalidParameterCombinationException.class).hasMessageContaining("1,440");
    }

    @Test
    @DisplayName("ListMetrics filters by namespace, name and dimension (name only, or name and value)")
    void listMetrics() {
        put("Lag", T0, 1);
        cw.putMetricData(b -> b.namespace("Test/App").metricData(d -> d.metricName("Lag")
                .dimensions(Dimension.builder().name("App").value("billing").build()).value(1.0)));
        cw.putMetricData(b -> b.namespace("Other").metricData(d -> d.metricName("Lag").value(1.0)));
        assertThat(cw.listMetrics(b -> b.namespace("Test/App")).metrics()).hasSize(2);
        assertThat(cw.listMetrics(b -> b.dimensions(f -> f.name("App").value("shop"))).metrics())
                .extracting(Metric::dimensions).containsExactly(List.of(app));
        assertThat(cw.listMetrics(b -> b.metricName("Lag").dimensions(f -> f.name("App"))).metrics()).hasSize(2);
        assertThat(cw.listMetrics(b -> b.metricName("Lag")).metrics()).hasSize(3);
    }
}
