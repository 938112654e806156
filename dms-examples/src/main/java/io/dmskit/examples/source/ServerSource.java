package io.dmskit.examples.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB, MySQL or PostgreSQL server the user already runs, named by a URL such as
 * {@code mariadb://127.0.0.1:3306}, {@code mysql://root:pw@db.example:3306} or
 * {@code postgresql://postgres@127.0.0.1:5432/test} (a leading {@code jdbc:} and {@code ?user=&password=} are
 * accepted). The user logs in both
 * for seeding and creates a DMS login of its own for the run ({@link #prepareDmsLogin}). Defaults: MariaDB/MySQL user {@code root}, PostgreSQL user
 * {@code postgres} and database {@code postgres}; empty password unless the URL gives one.
 */
public final class ServerSource implements SourceDatabase {

    private final SourceEngine engine;
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String database;
    private String dmsUser;
    private String dmsPassword;

    private ServerSource(SourceEngine engine, String host, int port, String user, String password, String database) {
        this.engine = engine;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.database = database;
    }

    /**
     * Parses a source URL.
     *
     * @param url e.g. {@code mariadb://127.0.0.1:3306} or {@code postgresql://postgres@127.0.0.1:5432/test}
     * @param mysqlDatabase the database (schema) a MariaDB/MySQL endpoint names when the URL names none
     * @return the source (no connection is made yet)
     * @throws IllegalArgumentException naming the URL and what is wrong with it
     */
    public static ServerSource parse(String url, String mysqlDatabase) {
        String text = url.trim();
        if (text.startsWith("jdbc:")) {
            text = text.substring("jdbc:".length());
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("source URL '" + redact(url) + "' is not a URL: " + e.getMessage(), e);
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("source URL '" + redact(url)
                    + "' needs a scheme and a host, e.g. mariadb://127.0.0.1:3306 or postgresql://postgres@127.0.0.1:5432/test");
        }
        SourceEngine engine = SourceEngine.fromScheme(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : engine.defaultPort();
        String user = engine == SourceEngine.POSTGRESQL ? "postgres" : "root";
        String password = "";
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            if (parts.length == 2) {
                password = decode(parts[1]);
            }
        }
        if (uri.getRawQuery() != null) {
            // JDBC style: ?user=root&password=...
            for (String pair : uri.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv.length == 2 && kv[0].equals("user")) {
                    user = decode(kv[1]);
                } else if (kv.length == 2 && kv[0].equals("password")) {
                    password = decode(kv[1]);
                }
            }
        }
        String envPassword = System.getenv("DMSKIT_SOURCE_PASSWORD");
        if (password.isEmpty() && envPassword != null) {
            password = envPassword;
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        String database;
        if (engine == SourceEngine.POSTGRESQL) {
            database = path.isEmpty() ? "postgres" : path;
        } else {
            database = path.isEmpty() ? mysqlDatabase : path;
        }
        return new ServerSource(engine, uri.getHost(), port, user, password, database);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** @return the URL with any password replaced by {@code ***} */
    static String redact(String url) {
        return url.replaceAll("(//[^:/@]+):[^@/]*@", "$1:***@").replaceAll("(password=)[^&]*", "$1***");
    }

    @Override
    public SourceEngine engine() {
        return engine;
    }

    @Override
    public String host() {
        return host;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String endpointDatabaseName() {
        return database;
    }

    /** @return the JDBC URL of the endpoint's database, without credentials */
    public String jdbcUrl() {
        String base = engine.jdbcPrefix() + "://" + host + ":" + port + "/";
        if (engine == SourceEngine.POSTGRESQL) {
            return base + database + "?connectTimeout=10";
        }
        // the MySQL-family database may not exist yet: the sample data creates it
        return base + "?connectTimeout=10000";
    }

    @Override
    public DataSource adminDataSource() {
        return new SimpleDataSource(jdbcUrl(), user, password);
    }

    /**
     * Creates a login for DMS for this run: {@code dmskit_dms_<random>} with a random password, allowed to read the
     * schemas and the change log (MariaDB/MySQL: SELECT, REPLICATION SLAVE, REPLICATION CLIENT; PostgreSQL: LOGIN
     * REPLICATION, USAGE and SELECT on the schemas). {@link #close()} drops it.
     */
    @Override
    public synchronized void prepareDmsLogin(List<String> schemas) throws SQLException {
        SecureRandom random = new SecureRandom();
        String name = "dmskit_dms_" + Long.toString(Math.abs(random.nextLong()) % 2_176_782_336L, 36);
        String pw = EmbeddedMariaDb.randomPassword(random);
        try (Connection c = adminDataSource().getConnection(); Statement s = c.createStatement()) {
            if (engine.isMySqlFamily()) {
                for (String host : new String[] {"localhost", "%"}) {
                    s.execute("CREATE USER '" + name + "'@'" + host + "' IDENTIFIED BY '" + pw + "'");
                    s.execute("GRANT SELECT, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO '" + name + "'@'"
                            + host + "'");
                }
            } else {
                s.execute("CREATE ROLE " + name + " LOGIN REPLICATION PASSWORD '" + pw + "'");
                for (String schema : schemas) {
                    s.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + name);
                    s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO " + name);
                }
            }
        } catch (SQLException e) {
            throw new SQLException("could not create the DMS login " + name + " on " + describe() + " (the URL's user "
                    + "needs the right to create users and grant): " + e.getMessage(), e.getSQLState(), e);
        }
        this.dmsUser = name;
        this.dmsPassword = pw;
    }

    @Override
    public synchronized String dmsUsername() {
        if (dmsUser == null) {
            throw new IllegalStateException("call prepareDmsLogin(schemas) first");
        }
        return dmsUser;
    }

    @Override
    public synchronized String dmsPassword() {
        if (dmsPassword == null) {
            throw new IllegalStateException("call prepareDmsLogin(schemas) first");
        }
        return dmsPassword;
    }

    @Override
    public String describe() {
        return engine.name().toLowerCase(java.util.Locale.ROOT) + " server " + user + "@" + host + ":" + port
                + "/" + database;
    }

    @Override
    public boolean embedded() {
        return false;
    }

    /** Drops the DMS login this run created; the server and the sample schemas stay. */
    @Override
    public synchronized void close() {
        if (dmsUser == null) {
            return;
        }
        try (Connection c = adminDataSource().getConnection(); Statement s = c.createStatement()) {
            if (engine.isMySqlFamily()) {
                s.execute("DROP USER IF EXISTS '" + dmsUser + "'@'localhost', '" + dmsUser + "'@'%'");
            } else {
                s.execute("DROP OWNED BY " + dmsUser);
                s.execute("DROP ROLE IF EXISTS " + dmsUser);
            }
        } catch (SQLException e) {
            LoggerFactory.getLogger(ServerSource.class).warn("could not drop the DMS login {}: {}", dmsUser,
                    e.getMessage());
        }
        dmsUser = null;
        dmsPassword = null;
    }

    @Override
    public String toString() {
        return describe();
    }
}
