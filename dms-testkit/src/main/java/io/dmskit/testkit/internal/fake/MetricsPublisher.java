package io.dmskit.testkit.internal.fake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.StandardUnit;
import software.amazon.awssdk.services.databasemigration.model.TableStatistics;

/**
 * DMS's CloudWatch metrics with the names, units and dimensions AWS documents for the {@code AWS/DMS} namespace
 * (user guide, "AWS Database Migration Service metrics": replication task metrics with the dimensions
 * {@code ReplicationInstanceIdentifier} and {@code ReplicationTaskIdentifier}, whose value is the task's resource id
 * (the last part of its ARN); replication instance metrics with {@code ReplicationInstanceIdentifier}).
 *
 * <p>Sampled on the fake's clock: once per period (one minute by default, as DMS publishes) for every running task and
 * every available instance, at the first call that reaches the fake in that period (the periods the clock skipped get
 * one sample each, at their start, holding the values seen then); and when something happens: a task starts, a table
 * finishes loading, the full load ends, the engine reports a CDC latency. Values are the engine's: its measured CDC
 * latency, its pending changes, and rows per second from the table statistics over the real time between two
 * samples; the instance's CPU, memory, swap and I/O are those of this JVM and its host ({@link HostProbe}); its free
 * storage is the allocated storage less the task logs written for it. Called with the region's lock held.
 */
final class MetricsPublisher {

    static final String NAMESPACE = "AWS/DMS";
    /** At most this many skipped periods are filled when the clock jumps (one day of one-minute periods)... */
    private static final int MAX_PERIODS = 1440;
    /** ...and at most about this many data items per jump (many tasks: fewer periods, the latest ones). */
    private static final int MAX_ITEMS_PER_CATCH_UP = 100_000;

    private final World w;
    private final long periodSeconds;
    private final Consumer<List<MetricDatum>> out;
    private final HostProbe host = new HostProbe();
    private final Map<String, TaskMeter> meters = new LinkedHashMap<>();
    private final Map<String, Long> logBytesByInstance;
    private long lastPeriod = Long.MIN_VALUE;

    MetricsPublisher(World w, Duration period, Consumer<List<MetricDatum>> out, Map<String, Long> logBytesByInstance) {
        this.w = w;
        this.periodSeconds = Math.max(1, period.getSeconds());
        this.out = out;
        this.logBytesByInstance = logBytesByInstance;
    }

    /** What one task's run has shown so far. */
    private static final class TaskMeter {
        long lastNanos = System.nanoTime();
        long lastFullLoadRows;
        long lastCdcRows;
        Duration sourceLatency = Duration.ZERO;
        Duration targetLatency = Duration.ZERO;
        boolean latencyFresh;
        long pending;
    }

    void taskStarted(TaskRecord t) {
        TaskMeter m = new TaskMeter();
        m.lastFullLoadRows = sum(t, TableStatistics::fullLoadRows);
        m.lastCdcRows = cdcRows(t);
        meters.put(t.arn, m);
        sampleTask(t, w.now());
    }

    void taskEnded(TaskRecord t) {
        if (meters.containsKey(t.arn)) {
            sampleTask(t, w.now());
            meters.remove(t.arn);
        }
    }

    void tableCompleted(TaskRecord t) {
        if (meters.containsKey(t.arn)) {
            sampleTask(t, w.now());
        }
    }

    void cdcLatency(TaskRecord t, Duration source, Duration target, long pending) {
        TaskMeter m = meters.get(t.arn);
        if (m == null) {
            return;
        }
        m.sourceLatency = source;
        m.targetLatency = target;
        m.pending = pending;
        m.latencyFresh = true;
        sampleTask(t, w.now());
    }

    /** One sample per period passed since the last catch-up, for every running task and available instance. */
    void catchUp() {
        Instant now = w.clock.instant();
        long current = Math.floorDiv(now.getEpochSecond(), periodSeconds);
        if (current <= lastPeriod) {
            return;
        }
        long perPeriod = 6L * w.instances.size() + 9L * meters.size();
        long periods = Math.max(1, Math.min(MAX_PERIODS, MAX_ITEMS_PER_CATCH_UP / Math.max(1, perPeriod)));
        long first = lastPeriod == Long.MIN_VALUE ? current : Math.max(lastPeriod + 1, current - periods + 1);
        lastPeriod = current;
        List<MetricDatum> instanceData = new ArrayList<>();
        double cpu = host.cpuPercent();
        double free = host.freeMemoryBytes();
        double swap = host.swapUsageBytes();
        double[] iops = host.iops();
        for (long k = first; k <= current; k++) {
            Instant at = k == current ? now : Instant.ofEpochSecond(k * periodSeconds);
            for (InstanceRecord i : w.instances.values()) {
                if (!"available".equals(i.status())) {
                    continue;
                }
                List<Dimension> dims = List.of(dim("ReplicationInstanceIdentifier", i.id()));
                Integer gb = i.model.allocatedStorage();
                double storage = (gb == null ? 50 : gb) * 1024.0 * 1024 * 1024
                        - logBytesByInstance.getOrDefault(i.id(), 0L);
                instanceData.add(datum("CPUUtilization", dims, at, cpu, StandardUnit.PERCENT));
                instanceData.add(datum("FreeableMemory", dims, at, free, StandardUnit.BYTES));
                instanceData.add(datum("FreeStorageSpace", dims, at, Math.max(0, storage), StandardUnit.BYTES));
                instanceData.add(datum("SwapUsage", dims, at, swap, StandardUnit.BYTES));
                if (iops != null) {
                    instanceData.add(datum("ReadIOPS", dims, at, iops[0], StandardUnit.COUNT_SECOND));
                    instanceData.add(datum("WriteIOPS", dims, at, iops[1], StandardUnit.COUNT_SECOND));
                }
            }
            for (TaskRecord t : w.tasks.values()) {
                if (meters.containsKey(t.arn) && "running".equals(t.status())) {
                    sampleTask(t, at);
                }
            }
        }
        emit(instanceData);
    }

    private void sampleTask(TaskRecord t, Instant at) {
        TaskMeter m = meters.get(t.arn);
        InstanceRecord instance = w.instances.get(t.model.replicationInstanceArn());
        if (m == null || instance == null) {
            return;
        }
        List<Dimension> dims = List.of(dim("ReplicationInstanceIdentifier", instance.id()),
                dim("ReplicationTaskIdentifier", t.arn.substring(t.arn.lastIndexOf(':') + 1)));
        long nowNanos = System.nanoTime();
        double seconds = Math.max(1e-3, (nowNanos - m.lastNanos) / 1e9);
        long fullLoadRows = sum(t, TableStatistics::fullLoadRows);
        long cdcRows = cdcRows(t);
        String type = t.model.migrationTypeAsString();
        boolean hasFullLoad = !"cdc".equals(type);
        boolean hasCdc = !"full-load".equals(type);
        List<MetricDatum> data = new ArrayList<>();
        if (hasFullLoad && (fullLoadRows != m.lastFullLoadRows || !t.fullLoadFinished)) {
            double rate = Math.max(0, fullLoadRows - m.lastFullLoadRows) / seconds;
            data.add(datum("FullLoadThroughputRowsSource", dims, at, rate, StandardUnit.COUNT_SECOND));
            data.add(datum("FullLoadThroughputRowsTarget", dims, at, rate, StandardUnit.COUNT_SECOND));
        }
        if (hasCdc && (t.fullLoadFinished || !hasFullLoad)) {
            double rate = Math.max(0, cdcRows - m.lastCdcRows) / seconds;
            double source = m.latencyFresh ? m.sourceLatency.toMillis() / 1000.0 : 0;
            double target = m.latencyFresh ? m.targetLatency.toMillis() / 1000.0 : 0;
            data.add(datum("CDCLatencySource", dims, at, source, StandardUnit.SECONDS));
            data.add(datum("CDCLatencyTarget", dims, at, target, StandardUnit.SECONDS));
            data.add(datum("CDCIncomingChanges", dims, at, m.pending, StandardUnit.COUNT));
            data.add(datum("CDCChangesMemorySource", dims, at, m.pending, StandardUnit.COUNT));
            data.add(datum("CDCChangesMemoryTarget", dims, at, 0, StandardUnit.COUNT));
            data.add(datum("CDCChangesDiskSource", dims, at, 0, StandardUnit.COUNT));
            data.add(datum("CDCChangesDiskTarget", dims, at, 0, StandardUnit.COUNT));
            data.add(datum("CDCThroughputRowsSource", dims, at, rate, StandardUnit.COUNT_SECOND));
            data.add(datum("CDCThroughputRowsTarget", dims, at, rate, StandardUnit.COUNT_SECOND));
            m.latencyFresh = false;
        }
        m.lastNanos = nowNanos;
        m.lastFullLoadRows = fullLoadRows;
        m.lastCdcRows = cdcRows;
        emit(data);
    }

    private void emit(List<MetricDatum> data) {
        for (int i = 0; i < data.size(); i += 1000) {
            out.accept(List.copyOf(data.subList(i, Math.min(data.size(), i + 1000))));
        }
    }

    private static long cdcRows(TaskRecord t) {
        return sum(t, TableStatistics::inserts) + sum(t, TableStatistics::updates) + sum(t, TableStatistics::deletes)
                + sum(t, TableStatistics::ddls);
    }

    private static long sum(TaskRecord t, java.util.function.Function<TableStatistics, Long> f) {
        ToLongFunction<TableStatistics> g = s -> {
            Long v = f.apply(s);
            return v == null ? 0 : v;
        };
        long total = 0;
        for (TableStatistics s : t.tables.values()) {
            total += g.applyAsLong(s);
        }
        return total;
    }

    private static Dimension dim(String name, String value) {
        return Dimension.builder().name(name).value(value).build();
    }

    private static MetricDatum datum(String name, List<Dimension> dims, Instant at, double value, StandardUnit unit) {
        return MetricDatum.builder().metricName(name).dimensions(dims).timestamp(at).value(value).unit(unit).build();
    }
}
