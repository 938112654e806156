package io.dmskit.testkit.internal.fake;

import io.dmskit.model.StopReason;
import java.time.Instant;
import java.util.Locale;

/**
 * The run state machine of a replication task: {@code running}, the end of the full load, DMS's own stops
 * (full-load-only, after full load, CDC stop position), {@code stopping → stopped} and {@code failed}.
 */
final class TaskRunner {

    private final World w;
    private final EngineBridge bridge;

    TaskRunner(World world, EngineBridge bridge) {
        this.w = world;
        this.bridge = bridge;
    }

    private boolean hasFullLoad(TaskRecord t) {
        return !"cdc".equals(t.model.migrationTypeAsString());
    }

    /** {@code starting → running}: full-load start date, CDC stop timer, then the engine or the scripted timings. */
    void enterRunning(TaskRecord t) {
        t.status("running");
        t.run++;
        w.event("replication-task", t.id(), "state change", "Replication task has started.");
        World.log().debug("Replication task {} is running", t.id());
        if (hasFullLoad(t) && !t.fullLoadFinished && t.fullLoadStartDate == null) {
            t.fullLoadStartDate = w.now();
        }
        scheduleCdcStop(t);
        w.telemetry.taskStarted(t);
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
        Instant at = TaskRules.parseTime(stop.substring(colon + 1).trim());
        if (at == null) {
            return;
        }
        w.schedule(at.isBefore(w.now()) ? w.now() : at, t, () -> {
            if ("running".equals(t.status())) {
                stopNow(t, reason);
            }
        });
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
        World.log().debug("Full load of replication task {} finished", t.id());
        w.telemetry.fullLoadFinished(t);
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
        w.telemetry.taskStopped(t, reason);
        w.event("replication-task", t.id(), "state change", "Replication task has stopped. " + reason.text());
        World.log().debug("Replication task {} stopped: {}", t.id(), reason.text());
    }

    /** {@code running|starting → stopping → stopped} with the given reason. */
    void beginStop(TaskRecord t, StopReason reason) {
        t.status("stopping");
        bridge.stopEngine(t);
        w.schedule(w.timings.taskStop(), t, () -> {
            t.stopDate = w.now();
            t.model = t.model.toBuilder().stopReason(reason.text()).build();
            t.status("stopped");
            w.telemetry.taskStopped(t, reason);
            w.event("replication-task", t.id(), "state change", "Replication task has stopped. "
                    + reason.text());
            World.log().debug("Replication task {} stopped: {}", t.id(), reason.text());
        });
    }

    /** The task fails: {@code failed}, LastFailureMessage, {@code Stop Reason FATAL_ERROR}. */
    void fail(TaskRecord t, String message) {
        t.stopDate = w.now();
        t.model = t.model.toBuilder().lastFailureMessage(message).stopReason(StopReason.FATAL_ERROR.text()).build();
        t.status("failed");
        bridge.stopEngine(t);
        w.telemetry.taskFailed(t, message);
        w.event("replication-task", t.id(), "failure", "Replication task has failed. Reason: " + message);
        World.log().debug("Replication task {} failed: {}", t.id(), message);
    }
}
