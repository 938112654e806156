package io.dmskit.engine.internal;

import com.github.shyiko.mysql.binlog.BinaryLogClient;
import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.QueryEventData;
import com.github.shyiko.mysql.binlog.event.RotateEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import com.github.shyiko.mysql.binlog.event.deserialization.EventDeserializer;
import com.github.shyiko.mysql.binlog.event.deserialization.json.JsonBinary;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Log-based CDC from a MySQL/MariaDB binary log in ROW format (what DMS requires: {@code log_bin=ON},
 * {@code binlog_format=ROW}, {@code binlog_row_image=FULL}), read as a replica with mysql-binlog-connector-java.
 * Changes are handed over per committed transaction, with the transaction's commit time; the position is the
 * binlog file and offset after the last handed-over commit, in {@code binlog:<file>:<offset>} form.
 */
final class BinlogCapture implements ChangeCapture {

    /** Prefix of positions written to checkpoints. */
    public static final String PREFIX = "binlog:";
    private static final Logger LOG = LoggerFactory.getLogger(BinlogCapture.class);

    /** A committed transaction's changes and the position after it. */
    private record Committed(List<Change> changes, String file, long position) {
    }

    private final BinaryLogClient client;
    private final CapturedTables tables;
    private final JdbcEndpoint source;
    private final Map<String, List<String>> enumValues;
    /** Tables whose enum/set values are in {@link #enumValues} (read by the binlog thread only after open). */
    private final java.util.Set<SourceTable> enumsRead = new java.util.HashSet<>();
    private final Map<Long, SourceTable> tableIds = new HashMap<>();
    private final LinkedBlockingQueue<Committed> committed = new LinkedBlockingQueue<>();
    private final List<Change> open = new ArrayList<>();
    private final Clock clock;
    private final ZoneId serverZone;
    private volatile String file;
    private volatile String positionFile;
    private volatile long position;
    private volatile Exception failure;
    private volatile boolean connected;

    private BinlogCapture(JdbcEndpoint source, CapturedTables tables, Clock clock, String file, long position,
                          Map<String, List<String>> enumValues, ZoneId serverZone) {
        this.tables = tables;
        this.source = source;
        for (TablePlan p : tables.all()) {
            enumsRead.add(p.source());
        }
        this.clock = clock;
        this.enumValues = enumValues;
        this.serverZone = serverZone;
        this.file = file;
        this.positionFile = file;
        this.position = position;
        client = new BinaryLogClient(source.host(), source.port(), source.username(), source.password());
        client.setServerId(100_000 + ThreadLocalRandom.current().nextInt(1_000_000));
        client.setBinlogFilename(file);
        client.setBinlogPosition(position);
        client.setKeepAlive(true);
        client.setKeepAliveInterval(2_000);
        client.setHeartbeatInterval(1_000);
        EventDeserializer deserializer = new EventDeserializer();
        deserializer.setCompatibilityMode(EventDeserializer.CompatibilityMode.DATE_AND_TIME_AS_LONG_MICRO,
                EventDeserializer.CompatibilityMode.CHAR_AND_BINARY_AS_BYTE_ARRAY,
                EventDeserializer.CompatibilityMode.INVALID_DATE_AND_TIME_AS_MIN_VALUE);
        client.setEventDeserializer(deserializer);
        client.registerEventListener(this::onEvent);
        client.registerLifecycleListener(new BinaryLogClient.AbstractLifecycleListener() {
            @Override
            public void onConnect(BinaryLogClient c) {
                connected = true;
                failure = null;
            }

            @Override
            public void onCommunicationFailure(BinaryLogClient c, Exception ex) {
                failure = ex;
            }

            @Override
            public void onEventDeserializationFailure(BinaryLogClient c, Exception ex) {
                failure = ex;
            }

            @Override
            public void onDisconnect(BinaryLogClient c) {
                connected = false;
            }
        });
    }

    /**
     * Connects to the binlog.
     *
     * @param source the source endpoint
     * @param tables the captured tables (tables created later join through it)
     * @param clock unused for commit times (the binlog carries them); kept for symmetry
     * @param start {@code binlog:<file>:<offset>} to continue from, empty for the current end of the log
     * @return the running capture
     */
    public static BinlogCapture open(JdbcEndpoint source, CapturedTables tables, Clock clock, Optional<String> start)
            throws SQLException {
        List<TablePlan> plans = tables.all();
        String file;
        long pos;
        Map<String, List<String>> enums = new HashMap<>();
        ZoneId zone;
        try (Connection c = source.connect(); Statement s = c.createStatement()) {
            if (start.isPresent()) {
                String p = start.get().substring(PREFIX.length());
                int colon = p.lastIndexOf(':');
                file = p.substring(0, colon);
                pos = Long.parseLong(p.substring(colon + 1));
            } else {
                try (ResultSet rs = s.executeQuery("SHOW MASTER STATUS")) {
                    if (!rs.next()) {
                        throw new EngineException("SHOW MASTER STATUS returned nothing on '" + source.endpointIdentifier()
                                + "': binary logging is off");
                    }
                    file = rs.getString(1);
                    pos = rs.getLong(2);
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT @@system_time_zone, @@time_zone")) {
                rs.next();
                zone = zone(rs.getString(2), rs.getString(1));
            }
            for (TablePlan p : plans) {
                readEnums(c, p.source(), enums);
            }
        }
        BinlogCapture capture = new BinlogCapture(source, tables, clock, file, pos, enums, zone);
        try {
            capture.client.connect(10_000);
        } catch (IOException | java.util.concurrent.TimeoutException e) {
            throw new EngineException("Cannot read the binary log of source endpoint '" + source.endpointIdentifier()
                    + "' from " + file + ":" + pos + ": " + e.getMessage(), e);
        }
        LOG.info("binlog capture of {} from {}:{}", source.endpointIdentifier(), file, pos);
        return capture;
    }

    /** Reads the values of the table's enum and set columns (the binlog carries their indexes). */
    private static void readEnums(Connection c, SourceTable t, Map<String, List<String>> into) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT column_name, data_type, column_type"
                + " FROM information_schema.columns WHERE table_schema = ? AND table_name = ?"
                + " AND data_type IN ('enum', 'set')")) {
            ps.setString(1, t.schema());
            ps.setString(2, t.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> values = new ArrayList<>();
                    values.add(rs.getString(2)); // first element: enum or set
                    values.addAll(parseEnum(rs.getString(3)));
                    into.put(t.schema() + "\u0000" + t.name() + "\u0000" + rs.getString(1), values);
                }
            }
        }
    }

    /** @return the captured table a TABLE_MAP event names; a selected table created after start joins here */
    private SourceTable tableOf(String database, String table) {
        TablePlan p = tables.resolve(database, table);
        if (p == null) {
            return null;
        }
        if (enumsRead.add(p.source())) {
            try (Connection c = source.connect()) {
                readEnums(c, p.source(), enumValues);
            } catch (SQLException e) {
                LOG.debug("enum values of {} cannot be read: {}", p, e.getMessage());
            }
        }
        return p.source();
    }

    private static ZoneId zone(String sessionZone, String systemZone) {
        String z = "SYSTEM".equalsIgnoreCase(sessionZone) ? systemZone : sessionZone;
        try {
            return ZoneId.of(z);
        } catch (RuntimeException e) {
            try {
                return ZoneId.of(z, ZoneId.SHORT_IDS);
            } catch (RuntimeException e2) {
                return ZoneId.systemDefault();
            }
        }
    }

    private static String key(SourceTable t, SourceColumn c) {
        return t.schema() + "\u0000" + t.name() + "\u0000" + c.name();
    }

    static List<String> parseEnum(String columnType) {
        List<String> values = new ArrayList<>();
        int open = columnType.indexOf('(');
        String body = columnType.substring(open + 1, columnType.lastIndexOf(')'));
        StringBuilder cur = new StringBuilder();
        boolean in = false;
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (ch == '\'') {
                if (in && i + 1 < body.length() && body.charAt(i + 1) == '\'') {
                    cur.append('\'');
                    i++;
                } else {
                    in = !in;
                    if (!in) {
                        values.add(cur.toString());
                        cur.setLength(0);
                    }
                }
            } else if (in) {
                cur.append(ch);
            }
        }
        return values;
    }

    private void onEvent(Event event) {
        EventType type = event.getHeader().getEventType();
        EventHeaderV4 header = event.getHeader();
        Instant commitTime = header.getTimestamp() > 0 ? Instant.ofEpochMilli(header.getTimestamp()) : clock.instant();
        switch (type) {
            case ROTATE -> {
                RotateEventData d = event.getData();
                file = d.getBinlogFilename();
            }
            case TABLE_MAP -> {
                TableMapEventData d = event.getData();
                SourceTable t = tableOf(d.getDatabase(), d.getTable());
                if (t != null) {
                    tableIds.put(d.getTableId(), t);
                } else {
                    tableIds.remove(d.getTableId());
                }
            }
            case WRITE_ROWS, EXT_WRITE_ROWS -> {
                WriteRowsEventData d = event.getData();
                SourceTable t = tableIds.get(d.getTableId());
                if (t != null) {
                    for (Serializable[] row : d.getRows()) {
                        open.add(new Change('I', t, convert(t, row, d.getIncludedColumns()), commitTime));
                    }
                }
            }
            case UPDATE_ROWS, EXT_UPDATE_ROWS -> {
                UpdateRowsEventData d = event.getData();
                SourceTable t = tableIds.get(d.getTableId());
                if (t != null) {
                    for (Map.Entry<Serializable[], Serializable[]> row : d.getRows()) {
                        open.add(new Change('U', t, convert(t, row.getValue(), d.getIncludedColumns()), commitTime));
                    }
                }
            }
            case DELETE_ROWS, EXT_DELETE_ROWS -> {
                DeleteRowsEventData d = event.getData();
                SourceTable t = tableIds.get(d.getTableId());
                if (t != null) {
                    for (Serializable[] row : d.getRows()) {
                        open.add(new Change('D', t, convert(t, row, d.getIncludedColumns()), commitTime));
                    }
                }
            }
            case XID -> commit(header, commitTime);
            case QUERY -> {
                QueryEventData d = event.getData();
                if ("COMMIT".equalsIgnoreCase(d.getSql())) {
                    commit(header, commitTime);
                } else if (isTableDdl(d.getSql())) {
                    // CREATE/DROP/RENAME/ALTER TABLE, DROP DATABASE: the CDC loop compares with the catalog
                    tables.requestRefresh();
                }
            }
            default -> {
                // other events carry nothing the engine replicates
            }
        }
    }

    static boolean isTableDdl(String sql) {
        String s = sql == null ? "" : sql.stripLeading().toUpperCase(java.util.Locale.ROOT);
        return s.startsWith("CREATE") || s.startsWith("DROP") || s.startsWith("RENAME") || s.startsWith("ALTER");
    }

    private void commit(EventHeaderV4 header, Instant commitTime) {
        List<Change> changes = new ArrayList<>(open.size());
        for (Change c : open) {
            changes.add(new Change(c.op(), c.table(), c.values(), commitTime));
        }
        open.clear();
        committed.add(new Committed(changes, file, header.getNextPosition()));
    }

    private Object[] convert(SourceTable t, Serializable[] row, BitSet included) {
        Object[] out = new Object[t.columns().size()];
        int r = 0;
        for (int i = 0; i < out.length; i++) {
            if (included != null && !included.get(i)) {
                continue;
            }
            if (r < row.length) {
                out[i] = value(t, t.columns().get(i), row[r]);
            }
            r++;
        }
        return out;
    }

    private Object value(SourceTable t, SourceColumn c, Serializable v) {
        if (v == null) {
            return null;
        }
        String type = c.typeName();
        switch (c.kind()) {
            case INTEGER -> {
                long n = ((Number) v).longValue();
                if (c.unsigned() && n < 0) {
                    n += 1L << unsignedBits(type);
                }
                return n;
            }
            case DECIMAL -> {
                if (v instanceof BigDecimal d) {
                    return d.setScale(c.scale(), java.math.RoundingMode.UNNECESSARY);
                }
                long n = ((Number) v).longValue();
                if (!c.unsigned() || n >= 0) {
                    return BigDecimal.valueOf(n);
                }
                return type.startsWith("bigint") ? new BigDecimal(Long.toUnsignedString(n))
                        : BigDecimal.valueOf(n + (1L << unsignedBits(type)));
            }
            case DOUBLE -> {
                return ((Number) v).doubleValue();
            }
            case FLOAT -> {
                return ((Number) v).floatValue();
            }
            case BOOLEAN -> {
                return v instanceof Boolean b ? b : ((Number) v).intValue() != 0;
            }
            case DATE -> {
                long micros = ((Number) v).longValue();
                return LocalDate.ofEpochDay(Math.floorDiv(micros, 86_400_000_000L));
            }
            case TIMESTAMP -> {
                long micros = ((Number) v).longValue();
                Instant instant = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                        Math.floorMod(micros, 1_000_000L) * 1000L);
                return type.startsWith("timestamp") ? LocalDateTime.ofInstant(instant, serverZone)
                        : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
            }
            case BINARY -> {
                if (v instanceof BitSet bits) {
                    int bytes = Math.max(1, (c.precision() + 7) / 8);
                    byte[] b = new byte[bytes];
                    byte[] le = bits.toByteArray();
                    for (int i = 0; i < le.length && i < bytes; i++) {
                        b[bytes - 1 - i] = le[i];
                    }
                    return b;
                }
                return v instanceof byte[] b ? b : v.toString().getBytes(StandardCharsets.UTF_8);
            }
            case STRING -> {
                List<String> choices = enumValues.get(key(t, c));
                if (choices != null && v instanceof Number n) {
                    List<String> values = choices.subList(1, choices.size());
                    if (choices.get(0).equalsIgnoreCase("enum")) {
                        int i = n.intValue();
                        return i >= 1 && i <= values.size() ? values.get(i - 1) : "";
                    }
                    long bits = n.longValue();
                    List<String> chosen = new ArrayList<>();
                    for (int i = 0; i < values.size(); i++) {
                        if ((bits & (1L << i)) != 0) {
                            chosen.add(values.get(i));
                        }
                    }
                    return String.join(",", chosen);
                }
                if (type.startsWith("time") && v instanceof Number n) {
                    long micros = n.longValue();
                    LocalTime lt = LocalTime.ofNanoOfDay(Math.floorMod(micros, 86_400_000_000L) * 1000L);
                    String base = String.format(java.util.Locale.ROOT, "%02d:%02d:%02d",
                            Math.floorDiv(micros, 3_600_000_000L), lt.getMinute(), lt.getSecond());
                    return c.scale() > 0 ? base + "." + String.format(java.util.Locale.ROOT, "%06d", lt.getNano() / 1000)
                            .substring(0, Math.min(6, c.scale())) : base;
                }
                if (type.equals("json") && v instanceof byte[] b) {
                    try {
                        return JsonBinary.parseAsString(b);
                    } catch (IOException | RuntimeException e) {
                        return new String(b, StandardCharsets.UTF_8);
                    }
                }
                return v instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : v.toString();
            }
            default -> {
                return v.toString();
            }
        }
    }

    private static int unsignedBits(String type) {
        if (type.startsWith("tinyint")) {
            return 8;
        }
        if (type.startsWith("smallint")) {
            return 16;
        }
        return type.startsWith("mediumint") ? 24 : 32;
    }

    @Override
    public List<Change> poll(Duration timeout) throws Exception {
        Committed first = committed.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (first == null) {
            Exception f = failure;
            if (f != null && !connected) {
                throw new EngineException("binlog connection lost: " + f.getMessage(), f);
            }
            return List.of();
        }
        List<Committed> all = new ArrayList<>();
        all.add(first);
        committed.drainTo(all);
        List<Change> changes = new ArrayList<>();
        for (Committed c : all) {
            changes.addAll(c.changes());
            positionFile = c.file();
            position = c.position();
        }
        return changes;
    }

    @Override
    public String position() {
        return PREFIX + positionFile + ":" + position;
    }

    @Override
    public String mode() {
        return "binlog";
    }

    @Override
    public void close() {
        try {
            client.disconnect();
        } catch (IOException e) {
            LOG.debug("binlog disconnect", e);
        }
    }
}
