package io.dmskit.verify.internal.content;

import io.dmskit.mappings.SqlDialect;
import io.dmskit.verify.internal.content.ContentShape.Kind;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Locale;

/**
 * The canonical text of a database column built in SQL, the same on MySQL/MariaDB and PostgreSQL, so that a JDBC
 * source and a JDBC target summarise equal values to equal digests without moving them. Every kind but
 * {@link Kind#FLOAT} renders in SQL; floating-point text differs between the engines ({@code 1e20} / {@code 1e+20}),
 * so FLOAT columns are read raw and rendered in Java ({@link #renderJava}), which moves the table's digest to Java.
 */
public final class SqlCanonical {

    private SqlCanonical() {
    }

    /** @return the kind of a column from its JDBC metadata and the product it lives in */
    public static Kind kindOf(SqlDialect dialect, int sqlType, String typeName, int precision) {
        String t = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        if (dialect == SqlDialect.POSTGRESQL && (t.equals("bit") || t.equals("varbit"))) {
            return Kind.TEXT;   // a bit string ('0101'), not a boolean nor bytes: DMS writes it as STRING(n)
        }
        if (dialect == SqlDialect.POSTGRESQL && t.equals("money")) {
            return Kind.DECIMAL;   // DMS: NUMERIC(38,4); the driver calls it DOUBLE
        }
        switch (sqlType) {
            case Types.BOOLEAN:
                return Kind.BOOLEAN;
            case Types.BIT:
                return t.startsWith("bit") && precision > 1 ? Kind.BINARY : Kind.BOOLEAN;
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT:
                return Kind.INTEGER;
            case Types.DECIMAL, Types.NUMERIC:
                return Kind.DECIMAL;
            case Types.REAL, Types.FLOAT, Types.DOUBLE:
                return Kind.FLOAT;
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                 Types.CLOB, Types.NCLOB:
                return t.contains("json") || t.equals("uuid") ? Kind.OTHER : Kind.TEXT;
            case Types.DATE:
                return t.equals("year") ? Kind.INTEGER : Kind.DATE;
            case Types.TIME, Types.TIME_WITH_TIMEZONE:
                return Kind.TIME;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE:
                return (dialect == SqlDialect.MYSQL && t.equals("timestamp")) || t.equals("timestamptz")
                        || sqlType == Types.TIMESTAMP_WITH_TIMEZONE ? Kind.TIMESTAMP_TZ : Kind.TIMESTAMP;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB:
                return Kind.BINARY;
            default:
                return Kind.OTHER;
        }
    }

    /** @return whether a column of this type is a LOB for DMS (TEXT/BLOB families, text, bytea, json) */
    public static boolean isLob(int sqlType, String typeName) {
        String t = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        return sqlType == Types.LONGVARCHAR || sqlType == Types.LONGNVARCHAR || sqlType == Types.CLOB
                || sqlType == Types.LONGVARBINARY || sqlType == Types.BLOB || t.endsWith("text") || t.endsWith("blob")
                || t.equals("bytea") || t.startsWith("json");
    }

    /** @return whether the kind's canonical text is built in SQL */
    public static boolean inSql(Kind kind) {
        return kind != Kind.FLOAT;
    }

    /**
     * @param col the quoted column
     * @return the SQL expression of the column's canonical text (NULL stays NULL), or the bare column for a kind
     *         rendered in Java
     */
    public static String text(SqlDialect d, String col, Kind kind) {
        boolean my = d == SqlDialect.MYSQL;
        return switch (kind) {
            case INTEGER -> my ? "CAST(" + col + " AS CHAR)" : col + "::text";
            case DECIMAL -> my
                    ? "(CASE WHEN LOCATE('.', CAST(" + col + " AS CHAR)) > 0 THEN TRIM(TRAILING '.' FROM TRIM(TRAILING"
                      + " '0' FROM CAST(" + col + " AS CHAR))) ELSE CAST(" + col + " AS CHAR) END)"
                    : "trim_scale(" + col + "::numeric)::text";
            case FLOAT -> col;
            case BOOLEAN -> my ? "CAST(" + col + " + 0 AS CHAR)"
                    : "(CASE WHEN " + col + " IS NULL THEN NULL WHEN " + col + " THEN '1' ELSE '0' END)";
            case TEXT -> my ? "CONVERT(" + col + " USING utf8mb4)" : col + "::text";
            // MySQL's zero date is NULL on the target (DMS: "these values are recorded as null")
            case DATE -> my ? "NULLIF(DATE_FORMAT(" + col + ", '%Y-%m-%d'), '0000-00-00')"
                    : "to_char(" + col + ", 'YYYY-MM-DD')";
            // timetz in UTC, as timestamptz; time is read as it is (the session is in UTC)
            case TIME -> my ? "TIME_FORMAT(" + col + ", '%H:%i:%s.%f')"
                    : "to_char((" + col + " AT TIME ZONE 'UTC')::time, 'HH24:MI:SS.US')";
            case TIMESTAMP, TIMESTAMP_TZ -> my
                    ? "NULLIF(DATE_FORMAT(" + col + ", '%Y-%m-%d %H:%i:%s.%f'), '0000-00-00 00:00:00.000000')"
                    : "to_char(" + col + ", 'YYYY-MM-DD HH24:MI:SS.US')";
            // CAST AS BINARY: a BIT(n) column's bytes (HEX of the BIT value alone drops its leading zero bytes)
            case BINARY -> my ? "LOWER(HEX(CAST(" + col + " AS BINARY)))" : "encode(" + col + "::bytea, 'hex')";
            // PostgreSQL: the type's output text, what DMS reads (inet's ::text would add the netmask, '/32')
            case OTHER -> my ? "CONVERT(CAST(" + col + " AS CHAR) USING utf8mb4)"
                    : "(CASE WHEN " + col + " IS NULL THEN NULL ELSE concat(" + col + ") END)";
        };
    }

    /**
     * How one side's canonical text of a column is adjusted to the column it is compared with on the other side:
     * what DMS writes when the two types differ, or what it keeps of the value. See {@link #adjust}.
     *
     * @param asText the value's own text in its engine ({@code CAST(col AS CHAR)}, {@code col::text}): the target
     *     is a text column DMS filled with that text (MySQL TIME, PostgreSQL boolean, NUMERIC with p &gt; 38)
     * @param roundScale round to this many fraction digits (-1: no): an unbounded PostgreSQL NUMERIC written into a
     *     NUMERIC(p,s) (DMS: NUMERIC(28,6))
     * @param millis cut to the millisecond: MySQL DATETIME(1..5)/TIMESTAMP(1..5), "replicated with milliseconds"
     * @param stripPad without trailing spaces: a CHAR(n) column, whose trailing spaces are padding
     * @param asJsonb as PostgreSQL prints it as jsonb: a json source in a jsonb target, which PostgreSQL stores
     *     reformatted (keys ordered, spaces normalised)
     */
    public record Adjust(boolean asText, int roundScale, boolean millis, boolean stripPad, boolean asJsonb) {
        /** No adjustment. */
        public static final Adjust NONE = new Adjust(false, -1, false, false, false);
    }

    /**
     * A column as a catalog describes it.
     *
     * @param dialect its database
     * @param sqlType its {@link Types} code
     * @param typeName its type name
     * @param precision precision or length (0: none, e.g. an unbounded NUMERIC)
     * @param scale scale (fraction digits of a DECIMAL or a DATETIME)
     * @param kind its kind ({@link #kindOf})
     */
    public record ColumnType(SqlDialect dialect, int sqlType, String typeName, int precision, int scale, Kind kind) {
        /** @return the kind of a column described by these */
        public static ColumnType of(SqlDialect dialect, int sqlType, String typeName, int precision, int scale) {
            return new ColumnType(dialect, sqlType, typeName == null ? "" : typeName, precision, scale,
                    kindOf(dialect, sqlType, typeName, precision));
        }

        private String name() {
            return typeName.toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The adjustments of a source column and the target column it is compared with (see the docs' table "What
     * counts as equal (JDBC targets)"): spellings DMS changes between the two types are brought together, values
     * are not.
     *
     * @return {source adjustment, target adjustment}
     */
    public static Adjust[] adjust(ColumnType source, ColumnType target) {
        boolean asText = target.kind() == Kind.TEXT && (source.kind() == Kind.TIME || source.kind() == Kind.DECIMAL
                || source.kind() == Kind.BOOLEAN);
        int round = source.dialect() == SqlDialect.POSTGRESQL && source.kind() == Kind.DECIMAL
                && source.name().equals("numeric") && source.precision() == 0 && target.kind() == Kind.DECIMAL
                && target.precision() > 0 ? Math.max(0, target.scale()) : -1;
        boolean millis = source.dialect() == SqlDialect.MYSQL
                && (source.kind() == Kind.TIMESTAMP || source.kind() == Kind.TIMESTAMP_TZ)
                && (target.kind() == Kind.TIMESTAMP || target.kind() == Kind.TIMESTAMP_TZ)
                && source.scale() >= 1 && source.scale() <= 5;
        boolean pad = source.kind() == Kind.TEXT && target.kind() == Kind.TEXT
                && (source.sqlType() == Types.CHAR || source.sqlType() == Types.NCHAR)
                && (source.name().equals("char") || source.name().equals("bpchar") || source.name().equals("nchar"));
        boolean jsonb = source.dialect() == SqlDialect.POSTGRESQL && target.dialect() == SqlDialect.POSTGRESQL
                && source.name().equals("json") && target.name().equals("jsonb");
        return new Adjust[] {new Adjust(asText, round, millis, pad, jsonb), new Adjust(false, -1, millis, pad, false)};
    }

    /** @return the canonical text expression of a column under an adjustment ({@link #adjust}) */
    public static String text(SqlDialect d, String col, Kind kind, Adjust a) {
        boolean my = d == SqlDialect.MYSQL;
        if (a == null || a.equals(Adjust.NONE)) {
            return text(d, col, kind);
        }
        if (a.asJsonb() && !my) {
            return "(" + col + "::jsonb)::text";
        }
        if (a.asText() && !(my && kind == Kind.BOOLEAN)) {
            return my ? "CONVERT(CAST(" + col + " AS CHAR) USING utf8mb4)" : col + "::text";
        }
        String t = a.roundScale() >= 0 && kind == Kind.DECIMAL
                ? text(d, my ? "ROUND(" + col + ", " + a.roundScale() + ")"
                        : "round(" + col + "::numeric, " + a.roundScale() + ")", kind)
                : text(d, col, kind);
        if (a.millis() && (kind == Kind.TIMESTAMP || kind == Kind.TIMESTAMP_TZ)) {
            t = my ? "CONCAT(LEFT(" + t + ", 23), '000')" : "(left(" + t + ", 23) || '000')";
        }
        if (a.stripPad() && kind == Kind.TEXT) {
            t = my ? "TRIM(TRAILING ' ' FROM " + t + ")" : "rtrim(" + t + ", ' ')";
        }
        return t;
    }

    /**
     * {@return the expression rows are ordered and ranges compared by, agreeing with {@link ContentShape#keyOrder()}}
     * Text is compared as its UTF-8 bytes: {@code CAST(... AS BINARY)} on MySQL/MariaDB (not
     * {@code COLLATE utf8mb4_bin}, which pads with spaces: it holds {@code 'a' = 'a '} and {@code 'a' > 'a\t'}),
     * {@code COLLATE "C"} on PostgreSQL.
     */
    public static String order(SqlDialect d, String col, Kind kind) {
        return order(d, col, kind, Adjust.NONE);
    }

    /** @return {@link #order(SqlDialect, String, Kind)} of a column under an adjustment */
    public static String order(SqlDialect d, String col, Kind kind, Adjust adjust) {
        if (kind.numeric()) {
            return col;
        }
        String text = text(d, col, kind, adjust);
        return d == SqlDialect.MYSQL ? "CAST(" + text + " AS BINARY)" : "(" + text + ") COLLATE \"C\"";
    }

    /** Binds a canonical key value as a parameter compared with {@link #order}. */
    public static void bind(java.sql.PreparedStatement ps, int index, Kind kind, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
            return;
        }
        switch (kind) {
            case INTEGER -> {
                BigDecimal b = new BigDecimal(value);
                if (b.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0) {
                    ps.setLong(index, b.longValueExact());
                } else {
                    ps.setBigDecimal(index, b);
                }
            }
            case DECIMAL -> ps.setBigDecimal(index, new BigDecimal(value));
            case FLOAT -> ps.setDouble(index, Double.parseDouble(value));
            default -> ps.setString(index, value);
        }
    }

    /** Renders a raw column read for a kind that is not rendered in SQL (FLOAT) in Java; others are read as text. */
    public static String renderJava(ResultSet rs, int index, Kind kind) throws SQLException {
        if (kind == Kind.FLOAT) {
            double v = rs.getDouble(index);
            return rs.wasNull() ? null : Double.toString(v);
        }
        return rs.getString(index);
    }

    /**
     * @param texts canonical text expressions, one per column (key columns first)
     * @return the SQL expression of {@link RangeDigest#rowText} over them
     */
    public static String rowText(SqlDialect d, List<String> texts) {
        StringBuilder sb = new StringBuilder(d == SqlDialect.MYSQL ? "CONCAT(" : "(");
        for (int i = 0; i < texts.size(); i++) {
            String e = texts.get(i);
            if (i > 0) {
                sb.append(d == SqlDialect.MYSQL ? ", " : " || ");
            }
            if (d == SqlDialect.MYSQL) {
                sb.append("IF(").append(e).append(" IS NULL, 'N;', CONCAT('S', CHAR_LENGTH(").append(e)
                        .append("), ':', ").append(e).append(", ';'))");
            } else {
                sb.append("(CASE WHEN ").append(e).append(" IS NULL THEN 'N;' ELSE 'S' || char_length(").append(e)
                        .append(") || ':' || ").append(e).append(" || ';' END)");
            }
        }
        return sb.append(')').toString();
    }

    /** @return the SQL expression of {@link RangeDigest#rowHash} of a row-text expression */
    public static String rowHash(SqlDialect d, String rowText) {
        return d == SqlDialect.MYSQL
                ? "CAST(CONV(LEFT(MD5(CONVERT(" + rowText + " USING utf8mb4)), 15), 16, 10) AS UNSIGNED)"
                : "('x' || left(md5(" + rowText + "), 15))::bit(60)::bigint";
    }
}
