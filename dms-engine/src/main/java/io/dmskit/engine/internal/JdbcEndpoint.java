package io.dmskit.engine.internal;

import io.dmskit.testkit.dataplane.EndpointCredentials;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import software.amazon.awssdk.services.databasemigration.model.Endpoint;

/**
 * Where and how to connect to a database endpoint. Built from the DMS endpoint and its credentials (given directly
 * or through a Secrets Manager secret). {@link #toString()} never shows the password.
 */
final class JdbcEndpoint {

    private final String endpointIdentifier;
    private final Dialect dialect;
    private final String host;
    private final int port;
    private final String database;
    private final String username;
    private final String password;
    private final int connectTimeoutSeconds;

    private JdbcEndpoint(String endpointIdentifier, Dialect dialect, String host, int port, String database,
                         String username, String password, int connectTimeoutSeconds) {
        this.endpointIdentifier = endpointIdentifier;
        this.dialect = dialect;
        this.host = host;
        this.port = port;
        this.database = database;
        this.username = username;
        this.password = password;
        this.connectTimeoutSeconds = connectTimeoutSeconds;
    }

    /**
     * @param endpoint the endpoint as DescribeEndpoints shows it
     * @param credentials its credentials
     * @param connectTimeoutSeconds connect timeout
     * @return the connection details
     * @throws EngineException naming every missing item when the endpoint cannot be connected to
     */
    public static JdbcEndpoint of(Endpoint endpoint, EndpointCredentials credentials, int connectTimeoutSeconds) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(credentials, "credentials");
        String id = endpoint.endpointIdentifier();
        Optional<Dialect> dialect = Dialect.ofEngineName(endpoint.engineName());
        List<String> problems = new ArrayList<>();
        if (dialect.isEmpty()) {
            problems.add("engine '" + endpoint.engineName() + "' is not a MySQL, MariaDB or PostgreSQL engine");
        }
        String host = credentials.serverName().filter(s -> !s.isBlank()).orElse(firstNonBlank(endpoint.serverName(),
                dialect.orElse(null) == Dialect.MYSQL && endpoint.mySQLSettings() != null
                        ? endpoint.mySQLSettings().serverName() : null,
                dialect.orElse(null) == Dialect.POSTGRESQL && endpoint.postgreSQLSettings() != null
                        ? endpoint.postgreSQLSettings().serverName() : null));
        if (host == null) {
            problems.add("no server name (ServerName or the secret's \"host\")");
        }
        Integer port = credentials.port().orElse(endpoint.port());
        if (port == null) {
            port = dialect.orElse(null) == Dialect.POSTGRESQL ? 5432 : 3306;
        }
        String user = credentials.username().filter(s -> !s.isBlank()).orElse(firstNonBlank(endpoint.username()));
        if (user == null) {
            problems.add("no user name (Username or the secret's \"username\")");
        }
        String database = firstNonBlank(endpoint.databaseName(),
                dialect.orElse(null) == Dialect.POSTGRESQL && endpoint.postgreSQLSettings() != null
                        ? endpoint.postgreSQLSettings().databaseName() : null,
                credentials.databaseName().orElse(null));
        if (dialect.orElse(null) == Dialect.POSTGRESQL && database == null) {
            problems.add("no DatabaseName (required for PostgreSQL endpoints; or the secret's \"dbname\")");
        }
        if (!problems.isEmpty()) {
            throw new EngineException("Endpoint '" + id + "' cannot be connected to: " + String.join("; ", problems));
        }
        return new JdbcEndpoint(id, dialect.orElseThrow(), host, port, database, user,
                credentials.password().orElse(""), connectTimeoutSeconds);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    /** @return the JDBC URL (no credentials in it) */
    public String jdbcUrl() {
        return switch (dialect) {
            case MYSQL -> "jdbc:mariadb://" + host + ":" + port + "/" + (database == null ? "" : database);
            case POSTGRESQL -> "jdbc:postgresql://" + host + ":" + port + "/" + database;
        };
    }

    /**
     * Opens a connection.
     *
     * @return an open connection, auto-commit on
     * @throws SQLException when the server cannot be reached or refuses the login
     */
    public Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", username);
        p.setProperty("password", password);
        switch (dialect) {
            case MYSQL -> {
                p.setProperty("connectTimeout", String.valueOf(connectTimeoutSeconds * 1000));
                p.setProperty("tinyInt1isBit", "false");
                p.setProperty("yearIsDateType", "false");
                p.setProperty("rewriteBatchedStatements", "true");
                p.setProperty("useBulkStmts", "true");
                p.setProperty("allowPublicKeyRetrieval", "true");
            }
            case POSTGRESQL -> {
                p.setProperty("connectTimeout", String.valueOf(connectTimeoutSeconds));
                p.setProperty("reWriteBatchedInserts", "true");
                p.setProperty("stringtype", "unspecified");
                p.setProperty("ApplicationName", "dmskit-local-engine");
            }
        }
        DriverManager.setLoginTimeout(connectTimeoutSeconds);
        return DriverManager.getConnection(jdbcUrl(), p);
    }

    /** @return DMS endpoint identifier */
    public String endpointIdentifier() {
        return endpointIdentifier;
    }

    /** @return the SQL dialect */
    public Dialect dialect() {
        return dialect;
    }

    /** @return host name */
    public String host() {
        return host;
    }

    /** @return port */
    public int port() {
        return port;
    }

    /** @return database name (PostgreSQL; optional for MySQL) */
    public Optional<String> database() {
        return Optional.ofNullable(database);
    }

    /** @return user name */
    public String username() {
        return username;
    }

    /** @return the password; never log it */
    public String password() {
        return password;
    }

    @Override
    public String toString() {
        return "JdbcEndpoint[" + endpointIdentifier + " " + jdbcUrl() + " user=" + username + "]";
    }
}
