package io.dmskit.verify.internal;

import io.dmskit.verify.VerificationException;
import io.dmskit.verify.report.DmsTableStatistics;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.Replication;
import software.amazon.awssdk.services.databasemigration.model.ReplicationConfig;
import software.amazon.awssdk.services.databasemigration.model.ReplicationStats;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTaskStats;
import software.amazon.awssdk.services.databasemigration.model.TableStatistics;

/**
 * Reads a DMS Serverless replication (DescribeReplicationConfigs, DescribeReplications,
 * DescribeReplicationTableStatistics) and shows it as the task the verifier already understands: the same table
 * mappings, target endpoint, status, stop reason, statistics and table statistics.
 */
final class ServerlessReplicationReader {

    /** Provisioning states: the replication is on its way to running, as a task is {@code starting}. */
    private static final Set<String> STARTING = Set.of("initializing", "preparing_metadata_resources",
        "testing_connection", "fetching_metadata", "calculating_capacity", "provisioning_capacity",
        "replication_starting");

    private ServerlessReplicationReader() {
    }

    /**
     * @param arn an ARN
     * @return whether it names a replication config ({@code arn:aws:dms:<region>:<account>:replication-config:...})
     */
    static boolean isConfigArn(String arn) {
        return arn != null && arn.contains(":replication-config:");
    }

    /**
     * @param dms the client
     * @param arn the replication config's ARN
     * @return the config and its replication as a task (status {@code ready} before the first start)
     * @throws VerificationException when DMS cannot be read or the config is not found
     */
    static ReplicationTask describe(DatabaseMigrationClient dms, String arn) {
        ReplicationConfig c;
        Replication r;
        try {
            c = dms.describeReplicationConfigs(b -> b.filters(f -> f.name("replication-config-arn").values(arn)))
                .replicationConfigs().stream().findFirst().orElse(null);
            r = c == null ? null : replication(dms, arn);
        } catch (RuntimeException e) {
            throw new VerificationException("DescribeReplicationConfigs failed for " + arn + ": " + e.getMessage(), arn,
                "DescribeReplicationConfigs", e);
        }
        if (c == null) {
            throw new VerificationException("replication config " + arn + " was not found", arn,
                "DescribeReplicationConfigs", null);
        }
        ReplicationTask.Builder t = ReplicationTask.builder().replicationTaskArn(arn)
            .replicationTaskIdentifier(c.replicationConfigIdentifier()).tableMappings(c.tableMappings())
            .sourceEndpointArn(c.sourceEndpointArn()).targetEndpointArn(c.targetEndpointArn())
            .migrationType(c.replicationTypeAsString()).status(r == null ? "ready" : taskStatus(r.status()));
        if (r != null) {
            t.stopReason(r.stopReason());
            if (r.hasFailureMessages() && !r.failureMessages().isEmpty()) {
                t.lastFailureMessage(String.join("; ", r.failureMessages()));
            }
            ReplicationStats s = r.replicationStats();
            if (s != null) {
                t.replicationTaskStartDate(s.startDate()).replicationTaskStats(ReplicationTaskStats.builder()
                    .fullLoadProgressPercent(s.fullLoadProgressPercent()).elapsedTimeMillis(s.elapsedTimeMillis())
                    .tablesLoaded(s.tablesLoaded()).tablesLoading(s.tablesLoading()).tablesQueued(s.tablesQueued())
                    .tablesErrored(s.tablesErrored()).startDate(s.startDate()).stopDate(s.stopDate())
                    .fullLoadStartDate(s.fullLoadStartDate()).fullLoadFinishDate(s.fullLoadFinishDate())
                    .freshStartDate(s.freshStartDate()).build());
            }
        }
        return t.build();
    }

    private static Replication replication(DatabaseMigrationClient dms, String arn) {
        try {
            return dms.describeReplications(b -> b.filters(f -> f.name("replication-config-arn").values(arn)))
                .replications().stream().findFirst().orElse(null);
        } catch (software.amazon.awssdk.services.databasemigration.model.ResourceNotFoundException e) {
            return null;   // the config never started
        }
    }

    private static String taskStatus(String status) {
        String s = status == null ? "" : status.toLowerCase(Locale.ROOT);
        return STARTING.contains(s) ? "starting" : s.equals("created") ? "ready" : s;
    }

    /**
     * @param dms the client
     * @param arn the replication config's ARN
     * @param out where the statistics go, by {@link TableKey}
     * @throws VerificationException when DescribeReplicationTableStatistics fails
     */
    static void tableStatistics(DatabaseMigrationClient dms, String arn, Map<String, DmsTableStatistics> out) {
        try {
            for (var page : dms.describeReplicationTableStatisticsPaginator(b -> b.replicationConfigArn(arn)
                .maxRecords(500))) {
                for (TableStatistics s : page.replicationTableStatistics()) {
                    out.put(TableKey.of(s.schemaName(), s.tableName()), new DmsTableStatistics(s.schemaName(),
                        s.tableName(), n(s.fullLoadRows()), n(s.inserts()), n(s.updates()), n(s.deletes()),
                        s.tableState(), s.validationState()));
                }
            }
        } catch (software.amazon.awssdk.services.databasemigration.model.ResourceNotFoundException e) {
            return;   // never started: no statistics yet
        } catch (RuntimeException e) {
            throw new VerificationException("DescribeReplicationTableStatistics failed for " + arn + ": "
                + e.getMessage(), arn, "DescribeReplicationTableStatistics", e);
        }
    }

    private static long n(Long v) {
        return v == null ? 0 : v;
    }
}
