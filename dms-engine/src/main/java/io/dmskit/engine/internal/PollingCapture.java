package io.dmskit.engine.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The polling fallback for sources without a usable change log (MySQL with {@code log_bin=OFF} or a binlog format
 * other than ROW, PostgreSQL with {@code wal_level} below {@code logical}): each poll reads every selected table
 * (with its source filter) and compares it with the previous image by primary key. New keys are inserts, missing
 * keys deletes (with the last seen row as before image), changed rows updates. The commit time is the detection
 * time. Meant for test-sized tables: each poll costs a full read.
 *
 * <p>Limits: several changes to one row between two polls collapse into one (insert+delete vanish); a changed
 * primary key shows as delete + insert; tables without a primary key are compared by whole rows.
 */
final class PollingCapture implements ChangeCapture {

    /** The images a capture compares against; kept by the engine across stop and resume-processing. */
    public static final class Snapshot {
        final Map<SourceTable, Map<String, Object[]>> tables = new HashMap<>();

        /** Records a row read by the full load. */
        public synchronized void put(SourceTable table, Object[] row) {
            tables.computeIfAbsent(table, t -> new HashMap<>()).put(RowKey.of(table, row), row);
        }

        /** Marks a table as known even when it has no rows. */
        public synchronized void touch(SourceTable table) {
            tables.computeIfAbsent(table, t -> new HashMap<>());
        }

        synchronized boolean has(SourceTable table) {
            return tables.containsKey(table);
        }
    }

    private final JdbcEndpoint endpoint;
    private final CapturedTables tables;
    private final Snapshot snapshot;
    private final Clock clock;
    private final Duration interval;
    private final String positionId;
    private Connection connection;
    private long polls;
    private long nextPollNanos;

    /**
     * @param endpoint the source
     * @param tables the captured tables, compared with the source's catalog before every read (a selected table
     *     created later joins with all its rows as inserts; a dropped one leaves)
     * @param snapshot images to compare against; tables missing from it are read once without emitting changes
     * @param clock commit-time source
     * @param interval time between two reads
     * @param positionId identifies the snapshot in checkpoints
     */
    public PollingCapture(JdbcEndpoint endpoint, CapturedTables tables, Snapshot snapshot, Clock clock,
                          Duration interval, String positionId) {
        this.endpoint = endpoint;
        this.tables = tables;
        this.snapshot = snapshot;
        this.clock = clock;
        this.interval = interval;
        this.positionId = positionId;
    }

    /** Reads tables that have no image yet, so that changes from now on are seen. */
    public void initialize() throws SQLException {
        for (TablePlan plan : tables.all()) {
            if (!snapshot.has(plan.source())) {
                Map<String, Object[]> rows = read(plan);
                synchronized (snapshot) {
                    snapshot.tables.put(plan.source(), rows);
                }
            }
        }
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = endpoint.connect();
        }
        return connection;
    }

    private Map<String, Object[]> read(TablePlan plan) throws SQLException {
        Map<String, Object[]> rows = new LinkedHashMap<>();
        RowReader reader = new RowReader(plan.source().columns());
        try (Statement s = connection().createStatement();
             ResultSet rs = s.executeQuery(plan.selectSql(endpoint.dialect()))) {
            while (rs.next()) {
                Object[] row = reader.read(rs);
                rows.put(RowKey.of(plan.source(), row), row);
            }
        } catch (SQLException e) {
            closeConnection();
            throw e;
        }
        return rows;
    }

    @Override
    public List<Change> poll(Duration timeout) throws Exception {
        long wait = nextPollNanos - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(Math.min(timeout.toMillis(), Math.max(1, wait / 1_000_000)));
            if (nextPollNanos - System.nanoTime() > 0) {
                return List.of();
            }
        }
        nextPollNanos = System.nanoTime() + interval.toNanos();
        tables.refresh();
        List<Change> changes = new ArrayList<>();
        for (TablePlan plan : tables.all()) {
            Map<String, Object[]> now;
            try {
                now = read(plan);
            } catch (SQLException e) {
                if (!tables.exists(plan.source().schema(), plan.source().name())) {
                    // dropped between the catalog check and the read: its capture ends, nothing to retry
                    tables.drop(plan.source().schema(), plan.source().name());
                    forget(plan.source());
                    continue;
                }
                throw e;
            }
            Instant detected = clock.instant();
            synchronized (snapshot) {
                Map<String, Object[]> before = snapshot.tables.computeIfAbsent(plan.source(), t -> new HashMap<>());
                for (Map.Entry<String, Object[]> e : now.entrySet()) {
                    Object[] old = before.get(e.getKey());
                    if (old == null) {
                        changes.add(new Change('I', plan.source(), e.getValue(), detected));
                    } else if (!Arrays.deepEquals(old, e.getValue())) {
                        changes.add(new Change('U', plan.source(), e.getValue(), detected));
                    }
                }
                for (Map.Entry<String, Object[]> e : before.entrySet()) {
                    if (!now.containsKey(e.getKey())) {
                        changes.add(new Change('D', plan.source(), e.getValue(), detected));
                    }
                }
                snapshot.tables.put(plan.source(), now);
            }
        }
        java.util.Set<SourceTable> captured = new java.util.HashSet<>();
        tables.all().forEach(p -> captured.add(p.source()));
        synchronized (snapshot) {
            snapshot.tables.keySet().retainAll(captured); // images of dropped tables
        }
        polls++;
        return changes;
    }

    private void forget(SourceTable table) {
        synchronized (snapshot) {
            snapshot.tables.remove(table);
        }
    }

    @Override
    public String position() {
        return "dmskit-polling:" + positionId + ":" + polls;
    }

    @Override
    public String mode() {
        return "polling";
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already broken
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        closeConnection();
    }
}
