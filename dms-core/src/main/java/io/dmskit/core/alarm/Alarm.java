package io.dmskit.core.alarm;

import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.core.internal.Validate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A CloudWatch alarm on one task of a {@link io.dmskit.core.Pipeline}, provisioned with it by plan / apply / destroy.
 * The alarm watches an {@code AWS/DMS} task metric with the dimensions {@code ReplicationInstanceIdentifier} (the
 * task's instance) and {@code ReplicationTaskIdentifier} (the task's resource id, the last part of its ARN, known once
 * the task exists: apply fills it in), as AWS documents them in "AWS Database Migration Service metrics"
 * (https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Monitoring.html).
 *
 * <p>Two kinds: {@link CdcLatencyAlarm} (latency above a threshold) and {@link TaskStateAlarm} (the task stops
 * reporting, so it left {@code running}).
 */
public abstract sealed class Alarm permits CdcLatencyAlarm, TaskStateAlarm {

    /** The longest alarm name CloudWatch accepts. */
    public static final int MAX_NAME = 255;

    private final String name;
    private final String task;
    private final String description;
    private final Duration period;
    private final int evaluationPeriods;
    private final int datapointsToAlarm;
    private final MissingData missingData;
    private final List<String> alarmActions;
    private final List<String> okActions;
    private final Map<String, String> tags;

    Alarm(Builder<?, ?> b) {
        this.name = b.name;
        this.task = b.task;
        this.description = b.description;
        this.period = b.period;
        this.evaluationPeriods = b.evaluationPeriods;
        this.datapointsToAlarm = b.datapointsToAlarm == null ? b.evaluationPeriods : b.datapointsToAlarm;
        this.missingData = b.missingData == null ? b.defaultMissingData() : b.missingData;
        this.alarmActions = List.copyOf(b.alarmActions);
        this.okActions = List.copyOf(b.okActions);
        this.tags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.tags));
    }

    /** Copies the shared settings into a builder (for {@code toBuilder()}). */
    <B extends Builder<B, A>, A extends Alarm> B fill(B b) {
        b.task(task).description(description).period(period).periods(evaluationPeriods)
            .datapointsToAlarm(datapointsToAlarm).treatMissingData(missingData);
        b.alarmActions(alarmActions.toArray(String[]::new)).okActions(okActions.toArray(String[]::new));
        tags.forEach(b::tag);
        return b;
    }

    /**
     * {@return the alarm name (unique in the account and region)}
     */
    public String name() {
        return name;
    }

    /**
     * {@return the identifier of the pipeline task it watches}
     */
    public String task() {
        return task;
    }

    /**
     * {@return the alarm description}
     */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /**
     * {@return the metric name in {@code AWS/DMS}}
     */
    public abstract String metricName();

    /**
     * {@return the statistic ({@code Average}, {@code SampleCount}, ...)}
     */
    public abstract String statistic();

    /**
     * {@return the comparison operator, e.g. {@code GreaterThanThreshold}}
     */
    public abstract String comparisonOperator();

    /**
     * {@return the threshold}
     */
    public abstract double threshold();

    /**
     * {@return the period of each evaluated datapoint}
     */
    public Duration period() {
        return period;
    }

    /**
     * {@return {@code EvaluationPeriods}}
     */
    public int evaluationPeriods() {
        return evaluationPeriods;
    }

    /**
     * {@return {@code DatapointsToAlarm} (defaults to the evaluation periods)}
     */
    public int datapointsToAlarm() {
        return datapointsToAlarm;
    }

    /**
     * {@return {@code TreatMissingData}}
     */
    public MissingData missingData() {
        return missingData;
    }

    /**
     * {@return actions (SNS topic ARNs) when the alarm enters ALARM}
     */
    public List<String> alarmActions() {
        return alarmActions;
    }

    /**
     * {@return actions (SNS topic ARNs) when the alarm returns to OK}
     */
    public List<String> okActions() {
        return okActions;
    }

    /**
     * {@return the alarm's own tags (the provisioner adds {@code dmskit:pipeline})}
     */
    public Map<String, String> tags() {
        return tags;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Alarm a && getClass() == a.getClass() && name.equals(a.name) && task.equals(a.task)
            && Objects.equals(description, a.description) && metricName().equals(a.metricName())
            && statistic().equals(a.statistic()) && comparisonOperator().equals(a.comparisonOperator())
            && threshold() == a.threshold() && period.equals(a.period) && evaluationPeriods == a.evaluationPeriods
            && datapointsToAlarm == a.datapointsToAlarm && missingData == a.missingData
            && alarmActions.equals(a.alarmActions) && okActions.equals(a.okActions) && tags.equals(a.tags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, task, metricName(), threshold());
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{" + name + ", task=" + task + ", " + metricName() + " " + statistic()
            + " " + comparisonOperator() + " " + threshold() + " for " + datapointsToAlarm + "/" + evaluationPeriods
            + " x " + period.toSeconds() + "s, missing=" + missingData.wireValue() + "}";
    }

    /**
     * What both kinds of alarm share; {@code build()} reports every problem at once.
     *
     * @param <B> the concrete builder
     * @param <A> the alarm it builds
     */
    public abstract static sealed class Builder<B extends Builder<B, A>, A extends Alarm>
        permits CdcLatencyAlarm.Builder, TaskStateAlarm.Builder {
        private final String name;
        private String task;
        private String description;
        private Duration period = Duration.ofMinutes(1);
        private int evaluationPeriods = 1;
        private Integer datapointsToAlarm;
        private MissingData missingData;
        private final List<String> alarmActions = new ArrayList<>();
        private final List<String> okActions = new ArrayList<>();
        private final Map<String, String> tags = new LinkedHashMap<>();
        private final List<DefinitionProblem> deferred = new ArrayList<>();

        Builder(String name) {
            this.name = name;
        }

        abstract B self();

        abstract MissingData defaultMissingData();

        abstract A create();

        abstract void check(List<DefinitionProblem> problems, String where);

        /**
         * {@return the alarm name given}
         */
        public String name() {
            return name;
        }

        /**
         * Sets {@code task}: the identifier of the pipeline task to watch.
         *
         * @param identifier the identifier of the pipeline task to watch
         * @return this builder
         */
        public B task(String identifier) {
            this.task = identifier;
            return self();
        }

        /**
         * Sets {@code description}: the alarm description (at most 900 characters; the provisioner appends {@code
         * [dmskit:pipeline=<name>]}, by which it recognises its alarms).
         *
         * @param text the alarm description (at most 900 characters; the provisioner appends
         *     {@code [dmskit:pipeline=<name>]}, by which it recognises its alarms)
         * @return this builder
         */
        public B description(String text) {
            this.description = text;
            return self();
        }

        /**
         * Sets {@code period}: the period of each datapoint: 10 s, 30 s or a multiple of 60 s (default 1 minute, the
         * period DMS publishes at).
         *
         * @param duration the period of each datapoint: 10 s, 30 s or a multiple of 60 s (default 1 minute, the
         *     period DMS publishes at)
         * @return this builder
         */
        public B period(Duration duration) {
            this.period = duration;
            return self();
        }

        /**
         * Sets {@code periods}: {@code EvaluationPeriods}, at least 1.
         *
         * @param n {@code EvaluationPeriods}, at least 1
         * @return this builder
         */
        public B periods(int n) {
            this.evaluationPeriods = n;
            return self();
        }

        /**
         * Sets {@code datapointsToAlarm}: {@code DatapointsToAlarm}, 1..periods (default: periods).
         *
         * @param n {@code DatapointsToAlarm}, 1..periods (default: periods)
         * @return this builder
         */
        public B datapointsToAlarm(int n) {
            this.datapointsToAlarm = n;
            return self();
        }

        /**
         * Sets {@code treatMissingData}: {@code TreatMissingData}.
         *
         * @param v {@code TreatMissingData}
         * @return this builder
         */
        public B treatMissingData(MissingData v) {
            this.missingData = v;
            if (v == null) {
                deferred.add(DefinitionProblem.of("TreatMissingData", "is null"));
            }
            return self();
        }

        /**
         * Sets {@code alarmActions}: SNS topic ARNs notified when the alarm fires.
         *
         * @param snsTopicArns SNS topic ARNs notified when the alarm fires
         * @return this builder
         */
        public B alarmActions(String... snsTopicArns) {
            actions(alarmActions, "AlarmActions", snsTopicArns);
            return self();
        }

        /**
         * Sets {@code okActions}: SNS topic ARNs notified when the alarm returns to OK.
         *
         * @param snsTopicArns SNS topic ARNs notified when the alarm returns to OK
         * @return this builder
         */
        public B okActions(String... snsTopicArns) {
            actions(okActions, "OKActions", snsTopicArns);
            return self();
        }

        /**
         * Sets {@code tag}: tag key.
         *
         * @param key tag key
         * @param value tag value
         * @return this builder
         */
        public B tag(String key, String value) {
            if (key == null || key.isEmpty() || value == null) {
                deferred.add(DefinitionProblem.of("Tags", "tag key must be non-empty and value non-null, was " + key
                    + "=" + value));
            } else if (key.equals(Validate.PIPELINE_TAG)) {
                deferred.add(DefinitionProblem.of("Tags", Validate.PIPELINE_TAG + " is set by the provisioner"));
            } else {
                tags.put(key, value);
            }
            return self();
        }

        private void actions(List<String> list, String field, String... arns) {
            if (arns == null) {
                deferred.add(DefinitionProblem.of(field, "is null"));
                return;
            }
            for (String a : arns) {
                if (a == null || !a.matches("arn:aws[a-z-]*:sns:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_.-]{1,256}")) {
                    deferred.add(DefinitionProblem.of(field, "'" + a + "' is not an SNS topic ARN "
                        + "(arn:aws:sns:<region>:<account>:<topic>)"));
                } else {
                    list.add(a);
                }
            }
        }

        /**
         * {@return the alarm}
         *
         * @throws InvalidDefinitionException naming every problem
         */
        public A build() {
            String where = "alarm " + Validate.show(name);
            List<DefinitionProblem> p = new ArrayList<>();
            if (name == null || name.isBlank() || name.length() > MAX_NAME || Validate.hasControl(name)) {
                p.add(DefinitionProblem.of("AlarmName", "must be 1.." + MAX_NAME
                    + " characters without control characters, was " + Validate.show(name)));
            }
            if (task == null || task.isBlank()) {
                p.add(DefinitionProblem.of("task", "name the pipeline task to watch: .task(\"orders-replication\")"));
            }
            if (description != null && description.length() > 900) {
                p.add(DefinitionProblem.of("AlarmDescription", "must be at most 900 characters (CloudWatch allows "
                    + "1024, the provisioner appends the pipeline's marker)"));
            }
            long s = period == null ? -1 : period.toSeconds();
            if (period == null || period.getNano() != 0 || !(s == 10 || s == 30 || s > 0 && s % 60 == 0)) {
                p.add(DefinitionProblem.of("Period", "must be 10 s, 30 s or a multiple of 60 s, was " + period));
            }
            if (evaluationPeriods < 1) {
                p.add(DefinitionProblem.of("EvaluationPeriods", "must be at least 1, was " + evaluationPeriods));
            } else if (s > 0 && (long) evaluationPeriods * s > 7L * 86400) {
                p.add(DefinitionProblem.of("EvaluationPeriods", "periods x period must be at most 7 days"));
            }
            if (datapointsToAlarm != null && (datapointsToAlarm < 1 || datapointsToAlarm > evaluationPeriods)) {
                p.add(DefinitionProblem.of("DatapointsToAlarm", "must be 1.." + evaluationPeriods
                    + " (the evaluation periods), was " + datapointsToAlarm));
            }
            p.addAll(deferred);
            check(p, where);
            if (!p.isEmpty()) {
                throw new InvalidDefinitionException(p.stream().map(x -> x.in(where)).toList());
            }
            return create();
        }
    }
}
