package io.dmskit.verify.internal;

import io.dmskit.verify.TaskProgress;
import io.dmskit.verify.report.DmsTableStatistics;
import io.dmskit.verify.report.TableVerification;
import io.dmskit.verify.report.VerificationStatus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a table whose counts differ is {@code PENDING} (DMS is still loading it or applying changes to
 * it) or really {@code MISMATCH} / {@code MISSING_ON_TARGET}. The rules are the ones documented on
 * {@link VerificationStatus#PENDING}; they apply only when the verifier knows the DMS task.
 */
final class PendingRules {

    private PendingRules() {
    }

    /**
     * @param tv a table's result; only MISMATCH and MISSING_ON_TARGET are reconsidered
     * @param task the task's progress; null when no DMS task is known (then nothing changes)
     * @param earlier the table's statistics read before {@code later} (previous poll, or before counting); or null
     * @param later the table's statistics now; or null when DMS does not list the table
     * @param latency the task's CDC latency when known
     * @return the result, possibly PENDING, with the reason
     */
    static TableVerification settle(TableVerification tv, TaskProgress task, DmsTableStatistics earlier,
                                    DmsTableStatistics later, Optional<Duration> latency) {
        if (task == null || (tv.status() != VerificationStatus.MISMATCH
                && tv.status() != VerificationStatus.MISSING_ON_TARGET)) {
            return tv;
        }
        if (!task.isActive()) {
            String why = "task is " + task.status().wireValue()
                    + task.stopReason().map(r -> " (" + r.text() + ")").orElse("") + ": nothing more will arrive";
            if (later != null && later.isLoading()) {
                why += "; DMS left the table in state '" + later.tableState() + "'";
            }
            return tv.withStatus(tv.status(), why, null);
        }
        Optional<String> pending = pendingReason(tv, task, earlier, later, latency);
        if (pending.isPresent()) {
            return tv.withStatus(VerificationStatus.PENDING, pending.get(), null);
        }
        String why;
        if (later == null) {
            why = "DMS does not list the table and the task's full load has finished";
        } else if (task.appliesCdc()) {
            why = "task is " + task.status().wireValue() + " but shows no sign of lag for this table: DMS's counters"
                    + " did not move and do not account for the difference";
        } else {
            why = "DMS reports the table as '" + later.tableState() + "'";
        }
        return tv.withStatus(tv.status(), why, null);
    }

    private static Optional<String> pendingReason(TableVerification tv, TaskProgress task, DmsTableStatistics earlier,
                                                  DmsTableStatistics later, Optional<Duration> latency) {
        if (later != null && later.isLoading()) {
            return Optional.of("DMS table state '" + later.tableState() + "'");
        }
        if (later == null && !task.fullLoadFinished()) {
            return Optional.of("the task's full load is in progress and DMS does not list this table yet");
        }
        if (!task.appliesCdc() || later == null && latency.isEmpty()) {
            return Optional.empty();
        }
        if (later != null && later.hasAdvancedSince(earlier)) {
            return Optional.of("DMS is still applying changes: " + movement(earlier, later));
        }
        if (later != null && capturedNotOnTarget(tv, later)) {
            return Optional.of("DMS has captured changes the target does not show yet: its statistics imply "
                    + later.impliedRows() + " rows (full load " + later.fullLoadRows() + " + inserts "
                    + later.inserts() + " - deletes " + later.deletes() + "), the target has "
                    + tv.targetRowCount().orElse(0));
        }
        if (latency.isPresent() && latency.get().compareTo(Duration.ZERO) > 0) {
            return Optional.of("CDC latency " + latency.get().toMillis() / 1000.0 + " s");
        }
        return Optional.empty();
    }

    /** The difference points the same way as the changes DMS counted but the target does not show. */
    private static boolean capturedNotOnTarget(TableVerification tv, DmsTableStatistics s) {
        if (tv.sourceRowCount().isEmpty()) {
            return false;
        }
        long source = tv.sourceRowCount().getAsLong();
        long target = tv.targetRowCount().orElse(0);
        long behind = source - target;
        long captured = s.impliedRows() - target;
        return behind != 0 && captured != 0 && Long.signum(behind) == Long.signum(captured);
    }

    private static String movement(DmsTableStatistics a, DmsTableStatistics b) {
        List<String> parts = new ArrayList<>();
        move(parts, "full load", a.fullLoadRows(), b.fullLoadRows());
        move(parts, "inserts", a.inserts(), b.inserts());
        move(parts, "updates", a.updates(), b.updates());
        move(parts, "deletes", a.deletes(), b.deletes());
        return String.join(", ", parts);
    }

    private static void move(List<String> parts, String name, long from, long to) {
        if (from != to) {
            parts.add(name + " " + from + " -> " + to);
        }
    }
}
