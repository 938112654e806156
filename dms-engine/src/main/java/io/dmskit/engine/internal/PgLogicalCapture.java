package io.dmskit.engine.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Log-based CDC from PostgreSQL logical decoding ({@code wal_level=logical}) through a logical replication slot with
 * the built-in {@code test_decoding} plugin, read with {@code pg_logical_slot_get_changes}. The slot is the
 * endpoint's {@code SlotName} or {@code dmskit_<task>}; it is created when the task starts (start-replication) and
 * kept across stop and resume-processing, so the changes made while the task is stopped are read on resume. Drop
 * it ({@code SELECT pg_drop_replication_slot('dmskit_...')}) when the task is gone: a slot retains WAL.
 *
 * <p>With the default replica identity, DELETE carries only the key columns (as in DMS's own output).
 */
final class PgLogicalCapture implements ChangeCapture {

    /** Prefix of positions written to checkpoints. */
    public static final String PREFIX = "pglogical:";
    private static final Logger LOG = LoggerFactory.getLogger(PgLogicalCapture.class);
    private static final DateTimeFormatter PG_TIMESTAMP_TZ = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss").optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .appendOffset("+HH:mm", "+00").toFormatter(Locale.ROOT);

    private final JdbcEndpoint source;
    private final String slot;
    private final CapturedTables tables;
    private final Clock clock;
    private final Duration interval;
    private Connection connection;
    private String lsn;
    private long nextPollNanos;

    private PgLogicalCapture(JdbcEndpoint source, String slot, String lsn, CapturedTables tables, Clock clock,
                             Duration interval) {
        this.tables = tables;
        this.source = source;
        this.slot = slot;
        this.lsn = lsn;
        this.clock = clock;
        this.interval = interval;
    }

    /**
     * Opens the capture.
     *
     * @param source the PostgreSQL source
     * @param tables the captured tables (a selected table created later joins when its first change is decoded)
     * @param slotName the slot to use
     * @param checkpoint {@code pglogical:<slot>:<lsn>} to continue from, empty for a fresh start (the slot is
     *     re-created at the current end of the WAL)
     * @param clock fallback commit-time source
     * @param interval time between two reads of the slot
     * @return the capture
     */
    public static PgLogicalCapture open(JdbcEndpoint source, CapturedTables tables, String slotName,
                                        Optional<String> checkpoint, Clock clock, Duration interval) throws SQLException {
        String slot = checkpoint.map(c -> c.substring(PREFIX.length(), c.lastIndexOf(':'))).orElse(slotName);
        String lsn;
        try (Connection c = source.connect()) {
            boolean exists;
            try (PreparedStatement ps = c.prepareStatement("SELECT plugin FROM pg_replication_slots WHERE slot_name = ?")) {
                ps.setString(1, slot);
                try (ResultSet rs = ps.executeQuery()) {
                    exists = rs.next();
                    if (exists && !"test_decoding".equals(rs.getString(1))) {
                        throw new EngineException("Replication slot '" + slot + "' on source endpoint '"
                                + source.endpointIdentifier() + "' uses plugin " + rs.getString(1)
                                + "; the local engine reads test_decoding slots");
                    }
                }
            }
            if (checkpoint.isPresent()) {
                if (!exists) {
                    throw new EngineException("Replication slot '" + slot + "' of source endpoint '"
                            + source.endpointIdentifier() + "' no longer exists: the CDC position is lost");
                }
                lsn = checkpoint.get().substring(checkpoint.get().lastIndexOf(':') + 1);
            } else {
                if (exists) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT pg_drop_replication_slot(?)")) {
                        ps.setString(1, slot);
                        ps.execute();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT lsn::text FROM pg_create_logical_replication_slot(?, 'test_decoding')")) {
                    ps.setString(1, slot);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        lsn = rs.getString(1);
                    }
                }
            }
        }
        LOG.info("logical decoding of {} through slot {} from {}", source.endpointIdentifier(), slot, lsn);
        return new PgLogicalCapture(source, slot, lsn, tables, clock, interval);
    }

    /** @return a slot name for a task: {@code dmskit_} and the identifier's letters and digits, at most 63 characters */
    public static String slotNameFor(String taskIdentifier) {
        String s = "dmskit_" + taskIdentifier.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return s.length() > 63 ? s.substring(0, 63) : s;
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
        if (connection == null || connection.isClosed()) {
            connection = source.connect();
        }
        List<Change> out = new ArrayList<>();
        List<Change> open = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT lsn::text, data FROM"
                + " pg_logical_slot_get_changes(?, NULL, NULL, 'include-timestamp', '1', 'skip-empty-xacts', '1')")) {
            ps.setString(1, slot);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String data = rs.getString(2);
                    if (data.startsWith("BEGIN")) {
                        open.clear();
                    } else if (data.startsWith("COMMIT")) {
                        Instant at = commitTime(data);
                        for (Change c : open) {
                            out.add(new Change(c.op(), c.table(), c.values(), at));
                        }
                        open.clear();
                        lsn = rs.getString(1);
                    } else if (data.startsWith("table ")) {
                        Change c = parse(data);
                        if (c != null) {
                            open.add(c);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // broken already
            }
            connection = null;
            throw e;
        }
        return out;
    }

    private Instant commitTime(String commit) {
        int at = commit.indexOf("(at ");
        if (at < 0) {
            return clock.instant();
        }
        String text = commit.substring(at + 4, commit.lastIndexOf(')'));
        try {
            return OffsetDateTime.parse(text, PG_TIMESTAMP_TZ).toInstant();
        } catch (RuntimeException e) {
            return clock.instant();
        }
    }

    /** Parses one test_decoding row line; null for tables not selected and for TRUNCATE. */
    Change parse(String line) {
        Cursor c = new Cursor(line, 6);
        String schema = c.identifier();
        c.expect('.');
        String table = c.identifier();
        // test_decoding carries no DDL: a selected table created after start joins with its first decoded change
        TablePlan plan = tables.resolve(schema, table);
        if (plan == null) {
            return null;
        }
        SourceTable t = plan.source();
        c.expect(':');
        c.expect(' ');
        String op = c.until(':');
        c.expect(':');
        char kind = switch (op) {
            case "INSERT" -> 'I';
            case "UPDATE" -> 'U';
            case "DELETE" -> 'D';
            default -> 'T';
        };
        if (kind == 'T') {
            return null;
        }
        String rest = line.substring(c.pos);
        int newTuple = rest.indexOf(" new-tuple:");
        if (kind == 'U' && rest.startsWith(" old-key:") && newTuple > 0) {
            c.pos += newTuple + " new-tuple:".length();
        }
        if (line.startsWith(" (no-tuple data)", c.pos)) {
            return null;
        }
        Object[] values = new Object[t.columns().size()];
        while (c.pos < line.length()) {
            c.expect(' ');
            String column = c.identifierUntil('[');
            c.expect('[');
            int typeEnd = line.indexOf("]:", c.pos);
            c.pos = typeEnd + 2;
            String text = c.value();
            int i = t.indexOf(column);
            if (i >= 0 && text != null) {
                values[i] = convert(t.columns().get(i), text);
            }
        }
        return new Change(kind, t, values, clock.instant());
    }

    static Object convert(SourceColumn c, String text) {
        try {
            return switch (c.kind()) {
                case INTEGER -> Long.parseLong(text);
                case DECIMAL -> new BigDecimal(text);
                case DOUBLE -> Double.parseDouble(text);
                case FLOAT -> Float.parseFloat(text);
                case BOOLEAN -> "true".equals(text) || "t".equals(text);
                case DATE -> {
                    LocalDateTime d = RowReader.parse(text, true);
                    yield d == null ? text : d.toLocalDate();
                }
                case TIMESTAMP -> {
                    if (c.typeName().equals("timestamptz")) {
                        yield OffsetDateTime.parse(text, PG_TIMESTAMP_TZ).withOffsetSameInstant(ZoneOffset.UTC)
                                .toLocalDateTime();
                    }
                    LocalDateTime d = RowReader.parse(text, false);
                    yield d == null ? text : d;
                }
                case BINARY -> text.startsWith("\\x") ? HexFormat.of().parseHex(text.substring(2)) : text;
                case STRING -> text;
            };
        } catch (RuntimeException e) {
            return text;
        }
    }

    /** A position in a test_decoding line. */
    private static final class Cursor {
        final String s;
        int pos;

        Cursor(String s, int pos) {
            this.s = s;
            this.pos = pos;
        }

        void expect(char ch) {
            if (pos >= s.length() || s.charAt(pos) != ch) {
                throw new IllegalArgumentException("'" + ch + "' expected at " + pos + " in: " + s);
            }
            pos++;
        }

        String until(char ch) {
            int end = s.indexOf(ch, pos);
            String out = s.substring(pos, end);
            pos = end;
            return out;
        }

        /** A possibly double-quoted identifier ending before '.', ':' or '['. */
        String identifier() {
            if (s.charAt(pos) == '"') {
                return quoted('"');
            }
            int start = pos;
            while (pos < s.length() && s.charAt(pos) != '.' && s.charAt(pos) != ':' && s.charAt(pos) != '[') {
                pos++;
            }
            return s.substring(start, pos);
        }

        String identifierUntil(char end) {
            if (s.charAt(pos) == '"') {
                return quoted('"');
            }
            int start = pos;
            pos = s.indexOf(end, pos);
            return s.substring(start, pos);
        }

        private String quoted(char q) {
            StringBuilder sb = new StringBuilder();
            pos++;
            while (pos < s.length()) {
                char ch = s.charAt(pos++);
                if (ch == q) {
                    if (pos < s.length() && s.charAt(pos) == q) {
                        sb.append(q);
                        pos++;
                    } else {
                        break;
                    }
                } else {
                    sb.append(ch);
                }
            }
            return sb.toString();
        }

        /** A value: null, 'quoted', or a bare token; null for SQL NULL and unchanged TOAST data. */
        String value() {
            if (pos < s.length() && s.charAt(pos) == '\'') {
                return quoted('\'');
            }
            int end = s.indexOf(' ', pos);
            if (end < 0) {
                end = s.length();
            }
            String token = s.substring(pos, end);
            pos = end;
            return token.equals("null") || token.equals("unchanged-toast-datum") ? null : token;
        }
    }

    @Override
    public String position() {
        return PREFIX + slot + ":" + lsn;
    }

    @Override
    public String mode() {
        return "logical";
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing
            }
            connection = null;
        }
    }
}
