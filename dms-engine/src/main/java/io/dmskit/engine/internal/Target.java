package io.dmskit.engine.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Where a task's data goes: S3 files in DMS's layout, or tables of a database. */
interface Target extends AutoCloseable {

    /**
     * Starts the full load of one table (JDBC targets prepare the table per TargetTablePrepMode).
     *
     * @param plan the table
     * @param loadTime the task start time (for UseTaskStartTimeForFullLoadTimestamp)
     * @return the load, to which the source rows are added
     */
    TableLoad beginLoad(TablePlan plan, Instant loadTime);

    /**
     * Starts loading one table again for ReloadTables, applying the task's TargetTablePrepMode first as DMS does. The
     * default is {@link #beginLoad} (database targets prepare every load that way).
     *
     * @param plan the table
     * @param loadTime when the reload started (for UseTaskStartTimeForFullLoadTimestamp)
     * @return the load, to which the source rows are added
     */
    default TableLoad beginReload(TablePlan plan, Instant loadTime) {
        return beginLoad(plan, loadTime);
    }

    /**
     * Prepares a table for CDC without a full load ({@code cdc} tasks): JDBC targets create missing tables.
     *
     * @param plan the table
     */
    default void prepareForCdc(TablePlan plan) {
    }

    /**
     * Writes or applies a batch of changes, in capture order.
     *
     * @param changes the changes with their table plans
     * @param flushTime when the batch is written (names CDC files)
     * @return per table, how many changes of each operation were written
     */
    Map<TablePlan, long[]> applyChanges(List<PlannedChange> changes, Instant flushTime);

    @Override
    void close();

    /**
     * A change with its table plan.
     *
     * @param plan the table
     * @param change the change
     */
    record PlannedChange(TablePlan plan, Change change) {
    }

    /** The full load of one table in progress. */
    interface TableLoad extends AutoCloseable {
        /** Adds one source row (source column order). */
        void add(Object[] sourceRow);

        /** @return rows added so far */
        long rows();

        /** Writes what is buffered and completes the load. */
        void finish();

        /** Abandons the load (task stopped); nothing half-written remains visible where avoidable. */
        @Override
        void close();
    }

    /** Index into the counts array of {@link #applyChanges}: inserts, updates, deletes. */
    static int opIndex(char op) {
        return op == 'I' ? 0 : op == 'U' ? 1 : 2;
    }
}
