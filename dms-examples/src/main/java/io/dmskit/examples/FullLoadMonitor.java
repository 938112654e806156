package io.dmskit.examples;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;
import software.amazon.awssdk.services.databasemigration.model.TableStatistics;

/**
 * Waits until the full load of every task is done (a {@code full-load-and-cdc} task running with 100 % and every
 * table completed, or a {@code full-load} task stopped with {@code FULL_LOAD_ONLY_FINISHED}), as a user of the DMS console would: by reading the tasks'
 * status and progress and their table statistics (DescribeReplicationTasks, DescribeTableStatistics), printing a
 * progress line whenever something moved. Works the same against real DMS.
 */
public final class FullLoadMonitor {

    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration QUIET_LINE = Duration.ofSeconds(5);

    private final DatabaseMigrationClient dms;
    private final Map<String, String> taskArns;
    private final PrintStream out;

    /**
     * @param dms the DMS client
     * @param taskArns task identifier to ARN
     * @param out where progress lines go
     */
    public FullLoadMonitor(DatabaseMigrationClient dms, Map<String, String> taskArns, PrintStream out) {
        this.dms = dms;
        this.taskArns = Map.copyOf(taskArns);
        this.out = out;
    }

    /** Progress of all tasks at one moment. */
    record Snapshot(int tasksDone, int tasks, int tablesDone, int tables, long rows, List<String> failures) {
        String line() {
            return String.format(Locale.ROOT, "full load: %d/%d tasks done, %d/%d tables completed, %,d rows loaded",
                    tasksDone, tasks, tablesDone, tables, rows);
        }
    }

    /**
     * Polls until every task reports full load 100 % and every table {@code Table completed}.
     *
     * @param timeout how long to wait
     * @throws IllegalStateException when a task fails or stops, or the timeout passes, naming the tasks and tables
     *         still loading
     */
    public void awaitFullLoad(Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        String lastLine = "";
        long lastPrinted = 0;
        while (true) {
            Snapshot s = snapshot();
            long now = System.nanoTime();
            String line = s.line();
            if (!line.equals(lastLine) || now - lastPrinted > QUIET_LINE.toNanos()) {
                out.printf(Locale.ROOT, "        %5.1fs  %s%n", (now - start) / 1e9, line);
                lastLine = line;
                lastPrinted = now;
            }
            if (!s.failures().isEmpty()) {
                throw new IllegalStateException("replication failed: " + String.join("; ", s.failures()));
            }
            if (s.tasksDone() == s.tasks()) {
                return;
            }
            if (now > deadline) {
                throw new IllegalStateException("full load did not finish within " + timeout.toSeconds()
                        + " s: " + line + " (raise --timeout)");
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    Snapshot snapshot() {
        int tasksDone = 0;
        int tables = 0;
        int tablesDone = 0;
        long rows = 0;
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> e : taskArns.entrySet()) {
            ReplicationTask task = dms.describeReplicationTasks(b -> b.filters(f -> f.name("replication-task-arn")
                    .values(e.getValue()))).replicationTasks().get(0);
            String status = task.status();
            boolean fullLoadOnlyFinished = "stopped".equals(status) && task.stopReason() != null
                    && task.stopReason().toUpperCase(Locale.ROOT).contains("FULL_LOAD_ONLY_FINISHED");
            if ("failed".equals(status) || ("stopped".equals(status) && !fullLoadOnlyFinished)) {
                failures.add(e.getKey() + " is " + status + (task.lastFailureMessage() == null ? ""
                        : ": " + task.lastFailureMessage()) + (task.stopReason() == null ? ""
                        : " (" + task.stopReason() + ")"));
            }
            List<TableStatistics> stats = new ArrayList<>();
            dms.describeTableStatisticsPaginator(b -> b.replicationTaskArn(e.getValue()))
                    .forEach(page -> stats.addAll(page.tableStatistics()));
            boolean allTablesDone = !stats.isEmpty();
            for (TableStatistics t : stats) {
                tables++;
                rows += t.fullLoadRows() == null ? 0 : t.fullLoadRows();
                if ("Table completed".equals(t.tableState())) {
                    tablesDone++;
                } else {
                    allTablesDone = false;
                }
                if (t.tableState() != null && t.tableState().startsWith("Table error")) {
                    failures.add(e.getKey() + ": table " + t.schemaName() + "." + t.tableName() + " "
                            + t.tableState());
                }
            }
            Integer percent = task.replicationTaskStats() == null ? null
                    : task.replicationTaskStats().fullLoadProgressPercent();
            if (fullLoadOnlyFinished || ("running".equals(status) && percent != null && percent == 100
                    && allTablesDone)) {
                tasksDone++;
            }
        }
        return new Snapshot(tasksDone, taskArns.size(), tablesDone, tables, rows, failures);
    }
}
