package io.dmskit.core.alarm;

import io.dmskit.core.exception.DefinitionProblem;
import java.util.List;

/**
 * Fires when a task leaves {@code running}. DMS publishes no CloudWatch metric of a task's status; a running task
 * publishes its task metrics every minute and a stopped or failed one publishes none. So this alarm watches the
 * {@code SampleCount} of a metric the running task always reports ({@code CDCLatencySource} by default, for CDC tasks)
 * with {@code LessThanThreshold 1} and {@code TreatMissingData = breaching}: periods without datapoints breach, and the
 * alarm fires after {@code periods} of silence, whether the task stopped, failed, or its instance went away.
 *
 * <p>For the exact status change, DMS emits events (EventBridge "DMS Replication Task State Change", event
 * subscriptions with SNS); subscribing to those is not part of dmskit.
 *
 * <pre>{@code
 * TaskStateAlarm stopped = TaskStateAlarm.builder("orders-not-running")
 *     .task("orders-replication").periods(5)
 *     .alarmActions("arn:aws:sns:us-east-1:123456789012:dms-alerts").build();
 * }</pre>
 */
public final class TaskStateAlarm extends Alarm {

    private final String watchedMetric;

    private TaskStateAlarm(Builder b) {
        super(b);
        this.watchedMetric = b.watchedMetric;
    }

    /**
     * {@return a builder}
     *
     * @param name the alarm name
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * {@return a builder holding this alarm}
     */
    public Builder toBuilder() {
        return fill(new Builder(name())).watching(watchedMetric);
    }

    @Override
    public String metricName() {
        return watchedMetric;
    }

    @Override
    public String statistic() {
        return "SampleCount";
    }

    @Override
    public String comparisonOperator() {
        return "LessThanThreshold";
    }

    @Override
    public double threshold() {
        return 1;
    }

    /** Builds a {@link TaskStateAlarm}; missing data is {@code breaching} unless set. */
    public static final class Builder extends Alarm.Builder<Builder, TaskStateAlarm> {
        private String watchedMetric = "CDCLatencySource";

        private Builder(String name) {
            super(name);
        }

        /**
         * Sets {@code watching}: the AWS/DMS task metric whose silence means "not running" (default {@code
         * CDCLatencySource}; {@code FullLoadThroughputRowsTarget} for a full-load-only task).
         *
         * @param metricName the AWS/DMS task metric whose silence means "not running" (default
         *     {@code CDCLatencySource}; {@code FullLoadThroughputRowsTarget} for a full-load-only task)
         * @return this builder
         */
        public Builder watching(String metricName) {
            this.watchedMetric = metricName;
            return this;
        }

        @Override
        Builder self() {
            return this;
        }

        @Override
        MissingData defaultMissingData() {
            return MissingData.BREACHING;
        }

        @Override
        TaskStateAlarm create() {
            return new TaskStateAlarm(this);
        }

        @Override
        void check(List<DefinitionProblem> problems, String where) {
            if (watchedMetric == null || !watchedMetric.matches("[A-Za-z]{1,255}")) {
                problems.add(DefinitionProblem.of("MetricName", "must be an AWS/DMS task metric name, was "
                    + watchedMetric));
            }
        }
    }
}
