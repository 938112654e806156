package io.dmskit.testkit.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.testkit.FakeClock;
import io.dmskit.testkit.FakeCloudWatch;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;

@DisplayName("FakeCloudWatch alarms are evaluated on the virtual clock as CloudWatch evaluates them")
class FakeCloudWatchAlarmsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private final FakeClock clock = FakeClock.startingAt(T0);
    private final CloudWatchClient cw = FakeCloudWatch.builder().clock(clock).build();

    private void alarm(String name, Consumer<PutMetricAlarmRequest.Builder> more) {
        cw.putMetricAlarm(b -> {
            b.alarmName(name).namespace("Test/App").metricName("Lag").statistic("Maximum").period(60)
                    .evaluationPeriods(3).datapointsToAlarm(2).threshold(30.0)
                    .comparisonOperator("GreaterThanThreshold");
            more.accept(b);
        });
    }

    private void lag(double value) {
        cw.putMetricData(b -> b.namespace("Test/App").metricData(d -> d.metricName("Lag").value(value)));
    }

    private MetricAlarm describe(String name) {
        return cw.describeAlarms(b -> b.alarmNames(name)).metricAlarms().get(0);
    }

    /** One datapoint now, then a minute later. */
    private void minuteWith(double value) {
        lag(value);
        clock.advance(Duration.ofMinutes(1));
    }

    @Test
    @DisplayName("INSUFFICIENT_DATA → ALARM after 2 of 3 breaching periods → OK, with reasons and timestamps")
    void transitionsMOutOfN() {
        alarm("lag", b -> { });
        MetricAlarm created = describe("lag");
        assertThat(created.stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);
        assertThat(created.stateReason()).isEqualTo("Unchecked: Initial alarm creation");
        assertThat(created.alarmArn()).isEqualTo("arn:aws:cloudwatch:us-east-1:123456789012:alarm:lag");

        minuteWith(40);
        assertThat(describe("lag").stateValue()).isEqualTo(StateValue.OK); // 1 of 3 breaching, 2 missing
        minuteWith(10);
        assertThat(describe("lag").stateValue()).isEqualTo(StateValue.OK);
        minuteWith(50);
        MetricAlarm alarmed = describe("lag");
        assertThat(alarmed.stateValue()).isEqualTo(StateValue.ALARM);
        assertThat(alarmed.stateReason()).startsWith("Threshold Crossed: 2 out of the last 3 datapoints")
                .contains("greater than the threshold (30.0)");
        assertThat(alarmed.stateUpdatedTimestamp()).isEqualTo(T0.plus(Duration.ofMinutes(3)));
        assertThat(alarmed.stateReasonData()).contains("\"statistic\":\"Maximum\"");

        minuteWith(1);
        minuteWith(2);
        assertThat(describe("lag").stateValue()).isEqualTo(StateValue.OK);
        assertThat(cw.describeAlarmHistory(b -> b.alarmName("lag").historyItemType("StateUpdate"))
                .alarmHistoryItems()).extracting(AlarmHistoryItem::historySummary)
                .containsExactly("Alarm updated from ALARM to OK", "Alarm updated from OK to ALARM",
                        "Alarm updated from INSUFFICIENT_DATA to OK");
    }

    @Test
    @DisplayName("TreatMissingData: missing → INSUFFICIENT_DATA, breaching → ALARM, notBreaching → OK, ignore keeps")
    void treatMissingData() {
        alarm("missing", b -> b.treatMissingData("missing"));
        alarm("breaching", b -> b.treatMissingData("breaching"));
        alarm("notBreaching", b -> b.treatMissingData("notBreaching"));
        alarm("ignore", b -> b.treatMissingData("ignore"));
        cw.setAlarmState(b -> b.alarmName("ignore").stateValue(StateValue.ALARM).stateReason("test"));
        clock.advance(Duration.ofMinutes(5));
        assertThat(describe("missing").stateValue()).isEqualTo(StateValue.INSUFFICIENT_DATA);
        assertThat(describe("breaching").stateValue()).isEqualTo(StateValue.ALARM);
        assertThat(describe("notBreaching").stateValue()).isEqualTo(StateValue.OK);
        assertThat(describe("ignore").stateValue()).isEqualTo(StateValue.ALARM);
        assertThat(describe("ignore").stateReason()).isEqualTo("test");
    }

    @Test
    @DisplayName("DescribeAlarms filters by name prefix and state, and pages with NextToken")
    void describeAlarms() {
        for (int i = 0; i < 5; i++) {
            alarm("dms-lag-" + i, b -> b.treatMissingData("breaching"));
        }
        alarm("other", b -> b.treatMissingData("notBreaching"));
        clock.advance(Duration.ofMinutes(1));
        assertThat(cw.describeAlarms(b -> b.alarmNamePrefix("dms-")).metricAlarms()).hasSize(5);
        assertThat(cw.describeAlarms(b -> b.stateValue(StateValue.OK)).metricAlarms())
                .extracting(MetricAlarm::alarmName).containsExactly("other");
        var page = cw.describeAlarms(b -> b.maxRecords(4));
        assertThat(page.metricAlarms()).hasSize(4);
        assertThat(cw.describeAlarms(b -> b.maxRecords(4).nextToken(page.nextToken())).metricAlarms())
                .extracting(MetricAlarm::alarmName).containsExactly("dms-lag-4", "other");
        assertThat(cw.describeAlarmsPaginator(b -> b.maxRecords(2)).metricAlarms()).hasSize(6);
    }

    @Test
    @DisplayName("PutMetricAlarm reports every invalid setting at once; DeleteAlarms with an unknown name deletes none")
    void validationAndDeletion() {
        assertThatThrownBy(() -> cw.putMetricAlarm(b -> b.alarmName("bad").namespace("Test/App")
                .metricName("Lag").statistic("Maximum").period(45).evaluationPeriods(2).datapointsToAlarm(3)
                .threshold(1.0).comparisonOperator("GreaterThanThreshold").treatMissingData("sometimes")))
                .isInstanceOfSatisfying(InvalidParameterValueException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
                    assertThat(e.getMessage()).contains("Period", "DatapointsToAlarm", "TreatMissingData");
                });
        assertThat(cw.describeAlarms().metricAlarms()).isEmpty();
        alarm("a", b -> { });
        assertThatThrownBy(() -> cw.deleteAlarms(b -> b.alarmNames("a", "nope")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFound");
                    assertThat(e.getMessage()).contains("nope");
                });
        assertThat(cw.describeAlarms().metricAlarms()).hasSize(1);
        cw.deleteAlarms(b -> b.alarmNames("a"));
        assertThat(cw.describeAlarms().metricAlarms()).isEmpty();
        assertThatThrownBy(() -> cw.setAlarmState(b -> b.alarmName("a").stateValue(StateValue.OK).stateReason("x")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    @DisplayName("updating an alarm keeps its state; DescribeAlarmsForMetric finds alarms by metric")
    void updateKeepsState() {
        alarm("lag", b -> b.treatMissingData("breaching"));
        clock.advance(Duration.ofMinutes(1));
        assertThat(describe("lag").stateValue()).isEqualTo(StateValue.ALARM);
        alarm("lag", b -> b.treatMissingData("breaching").threshold(99.0));
        assertThat(describe("lag").stateValue()).isEqualTo(StateValue.ALARM);
        assertThat(describe("lag").threshold()).isEqualTo(99.0);
        assertThat(cw.describeAlarmsForMetric(b -> b.namespace("Test/App").metricName("Lag")).metricAlarms())
                .extracting(MetricAlarm::alarmName).containsExactly("lag");
    }

    @Test
    @DisplayName("the call log answers by CloudWatch's operation names, counts state changes, and names an unknown one")
    void callLogByOperation() {
        alarm("lag", b -> { });
        cw.describeAlarms(b -> b.alarmNames("lag"));
        FakeCloudWatch fake = (FakeCloudWatch) cw;
        assertThat(fake.calls("PutMetricAlarm")).hasSize(1).allMatch(c -> c.mutating());
        assertThat(fake.calls("DescribeAlarms")).hasSize(1).noneMatch(c -> c.mutating());
        assertThat(fake.calls("DeleteAlarms")).isEmpty();
        assertThatThrownBy(() -> fake.calls("CreateEndpoint")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown CloudWatch operation 'CreateEndpoint'");
    }
}
