package io.dmskit.verify.support;

import software.amazon.awssdk.services.s3.S3Client;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Plays DMS's CDC side for one MariaDB table in tests: triggers record every change in a change-log table (standing
 * in for the binlog), and a background thread flushes the captured changes every {@code batchIntervalMillis} (DMS's
 * CdcMaxBatchInterval, scaled down) as one timestamp-named CSV file with the Op column first, the commit timestamp
 * second (TimestampColumnName), then the row, under {@code folder/schema/table/}.
 */
public final class DmsLikeCdcWriter implements AutoCloseable {

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmssSSS");
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final DataSource db;
    private final String schema;
    private final String table;
    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final long batchIntervalMillis;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger filesWritten = new AtomicInteger();
    private final Thread thread;
    private long lastSeq;

    private DmsLikeCdcWriter(DataSource db, String schema, String table, S3Client s3, String bucket, String folder,
                             long batchIntervalMillis) {
        this.db = db;
        this.schema = schema;
        this.table = table;
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = (folder == null ? "" : folder + "/") + schema + "/" + table + "/";
        this.batchIntervalMillis = batchIntervalMillis;
        this.thread = new Thread(this::loop, "dms-like-cdc-writer");
        this.thread.setDaemon(true);
    }

    /**
     * Installs the change capture on {@code schema.table (id, note, ...)} and starts flushing.
     */
    public static DmsLikeCdcWriter start(DataSource db, String schema, String table, S3Client s3, String bucket,
                                         String folder, long batchIntervalMillis) {
        installCapture(db, schema, table);
        DmsLikeCdcWriter w = new DmsLikeCdcWriter(db, schema, table, s3, bucket, folder, batchIntervalMillis);
        w.thread.start();
        return w;
    }

    /** Creates the change-log table and the three triggers. */
    public static void installCapture(DataSource db, String schema, String table) {
        String log = schema + "." + table + "_changes";
        String t = schema + "." + table;
        TestDatabases.exec(db,
                "CREATE TABLE " + log + " (seq BIGINT AUTO_INCREMENT PRIMARY KEY, op CHAR(1), id VARCHAR(64),"
                        + " note VARCHAR(200), at TIMESTAMP(6) DEFAULT CURRENT_TIMESTAMP(6))",
                "CREATE TRIGGER " + t + "_ai AFTER INSERT ON " + t + " FOR EACH ROW INSERT INTO " + log
                        + " (op, id, note) VALUES ('I', NEW.id, NEW.note)",
                "CREATE TRIGGER " + t + "_au AFTER UPDATE ON " + t + " FOR EACH ROW INSERT INTO " + log
                        + " (op, id, note) VALUES ('U', NEW.id, NEW.note)",
                "CREATE TRIGGER " + t + "_ad AFTER DELETE ON " + t + " FOR EACH ROW INSERT INTO " + log
                        + " (op, id, note) VALUES ('D', OLD.id, OLD.note)");
    }

    /** @return number of CDC files written so far */
    public int filesWritten() {
        return filesWritten.get();
    }

    private void loop() {
        while (running.get()) {
            try {
                Thread.sleep(batchIntervalMillis);
                flush();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | SQLException e) {
                if (running.get()) {
                    System.err.println("DmsLikeCdcWriter: " + e);
                }
            }
        }
    }

    private void flush() throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT seq, op, id, note, at FROM " + schema + "." + table + "_changes WHERE seq > ? ORDER BY seq")) {
            ps.setLong(1, lastSeq);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lastSeq = rs.getLong(1);
                    rows.add(List.of(rs.getString(2), rs.getTimestamp(5).toLocalDateTime().format(TS),
                            rs.getString(3), rs.getString(4) == null ? "" : rs.getString(4)));
                }
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        String name = LocalDateTime.now(ZoneOffset.UTC).format(NAME) + ".csv";
        DmsS3Fixtures.put(s3, bucket, prefix + name, DmsS3Fixtures.csv(rows));
        filesWritten.incrementAndGet();
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
