package io.dmskit.verify.support;

import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The local MariaDB and PostgreSQL servers, overridable with DMSKIT_MYSQL_URL / DMSKIT_POSTGRES_URL. Every test
 * class works in its own uniquely named schema so runs never collide.
 */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** @return the MariaDB server (database {@code test}) */
    public static DataSource mariadb() {
        String url = System.getenv().getOrDefault("DMSKIT_MYSQL_URL", "jdbc:mariadb://127.0.0.1:3306/test?user=root");
        try {
            MariaDbDataSource ds = new MariaDbDataSource();
            ds.setUrl(url);
            return ds;
        } catch (SQLException e) {
            throw new IllegalStateException("bad DMSKIT_MYSQL_URL: " + e.getMessage(), e);
        }
    }

    /** @return the PostgreSQL server (database {@code test}) */
    public static DataSource postgres() {
        String url = System.getenv().getOrDefault("DMSKIT_POSTGRES_URL",
                "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(url);
        return ds;
    }

    /** @return a fresh unique lower-case name with the prefix */
    public static String uniqueName(String prefix) {
        return (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10)).toLowerCase(Locale.ROOT);
    }

    /** Runs statements in order. */
    public static void exec(DataSource ds, String... sql) {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + e.getMessage(), e);
        }
    }

    /** Creates a schema (MariaDB: database). */
    public static void createSchema(DataSource ds, String schema) {
        exec(ds, "CREATE SCHEMA " + schema);
    }

    /** Drops a schema and everything in it. */
    public static void dropSchema(DataSource ds, String schema, boolean postgres) {
        exec(ds, "DROP SCHEMA IF EXISTS " + schema + (postgres ? " CASCADE" : ""));
    }

    private static String numbers(int rows) {
        StringBuilder expr = new StringBuilder("SELECT ");
        StringBuilder from = new StringBuilder();
        long scale = 1;
        int level = 0;
        do {
            expr.append(level == 0 ? "" : " + ").append("d").append(level).append(".d * ").append(scale);
            from.append(level == 0 ? "" : ", ").append(digits("d" + level));
            scale *= 10;
            level++;
        } while (scale < rows);
        return expr + " + 1 AS n FROM " + from;
    }

    private static String digits(String alias) {
        return "(SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL"
                + " SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9) " + alias;
    }

    /** Creates {@code schema.table (id INT PRIMARY KEY, name VARCHAR(100), region VARCHAR(10))} with n rows. */
    public static void createTable(DataSource ds, String schema, String table, int rows, boolean postgres) {
        exec(ds, "CREATE TABLE " + schema + "." + table
                + " (id INT PRIMARY KEY, name VARCHAR(100), region VARCHAR(10))");
        if (rows > 0) {
            String gen = postgres
                    ? "INSERT INTO " + schema + "." + table + " SELECT g, 'name ' || g, CASE WHEN g % 4 = 0 THEN 'EU'"
                      + " ELSE 'US' END FROM generate_series(1, " + rows + ") g"
                    : "INSERT INTO " + schema + "." + table + " SELECT n, CONCAT('name ', n), CASE WHEN n % 4 = 0"
                      + " THEN 'EU' ELSE 'US' END FROM (" + numbers(rows) + ") s WHERE n <= " + rows;
            exec(ds, gen);
        }
    }
}
