package io.dmskit.observe;

import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.core.exception.DmsKitException;
import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.core.provision.Sleeper;
import io.dmskit.observe.internal.AwsCalls;
import io.dmskit.observe.internal.Discoverer;
import io.dmskit.observe.internal.MetricReader;
import io.dmskit.observe.internal.Snapshots;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;

/**
 * Observes DMS pipelines that are already running, whoever created them: finds tasks, serverless replication
 * configs, endpoints and instances by name pattern and tags; takes snapshots of tasks with their CloudWatch metrics;
 * reads task logs; waits like a sensor. Works the same against AWS and against dms-testkit's fakes.
 *
 * <pre>{@code
 * DmsObserver observer = DmsObserver.builder().dms(dms).cloudWatch(cloudWatch).logs(logs).build();
 * Discovery found = observer.discover(f -> f.include("orders-.*").tag("team", "data"));
 * List<TaskSnapshot> now = observer.snapshots(found);
 * now.forEach(s -> System.out.println(s.summary()));
 * Verifier.builder()...cdcLatency(observer::cdcLatency);   // dms-verify's CdcLatency hook
 * }</pre>
 *
 * <p>Thread-safe, except that a {@link TaskLogs} follower keeps its own position. Every AWS call is counted by
 * operation ({@link #awsCalls()}).
 */
public final class DmsObserver {

    private static final Logger LOG = LoggerFactory.getLogger(DmsObserver.class);

    private final DatabaseMigrationClient dms;
    private final CloudWatchClient cloudWatch;
    private final CloudWatchLogsClient logs;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration pollInterval;
    private final Duration sensorTimeout;
    private final AwsCalls aws = new AwsCalls();
    private final Discoverer discoverer;
    private final MetricReader metrics;
    private final Snapshots snapshots;

    private DmsObserver(Builder b) {
        this.dms = b.dms;
        this.cloudWatch = b.cloudWatch;
        this.logs = b.logs;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.pollInterval = b.pollInterval == null ? b.metricPeriod : b.pollInterval;
        this.sensorTimeout = b.sensorTimeout;
        this.discoverer = new Discoverer(dms, aws);
        this.metrics = new MetricReader(cloudWatch, aws, clock, b.metricPeriod, b.lookbackPeriods);
        this.snapshots = new Snapshots(dms, aws, discoverer, metrics, clock);
    }

    /**
     * {@return a new builder}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Finds DMS resources.
     *
     * @param filter names, tags and kinds to find
     * @return what matched, per kind, in DMS's order
     */
    public Discovery discover(DiscoveryFilter filter) {
        return discoverer.discover(Objects.requireNonNull(filter, "filter"));
    }

    /**
     * {@return what matched}
     *
     * @param spec fills in a {@link DiscoveryFilter.Builder}
     */
    public Discovery discover(Consumer<DiscoveryFilter.Builder> spec) {
        return discover(DiscoveryFilter.of(Objects.requireNonNull(spec, "spec")));
    }

    /**
     * A snapshot of one task, per-table states included.
     *
     * @param task the task's identifier or ARN
     * @return its snapshot
     * @throws DmsKitException when DMS does not know the task
     */
    public TaskSnapshot snapshot(String task) {
        return snapshots.tasks(List.of(requireTask(task)), true).get(0);
    }

    /**
     * Snapshots of many tasks without per-table states: one page of {@code DescribeReplicationTasks} per 100 tasks and
     * one {@code GetMetricData} per 500 metrics, whatever the number of tasks.
     *
     * @param tasks task identifiers or ARNs
     * @return one snapshot per task, in the order given
     */
    public List<TaskSnapshot> snapshots(Collection<String> tasks) {
        Objects.requireNonNull(tasks, "tasks").forEach(DmsObserver::requireTask);
        return tasks.isEmpty() ? List.of() : snapshots.tasks(tasks, false);
    }

    /**
     * {@return snapshots of its tasks (no per-table states)}
     *
     * @param found a discovery
     */
    public List<TaskSnapshot> snapshots(Discovery found) {
        return snapshots(Objects.requireNonNull(found, "found").tasks().stream().map(DiscoveredResource::arn).toList());
    }

    /**
     * A snapshot of a DMS Serverless replication ({@code DescribeReplications} and
     * {@code DescribeReplicationTableStatistics}); its metrics are empty.
     *
     * @param config the replication config's identifier or ARN
     * @return its snapshot
     */
    public TaskSnapshot snapshotReplication(String config) {
        return snapshots.replication(requireTask(config), true);
    }

    /**
     * The health metrics of replication instances: {@code CPUUtilization}, {@code FreeableMemory},
     * {@code FreeStorageSpace}, {@code SwapUsage}, in one {@code GetMetricData} call per 125 instances.
     *
     * @param instanceIdentifiers replication instance identifiers
     * @return per instance, its latest values
     */
    public Map<String, MetricValues> instanceHealth(Collection<String> instanceIdentifiers) {
        List<MetricReader.Request> requests = new ArrayList<>();
        for (String id : Objects.requireNonNull(instanceIdentifiers, "instanceIdentifiers")) {
            requireTask(id);
            for (String m : DmsMetrics.INSTANCE_METRICS) {
                requests.add(new MetricReader.Request(id, m, Map.of(DmsMetrics.INSTANCE_DIMENSION, id)));
            }
        }
        return new LinkedHashMap<>(metrics.latest(requests));
    }

    /**
     * {@return its latest health metrics}
     *
     * @param instanceIdentifier a replication instance identifier
     */
    public MetricValues instanceHealth(String instanceIdentifier) {
        return instanceHealth(List.of(requireTask(instanceIdentifier))).get(instanceIdentifier);
    }

    /**
     * The task's log stream ({@code dms-tasks-<instance>} / {@code dms-task-<resource id>}).
     *
     * @param task the task's identifier or ARN
     * @return a reader and follower of its log
     * @throws InvalidDefinitionException when the observer was built without a CloudWatch Logs client
     */
    public TaskLogs logs(String task) {
        if (logs == null) {
            throw new InvalidDefinitionException(List.of(new DefinitionProblem("DmsObserver", "logs",
                "reading task logs needs a CloudWatch Logs client: DmsObserver.builder().logs(client)")));
        }
        TaskSnapshot s = snapshots.tasks(List.of(requireTask(task)), false).get(0);
        String instance = s.instanceIdentifier().orElseThrow(() -> new DmsKitException(
            "task " + s.identifier() + " has no replication instance DMS knows of", s.identifier(), "logs", null, null,
            null));
        return new TaskLogs(logs, aws, clock, sleeper, pollInterval, TaskLogs.logGroupName(instance),
            TaskLogs.logStreamName(s.resourceId()));
    }

    /**
     * {@return a sensor on the task, with the observer's poll interval and sensor timeout}
     *
     * @param task the task's identifier or ARN
     */
    public TaskSensor sensor(String task) {
        return new TaskSensor(requireTask(task), snapshots, metrics, clock, sleeper, sensorTimeout, pollInterval,
            SensorListener.NONE);
    }

    /**
     * The task's current CDC latency as CloudWatch reports it: the larger of {@code CDCLatencySource} and
     * {@code CDCLatencyTarget} in the latest period. Fits dms-verify's {@code CdcLatency} hook:
     * {@code Verifier.builder().cdcLatency(observer::cdcLatency)}. Never throws: an AWS failure is logged and reported
     * as not known.
     *
     * @param taskArn the task's ARN (or identifier)
     * @return the latency, empty when CloudWatch has no datapoint (or no CloudWatch client was given)
     */
    public Optional<Duration> cdcLatency(String taskArn) {
        if (cloudWatch == null || taskArn == null || taskArn.isBlank()) {
            return Optional.empty();
        }
        try {
            MetricValues m = snapshots.tasks(List.of(taskArn), false).get(0).metrics();
            Optional<Duration> src = m.cdcLatencySource();
            Optional<Duration> tgt = m.cdcLatencyTarget();
            if (src.isEmpty()) {
                return tgt;
            }
            return tgt.isEmpty() || src.get().compareTo(tgt.get()) > 0 ? src : tgt;
        } catch (DmsKitException e) {
            LOG.debug("CDC latency of {} not known: {}", taskArn, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * {@return AWS calls made so far by this observer, by operation}
     */
    public Map<String, Long> awsCalls() {
        return aws.counts();
    }

    /**
     * {@return the metric period}
     */
    public Duration metricPeriod() {
        return metrics.period();
    }

    private static String requireTask(String id) {
        if (id == null || id.isBlank()) {
            throw new InvalidDefinitionException(List.of(new DefinitionProblem("DmsObserver", "identifier",
                "must be a non-blank identifier or ARN, was " + (id == null ? "null" : "'" + id + "'"))));
        }
        return id;
    }

    @Override
    public String toString() {
        return "DmsObserver{cloudWatch=" + (cloudWatch != null) + ", logs=" + (logs != null) + ", metricPeriod="
            + metrics.period() + ", pollInterval=" + pollInterval + "}";
    }

    /** Builds a {@link DmsObserver}; {@link #build()} reports every problem at once. */
    public static final class Builder {
        private DatabaseMigrationClient dms;
        private CloudWatchClient cloudWatch;
        private CloudWatchLogsClient logs;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.threadSleep();
        private Duration metricPeriod = Duration.ofMinutes(1);
        private Duration pollInterval;
        private Duration sensorTimeout = Duration.ofHours(1);
        private int lookbackPeriods = 5;

        private Builder() {
        }

        /**
         * Sets {@code dms}: the DMS client (required).
         *
         * @param v the DMS client (required)
         * @return this builder
         */
        public Builder dms(DatabaseMigrationClient v) {
            this.dms = v;
            return this;
        }

        /**
         * Sets {@code cloudWatch}: the CloudWatch client (without one, snapshots carry no metrics and latency sensors
         * cannot run).
         *
         * @param v the CloudWatch client (without one, snapshots carry no metrics and latency sensors cannot run)
         * @return this builder
         */
        public Builder cloudWatch(CloudWatchClient v) {
            this.cloudWatch = v;
            return this;
        }

        /**
         * Sets {@code logs}: the CloudWatch Logs client (needed by {@link DmsObserver#logs(String)}).
         *
         * @param v the CloudWatch Logs client (needed by {@link DmsObserver#logs(String)})
         * @return this builder
         */
        public Builder logs(CloudWatchLogsClient v) {
            this.logs = v;
            return this;
        }

        /**
         * Sets {@code clock}: the clock (a virtual one in tests).
         *
         * @param v the clock (a virtual one in tests)
         * @return this builder
         */
        public Builder clock(Clock v) {
            this.clock = v;
            return this;
        }

        /**
         * Sets {@code sleeper}: how sensors and log followers pause (one that advances a virtual clock in tests).
         *
         * @param v how sensors and log followers pause (one that advances a virtual clock in tests)
         * @return this builder
         */
        public Builder sleeper(Sleeper v) {
            this.sleeper = v;
            return this;
        }

        /**
         * Sets {@code metricPeriod}: the CloudWatch period statistics are read with (AWS publishes DMS metrics each
         * minute; default 1 minute), 1 second .. 1 day.
         *
         * @param v the CloudWatch period statistics are read with (AWS publishes DMS metrics each minute; default 1
         *     minute), 1 second .. 1 day
         * @return this builder
         */
        public Builder metricPeriod(Duration v) {
            this.metricPeriod = v;
            return this;
        }

        /**
         * Sets {@code lookbackPeriods}: how many periods back to look for a metric's latest datapoint, 1..1440 (default
         * 5).
         *
         * @param v how many periods back to look for a metric's latest datapoint, 1..1440 (default 5)
         * @return this builder
         */
        public Builder lookbackPeriods(int v) {
            this.lookbackPeriods = v;
            return this;
        }

        /**
         * Sets {@code pollInterval}: time between sensor and log polls (default: the metric period).
         *
         * @param v time between sensor and log polls (default: the metric period)
         * @return this builder
         */
        public Builder pollInterval(Duration v) {
            this.pollInterval = v;
            return this;
        }

        /**
         * Sets {@code sensorTimeout}: default timeout of sensors (default 1 hour).
         *
         * @param v default timeout of sensors (default 1 hour)
         * @return this builder
         */
        public Builder sensorTimeout(Duration v) {
            this.sensorTimeout = v;
            return this;
        }

        /**
         * {@return the observer}
         *
         * @throws InvalidDefinitionException naming every missing or bad setting
         */
        public DmsObserver build() {
            List<DefinitionProblem> p = new ArrayList<>();
            if (dms == null) {
                p.add(new DefinitionProblem("DmsObserver", "dms", "a DMS client is required: "
                    + "DmsObserver.builder().dms(client)"));
            }
            if (clock == null) {
                p.add(new DefinitionProblem("DmsObserver", "clock", "is null"));
            }
            if (sleeper == null) {
                p.add(new DefinitionProblem("DmsObserver", "sleeper", "is null"));
            }
            if (metricPeriod == null || metricPeriod.toSeconds() < 1 || metricPeriod.compareTo(Duration.ofDays(1)) > 0
                || metricPeriod.getNano() != 0) {
                p.add(new DefinitionProblem("DmsObserver", "metricPeriod",
                    "must be whole seconds, 1s..1d, was " + metricPeriod));
            }
            if (pollInterval != null && (pollInterval.isNegative() || pollInterval.isZero()
                || pollInterval.compareTo(Duration.ofDays(1)) > 0)) {
                p.add(new DefinitionProblem("DmsObserver", "pollInterval", "must be positive, at most 1 day, was "
                    + pollInterval));
            }
            if (sensorTimeout == null || sensorTimeout.isNegative() || sensorTimeout.isZero()
                || sensorTimeout.compareTo(Duration.ofDays(366)) > 0) {
                p.add(new DefinitionProblem("DmsObserver", "sensorTimeout", "must be positive, at most 366 days, was "
                    + sensorTimeout));
            }
            if (lookbackPeriods < 1 || lookbackPeriods > 1440) {
                p.add(new DefinitionProblem("DmsObserver", "lookbackPeriods", "must be 1..1440, was "
                    + lookbackPeriods));
            }
            if (!p.isEmpty()) {
                throw new InvalidDefinitionException(p);
            }
            return new DmsObserver(this);
        }
    }
}
