package io.dmskit.engine.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Reads one result-set row into the engine's canonical values (see {@link ValueKind}). */
final class RowReader {

    private final List<SourceColumn> columns;
    private final ValueKind[] kinds;
    private final boolean[] timeZoned;

    public RowReader(List<SourceColumn> columns) {
        this.columns = List.copyOf(columns);
        this.kinds = new ValueKind[columns.size()];
        this.timeZoned = new boolean[columns.size()];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = columns.get(i).kind();
            timeZoned[i] = columns.get(i).typeName().equals("timestamptz");
        }
    }

    /** @return the current row's values, one per column, in column order */
    public Object[] read(ResultSet rs) throws SQLException {
        Object[] row = new Object[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            int c = i + 1;
            row[i] = switch (kinds[i]) {
                case INTEGER -> {
                    long v = rs.getLong(c);
                    yield rs.wasNull() ? null : v;
                }
                case DECIMAL -> rs.getBigDecimal(c);
                case DOUBLE -> {
                    double v = rs.getDouble(c);
                    yield rs.wasNull() ? null : v;
                }
                case FLOAT -> {
                    float v = rs.getFloat(c);
                    yield rs.wasNull() ? null : v;
                }
                case BOOLEAN -> {
                    boolean v = rs.getBoolean(c);
                    yield rs.wasNull() ? null : v;
                }
                case STRING -> rs.getString(c);
                case DATE -> readDate(rs, c);
                case TIMESTAMP -> readTimestamp(rs, c, timeZoned[i]);
                case BINARY -> rs.getBytes(c);
            };
        }
        return row;
    }

    /**
     * Dates and timestamps are parsed from the text protocol's {@code yyyy-MM-dd[ HH:mm:ss[.f...]]} here: the
     * drivers' own conversions go through {@link java.util.Calendar} and cost more than the rest of the row.
     * Zero dates and out-of-range values keep the source's text.
     */
    private static Object readDate(ResultSet rs, int c) throws SQLException {
        String s = rs.getString(c);
        if (s == null) {
            return null;
        }
        LocalDateTime t = parse(s, true);
        return t == null ? s : t.toLocalDate();
    }

    private static Object readTimestamp(ResultSet rs, int c, boolean zoned) throws SQLException {
        if (zoned) {
            try {
                OffsetDateTime t = rs.getObject(c, OffsetDateTime.class);
                return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            } catch (SQLException | RuntimeException e) {
                return rs.getString(c);
            }
        }
        String s = rs.getString(c);
        if (s == null) {
            return null;
        }
        LocalDateTime t = parse(s, false);
        if (t != null) {
            return t;
        }
        try {
            LocalDateTime viaDriver = rs.getObject(c, LocalDateTime.class);
            return viaDriver == null ? s : viaDriver;
        } catch (SQLException | RuntimeException e) {
            return s;
        }
    }

    /** @return the parsed value, or null when the text is not a plain valid date/timestamp */
    static LocalDateTime parse(String s, boolean dateOnly) {
        int n = s.length();
        if (n < 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = 0;
        int minute = 0;
        int second = 0;
        int nanos = 0;
        if (!dateOnly && n > 10) {
            if (n < 19 || (s.charAt(10) != ' ' && s.charAt(10) != 'T') || s.charAt(13) != ':' || s.charAt(16) != ':') {
                return null;
            }
            hour = digits(s, 11, 2);
            minute = digits(s, 14, 2);
            second = digits(s, 17, 2);
            if (n > 19) {
                if (s.charAt(19) != '.' || n > 29) {
                    return null;
                }
                int frac = digits(s, 20, n - 20);
                if (frac < 0) {
                    return null;
                }
                for (int i = n - 20; i < 9; i++) {
                    frac *= 10;
                }
                nanos = frac;
            }
        } else if (n != 10) {
            return null;
        }
        if (year <= 0 || month < 1 || month > 12 || day < 1 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }

    /** @return the columns read */
    public List<SourceColumn> columns() {
        return columns;
    }
}
