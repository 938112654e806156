package io.dmskit.testkit;

import io.dmskit.testkit.internal.Args;
import io.dmskit.testkit.internal.cloudwatch.AlarmOps;
import io.dmskit.testkit.internal.cloudwatch.MetricDataOps;
import io.dmskit.testkit.internal.fake.CallLog;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchServiceClientConfiguration;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsForMetricRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsForMetricResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricStatisticsResponse;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsResponse;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmResponse;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateRequest;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateResponse;

/**
 * An in-memory Amazon CloudWatch behind the SDK's own {@link CloudWatchClient}: metrics and metric alarms on a
 * {@link FakeClock}, so dashboards, sensors and alarms can be tested offline and in virtual time.
 *
 * <pre>{@code
 * FakeClock clock = FakeClock.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
 * FakeCloudWatch cw = FakeCloudWatch.builder().clock(clock).build();
 * cw.putMetricAlarm(b -> b.alarmName("lag").namespace("App").metricName("Lag").statistic("Maximum").period(60)
 *         .evaluationPeriods(1).threshold(10.0).comparisonOperator("GreaterThanThreshold"));
 * cw.putMetricData(b -> b.namespace("App").metricData(d -> d.metricName("Lag").value(42.0)));
 * clock.advance(Duration.ofMinutes(1));
 * cw.describeAlarms(b -> b.alarmNames("lag")).metricAlarms().get(0).stateValue(); // ALARM
 * }</pre>
 *
 * <p>Implemented: PutMetricData (values, Values/Counts, StatisticValues, units, storage resolution, the documented
 * limits; the {@code AWS/} namespace prefix is reserved for AWS services, such as {@link FakeDms} publishing
 * {@code AWS/DMS}), GetMetricData (MetricStat queries with Average, Sum, Minimum, Maximum, SampleCount and
 * percentiles {@code pNN}; ScanBy, Label, ReturnData, MaxDatapoints and NextToken; periods aligned on multiples of the
 * period), GetMetricStatistics, ListMetrics, PutMetricAlarm, DescribeAlarms, DescribeAlarmsForMetric, DeleteAlarms,
 * SetAlarmState and DescribeAlarmHistory. Alarms are evaluated on the clock every minute (every period below a
 * minute), over the last {@code EvaluationPeriods} complete periods with {@code DatapointsToAlarm} and
 * {@code TreatMissingData}; evaluations due are applied by the next call, so a test moves the clock and then
 * describes. Not modelled: metric math, anomaly detection, composite alarms, alarm actions, dashboards, metric
 * streams and insight rules; the other operations throw {@link UnsupportedOperationException} (the SDK
 * interface's default).
 *
 * <p>Errors are the SDK's exception types with CloudWatch's error codes: {@code InvalidParameterValue},
 * {@code InvalidParameterCombination}, {@code MissingParameter}, {@code InvalidNextToken}, {@code ResourceNotFound},
 * {@code InvalidFormat}. Thread-safe.
 */
public final class FakeCloudWatch implements CloudWatchClient {

    private final Object lock = new Object();
    private final Clock clock;
    private final String region;
    private final String accountId;
    private final MetricDataOps metrics = new MetricDataOps();
    private final AlarmOps alarms;
    private final CallLog calls = CallLog.forClient("CloudWatch", software.amazon.awssdk.services.cloudwatch.CloudWatchClient.class);
    /** Run before every call, outside the lock: publishers that sample on the clock catch up first. */
    private final List<Runnable> beforeEachCall = new CopyOnWriteArrayList<>();

    private FakeCloudWatch(Builder b) {
        this.clock = b.clock != null ? b.clock : FakeClock.create();
        this.region = b.region;
        this.accountId = b.accountId;
        this.alarms = new AlarmOps(region, accountId);
    }

    /**
     * {@return a fake for account {@code 123456789012} in {@code us-east-1} on a new {@link FakeClock}}
     */
    public static FakeCloudWatch create() {
        return builder().build();
    }

    /**
     * {@return a builder (clock, account, region)}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return the clock metric time stamps default to and alarms are evaluated on}
     */
    public Clock clock() {
        return clock;
    }

    /**
     * {@return every call so far, in arrival order}
     */
    public List<CallRecord> calls() {
        return calls.all();
    }

    /**
     * {@return the calls of that operation, in arrival order}
     *
     * @param operationName a CloudWatch operation name, e.g. {@code GetMetricData}
     */
    public List<CallRecord> calls(String operationName) {
        return calls.of(operationName);
    }

    /**
     * Registers work that runs before every call of this fake (outside its lock), for example a publisher that
     * samples metrics whenever the clock has moved. Used by {@link FakeDms}.
     */
    void beforeEachCall(Runnable hook) {
        beforeEachCall.add(Args.required(hook, "FakeCloudWatch: hook"));
    }

    /**
     * PutMetricData as an AWS service publishes it: the {@code AWS/} namespaces are allowed. Used by
     * {@link FakeDms} for {@code AWS/DMS}.
     */
    void putServiceMetricData(PutMetricDataRequest r) {
        call("PutMetricData", r, false, req -> {
            metrics.put(req, clock.instant(), true);
            return PutMetricDataResponse.builder().build();
        });
    }

    private <R extends SdkRequest, T extends SdkResponse> T call(String operation, R request, boolean hooks,
                                                                 Function<R, T> work) {
        Args.required(request, "FakeCloudWatch: request");
        if (hooks) {
            for (Runnable h : beforeEachCall) {
                h.run();
            }
        }
        synchronized (lock) {
            Instant now = clock.instant();
            alarms.evaluate(now, metrics);
            T response;
            try {
                response = work.apply(request);
            } catch (RuntimeException e) {
                calls.record(operation, request, null, e, now);
                throw e;
            }
            calls.record(operation, request, response, null, now);
            return response;
        }
    }

    @Override
    public PutMetricDataResponse putMetricData(PutMetricDataRequest r) {
        return call("PutMetricData", r, true, req -> {
            metrics.put(req, clock.instant(), false);
            return PutMetricDataResponse.builder().build();
        });
    }

    @Override
    public GetMetricDataResponse getMetricData(GetMetricDataRequest r) {
        return call("GetMetricData", r, true, metrics::getMetricData);
    }

    @Override
    public GetMetricStatisticsResponse getMetricStatistics(GetMetricStatisticsRequest r) {
        return call("GetMetricStatistics", r, true, metrics::getMetricStatistics);
    }

    @Override
    public ListMetricsResponse listMetrics(ListMetricsRequest r) {
        return call("ListMetrics", r, true, req -> metrics.list(req, clock.instant()));
    }

    @Override
    public ListMetricsResponse listMetrics() {
        return listMetrics(ListMetricsRequest.builder().build());
    }

    @Override
    public PutMetricAlarmResponse putMetricAlarm(PutMetricAlarmRequest r) {
        return call("PutMetricAlarm", r, true, req -> {
            alarms.put(req, clock.instant());
            return PutMetricAlarmResponse.builder().build();
        });
    }

    @Override
    public DescribeAlarmsResponse describeAlarms(DescribeAlarmsRequest r) {
        return call("DescribeAlarms", r, true, alarms::describe);
    }

    @Override
    public DescribeAlarmsResponse describeAlarms() {
        return describeAlarms(DescribeAlarmsRequest.builder().build());
    }

    @Override
    public DescribeAlarmsForMetricResponse describeAlarmsForMetric(DescribeAlarmsForMetricRequest r) {
        return call("DescribeAlarmsForMetric", r, true, alarms::describeForMetric);
    }

    @Override
    public DeleteAlarmsResponse deleteAlarms(DeleteAlarmsRequest r) {
        return call("DeleteAlarms", r, true, req -> {
            alarms.delete(req, clock.instant());
            return DeleteAlarmsResponse.builder().build();
        });
    }

    @Override
    public SetAlarmStateResponse setAlarmState(SetAlarmStateRequest r) {
        return call("SetAlarmState", r, true, req -> {
            alarms.setState(req, clock.instant());
            return SetAlarmStateResponse.builder().build();
        });
    }

    @Override
    public DescribeAlarmHistoryResponse describeAlarmHistory(DescribeAlarmHistoryRequest r) {
        return call("DescribeAlarmHistory", r, true, alarms::history);
    }

    @Override
    public DescribeAlarmHistoryResponse describeAlarmHistory() {
        return describeAlarmHistory(DescribeAlarmHistoryRequest.builder().build());
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public CloudWatchServiceClientConfiguration serviceClientConfiguration() {
        return CloudWatchServiceClientConfiguration.builder().region(Region.of(region)).build();
    }

    /** Nothing to release; the state stays readable. */
    @Override
    public void close() {
        // in memory only
    }

    @Override
    public String toString() {
        return "FakeCloudWatch[" + accountId + ", " + region + ", " + clock.instant() + "]";
    }

    /** Builds a {@link FakeCloudWatch}. */
    public static final class Builder {
        private Clock clock;
        private String region = "us-east-1";
        private String accountId = "123456789012";

        private Builder() {
        }

        /**
         * Sets {@code clock}: the clock of metric time stamps and alarm evaluation (share the {@link FakeDms}'s); default
         * a new {@link FakeClock}.
         *
         * @param clock the clock of metric time stamps and alarm evaluation (share the {@link FakeDms}'s); default a
         *     new {@link FakeClock}
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Sets {@code region}: the region in alarm ARNs (default {@code us-east-1}).
         *
         * @param region the region in alarm ARNs (default {@code us-east-1})
         * @return this builder
         */
        public Builder region(String region) {
            if (region != null && !region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
                throw new IllegalArgumentException("region must look like us-east-1, got '" + region + "'");
            }
            this.region = region == null ? "us-east-1" : region;
            return this;
        }

        /**
         * Sets {@code accountId}: the 12-digit account in alarm ARNs (default {@code 123456789012}).
         *
         * @param accountId the 12-digit account in alarm ARNs (default {@code 123456789012})
         * @return this builder
         */
        public Builder accountId(String accountId) {
            if (accountId != null && !accountId.matches("\\d{12}")) {
                throw new IllegalArgumentException("accountId must be 12 digits, got '" + accountId + "'");
            }
            this.accountId = accountId == null ? "123456789012" : accountId;
            return this;
        }

        /**
         * {@return the fake}
         */
        public FakeCloudWatch build() {
            return new FakeCloudWatch(this);
        }
    }
}
