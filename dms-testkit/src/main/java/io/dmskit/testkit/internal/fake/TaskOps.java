package io.dmskit.testkit.internal.fake;

import io.dmskit.model.StopReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.services.databasemigration.model.CreateReplicationTaskRequest;
import software.amazon.awssdk.services.databasemigration.model.CreateReplicationTaskResponse;
import software.amazon.awssdk.services.databasemigration.model.DeleteReplicationTaskRequest;
import software.amazon.awssdk.services.databasemigration.model.DeleteReplicationTaskResponse;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationTasksRequest;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationTasksResponse;
import software.amazon.awssdk.services.databasemigration.model.DescribeTableStatisticsRequest;
import software.amazon.awssdk.services.databasemigration.model.DescribeTableStatisticsResponse;
import software.amazon.awssdk.services.databasemigration.model.ModifyReplicationTaskRequest;
import software.amazon.awssdk.services.databasemigration.model.ModifyReplicationTaskResponse;
import software.amazon.awssdk.services.databasemigration.model.MoveReplicationTaskRequest;
import software.amazon.awssdk.services.databasemigration.model.MoveReplicationTaskResponse;
import software.amazon.awssdk.services.databasemigration.model.ReloadOptionValue;
import software.amazon.awssdk.services.databasemigration.model.ReloadTablesRequest;
import software.amazon.awssdk.services.databasemigration.model.ReloadTablesResponse;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTaskStats;
import software.amazon.awssdk.services.databasemigration.model.StartReplicationTaskRequest;
import software.amazon.awssdk.services.databasemigration.model.StartReplicationTaskResponse;
import software.amazon.awssdk.services.databasemigration.model.StopReplicationTaskRequest;
import software.amazon.awssdk.services.databasemigration.model.StopReplicationTaskResponse;
import software.amazon.awssdk.services.databasemigration.model.TableStatistics;
import software.amazon.awssdk.services.databasemigration.model.TableToReload;

/**
 * Replication tasks: {@code creating → ready}, start ({@code starting → running}), stop
 * ({@code stopping → stopped}), {@code modifying}, {@code moving}, {@code deleting}, {@code failed}; full load and
 * table statistics; the hand-over to a replication engine.
 */
final class TaskOps {

    static final Set<String> MIGRATION_TYPES = Set.of("full-load", "cdc", "full-load-and-cdc");
    private static final int MAX_RELOAD_TABLES = 10;
    private static final Set<String> START_TYPES = Set.of("start-replication", "resume-processing", "reload-target");
    private static final Set<String> MODIFIABLE = Set.of("ready", "stopped", "failed");
    private static final Set<String> DELETABLE = Set.of("ready", "stopped", "failed", "failed-move");

    private static final Page.Filters<TaskRecord> FILTERS = new Page.Filters<TaskRecord>()
            .one("replication-task-arn", t -> t.arn)
            .one("replication-task-id", TaskRecord::id)
            .one("migration-type", t -> t.model.migrationTypeAsString())
            .on("endpoint-arn", t -> List.of(t.model.sourceEndpointArn(), t.model.targetEndpointArn()))
            .one("replication-instance-arn", t -> t.model.replicationInstanceArn());

    private static final Page.Filters<TableStatistics> TABLE_FILTERS = new Page.Filters<TableStatistics>()
            .one("schema-name", TableStatistics::schemaName)
            .one("table-name", TableStatistics::tableName)
            .one("table-state", TableStatistics::tableState);

    private final World w;
    private final TagOps tags;
    private final InstanceOps instances;
    private final EndpointOps endpoints;
    private final EngineBridge bridge;

    /** @param world state @param tags tags @param instances instances @param endpoints endpoints */
    public TaskOps(World world, TagOps tags, InstanceOps instances, EndpointOps endpoints) {
        this.w = world;
        this.tags = tags;
        this.instances = instances;
        this.endpoints = endpoints;
        this.bridge = new EngineBridge(world, this);
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

    private static String migrationType(String given) {
        return Validate.oneOf("MigrationType", given, MIGRATION_TYPES);
    }

    private static void checkCdcStop(String stop) {
        if (stop == null) {
            return;
        }
        int colon = stop.indexOf(':');
        String kind = colon < 0 ? "" : stop.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        if (!kind.equals("server_time") && !kind.equals("commit_time")
                || parseTime(stop.substring(colon + 1).trim()) == null) {
            throw Errors.invalidParameter("Invalid CdcStopPosition '" + stop + "': expected server_time:<time> or "
                    + "commit_time:<time>, e.g. server_time:2026-02-09T12:12:12.");
        }
    }

    private static void checkCdcStart(Instant time, String position, String migrationType) {
        if (time != null && position != null) {
            throw Errors.invalidCombination("Specify either CdcStartTime or CdcStartPosition, not both.");
        }
        if ((time != null || position != null) && "full-load".equals(migrationType)) {
            throw Errors.invalidCombination("CdcStartTime and CdcStartPosition apply only to cdc and "
                    + "full-load-and-cdc tasks.");
        }
    }

    private String resourceId(String arn) {
        return arn.substring(arn.lastIndexOf(':') + 1);
    }

    private String settingsFor(String merged, String instanceArn, String taskArn) {
        InstanceRecord i = w.instances.get(instanceArn);
        return JsonDocs.withLogTargets(merged, i == null ? "unknown" : i.id(), resourceId(taskArn));
    }

    /** CreateReplicationTask. */
    public CreateReplicationTaskResponse create(CreateReplicationTaskRequest r) {
        String id = Validate.identifier("ReplicationTaskIdentifier", r.replicationTaskIdentifier(), 255);
        String type = migrationType(r.migrationTypeAsString());
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
        checkCdcStart(r.cdcStartTime(), r.cdcStartPosition(), type);
        checkCdcStop(r.cdcStopPosition());
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
        ReplicationTask response = describeModel(t, false);
        w.schedule(w.timings.taskCreate(), t, () -> {
            t.status("ready");
            w.event("replication-task", id, "creation", "Replication task has been created.");
            World.log().info("Replication task {} is ready", id);
        });
        World.log().info("Creating replication task {} ({})", id, arn);
        return CreateReplicationTaskResponse.builder().replicationTask(response).build();
    }

    /** The task as described, with statistics computed now. */
    ReplicationTask describeModel(TaskRecord t, boolean withoutSettings) {
        ReplicationTask.Builder b = t.model.toBuilder().replicationTaskStats(stats(t));
        if (withoutSettings) {
            b.tableMappings(null).replicationTaskSettings(null).taskData(null);
        }
        return b.build();
    }

    private ReplicationTaskStats stats(TaskRecord t) {
        int loaded = 0;
        int loading = 0;
        int queued = 0;
        int errored = 0;
        for (TableStatistics s : t.tables.values()) {
            String state = s.tableState() == null ? "" : s.tableState();
            switch (state) {
                case "Table completed" -> loaded++;
                case "Full load", "Table is being reloaded" -> loading++;
                case "Before load" -> queued++;
                case "Table error", "Table cancelled" -> errored++;
                default -> {
                }
            }
        }
        int percent;
        if (t.fullLoadFinished) {
            percent = 100;
        } else if (t.tables.isEmpty()) {
            percent = 0;
        } else {
            percent = (int) (100L * loaded / t.tables.size());
        }
        Instant start = t.model.replicationTaskStartDate();
        long elapsed = 0;
        if (start != null) {
            Instant end = "running".equals(t.status()) || "starting".equals(t.status()) || t.stopDate == null
                    || t.stopDate.isBefore(start) ? w.now() : t.stopDate;
            elapsed = Math.max(0, Duration.between(start, end).toMillis());
        }
        return ReplicationTaskStats.builder()
                .fullLoadProgressPercent(percent)
                .elapsedTimeMillis(elapsed)
                .tablesLoaded(loaded)
                .tablesLoading(loading)
                .tablesQueued(queued)
                .tablesErrored(errored)
                .freshStartDate(t.freshStartDate)
                .startDate(start)
                .stopDate(t.stopDate)
                .fullLoadStartDate(t.fullLoadStartDate)
                .fullLoadFinishDate(t.fullLoadFinishDate)
                .build();
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

    /** ModifyReplicationTask: only when stopped, ready or failed, except logging-only changes while running. */
    public ModifyReplicationTaskResponse modify(ModifyReplicationTaskRequest r) {
        TaskRecord t = find(r.replicationTaskArn());
        String merged = r.replicationTaskSettings() == null ? null
                : settingsFor(JsonDocs.mergeSettings(r.replicationTaskSettings(), t.model.replicationTaskSettings()),
                t.model.replicationInstanceArn(), t.arn);
        boolean loggingOnly = merged != null && r.replicationTaskIdentifier() == null && r.migrationType() == null
                && r.tableMappings() == null && r.cdcStartPosition() == null && r.cdcStartTime() == null
                && r.cdcStopPosition() == null && r.taskData() == null
                && JsonDocs.onlyLoggingDiffers(merged, t.model.replicationTaskSettings());
        if ("running".equals(t.status()) && loggingOnly) {
            t.model = t.model.toBuilder().replicationTaskSettings(merged).build();
            World.log().info("Changed logging of running replication task {}", t.id());
            return ModifyReplicationTaskResponse.builder().replicationTask(describeModel(t, false)).build();
        }
        if (!MODIFIABLE.contains(t.status())) {
            throw Errors.invalidState("Replication Task " + t.arn + " is in state " + t.status()
                    + "; it can be modified only when its state is stopped, ready or failed.");
        }
        String type = r.migrationTypeAsString() != null ? migrationType(r.migrationTypeAsString())
                : t.model.migrationTypeAsString();
        if (r.tableMappings() != null) {
            JsonDocs.checkTableMappings(r.tableMappings());
        }
        checkCdcStart(r.cdcStartTime(), r.cdcStartPosition(), type);
        checkCdcStop(r.cdcStopPosition());
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
        ReplicationTask response = describeModel(t, false);
        w.schedule(w.timings.taskModify(), t, () -> {
            t.status(back);
            w.event("replication-task", t.id(), "configuration change", "Replication task has been modified.");
            World.log().info("Replication task {} modified", t.id());
        });
        World.log().info("Modifying replication task {}", t.id());
        return ModifyReplicationTaskResponse.builder().replicationTask(response).build();
    }

    /** StartReplicationTask with DMS's start-type rules. */
    public StartReplicationTaskResponse start(StartReplicationTaskRequest r) {
        TaskRecord t = find(r.replicationTaskArn());
        String startType = Validate.oneOf("StartReplicationTaskType", r.startReplicationTaskTypeAsString(),
                START_TYPES);
        String type = t.model.migrationTypeAsString();
        if (!Set.of("ready", "stopped", "failed").contains(t.status())) {
            throw Errors.invalidState("Replication Task " + t.arn + " cannot be started: it is in state "
                    + t.status() + " (it must be ready, stopped or failed).");
        }
        switch (startType) {
            case "start-replication" -> {
                if (t.everStarted) {
                    throw Errors.invalidState("Start type start-replication is valid only for the first run of a "
                            + "task. Task " + t.arn + " has run before: use resume-processing or reload-target.");
                }
            }
            case "resume-processing" -> {
                if ("full-load".equals(type)) {
                    throw Errors.invalidCombination("Start type resume-processing is not valid for a full-load "
                            + "task; use reload-target to run the full load again.");
                }
                if (!t.everStarted) {
                    throw Errors.invalidState("Task " + t.arn + " has never been started: use start-replication.");
                }
            }
            default -> {
                if ("cdc".equals(type)) {
                    throw Errors.invalidCombination("Start type reload-target is not valid for a cdc task.");
                }
            }
        }
        checkCdcStart(r.cdcStartTime(), r.cdcStartPosition(), type);
        checkCdcStop(r.cdcStopPosition());
        InstanceRecord instance = instances.find(t.model.replicationInstanceArn());
        if (!"available".equals(instance.status())) {
            throw Errors.invalidState("Replication instance " + instance.arn + " is not in available state "
                    + "(current state: " + instance.status() + "); task " + t.arn + " cannot start.");
        }
        Instant now = w.now();
        boolean fresh = !startType.equals("resume-processing");
        if (startType.equals("start-replication")) {
            t.tables.clear();
        } else if (startType.equals("reload-target")) {
            t.tables.replaceAll((k, s) -> freshTable(s.schemaName(), s.tableName()).build());
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
        t.lastCdcStartPosition = r.cdcStartPosition() != null ? r.cdcStartPosition()
                : r.cdcStartTime() != null ? r.cdcStartTime().toString() : t.model.cdcStartPosition();
        ReplicationTask.Builder b = t.model.toBuilder().replicationTaskStartDate(now).stopReason(null)
                .lastFailureMessage(null);
        if (r.cdcStopPosition() != null) {
            b.cdcStopPosition(r.cdcStopPosition());
        }
        if (r.cdcStartPosition() != null || r.cdcStartTime() != null) {
            b.cdcStartPosition(t.lastCdcStartPosition);
        }
        t.model = b.build();
        t.status("starting");
        ReplicationTask response = describeModel(t, false);
        w.schedule(w.timings.taskStart(), t, () -> enterRunning(t));
        World.log().info("Starting replication task {} ({})", t.id(), startType);
        return StartReplicationTaskResponse.builder().replicationTask(response).build();
    }

    static TableStatistics.Builder freshTable(String schema, String table) {
        return TableStatistics.builder().schemaName(schema).tableName(table).inserts(0L).deletes(0L).updates(0L)
                .ddls(0L).appliedInserts(0L).appliedDeletes(0L).appliedUpdates(0L).appliedDdls(0L)
                .fullLoadRows(0L).fullLoadCondtnlChkFailedRows(0L).fullLoadErrorRows(0L).fullLoadReloaded(false)
                .tableState("Before load").validationPendingRecords(0L).validationFailedRecords(0L)
                .validationSuspendedRecords(0L).validationState("Not enabled");
    }

    private boolean hasFullLoad(TaskRecord t) {
        return !"cdc".equals(t.model.migrationTypeAsString());
    }

    private void enterRunning(TaskRecord t) {
        t.status("running");
        t.run++;
        w.event("replication-task", t.id(), "state change", "Replication task has started.");
        World.log().info("Replication task {} is running", t.id());
        if (hasFullLoad(t) && !t.fullLoadFinished && t.fullLoadStartDate == null) {
            t.fullLoadStartDate = w.now();
        }
        scheduleCdcStop(t);
        if (w.engine != null && !w.closed()) {
            bridge.start(t);
            return;
        }
        bridge.checkSecrets(t);
        if (hasFullLoad(t) && !t.fullLoadFinished && w.timings.fullLoad().isPresent()) {
            w.schedule(w.timings.fullLoad().get(), t, () -> finishFullLoad(t));
        }
    }

    /**
     * A {@code CdcStopPosition} of the form {@code server_time:2026-02-09T12:12:12} or
     * {@code commit_time:...} (UTC when no zone is given) stops a running task at that time on the fake clock, with
     * {@code STOPPED_AT_SERVER_TIME} or {@code STOPPED_AT_COMMIT_TIME}.
     */
    private void scheduleCdcStop(TaskRecord t) {
        String stop = t.model.cdcStopPosition();
        if (stop == null || "full-load".equals(t.model.migrationTypeAsString())) {
            return;
        }
        int colon = stop.indexOf(':');
        if (colon < 0) {
            return;
        }
        String kind = stop.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        StopReason reason = kind.equals("server_time") ? StopReason.STOPPED_AT_SERVER_TIME
                : kind.equals("commit_time") ? StopReason.STOPPED_AT_COMMIT_TIME : null;
        if (reason == null) {
            return;
        }
        Instant at = parseTime(stop.substring(colon + 1).trim());
        if (at == null) {
            return;
        }
        w.schedule(at.isBefore(w.now()) ? w.now() : at, t, () -> {
            if ("running".equals(t.status())) {
                stopNow(t, reason);
            }
        });
    }

    private static Instant parseTime(String text) {
        try {
            return Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(text).toInstant(java.time.ZoneOffset.UTC);
            } catch (java.time.format.DateTimeParseException e2) {
                return null;
            }
        }
    }

    /** Ends the full load of a running task (engine callback, script or timer). */
    void finishFullLoad(TaskRecord t) {
        if (!"running".equals(t.status())) {
            throw new IllegalStateException("Replication task " + t.id() + " is " + t.status()
                    + ", not running: its full load cannot finish.");
        }
        if (t.fullLoadFinished) {
            return;
        }
        Instant now = w.now();
        t.fullLoadFinished = true;
        if (t.fullLoadStartDate == null) {
            t.fullLoadStartDate = now;
        }
        t.fullLoadFinishDate = now;
        t.tables.replaceAll((k, s) -> {
            String state = s.tableState();
            if ("Table error".equals(state) || "Table cancelled".equals(state) || "Table completed".equals(state)) {
                return s;
            }
            return s.toBuilder().tableState("Table completed").fullLoadEndTime(now)
                    .fullLoadStartTime(s.fullLoadStartTime() != null ? s.fullLoadStartTime() : t.fullLoadStartDate)
                    .lastUpdateTime(now).build();
        });
        w.event("replication-task", t.id(), "state change", "Full load of the replication task has finished.");
        World.log().info("Full load of replication task {} finished", t.id());
        String settings = t.model.replicationTaskSettings();
        if ("full-load".equals(t.model.migrationTypeAsString())) {
            stopNow(t, StopReason.FULL_LOAD_ONLY_FINISHED);
        } else if (JsonDocs.flag(settings, "/FullLoadSettings/StopTaskCachedChangesNotApplied")) {
            stopNow(t, StopReason.STOPPED_AFTER_FULL_LOAD);
        } else if (JsonDocs.flag(settings, "/FullLoadSettings/StopTaskCachedChangesApplied")) {
            stopNow(t, StopReason.STOPPED_AFTER_CACHED_EVENTS);
        }
    }

    /** Stops at once (DMS's own stop after full load). */
    private void stopNow(TaskRecord t, StopReason reason) {
        t.stopDate = w.now();
        t.model = t.model.toBuilder().stopReason(reason.text()).build();
        t.status("stopped");
        bridge.stopEngine(t);
        w.event("replication-task", t.id(), "state change", "Replication task has stopped. " + reason.text());
        World.log().info("Replication task {} stopped: {}", t.id(), reason.text());
    }

    /** StopReplicationTask. */
    public StopReplicationTaskResponse stop(StopReplicationTaskRequest r) {
        TaskRecord t = find(r.replicationTaskArn());
        if (!"running".equals(t.status())) {
            throw Errors.invalidState("Replication Task " + t.arn + " is currently not running (state: "
                    + t.status() + ").");
        }
        beginStop(t, StopReason.NORMAL);
        World.log().info("Stopping replication task {}", t.id());
        return StopReplicationTaskResponse.builder().replicationTask(describeModel(t, false)).build();
    }

    /** {@code running|starting → stopping → stopped} with the given reason. */
    void beginStop(TaskRecord t, StopReason reason) {
        t.status("stopping");
        bridge.stopEngine(t);
        w.schedule(w.timings.taskStop(), t, () -> {
            t.stopDate = w.now();
            t.model = t.model.toBuilder().stopReason(reason.text()).build();
            t.status("stopped");
            w.event("replication-task", t.id(), "state change", "Replication task has stopped. "
                    + reason.text());
            World.log().info("Replication task {} stopped: {}", t.id(), reason.text());
        });
    }

    /** The task fails: {@code failed}, LastFailureMessage, {@code Stop Reason FATAL_ERROR}. */
    void fail(TaskRecord t, String message) {
        t.stopDate = w.now();
        t.model = t.model.toBuilder().lastFailureMessage(message).stopReason(StopReason.FATAL_ERROR.text()).build();
        t.status("failed");
        bridge.stopEngine(t);
        w.event("replication-task", t.id(), "failure", "Replication task has failed. Reason: " + message);
        World.log().info("Replication task {} failed: {}", t.id(), message);
    }

    /** DeleteReplicationTask. */
    public DeleteReplicationTaskResponse delete(DeleteReplicationTaskRequest r) {
        TaskRecord t = find(r.replicationTaskArn());
        if (!DELETABLE.contains(t.status())) {
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
            World.log().info("Replication task {} deleted", t.id());
        });
        World.log().info("Deleting replication task {}", t.id());
        return DeleteReplicationTaskResponse.builder().replicationTask(response).build();
    }

    /** MoveReplicationTask. */
    public MoveReplicationTaskResponse move(MoveReplicationTaskRequest r) {
        TaskRecord t = find(r.replicationTaskArn());
        InstanceRecord target = instances.find(r.targetReplicationInstanceArn());
        if (!MODIFIABLE.contains(t.status())) {
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
        ReplicationTask response = describeModel(t, false);
        w.schedule(w.timings.taskMove(), t, () -> {
            t.model = t.model.toBuilder().replicationInstanceArn(target.arn).targetReplicationInstanceArn(null)
                    .replicationTaskSettings(settingsFor(t.model.replicationTaskSettings(), target.arn, t.arn))
                    .build();
            t.status(back);
            World.log().info("Replication task {} moved to {}", t.id(), target.id());
        });
        return MoveReplicationTaskResponse.builder().replicationTask(response).build();
    }

    /**
     * ReloadTables: the task must be running and be a full-load or full-load-and-cdc task; at most 10 tables, no
     * duplicates. {@code data-reload} shows the tables as {@code Table is being reloaded} (FullLoadReloaded, rows
     * reset) and hands them to the replication engine, which reports the reload's progress; without an engine the
     * scripted full-load delay completes them. {@code validate-only} marks them {@code Pending revalidation}.
     */
    public ReloadTablesResponse reload(ReloadTablesRequest r) {
        TaskRecord t = find(r.replicationTaskArn());
        Validate.requiredList("TablesToReload", r.tablesToReload());
        String option = r.reloadOptionAsString() == null ? "data-reload" : r.reloadOptionAsString();
        Validate.oneOf("ReloadOption", option, Set.of("data-reload", "validate-only"));
        List<String> problems = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < r.tablesToReload().size(); i++) {
            TableToReload tr = r.tablesToReload().get(i);
            if (tr == null || tr.schemaName() == null || tr.schemaName().isBlank()) {
                problems.add("TablesToReload[" + i + "].SchemaName is required");
            }
            if (tr == null || tr.tableName() == null || tr.tableName().isBlank()) {
                problems.add("TablesToReload[" + i + "].TableName is required");
            }
            if (tr != null && tr.schemaName() != null && tr.tableName() != null
                    && !seen.add(TaskRecord.tableKey(tr.schemaName(), tr.tableName()))) {
                problems.add("TablesToReload names " + tr.schemaName() + "." + tr.tableName() + " more than once");
            }
        }
        if (r.tablesToReload().size() > MAX_RELOAD_TABLES) {
            problems.add("TablesToReload holds " + r.tablesToReload().size() + " tables; at most "
                    + MAX_RELOAD_TABLES + " can be reloaded at a time");
        }
        if (!problems.isEmpty()) {
            throw Errors.invalidParameter(String.join("; ", problems) + ".");
        }
        if ("cdc".equals(t.model.migrationTypeAsString())) {
            throw Errors.invalidCombination("Replication Task " + t.arn + " is a cdc task; tables can be reloaded "
                    + "only for full-load and full-load-and-cdc tasks.");
        }
        if (!"running".equals(t.status())) {
            throw Errors.invalidState("Replication Task " + t.arn + " is currently not running (state: "
                    + t.status() + "); tables can be reloaded only while it runs.");
        }
        Instant now = w.now();
        for (TableToReload tr : r.tablesToReload()) {
            String key = TaskRecord.tableKey(tr.schemaName(), tr.tableName());
            TableStatistics current = t.tables.get(key);
            TableStatistics.Builder b = (current == null ? freshTable(tr.schemaName(), tr.tableName())
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
            bridge.reload(t, List.copyOf(r.tablesToReload()), ReloadOptionValue.fromValue(option));
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
        World.log().info("Reloading {} table(s) of replication task {} ({})", r.tablesToReload().size(), t.id(),
                option);
        return ReloadTablesResponse.builder().replicationTaskArn(t.arn).build();
    }

    /** DescribeTableStatistics (filters schema-name, table-name, table-state; MaxRecords 20–500). */
    public DescribeTableStatisticsResponse tableStatistics(DescribeTableStatisticsRequest r) {
        TaskRecord t = find(r.replicationTaskArn());
        TABLE_FILTERS.check(r.filters());
        List<TableStatistics> matched = new ArrayList<>();
        for (TableStatistics s : t.tables.values()) {
            if (TABLE_FILTERS.matches(r.filters(), s)) {
                matched.add(s);
            }
        }
        Page<TableStatistics> page = Page.of(matched, r.maxRecords(), r.marker(), 500);
        return DescribeTableStatisticsResponse.builder().replicationTaskArn(t.arn).tableStatistics(page.items)
                .marker(page.nextMarker).build();
    }

    /** Creates or updates one table's statistics. */
    void updateTable(TaskRecord t, String schema, String table,
                     java.util.function.UnaryOperator<TableStatistics.Builder> update) {
        String key = TaskRecord.tableKey(schema, table);
        TableStatistics current = t.tables.get(key);
        TableStatistics.Builder b = current == null ? freshTable(schema, table) : current.toBuilder();
        TableStatistics.Builder updated = update.apply(b);
        if (updated == null) {
            updated = b;
        }
        TableStatistics s = updated.schemaName(schema).tableName(table).lastUpdateTime(w.now()).build();
        if ("Full load".equals(s.tableState()) && s.fullLoadStartTime() == null) {
            s = s.toBuilder().fullLoadStartTime(w.now()).build();
        }
        t.tables.put(key, s);
    }

    EngineBridge bridge() {
        return bridge;
    }
}
