package io.dmskit.verify.internal.content;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * How one column's values are compared: {@link #source(Object)} renders a source JDBC value as DMS writes it into the
 * target, {@link #target(Object)} reads what the target holds (CSV text, a Parquet value, a JDBC value) into the same
 * canonical text. Both give null for SQL NULL. Where DMS documents a lossy step (a DATETIME(1..5) kept to the
 * millisecond, {@code ParquetTimestampInMillisecond}, an unbounded PostgreSQL NUMERIC as NUMERIC(28,6), the empty
 * field of CSV for both NULL and the empty string), both sides are compared at what DMS keeps. Obtained from
 * {@link DmsRendering}. Immutable and thread-safe.
 */
public final class ColumnRendering {

    /** Source-specific details of a column beyond its DMS type. */
    enum Flavor {
        PLAIN,
        /** CHAR(n): trailing spaces are padding, not data (PostgreSQL compares bpchar without them). */
        CHAR_PADDED,
        /** MySQL DATE/DATETIME: a zero date is written as NULL. */
        ZERO_DATE_IS_NULL,
        /** MySQL DATETIME(1..5): replicated with milliseconds. */
        MILLIS_ZERO_DATE_IS_NULL,
        /** MySQL TIMESTAMP: converted from the session time zone to UTC. */
        SESSION_ZONE_TO_UTC,
        /** MySQL TIMESTAMP(1..5): to UTC and to the millisecond. */
        SESSION_ZONE_TO_UTC_MILLIS,
        /** PostgreSQL timestamptz: converted to UTC. */
        OFFSET_TO_UTC,
        /** MySQL TIME, a STRING in DMS: the text MySQL prints (may exceed 24 hours or be negative). */
        MYSQL_TIME,
        /** Unbounded PostgreSQL NUMERIC: NUMERIC(28,6), the target compared rounded to 6 digits as well. */
        ROUND_TARGET,
        /** PostgreSQL MONEY: NUMERIC(38,4), read without currency symbol and group separators. */
        MONEY
    }

    /** What a LOB comparison found. */
    public enum LobComparison {
        /** Same value. */
        EQUAL,
        /** The target holds the source's first {@code LobMaxSize} KB (limited LOB mode). */
        TRUNCATED,
        /** Anything else. */
        DIFFERENT
    }

    private final DmsType type;
    private final int precision;
    private final int scale;
    private final Flavor flavor;
    private final DmsRendering.Format format;
    private final DmsRendering.RenderOptions options;
    private final boolean millis;

    ColumnRendering(DmsType type, int precision, int scale, Flavor flavor, DmsRendering.Format format,
                    DmsRendering.RenderOptions options) {
        this.type = Objects.requireNonNull(type, "type");
        this.precision = precision;
        this.scale = scale;
        this.flavor = flavor;
        this.format = format;
        this.options = options;
        this.millis = flavor == Flavor.MILLIS_ZERO_DATE_IS_NULL || flavor == Flavor.SESSION_ZONE_TO_UTC_MILLIS
                || (format.kind() == DmsRendering.FormatKind.S3_PARQUET && format.parquetTimestampInMillisecond());
    }

    /** @return the DMS data type the source column maps to */
    public DmsType type() {
        return type;
    }

    /** @return precision or length (0 when none) */
    public int precision() {
        return precision;
    }

    /** @return scale (0 when none) */
    public int scale() {
        return scale;
    }

    /** @return whether the task's LOB settings apply to this column */
    public boolean lob() {
        return type.lob();
    }

    /**
     * Renders a source value as DMS writes it to the target.
     *
     * @param value the value as JDBC returns it ({@code getObject}; for MySQL TIME and zero dates {@code getString}),
     *     null for NULL
     * @return its canonical text, null for NULL
     */
    public String source(Object value) {
        if (value == null) {
            return null;
        }
        String s = switch (type) {
            case DATETIME -> sourceDatetime(value);
            case DATE -> flavor == Flavor.ZERO_DATE_IS_NULL && Canonical.zeroDate(value) ? null
                    : Canonical.date(value);
            default -> common(value, true);
        };
        return csvNull(s);
    }

    /**
     * Reads a target value into canonical text.
     *
     * @param value CSV field text (null when the field was {@code CsvNullValue}), a Parquet value as
     *     {@link io.dmskit.model.s3.parquet.ParquetReader#readValues} returns it, or a JDBC value
     * @return its canonical text, null for NULL
     */
    public String target(Object value) {
        if (value == null) {
            return null;
        }
        String s = switch (type) {
            case DATETIME -> {
                LocalDateTime t = Canonical.readDatetime(value);
                yield t == null ? value.toString() : Canonical.datetime(precise(t));
            }
            case DATE -> Canonical.date(value);
            default -> common(value, false);
        };
        return csvNull(s);
    }

    /**
     * Compares a LOB column's canonical values under the task's LOB settings.
     *
     * @param source canonical source value
     * @param target canonical target value
     * @return EQUAL, TRUNCATED (limited LOB mode kept the source's first {@code LobMaxSize} KB) or DIFFERENT
     */
    public LobComparison compareLob(String source, String target) {
        if (Objects.equals(source, target)) {
            return LobComparison.EQUAL;
        }
        if (source == null || target == null || !lob() || options.limitedLobMaxKb().isEmpty()
                || target.length() >= source.length() || !source.startsWith(target)) {
            return LobComparison.DIFFERENT;
        }
        long limit = options.limitedLobMaxKb().getAsInt() * 1024L;
        long sourceBytes = type.binary() ? source.length() / 2 : source.getBytes(StandardCharsets.UTF_8).length;
        long targetBytes = type.binary() ? target.length() / 2 : target.getBytes(StandardCharsets.UTF_8).length;
        return sourceBytes > limit && targetBytes <= limit ? LobComparison.TRUNCATED : LobComparison.DIFFERENT;
    }

    /** @return the LOB size limit in KB of limited LOB mode, if the column is a LOB in that mode */
    public java.util.OptionalInt lobLimitKb() {
        return lob() ? options.limitedLobMaxKb() : java.util.OptionalInt.empty();
    }

    private String common(Object value, boolean source) {
        return switch (type) {
            case INT1, INT2, INT4, INT8, UINT1, UINT2, UINT4, UINT8 -> Canonical.integer(value);
            case NUMERIC -> numeric(value, source);
            case REAL4 -> Canonical.real(value, true);
            case REAL8 -> Canonical.real(value, false);
            case BOOLEAN -> Canonical.bool(value);
            case BYTES, BLOB -> Canonical.binary(value);
            case TIME -> Canonical.time(value);
            case STRING, WSTRING, CLOB, NCLOB -> text(value);
            case DATE, DATETIME -> throw new IllegalStateException("handled by the caller");
        };
    }

    private String numeric(Object value, boolean source) {
        Object v = value;
        if (flavor == Flavor.MONEY && !(v instanceof Number)) {
            v = v.toString().replace("$", "").replace(",", "").trim();
        }
        boolean round = source || flavor == Flavor.ROUND_TARGET;
        return Canonical.decimal(v, precision > 0 ? scale : -1, round);
    }

    private String text(Object value) {
        String s;
        if (value instanceof byte[] b) {
            s = new String(b, StandardCharsets.UTF_8);
        } else if (flavor == Flavor.MYSQL_TIME && value instanceof java.sql.Time t) {
            s = t.toLocalTime().toString();
        } else if (value instanceof java.sql.Clob c) {
            try {
                s = c.getSubString(1, (int) c.length());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("reading a CLOB failed: " + e.getMessage(), e);
            }
        } else {
            s = value.toString();
        }
        return flavor == Flavor.CHAR_PADDED ? Canonical.stripTrailingSpaces(s) : s;
    }

    private String sourceDatetime(Object value) {
        if (Canonical.zeroDate(value)) {
            return null;
        }
        LocalDateTime t;
        if ((flavor == Flavor.SESSION_ZONE_TO_UTC || flavor == Flavor.SESSION_ZONE_TO_UTC_MILLIS)
                && (value instanceof LocalDateTime || value instanceof java.sql.Timestamp || value instanceof String)) {
            LocalDateTime local = Canonical.readDatetime(value);
            t = local == null ? null : local.atZone(options.sourceSessionZone())
                    .withZoneSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime();
        } else {
            t = Canonical.readDatetime(value);
        }
        return t == null ? value.toString() : Canonical.datetime(precise(t));
    }

    private LocalDateTime precise(LocalDateTime t) {
        return millis ? t.truncatedTo(ChronoUnit.MILLIS) : t;
    }

    /** CSV writes NULL as CsvNullValue: a value spelled the same way reads back as NULL, so it compares as NULL. */
    private String csvNull(String s) {
        if (s != null && format.kind() == DmsRendering.FormatKind.S3_CSV && s.equals(format.csvNullValue())) {
            return null;
        }
        return s;
    }

    /**
     * Converts a canonical value of this column's type into the canonical value of another DMS type, as a
     * {@code change-data-type} rule does; a value the new type cannot hold becomes NULL.
     *
     * @param canonical canonical text of this column
     * @param to the new type's rendering
     * @return canonical text of the new type
     */
    public String convertTo(String canonical, ColumnRendering to) {
        if (canonical == null) {
            return null;
        }
        Object v = canonical;
        try {
            switch (to.type) {
                case DATE -> {
                    LocalDateTime t = Canonical.readDatetime(canonical);
                    return t == null ? null : to.csvNull(t.toLocalDate().toString());
                }
                case DATETIME -> {
                    LocalDateTime t = Canonical.readDatetime(canonical);
                    return t == null ? null : to.target(t);
                }
                case INT1, INT2, INT4, INT8, UINT1, UINT2, UINT4, UINT8 -> {
                    if (type == DmsType.BOOLEAN) {
                        v = Boolean.parseBoolean(canonical);
                    } else {
                        v = new BigDecimal(canonical.trim()).setScale(0, java.math.RoundingMode.DOWN);
                    }
                }
                case NUMERIC, REAL4, REAL8 -> v = type == DmsType.BOOLEAN
                        ? (Boolean.parseBoolean(canonical) ? BigDecimal.ONE : BigDecimal.ZERO)
                        : new BigDecimal(canonical.trim());
                case BYTES, BLOB -> v = type.binary() ? canonical : canonical.getBytes(StandardCharsets.UTF_8);
                case STRING, WSTRING, CLOB, NCLOB -> {
                    String s = type.binary() ? new String(java.util.HexFormat.of().parseHex(canonical),
                            StandardCharsets.UTF_8) : canonical;
                    return to.csvNull(to.precision > 0 && s.length() > to.precision ? s.substring(0, to.precision) : s);
                }
                default -> {
                }
            }
            if (to.type == DmsType.NUMERIC) {
                return to.csvNull(Canonical.decimal(v, to.precision > 0 ? to.scale : -1, true));
            }
            return to.source(v);
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return type + (precision > 0 ? "(" + precision + (scale > 0 ? "," + scale : "") + ")" : "")
                + (flavor == Flavor.PLAIN ? "" : " " + flavor.name().toLowerCase(java.util.Locale.ROOT));
    }
}
