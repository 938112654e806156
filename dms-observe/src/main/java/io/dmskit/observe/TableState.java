package io.dmskit.observe;

import java.util.Objects;

/**
 * One table of a task as {@code DescribeTableStatistics} reports it.
 *
 * @param schema the source schema
 * @param table the source table
 * @param state DMS's {@code TableState} text, such as {@code Table completed}, {@code Full load} or {@code Table error}
 * @param fullLoadRows rows loaded by the full load
 * @param inserts CDC inserts applied
 * @param updates CDC updates applied
 * @param deletes CDC deletes applied
 * @param ddls CDC DDL statements applied
 * @param fullLoadErrorRows rows that failed to load
 */
public record TableState(String schema, String table, String state, long fullLoadRows, long inserts, long updates,
                         long deletes, long ddls, long fullLoadErrorRows) {

    /** Checks the components. */
    public TableState {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        state = state == null ? "" : state;
    }

    /**
     * {@return whether DMS reports the table in error ({@code Table error})}
     */
    public boolean errored() {
        return state.toLowerCase(java.util.Locale.ROOT).contains("error");
    }

    /**
     * {@return whether the table's full load is done ({@code Table completed})}
     */
    public boolean completed() {
        return state.equalsIgnoreCase("Table completed");
    }

    /**
     * {@return {@code schema.table}}
     */
    public String name() {
        return schema + "." + table;
    }
}
