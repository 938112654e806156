package io.dmskit.verify.internal;

import io.dmskit.verify.VerificationException;
import io.dmskit.verify.probe.ProbeOutcome;
import io.dmskit.verify.report.DmsTableStatistics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;

/**
 * Why a CDC probe saw nothing, as far as the DMS task can tell: its status, and whether its table statistics list
 * the probe table and count the probe's changes. Without a task to ask, it can only say that the wait timed out.
 */
final class ProbeDiagnosis {

    private static final Logger LOG = LoggerFactory.getLogger("io.dmskit.verify.probe");

    /** What the task proves, and the sentence that says it (null for {@link ProbeOutcome#TIMED_OUT}). */
    record Verdict(ProbeOutcome outcome, String explanation) {
    }

    private final DmsTaskReader task;
    private final String sourceName;
    private final String targetName;
    private final String probeName;
    private DmsTableStatistics baseline;

    /**
     * @param task the verifier's task reader, or null
     * @param schema source schema of the probe table
     * @param table source table of the probe table
     * @param targetSchema the probe table's schema on the target
     * @param targetTable the probe table's name on the target
     */
    ProbeDiagnosis(DmsTaskReader task, String schema, String table, String targetSchema, String targetTable) {
        this.task = task != null && task.knowsTask() ? task : null;
        this.sourceName = TableKey.of(schema, table);
        this.targetName = TableKey.of(targetSchema, targetTable);
        this.probeName = schema + "." + table;
    }

    /** Records the probe table's counters before the probe's first change. */
    void baseline() {
        if (task == null) {
            return;
        }
        try {
            baseline = find(task.tableStatistics());
        } catch (VerificationException e) {
            LOG.debug("table statistics before the probe: {}", e.getMessage());
        }
    }

    /** @return what the task's status and statistics prove about changes the target did not show */
    Verdict explain(String targetLocation) {
        if (task == null) {
            return new Verdict(ProbeOutcome.TIMED_OUT, null);
        }
        try {
            ReplicationTask t = task.describeTask();
            String arn = task.taskArn();
            if (!"running".equals(t.status())) {
                return new Verdict(ProbeOutcome.TASK_NOT_RUNNING, "The task " + arn + " is " + t.status()
                        + (t.stopReason() == null ? "" : " (" + t.stopReason() + ")")
                        + (t.lastFailureMessage() == null ? "" : ", last failure: " + t.lastFailureMessage())
                        + ", so no change can reach the target: start or resume it, then probe again.");
            }
            Map<String, DmsTableStatistics> stats = task.tableStatistics();
            DmsTableStatistics s = find(stats);
            if (s == null) {
                List<String> listed = new ArrayList<>(stats.keySet());
                listed.sort(null);
                return new Verdict(ProbeOutcome.TABLE_NOT_IN_TASK, "The task " + arn + " is running, but its table"
                        + " statistics (DescribeTableStatistics) do not list " + probeName + " (they list "
                        + (listed.size() > 10 ? listed.subList(0, 10) + " and " + (listed.size() - 10) + " more"
                        : listed) + "): the task is not capturing the probe table. Either its table mappings do not"
                        + " select it, or the replication did not pick up the table after it was created (DMS picks"
                        + " up a table created during CDC when the mappings select it). A longer timeout or a shorter"
                        + " batch interval will not help.");
            }
            long[] now = {s.inserts(), s.updates(), s.deletes()};
            long[] before = baseline == null ? new long[3]
                    : new long[] {baseline.inserts(), baseline.updates(), baseline.deletes()};
            long counted = now[0] - before[0] + now[1] - before[1] + now[2] - before[2];
            String counters = "inserts " + now[0] + ", updates " + now[1] + ", deletes " + now[2]
                    + (baseline == null ? "" : " (before the probe: " + before[0] + ", " + before[1] + ", "
                    + before[2] + ")");
            if (counted <= 0) {
                return new Verdict(ProbeOutcome.NOT_CAPTURED, "The task " + arn + " is running and lists "
                        + probeName + " (" + s.tableState() + "), but its statistics have not counted the probe's"
                        + " changes (" + counters + "): they were not captured from the source in time (source"
                        + " latency, or a capture that does not see them).");
            }
            return new Verdict(ProbeOutcome.NOT_AT_TARGET, "The task " + arn + " counted " + counted
                    + " change(s) of " + probeName + " since the probe started (" + counters + "), so they were"
                    + " captured but had not reached " + targetLocation + " in time: target latency. Does the"
                    + " target's batch interval (S3 CdcMaxBatchInterval, default 60 s) fit in the timeout?");
        } catch (VerificationException e) {
            LOG.debug("the task cannot be asked why the probe saw nothing: {}", e.getMessage());
            return new Verdict(ProbeOutcome.TIMED_OUT, null);
        }
    }

    private DmsTableStatistics find(Map<String, DmsTableStatistics> stats) {
        DmsTableStatistics s = stats.get(sourceName);
        return s != null ? s : stats.get(targetName);
    }
}
