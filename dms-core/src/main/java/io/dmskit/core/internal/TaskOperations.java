package io.dmskit.core.internal;

import io.dmskit.core.exception.DmsApiException;
import io.dmskit.core.exception.ResourceFailedException;
import io.dmskit.core.exception.WaitTimeoutException;
import io.dmskit.core.provision.ProgressEvent;
import io.dmskit.core.provision.ResourceKind;
import io.dmskit.core.task.MigrationType;
import io.dmskit.core.task.StartType;
import io.dmskit.core.task.TableRef;
import io.dmskit.core.task.TaskState;
import io.dmskit.model.StopReason;
import io.dmskit.model.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;
import software.amazon.awssdk.services.databasemigration.model.TableToReload;

/** Operates existing tasks by identifier: describe, start, stop, reload, and waits for a status. */
final class TaskOperations {

    private static final Logger LOG = LoggerFactory.getLogger("io.dmskit.core.provision");

    private final Context ctx;
    private final Steps steps;

    TaskOperations(Context ctx, Steps steps) {
        this.ctx = ctx;
        this.steps = steps;
    }

    /**
     * @param taskId task identifier
     * @return the task's state, empty when it does not exist
     */
    Optional<TaskState> describe(String taskId) {
        return ctx.reader().tasks(List.of(taskId), true).stream().findFirst().map(TaskOperations::state);
    }

    private static TaskState state(ReplicationTask t) {
        Instant started = t.replicationTaskStartDate();
        if (started == null && t.replicationTaskStats() != null) {
            started = t.replicationTaskStats().startDate();
        }
        Integer pct = t.replicationTaskStats() == null ? null : t.replicationTaskStats().fullLoadProgressPercent();
        return new TaskState(t.replicationTaskIdentifier(), t.replicationTaskArn(),
            TaskStatus.parse(t.status()).orElse(null), t.status(), StopReason.parse(t.stopReason()).orElse(null),
            t.lastFailureMessage(), started, pct, MigrationType.fromWire(t.migrationTypeAsString()));
    }

    private TaskState require(String taskId, String operation) {
        return describe(taskId).orElseThrow(() -> new DmsApiException("replication task '" + taskId
            + "' does not exist", taskId, operation, "ResourceNotFoundFault", null, null, null));
    }

    private static String name(String taskId) {
        return ResourceKind.REPLICATION_TASK + " '" + taskId + "'";
    }

    /**
     * Starts tasks (in parallel) and waits until they run; a task that runs already is left alone.
     *
     * @param taskIds tasks
     * @param type start type, or null to choose from each task's history
     * @return the start type used per task
     */
    Map<String, StartType> start(List<String> taskIds, StartType type) {
        Map<String, StartType> used = new LinkedHashMap<>();
        List<Node> nodes = new ArrayList<>();
        for (String id : taskIds) {
            TaskState s = require(id, "start");
            if (s.status() == TaskStatus.RUNNING) {
                LOG.info("replication task '{}' is already running", id);
                continue;
            }
            StartType t = type != null ? type : s.naturalStartType();
            used.put(id, t);
            Node n = new Node(ResourceKind.REPLICATION_TASK, id, "start");
            if (s.status() != null && s.status().isTransitional()) {
                n.then(new Step("settle", null, Waits.taskModified(name(id), "settle"), "ready or stopped"));
            }
            nodes.add(n.then(steps.start(name(id), s.arn(), t)));
        }
        ctx.reconciler().run(nodes);
        return used;
    }

    /**
     * Stops tasks (in parallel) and waits; a task that is not running is already stopped.
     *
     * @param taskIds tasks
     */
    void stop(List<String> taskIds) {
        List<Node> nodes = new ArrayList<>();
        for (String id : taskIds) {
            TaskState s = require(id, "stop");
            if (s.status() == TaskStatus.STOPPED || s.status() == TaskStatus.READY || s.status() == TaskStatus.FAILED) {
                LOG.info("replication task '{}' is {}: nothing to stop", id, s.rawStatus());
                continue;
            }
            nodes.add(new Node(ResourceKind.REPLICATION_TASK, id, "stop").then(steps.stop(name(id), s.arn())));
        }
        ctx.reconciler().run(nodes);
    }

    /**
     * @param taskId task
     * @param tables tables to reload
     * @param validateOnly reload validation only
     */
    void reload(String taskId, List<TableRef> tables, boolean validateOnly) {
        TaskState s = require(taskId, "reload");
        List<TableToReload> list = tables.stream().map(t -> TableToReload.builder().schemaName(t.schema())
            .tableName(t.table()).build()).toList();
        ctx.aws().call("ReloadTables", taskId, () -> ctx.dms().reloadTables(b -> b.replicationTaskArn(s.arn())
            .tablesToReload(list).reloadOption(validateOnly ? "validate-only" : "data-reload")));
        LOG.info("replication task '{}': reload of {} requested", taskId, tables);
    }

    /**
     * @param taskId task
     * @param wanted wanted statuses
     * @param waitTimeout timeout
     * @return the state reached
     * @throws ResourceFailedException when the task fails
     * @throws WaitTimeoutException at the timeout
     */
    TaskState await(String taskId, Set<TaskStatus> wanted, Duration waitTimeout) {
        Instant start = ctx.clock().instant();
        String last = null;
        while (true) {
            Optional<TaskState> s = describe(taskId);
            String now = s.map(TaskState::rawStatus).orElse("(not found)");
            if (!now.equals(last)) {
                LOG.info("replication task '{}' (wait for {}): {}{}", taskId, wanted, last == null ? "" : last + " -> ",
                    now);
                ctx.listener().onProgress(new ProgressEvent(ResourceKind.REPLICATION_TASK, taskId, "wait", last, now,
                    Duration.between(start, ctx.clock().instant()), ctx.clock().instant()));
                last = now;
            }
            if (s.isPresent() && wanted.contains(s.get().status())) {
                return s.get();
            }
            if (s.isPresent() && s.get().status() == TaskStatus.FAILED) {
                throw new ResourceFailedException(name(taskId), "wait", s.get().rawStatus(),
                    s.get().stopReason() == null ? null : s.get().stopReason().name(), s.get().lastFailureMessage());
            }
            Duration waited = Duration.between(start, ctx.clock().instant());
            if (waited.compareTo(waitTimeout) > 0) {
                throw new WaitTimeoutException(name(taskId), "wait", wanted.toString(), now, waited);
            }
            ctx.sleep(ctx.pollInterval());
        }
    }
}
