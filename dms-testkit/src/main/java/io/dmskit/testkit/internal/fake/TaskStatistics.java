package io.dmskit.testkit.internal.fake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.databasemigration.model.DescribeTableStatisticsRequest;
import software.amazon.awssdk.services.databasemigration.model.DescribeTableStatisticsResponse;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTaskStats;
import software.amazon.awssdk.services.databasemigration.model.TableStatistics;

/** Table statistics of replication tasks: fresh tables, updates, the task-level summary, DescribeTableStatistics. */
final class TaskStatistics {

    private static final Page.Filters<TableStatistics> TABLE_FILTERS = new Page.Filters<TableStatistics>()
            .one("schema-name", TableStatistics::schemaName)
            .one("table-name", TableStatistics::tableName)
            .one("table-state", TableStatistics::tableState);

    private final World w;

    TaskStatistics(World world) {
        this.w = world;
    }

    /** A table's statistics before its load: every count zero, {@code Before load}. */
    static TableStatistics.Builder freshTable(String schema, String table) {
        return TableStatistics.builder().schemaName(schema).tableName(table).inserts(0L).deletes(0L).updates(0L)
                .ddls(0L).appliedInserts(0L).appliedDeletes(0L).appliedUpdates(0L).appliedDdls(0L)
                .fullLoadRows(0L).fullLoadCondtnlChkFailedRows(0L).fullLoadErrorRows(0L).fullLoadReloaded(false)
                .tableState("Before load").validationPendingRecords(0L).validationFailedRecords(0L)
                .validationSuspendedRecords(0L).validationState("Not enabled");
    }

    /** The task-level statistics (progress percent, table counts, dates), computed now. */
    ReplicationTaskStats of(TaskRecord t) {
        int loaded = 0;
        int loading = 0;
        int queued = 0;
        int errored = 0;
        for (TableStatistics s : t.tables.values()) {
            String state = s.tableState() == null ? "" : s.tableState();
            switch (state) {
                case "Table completed" -> loaded++;
                case "Full load", "Table is being reloaded" -> loading++;
                case "Before load" -> queued++;
                case "Table error", "Table cancelled" -> errored++;
                default -> {
                }
            }
        }
        int percent;
        if (t.fullLoadFinished) {
            percent = 100;
        } else if (t.tables.isEmpty()) {
            percent = 0;
        } else {
            percent = (int) (100L * loaded / t.tables.size());
        }
        Instant start = t.model.replicationTaskStartDate();
        long elapsed = 0;
        if (start != null) {
            Instant end = "running".equals(t.status()) || "starting".equals(t.status()) || t.stopDate == null
                    || t.stopDate.isBefore(start) ? w.now() : t.stopDate;
            elapsed = Math.max(0, Duration.between(start, end).toMillis());
        }
        return ReplicationTaskStats.builder()
                .fullLoadProgressPercent(percent)
                .elapsedTimeMillis(elapsed)
                .tablesLoaded(loaded)
                .tablesLoading(loading)
                .tablesQueued(queued)
                .tablesErrored(errored)
                .freshStartDate(t.freshStartDate)
                .startDate(start)
                .stopDate(t.stopDate)
                .fullLoadStartDate(t.fullLoadStartDate)
                .fullLoadFinishDate(t.fullLoadFinishDate)
                .build();
    }

    /** DescribeTableStatistics of a task (filters schema-name, table-name, table-state; MaxRecords 20–500). */
    DescribeTableStatisticsResponse describe(TaskRecord t, DescribeTableStatisticsRequest r) {
        TABLE_FILTERS.check(r.filters());
        List<TableStatistics> matched = new ArrayList<>();
        for (TableStatistics s : t.tables.values()) {
            if (TABLE_FILTERS.matches(r.filters(), s)) {
                matched.add(s);
            }
        }
        Page<TableStatistics> page = Page.of(matched, r.maxRecords(), r.marker(), 500);
        return DescribeTableStatisticsResponse.builder().replicationTaskArn(t.arn).tableStatistics(page.items)
                .marker(page.nextMarker).build();
    }

    /** Creates or updates one table's statistics. */
    void updateTable(TaskRecord t, String schema, String table,
                     UnaryOperator<TableStatistics.Builder> update) {
        String key = TaskRecord.tableKey(schema, table);
        TableStatistics current = t.tables.get(key);
        TableStatistics.Builder b = current == null ? freshTable(schema, table) : current.toBuilder();
        TableStatistics.Builder updated = update.apply(b);
        if (updated == null) {
            updated = b;
        }
        TableStatistics s = updated.schemaName(schema).tableName(table).lastUpdateTime(w.now()).build();
        if ("Full load".equals(s.tableState()) && s.fullLoadStartTime() == null) {
            s = s.toBuilder().fullLoadStartTime(w.now()).build();
        }
        t.tables.put(key, s);
    }
}
