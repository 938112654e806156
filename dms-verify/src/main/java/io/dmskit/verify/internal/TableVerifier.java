package io.dmskit.verify.internal;

import io.dmskit.verify.TaskProgress;
import io.dmskit.verify.VerificationListener;
import io.dmskit.verify.report.DmsTableStatistics;
import io.dmskit.verify.report.TableVerification;
import io.dmskit.verify.report.Tolerance;
import io.dmskit.verify.report.VerificationStatus;
import io.dmskit.verify.source.CountMode;
import io.dmskit.verify.source.SourceCount;
import io.dmskit.verify.source.SourceTable;
import io.dmskit.verify.target.TargetCount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Verifies the planned tables: counts each on the source and the target (or takes DMS's table statistics as the
 * target) and compares the counts into a {@link TableVerification}. Failures of a table become a row with status
 * {@code ERROR}.
 */
public final class TableVerifier {

    private static final Logger LOG = LoggerFactory.getLogger("io.dmskit.verify");

    private final Database db;
    private final TargetReader reader;
    private final Map<String, DmsTableStatistics> stats;
    private final String taskArn;
    private final CountMode countMode;
    private final Duration queryTimeout;
    private final Tolerance tolerance;
    private final VerificationListener listener;
    private final TaskProgress task;
    private final Map<String, DmsTableStatistics> earlier;
    private final Optional<Duration> latency;

    /**
     * @param db the source
     * @param reader the target; null when DMS's table statistics stand for the target
     * @param stats DMS's table statistics by {@link TableKey}, from {@link DmsTaskReader#tableStatistics()}
     * @param taskArn the task's ARN, naming the statistics as the target (may be null)
     * @param countMode how the source is counted
     * @param queryTimeout bound of each source COUNT
     * @param tolerance allowed difference
     * @param listener told of each source count
     * @param task the task's progress when {@code stats} were read; null when no DMS task is known
     * @param earlier statistics read at a previous poll, by {@link TableKey} (empty when none)
     * @param latency the task's CDC latency, when known
     */
    public TableVerifier(Database db, TargetReader reader, Map<String, DmsTableStatistics> stats, String taskArn,
                         CountMode countMode, Duration queryTimeout, Tolerance tolerance,
                         VerificationListener listener, TaskProgress task, Map<String, DmsTableStatistics> earlier,
                         Optional<Duration> latency) {
        this.task = task;
        this.earlier = Map.copyOf(earlier);
        this.latency = latency;
        this.db = db;
        this.reader = reader;
        this.stats = Map.copyOf(stats);
        this.taskArn = taskArn;
        this.countMode = countMode;
        this.queryTimeout = queryTimeout;
        this.tolerance = tolerance;
        this.listener = listener;
    }

    /**
     * Verifies the planned tables in parallel, telling the listener of each, and optionally adds the tables found
     * only on the target.
     *
     * @param plan the tables to verify
     * @param parallelism tables verified at once
     * @param findTargetOnly whether to look for tables that exist only on the target (needs a target reader)
     * @return one row per table, planned tables first in their order
     * @throws io.dmskit.verify.VerificationException when verifying a table throws or the caller is interrupted
     */
    public List<TableVerification> verifyAll(TablePlan plan, int parallelism, boolean findTargetOnly) {
        List<PlannedTable> planned = plan.tables();
        AtomicInteger done = new AtomicInteger();
        int total = planned.size();
        List<TableVerification> out = new ArrayList<>(ParallelTables.map(planned, parallelism, "dmskit-verify", p -> {
            TableVerification tv = verify(p);
            listener.tableVerified(tv, done.incrementAndGet(), total);
            LOG.debug("{}: {} (source {}, target {}) [{}/{}]", tv.name(), tv.status(),
                    tv.sourceRowCount().orElse(-1) < 0 ? "-" : tv.sourceRowCount().orElse(-1), tv.targetRowCount().orElse(-1) < 0 ? "-" : tv.targetRowCount().orElse(-1),
                    done.get(), total);
            return tv;
        }));
        if (reader != null && findTargetOnly) {
            out.addAll(TargetOnlyTables.find(reader, planned));
        }
        return out;
    }

    /**
     * Reconsiders the tables that do not match against statistics read after counting: a table whose DMS counters
     * moved meanwhile is PENDING (DMS was applying changes while it was counted).
     *
     * @param results the results of {@link #verifyAll}
     * @param after the task's progress read after counting
     * @return the results, in the same order
     */
    public List<TableVerification> recheck(List<TableVerification> results, TaskProgress after) {
        List<TableVerification> out = new ArrayList<>(results.size());
        for (TableVerification tv : results) {
            TableVerification settled = tv;
            if (tv.sourceTable() != null && (tv.status() == VerificationStatus.MISMATCH
                    || tv.status() == VerificationStatus.MISSING_ON_TARGET)) {
                settled = PendingRules.settle(tv, after, tv.dms().orElse(null),
                        after.table(tv.sourceSchema(), tv.sourceTable()).orElse(null), latency);
                if (settled.status() != tv.status()) {
                    LOG.debug("{}: {} -> {} ({})", tv.name(), tv.status(), settled.status(),
                            settled.statusReason().orElse(""));
                }
            }
            out.add(settled);
        }
        return out;
    }

    /** @return the counts of the table on both sides and how they compare */
    TableVerification verify(PlannedTable p) {
        SourceTable st = p.table();
        Optional<DmsTableStatistics> dmsStats = Optional.ofNullable(stats.get(TableKey.of(st.schema(), st.table())));
        List<String> notes = new ArrayList<>();
        p.predicate().ifPresent(f -> notes.add("source filtered by the task's selection rule: " + f));
        SourceCount sc;
        try {
            sc = countSource(p, notes);
            listener.sourceCounted(st, sc);
        } catch (Exception e) {
            LOG.warn("{}: counting the source failed: {}", st, e.getMessage());
            return new TableVerification(st.schema(), st.table(), p.targetSchema(), p.targetTable(), Optional.empty(),
                    Optional.empty(), dmsStats, 0, VerificationStatus.ERROR, notes,
                    Optional.of("counting the source table failed: " + e.getMessage()), Optional.empty());
        }
        TargetCount tc;
        try {
            tc = countTarget(p, dmsStats);
        } catch (Exception e) {
            LOG.warn("{}: reading the target failed: {}", st, e.getMessage());
            return new TableVerification(st.schema(), st.table(), p.targetSchema(), p.targetTable(), Optional.of(sc),
                    Optional.empty(), dmsStats, 0, VerificationStatus.ERROR, notes,
                    Optional.of("reading the target failed: " + e.getMessage()), Optional.empty());
        }
        VerificationStatus status;
        long diff = 0;
        boolean loading = dmsStats.map(DmsTableStatistics::isLoading).orElse(false);
        if (!tc.exists()) {
            if (sc.rows() == 0 && reader != null && reader.emptyTablesHaveNoFolder()) {
                status = VerificationStatus.MATCH;
                notes.add("the source table is empty and DMS creates no S3 folder for empty tables");
            } else if (sc.rows() == 0 && reader == null) {
                status = VerificationStatus.MATCH;
            } else {
                status = VerificationStatus.MISSING_ON_TARGET;
            }
        } else {
            diff = tc.rows() - sc.rows();
            if (tolerance.allows(sc.rows(), diff)) {
                status = VerificationStatus.MATCH;
                if (diff != 0) {
                    notes.add("difference " + diff + " is within the tolerance (" + tolerance + ")");
                }
            } else {
                status = VerificationStatus.MISMATCH;
                p.predicate().ifPresent(f -> notes.add("DMS applies a source filter to each change when it is "
                        + "captured: a row whose filter column is updated later stays on (or off) the target, so "
                        + "counts drift when the filter's column is not immutable (AWS: apply filters only to "
                        + "immutable columns)"));
            }
        }
        if (loading) {
            notes.add("DMS reports table state '" + dmsStats.get().tableState() + "'");
        }
        dmsStats.ifPresent(d -> statisticsNotes(d, tc, notes));
        TableVerification raw = new TableVerification(st.schema(), st.table(), p.targetSchema(), p.targetTable(),
                Optional.of(sc), Optional.of(tc), dmsStats, diff, status, notes, Optional.empty(), Optional.empty());
        return PendingRules.settle(raw, task, earlier.get(TableKey.of(st.schema(), st.table())),
                dmsStats.orElse(null), latency);
    }

    private void statisticsNotes(DmsTableStatistics d, TargetCount tc, List<String> notes) {
        if (d.isFailed()) {
            notes.add("DMS reports table state '" + d.tableState() + "'");
        }
        if (reader != null && tc.exists() && d.impliedRows() != tc.rows()) {
            notes.add("DMS table statistics imply " + d.impliedRows() + " rows (full load " + d.fullLoadRows()
                    + " + inserts " + d.inserts() + " - deletes " + d.deletes() + ") but the target has "
                    + tc.rows());
        }
        if (tc.hasCdcBreakdown() && reader != null && tc.exists() && d.fullLoadRows() != tc.fullLoadRows()) {
            notes.add("DMS FullLoadRows " + d.fullLoadRows() + " differs from the " + tc.fullLoadRows()
                    + " rows in full-load files");
        }
    }

    private TargetCount countTarget(PlannedTable p, Optional<DmsTableStatistics> dmsStats) {
        if (reader != null) {
            return reader.count(p.targetSchema(), p.targetTable(), columnsFor(p));
        }
        return dmsStats.map(d -> new TargetCount("DMS table statistics of " + taskArn, true, d.impliedRows(),
                d.fullLoadRows(), d.inserts(), d.updates(), d.deletes(), 0, 0, 0, 0, List.of()))
                .orElse(new TargetCount("DMS table statistics of " + taskArn, false, 0, -1, -1, -1, -1, 0, 0,
                        0, 0, List.of()));
    }

    private SourceCount countSource(PlannedTable p, List<String> notes) throws SQLException {
        long t0 = System.nanoTime();
        SourceTable st = p.table();
        if (countMode == CountMode.ESTIMATE) {
            Optional<Long> est = db.estimate(st.schema(), st.table());
            if (est.isPresent()) {
                notes.add("source row count is an ESTIMATE from catalog statistics"
                        + (p.predicate().isPresent() ? " and ignores the source filter" : ""));
                return new SourceCount(est.get(), true, Optional.empty(), Duration.ofNanos(System.nanoTime() - t0));
            }
            notes.add("no catalog estimate available (table never analyzed): counted exactly");
        }
        long n = db.count(st.schema(), st.table(), p.predicate(), queryTimeout);
        return new SourceCount(n, false, p.predicate(), Duration.ofNanos(System.nanoTime() - t0));
    }

    /** @return the column names the target's files may carry (source names, renamed, added), for CSV headers */
    private List<String> columnsFor(PlannedTable p) {
        if (!reader.wantsColumnNames()) {
            return List.of();
        }
        try {
            List<String> cols = db.columns(p.table().schema(), p.table().table());
            if (p.resolution() == null) {
                return cols;
            }
            List<String> out = new ArrayList<>(cols);
            for (String c : cols) {
                p.resolution().targetColumn(c).ifPresent(out::add);
            }
            p.resolution().addedColumns().forEach(a -> out.add(a.name()));
            return out;
        } catch (Exception e) {
            LOG.debug("column names of {} unavailable: {}", p.table(), e.getMessage());
            return List.of();
        }
    }
}
