package io.dmskit.observe.internal;

import io.dmskit.core.exception.DmsKitException;
import io.dmskit.observe.DmsMetrics;
import io.dmskit.observe.MetricValues;
import io.dmskit.observe.ResourceType;
import io.dmskit.observe.TableState;
import io.dmskit.observe.TaskSnapshot;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationTableStatisticsResponse;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationTasksResponse;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationsResponse;
import software.amazon.awssdk.services.databasemigration.model.DescribeTableStatisticsResponse;
import software.amazon.awssdk.services.databasemigration.model.Filter;
import software.amazon.awssdk.services.databasemigration.model.Replication;
import software.amazon.awssdk.services.databasemigration.model.ReplicationStats;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTaskStats;
import software.amazon.awssdk.services.databasemigration.model.TableStatistics;

/**
 * Snapshots: tasks from {@code DescribeReplicationTasks} (by filter for a few, by pages for many), instance
 * identifiers from {@code DescribeReplicationInstances} pages, metrics from {@link MetricReader}, per-table states
 * from {@code DescribeTableStatistics} (one paginated call per task, so only when asked for).
 */
public final class Snapshots {

    /** Up to this many tasks are asked for by filter; more are found by paging through every task. */
    static final int FILTER_LIMIT = 20;

    private final DatabaseMigrationClient dms;
    private final AwsCalls aws;
    private final Discoverer discoverer;
    private final MetricReader metrics;
    private final Clock clock;

    /**
     * @param dms DMS client
     * @param aws call counter
     * @param discoverer discovery (for instance identifiers)
     * @param metrics metric reader
     * @param clock clock
     */
    public Snapshots(DatabaseMigrationClient dms, AwsCalls aws, Discoverer discoverer, MetricReader metrics,
                     Clock clock) {
        this.dms = dms;
        this.aws = aws;
        this.discoverer = discoverer;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * @param tasks task ARNs or identifiers
     * @param withTables whether to read per-table states
     * @return one snapshot per task, in the order asked
     * @throws DmsKitException naming the tasks DMS does not know
     */
    public List<TaskSnapshot> tasks(Collection<String> tasks, boolean withTables) {
        Set<String> wanted = new LinkedHashSet<>(tasks);
        Map<String, ReplicationTask> found = describe(wanted);
        List<String> missing = wanted.stream().filter(w -> !found.containsKey(w)).toList();
        if (!missing.isEmpty()) {
            throw new DmsKitException("no replication task " + missing + " in DMS", String.join(",", missing),
                "snapshot", "ResourceNotFoundFault", null, null);
        }
        Map<String, String> instances = discoverer.instanceIdentifiersByArn();
        List<MetricReader.Request> requests = new ArrayList<>();
        for (String w : wanted) {
            ReplicationTask t = found.get(w);
            String instance = instances.get(t.replicationInstanceArn());
            if (instance == null) {
                continue;
            }
            Map<String, String> dims = MetricReader.taskDimensions(instance, DmsMetrics.resourceId(
                t.replicationTaskArn()));
            for (String m : DmsMetrics.TASK_METRICS) {
                requests.add(new MetricReader.Request(t.replicationTaskArn(), m, dims));
            }
        }
        Map<String, MetricValues> values = metrics.latest(requests);
        List<TaskSnapshot> out = new ArrayList<>();
        for (String w : wanted) {
            ReplicationTask t = found.get(w);
            ReplicationTaskStats st = t.replicationTaskStats();
            TaskSnapshot.Builder b = TaskSnapshot.builder(t.replicationTaskIdentifier(), t.replicationTaskArn())
                .instanceIdentifier(instances.get(t.replicationInstanceArn()))
                .migrationType(t.migrationTypeAsString()).status(t.status()).stopReason(t.stopReason())
                .lastFailure(t.lastFailureMessage())
                .metrics(values.getOrDefault(t.replicationTaskArn(), MetricValues.none(metrics.period())))
                .observedAt(clock.instant());
            if (st != null) {
                b.fullLoadProgressPercent(clamp(st.fullLoadProgressPercent()))
                    .tables(nn(st.tablesLoaded()), nn(st.tablesLoading()), nn(st.tablesQueued()),
                        nn(st.tablesErrored()))
                    .elapsed(Duration.ofMillis(st.elapsedTimeMillis() == null ? 0 : st.elapsedTimeMillis()));
            }
            if (withTables) {
                b.tableStates(tableStates(t.replicationTaskArn()));
            }
            out.add(b.build());
        }
        return out;
    }

    /**
     * @param config a replication config ARN or identifier
     * @param withTables whether to read per-table states
     * @return the serverless replication's snapshot (DMS publishes no per-task CloudWatch metrics this reader knows
     *     the dimensions of for serverless replications, so its metrics are empty)
     */
    public TaskSnapshot replication(String config, boolean withTables) {
        String filter = config.startsWith("arn:") ? "replication-config-arn" : "replication-config-id";
        DescribeReplicationsResponse r = aws.call("DescribeReplications", config, () -> dms.describeReplications(b -> b
            .filters(Filter.builder().name(filter).values(config).build())));
        if (r.replications().isEmpty()) {
            throw new DmsKitException("no replication for config " + config + " in DMS", config, "snapshot",
                "ResourceNotFoundFault", null, null);
        }
        Replication rep = r.replications().get(0);
        ReplicationStats st = rep.replicationStats();
        TaskSnapshot.Builder b = TaskSnapshot.builder(rep.replicationConfigIdentifier(), rep.replicationConfigArn())
            .type(ResourceType.REPLICATION_CONFIG).migrationType(rep.replicationTypeAsString())
            .status(rep.status()).stopReason(rep.stopReason())
            .lastFailure(rep.hasFailureMessages() && !rep.failureMessages().isEmpty()
                ? String.join("; ", rep.failureMessages()) : null)
            .metrics(MetricValues.none(metrics.period())).observedAt(clock.instant());
        if (st != null) {
            b.fullLoadProgressPercent(clamp(st.fullLoadProgressPercent()))
                .tables(nn(st.tablesLoaded()), nn(st.tablesLoading()), nn(st.tablesQueued()), nn(st.tablesErrored()))
                .elapsed(Duration.ofMillis(st.elapsedTimeMillis() == null ? 0 : st.elapsedTimeMillis()));
        }
        if (withTables) {
            List<TableState> tables = new ArrayList<>();
            String marker = null;
            do {
                String m = marker;
                DescribeReplicationTableStatisticsResponse tr = aws.call("DescribeReplicationTableStatistics", config,
                    () -> dms.describeReplicationTableStatistics(x -> x.replicationConfigArn(rep.replicationConfigArn())
                        .maxRecords(500).marker(m)));
                tr.replicationTableStatistics().forEach(t -> tables.add(table(t)));
                marker = tr.marker();
            } while (marker != null && !marker.isEmpty());
            b.tableStates(tables);
        }
        return b.build();
    }

    private List<TableState> tableStates(String taskArn) {
        List<TableState> tables = new ArrayList<>();
        String marker = null;
        do {
            String m = marker;
            DescribeTableStatisticsResponse r = aws.call("DescribeTableStatistics", taskArn,
                () -> dms.describeTableStatistics(b -> b.replicationTaskArn(taskArn).maxRecords(500).marker(m)));
            r.tableStatistics().forEach(t -> tables.add(table(t)));
            marker = r.marker();
        } while (marker != null && !marker.isEmpty());
        return tables;
    }

    private static TableState table(TableStatistics t) {
        return new TableState(t.schemaName(), t.tableName(), t.tableState(), nl(t.fullLoadRows()), nl(t.inserts()),
            nl(t.updates()), nl(t.deletes()), nl(t.ddls()), nl(t.fullLoadErrorRows()));
    }

    private Map<String, ReplicationTask> describe(Set<String> wanted) {
        Map<String, ReplicationTask> found = new LinkedHashMap<>();
        if (wanted.size() <= FILTER_LIMIT) {
            List<String> arns = wanted.stream().filter(w -> w.startsWith("arn:")).toList();
            List<String> ids = wanted.stream().filter(w -> !w.startsWith("arn:")).toList();
            if (!arns.isEmpty()) {
                page(List.of(Filter.builder().name("replication-task-arn").values(arns).build()), wanted, found);
            }
            if (!ids.isEmpty()) {
                page(List.of(Filter.builder().name("replication-task-id").values(ids).build()), wanted, found);
            }
        } else {
            page(List.of(), wanted, found);
        }
        return found;
    }

    private void page(List<Filter> filters, Set<String> wanted, Map<String, ReplicationTask> found) {
        String marker = null;
        do {
            String m = marker;
            DescribeReplicationTasksResponse r;
            try {
                r = aws.call("DescribeReplicationTasks", "replication tasks", () -> dms.describeReplicationTasks(b -> b
                    .filters(filters).maxRecords(Discoverer.PAGE).marker(m).withoutSettings(true)));
            } catch (DmsKitException e) {
                if ("ResourceNotFoundFault".equals(e.awsErrorCode().orElse(null))) {
                    return; // DMS answers a filter that matches nothing with ResourceNotFoundFault
                }
                throw e;
            }
            for (ReplicationTask t : r.replicationTasks()) {
                if (wanted.contains(t.replicationTaskArn())) {
                    found.put(t.replicationTaskArn(), t);
                }
                if (wanted.contains(t.replicationTaskIdentifier())) {
                    found.put(t.replicationTaskIdentifier(), t);
                }
            }
            marker = r.marker();
        } while (marker != null && !marker.isEmpty());
    }

    private static int nn(Integer v) {
        return v == null ? 0 : Math.max(0, v);
    }

    private static long nl(Long v) {
        return v == null ? 0 : v;
    }

    private static int clamp(Integer v) {
        return v == null ? 0 : Math.max(0, Math.min(100, v));
    }
}
