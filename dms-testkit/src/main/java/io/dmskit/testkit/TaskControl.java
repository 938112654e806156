package io.dmskit.testkit;

import io.dmskit.model.StopReason;
import java.util.List;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;
import software.amazon.awssdk.services.databasemigration.model.TableStatistics;

/**
 * The scripted data plane of one replication task of a {@link FakeDms}: what a test does in place of real
 * replication. Obtained with {@link FakeDms#task(String)}; every method is thread-safe and returns this control so
 * steps read as a script:
 *
 * <pre>{@code
 * dms.task("orders-task")
 *    .tableStatistics("shop", "orders", s -> s.tableState("Full load").fullLoadRows(500L))
 *    .finishFullLoad()
 *    .tableStatistics("shop", "orders", s -> s.inserts(3L).appliedInserts(3L));
 * }</pre>
 */
public interface TaskControl {

    /** {@return the task's ARN} */
    String arn();

    /** {@return the task as DescribeReplicationTasks would show it now} */
    ReplicationTask describe();

    /** {@return the task's current status ({@code ready}, {@code running}, {@code stopped} ...)} */
    String status();

    /**
     * Creates or updates the statistics of one table, as DescribeTableStatistics will show them. The first update of
     * a table starts from zero counters and {@code TableState "Before load"}; {@code LastUpdateTime} is set to the
     * fake's clock.
     *
     * @param schema source schema
     * @param table source table
     * @param update changes to apply
     * @return this control
     */
    TaskControl tableStatistics(String schema, String table, UnaryOperator<TableStatistics.Builder> update);

    /**
     * Sets one table's {@code TableState} (for example {@code "Full load"}, {@code "Table completed"},
     * {@code "Table error"}).
     *
     * @param schema source schema
     * @param table source table
     * @param tableState the state text as DMS shows it
     * @return this control
     */
    TaskControl tableState(String schema, String table, String tableState);

    /** {@return the statistics of every table of the task, in the order tables were first reported} */
    List<TableStatistics> tableStatistics();

    /**
     * Ends the full load of a running task: every table not in error becomes {@code Table completed},
     * {@code FullLoadProgressPercent} becomes 100; a {@code full-load} task then stops with
     * {@code Stop Reason FULL_LOAD_ONLY_FINISHED}, a {@code full-load-and-cdc} task keeps running (CDC).
     *
     * @return this control
     * @throws IllegalStateException when the task is not running
     */
    TaskControl finishFullLoad();

    /**
     * Fails the task: status {@code failed}, {@code LastFailureMessage} as given,
     * {@code Stop Reason FATAL_ERROR}.
     *
     * @param lastFailureMessage the message DMS would show
     * @return this control
     */
    TaskControl fail(String lastFailureMessage);

    /**
     * Stops a running task on DMS's own initiative (the task goes through {@code stopping} to {@code stopped}).
     *
     * @param reason the StopReason to show
     * @return this control
     * @throws IllegalStateException when the task is not running or starting
     */
    TaskControl stop(StopReason reason);

    /**
     * Records a CDC position as the task's {@code RecoveryCheckpoint}.
     *
     * @param position an opaque position text
     * @return this control
     */
    TaskControl checkpoint(String position);

    /**
     * Reports a CDC latency as a replication engine does ({@link io.dmskit.testkit.dataplane.ReplicationContext#cdcLatency}):
     * with a CloudWatch attached, the fake publishes it as {@code CDCLatencySource} and {@code CDCLatencyTarget} of
     * the {@code AWS/DMS} namespace at once. Use it to test dashboards, sensors and alarms without an engine.
     *
     * @param sourceLatency the source latency
     * @param targetLatency the target latency
     * @return this control
     * @throws IllegalStateException when the task is not running
     */
    default TaskControl cdcLatency(java.time.Duration sourceLatency, java.time.Duration targetLatency) {
        throw new UnsupportedOperationException("cdcLatency is not supported by " + getClass().getName());
    }

    /**
     * Writes a line to the task's log as a replication engine does
     * ({@link io.dmskit.testkit.dataplane.ReplicationContext#log}).
     *
     * @param severity the severity
     * @param component a DMS log component, e.g. {@code SOURCE_CAPTURE}
     * @param message the message
     * @return this control
     */
    default TaskControl log(io.dmskit.testkit.dataplane.TaskLogSeverity severity, String component, String message) {
        throw new UnsupportedOperationException("log is not supported by " + getClass().getName());
    }
}
