package io.dmskit.testkit.internal.fake;

import io.dmskit.testkit.dataplane.RunningReplication;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;
import software.amazon.awssdk.services.databasemigration.model.TableStatistics;

/**
 * A replication task: its model (without statistics), its tables and its run. A serverless replication runs as a
 * task record too (see {@link ReplicationOps}): it is then not in the region's task list, {@link #config} names its
 * replication config and {@link #listener} hears every status change.
 */
final class TaskRecord extends Resource {
    /** The task as described, without ReplicationTaskStats (computed when described). */
    ReplicationTask model;
    /** Table statistics by "schema\u0000table", in the order first reported. */
    final Map<String, TableStatistics> tables = new LinkedHashMap<>();
    boolean everStarted;
    boolean fullLoadFinished;
    Instant freshStartDate;
    Instant fullLoadStartDate;
    Instant fullLoadFinishDate;
    Instant stopDate;
    /** Status to return to after modifying or moving. */
    String statusBeforeTransition;
    /** The current run of the replication engine, if any. */
    RunningReplication running;
    /** Increments per start: engine callbacks of an older run are ignored. */
    long run;
    /** ReloadTables calls that arrived while the engine's run was still starting: delivered once it has started. */
    final java.util.List<Runnable> pendingReloads = new java.util.ArrayList<>();
    String lastStartType;
    String lastCdcStartPosition;
    /** The result of the last StartReplicationTaskAssessment, if any. */
    software.amazon.awssdk.services.databasemigration.model.ReplicationTaskAssessmentResult assessment;

    /** The replication config this record runs for, or null for a replication task. */
    ConfigRecord config;
    /** Called after every status change (under the lock), or null. */
    java.util.function.Consumer<TaskRecord> listener;

    TaskRecord(String arn, ReplicationTask model) {
        super(arn);
        this.model = model;
    }

    String id() {
        return model.replicationTaskIdentifier();
    }

    String status() {
        return model.status();
    }

    void status(String status) {
        model = model.toBuilder().status(status).build();
        bump();
        if (listener != null) {
            listener.accept(this);
        }
    }

    /** Records a DMS event for a replication task; serverless replications record none. */
    void event(World w, String category, String message) {
        if (config == null) {
            w.event("replication-task", id(), category, message);
        }
    }

    static String tableKey(String schema, String table) {
        return schema + "\u0000" + table;
    }
}
