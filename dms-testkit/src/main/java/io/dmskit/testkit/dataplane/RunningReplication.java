package io.dmskit.testkit.dataplane;

import java.util.List;
import software.amazon.awssdk.services.databasemigration.model.ReloadOptionValue;
import software.amazon.awssdk.services.databasemigration.model.TableToReload;

/** A task's replication in progress, as returned by {@link ReplicationEngine#start}. */
public interface RunningReplication {

    /**
     * Stops replication (StopReplicationTask, DeleteReplicationTask or FakeDms shutdown). Returns once no more data
     * moves; the engine records its CDC position through {@link ReplicationContext#checkpoint(String)} before it
     * returns, so that a later {@code resume-processing} start continues from there.
     */
    void stop();

    /**
     * ReloadTables on the running task. {@code FakeDms} has already validated the request (task running, at most 10
     * tables, no duplicates, not a {@code cdc} task) and shown the tables as {@code Table is being reloaded}
     * ({@code data-reload}) or their {@code ValidationState} as {@code Pending revalidation} ({@code validate-only}).
     * For {@code data-reload} the engine loads the tables again (applying the task's {@code TargetTablePrepMode}
     * first, as DMS does) while the task keeps running, and reports through
     * {@link ReplicationContext#updateTableStatistics}: {@code Full load} with {@code FullLoadRows} as rows move,
     * then {@code Table completed}. Must return quickly: the reload runs on the engine's threads. Called outside
     * {@code FakeDms}'s lock, possibly concurrently with {@link #stop()}.
     *
     * <p>The default does nothing: the tables then stay {@code Table is being reloaded} until the engine reports
     * otherwise.
     *
     * @param tables the tables to reload, as given on the request (source schema and table names)
     * @param option {@code data-reload} or {@code validate-only}
     */
    default void reload(List<TableToReload> tables, ReloadOptionValue option) {
    }
}
