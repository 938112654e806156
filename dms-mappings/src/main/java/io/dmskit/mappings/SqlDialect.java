package io.dmskit.mappings;

/** SQL dialects for which {@link TableResolution#sqlPredicate(SqlDialect)} renders source filters. */
public enum SqlDialect {
    /**
     * MySQL and MariaDB: back-quoted identifiers; quotes doubled and backslashes escaped in literals (the default
     * sql_mode; a server running with {@code NO_BACKSLASH_ESCAPES} would read a backslash twice).
     */
    MYSQL,
    /** PostgreSQL: double-quoted identifiers, quotes doubled in standard-conforming string literals. */
    POSTGRESQL
}
