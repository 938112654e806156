package io.dmskit.mappings;

/** SQL dialects for which {@link TableResolution#sqlPredicate(SqlDialect)} renders source filters. */
public enum SqlDialect {
    /** MySQL and MariaDB: back-quoted identifiers, backslash-escaped literals. */
    MYSQL,
    /** PostgreSQL: double-quoted identifiers, standard-conforming string literals. */
    POSTGRESQL
}
