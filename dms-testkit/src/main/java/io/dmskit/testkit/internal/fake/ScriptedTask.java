package io.dmskit.testkit.internal.fake;

import io.dmskit.model.StopReason;
import io.dmskit.testkit.TaskControl;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;
import software.amazon.awssdk.services.databasemigration.model.TableStatistics;

/** {@link TaskControl} over the fake's state. */
final class ScriptedTask implements TaskControl {

    private final World w;
    private final TaskOps tasks;
    private final String arn;

    /**
     * @param world state
     * @param tasks task operations
     * @param arnOrIdentifier the task
     * @throws IllegalArgumentException when no such task exists
     */
    public ScriptedTask(World world, TaskOps tasks, String arnOrIdentifier) {
        this.w = world;
        this.tasks = tasks;
        Objects.requireNonNull(arnOrIdentifier, "arnOrIdentifier");
        this.arn = world.locked(() -> tasks.findByArnOrId(arnOrIdentifier).arn);
    }

    private TaskRecord record() {
        TaskRecord t = w.tasks.get(arn);
        if (t == null) {
            throw new IllegalStateException("Replication task " + arn + " no longer exists.");
        }
        return t;
    }

    @Override
    public String arn() {
        return arn;
    }

    @Override
    public ReplicationTask describe() {
        return w.locked(() -> tasks.describeModel(record(), false));
    }

    @Override
    public String status() {
        return w.locked(() -> record().status());
    }

    @Override
    public TaskControl tableStatistics(String schema, String table, UnaryOperator<TableStatistics.Builder> update) {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(update, "update");
        w.run(() -> tasks.updateTable(record(), schema, table, update));
        return this;
    }

    @Override
    public TaskControl tableState(String schema, String table, String tableState) {
        Objects.requireNonNull(tableState, "tableState");
        return tableStatistics(schema, table, b -> b.tableState(tableState));
    }

    @Override
    public List<TableStatistics> tableStatistics() {
        return w.locked(() -> List.copyOf(record().tables.values()));
    }

    @Override
    public TaskControl finishFullLoad() {
        w.run(() -> tasks.finishFullLoad(record()));
        return this;
    }

    @Override
    public TaskControl fail(String lastFailureMessage) {
        Objects.requireNonNull(lastFailureMessage, "lastFailureMessage");
        w.run(() -> {
            TaskRecord t = record();
            if (!List.of("starting", "running", "stopping").contains(t.status())) {
                throw new IllegalStateException("Replication task " + t.id() + " is " + t.status()
                        + ": only a starting, running or stopping task can fail.");
            }
            tasks.fail(t, lastFailureMessage);
        });
        return this;
    }

    @Override
    public TaskControl stop(StopReason reason) {
        Objects.requireNonNull(reason, "reason");
        w.run(() -> {
            TaskRecord t = record();
            if (!"running".equals(t.status()) && !"starting".equals(t.status())) {
                throw new IllegalStateException("Replication task " + t.id() + " is " + t.status()
                        + ": only a running or starting task can be stopped.");
            }
            tasks.beginStop(t, reason);
        });
        return this;
    }

    @Override
    public TaskControl checkpoint(String position) {
        Objects.requireNonNull(position, "position");
        w.run(() -> {
            TaskRecord t = record();
            t.model = t.model.toBuilder().recoveryCheckpoint(position).build();
        });
        return this;
    }

    @Override
    public TaskControl cdcLatency(java.time.Duration sourceLatency, java.time.Duration targetLatency) {
        Objects.requireNonNull(sourceLatency, "sourceLatency");
        Objects.requireNonNull(targetLatency, "targetLatency");
        w.run(() -> {
            TaskRecord t = record();
            if (!"running".equals(t.status())) {
                throw new IllegalStateException("Replication task " + t.id() + " is " + t.status()
                        + ": only a running task reports a CDC latency.");
            }
            w.telemetry.cdcLatency(t, sourceLatency, targetLatency, 0);
        });
        return this;
    }

    @Override
    public TaskControl log(io.dmskit.testkit.dataplane.TaskLogSeverity severity, String component, String message) {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(component, "component");
        w.run(() -> w.telemetry.engineLog(record(), severity, component, message));
        return this;
    }

    @Override
    public String toString() {
        return "TaskControl[" + arn + "]";
    }
}
