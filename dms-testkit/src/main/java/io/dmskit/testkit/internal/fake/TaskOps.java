package io.dmskit.testkit.internal.fake;

import io.dmskit.model.StopReason;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.databasemigration.model.CreateReplicationTaskRequest;
import software.amazon.awssdk.services.databasemigration.model.CreateReplicationTaskResponse;
import software.amazon.awssdk.services.databasemigration.model.DeleteReplicationTaskRequest;
import software.amazon.awssdk.services.databasemigration.model.DeleteReplicationTaskResponse;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationTasksRequest;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationTasksResponse;
import software.amazon.awssdk.services.databasemigration.model.DescribeTableStatisticsRequest;
import software.amazon.awssdk.services.databasemigration.model.DescribeTableStatisticsResponse;
import software.amazon.awssdk.services.databasemigration.model.TableStatistics;
import software.amazon.awssdk.services.databasemigration.model.ModifyReplicationTaskRequest;
import software.amazon.awssdk.services.databasemigration.model.ModifyReplicationTaskResponse;
import software.amazon.awssdk.services.databasemigration.model.MoveReplicationTaskRequest;
import software.amazon.awssdk.services.databasemigration.model.MoveReplicationTaskResponse;
import software.amazon.awssdk.services.databasemigration.model.ReloadTablesRequest;
import software.amazon.awssdk.services.databasemigration.model.ReloadTablesResponse;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;
import software.amazon.awssdk.services.databasemigration.model.StartReplicationTaskRequest;
import software.amazon.awssdk.services.databasemigration.model.StartReplicationTaskResponse;
import software.amazon.awssdk.services.databasemigration.model.StopReplicationTaskRequest;
import software.amazon.awssdk.services.databasemigration.model.StopReplicationTaskResponse;

/**
 * Replication tasks: {@code creating → ready}, start ({@code starting → running}), stop
 * ({@code stopping → stopped}), {@code modifying}, {@code moving}, {@code deleting}, {@code failed}; full load and
 * table statistics; the hand-over to a replication engine. This class finds, describes and deletes tasks and hands
 * the rest to {@link TaskConfigOps}, {@link TaskRunOps}, {@link TaskRunner} and {@link TaskStatistics}.
 */
final class TaskOps {

    private static final Page.Filters<TaskRecord> FILTERS = new Page.Filters<TaskRecord>()
            .one("replication-task-arn", t -> t.arn)
            .one("replication-task-id", TaskRecord::id)
            .one("migration-type", t -> t.model.migrationTypeAsString())
            .on("endpoint-arn", t -> List.of(t.model.sourceEndpointArn(), t.model.targetEndpointArn()))
            .one("replication-instance-arn", t -> t.model.replicationInstanceArn());

    private final World w;
    private final TagOps tags;
    private final EngineBridge bridge;
    private final TaskStatistics statistics;
    private final TaskRunner runner;
    private final TaskConfigOps config;
    private final TaskRunOps run;

    /** @param world state @param tags tags @param instances instances @param endpoints endpoints */
    public TaskOps(World world, TagOps tags, InstanceOps instances, EndpointOps endpoints) {
        this.w = world;
        this.tags = tags;
        this.bridge = new EngineBridge(world, this);
        this.statistics = new TaskStatistics(world);
        this.runner = new TaskRunner(world, bridge);
        this.config = new TaskConfigOps(world, this, tags, instances, endpoints);
        this.run = new TaskRunOps(world, this, instances, runner, bridge);
    }

    TaskRecord find(String arn) {
        Validate.required("ReplicationTaskArn", arn);
        TaskRecord t = w.tasks.get(arn);
        if (t == null) {
            throw Errors.notFound("Replication Task " + arn + " not found");
        }
        return t;
    }

    /** Finds a task by ARN or identifier (for test scripting). */
    TaskRecord findByArnOrId(String arnOrId) {
        TaskRecord t = w.tasks.get(arnOrId);
        if (t != null) {
            return t;
        }
        for (TaskRecord c : w.tasks.values()) {
            if (c.id().equals(arnOrId)) {
                return c;
            }
        }
        throw new IllegalArgumentException("No replication task with ARN or identifier '" + arnOrId + "'. Known: "
                + w.tasks.values().stream().map(TaskRecord::id).toList());
    }

    /** The task as described, with statistics computed now. */
    ReplicationTask describeModel(TaskRecord t, boolean withoutSettings) {
        ReplicationTask.Builder b = t.model.toBuilder().replicationTaskStats(statistics.of(t));
        if (withoutSettings) {
            b.tableMappings(null).replicationTaskSettings(null).taskData(null);
        }
        return b.build();
    }

    /** DescribeReplicationTasks. */
    public DescribeReplicationTasksResponse describe(DescribeReplicationTasksRequest r) {
        FILTERS.check(r.filters());
        List<TaskRecord> matched = new ArrayList<>();
        for (TaskRecord t : w.tasks.values()) {
            if (t.visibleToDescribe() && FILTERS.matches(r.filters(), t)) {
                matched.add(t);
            }
        }
        if (matched.isEmpty() && r.hasFilters() && !r.filters().isEmpty()) {
            throw Errors.notFound("No Tasks found matching provided filters");
        }
        Page<TaskRecord> page = Page.of(matched, r.maxRecords(), r.marker(), 100);
        boolean without = Boolean.TRUE.equals(r.withoutSettings());
        return DescribeReplicationTasksResponse.builder()
                .replicationTasks(page.items.stream().map(t -> describeModel(t, without)).toList())
                .marker(page.nextMarker).build();
    }

    /** DeleteReplicationTask. */
    public DeleteReplicationTaskResponse delete(DeleteReplicationTaskRequest r) {
        TaskRecord t = find(r.replicationTaskArn());
        if (!TaskRules.DELETABLE.contains(t.status())) {
            throw Errors.invalidState("Replication Task " + t.arn + " cannot be deleted while it is " + t.status()
                    + "; stop it first.");
        }
        t.status("deleting");
        ReplicationTask response = describeModel(t, false);
        w.schedule(w.timings.taskDelete(), t, () -> {
            w.tasks.remove(t.arn);
            tags.forget(t.arn);
            t.gone = true;
            w.event("replication-task", t.id(), "deletion", "Replication task has been deleted.");
            World.log().debug("Replication task {} deleted", t.id());
        });
        World.log().debug("Deleting replication task {}", t.id());
        return DeleteReplicationTaskResponse.builder().replicationTask(response).build();
    }

    /** CreateReplicationTask. */
    public CreateReplicationTaskResponse create(CreateReplicationTaskRequest r) {
        return config.create(r);
    }

    /** ModifyReplicationTask: only when stopped, ready or failed, except logging-only changes while running. */
    public ModifyReplicationTaskResponse modify(ModifyReplicationTaskRequest r) {
        return config.modify(r);
    }

    /** MoveReplicationTask. */
    public MoveReplicationTaskResponse move(MoveReplicationTaskRequest r) {
        return config.move(r);
    }

    /** StartReplicationTask with DMS's start-type rules. */
    public StartReplicationTaskResponse start(StartReplicationTaskRequest r) {
        return run.start(r);
    }

    /** StopReplicationTask. */
    public StopReplicationTaskResponse stop(StopReplicationTaskRequest r) {
        return run.stop(r);
    }

    /** ReloadTables (see {@link TaskRunOps#reload}). */
    public ReloadTablesResponse reload(ReloadTablesRequest r) {
        return run.reload(r);
    }

    /** DescribeTableStatistics (filters schema-name, table-name, table-state; MaxRecords 20–500). */
    public DescribeTableStatisticsResponse tableStatistics(DescribeTableStatisticsRequest r) {
        return statistics.describe(find(r.replicationTaskArn()), r);
    }

    /** Ends the full load of a running task (engine callback, script or timer). */
    void finishFullLoad(TaskRecord t) {
        runner.finishFullLoad(t);
    }

    /** {@code running|starting → stopping → stopped} with the given reason. */
    void beginStop(TaskRecord t, StopReason reason) {
        runner.beginStop(t, reason);
    }

    /** The task fails: {@code failed}, LastFailureMessage, {@code Stop Reason FATAL_ERROR}. */
    void fail(TaskRecord t, String message) {
        runner.fail(t, message);
    }

    /** Creates or updates one table's statistics. */
    void updateTable(TaskRecord t, String schema, String table, UnaryOperator<TableStatistics.Builder> update) {
        TableStatistics before = t.tables.get(TaskRecord.tableKey(schema, table));
        statistics.updateTable(t, schema, table, update);
        w.telemetry.tableUpdated(t, schema, table, before == null ? null : before.tableState());
    }

    EngineBridge bridge() {
        return bridge;
    }
}
