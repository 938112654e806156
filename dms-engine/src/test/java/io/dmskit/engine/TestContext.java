package io.dmskit.engine;

import io.dmskit.testkit.dataplane.EndpointCredentials;
import io.dmskit.testkit.dataplane.ReplicationContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.databasemigration.model.Endpoint;
import software.amazon.awssdk.services.databasemigration.model.MigrationTypeValue;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;
import software.amazon.awssdk.services.databasemigration.model.StartReplicationTaskTypeValue;
import software.amazon.awssdk.services.databasemigration.model.TableStatistics;

/** A recording {@link ReplicationContext} for engine tests that do not go through FakeDms. */
final class TestContext implements ReplicationContext {

    private final ReplicationTask task;
    private final Endpoint source;
    private final Endpoint target;
    private final EndpointCredentials sourceCredentials;
    private final EndpointCredentials targetCredentials;
    private final StartReplicationTaskTypeValue startType;
    private final Optional<String> lastCheckpoint;
    private final Map<String, TableStatistics> stats = new ConcurrentHashMap<>();
    private final List<String> history = java.util.Collections.synchronizedList(new ArrayList<>());
    volatile boolean fullLoadFinished;
    volatile String checkpoint;
    volatile String failure;

    TestContext(ReplicationTask task, Endpoint source, EndpointCredentials sourceCredentials, Endpoint target,
                EndpointCredentials targetCredentials, StartReplicationTaskTypeValue startType,
                Optional<String> lastCheckpoint) {
        this.task = task;
        this.source = source;
        this.target = target;
        this.sourceCredentials = sourceCredentials;
        this.targetCredentials = targetCredentials;
        this.startType = startType;
        this.lastCheckpoint = lastCheckpoint;
    }

    static ReplicationTask task(String id, MigrationTypeValue type, String mappings, String settings) {
        return ReplicationTask.builder().replicationTaskIdentifier(id)
                .replicationTaskArn("arn:aws:dms:us-east-1:123456789012:task:" + id)
                .migrationType(type).tableMappings(mappings).replicationTaskSettings(settings).build();
    }

    /** @return a context for resuming this task from its last checkpoint */
    TestContext resumed() {
        return new TestContext(task, source, sourceCredentials, target, targetCredentials,
                StartReplicationTaskTypeValue.RESUME_PROCESSING, Optional.ofNullable(checkpoint));
    }

    @Override
    public ReplicationTask task() {
        return task;
    }

    @Override
    public StartReplicationTaskTypeValue startType() {
        return startType;
    }

    @Override
    public Optional<String> cdcStartPosition() {
        return Optional.empty();
    }

    @Override
    public Optional<String> lastCheckpoint() {
        return lastCheckpoint;
    }

    @Override
    public Endpoint sourceEndpoint() {
        return source;
    }

    @Override
    public Endpoint targetEndpoint() {
        return target;
    }

    @Override
    public EndpointCredentials sourceCredentials() {
        return sourceCredentials;
    }

    @Override
    public EndpointCredentials targetCredentials() {
        return targetCredentials;
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    public void updateTableStatistics(String schema, String table, UnaryOperator<TableStatistics.Builder> update) {
        stats.compute(schema + "." + table, (k, old) -> {
            TableStatistics.Builder b = old == null ? TableStatistics.builder().schemaName(schema).tableName(table)
                    .inserts(0L).updates(0L).deletes(0L).fullLoadRows(0L) : old.toBuilder();
            TableStatistics s = update.apply(b).build();
            if (old == null || !java.util.Objects.equals(old.tableState(), s.tableState())) {
                history.add(k + ":" + s.tableState());
            }
            return s;
        });
    }

    @Override
    public void fullLoadFinished() {
        fullLoadFinished = true;
    }

    @Override
    public void checkpoint(String position) {
        checkpoint = position;
    }

    @Override
    public void fail(String lastFailureMessage) {
        failure = lastFailureMessage;
    }

    TableStatistics stats(String schemaDotTable) {
        return stats.get(schemaDotTable);
    }

    Map<String, TableStatistics> allStats() {
        return Map.copyOf(stats);
    }

    /** @return the sequence of table states seen, as "schema.table:state" */
    List<String> stateHistory() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    @Override
    public String toString() {
        return "TestContext[fullLoadFinished=" + fullLoadFinished + ", failure=" + failure + ", checkpoint="
                + checkpoint + ", stats=" + stats.values() + "]";
    }
}
