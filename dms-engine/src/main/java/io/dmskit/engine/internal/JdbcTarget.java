package io.dmskit.engine.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads rows into a PostgreSQL or MySQL/MariaDB target and applies CDC changes, honouring TargetTablePrepMode
 * (DROP_AND_CREATE, TRUNCATE_BEFORE_LOAD, DO_NOTHING) and mapping source types to the target's types.
 */
final class JdbcTarget implements Target {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcTarget.class);

    /** TargetTablePrepMode values. */
    public enum PrepMode { DROP_AND_CREATE, TRUNCATE_BEFORE_LOAD, DO_NOTHING }

    private final JdbcEndpoint endpoint;
    private final PrepMode prepMode;
    private final int commitRate;
    private Connection cdcConnection;

    public JdbcTarget(JdbcEndpoint endpoint, PrepMode prepMode, int commitRate) {
        this.endpoint = endpoint;
        this.prepMode = prepMode;
        this.commitRate = Math.max(1, commitRate);
    }

    private Dialect dialect() {
        return endpoint.dialect();
    }

    @Override
    public TableLoad beginLoad(TablePlan plan, Instant loadTime) {
        try {
            Connection c = endpoint.connect();
            try {
                prepare(c, plan, prepMode);
                c.setAutoCommit(false);
                return new Load(c, plan, loadTime);
            } catch (SQLException | RuntimeException e) {
                c.close();
                throw e;
            }
        } catch (SQLException e) {
            throw new EngineException("Cannot prepare target table " + plan.targetSchema() + "." + plan.targetTable()
                    + " on endpoint '" + endpoint.endpointIdentifier() + "': " + e.getMessage(), e);
        }
    }

    @Override
    public void prepareForCdc(TablePlan plan) {
        try (Connection c = endpoint.connect()) {
            prepare(c, plan, PrepMode.DO_NOTHING);
        } catch (SQLException e) {
            throw new EngineException("Cannot prepare target table " + plan.targetSchema() + "." + plan.targetTable()
                    + " on endpoint '" + endpoint.endpointIdentifier() + "': " + e.getMessage(), e);
        }
    }

    private void prepare(Connection c, TablePlan plan, PrepMode mode) throws SQLException {
        String table = dialect().qualified(plan.targetSchema(), plan.targetTable());
        boolean exists = exists(c, plan.targetSchema(), plan.targetTable());
        try (Statement s = c.createStatement()) {
            if (mode == PrepMode.DROP_AND_CREATE && exists) {
                s.execute("DROP TABLE " + table);
                exists = false;
            }
            if (!exists) {
                s.execute(dialect() == Dialect.POSTGRESQL
                        ? "CREATE SCHEMA IF NOT EXISTS " + dialect().quote(plan.targetSchema())
                        : "CREATE DATABASE IF NOT EXISTS " + dialect().quote(plan.targetSchema()));
                s.execute(createTableSql(plan));
                LOG.info("created target table {} on {}", table, endpoint.endpointIdentifier());
            } else if (mode == PrepMode.TRUNCATE_BEFORE_LOAD) {
                s.execute("TRUNCATE TABLE " + table);
            }
        }
    }

    private boolean exists(Connection c, String schema, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM information_schema.tables WHERE table_schema = ? AND table_name = ?")) {
            ps.setString(1, schema);
            ps.setString(2, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** @return CREATE TABLE for the plan's target columns, with the primary key when the source has one */
    public String createTableSql(TablePlan plan) {
        StringBuilder sb = new StringBuilder("CREATE TABLE ")
                .append(dialect().qualified(plan.targetSchema(), plan.targetTable())).append(" (");
        List<TablePlan.TargetColumn> cols = plan.columns();
        List<Integer> pk = plan.targetPrimaryKey();
        for (int i = 0; i < cols.size(); i++) {
            TablePlan.TargetColumn c = cols.get(i);
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(dialect().quote(c.name())).append(' ').append(columnType(c));
            if (pk.contains(i) || (c.source() != null && !c.source().nullable())) {
                sb.append(" NOT NULL");
            }
        }
        if (!pk.isEmpty()) {
            sb.append(", PRIMARY KEY (");
            for (int i = 0; i < pk.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(dialect().quote(cols.get(pk.get(i)).name()));
            }
            sb.append(')');
        }
        return sb.append(')').toString();
    }

    /** @return the target column type for a source column (DMS-like mapping through its data types) */
    String columnType(TablePlan.TargetColumn c) {
        boolean pg = dialect() == Dialect.POSTGRESQL;
        SourceColumn s = c.type();
        if (s == null) {
            return addedColumnType(c.added(), pg);
        }
        String t = s.typeName();
        return switch (s.kind()) {
            case INTEGER -> {
                if (t.startsWith("tinyint") || t.startsWith("smallint") || t.equals("int2") || t.startsWith("year")) {
                    yield s.unsigned() && t.startsWith("smallint") ? "integer" : "smallint";
                }
                if ((t.startsWith("int") && !t.startsWith("int8") || t.startsWith("mediumint") || t.equals("serial"))
                        && !(s.unsigned() && t.startsWith("int"))) {
                    yield "integer";
                }
                yield "bigint";
            }
            case DECIMAL -> s.precision() >= 1 && s.precision() <= 65
                    ? (pg ? "numeric(" : "decimal(") + s.precision() + "," + s.scale() + ")"
                    : (pg ? "numeric" : "decimal(65,30)");
            case DOUBLE -> pg ? "double precision" : "double";
            case FLOAT -> pg ? "real" : "float";
            case BOOLEAN -> pg ? "boolean" : "tinyint(1)";
            case DATE -> "date";
            case TIMESTAMP -> pg ? "timestamp(" + Math.min(6, s.scale()) + ")" : "datetime(" + Math.min(6, s.scale()) + ")";
            case BINARY -> pg ? "bytea" : "longblob";
            case STRING -> stringType(s, pg);
        };
    }

    private static String stringType(SourceColumn s, boolean pg) {
        String t = s.typeName();
        if (t.startsWith("time") && !t.startsWith("timestamp")) {
            return "time";
        }
        boolean character = t.contains("char") || t.equals("bpchar") || t.equals("enum") || t.equals("set");
        int n = s.precision();
        if (character && n >= 1 && n <= (pg ? 10_485_760 : 16_383)) {
            boolean fixed = t.equals("char") || t.equals("bpchar") || t.equals("character");
            return (fixed ? "char(" : "varchar(") + n + ")";
        }
        if (t.equals("uuid")) {
            return pg ? "uuid" : "varchar(36)";
        }
        return pg ? "text" : "longtext";
    }

    private static String addedColumnType(TableRoute.AddedColumn a, boolean pg) {
        String type = a.dataType() == null ? "string" : a.dataType().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "int1", "int2", "uint1" -> "smallint";
            case "int4", "uint2" -> "integer";
            case "int8", "uint4" -> "bigint";
            case "uint8", "numeric" -> pg ? "numeric" : "decimal(65,30)";
            case "real4" -> pg ? "real" : "float";
            case "real8" -> pg ? "double precision" : "double";
            case "boolean" -> pg ? "boolean" : "tinyint(1)";
            case "date" -> "date";
            case "time" -> "time";
            case "datetime" -> pg ? "timestamp(6)" : "datetime(6)";
            case "bytes", "blob" -> pg ? "bytea" : "longblob";
            default -> a.length() > 0 && a.length() <= 16_383 ? "varchar(" + a.length() + ")" : pg ? "text" : "longtext";
        };
    }

    private String insertSql(TablePlan plan) {
        StringBuilder sb = new StringBuilder("INSERT INTO ")
                .append(dialect().qualified(plan.targetSchema(), plan.targetTable())).append(" (");
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < plan.columns().size(); i++) {
            sb.append(i > 0 ? ", " : "").append(dialect().quote(plan.columns().get(i).name()));
            values.append(i > 0 ? ", ?" : "?");
        }
        return sb.append(") VALUES (").append(values).append(')').toString();
    }

    static void bind(PreparedStatement ps, int index, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(index, Types.NULL);
        } else if (v instanceof Long l) {
            ps.setLong(index, l);
        } else if (v instanceof BigDecimal d) {
            ps.setBigDecimal(index, d);
        } else if (v instanceof Double d) {
            ps.setDouble(index, d);
        } else if (v instanceof Float f) {
            ps.setFloat(index, f);
        } else if (v instanceof Boolean b) {
            ps.setBoolean(index, b);
        } else if (v instanceof String s) {
            ps.setString(index, s);
        } else if (v instanceof LocalDate || v instanceof LocalDateTime) {
            ps.setObject(index, v);
        } else if (v instanceof byte[] b) {
            ps.setBytes(index, b);
        } else {
            ps.setObject(index, v);
        }
    }

    private final class Load implements TableLoad {
        private final Connection c;
        private final TablePlan plan;
        private final Instant loadTime;
        private final PreparedStatement insert;
        private long rows;
        private int pending;

        Load(Connection c, TablePlan plan, Instant loadTime) throws SQLException {
            this.c = c;
            this.plan = plan;
            this.loadTime = loadTime;
            this.insert = c.prepareStatement(insertSql(plan));
        }

        @Override
        public void add(Object[] sourceRow) {
            Object[] values = plan.targetValues(sourceRow, 'I', loadTime);
            try {
                for (int i = 0; i < values.length; i++) {
                    bind(insert, i + 1, values[i]);
                }
                insert.addBatch();
                rows++;
                if (++pending >= Math.min(commitRate, 1000)) {
                    insert.executeBatch();
                    pending = 0;
                    if (rows % commitRate == 0) {
                        c.commit();
                    }
                }
            } catch (SQLException e) {
                throw failure(e);
            }
        }

        private EngineException failure(SQLException e) {
            return new EngineException("Loading " + plan + " into endpoint '" + endpoint.endpointIdentifier()
                    + "' failed: " + e.getMessage(), e);
        }

        @Override
        public long rows() {
            return rows;
        }

        @Override
        public void finish() {
            try {
                if (pending > 0) {
                    insert.executeBatch();
                    pending = 0;
                }
                c.commit();
            } catch (SQLException e) {
                throw failure(e);
            }
        }

        @Override
        public void close() {
            try {
                insert.close();
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
                c.close();
            } catch (SQLException e) {
                LOG.debug("closing target connection", e);
            }
        }
    }

    @Override
    public synchronized Map<TablePlan, long[]> applyChanges(List<PlannedChange> changes, Instant flushTime) {
        Map<TablePlan, long[]> counts = new LinkedHashMap<>();
        try {
            if (cdcConnection == null || !cdcConnection.isValid(5)) {
                if (cdcConnection != null) {
                    cdcConnection.close();
                }
                cdcConnection = endpoint.connect();
            }
            for (PlannedChange pc : changes) {
                Change ch = pc.change();
                long[] n = counts.computeIfAbsent(pc.plan(), p -> new long[3]);
                try {
                    apply(cdcConnection, pc.plan(), ch);
                } catch (SQLException e) {
                    // ApplyErrorInsertPolicy/UpdatePolicy default LOG_ERROR: the change is logged and skipped
                    LOG.warn("applying {} on {} failed: {}", ch.op(), pc.plan(), e.getMessage());
                }
                n[Target.opIndex(ch.op())]++;
            }
        } catch (SQLException e) {
            throw new EngineException("Applying changes to endpoint '" + endpoint.endpointIdentifier() + "' failed: "
                    + e.getMessage(), e);
        }
        return counts;
    }

    private void apply(Connection c, TablePlan plan, Change ch) throws SQLException {
        Object[] values = plan.targetValues(ch.values(), ch.op(), ch.commitTime());
        List<TablePlan.TargetColumn> cols = plan.columns();
        String table = dialect().qualified(plan.targetSchema(), plan.targetTable());
        if (ch.op() == 'I') {
            try (PreparedStatement ps = c.prepareStatement(insertSql(plan))) {
                for (int i = 0; i < values.length; i++) {
                    bind(ps, i + 1, values[i]);
                }
                ps.executeUpdate();
            }
            return;
        }
        List<Integer> key = plan.targetPrimaryKey();
        if (key.isEmpty()) {
            key = new ArrayList<>();
            for (int i = 0; i < cols.size(); i++) {
                if (cols.get(i).source() != null) {
                    key.add(i);
                }
            }
        }
        StringBuilder where = new StringBuilder();
        for (int k = 0; k < key.size(); k++) {
            where.append(k > 0 ? " AND " : "").append(dialect().quote(cols.get(key.get(k)).name()))
                    .append(dialect() == Dialect.POSTGRESQL ? " IS NOT DISTINCT FROM ?" : " <=> ?");
        }
        if (ch.op() == 'D') {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE " + where)) {
                for (int k = 0; k < key.size(); k++) {
                    bind(ps, k + 1, values[key.get(k)]);
                }
                ps.executeUpdate();
            }
            return;
        }
        StringBuilder set = new StringBuilder();
        for (int i = 0; i < cols.size(); i++) {
            set.append(i > 0 ? ", " : "").append(dialect().quote(cols.get(i).name())).append(" = ?");
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET " + set + " WHERE " + where)) {
            int p = 1;
            for (Object v : values) {
                bind(ps, p++, v);
            }
            for (int k : key) {
                bind(ps, p++, values[k]);
            }
            ps.executeUpdate();
        }
    }

    @Override
    public synchronized void close() {
        if (cdcConnection != null) {
            try {
                cdcConnection.close();
            } catch (SQLException e) {
                LOG.debug("closing target connection", e);
            }
            cdcConnection = null;
        }
    }
}
