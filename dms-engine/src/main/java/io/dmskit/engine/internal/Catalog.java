package io.dmskit.engine.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads table and column definitions from a source database's information schema. */
final class Catalog {

    private final Dialect dialect;

    public Catalog(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * @return every user base table as (schema, table), excluding system schemas
     */
    public List<String[]> listTables(Connection c) throws SQLException {
        String sql = switch (dialect) {
            case MYSQL -> "SELECT table_schema, table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
                    + " AND table_schema NOT IN ('mysql', 'information_schema', 'performance_schema', 'sys')"
                    + " ORDER BY table_schema, table_name";
            case POSTGRESQL -> "SELECT table_schema, table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
                    + " AND table_schema NOT IN ('pg_catalog', 'information_schema') AND table_schema NOT LIKE 'pg_toast%'"
                    + " AND table_catalog = current_database() ORDER BY table_schema, table_name";
        };
        List<String[]> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return out;
    }

    /**
     * @return the table's columns (ordinal order) and primary key
     */
    public SourceTable describe(Connection c, String schema, String table) throws SQLException {
        List<SourceColumn> columns = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM " + dialect.qualified(schema, table) + " WHERE 1 = 0")) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                columns.add(column(md, i));
            }
        }
        List<Integer> pk = new ArrayList<>();
        String sql = primaryKeySql();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            index.put(columns.get(i).name(), i);
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Integer i = index.get(rs.getString(1));
                    if (i != null) {
                        pk.add(i);
                    }
                }
            }
        }
        return new SourceTable(schema, table, columns, pk);
    }

    /**
     * The primary key's columns in key order, readable by a SELECT-only login (the DMS source user): the
     * information schema's {@code table_constraints} lists constraints only to users with a privilege beyond SELECT
     * (PostgreSQL, MariaDB), which would make every table look keyless and every update a delete plus an insert.
     */
    private String primaryKeySql() {
        return switch (dialect) {
            // MySQL and MariaDB name the primary key PRIMARY; key_column_usage is visible with SELECT
            case MYSQL -> "SELECT column_name FROM information_schema.key_column_usage"
                    + " WHERE constraint_name = 'PRIMARY' AND table_schema = ? AND table_name = ?"
                    + " ORDER BY ordinal_position";
            // the system catalogs are readable by every role
            case POSTGRESQL -> "SELECT a.attname FROM pg_catalog.pg_index i"
                    + " JOIN pg_catalog.pg_class c ON c.oid = i.indrelid"
                    + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                    + " JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY (i.indkey)"
                    + " WHERE i.indisprimary AND n.nspname = ? AND c.relname = ?"
                    + " ORDER BY array_position(i.indkey::int2[], a.attnum)";
        };
    }

    private SourceColumn column(ResultSetMetaData md, int i) throws SQLException {
        String typeName = String.valueOf(md.getColumnTypeName(i)).toLowerCase(Locale.ROOT);
        int type = md.getColumnType(i);
        int precision = Math.max(0, md.getPrecision(i));
        int scale = Math.max(0, md.getScale(i));
        boolean unsigned = typeName.contains("unsigned") || (dialect == Dialect.MYSQL && !md.isSigned(i)
                && isIntegerType(type));
        boolean nullable = md.isNullable(i) != ResultSetMetaData.columnNoNulls;
        ValueKind kind = kindOf(type, typeName, unsigned);
        return new SourceColumn(md.getColumnName(i), kind, typeName, precision, scale, nullable, unsigned);
    }

    private static boolean isIntegerType(int type) {
        return type == Types.TINYINT || type == Types.SMALLINT || type == Types.INTEGER || type == Types.BIGINT;
    }

    private ValueKind kindOf(int type, String typeName, boolean unsigned) {
        if (dialect == Dialect.POSTGRESQL) {
            if (typeName.equals("bool")) {
                return ValueKind.BOOLEAN;
            }
            if (typeName.equals("timestamptz")) {
                return ValueKind.TIMESTAMP;
            }
            if (typeName.startsWith("time")) {
                return typeName.startsWith("timestamp") ? ValueKind.TIMESTAMP : ValueKind.STRING;
            }
            if (typeName.equals("money")) {
                return ValueKind.STRING;
            }
        }
        if (dialect == Dialect.MYSQL && (typeName.startsWith("bit") || typeName.startsWith("year"))) {
            return typeName.startsWith("year") ? ValueKind.INTEGER : ValueKind.BINARY;
        }
        return switch (type) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> ValueKind.INTEGER;
            case Types.BIGINT -> unsigned ? ValueKind.DECIMAL : ValueKind.INTEGER;
            case Types.DECIMAL, Types.NUMERIC -> ValueKind.DECIMAL;
            case Types.DOUBLE, Types.FLOAT -> ValueKind.DOUBLE;
            case Types.REAL -> ValueKind.FLOAT;
            case Types.BOOLEAN -> ValueKind.BOOLEAN;
            case Types.BIT -> ValueKind.BOOLEAN;
            case Types.DATE -> ValueKind.DATE;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> ValueKind.TIMESTAMP;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> ValueKind.BINARY;
            default -> ValueKind.STRING;
        };
    }
}
