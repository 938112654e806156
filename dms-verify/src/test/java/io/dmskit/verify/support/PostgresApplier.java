package io.dmskit.verify.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * Plays DMS's apply side between two PostgreSQL schemas in tests: a trigger logs every change of
 * {@code source.table (id, note)} and a background thread applies the logged changes to {@code target.table} in
 * batches every {@code intervalMillis}.
 */
public final class PostgresApplier implements AutoCloseable {

    private final DataSource db;
    private final String source;
    private final String target;
    private final String table;
    private final long intervalMillis;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private long lastSeq;

    private PostgresApplier(DataSource db, String source, String target, String table, long intervalMillis) {
        this.db = db;
        this.source = source;
        this.target = target;
        this.table = table;
        this.intervalMillis = intervalMillis;
        this.thread = new Thread(this::loop, "postgres-applier");
        this.thread.setDaemon(true);
    }

    /** Installs the capture trigger and starts applying. */
    public static PostgresApplier start(DataSource db, String source, String target, String table,
                                        long intervalMillis) {
        String log = source + "." + table + "_changes";
        TestDatabases.exec(db,
                "CREATE TABLE " + log + " (seq BIGSERIAL PRIMARY KEY, op CHAR(1), id VARCHAR(64), note VARCHAR(200))",
                "CREATE FUNCTION " + source + ".capture() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                        + " IF TG_OP = 'DELETE' THEN INSERT INTO " + log + " (op, id, note) VALUES ('D', OLD.id, OLD.note);"
                        + " ELSE INSERT INTO " + log + " (op, id, note) VALUES (substr(TG_OP, 1, 1), NEW.id, NEW.note);"
                        + " END IF; RETURN NULL; END $$",
                "CREATE TRIGGER capture AFTER INSERT OR UPDATE OR DELETE ON " + source + "." + table
                        + " FOR EACH ROW EXECUTE FUNCTION " + source + ".capture()");
        PostgresApplier a = new PostgresApplier(db, source, target, table, intervalMillis);
        a.thread.start();
        return a;
    }

    private void loop() {
        while (running.get()) {
            try {
                Thread.sleep(intervalMillis);
                apply();
            } catch (InterruptedException e) {
                return;
            } catch (SQLException e) {
                if (running.get()) {
                    System.err.println("PostgresApplier: " + e);
                }
            }
        }
    }

    private void apply() throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT seq, op, id, note FROM " + source + "." + table + "_changes WHERE seq > ? ORDER BY seq")) {
            ps.setLong(1, lastSeq);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lastSeq = rs.getLong(1);
                    String op = rs.getString(2);
                    String sql = switch (op) {
                        case "I" -> "INSERT INTO " + target + "." + table + " (note, id) VALUES (?, ?)";
                        case "U" -> "UPDATE " + target + "." + table + " SET note = ? WHERE id = ?";
                        default -> "DELETE FROM " + target + "." + table + " WHERE id = ?";
                    };
                    try (PreparedStatement w = c.prepareStatement(sql)) {
                        if (op.equals("D")) {
                            w.setString(1, rs.getString(3));
                        } else {
                            w.setString(1, rs.getString(4));
                            w.setString(2, rs.getString(3));
                        }
                        w.executeUpdate();
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        running.set(false);
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
