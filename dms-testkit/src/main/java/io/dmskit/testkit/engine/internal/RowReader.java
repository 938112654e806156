package io.dmskit.testkit.engine.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Reads one result-set row into the engine's canonical values (see {@link ValueKind}). */
public final class RowReader {

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

    private static Object readDate(ResultSet rs, int c) throws SQLException {
        try {
            return rs.getObject(c, LocalDate.class);
        } catch (SQLException | RuntimeException e) {
            return rs.getString(c); // zero dates and out-of-range values: keep the source's text
        }
    }

    private static Object readTimestamp(ResultSet rs, int c, boolean zoned) throws SQLException {
        try {
            if (zoned) {
                OffsetDateTime t = rs.getObject(c, OffsetDateTime.class);
                return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            }
            return rs.getObject(c, LocalDateTime.class);
        } catch (SQLException | RuntimeException e) {
            return rs.getString(c);
        }
    }

    /** @return the columns read */
    public List<SourceColumn> columns() {
        return columns;
    }
}
