package io.dmskit.testkit.internal.fake;

import io.dmskit.model.StopReason;
import io.dmskit.testkit.dataplane.TaskLogSeverity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/**
 * What the fake DMS region tells CloudWatch and CloudWatch Logs: the {@code AWS/DMS} metrics
 * ({@link MetricsPublisher}) and the task logs ({@link TaskLogWriter}). Events arrive under the region's lock; what
 * they produce is queued and handed to the {@link TelemetrySink} once the lock is released, so CloudWatch calls
 * never run inside the region's lock. Without a sink (no CloudWatch attached) every method does nothing.
 */
final class Telemetry {

    private final World w;
    private final TelemetrySink sink;
    private final MetricsPublisher metrics;
    private final TaskLogWriter logs;
    private final ConcurrentLinkedQueue<List<MetricDatum>> metricQueue = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Object[]> logQueue = new ConcurrentLinkedQueue<>();
    private final Map<String, Long> logBytesByInstance = new ConcurrentHashMap<>();
    private final Object flushLock = new Object();
    private boolean flushQueued;

    private Telemetry(World w, TelemetrySink sink, Duration period) {
        this.w = w;
        this.sink = sink;
        this.metrics = sink == null || !sink.publishesMetrics() ? null
                : new MetricsPublisher(w, period, this::queueMetrics, logBytesByInstance);
        this.logs = sink == null || !sink.publishesLogs() ? null : new TaskLogWriter(w, this::queueLog);
    }

    static Telemetry none() {
        return new Telemetry(null, null, Duration.ofMinutes(1));
    }

    static Telemetry of(World w, TelemetrySink sink, Duration period) {
        return new Telemetry(w, sink, period);
    }

    // ---------------------------------------------------------------------------- events (region lock held)

    void taskStarted(TaskRecord t) {
        if (logs != null) {
            String type = t.model.migrationTypeAsString();
            String what = "cdc".equals(type) ? "CDC only" : "full-load".equals(type) ? "full load only"
                    : "full load and CDC";
            String mode = switch (t.lastStartType == null ? "" : t.lastStartType) {
                case "resume-processing" -> "resume";
                case "reload-target" -> "reload target";
                default -> "fresh start";
            };
            logs.line(t, TaskLogSeverity.INFO, "TASK_MANAGER", "Task '" + resourceId(t) + "' running " + what
                    + " in " + mode + " mode", "replicationtask.c:1381");
            if ("cdc".equals(type) || t.fullLoadFinished && !"full-load".equals(type)) {
                cdcStarted(t);
            }
        }
        if (metrics != null) {
            metrics.taskStarted(t);
        }
    }

    void tableUpdated(TaskRecord t, String schema, String table, String stateBefore) {
        var stats = t.tables.get(TaskRecord.tableKey(schema, table));
        String state = stats == null ? null : stats.tableState();
        if (state == null || state.equals(stateBefore)) {
            return;
        }
        if (logs != null) {
            String name = "'" + schema + "'.'" + table + "' (Id = " + logs.tableId(t, schema, table) + ")";
            switch (state) {
                case "Full load", "Table is being reloaded" -> logs.line(t, TaskLogSeverity.INFO, "TASK_MANAGER",
                        "Start loading table " + name + " by subtask 1", "tasks_manager.c:1818");
                case "Table completed" -> {
                    if ("Full load".equals(stateBefore) || "Table is being reloaded".equals(stateBefore)) {
                        long rows = stats.fullLoadRows() == null ? 0 : stats.fullLoadRows();
                        logs.line(t, TaskLogSeverity.INFO, "TASK_MANAGER", "Load finished for table " + name
                                + " by subtask 1. " + rows + " records transferred.", "tasks_manager.c:1904");
                    }
                }
                case "Table error" -> logs.line(t, TaskLogSeverity.ERROR, "TASK_MANAGER", "Table " + name
                        + " was errored", "tasks_manager.c:2302");
                case "Table does not exist" -> logs.line(t, TaskLogSeverity.WARNING, "TASK_MANAGER", "Table "
                        + name + " does not exist on the source", "tasks_manager.c:2414");
                default -> {
                    // Before load, Table cancelled ...: DMS writes nothing at the default severity
                }
            }
        }
        if (metrics != null && "Table completed".equals(state)) {
            metrics.tableCompleted(t);
        }
    }

    void fullLoadFinished(TaskRecord t) {
        if (logs != null) {
            logs.line(t, TaskLogSeverity.INFO, "TASK_MANAGER", "All tables are loaded", "replicationtask.c:2466");
            if (!"full-load".equals(t.model.migrationTypeAsString())) {
                cdcStarted(t);
            }
        }
        if (metrics != null) {
            metrics.tableCompleted(t);
        }
    }

    private void cdcStarted(TaskRecord t) {
        logs.line(t, TaskLogSeverity.INFO, "TASK_MANAGER", "Starting replication now", "replicationtask.c:2774");
        logs.line(t, TaskLogSeverity.INFO, "SOURCE_CAPTURE", "Capturing changes from the source"
                + (t.lastCdcStartPosition == null ? "" : " from position '" + t.lastCdcStartPosition + "'"),
                "sorter_transaction.c:135");
    }

    void taskStopped(TaskRecord t, StopReason reason) {
        if (logs != null) {
            logs.line(t, TaskLogSeverity.INFO, "TASK_MANAGER", "Task '" + resourceId(t) + "' stopped: "
                    + reason.text(), "replicationtask.c:3102");
            logs.forget(t);
        }
        if (metrics != null) {
            metrics.taskEnded(t);
        }
    }

    void taskFailed(TaskRecord t, String message) {
        if (logs != null) {
            logs.line(t, TaskLogSeverity.ERROR, "TASK_MANAGER", "Task error notification received from subtask 0,"
                    + " thread 0 [1020101] " + message, "replicationtask.c:2983");
            logs.line(t, TaskLogSeverity.ERROR, "TASK_MANAGER", "Task '" + resourceId(t)
                    + "' encountered a fatal error", "repository.c:5915");
            logs.forget(t);
        }
        if (metrics != null) {
            metrics.taskEnded(t);
        }
    }

    void cdcLatency(TaskRecord t, Duration source, Duration target, long pending) {
        if (metrics != null) {
            metrics.cdcLatency(t, source, target, pending);
        }
    }

    void engineLog(TaskRecord t, TaskLogSeverity severity, String component, String message) {
        if (logs != null) {
            logs.line(t, severity, component, message, null);
        }
    }

    /** Samples the periods that have passed on the clock. */
    void catchUp() {
        if (metrics != null) {
            metrics.catchUp();
        }
    }

    private static String resourceId(TaskRecord t) {
        return t.arn.substring(t.arn.lastIndexOf(':') + 1);
    }

    // ------------------------------------------------------------------------------------------ publishing

    private void queueMetrics(List<MetricDatum> data) {
        if (!data.isEmpty()) {
            metricQueue.add(data);
            scheduleFlush();
        }
    }

    private void queueLog(TaskLogWriter.Target target, InputLogEvent event) {
        logBytesByInstance.merge(target.instanceId(), (long) TaskLogWriter.eventBytes(event), Long::sum);
        logQueue.add(new Object[] {target, event});
        scheduleFlush();
    }

    private void scheduleFlush() {
        synchronized (flushLock) {
            if (flushQueued) {
                return;
            }
            flushQueued = true;
        }
        w.afterUnlock(this::flush);
    }

    /** Hands everything queued to the sink (outside the region's lock). */
    void flush() {
        if (sink == null) {
            return;
        }
        synchronized (flushLock) {
            flushQueued = false;
            List<MetricDatum> batch = new ArrayList<>();
            for (List<MetricDatum> d = metricQueue.poll(); d != null; d = metricQueue.poll()) {
                if (batch.size() + d.size() > 1000) {
                    publish(batch);
                    batch = new ArrayList<>();
                }
                batch.addAll(d);
            }
            publish(batch);
            TaskLogWriter.Target current = null;
            List<InputLogEvent> events = new ArrayList<>();
            for (Object[] e = logQueue.poll(); e != null; e = logQueue.poll()) {
                TaskLogWriter.Target target = (TaskLogWriter.Target) e[0];
                if (current != null && (!current.equals(target) || events.size() >= 10_000)) {
                    write(current, events);
                    events = new ArrayList<>();
                }
                current = target;
                events.add((InputLogEvent) e[1]);
            }
            if (current != null) {
                write(current, events);
            }
        }
    }

    private void publish(List<MetricDatum> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            sink.putMetricData(MetricsPublisher.NAMESPACE, batch);
        } catch (RuntimeException e) {
            World.log().warn("FakeDms could not publish {} AWS/DMS metric data: {}", batch.size(), e.toString());
        }
    }

    private void write(TaskLogWriter.Target target, List<InputLogEvent> events) {
        events.sort(java.util.Comparator.comparingLong(InputLogEvent::timestamp));
        try {
            sink.putLogEvents(target.group(), target.stream(), events);
        } catch (RuntimeException e) {
            World.log().warn("FakeDms could not write {} task log line(s) to {}/{}: {}", events.size(),
                    target.group(), target.stream(), e.toString());
        }
    }
}
