package io.dmskit.mappings;

/**
 * The SQL dialects dmskit speaks to source and target databases: {@link TableResolution#sqlPredicate(SqlDialect)}
 * renders source filters in them, and dms-verify and the local engine quote identifiers with
 * {@link #quoteIdentifier(String)}, so every module quotes the same way.
 */
public enum SqlDialect {
    /**
     * MySQL and MariaDB: back-quoted identifiers; quotes doubled and backslashes escaped in literals (the default
     * sql_mode; a server running with {@code NO_BACKSLASH_ESCAPES} would read a backslash twice).
     */
    MYSQL,
    /** PostgreSQL: double-quoted identifiers, quotes doubled in standard-conforming string literals. */
    POSTGRESQL;

    /**
     * Quotes an identifier (schema, table or column name) for this dialect, doubling any quote character inside it:
     * {@code `order``s`} for MySQL, {@code "order""s"} for PostgreSQL.
     *
     * @param identifier the name as the database stores it
     * @return the quoted identifier
     * @throws InvalidTableMappingsException when identifier is null
     */
    public String quoteIdentifier(String identifier) {
        io.dmskit.mappings.internal.Args.required(identifier, "SqlDialect.quoteIdentifier: identifier");
        return this == MYSQL
                ? "`" + identifier.replace("`", "``") + "`"
                : "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /**
     * {@return {@code schema.table}, each part quoted with {@link #quoteIdentifier(String)}}
     *
     * @param schema the schema (MySQL: database) name
     * @param table the table name
     */
    public String qualified(String schema, String table) {
        return quoteIdentifier(schema) + "." + quoteIdentifier(table);
    }
}
