package io.dmskit.testkit.dataplane;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.databasemigration.model.Endpoint;
import software.amazon.awssdk.services.databasemigration.model.ReplicationConfig;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;
import software.amazon.awssdk.services.databasemigration.model.StartReplicationTaskTypeValue;
import software.amazon.awssdk.services.databasemigration.model.TableStatistics;

/**
 * What {@code FakeDms} hands a {@link ReplicationEngine} when a task, or a DMS Serverless replication, starts, and the
 * callbacks through which the engine reports progress. A serverless replication reaches the engine exactly as a task
 * does (see {@link #task()}); its table statistics are what DescribeReplicationTableStatistics shows, and
 * {@link #fail(String)} fills the replication's {@code FailureMessages}. All methods are thread-safe.
 */
public interface ReplicationContext {

    /**
     * The task being run, as DescribeReplicationTasks shows it (settings and table mappings as JSON). For a DMS
     * Serverless replication this is the replication config presented as a task: {@code ReplicationTaskArn} and
     * {@code ReplicationTaskIdentifier} are the config's ARN and identifier, {@code MigrationType} its
     * {@code ReplicationType}, {@code ReplicationTaskSettings} its {@code ReplicationSettings}, and
     * {@code TableMappings} and the endpoints its own; see {@link #replicationConfig()}.
     *
     * @return the task, or the serverless replication as a task
     */
    ReplicationTask task();

    /**
     * {@return the replication config when this run is a DMS Serverless replication (StartReplication), empty for a
     * replication task (StartReplicationTask). Added with serverless support; engines that ignore it run both the same
     * way through {@link #task()}}
     */
    default Optional<ReplicationConfig> replicationConfig() {
        return Optional.empty();
    }

    /**
     * {@return how the task was started}
     */
    StartReplicationTaskTypeValue startType();

    /**
     * {@return CdcStartPosition or CdcStartTime given on start, in DMS's textual form}
     */
    Optional<String> cdcStartPosition();

    /**
     * {@return the position the engine last recorded with {@link #checkpoint(String)}, for resume-processing}
     */
    Optional<String> lastCheckpoint();

    /**
     * {@return the source endpoint as DescribeEndpoints shows it}
     */
    Endpoint sourceEndpoint();

    /**
     * {@return the target endpoint as DescribeEndpoints shows it}
     */
    Endpoint targetEndpoint();

    /**
     * {@return credentials of the source endpoint}
     */
    EndpointCredentials sourceCredentials();

    /**
     * {@return credentials of the target endpoint}
     */
    EndpointCredentials targetCredentials();

    /**
     * {@return the fake's clock: use it for timestamps in table statistics and output}
     */
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

    /**
     * Reports the CDC latency the engine measured when it applied changes, which {@code FakeDms} publishes as the
     * {@code AWS/DMS} metrics {@code CDCLatencySource} and {@code CDCLatencyTarget} (and the pending count as
     * {@code CDCIncomingChanges}) when a CloudWatch client is attached. The default ignores it.
     *
     * @param sourceLatency from the source's commit of the newest change read to the moment the engine read it
     * @param targetLatency from the source's commit of the oldest change just applied to the moment the target
     *     confirmed it (includes the source latency)
     * @param pendingChanges changes read from the source and not yet applied to the target
     */
    default void cdcLatency(Duration sourceLatency, Duration targetLatency, long pendingChanges) {
        // optional: an engine that does not measure latency publishes none
    }

    /**
     * Writes a line to the task's log, which {@code FakeDms} puts into CloudWatch Logs in DMS's format
     * ({@code 2026-01-01T10:00:00 [SOURCE_CAPTURE  ]I:  message  (file.c:123)}) when the task's settings enable
     * logging and the component's {@code LogComponents} severity shows it. FakeDms itself writes the lines DMS writes
     * for task start, table loads, full-load end, CDC start, stops and failures; an engine adds what only it knows
     * (how it captures changes, retries). The default ignores it.
     *
     * @param severity the severity
     * @param component a DMS log component, e.g. {@code SOURCE_CAPTURE}, {@code TARGET_APPLY}
     * @param message the message (one line)
     */
    default void log(TaskLogSeverity severity, String component, String message) {
        // optional
    }
}
