package io.dmskit.examples.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import javax.sql.DataSource;

/**
 * A MariaDB, MySQL or PostgreSQL server the user already runs, named by a URL such as
 * {@code mariadb://127.0.0.1:3306}, {@code mysql://root:pw@db.example:3306} or
 * {@code postgresql://postgres@127.0.0.1:5432/test} (a leading {@code jdbc:} is accepted). The user logs in both
 * for seeding and as the DMS endpoint's user. Defaults: MariaDB/MySQL user {@code root}, PostgreSQL user
 * {@code postgres} and database {@code postgres}; empty password unless the URL gives one.
 */
public final class ServerSource implements SourceDatabase {

    private final SourceEngine engine;
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String database;

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
        return url.replaceAll("(//[^:/@]+):[^@/]*@", "$1:***@");
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

    @Override
    public String dmsUsername() {
        return user;
    }

    @Override
    public String dmsPassword() {
        return password;
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

    @Override
    public void close() {
        // not ours to stop
    }

    @Override
    public String toString() {
        return describe();
    }
}
