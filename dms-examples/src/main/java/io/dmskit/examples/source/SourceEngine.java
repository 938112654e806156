package io.dmskit.examples.source;

import java.util.Locale;

/** The SQL engines the quickstart can use as its source, with the DMS engine name of each. */
public enum SourceEngine {
    /** MariaDB (the embedded default, or a MariaDB server); DMS engine name {@code mariadb}. */
    MARIADB("mariadb", "jdbc:mariadb", 3306),
    /** MySQL; the MariaDB JDBC driver talks to it too; DMS engine name {@code mysql}. */
    MYSQL("mysql", "jdbc:mariadb", 3306),
    /** PostgreSQL; DMS engine name {@code postgres}. */
    POSTGRESQL("postgres", "jdbc:postgresql", 5432);

    private final String dmsEngineName;
    private final String jdbcPrefix;
    private final int defaultPort;

    SourceEngine(String dmsEngineName, String jdbcPrefix, int defaultPort) {
        this.dmsEngineName = dmsEngineName;
        this.jdbcPrefix = jdbcPrefix;
        this.defaultPort = defaultPort;
    }

    /** @return the engine name DMS uses on CreateEndpoint ({@code mariadb}, {@code mysql}, {@code postgres}) */
    public String dmsEngineName() {
        return dmsEngineName;
    }

    /** @return the JDBC URL prefix, e.g. {@code jdbc:mariadb} */
    public String jdbcPrefix() {
        return jdbcPrefix;
    }

    /** @return the engine's usual TCP port */
    public int defaultPort() {
        return defaultPort;
    }

    /** @return true for MariaDB and MySQL, where a schema is a database */
    public boolean isMySqlFamily() {
        return this != POSTGRESQL;
    }

    /**
     * The engine named by a URL scheme.
     *
     * @param scheme {@code mariadb}, {@code mysql}, {@code postgresql} or {@code postgres} (any case)
     * @return the engine
     * @throws IllegalArgumentException naming the scheme and the accepted ones
     */
    public static SourceEngine fromScheme(String scheme) {
        switch (scheme.toLowerCase(Locale.ROOT)) {
            case "mariadb":
                return MARIADB;
            case "mysql":
                return MYSQL;
            case "postgresql":
            case "postgres":
                return POSTGRESQL;
            default:
                throw new IllegalArgumentException("unknown source scheme '" + scheme
                        + "': use embedded, mariadb://, mysql:// or postgresql://");
        }
    }
}
