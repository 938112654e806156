package io.dmskit.verify.internal;

import io.dmskit.mappings.SqlDialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * SQL for MySQL/MariaDB and PostgreSQL through a plain {@link DataSource}: catalog listing, column names, exact and
 * estimated counts. Every statement here only reads; no driver class is referenced.
 */
public final class Database {

    /** A table in the catalog. */
    record TableName(String schema, String table) { }

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final String product;

    private Database(DataSource dataSource, SqlDialect dialect, String product) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.product = product;
    }

    /** Opens one connection to learn the product and chooses the dialect from it. */
    public static Database detect(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            String product = md.getDatabaseProductName() + " " + md.getDatabaseProductVersion();
            String p = md.getDatabaseProductName().toLowerCase(Locale.ROOT);
            SqlDialect d;
            if (p.contains("postgres")) {
                d = SqlDialect.POSTGRESQL;
            } else if (p.contains("mysql") || p.contains("mariadb")) {
                d = SqlDialect.MYSQL;
            } else {
                throw new SQLException("unsupported database product '" + md.getDatabaseProductName()
                        + "': dms-verify speaks MySQL/MariaDB and PostgreSQL");
            }
            return new Database(dataSource, d, product);
        }
    }

    /** @return the dialect */
    public SqlDialect dialect() {
        return dialect;
    }

    /** @return product name and version, e.g. "MariaDB 11.4.5" */
    public String product() {
        return product;
    }

    /** @return the data source */
    DataSource dataSource() {
        return dataSource;
    }

    /** Quotes an identifier for this dialect. */
    String quote(String identifier) {
        return dialect.quoteIdentifier(identifier);
    }

    /** @return {@code schema.table}, quoted */
    String qualified(String schema, String table) {
        return dialect.qualified(schema, table);
    }

    /** Lists the base tables of the catalog, leaving out the system schemas. */
    public List<TableName> listTables() throws SQLException {
        String sql = dialect == SqlDialect.MYSQL
                ? "SELECT table_schema, table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
                  + " AND table_schema NOT IN ('information_schema','mysql','performance_schema','sys')"
                  + " ORDER BY table_schema, table_name"
                : "SELECT n.nspname, c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
                  + " ON n.oid = c.relnamespace WHERE c.relkind IN ('r','p') AND NOT c.relispartition"
                  + " AND n.nspname NOT IN ('pg_catalog','information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'"
                  + " AND n.nspname NOT LIKE 'pg\\_temp%' ORDER BY 1, 2";
        List<TableName> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(new TableName(rs.getString(1), rs.getString(2)));
            }
        }
        return out;
    }

    /** @return whether the table exists */
    boolean tableExists(String schema, String table) throws SQLException {
        String sql = dialect == SqlDialect.MYSQL
                ? "SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?"
                : "SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                  + " WHERE n.nspname = ? AND c.relname = ? AND c.relkind IN ('r','p','v','m','f')";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** @return the table's column names in ordinal order */
    public List<String> columns(String schema, String table) throws SQLException {
        String sql = "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ?"
                + " ORDER BY ordinal_position";
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /**
     * Exact {@code COUNT(*)} (a plain SELECT), with a per-query timeout.
     *
     * @param predicate an optional SQL boolean expression (source filters)
     * @param timeout the query timeout (rounded up to whole seconds; zero = none)
     */
    public long count(String schema, String table, Optional<String> predicate, Duration timeout) throws SQLException {
        String sql = "SELECT COUNT(*) FROM " + qualified(schema, table) + predicate.map(p -> " WHERE " + p).orElse("");
        try (Connection c = dataSource.getConnection()) {
            try (Statement st = c.createStatement()) {
                if (timeout != null && !timeout.isZero()) {
                    st.setQueryTimeout((int) Math.max(1, (timeout.toMillis() + 999) / 1000));
                }
                try (ResultSet rs = st.executeQuery(sql)) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }
    }

    /**
     * The catalog's row estimate: {@code information_schema.tables.table_rows} on MySQL, {@code pg_class.reltuples}
     * on PostgreSQL. Empty when the database has none (a PostgreSQL table never analyzed).
     */
    public Optional<Long> estimate(String schema, String table) throws SQLException {
        String sql = dialect == SqlDialect.MYSQL
                ? "SELECT table_rows FROM information_schema.tables WHERE table_schema = ? AND table_name = ?"
                : "SELECT c.reltuples::bigint FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
                  + " ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long v = rs.getLong(1);
                return rs.wasNull() || v < 0 ? Optional.empty() : Optional.of(v);
            }
        }
    }
}
