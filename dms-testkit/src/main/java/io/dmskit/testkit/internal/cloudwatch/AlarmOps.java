package io.dmskit.testkit.internal.cloudwatch;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatch.model.AlarmHistoryItem;
import software.amazon.awssdk.services.cloudwatch.model.DeleteAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmHistoryResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsForMetricRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsForMetricResponse;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.SetAlarmStateRequest;

/**
 * Metric alarms: PutMetricAlarm (validated as the API reference describes), DescribeAlarms, DescribeAlarmsForMetric,
 * DeleteAlarms, SetAlarmState, DescribeAlarmHistory, and their evaluation on the fake's clock: every minute (every
 * period for 10 and 30 second periods) over the last {@code EvaluationPeriods} complete periods, with
 * {@code DatapointsToAlarm} ("M out of N") and {@code TreatMissingData} ({@code missing}, {@code ignore},
 * {@code breaching}, {@code notBreaching}).
 */
public final class AlarmOps {

    private static final Set<String> OPERATORS = Set.of("GreaterThanOrEqualToThreshold", "GreaterThanThreshold",
            "LessThanThreshold", "LessThanOrEqualToThreshold");
    private static final Set<String> MISSING = Set.of("breaching", "notBreaching", "ignore", "missing");
    private static final DateTimeFormatter REASON_TIME = DateTimeFormatter.ofPattern("dd/MM/yy HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    /** At most this many evaluation steps are replayed after a jump of the clock (the latest ones). */
    private static final int MAX_STEPS = 1500;

    private final String region;
    private final String accountId;
    private final Map<String, AlarmRecord> alarms = new TreeMap<>();
    private final List<AlarmHistoryItem> history = new ArrayList<>();

    /**
     * @param region region in alarm ARNs
     * @param accountId account in alarm ARNs
     */
    public AlarmOps(String region, String accountId) {
        this.region = region;
        this.accountId = accountId;
    }

    /** PutMetricAlarm: creates or replaces (state kept on replace, as on CloudWatch). */
    public void put(PutMetricAlarmRequest r, Instant now) {
        if (r.alarmName() == null) {
            throw CwErrors.missing("AlarmName");
        }
        if (r.evaluationPeriods() == null) {
            throw CwErrors.missing("EvaluationPeriods");
        }
        if (r.comparisonOperatorAsString() == null) {
            throw CwErrors.missing("ComparisonOperator");
        }
        List<String> problems = new ArrayList<>();
        if (r.alarmName().isEmpty() || r.alarmName().length() > 255) {
            problems.add("The parameter AlarmName must be 1-255 characters.");
        }
        if (r.alarmDescription() != null && r.alarmDescription().length() > 1024) {
            problems.add("The parameter AlarmDescription must be at most 1024 characters.");
        }
        if (r.hasMetrics() || r.thresholdMetricId() != null) {
            problems.add("The parameters Metrics and ThresholdMetricId (metric math and anomaly detection alarms) are"
                    + " not supported by FakeCloudWatch: give MetricName, Namespace, Statistic and Threshold.");
        }
        if (r.metricName() == null || r.metricName().isEmpty()) {
            problems.add("The parameter MetricName is required.");
        }
        if (r.namespace() == null || r.namespace().isEmpty()) {
            problems.add("The parameter Namespace is required.");
        }
        boolean hasStat = r.statisticAsString() != null;
        boolean hasExtended = r.extendedStatistic() != null;
        if (hasStat == hasExtended) {
            throw CwErrors.invalidCombination("Exactly one of the parameters Statistic and ExtendedStatistic must be"
                    + " given.");
        }
        String stat = hasStat ? r.statisticAsString() : r.extendedStatistic();
        if (hasStat && !Set.of("SampleCount", "Average", "Sum", "Minimum", "Maximum").contains(stat)
                || hasExtended && (!Aggregate.isPercentile(stat) || Aggregate.checkStat(stat) != null)) {
            problems.add("The value '" + stat + "' for parameter " + (hasStat ? "Statistic" : "ExtendedStatistic")
                    + " is invalid.");
        }
        MetricDataOps.checkDimensions(r.hasDimensions() ? r.dimensions() : List.of(), "Dimensions", problems);
        Integer period = r.period();
        if (period == null) {
            problems.add("The parameter Period is required.");
        } else if (!(period == 10 || period == 20 || period == 30 || (period >= 60 && period % 60 == 0))) {
            problems.add("The value " + period + " for parameter Period is invalid: 10, 20, 30 or a multiple of 60.");
        }
        int n = r.evaluationPeriods();
        if (n < 1) {
            problems.add("The value " + n + " for parameter EvaluationPeriods must be at least 1.");
        } else if (period != null && (long) n * period > 86_400 * (period >= 3600 ? 7L : 1L)) {
            problems.add("The product of EvaluationPeriods (" + n + ") and Period (" + period + ") must not exceed "
                    + (period >= 3600 ? "7 days" : "one day") + ".");
        }
        if (r.datapointsToAlarm() != null && (r.datapointsToAlarm() < 1 || r.datapointsToAlarm() > n)) {
            problems.add("The value " + r.datapointsToAlarm() + " for parameter DatapointsToAlarm must be between 1"
                    + " and EvaluationPeriods (" + n + ").");
        }
        if (!OPERATORS.contains(r.comparisonOperatorAsString())) {
            problems.add("The value '" + r.comparisonOperatorAsString() + "' for parameter ComparisonOperator is"
                    + " invalid: GreaterThanOrEqualToThreshold, GreaterThanThreshold, LessThanThreshold or"
                    + " LessThanOrEqualToThreshold.");
        }
        if (r.threshold() == null) {
            problems.add("The parameter Threshold is required.");
        } else if (r.threshold().isNaN() || r.threshold().isInfinite()) {
            problems.add("The value " + r.threshold() + " for parameter Threshold must be a finite number.");
        }
        if (r.treatMissingData() != null && !MISSING.contains(r.treatMissingData())) {
            problems.add("The value '" + r.treatMissingData() + "' for parameter TreatMissingData is invalid: "
                    + "breaching, notBreaching, ignore or missing.");
        }
        if (r.evaluateLowSampleCountPercentile() != null
                && !Set.of("evaluate", "ignore").contains(r.evaluateLowSampleCountPercentile())) {
            problems.add("The value '" + r.evaluateLowSampleCountPercentile() + "' for parameter"
                    + " EvaluateLowSampleCountPercentile is invalid: evaluate or ignore.");
        }
        for (List<String> actions : List.of(r.alarmActions(), r.okActions(), r.insufficientDataActions())) {
            if (actions != null && actions.size() > 5) {
                problems.add("An alarm can have at most 5 actions per state, got " + actions.size() + ".");
            }
        }
        if (!problems.isEmpty()) {
            throw CwErrors.invalidValues(problems);
        }
        MetricAlarm config = MetricAlarm.builder().alarmName(r.alarmName())
                .alarmArn("arn:aws:cloudwatch:" + region + ":" + accountId + ":alarm:" + r.alarmName())
                .alarmDescription(r.alarmDescription())
                .alarmConfigurationUpdatedTimestamp(now)
                .actionsEnabled(r.actionsEnabled() == null || r.actionsEnabled())
                .okActions(r.okActions()).alarmActions(r.alarmActions())
                .insufficientDataActions(r.insufficientDataActions())
                .metricName(r.metricName()).namespace(r.namespace())
                .statistic(hasStat ? stat : null).extendedStatistic(hasExtended ? stat : null)
                .dimensions(r.dimensions()).period(period).unit(r.unitAsString())
                .evaluationPeriods(n).datapointsToAlarm(r.datapointsToAlarm()).threshold(r.threshold())
                .comparisonOperator(r.comparisonOperatorAsString())
                .treatMissingData(r.treatMissingData())
                .evaluateLowSampleCountPercentile(r.evaluateLowSampleCountPercentile()).build();
        AlarmRecord a = alarms.get(r.alarmName());
        if (a == null) {
            a = new AlarmRecord();
            a.stateUpdated = now;
            a.stateTransitioned = now;
            a.lastEvaluated = now;
            alarms.put(r.alarmName(), a);
            record(r.alarmName(), now, "ConfigurationUpdate", "Alarm \"" + r.alarmName() + "\" created");
        } else {
            record(r.alarmName(), now, "ConfigurationUpdate", "Alarm \"" + r.alarmName() + "\" updated");
        }
        a.config = config;
    }

    /** DescribeAlarms (metric alarms; composite alarms are not modelled, so none are listed). */
    public DescribeAlarmsResponse describe(DescribeAlarmsRequest r) {
        List<String> names = r.hasAlarmNames() ? r.alarmNames() : List.of();
        if (!names.isEmpty() && r.alarmNamePrefix() != null) {
            throw CwErrors.invalidCombination("The parameters AlarmNames and AlarmNamePrefix are mutually exclusive.");
        }
        if (names.size() > 100) {
            throw CwErrors.invalidValue("The collection AlarmNames must not have a size greater than 100, got "
                    + names.size() + ".");
        }
        int max = r.maxRecords() == null ? 50 : r.maxRecords();
        if (max < 1 || max > 100) {
            throw CwErrors.invalidValue("The value " + max + " for parameter MaxRecords must be between 1 and 100.");
        }
        String state = r.stateValueAsString();
        if (state != null && !Set.of("OK", "ALARM", "INSUFFICIENT_DATA").contains(state)) {
            throw CwErrors.invalidValue("The value '" + state + "' for parameter StateValue is invalid.");
        }
        boolean metricAlarms = !r.hasAlarmTypes() || r.alarmTypesAsStrings().contains("MetricAlarm");
        List<MetricAlarm> out = new ArrayList<>();
        if (metricAlarms) {
            for (AlarmRecord a : alarms.values()) {
                String name = a.config.alarmName();
                if (!names.isEmpty() && !names.contains(name)
                        || r.alarmNamePrefix() != null && !name.startsWith(r.alarmNamePrefix())
                        || state != null && !state.equals(a.state)
                        || r.actionPrefix() != null && !hasActionWithPrefix(a.config, r.actionPrefix())) {
                    continue;
                }
                out.add(a.describe());
            }
        }
        int fingerprint = r.toBuilder().nextToken(null).build().hashCode();
        int offset = Tokens.offset("DescribeAlarms", fingerprint, r.nextToken());
        int to = Math.min(out.size(), offset + max);
        return DescribeAlarmsResponse.builder()
                .metricAlarms(offset >= out.size() ? List.of() : out.subList(offset, to)).compositeAlarms(List.of())
                .nextToken(to < out.size() ? Tokens.issue("DescribeAlarms", fingerprint, to) : null).build();
    }

    private static boolean hasActionWithPrefix(MetricAlarm a, String prefix) {
        for (List<String> l : List.of(a.alarmActions(), a.okActions(), a.insufficientDataActions())) {
            for (String s : l) {
                if (s.startsWith(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** DescribeAlarmsForMetric. */
    public DescribeAlarmsForMetricResponse describeForMetric(DescribeAlarmsForMetricRequest r) {
        if (r.metricName() == null) {
            throw CwErrors.missing("MetricName");
        }
        if (r.namespace() == null) {
            throw CwErrors.missing("Namespace");
        }
        MetricKey key = MetricKey.of(r.namespace(), r.metricName(), r.dimensions());
        List<MetricAlarm> out = new ArrayList<>();
        for (AlarmRecord a : alarms.values()) {
            MetricAlarm c = a.config;
            if (!MetricKey.of(c.namespace(), c.metricName(), c.dimensions()).equals(key)
                    || r.statisticAsString() != null && !r.statisticAsString().equals(c.statisticAsString())
                    || r.extendedStatistic() != null && !r.extendedStatistic().equals(c.extendedStatistic())
                    || r.period() != null && !r.period().equals(c.period())
                    || r.unitAsString() != null && !r.unitAsString().equals(c.unitAsString())) {
                continue;
            }
            out.add(a.describe());
        }
        return DescribeAlarmsForMetricResponse.builder().metricAlarms(out).build();
    }

    /** DeleteAlarms: all or nothing; an unknown name fails with ResourceNotFound and deletes none. */
    public void delete(DeleteAlarmsRequest r, Instant now) {
        List<String> names = r.hasAlarmNames() ? r.alarmNames() : List.of();
        if (names.isEmpty()) {
            throw CwErrors.missing("AlarmNames");
        }
        if (names.size() > 100) {
            throw CwErrors.invalidValue("The collection AlarmNames must not have a size greater than 100, got "
                    + names.size() + ".");
        }
        if (names.contains(null)) {
            throw CwErrors.invalidValue("The collection AlarmNames must not hold a null name.");
        }
        List<String> unknown = new ArrayList<>();
        for (String n : names) {
            if (!alarms.containsKey(n)) {
                unknown.add(n);
            }
        }
        if (!unknown.isEmpty()) {
            throw CwErrors.notFound("Alarm(s) not found: " + String.join(", ", unknown)
                    + ". No alarm was deleted.");
        }
        for (String n : names) {
            alarms.remove(n);
            record(n, now, "ConfigurationUpdate", "Alarm \"" + n + "\" deleted");
        }
    }

    /** SetAlarmState: the state holds until the next evaluation. */
    public void setState(SetAlarmStateRequest r, Instant now) {
        if (r.alarmName() == null) {
            throw CwErrors.missing("AlarmName");
        }
        if (r.stateValueAsString() == null) {
            throw CwErrors.missing("StateValue");
        }
        if (r.stateReason() == null) {
            throw CwErrors.missing("StateReason");
        }
        AlarmRecord a = alarms.get(r.alarmName());
        if (a == null) {
            throw CwErrors.notFound("Alarm " + r.alarmName() + " not found");
        }
        if (!Set.of("OK", "ALARM", "INSUFFICIENT_DATA").contains(r.stateValueAsString())) {
            throw CwErrors.invalidValue("The value '" + r.stateValueAsString() + "' for parameter StateValue is"
                    + " invalid.");
        }
        if (r.stateReason().length() > 1023) {
            throw CwErrors.invalidValue("The parameter StateReason must be at most 1023 characters.");
        }
        if (r.stateReasonData() != null) {
            String d = r.stateReasonData().trim();
            if (!(d.startsWith("{") && d.endsWith("}"))) {
                throw CwErrors.invalidFormat("The parameter StateReasonData must be a JSON object.");
            }
        }
        transition(a, r.stateValueAsString(), r.stateReason(), r.stateReasonData(), now);
    }

    /** DescribeAlarmHistory (state updates and configuration updates), newest first unless ScanBy ascending. */
    public DescribeAlarmHistoryResponse history(DescribeAlarmHistoryRequest r) {
        int max = r.maxRecords() == null ? 100 : r.maxRecords();
        if (max < 1 || max > 100) {
            throw CwErrors.invalidValue("The value " + max + " for parameter MaxRecords must be between 1 and 100.");
        }
        List<AlarmHistoryItem> out = new ArrayList<>();
        for (AlarmHistoryItem h : history) {
            if (r.alarmName() != null && !r.alarmName().equals(h.alarmName())
                    || r.historyItemTypeAsString() != null && !r.historyItemTypeAsString()
                    .equals(h.historyItemTypeAsString())
                    || r.startDate() != null && h.timestamp().isBefore(r.startDate())
                    || r.endDate() != null && h.timestamp().isAfter(r.endDate())) {
                continue;
            }
            out.add(h);
        }
        if (!"TimestampAscending".equals(r.scanByAsString())) {
            java.util.Collections.reverse(out);
        }
        int fingerprint = r.toBuilder().nextToken(null).build().hashCode();
        int offset = Tokens.offset("DescribeAlarmHistory", fingerprint, r.nextToken());
        int to = Math.min(out.size(), offset + max);
        return DescribeAlarmHistoryResponse.builder()
                .alarmHistoryItems(offset >= out.size() ? List.of() : out.subList(offset, to))
                .nextToken(to < out.size() ? Tokens.issue("DescribeAlarmHistory", fingerprint, to) : null).build();
    }

    // ----------------------------------------------------------------------------------------- evaluation

    /**
     * Runs every evaluation that is due up to {@code now}.
     *
     * @param now the clock's time
     * @param data the metric data the alarms watch
     */
    public void evaluate(Instant now, MetricDataOps data) {
        for (AlarmRecord a : alarms.values()) {
            int period = a.config.period();
            int step = Math.min(period, 60);
            long first = Math.floorDiv(a.lastEvaluated.getEpochSecond(), step) + 1;
            long last = Math.floorDiv(now.getEpochSecond(), step);
            if (last < first) {
                continue;
            }
            first = Math.max(first, last - MAX_STEPS + 1);
            for (long k = first; k <= last; k++) {
                evaluateAt(a, Instant.ofEpochSecond(k * step), data);
            }
            a.lastEvaluated = now;
        }
    }

    private void evaluateAt(AlarmRecord a, Instant at, MetricDataOps data) {
        MetricAlarm c = a.config;
        int period = c.period();
        int n = c.evaluationPeriods();
        int m = c.datapointsToAlarm() == null ? n : c.datapointsToAlarm();
        String stat = c.statisticAsString() != null ? c.statisticAsString() : c.extendedStatistic();
        Instant end = MetricStore.align(at, period);
        Instant start = end.minusSeconds((long) period * n);
        TreeMap<Instant, Aggregate> periods = data.periods(MetricKey.of(c.namespace(), c.metricName(),
                c.dimensions()), start, end, period, c.unitAsString());
        List<String> shown = new ArrayList<>();
        int breaching = 0;
        int present = 0;
        for (int i = n; i >= 1; i--) {
            Instant p = end.minusSeconds((long) period * i);
            Aggregate agg = periods.get(p);
            OptionalDouble v = agg == null ? OptionalDouble.empty() : agg.stat(stat);
            if (v.isPresent()) {
                present++;
                if (breaches(c.comparisonOperatorAsString(), v.getAsDouble(), c.threshold())) {
                    breaching++;
                }
                shown.add(0, v.getAsDouble() + " (" + REASON_TIME.format(p) + ")");
            }
        }
        String missing = c.treatMissingData() == null ? "missing" : c.treatMissingData();
        int absent = n - present;
        String next;
        if (present == 0 && (missing.equals("missing") || missing.equals("ignore"))) {
            if (missing.equals("ignore")) {
                return;
            }
            next = "INSUFFICIENT_DATA";
        } else {
            int b = breaching + (missing.equals("breaching") ? absent : 0);
            next = b >= m ? "ALARM" : "OK";
        }
        if (next.equals(a.state)) {
            return;
        }
        String reason;
        if (next.equals("INSUFFICIENT_DATA")) {
            reason = "Insufficient Data: " + n + " datapoint" + (n == 1 ? " was" : "s were") + " unknown.";
        } else {
            String op = switch (c.comparisonOperatorAsString()) {
                case "GreaterThanOrEqualToThreshold" -> "greater than or equal to";
                case "GreaterThanThreshold" -> "greater than";
                case "LessThanThreshold" -> "less than";
                default -> "less than or equal to";
            };
            int count = next.equals("ALARM") ? breaching : present - breaching;
            reason = "Threshold Crossed: " + count + " out of the last " + n + " datapoints " + shown + " "
                    + (next.equals("ALARM") ? "were" : "were not") + " " + op + " the threshold (" + c.threshold()
                    + ") (minimum " + m + " datapoint" + (m == 1 ? "" : "s") + " for " + a.state + " -> " + next
                    + " transition).";
        }
        String reasonData = "{\"version\":\"1.0\",\"queryDate\":\"" + at + "\",\"startDate\":\"" + start
                + "\",\"statistic\":\"" + stat + "\",\"period\":" + period + ",\"recentDatapoints\":"
                + shown.size() + ",\"threshold\":" + c.threshold() + "}";
        transition(a, next, reason, reasonData, at);
    }

    private static boolean breaches(String op, double v, double threshold) {
        return switch (op) {
            case "GreaterThanOrEqualToThreshold" -> v >= threshold;
            case "GreaterThanThreshold" -> v > threshold;
            case "LessThanThreshold" -> v < threshold;
            default -> v <= threshold;
        };
    }

    private void transition(AlarmRecord a, String state, String reason, String data, Instant at) {
        String from = a.state;
        a.reason = reason;
        a.reasonData = data;
        a.stateUpdated = at;
        if (!state.equals(from)) {
            a.state = state;
            a.stateTransitioned = at;
            record(a.config.alarmName(), at, "StateUpdate", "Alarm updated from " + from + " to " + state);
        }
    }

    private void record(String name, Instant at, String type, String summary) {
        history.add(AlarmHistoryItem.builder().alarmName(name).alarmType("MetricAlarm").timestamp(at)
                .historyItemType(type).historySummary(summary).build());
        if (history.size() > 10_000) {
            history.remove(0);
        }
    }
}
