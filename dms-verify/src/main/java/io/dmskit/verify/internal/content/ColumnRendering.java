package io.dmskit.verify.internal.content;

import io.dmskit.verify.internal.content.ContentShape.Kind;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * How one column's values are compared: {@link #source(Object)} renders a source JDBC value as DMS writes it into the
 * target, {@link #target(Object)} reads what the target holds (CSV text such as DMS's REAL8 {@code +5.06e+05} form, a
 * Parquet value, a JDBC value) into the same canonical text, the one of the column's {@link Kind} that
 * {@code SqlCanonical} builds in SQL ({@code 21000}, {@code 506560.0}, {@code 1}, {@code 2024-05-28 19:51:41.388146},
 * lower-case hex). Both give null for SQL NULL. Where DMS documents a lossy step (a DATETIME(1..5) kept to the
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
        MONEY,
        /** A column DMS fills with a SHA-256 hash (hash mask, {@code hash_sha256}): hexadecimal in either case. */
        HASH_TEXT
    }

    /** What a LOB comparison found. */
    enum LobComparison {
        /** Same value. */
        EQUAL,
        /** The target holds the source's first {@code LobMaxSize} KB (limited LOB mode). */
        TRUNCATED,
        /** Anything else. */
        DIFFERENT
    }

    private final DmsType type;
    private final Kind kind;
    private final int precision;
    private final int scale;
    private final Flavor flavor;
    private final DmsRendering.Format format;
    private final DmsRendering.RenderOptions options;
    private final boolean millis;

    ColumnRendering(DmsType type, Kind kind, int precision, int scale, Flavor flavor, DmsRendering.Format format,
                    DmsRendering.RenderOptions options) {
        this.type = Objects.requireNonNull(type, "type");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.precision = precision;
        this.scale = scale;
        this.flavor = flavor;
        this.format = format;
        this.options = options;
        this.millis = flavor == Flavor.MILLIS_ZERO_DATE_IS_NULL || flavor == Flavor.SESSION_ZONE_TO_UTC_MILLIS
                || (format.kind() == DmsRendering.FormatKind.S3_PARQUET && format.parquetTimestampInMillisecond());
        this.timeMillis = type == DmsType.TIME && format.kind() == DmsRendering.FormatKind.S3_PARQUET;
    }

    /** Parquet's TIME32 (the S3 Parquet type table): a DMS TIME is kept to the millisecond. */
    private final boolean timeMillis;

    /** @return the DMS data type the source column maps to */
    public DmsType type() {
        return type;
    }

    /** @return the kind of value, which decides the canonical text */
    public Kind kind() {
        return kind;
    }

    /**
     * @param k another kind (the one the table's shape gives the column)
     * @return this rendering with that kind's canonical text
     */
    public ColumnRendering withKind(Kind k) {
        return k == kind ? this : new ColumnRendering(type, k, precision, scale, flavor, format, options);
    }

    /**
     * @return this rendering for a column that holds a SHA-256 hash in hexadecimal (compared without regard to the
     *     hexadecimal digits' case)
     */
    public ColumnRendering hashed() {
        return new ColumnRendering(type, kind, precision, scale, Flavor.HASH_TEXT, format, options);
    }

    /**
     * Whether the source's canonical text computed in SQL ({@code SqlCanonical}) would differ from what DMS writes,
     * so that the source side must read this column raw and call {@link #source(Object)}: DMS rounds or truncates
     * it (an unbounded PostgreSQL NUMERIC, a DATETIME kept to the millisecond) or, in CSV with an empty
     * {@code CsvNullValue}, an empty string reads back as NULL. (For the last case {@code NULLIF(col, '')} in SQL
     * is equivalent.)
     *
     * @return whether the source needs Java rendering
     */
    public boolean sourceInJava() {
        return flavor == Flavor.ROUND_TARGET || millis && (kind == Kind.TIMESTAMP || kind == Kind.TIMESTAMP_TZ)
                || timeMillis && kind == Kind.TIME || emptyIsNull() && (kind == Kind.TEXT || kind == Kind.OTHER);
    }

    /** @return whether an empty string and NULL are the same text in this target (CSV, empty CsvNullValue) */
    public boolean emptyIsNull() {
        return format.csvText() && format.csvNullValue().isEmpty();
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
        String s = switch (kind) {
            case TIMESTAMP, TIMESTAMP_TZ -> sourceDatetime(value);
            case DATE -> Canonical.zeroDate(value) ? null : Canonical.date(value);
            default -> common(value);
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
        String s = switch (kind) {
            case TIMESTAMP, TIMESTAMP_TZ -> {
                LocalDateTime t = Canonical.readDatetime(value);
                yield t == null ? value.toString() : Canonical.datetime(precise(t));
            }
            case DATE -> Canonical.date(value);
            default -> common(value);
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

    private String common(Object value) {
        return switch (kind) {
            case INTEGER -> Canonical.integer(unsigned(value));
            case DECIMAL -> Canonical.decimal(flavor == Flavor.MONEY && !(value instanceof Number)
                    ? value.toString().replace("$", "").replace(",", "").trim() : value,
                    flavor == Flavor.ROUND_TARGET ? scale : -1);
            case FLOAT -> type == DmsType.REAL4 && format.csvText()
                    ? Canonical.real4Text(value) : Canonical.real(value, type == DmsType.REAL4);
            case BOOLEAN -> Canonical.bool(value);
            case BINARY -> Canonical.binary(value);
            case TIME -> timeMillis ? Canonical.timeToMillis(Canonical.time(value)) : Canonical.time(value);
            case TEXT, OTHER -> text(value);
            case DATE, TIMESTAMP, TIMESTAMP_TZ -> throw new IllegalStateException("handled by the caller");
        };
    }

    /**
     * Parquet stores UINT32 in INT32 and UINT64 in INT64 (the S3 Parquet type table: UINT4 is UINT32, UINT8 is
     * UINT64), so a value above the signed range comes back negative: it is read as the unsigned number it stands
     * for. Text (CSV) is never changed.
     */
    private Object unsigned(Object value) {
        if (format.kind() != DmsRendering.FormatKind.S3_PARQUET) {
            return value;
        }
        if (type == DmsType.UINT4 && value instanceof Integer i && i < 0) {
            return Integer.toUnsignedLong(i);
        }
        if (type == DmsType.UINT8 && value instanceof Long l && l < 0) {
            return new java.math.BigInteger(Long.toUnsignedString(l));
        }
        return value;
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
        if (flavor == Flavor.HASH_TEXT && s.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return s.toLowerCase(java.util.Locale.ROOT);
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
        } else if (flavor == Flavor.OFFSET_TO_UTC && value instanceof java.sql.Timestamp ts) {
            // the PostgreSQL driver hands out a timestamptz as an instant; its toLocalDateTime() would be the JVM's
            // wall clock, not UTC
            t = LocalDateTime.ofInstant(ts.toInstant(), java.time.ZoneOffset.UTC);
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
        if (s != null && format.csvText() && s.equals(format.csvNullValue())) {
            return null;
        }
        return s;
    }

    /**
     * Converts a canonical value of this column into the canonical value of another column type, as a
     * {@code change-data-type} rule does; a value the new type cannot hold becomes NULL (DMS writes NULL then).
     *
     * @param canonical canonical text of this column
     * @param to the new type's rendering
     * @return canonical text of the new type
     */
    public String convertTo(String canonical, ColumnRendering to) {
        if (canonical == null) {
            return null;
        }
        try {
            Object v = switch (to.kind) {
                case DATE, TIMESTAMP, TIMESTAMP_TZ -> Canonical.readDatetime(canonical);
                case INTEGER -> kind == Kind.BOOLEAN ? canonical
                        : new BigDecimal(canonical.trim()).setScale(0, java.math.RoundingMode.DOWN);
                case DECIMAL -> {
                    BigDecimal d = new BigDecimal(canonical.trim());
                    yield to.precision > 0 ? d.setScale(to.scale, java.math.RoundingMode.HALF_UP) : d;
                }
                case FLOAT -> Double.parseDouble(canonical.trim());
                case BINARY -> kind == Kind.BINARY ? canonical : canonical.getBytes(StandardCharsets.UTF_8);
                case TEXT, OTHER -> {
                    String s = kind == Kind.BINARY ? new String(java.util.HexFormat.of().parseHex(canonical),
                            StandardCharsets.UTF_8) : dmsText(canonical);
                    yield to.precision > 0 && s.length() > to.precision ? s.substring(0, to.precision) : s;
                }
                default -> canonical;
            };
            return v == null ? null : to.target(v);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * The text DMS gives a value of this column that a {@code change-data-type} turns into a string: its DMS text
     * form, not the canonical one (the source engine's JDBC text of the DMS type): a NUMERIC with its scale
     * ({@code 12.50}), a DATETIME with the column's fractional digits ({@code 2024-01-01 05:00:00} for scale 0), a
     * BOOLEAN as {@code true}/{@code false}, REAL4/REAL8 in DMS's exponent form; anything else as its canonical text.
     */
    String dmsText(String canonical) {
        try {
            return switch (kind) {
                case DECIMAL -> precision > 0 ? new BigDecimal(canonical.trim())
                        .setScale(scale, java.math.RoundingMode.HALF_UP).toPlainString() : canonical;
                case TIMESTAMP, TIMESTAMP_TZ -> canonical.length() == 26 && canonical.charAt(19) == '.'
                        ? canonical.substring(0, scale > 0 ? 20 + Math.min(scale, 6) : 19) : canonical;
                case BOOLEAN -> type != DmsType.BOOLEAN ? canonical
                        : canonical.equals("1") ? "true" : canonical.equals("0") ? "false" : canonical;
                case FLOAT -> type == DmsType.REAL4
                        ? String.format(java.util.Locale.ROOT, "%+.7e", (double) Float.parseFloat(canonical))
                        : Canonical.real8Text(Double.parseDouble(canonical));
                default -> canonical;
            };
        } catch (NumberFormatException e) {
            return canonical;
        }
    }

    @Override
    public String toString() {
        return type + "/" + kind + (precision > 0 ? "(" + precision + (scale > 0 ? "," + scale : "") + ")" : "")
                + (flavor == Flavor.PLAIN ? "" : " " + flavor.name().toLowerCase(java.util.Locale.ROOT));
    }
}
