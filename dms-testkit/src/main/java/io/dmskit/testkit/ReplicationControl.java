package io.dmskit.testkit;

import io.dmskit.model.StopReason;
import java.util.List;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.databasemigration.model.Replication;
import software.amazon.awssdk.services.databasemigration.model.TableStatistics;

/**
 * The scripted data plane of one DMS Serverless replication of a {@link FakeDms}: what a test does in place of real
 * replication, the serverless counterpart of {@link TaskControl}. Obtained with {@link FakeDms#replication(String)};
 * every method is thread-safe and returns this control so steps read as a script:
 *
 * <pre>{@code
 * dms.replication("orders-config")
 *    .tableStatistics("shop", "orders", s -> s.tableState("Full load").fullLoadRows(500L))
 *    .finishFullLoad()
 *    .tableStatistics("shop", "orders", s -> s.inserts(3L).appliedInserts(3L));
 * }</pre>
 */
public interface ReplicationControl {

    /**
     * {@return the replication config's ARN (which also names its replication)}
     */
    String arn();

    /**
     * {@return the replication as DescribeReplications would show it now}
     */
    Replication describe();

    /**
     * {@return the replication's current status ({@code created}, {@code initializing} ... {@code running}, {@code
     * stopping}, {@code stopped}, {@code failed})}
     */
    String status();

    /**
     * Creates or updates the statistics of one table, as DescribeReplicationTableStatistics will show them. The first
     * update of a table starts from zero counters and {@code TableState "Before load"}; {@code LastUpdateTime} is set
     * to the fake's clock.
     *
     * @param schema source schema
     * @param table source table
     * @param update changes to apply
     * @return this control
     */
    ReplicationControl tableStatistics(String schema, String table, UnaryOperator<TableStatistics.Builder> update);

    /**
     * Sets one table's {@code TableState} (for example {@code "Full load"}, {@code "Table completed"}).
     *
     * @param schema source schema
     * @param table source table
     * @param tableState the state text as DMS shows it
     * @return this control
     */
    ReplicationControl tableState(String schema, String table, String tableState);

    /**
     * {@return the statistics of every table of the replication, in the order tables were first reported}
     */
    List<TableStatistics> tableStatistics();

    /**
     * Ends the full load of a running replication: every table not in error becomes {@code Table completed},
     * {@code FullLoadProgressPercent} becomes 100; a {@code full-load} replication then stops with
     * {@code Stop Reason FULL_LOAD_ONLY_FINISHED}, a {@code full-load-and-cdc} one keeps running (CDC).
     *
     * @return this control
     * @throws IllegalStateException when the replication is not running
     */
    ReplicationControl finishFullLoad();

    /**
     * Fails the replication: status {@code failed}, {@code FailureMessages} holding the message,
     * {@code Stop Reason FATAL_ERROR}. A replication that fails before its capacity was provisioned shows
     * {@code ProvisionState failed_provision}.
     *
     * @param failureMessage the message DMS would show
     * @return this control
     * @throws IllegalStateException when the replication is not starting, running or stopping
     */
    ReplicationControl fail(String failureMessage);

    /**
     * Stops a starting or running replication on DMS's own initiative ({@code stopping}, then {@code stopped}).
     *
     * @param reason the StopReason to show
     * @return this control
     * @throws IllegalStateException when the replication is not starting or running
     */
    ReplicationControl stop(StopReason reason);

    /**
     * Records a CDC position as the replication's {@code RecoveryCheckpoint}.
     *
     * @param position an opaque position text
     * @return this control
     */
    ReplicationControl checkpoint(String position);
}
