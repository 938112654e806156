package io.dmskit.observe;

import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.core.exception.DmsKitException;
import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.core.exception.ResourceFailedException;
import io.dmskit.core.provision.Sleeper;
import io.dmskit.model.TaskStatus;
import io.dmskit.observe.internal.MetricReader;
import io.dmskit.observe.internal.Snapshots;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Sensor-style waits on one task, like an orchestrator's sensor: poll, tell the listener, succeed when the condition
 * holds, fail at once when the task fails, time out with what was last seen. Immutable; {@code with*} return copies.
 *
 * <pre>{@code
 * TaskSensor sensor = observer.sensor("orders-replication").timeout(Duration.ofHours(2))
 *     .listener((s, what) -> System.out.println(what + ": " + s.summary()));
 * sensor.untilFullLoadComplete();
 * sensor.untilCdcLatencyBelow(Duration.ofSeconds(30), 3);   // three consecutive one-minute periods
 * }</pre>
 */
public final class TaskSensor {

    private static final Duration MAX = Duration.ofDays(366);

    private final String task;
    private final Snapshots snapshots;
    private final MetricReader metrics;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration timeout;
    private final Duration pollInterval;
    private final SensorListener listener;

    TaskSensor(String task, Snapshots snapshots, MetricReader metrics, Clock clock, Sleeper sleeper, Duration timeout,
               Duration pollInterval, SensorListener listener) {
        this.task = task;
        this.snapshots = snapshots;
        this.metrics = metrics;
        this.clock = clock;
        this.sleeper = sleeper;
        this.timeout = timeout;
        this.pollInterval = pollInterval;
        this.listener = listener;
    }

    /**
     * {@return a copy}
     *
     * @param v how long a wait may take (positive)
     */
    public TaskSensor timeout(Duration v) {
        return new TaskSensor(task, snapshots, metrics, clock, sleeper, positive(v, "timeout"), pollInterval,
            listener);
    }

    /**
     * {@return a copy}
     *
     * @param v time between polls (positive)
     */
    public TaskSensor pollInterval(Duration v) {
        return new TaskSensor(task, snapshots, metrics, clock, sleeper, timeout, positive(v, "pollInterval"),
            listener);
    }

    /**
     * {@return a copy}
     *
     * @param v told about each snapshot
     */
    public TaskSensor listener(SensorListener v) {
        if (v == null) {
            throw new InvalidDefinitionException(List.of(new DefinitionProblem("TaskSensor", "listener",
                "is null (SensorListener.NONE for none)")));
        }
        return new TaskSensor(task, snapshots, metrics, clock, sleeper, timeout, pollInterval, v);
    }

    /**
     * {@return the wait timeout}
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * {@return the poll interval}
     */
    public Duration pollInterval() {
        return pollInterval;
    }

    /**
     * Waits until the full load is complete: {@code FullLoadProgressPercent} 100 with no table loading or queued.
     *
     * @return the snapshot that showed it
     * @throws ResourceFailedException when the task fails (or stops with an error) first
     * @throws SensorTimeoutException when the timeout passes first
     */
    public TaskSnapshot untilFullLoadComplete() {
        return await("full load complete", false, TaskSnapshot::fullLoadComplete);
    }

    /**
     * Waits until DMS reports no table in error, neither in {@code TablesErrored} nor in
     * {@code DescribeTableStatistics}.
     *
     * @return the snapshot that showed it
     * @throws ResourceFailedException when the task fails first
     * @throws SensorTimeoutException when the timeout passes first
     */
    public TaskSnapshot untilNoTableErrored() {
        return await("no table errored", true, s -> s.tablesErrored() == 0 && s.erroredTables().isEmpty());
    }

    /**
     * Waits until both {@code CDCLatencySource} and {@code CDCLatencyTarget} stayed below the threshold for the given
     * number of consecutive metric periods (each period's Average; a period without a datapoint breaks the run).
     *
     * @param threshold latency to stay below
     * @param periods consecutive periods, 1..1440
     * @return the snapshot taken when the condition held
     * @throws ResourceFailedException when the task fails or stops first
     * @throws SensorTimeoutException when the timeout passes first (the message gives the latest latencies seen)
     */
    public TaskSnapshot untilCdcLatencyBelow(Duration threshold, int periods) {
        positive(threshold, "threshold");
        if (periods < 1 || periods > 1440) {
            throw new InvalidDefinitionException(List.of(new DefinitionProblem("TaskSensor", "periods",
                "must be 1..1440, was " + periods)));
        }
        double limit = threshold.getSeconds() + threshold.getNano() / 1e9;
        String what = String.format(Locale.ROOT, "CDC latency below %ss for %d consecutive %ss periods",
            trim(limit), periods, metrics.period().toSeconds());
        String[] seen = {"no CDC latency datapoints"};
        TaskSnapshot s = await(what, false, snap -> {
            String instance = snap.instanceIdentifier().orElse(null);
            if (instance == null) {
                return false;
            }
            Map<String, String> dims = MetricReader.taskDimensions(instance, snap.resourceId());
            Map<String, List<Double>> series = metrics.series(List.of(
                new MetricReader.Request(snap.arn(), DmsMetrics.CDC_LATENCY_SOURCE, dims),
                new MetricReader.Request(snap.arn(), DmsMetrics.CDC_LATENCY_TARGET, dims)), periods);
            List<Double> src = series.get(DmsMetrics.CDC_LATENCY_SOURCE);
            List<Double> tgt = series.get(DmsMetrics.CDC_LATENCY_TARGET);
            seen[0] = "CDCLatencySource " + tail(src, periods) + ", CDCLatencyTarget " + tail(tgt, periods);
            return below(src, periods, limit) && below(tgt, periods, limit);
        }, () -> seen[0]);
        return s;
    }

    private TaskSnapshot await(String what, boolean tables, Predicate<TaskSnapshot> done) {
        return await(what, tables, done, () -> null);
    }

    private TaskSnapshot await(String what, boolean tables, Predicate<TaskSnapshot> done,
                               java.util.function.Supplier<String> detail) {
        Instant start = clock.instant();
        Instant end = start.plus(timeout);
        TaskSnapshot last = null;
        while (true) {
            TaskSnapshot s = snapshots.tasks(List.of(task), tables).get(0);
            last = s;
            listener.onSnapshot(s, what);
            if (done.test(s)) {
                return s;
            }
            failIfDead(s, what);
            if (!clock.instant().isBefore(end)) {
                String d = detail.get();
                throw new SensorTimeoutException(s.identifier(), what, s.summary() + (d == null ? "" : "; " + d), last,
                    Duration.between(start, clock.instant()));
            }
            try {
                sleeper.sleep(pollInterval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DmsKitException("interrupted while waiting for " + task + ": " + what, e);
            }
        }
    }

    private static void failIfDead(TaskSnapshot s, String what) {
        TaskStatus st = s.status();
        // checked after the condition: a full-load-only task that stopped because its full load finished succeeds
        if (st == TaskStatus.FAILED || st == TaskStatus.STOPPED || st == TaskStatus.DELETING) {
            throw new ResourceFailedException(s.identifier(), "waiting for " + what, s.statusText(),
                s.stopReason().orElse(null), s.lastFailure().orElse(null));
        }
    }

    private static boolean below(List<Double> values, int periods, double limit) {
        if (values == null || values.size() < periods) {
            return false;
        }
        return values.subList(values.size() - periods, values.size()).stream().allMatch(v -> v < limit);
    }

    private static String tail(List<Double> values, int periods) {
        if (values == null || values.isEmpty()) {
            return "[]";
        }
        return values.subList(Math.max(0, values.size() - periods), values.size()).stream().map(TaskSensor::trim)
            .toList().toString();
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static Duration positive(Duration v, String field) {
        if (v == null || v.isNegative() || v.isZero() || v.compareTo(MAX) > 0) {
            throw new InvalidDefinitionException(List.of(new DefinitionProblem("TaskSensor", field,
                "must be a positive duration of at most " + MAX + ", was " + v)));
        }
        return v;
    }

    @Override
    public String toString() {
        return "TaskSensor{" + task + ", timeout=" + timeout + ", pollInterval=" + pollInterval + "}";
    }
}
