package io.dmskit.testkit.internal.fake;

import io.dmskit.model.StopReason;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.databasemigration.model.ReloadOptionValue;
import software.amazon.awssdk.services.databasemigration.model.ReloadTablesRequest;
import software.amazon.awssdk.services.databasemigration.model.ReloadTablesResponse;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;
import software.amazon.awssdk.services.databasemigration.model.StartReplicationTaskRequest;
import software.amazon.awssdk.services.databasemigration.model.StartReplicationTaskResponse;
import software.amazon.awssdk.services.databasemigration.model.StopReplicationTaskRequest;
import software.amazon.awssdk.services.databasemigration.model.StopReplicationTaskResponse;
import software.amazon.awssdk.services.databasemigration.model.TableStatistics;
import software.amazon.awssdk.services.databasemigration.model.TableToReload;

/** Running a replication task: StartReplicationTask (start types), StopReplicationTask and ReloadTables. */
final class TaskRunOps {

    private final World w;
    private final TaskOps tasks;
    private final InstanceOps instances;
    private final TaskRunner runner;
    private final EngineBridge bridge;

    TaskRunOps(World world, TaskOps tasks, InstanceOps instances, TaskRunner runner, EngineBridge bridge) {
        this.w = world;
        this.tasks = tasks;
        this.instances = instances;
        this.runner = runner;
        this.bridge = bridge;
    }

    /** StartReplicationTask with DMS's start-type rules. */
    StartReplicationTaskResponse start(StartReplicationTaskRequest r) {
        TaskRecord t = tasks.find(r.replicationTaskArn());
        String startType = Validate.oneOf("StartReplicationTaskType", r.startReplicationTaskTypeAsString(),
                TaskRules.START_TYPES);
        String type = t.model.migrationTypeAsString();
        if (!Set.of("ready", "stopped", "failed").contains(t.status())) {
            throw Errors.invalidState("Replication Task " + t.arn + " cannot be started: it is in state "
                    + t.status() + " (it must be ready, stopped or failed).");
        }
        TaskRules.checkStartType(t, startType, type);
        TaskRules.checkCdcStart(r.cdcStartTime(), r.cdcStartPosition(), type);
        TaskRules.checkCdcStop(r.cdcStopPosition());
        InstanceRecord instance = instances.find(t.model.replicationInstanceArn());
        if (!"available".equals(instance.status())) {
            throw Errors.invalidState("Replication instance " + instance.arn + " is not in available state "
                    + "(current state: " + instance.status() + "); task " + t.arn + " cannot start.");
        }
        prepareStart(t, startType, r.cdcStartTime(), r.cdcStartPosition(), r.cdcStopPosition());
        t.status("starting");
        ReplicationTask response = tasks.describeModel(t, false);
        w.schedule(w.timings.taskStart(), t, () -> runner.enterRunning(t));
        World.log().debug("Starting replication task {} ({})", t.id(), startType);
        return StartReplicationTaskResponse.builder().replicationTask(response).build();
    }

    /**
     * What every start does to a task record before it shows {@code starting}: the tables a fresh start or a reload
     * drops, the full-load dates, the start type and CDC positions the engine will see. Shared with serverless
     * replications, which run as task records.
     */
    void prepareStart(TaskRecord t, String startType, Instant cdcStartTime, String cdcStartPosition,
                      String cdcStopPosition) {
        Instant now = w.now();
        boolean fresh = !startType.equals("resume-processing");
        if (startType.equals("start-replication")) {
            t.tables.clear();
        } else if (startType.equals("reload-target")) {
            t.tables.replaceAll((k, s) -> TaskStatistics.freshTable(s.schemaName(), s.tableName()).build());
        }
        if (fresh) {
            t.fullLoadFinished = false;
            t.freshStartDate = now;
            t.fullLoadStartDate = null;
            t.fullLoadFinishDate = null;
        }
        t.everStarted = true;
        t.stopDate = null;
        t.lastStartType = startType;
        t.lastCdcStartPosition = cdcStartPosition != null ? cdcStartPosition
                : cdcStartTime != null ? cdcStartTime.toString() : t.model.cdcStartPosition();
        ReplicationTask.Builder b = t.model.toBuilder().replicationTaskStartDate(now).stopReason(null)
                .lastFailureMessage(null);
        if (cdcStopPosition != null) {
            b.cdcStopPosition(cdcStopPosition);
        }
        if (cdcStartPosition != null || cdcStartTime != null) {
            b.cdcStartPosition(t.lastCdcStartPosition);
        }
        t.model = b.build();
    }

    /** StopReplicationTask. */
    StopReplicationTaskResponse stop(StopReplicationTaskRequest r) {
        TaskRecord t = tasks.find(r.replicationTaskArn());
        if (!"running".equals(t.status())) {
            throw Errors.invalidState("Replication Task " + t.arn + " is currently not running (state: "
                    + t.status() + ").");
        }
        runner.beginStop(t, StopReason.NORMAL);
        World.log().debug("Stopping replication task {}", t.id());
        return StopReplicationTaskResponse.builder().replicationTask(tasks.describeModel(t, false)).build();
    }

    /**
     * ReloadTables: the task must be running and be a full-load or full-load-and-cdc task; at most 10 tables, no
     * duplicates. {@code data-reload} shows the tables as {@code Table is being reloaded} (FullLoadReloaded, rows
     * reset) and hands them to the replication engine, which reports the reload's progress; without an engine the
     * scripted full-load delay completes them. {@code validate-only} marks them {@code Pending revalidation}.
     */
    ReloadTablesResponse reload(ReloadTablesRequest r) {
        TaskRecord t = tasks.find(r.replicationTaskArn());
        Validate.requiredList("TablesToReload", r.tablesToReload());
        String option = r.reloadOptionAsString() == null ? "data-reload" : r.reloadOptionAsString();
        Validate.oneOf("ReloadOption", option, Set.of("data-reload", "validate-only"));
        TaskRules.checkTablesToReload(r.tablesToReload());
        if ("cdc".equals(t.model.migrationTypeAsString())) {
            throw Errors.invalidCombination("Replication Task " + t.arn + " is a cdc task; tables can be reloaded "
                    + "only for full-load and full-load-and-cdc tasks.");
        }
        if (!"running".equals(t.status())) {
            throw Errors.invalidState("Replication Task " + t.arn + " is currently not running (state: "
                    + t.status() + "); tables can be reloaded only while it runs.");
        }
        reloadTables(t, r.tablesToReload(), option);
        World.log().debug("Reloading {} table(s) of replication task {} ({})", r.tablesToReload().size(), t.id(),
                option);
        return ReloadTablesResponse.builder().replicationTaskArn(t.arn).build();
    }

    /**
     * Shows the tables of a running task as being reloaded ({@code data-reload}) or pending revalidation
     * ({@code validate-only}) and hands them to the engine, or completes a data reload after the scripted full-load
     * delay. The request has been validated. Shared with ReloadReplicationTables.
     */
    void reloadTables(TaskRecord t, List<TableToReload> tables, String option) {
        Instant now = w.now();
        for (TableToReload tr : tables) {
            String key = TaskRecord.tableKey(tr.schemaName(), tr.tableName());
            TableStatistics current = t.tables.get(key);
            TableStatistics.Builder b = (current == null ? TaskStatistics.freshTable(tr.schemaName(), tr.tableName())
                    : current.toBuilder());
            if (option.equals("data-reload")) {
                b.tableState("Table is being reloaded").fullLoadReloaded(true).fullLoadRows(0L)
                        .fullLoadStartTime(now).fullLoadEndTime(null);
            } else {
                b.validationState("Pending revalidation");
            }
            t.tables.put(key, b.lastUpdateTime(now).build());
        }
        if (w.engine != null) {
            bridge.reload(t, List.copyOf(tables), ReloadOptionValue.fromValue(option));
        } else if (option.equals("data-reload") && w.timings.fullLoad().isPresent()) {
            long run = t.run;
            w.schedule(w.timings.fullLoad().get(), t, () -> {
                if (t.run == run) {
                    Instant end = w.now();
                    t.tables.replaceAll((k, s) -> "Table is being reloaded".equals(s.tableState())
                            ? s.toBuilder().tableState("Table completed").fullLoadEndTime(end).lastUpdateTime(end)
                            .build() : s);
                }
            });
        }
    }
}
