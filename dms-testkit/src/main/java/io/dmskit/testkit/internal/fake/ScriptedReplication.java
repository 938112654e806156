package io.dmskit.testkit.internal.fake;

import io.dmskit.model.StopReason;
import io.dmskit.testkit.ReplicationControl;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.databasemigration.model.Replication;
import software.amazon.awssdk.services.databasemigration.model.TableStatistics;

/** {@link ReplicationControl} over the fake's state. */
final class ScriptedReplication implements ReplicationControl {

    private final World w;
    private final TaskOps tasks;
    private final ReplicationOps replications;
    private final String arn;

    ScriptedReplication(World world, ConfigOps configs, TaskOps tasks, ReplicationOps replications,
                        String arnOrIdentifier) {
        this.w = world;
        this.tasks = tasks;
        this.replications = replications;
        Objects.requireNonNull(arnOrIdentifier, "arnOrIdentifier");
        this.arn = world.locked(() -> configs.findByArnOrId(arnOrIdentifier).arn);
    }

    private ConfigRecord record() {
        ConfigRecord c = w.configs.get(arn);
        if (c == null) {
            throw new IllegalStateException("Replication config " + arn + " no longer exists.");
        }
        return c;
    }

    @Override
    public String arn() {
        return arn;
    }

    @Override
    public Replication describe() {
        return w.locked(() -> replications.describe(record()));
    }

    @Override
    public String status() {
        return w.locked(() -> record().status());
    }

    @Override
    public ReplicationControl tableStatistics(String schema, String table,
                                              UnaryOperator<TableStatistics.Builder> update) {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(update, "update");
        w.run(() -> tasks.updateTable(record().run, schema, table, update));
        return this;
    }

    @Override
    public ReplicationControl tableState(String schema, String table, String tableState) {
        Objects.requireNonNull(tableState, "tableState");
        return tableStatistics(schema, table, b -> b.tableState(tableState));
    }

    @Override
    public List<TableStatistics> tableStatistics() {
        return w.locked(() -> List.copyOf(record().run.tables.values()));
    }

    @Override
    public ReplicationControl finishFullLoad() {
        w.run(() -> {
            ConfigRecord c = record();
            if (!"running".equals(c.status())) {
                throw new IllegalStateException("Replication " + c.id() + " is " + c.status()
                        + ", not running: its full load cannot finish.");
            }
            tasks.finishFullLoad(c.run);
        });
        return this;
    }

    @Override
    public ReplicationControl fail(String failureMessage) {
        Objects.requireNonNull(failureMessage, "failureMessage");
        w.run(() -> {
            ConfigRecord c = record();
            String status = c.status();
            if (!"running".equals(status) && !"stopping".equals(status)
                    && !ReplicationOps.START_STEPS.contains(status)) {
                throw new IllegalStateException("Replication " + c.id() + " is " + status
                        + ": only a starting, running or stopping replication can fail.");
            }
            replications.fail(c, failureMessage);
        });
        return this;
    }

    @Override
    public ReplicationControl stop(StopReason reason) {
        Objects.requireNonNull(reason, "reason");
        w.run(() -> {
            ConfigRecord c = record();
            String status = c.status();
            if (!"running".equals(status) && !ReplicationOps.START_STEPS.contains(status)) {
                throw new IllegalStateException("Replication " + c.id() + " is " + status
                        + ": only a starting or running replication can be stopped.");
            }
            replications.beginStop(c, reason);
        });
        return this;
    }

    @Override
    public ReplicationControl checkpoint(String position) {
        Objects.requireNonNull(position, "position");
        w.run(() -> {
            TaskRecord t = record().run;
            t.model = t.model.toBuilder().recoveryCheckpoint(position).build();
        });
        return this;
    }

    @Override
    public String toString() {
        return "ReplicationControl[" + arn + "]";
    }
}
