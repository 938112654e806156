package io.dmskit.testkit.dataplane;

import java.time.Clock;
import java.util.Optional;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.databasemigration.model.Endpoint;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;
import software.amazon.awssdk.services.databasemigration.model.StartReplicationTaskTypeValue;
import software.amazon.awssdk.services.databasemigration.model.TableStatistics;

/**
 * What {@code FakeDms} hands a {@link ReplicationEngine} when a task starts, and the callbacks through which the
 * engine reports progress. All methods are thread-safe.
 */
public interface ReplicationContext {

    /** {@return the task as DescribeReplicationTasks shows it at start (settings and table mappings as JSON)} */
    ReplicationTask task();

    /** {@return how the task was started} */
    StartReplicationTaskTypeValue startType();

    /** {@return CdcStartPosition or CdcStartTime given on start, in DMS's textual form} */
    Optional<String> cdcStartPosition();

    /** {@return the position the engine last recorded with {@link #checkpoint(String)}, for resume-processing} */
    Optional<String> lastCheckpoint();

    /** {@return the source endpoint as DescribeEndpoints shows it} */
    Endpoint sourceEndpoint();

    /** {@return the target endpoint as DescribeEndpoints shows it} */
    Endpoint targetEndpoint();

    /** {@return credentials of the source endpoint} */
    EndpointCredentials sourceCredentials();

    /** {@return credentials of the target endpoint} */
    EndpointCredentials targetCredentials();

    /** {@return the fake's clock: use it for timestamps in table statistics and output} */
    Clock clock();

    /**
     * Creates or updates the table statistics of one table of this task. {@code FakeDms} fills in the schema and
     * table names and {@code LastUpdateTime}; task-level {@code ReplicationTaskStats} are derived from the sum.
     *
     * @param schema source schema name
     * @param table source table name
     * @param update applied to the current statistics (a new builder with zero counters the first time)
     */
    void updateTableStatistics(String schema, String table, UnaryOperator<TableStatistics.Builder> update);

    /**
     * Full load of every table has finished. A {@code full-load} task then stops with
     * {@code Stop Reason FULL_LOAD_ONLY_FINISHED}; a {@code full-load-and-cdc} task stays {@code running}
     * (FullLoadProgressPercent 100) and goes on with CDC.
     */
    void fullLoadFinished();

    /** Records the CDC position reached (opaque to FakeDms), kept across stop and resume-processing. */
    void checkpoint(String position);

    /**
     * The task failed: it goes to {@code failed} with this {@code LastFailureMessage} and
     * {@code Stop Reason FATAL_ERROR}.
     */
    void fail(String lastFailureMessage);
}
