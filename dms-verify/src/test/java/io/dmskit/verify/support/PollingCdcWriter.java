package io.dmskit.verify.support;

import software.amazon.awssdk.services.s3.S3Client;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Plays a CDC capture that <em>polls</em> one table (as the local replication engine does when the binlog or logical
 * decoding is off): every {@code pollIntervalMillis} it reads the table's current rows {@code (id, note)}, compares
 * them with the previous poll and writes the difference as one timestamp-named CSV file ({@code I} for a new id,
 * {@code U} for a changed note, {@code D} for a vanished id; Op, timestamp, id, note) under
 * {@code folder/schema/table/}. A row inserted and deleted between two polls is never seen, by design.
 */
public final class PollingCdcWriter implements AutoCloseable {

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmssSSS");
    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private final DataSource db;
    private final String qualified;
    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final long pollIntervalMillis;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger polls = new AtomicInteger();
    private final AtomicInteger filesWritten = new AtomicInteger();
    private final Thread thread;
    private Map<String, String> previous;

    private PollingCdcWriter(DataSource db, String schema, String table, S3Client s3, String bucket, String folder,
                             long pollIntervalMillis) throws SQLException {
        this.db = db;
        this.qualified = schema + "." + table;
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = (folder == null ? "" : folder + "/") + schema + "/" + table + "/";
        this.pollIntervalMillis = pollIntervalMillis;
        this.previous = snapshot();
        this.thread = new Thread(this::loop, "polling-cdc-writer");
        this.thread.setDaemon(true);
    }

    /** Takes the first snapshot of {@code schema.table (id, note, ...)} and starts polling. */
    public static PollingCdcWriter start(DataSource db, String schema, String table, S3Client s3, String bucket,
                                         String folder, long pollIntervalMillis) {
        try {
            PollingCdcWriter w = new PollingCdcWriter(db, schema, table, s3, bucket, folder, pollIntervalMillis);
            w.thread.start();
            return w;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + schema + "." + table + ": " + e.getMessage(), e);
        }
    }

    /** @return polls made so far */
    public int polls() {
        return polls.get();
    }

    /** @return CDC files written so far */
    public int filesWritten() {
        return filesWritten.get();
    }

    private Map<String, String> snapshot() throws SQLException {
        Map<String, String> rows = new HashMap<>();
        try (Connection c = db.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, note FROM " + qualified)) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2));
            }
        }
        return rows;
    }

    private void loop() {
        while (running.get()) {
            try {
                Thread.sleep(pollIntervalMillis);
                poll();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException | SQLException e) {
                if (running.get()) {
                    System.err.println("PollingCdcWriter: " + e);
                }
            }
        }
    }

    private void poll() throws SQLException {
        Map<String, String> now = snapshot();
        polls.incrementAndGet();
        String at = LocalDateTime.now(ZoneOffset.UTC).format(TS);
        List<List<String>> changes = new ArrayList<>();
        for (var e : now.entrySet()) {
            String before = previous.get(e.getKey());
            if (before == null) {
                changes.add(List.of("I", at, e.getKey(), e.getValue()));
            } else if (!Objects.equals(before, e.getValue())) {
                changes.add(List.of("U", at, e.getKey(), e.getValue()));
            }
        }
        for (var e : previous.entrySet()) {
            if (!now.containsKey(e.getKey())) {
                changes.add(List.of("D", at, e.getKey(), e.getValue()));
            }
        }
        previous = now;
        if (changes.isEmpty()) {
            return;
        }
        String name = LocalDateTime.now(ZoneOffset.UTC).format(NAME);
        DmsS3Fixtures.put(s3, bucket, prefix + name + ".csv", DmsS3Fixtures.csv(changes));
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
