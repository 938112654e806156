package io.dmskit.testkit.internal.fake;

import java.util.Locale;
import software.amazon.awssdk.services.databasemigration.model.CreateReplicationTaskRequest;
import software.amazon.awssdk.services.databasemigration.model.CreateReplicationTaskResponse;
import software.amazon.awssdk.services.databasemigration.model.ModifyReplicationTaskRequest;
import software.amazon.awssdk.services.databasemigration.model.ModifyReplicationTaskResponse;
import software.amazon.awssdk.services.databasemigration.model.MoveReplicationTaskRequest;
import software.amazon.awssdk.services.databasemigration.model.MoveReplicationTaskResponse;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;

/**
 * A replication task's configuration: CreateReplicationTask ({@code creating → ready}), ModifyReplicationTask
 * ({@code modifying}, logging-only changes while running) and MoveReplicationTask ({@code moving}), with the log
 * targets written into the settings.
 */
final class TaskConfigOps {

    private final World w;
    private final TaskOps tasks;
    private final TagOps tags;
    private final InstanceOps instances;
    private final EndpointOps endpoints;

    TaskConfigOps(World world, TaskOps tasks, TagOps tags, InstanceOps instances, EndpointOps endpoints) {
        this.w = world;
        this.tasks = tasks;
        this.tags = tags;
        this.instances = instances;
        this.endpoints = endpoints;
    }

    private String resourceId(String arn) {
        return arn.substring(arn.lastIndexOf(':') + 1);
    }

    private String settingsFor(String merged, String instanceArn, String taskArn) {
        InstanceRecord i = w.instances.get(instanceArn);
        return JsonDocs.withLogTargets(merged, i == null ? "unknown" : i.id(), resourceId(taskArn));
    }

    /** CreateReplicationTask. */
    CreateReplicationTaskResponse create(CreateReplicationTaskRequest r) {
        String id = Validate.identifier("ReplicationTaskIdentifier", r.replicationTaskIdentifier(), 255);
        String type = TaskRules.migrationType(r.migrationTypeAsString());
        EndpointRecord source = endpoints.find(Validate.required("SourceEndpointArn", r.sourceEndpointArn()));
        EndpointRecord target = endpoints.find(Validate.required("TargetEndpointArn", r.targetEndpointArn()));
        if (!"SOURCE".equals(source.model.endpointTypeAsString())) {
            throw Errors.invalidParameter("The endpoint " + source.arn + " is not a source endpoint.");
        }
        if (!"TARGET".equals(target.model.endpointTypeAsString())) {
            throw Errors.invalidParameter("The endpoint " + target.arn + " is not a target endpoint.");
        }
        InstanceRecord instance = instances.find(r.replicationInstanceArn());
        if (!"available".equals(instance.status())) {
            throw Errors.invalidState("Replication instance " + instance.arn + " is not in available state "
                    + "(current state: " + instance.status() + ").");
        }
        JsonDocs.checkTableMappings(r.tableMappings());
        String settings = JsonDocs.mergeSettings(r.replicationTaskSettings(), null);
        TaskRules.checkCdcStart(r.cdcStartTime(), r.cdcStartPosition(), type);
        TaskRules.checkCdcStop(r.cdcStopPosition());
        for (TaskRecord other : w.tasks.values()) {
            if (other.id().equalsIgnoreCase(id)) {
                throw Errors.alreadyExists("ReplicationTask " + id + " already exists.");
            }
        }
        String arn = w.arn("task", r.resourceIdentifier() != null
                ? Validate.identifier("ResourceIdentifier", r.resourceIdentifier(), 63).toUpperCase(Locale.ROOT)
                : w.newResourceId());
        if (w.tasks.containsKey(arn)) {
            throw Errors.alreadyExists("A replication task with ResourceIdentifier " + r.resourceIdentifier()
                    + " already exists.");
        }
        ReplicationTask model = ReplicationTask.builder()
                .replicationTaskIdentifier(id)
                .sourceEndpointArn(source.arn)
                .targetEndpointArn(target.arn)
                .replicationInstanceArn(instance.arn)
                .migrationType(type)
                .tableMappings(r.tableMappings())
                .replicationTaskSettings(settingsFor(settings, instance.arn, arn))
                .status("creating")
                .replicationTaskCreationDate(w.now())
                .cdcStartPosition(r.cdcStartPosition() != null ? r.cdcStartPosition()
                        : r.cdcStartTime() != null ? r.cdcStartTime().toString() : null)
                .cdcStopPosition(r.cdcStopPosition())
                .replicationTaskArn(arn)
                .taskData(r.taskData())
                .build();
        TaskRecord t = new TaskRecord(arn, model);
        tags.putInitial(arn, r.tags());
        t.invisibleDescribes = w.invisibility.applyAsInt("CreateReplicationTask");
        w.tasks.put(arn, t);
        ReplicationTask response = tasks.describeModel(t, false);
        w.schedule(w.timings.taskCreate(), t, () -> {
            t.status("ready");
            w.event("replication-task", id, "creation", "Replication task has been created.");
            World.log().debug("Replication task {} is ready", id);
        });
        World.log().debug("Creating replication task {} ({})", id, arn);
        return CreateReplicationTaskResponse.builder().replicationTask(response).build();
    }

    /** ModifyReplicationTask: only when stopped, ready or failed, except logging-only changes while running. */
    ModifyReplicationTaskResponse modify(ModifyReplicationTaskRequest r) {
        TaskRecord t = tasks.find(r.replicationTaskArn());
        String merged = r.replicationTaskSettings() == null ? null
                : settingsFor(JsonDocs.mergeSettings(r.replicationTaskSettings(), t.model.replicationTaskSettings()),
                t.model.replicationInstanceArn(), t.arn);
        boolean loggingOnly = merged != null && r.replicationTaskIdentifier() == null && r.migrationType() == null
                && r.tableMappings() == null && r.cdcStartPosition() == null && r.cdcStartTime() == null
                && r.cdcStopPosition() == null && r.taskData() == null
                && JsonDocs.onlyLoggingDiffers(merged, t.model.replicationTaskSettings());
        if ("running".equals(t.status()) && loggingOnly) {
            t.model = t.model.toBuilder().replicationTaskSettings(merged).build();
            World.log().debug("Changed logging of running replication task {}", t.id());
            return ModifyReplicationTaskResponse.builder().replicationTask(tasks.describeModel(t, false)).build();
        }
        if (!TaskRules.MODIFIABLE.contains(t.status())) {
            throw Errors.invalidState("Replication Task " + t.arn + " is in state " + t.status()
                    + "; it can be modified only when its state is stopped, ready or failed.");
        }
        String type = r.migrationTypeAsString() != null ? TaskRules.migrationType(r.migrationTypeAsString())
                : t.model.migrationTypeAsString();
        if (r.tableMappings() != null) {
            JsonDocs.checkTableMappings(r.tableMappings());
        }
        TaskRules.checkCdcStart(r.cdcStartTime(), r.cdcStartPosition(), type);
        TaskRules.checkCdcStop(r.cdcStopPosition());
        String newId = null;
        if (r.replicationTaskIdentifier() != null) {
            newId = Validate.identifier("ReplicationTaskIdentifier", r.replicationTaskIdentifier(), 255);
            for (TaskRecord other : w.tasks.values()) {
                if (other != t && other.id().equalsIgnoreCase(newId)) {
                    throw Errors.alreadyExists("ReplicationTask " + newId + " already exists.");
                }
            }
        }
        ReplicationTask.Builder pending = t.model.toBuilder().migrationType(type);
        if (newId != null) {
            pending.replicationTaskIdentifier(newId);
        }
        if (r.tableMappings() != null) {
            pending.tableMappings(r.tableMappings());
        }
        if (merged != null) {
            pending.replicationTaskSettings(merged);
        }
        if (r.cdcStartPosition() != null || r.cdcStartTime() != null) {
            pending.cdcStartPosition(r.cdcStartPosition() != null ? r.cdcStartPosition()
                    : r.cdcStartTime().toString());
        }
        if (r.cdcStopPosition() != null) {
            pending.cdcStopPosition(r.cdcStopPosition());
        }
        if (r.taskData() != null) {
            pending.taskData(r.taskData());
        }
        String back = t.status();
        t.model = pending.build();
        t.statusBeforeTransition = back;
        t.status("modifying");
        ReplicationTask response = tasks.describeModel(t, false);
        w.schedule(w.timings.taskModify(), t, () -> {
            t.status(back);
            w.event("replication-task", t.id(), "configuration change", "Replication task has been modified.");
            World.log().debug("Replication task {} modified", t.id());
        });
        World.log().debug("Modifying replication task {}", t.id());
        return ModifyReplicationTaskResponse.builder().replicationTask(response).build();
    }

    /** MoveReplicationTask. */
    MoveReplicationTaskResponse move(MoveReplicationTaskRequest r) {
        TaskRecord t = tasks.find(r.replicationTaskArn());
        InstanceRecord target = instances.find(r.targetReplicationInstanceArn());
        if (!TaskRules.MODIFIABLE.contains(t.status())) {
            throw Errors.invalidState("Replication Task " + t.arn + " is in state " + t.status()
                    + "; it can be moved only when its state is stopped, ready or failed.");
        }
        if (target.arn.equals(t.model.replicationInstanceArn())) {
            throw Errors.invalidParameter("The task already runs on replication instance " + target.arn + ".");
        }
        if (!"available".equals(target.status())) {
            throw Errors.invalidState("Replication instance " + target.arn + " is not in available state (current "
                    + "state: " + target.status() + ").");
        }
        String back = t.status();
        t.model = t.model.toBuilder().targetReplicationInstanceArn(target.arn).build();
        t.status("moving");
        ReplicationTask response = tasks.describeModel(t, false);
        w.schedule(w.timings.taskMove(), t, () -> {
            t.model = t.model.toBuilder().replicationInstanceArn(target.arn).targetReplicationInstanceArn(null)
                    .replicationTaskSettings(settingsFor(t.model.replicationTaskSettings(), target.arn, t.arn))
                    .build();
            t.status(back);
            World.log().debug("Replication task {} moved to {}", t.id(), target.id());
        });
        return MoveReplicationTaskResponse.builder().replicationTask(response).build();
    }
}
