package io.dmskit.verify.internal;

import io.dmskit.model.TaskStatus;
import io.dmskit.verify.TaskProgress;
import io.dmskit.verify.VerificationException;
import io.dmskit.verify.report.DmsTableStatistics;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether a task's full load is complete for the tables a verification covers, and if not, what is still pending.
 * The rules are documented on {@code Verifier.awaitFullLoad}.
 */
final class FullLoadCheck {

    private FullLoadCheck() {
    }

    /**
     * @param p the task's progress
     * @param plan the tables the verification covers
     * @return what is still pending, one entry per table or for the task; empty when the full load is complete
     * @throws VerificationException when the full load cannot complete any more: the task failed, stopped before
     *         its full load finished, or a covered table is in {@code Table error} / {@code Table cancelled}
     */
    public static List<String> pending(TaskProgress p, TablePlan plan) {
        if (p.status() == TaskStatus.FAILED || p.status() == TaskStatus.FAILED_MOVE) {
            throw new VerificationException("replication task " + p.taskName() + " is " + p.status().wireValue()
                    + p.lastFailureMessage().map(m -> ": " + m).orElse("") + "; its full load cannot complete",
                    p.taskArn(), "awaitFullLoad", null);
        }
        if (p.migrationType().equalsIgnoreCase("cdc")) {
            return List.of();
        }
        List<String> failed = new ArrayList<>();
        for (PlannedTable t : plan.tables()) {
            p.table(t.table().schema(), t.table().table()).filter(DmsTableStatistics::isFailed)
                    .ifPresent(s -> failed.add(t.table() + " is '" + s.tableState() + "'"));
        }
        if (!failed.isEmpty()) {
            throw new VerificationException("the full load of replication task " + p.taskName()
                    + " cannot complete: " + String.join(", ", failed), p.taskArn(), "awaitFullLoad", null);
        }
        boolean finished = p.fullLoadFinished();
        if (!finished && !p.isActive()) {
            throw new VerificationException("replication task " + p.taskName() + " is " + p.status().wireValue()
                    + p.stopReason().map(r -> " (" + r.text() + ")").orElse("")
                    + " and its full load did not finish; start or resume it", p.taskArn(), "awaitFullLoad", null);
        }
        List<String> pending = new ArrayList<>();
        if (!finished) {
            pending.add("task " + p.status().wireValue() + ": full load "
                    + (p.fullLoadProgressPercent().isPresent() ? p.fullLoadProgressPercent().getAsInt() + " %"
                    : "progress not reported") + ", " + p.tablesLoading() + " table(s) loading, " + p.tablesQueued()
                    + " queued, no FullLoadFinishDate");
        }
        for (PlannedTable t : plan.tables()) {
            DmsTableStatistics s = p.table(t.table().schema(), t.table().table()).orElse(null);
            if (s == null) {
                if (!finished) {
                    pending.add(t.table() + ": not in DMS's table statistics yet");
                }
            } else if (!s.isCompleted()) {
                pending.add(t.table() + ": '" + s.tableState() + "' (FullLoadRows " + s.fullLoadRows() + ")");
            }
        }
        return pending;
    }
}
