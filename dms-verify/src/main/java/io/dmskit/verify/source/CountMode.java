package io.dmskit.verify.source;

/** How source tables are counted. */
public enum CountMode {
    /** {@code SELECT COUNT(*)} with the task's source filters applied: exact, can be slow on big tables. */
    EXACT,
    /**
     * The catalog's statistics ({@code information_schema.tables.table_rows} on MySQL/MariaDB,
     * {@code pg_class.reltuples} on PostgreSQL): instant, approximate, and blind to source filters. Reports label such
     * counts as estimates and never call them a MATCH or MISMATCH on their own.
     */
    ESTIMATE
}
