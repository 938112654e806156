package io.dmskit.engine;

import io.dmskit.testkit.dataplane.EndpointCredentials;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.databasemigration.model.Endpoint;
import software.amazon.awssdk.services.databasemigration.model.ReplicationEndpointTypeValue;

/**
 * The local test databases: MariaDB ({@code DMSKIT_MYSQL_URL}, default root@127.0.0.1:3306/test) and PostgreSQL
 * ({@code DMSKIT_POSTGRES_URL}, default postgres@127.0.0.1:5432/test).
 */
public final class Databases {

    /** JDBC URL of the test MariaDB. */
    public static final String MYSQL_URL = env("DMSKIT_MYSQL_URL", "jdbc:mariadb://127.0.0.1:3306/test?user=root&password=");
    /** JDBC URL of the test PostgreSQL. */
    public static final String POSTGRES_URL = env("DMSKIT_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    private Databases() {
    }

    private static String env(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v;
    }

    /** Host, port, database, user and password of a JDBC URL. */
    public record Server(String host, int port, String database, String user, String password) {
        static Server of(String jdbcUrl) {
            URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
            Map<String, String> q = new HashMap<>();
            if (uri.getRawQuery() != null) {
                for (String kv : uri.getRawQuery().split("&")) {
                    int eq = kv.indexOf('=');
                    q.put(eq < 0 ? kv : kv.substring(0, eq),
                            eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
            String user = q.getOrDefault("user", uri.getScheme().equals("postgresql") ? "postgres" : "root");
            return new Server(uri.getHost(), uri.getPort(), path, user, q.getOrDefault("password", ""));
        }

        EndpointCredentials credentials() {
            return new Credentials(user, password, null, null);
        }
    }

    /** @return the test MariaDB server */
    public static Server mysql() {
        return Server.of(MYSQL_URL);
    }

    /** @return the test PostgreSQL server */
    public static Server postgres() {
        return Server.of(POSTGRES_URL);
    }

    /** @return a new connection to the test MariaDB */
    public static Connection mysqlConnection() throws SQLException {
        return DriverManager.getConnection(MYSQL_URL);
    }

    /** @return a new connection to the test PostgreSQL */
    public static Connection postgresConnection() throws SQLException {
        return DriverManager.getConnection(POSTGRES_URL);
    }

    /** Runs statements on the test MariaDB. */
    public static void mysql(String... statements) {
        run(MYSQL_URL, statements);
    }

    /** Runs statements on the test PostgreSQL. */
    public static void postgres(String... statements) {
        run(POSTGRES_URL, statements);
    }

    /** Runs statements on the database of a JDBC URL, failing the test on an error. */
    public static void run(String url, String... statements) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed on " + url.replaceAll("password=[^&]*", "password=***") + ": "
                    + e.getMessage(), e);
        }
    }

    /** @return a MariaDB source endpoint on the test server */
    public static Endpoint mysqlSource(String id) {
        Server s = mysql();
        return Endpoint.builder().endpointIdentifier(id).endpointArn("arn:aws:dms:us-east-1:123456789012:endpoint:" + id)
                .endpointType(ReplicationEndpointTypeValue.SOURCE).engineName("mariadb")
                .serverName(s.host()).port(s.port()).username(s.user()).build();
    }

    /** @return a PostgreSQL endpoint of the given type on the test server */
    public static Endpoint postgresEndpoint(String id, ReplicationEndpointTypeValue type) {
        Server s = postgres();
        return Endpoint.builder().endpointIdentifier(id).endpointArn("arn:aws:dms:us-east-1:123456789012:endpoint:" + id)
                .endpointType(type).engineName("postgres").serverName(s.host()).port(s.port()).username(s.user())
                .databaseName(s.database()).build();
    }

    /** Credentials as FakeDms resolves them. */
    public record Credentials(String user, String pass, String host, Integer portNumber) implements EndpointCredentials {
        @Override
        public Optional<String> username() {
            return Optional.ofNullable(user);
        }

        @Override
        public Optional<String> password() {
            return Optional.ofNullable(pass);
        }

        @Override
        public Optional<String> serverName() {
            return Optional.ofNullable(host);
        }

        @Override
        public Optional<Integer> port() {
            return Optional.ofNullable(portNumber);
        }

        @Override
        public String toString() {
            return "Credentials[user=" + user + ", password=***]";
        }
    }
}
