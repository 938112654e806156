package io.dmskit.core.alarm;

import io.dmskit.core.exception.DefinitionProblem;
import java.util.List;

/**
 * Fires when a task's CDC latency ({@code CDCLatencySource} or {@code CDCLatencyTarget}, in seconds) stays above a
 * threshold: the seed's "configure CloudWatch alarms for CDC latency".
 *
 * <pre>{@code
 * CdcLatencyAlarm alarm = CdcLatencyAlarm.builder("orders-cdc-latency")
 *     .task("orders-replication").target().thresholdSeconds(300)
 *     .periods(5).datapointsToAlarm(3)
 *     .alarmActions("arn:aws:sns:us-east-1:123456789012:dms-alerts")
 *     .build();
 * }</pre>
 *
 * <p>Statistic Average, operator GreaterThanThreshold, missing data {@code missing} unless set.
 */
public final class CdcLatencyAlarm extends Alarm {

    /** Which latency metric. */
    public enum Metric {
        /** {@code CDCLatencySource}: how far behind the source DMS is reading. */
        SOURCE("CDCLatencySource"),
        /** {@code CDCLatencyTarget}: how far behind the source the target is. */
        TARGET("CDCLatencyTarget");

        private final String metricName;

        Metric(String metricName) {
            this.metricName = metricName;
        }

        /**
         * {@return the CloudWatch metric name}
         */
        public String metricName() {
            return metricName;
        }
    }

    private final Metric metric;
    private final double thresholdSeconds;

    private CdcLatencyAlarm(Builder b) {
        super(b);
        this.metric = b.metric;
        this.thresholdSeconds = b.thresholdSeconds;
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
        return fill(new Builder(name())).metric(metric).thresholdSeconds(thresholdSeconds);
    }

    /**
     * {@return which latency}
     */
    public Metric metric() {
        return metric;
    }

    @Override
    public String metricName() {
        return metric.metricName();
    }

    @Override
    public String statistic() {
        return "Average";
    }

    @Override
    public String comparisonOperator() {
        return "GreaterThanThreshold";
    }

    @Override
    public double threshold() {
        return thresholdSeconds;
    }

    /** Builds a {@link CdcLatencyAlarm}. */
    public static final class Builder extends Alarm.Builder<Builder, CdcLatencyAlarm> {
        private Metric metric = Metric.TARGET;
        private double thresholdSeconds = Double.NaN;

        private Builder(String name) {
            super(name);
        }

        /**
         * Alarms on {@code CDCLatencySource}.
         *
         * @return this builder
         */
        public Builder source() {
            this.metric = Metric.SOURCE;
            return this;
        }

        /**
         * Alarms on {@code CDCLatencyTarget} (the default).
         *
         * @return this builder
         */
        public Builder target() {
            this.metric = Metric.TARGET;
            return this;
        }

        /**
         * Sets {@code metric}: which latency.
         *
         * @param v which latency
         * @return this builder
         */
        public Builder metric(Metric v) {
            this.metric = v;
            return this;
        }

        /**
         * Sets {@code thresholdSeconds}: latency above which a datapoint breaches (required, positive).
         *
         * @param seconds latency above which a datapoint breaches (required, positive)
         * @return this builder
         */
        public Builder thresholdSeconds(double seconds) {
            this.thresholdSeconds = seconds;
            return this;
        }

        @Override
        Builder self() {
            return this;
        }

        @Override
        MissingData defaultMissingData() {
            return MissingData.MISSING;
        }

        @Override
        CdcLatencyAlarm create() {
            return new CdcLatencyAlarm(this);
        }

        @Override
        void check(List<DefinitionProblem> problems, String where) {
            if (metric == null) {
                problems.add(DefinitionProblem.of("MetricName", "is null: source() or target()"));
            }
            if (Double.isNaN(thresholdSeconds) || thresholdSeconds <= 0 || Double.isInfinite(thresholdSeconds)) {
                problems.add(DefinitionProblem.of("Threshold", "thresholdSeconds(...) must be a positive number of "
                    + "seconds" + (Double.isNaN(thresholdSeconds) ? " (not set)" : ", was " + thresholdSeconds)));
            }
        }
    }
}
