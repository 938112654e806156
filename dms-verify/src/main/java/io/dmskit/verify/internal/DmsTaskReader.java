package io.dmskit.verify.internal;

import io.dmskit.mappings.InvalidTableMappingsException;
import io.dmskit.mappings.TableMappings;
import io.dmskit.model.s3.S3FormatException;
import io.dmskit.verify.VerificationException;
import io.dmskit.verify.report.DmsTableStatistics;
import io.dmskit.verify.target.S3Target;
import io.dmskit.verify.target.Target;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.DescribeEndpointsResponse;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;
import software.amazon.awssdk.services.databasemigration.model.S3Settings;
import software.amazon.awssdk.services.databasemigration.model.TableStatistics;
import software.amazon.awssdk.services.s3.S3Client;

import io.dmskit.model.StopReason;
import io.dmskit.model.TaskStatus;
import io.dmskit.verify.TaskProgress;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTaskStats;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.OptionalInt;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what the verifier needs from DMS about one replication task: its table mappings, its S3 target's settings
 * (DescribeReplicationTasks, DescribeEndpoints) and its table statistics (DescribeTableStatistics). Given a DMS
 * Serverless replication config's ARN, it reads the config and its replication instead, as a task.
 */
public final class DmsTaskReader {

    private static final Logger LOG = LoggerFactory.getLogger("io.dmskit.verify");

    private final DatabaseMigrationClient dms;
    private final String taskArn;
    private final S3Client s3;

    /**
     * @param dms the DMS client; null when the verifier has none
     * @param taskArn the task's ARN; null when the verifier has none
     * @param s3 the S3 client; without it the task's S3 target is not read
     */
    public DmsTaskReader(DatabaseMigrationClient dms, String taskArn, S3Client s3) {
        this.dms = dms;
        this.taskArn = taskArn;
        this.s3 = s3;
    }

    /**
     * The table mappings and target to verify against.
     *
     * @param mappings the table mappings; null when neither given nor found
     * @param target the target; null when neither given nor found (DMS's table statistics are the target)
     */
    public record TaskView(TableMappings mappings, Target target) {
    }

    /**
     * Completes what the verifier was given from the task in DMS; asks DMS only when something is missing.
     *
     * @param mappings the table mappings the verifier was given, or null
     * @param target the target the verifier was given, or null
     * @return the given values, with the missing ones read from the task
     * @throws VerificationException when the task cannot be read, is not found or its mappings or S3 settings are
     *         invalid
     */
    public TaskView complete(TableMappings mappings, Target target) {
        if (dms == null || taskArn == null || mappings != null && target != null) {
            return new TaskView(mappings, target);
        }
        ReplicationTask task = describeTask();
        TableMappings effectiveMappings = mappings != null ? mappings : mappingsOf(task);
        Target effectiveTarget = target;
        if (target == null && s3 != null && task.targetEndpointArn() != null) {
            effectiveTarget = targetS3Settings(task.targetEndpointArn()).map(s -> s3Target(task, s)).orElse(null);
        }
        return new TaskView(effectiveMappings, effectiveTarget);
    }

    /**
     * @return DMS's table statistics of the task by {@link TableKey}; empty without a DMS client and task ARN
     * @throws VerificationException when DescribeTableStatistics fails
     */
    public Map<String, DmsTableStatistics> tableStatistics() {
        Map<String, DmsTableStatistics> out = new HashMap<>();
        if (dms == null || taskArn == null) {
            return out;
        }
        if (ServerlessReplicationReader.isConfigArn(taskArn)) {
            ServerlessReplicationReader.tableStatistics(dms, taskArn, out);
            return out;
        }
        try {
            for (var page : dms.describeTableStatisticsPaginator(b -> b.replicationTaskArn(taskArn).maxRecords(500))) {
                for (TableStatistics s : page.tableStatistics()) {
                    out.put(TableKey.of(s.schemaName(), s.tableName()), new DmsTableStatistics(s.schemaName(),
                            s.tableName(), n(s.fullLoadRows()), n(s.inserts()), n(s.updates()), n(s.deletes()),
                            s.tableState(), s.validationState()));
                }
            }
        } catch (RuntimeException e) {
            throw new VerificationException("DescribeTableStatistics failed for " + taskArn + ": " + e.getMessage(),
                    taskArn, "DescribeTableStatistics", e);
        }
        return out;
    }

    /** @return whether a DMS client and a task ARN were given */
    public boolean knowsTask() {
        return dms != null && taskArn != null;
    }

    /**
     * Reads the task's status, its ReplicationTaskStats and every table's statistics.
     *
     * @param clock stamps the observation
     * @return the task's progress now; null without a DMS client and task ARN
     * @throws VerificationException when DMS cannot be read or the task is not found
     */
    public TaskProgress progress(Clock clock) {
        if (!knowsTask()) {
            return null;
        }
        ReplicationTask t = describeTask();
        ReplicationTaskStats st = t.replicationTaskStats();
        List<DmsTableStatistics> tables = new ArrayList<>(tableStatistics().values());
        tables.sort(Comparator.comparing((DmsTableStatistics d) -> d.schema() + "." + d.table()));
        return new TaskProgress(taskArn, TaskStatus.parse(t.status()).orElse(TaskStatus.UNKNOWN),
                StopReason.parse(t.stopReason()), t.migrationTypeAsString() == null ? "" : t.migrationTypeAsString(),
                st == null || st.fullLoadProgressPercent() == null ? OptionalInt.empty()
                        : OptionalInt.of(st.fullLoadProgressPercent()),
                st == null ? 0 : i(st.tablesLoaded()), st == null ? 0 : i(st.tablesLoading()),
                st == null ? 0 : i(st.tablesQueued()), st == null ? 0 : i(st.tablesErrored()),
                Optional.ofNullable(st == null ? null : st.fullLoadFinishDate()),
                Optional.ofNullable(t.lastFailureMessage()).filter(m -> !m.isBlank()), tables, clock.instant(),
                Optional.ofNullable(t.replicationTaskIdentifier()));
    }

    /**
     * @param tables table statistics
     * @return them by {@link TableKey}
     */
    public static Map<String, DmsTableStatistics> byKey(List<DmsTableStatistics> tables) {
        Map<String, DmsTableStatistics> out = new HashMap<>();
        for (DmsTableStatistics d : tables) {
            out.put(TableKey.of(d.schema(), d.table()), d);
        }
        return out;
    }

    private static int i(Integer v) {
        return v == null ? 0 : v;
    }

    /** @return the task's ARN, or null */
    public String taskArn() {
        return taskArn;
    }

    /**
     * @return the task as DescribeReplicationTasks shows it now (a replication config and its replication, shown as
     *     a task, for a replication config ARN)
     * @throws VerificationException when it cannot be read or is not found
     */
    public ReplicationTask describeTask() {
        if (ServerlessReplicationReader.isConfigArn(taskArn)) {
            return ServerlessReplicationReader.describe(dms, taskArn);
        }
        ReplicationTask task;
        try {
            task = dms.describeReplicationTasks(b -> b.filters(f -> f.name("replication-task-arn").values(taskArn)))
                    .replicationTasks().stream().findFirst().orElse(null);
        } catch (RuntimeException e) {
            throw new VerificationException("DescribeReplicationTasks failed for " + taskArn + ": " + e.getMessage(),
                    taskArn, "DescribeReplicationTasks", e);
        }
        if (task == null) {
            throw new VerificationException("replication task " + taskArn + " was not found", taskArn,
                    "DescribeReplicationTasks", null);
        }
        return task;
    }

    private TableMappings mappingsOf(ReplicationTask task) {
        try {
            return TableMappings.fromJson(task.tableMappings());
        } catch (InvalidTableMappingsException e) {
            throw new VerificationException("the table mappings of " + taskArn + " are invalid: "
                    + e.getMessage(), taskArn, "DescribeReplicationTasks", e);
        }
    }

    private Target s3Target(ReplicationTask task, S3Settings settings) {
        try {
            return S3Target.fromS3Settings(settings).build();
        } catch (S3FormatException e) {
            throw new VerificationException("the S3 settings of " + task.targetEndpointArn() + " (target of "
                    + taskArn + ") cannot be read: " + e.getMessage(), task.targetEndpointArn(),
                    "DescribeEndpoints", e);
        }
    }

    /** @return the S3 settings of the task's target endpoint; empty when it has none or they cannot be read */
    private Optional<S3Settings> targetS3Settings(String endpointArn) {
        try {
            DescribeEndpointsResponse r = dms.describeEndpoints(b -> b.filters(f -> f.name("endpoint-arn")
                    .values(endpointArn)));
            return r.endpoints().stream().filter(e -> e.s3Settings() != null && e.s3Settings().bucketName() != null)
                    .findFirst().map(e -> e.s3Settings());
        } catch (RuntimeException e) {
            LOG.warn("cannot read the target endpoint of {}: {}", taskArn, e.getMessage());
            return Optional.empty();
        }
    }

    private static long n(Long v) {
        return v == null ? 0 : v;
    }
}
