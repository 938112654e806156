package io.dmskit.verify;

import io.dmskit.model.StopReason;
import io.dmskit.model.TaskStatus;
import io.dmskit.verify.internal.Checks;
import io.dmskit.verify.report.DmsTableStatistics;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What DMS said about a replication task at one moment: its status and stop reason (DescribeReplicationTasks), the
 * task-level {@code ReplicationTaskStats} and every table's statistics (DescribeTableStatistics). Returned by
 * {@link Verifier#taskProgress()} and {@link Verifier#awaitFullLoad(java.time.Duration)}, and carried by a
 * {@link VerificationTimeoutException}.
 *
 * <pre>{@code
 * TaskProgress p = verifier.awaitFullLoad(Duration.ofMinutes(30));   // a full-load-and-cdc task stays running
 * assert p.fullLoadFinished() && p.status() == TaskStatus.RUNNING;
 * }</pre>
 *
 * @param taskArn the task
 * @param status its status ({@link TaskStatus#UNKNOWN} for a status this version does not know)
 * @param stopReason its {@code StopReason}, when it has one
 * @param migrationType {@code full-load}, {@code cdc} or {@code full-load-and-cdc}
 * @param fullLoadProgressPercent {@code FullLoadProgressPercent}, when DMS reports it
 * @param tablesLoaded {@code TablesLoaded} (0 when not reported)
 * @param tablesLoading {@code TablesLoading} (0 when not reported)
 * @param tablesQueued {@code TablesQueued} (0 when not reported)
 * @param tablesErrored {@code TablesErrored} (0 when not reported)
 * @param fullLoadFinishDate {@code FullLoadFinishDate}, when the full load has finished
 * @param lastFailureMessage {@code LastFailureMessage}, when the task has one
 * @param tables every table's statistics, in DMS's order
 * @param observedAt when this was read (the verifier's clock)
 * @param taskIdentifier the task's {@code ReplicationTaskIdentifier} (the name you gave it), when DMS reported it
 */
public record TaskProgress(String taskArn, TaskStatus status, Optional<StopReason> stopReason, String migrationType,
                           OptionalInt fullLoadProgressPercent, int tablesLoaded, int tablesLoading, int tablesQueued,
                           int tablesErrored, Optional<Instant> fullLoadFinishDate,
                           Optional<String> lastFailureMessage, List<DmsTableStatistics> tables, Instant observedAt,
                           Optional<String> taskIdentifier) {

    /** Validates and copies. */
    public TaskProgress {
        Checks.require(taskArn, "taskArn", "TaskProgress");
        Checks.require(status, "status", "TaskProgress");
        Checks.require(stopReason, "stopReason", "TaskProgress");
        Checks.require(migrationType, "migrationType", "TaskProgress");
        Checks.require(fullLoadProgressPercent, "fullLoadProgressPercent", "TaskProgress");
        Checks.require(fullLoadFinishDate, "fullLoadFinishDate", "TaskProgress");
        Checks.require(lastFailureMessage, "lastFailureMessage", "TaskProgress");
        Checks.require(observedAt, "observedAt", "TaskProgress");
        Checks.require(taskIdentifier, "taskIdentifier", "TaskProgress");
        tables = Checks.copyOf(tables, "tables", "TaskProgress");
    }

    /**
     * The progress of a task known by its ARN only (no {@link #taskIdentifier()}).
     *
     * @param taskArn the task
     * @param status its status
     * @param stopReason its stop reason, when it has one
     * @param migrationType its migration type
     * @param fullLoadProgressPercent {@code FullLoadProgressPercent}, when reported
     * @param tablesLoaded {@code TablesLoaded}
     * @param tablesLoading {@code TablesLoading}
     * @param tablesQueued {@code TablesQueued}
     * @param tablesErrored {@code TablesErrored}
     * @param fullLoadFinishDate {@code FullLoadFinishDate}, when the full load has finished
     * @param lastFailureMessage {@code LastFailureMessage}, when the task has one
     * @param tables every table's statistics
     * @param observedAt when this was read
     */
    public TaskProgress(String taskArn, TaskStatus status, Optional<StopReason> stopReason, String migrationType,
                        OptionalInt fullLoadProgressPercent, int tablesLoaded, int tablesLoading, int tablesQueued,
                        int tablesErrored, Optional<Instant> fullLoadFinishDate, Optional<String> lastFailureMessage,
                        List<DmsTableStatistics> tables, Instant observedAt) {
        this(taskArn, status, stopReason, migrationType, fullLoadProgressPercent, tablesLoaded, tablesLoading,
                tablesQueued, tablesErrored, fullLoadFinishDate, lastFailureMessage, tables, observedAt,
                Optional.empty());
    }

    /**
     * {@return how messages name the task: {@code 'orders-to-s3' (arn:aws:dms:…:task:ABC)}, or the ARN alone when the
     * identifier is not known}
     */
    public String taskName() {
        return taskIdentifier.map(id -> "'" + id + "' (" + taskArn + ")").orElse(taskArn);
    }

    /** {@return whether the task replicates ongoing changes ({@code cdc} or {@code full-load-and-cdc})} */
    public boolean appliesCdc() {
        String m = migrationType.toLowerCase(Locale.ROOT);
        return m.equals("cdc") || m.equals("full-load-and-cdc");
    }

    /**
     * Whether data can still arrive on the target by itself: the task is not {@code stopping}, {@code stopped},
     * {@code failed}, {@code failed-move} or {@code deleting}. A {@code running} task is active; so is one that is
     * {@code starting}, {@code ready} (not started yet) or being modified.
     *
     * @return whether the task is active
     */
    public boolean isActive() {
        return status != TaskStatus.STOPPING && status != TaskStatus.STOPPED && status != TaskStatus.FAILED
                && status != TaskStatus.FAILED_MOVE && status != TaskStatus.DELETING;
    }

    /**
     * Whether the task's full load is over, by DMS's own task-level figures: a {@code cdc} task has none; otherwise
     * {@code FullLoadFinishDate} is set, or {@code FullLoadProgressPercent} is 100 with no table loading or queued,
     * or the task stopped with {@code FULL_LOAD_ONLY_FINISHED}, {@code STOPPED_AFTER_FULL_LOAD} or
     * {@code STOPPED_AFTER_CACHED_EVENTS}. Table states are not consulted here; {@link Verifier#awaitFullLoad}
     * also requires every selected table to be {@code Table completed}.
     *
     * @return whether the full load has finished
     */
    public boolean fullLoadFinished() {
        if (migrationType.equalsIgnoreCase("cdc")) {
            return true;
        }
        if (fullLoadFinishDate.isPresent()) {
            return true;
        }
        if (fullLoadProgressPercent.orElse(0) >= 100 && tablesLoading == 0 && tablesQueued == 0) {
            return true;
        }
        return stopReason.filter(r -> r == StopReason.FULL_LOAD_ONLY_FINISHED || r == StopReason.STOPPED_AFTER_FULL_LOAD
                || r == StopReason.STOPPED_AFTER_CACHED_EVENTS).isPresent();
    }

    /**
     * {@return that table's statistics, when DMS lists it}
     *
     * @param schema source schema (case-insensitive)
     * @param table source table (case-insensitive)
     */
    public Optional<DmsTableStatistics> table(String schema, String table) {
        return tables.stream().filter(t -> t.schema() != null && t.table() != null
                && t.schema().equalsIgnoreCase(schema) && t.table().equalsIgnoreCase(table)).findFirst();
    }

    /** {@return a one-line summary, e.g. {@code running (full-load-and-cdc), full load 100 %, 3 loaded, 0 loading}} */
    public String summary() {
        StringBuilder sb = new StringBuilder(status.wireValue());
        stopReason.ifPresent(r -> sb.append(" (").append(r.text()).append(')'));
        sb.append(", ").append(migrationType);
        fullLoadProgressPercent.ifPresent(p -> sb.append(", full load ").append(p).append(" %"));
        sb.append(", tables loaded ").append(tablesLoaded).append(" / loading ").append(tablesLoading)
                .append(" / queued ").append(tablesQueued).append(" / errored ").append(tablesErrored);
        fullLoadFinishDate.ifPresent(d -> sb.append(", full load finished ").append(d));
        return sb.toString();
    }
}
