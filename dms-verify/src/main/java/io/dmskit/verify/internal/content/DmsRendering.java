package io.dmskit.verify.internal.content;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * How DMS renders a source column into a target, per source engine and target format: the DMS data type a source type
 * maps to (user guide, "Source data types for MySQL" and "Source data types for PostgreSQL") and the canonical text
 * both sides are compared in ({@link ColumnRendering}). The rules, each with its source, are in
 * {@code docs/content-verification-rendering.md}.
 *
 * <pre>{@code
 * DmsRendering r = DmsRendering.of(Engine.MYSQL, Format.s3Csv(""), RenderOptions.DEFAULTS);
 * ColumnRendering price = r.column("decimal", 10, 2);
 * price.source(new BigDecimal("9.5"));   // "9.50"
 * price.target("9.50");                  // "9.50"
 * }</pre>
 */
public final class DmsRendering {

    /** The source engine family. */
    public enum Engine {
        /** MySQL, MariaDB, Aurora MySQL. */
        MYSQL,
        /** PostgreSQL, Aurora PostgreSQL. */
        POSTGRESQL
    }

    /** The target's format kind. */
    public enum FormatKind {
        /** Text files ({@code DataFormat=csv}). */
        S3_CSV,
        /** Parquet files ({@code DataFormat=parquet}). */
        S3_PARQUET,
        /** A relational target read over JDBC. */
        JDBC
    }

    /**
     * The target format with the settings that change how values look.
     *
     * @param kind CSV, Parquet or JDBC
     * @param csvNullValue {@code CsvNullValue} (CSV only; the empty string by default)
     * @param parquetTimestampInMillisecond {@code ParquetTimestampInMillisecond} (Parquet only)
     * @param csvTransactions whether a Parquet target's CDC goes to {@code CDC_TXN} CSV files
     *     ({@code PreserveTransactions})
     */
    public record Format(FormatKind kind, String csvNullValue, boolean parquetTimestampInMillisecond,
                         boolean csvTransactions) {
        /** Checks the kind. */
        public Format {
            Objects.requireNonNull(kind, "kind");
            csvNullValue = csvNullValue == null ? "" : csvNullValue;
        }

        /**
         * A format without CSV transaction files.
         *
         * @param kind CSV, Parquet or JDBC
         * @param csvNullValue {@code CsvNullValue}
         * @param parquetTimestampInMillisecond {@code ParquetTimestampInMillisecond}
         */
        public Format(FormatKind kind, String csvNullValue, boolean parquetTimestampInMillisecond) {
            this(kind, csvNullValue, parquetTimestampInMillisecond, false);
        }

        /**
         * @return whether some of the target's values come as CSV text: a CSV target, or a Parquet target whose CDC
         *     goes to {@code CDC_TXN} files ({@code PreserveTransactions}, "always CSV, even when DataFormat is
         *     parquet"), so CSV's lossy steps (an empty field for NULL and the empty string, REAL4 digits) apply
         */
        public boolean csvText() {
            return kind == FormatKind.S3_CSV || csvTransactions;
        }

        /**
         * @param nullValue {@code CsvNullValue}
         * @return an S3 CSV target
         */
        public static Format s3Csv(String nullValue) {
            return new Format(FormatKind.S3_CSV, nullValue, false);
        }

        /**
         * @param millis {@code ParquetTimestampInMillisecond}
         * @return an S3 Parquet target
         */
        public static Format s3Parquet(boolean millis) {
            return new Format(FormatKind.S3_PARQUET, "", millis);
        }

        /** @return a JDBC target */
        public static Format jdbc() {
            return new Format(FormatKind.JDBC, "", false);
        }

        /**
         * @param settings the S3 target's settings
         * @return its format
         */
        public static Format of(io.dmskit.model.s3.S3OutputSettings settings) {
            return settings.parquet() ? new Format(FormatKind.S3_PARQUET, settings.csvNullValue(),
                    settings.parquetTimestampInMillisecond(), settings.preserveTransactions())
                    : s3Csv(settings.csvNullValue());
        }
    }

    /**
     * Task and endpoint settings that change values.
     *
     * @param limitedLobMaxKb {@code LobMaxSize} in KB when the task runs in limited LOB mode; empty in full LOB mode
     * @param mapUnboundedNumericAsString PostgreSQL source setting {@code MapUnboundedNumericAsString}
     * @param sourceSessionZone the time zone MySQL TIMESTAMP values are read in (converted to UTC as DMS does)
     */
    public record RenderOptions(OptionalInt limitedLobMaxKb, boolean mapUnboundedNumericAsString,
                                java.time.ZoneId sourceSessionZone) {
        /** DMS's defaults: limited LOB mode of 32 KB, unbounded NUMERIC as NUMERIC(28,6), a UTC session. */
        public static final RenderOptions DEFAULTS = new RenderOptions(OptionalInt.of(32), false,
                java.time.ZoneOffset.UTC);

        /** Checks for nulls. */
        public RenderOptions {
            Objects.requireNonNull(limitedLobMaxKb, "limitedLobMaxKb");
            Objects.requireNonNull(sourceSessionZone, "sourceSessionZone");
        }
    }

    /** DMS's precision and scale for a PostgreSQL NUMERIC without them (user guide, PostgreSQL source). */
    static final int UNBOUNDED_NUMERIC_PRECISION = 28;
    static final int UNBOUNDED_NUMERIC_SCALE = 6;

    private final Engine engine;
    private final Format format;
    private final RenderOptions options;

    private DmsRendering(Engine engine, Format format, RenderOptions options) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.format = Objects.requireNonNull(format, "format");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * @param engine the source engine
     * @param format the target format
     * @param options LOB and numeric settings
     * @return the renderings of that pair
     */
    public static DmsRendering of(Engine engine, Format format, RenderOptions options) {
        return new DmsRendering(engine, format, options);
    }

    /** @return the source engine */
    public Engine engine() {
        return engine;
    }

    /** @return the target format */
    public Format format() {
        return format;
    }

    /** @return the settings */
    public RenderOptions options() {
        return options;
    }

    /**
     * The rendering of one source column.
     *
     * @param typeName the source's type name as JDBC metadata reports it ({@code varchar}, {@code int unsigned},
     *     {@code timestamptz}, {@code bpchar}), any case
     * @param precision declared length or precision (0 when unknown)
     * @param scale declared scale or fractional-second digits
     * @return the rendering
     */
    public ColumnRendering column(String typeName, int precision, int scale) {
        String t = Objects.requireNonNull(typeName, "typeName").trim().toLowerCase(Locale.ROOT);
        return engine == Engine.MYSQL ? mysql(t, precision, scale) : postgres(t, precision, scale);
    }

    /**
     * The rendering of a column of a DMS type (after {@code change-data-type}, or an added column).
     *
     * @param type the DMS type
     * @param precision precision or length (0 when none)
     * @param scale scale (0 when none)
     * @return the rendering
     */
    public ColumnRendering dmsColumn(DmsType type, int precision, int scale) {
        return col(type, precision, scale, ColumnRendering.Flavor.PLAIN);
    }

    /**
     * The rendering of a column of a table's shape, with the shape's kind (so that the canonical text is the one
     * {@code SqlCanonical} builds for it).
     *
     * @param column a column of a {@link ContentShape}
     * @return the rendering
     */
    public ColumnRendering column(ContentShape.Column column) {
        return column(column.typeName(), column.precision(), column.scale()).withKind(column.kind());
    }

    private ColumnRendering col(DmsType type, int precision, int scale, ColumnRendering.Flavor flavor) {
        return new ColumnRendering(type, kindOf(type, flavor), precision, scale, flavor, format, options);
    }

    /** The kind of value a DMS type holds, which decides its canonical text. */
    static ContentShape.Kind kindOf(DmsType type, ColumnRendering.Flavor flavor) {
        return switch (type) {
            case INT1, INT2, INT4, INT8, UINT1, UINT2, UINT4, UINT8 -> ContentShape.Kind.INTEGER;
            case NUMERIC -> ContentShape.Kind.DECIMAL;
            case REAL4, REAL8 -> ContentShape.Kind.FLOAT;
            case BOOLEAN -> ContentShape.Kind.BOOLEAN;
            case BYTES, BLOB -> ContentShape.Kind.BINARY;
            case DATE -> ContentShape.Kind.DATE;
            case TIME -> ContentShape.Kind.TIME;
            case DATETIME -> flavor == ColumnRendering.Flavor.OFFSET_TO_UTC
                    || flavor == ColumnRendering.Flavor.SESSION_ZONE_TO_UTC
                    || flavor == ColumnRendering.Flavor.SESSION_ZONE_TO_UTC_MILLIS
                    ? ContentShape.Kind.TIMESTAMP_TZ : ContentShape.Kind.TIMESTAMP;
            case STRING, WSTRING, CLOB, NCLOB -> flavor == ColumnRendering.Flavor.MYSQL_TIME
                    ? ContentShape.Kind.TIME : ContentShape.Kind.TEXT;
        };
    }

    private ColumnRendering col(DmsType type, int precision, int scale) {
        return col(type, precision, scale, ColumnRendering.Flavor.PLAIN);
    }

    /** user guide, "Source data types for MySQL". */
    private ColumnRendering mysql(String t, int precision, int scale) {
        boolean unsigned = t.contains("unsigned");
        String base = t.replace("unsigned", "").replace("zerofill", "").trim();
        int paren = base.indexOf('(');
        if (paren > 0) {
            base = base.substring(0, paren).trim();
        }
        return switch (base) {
            case "tinyint" -> col(unsigned ? DmsType.UINT1 : DmsType.INT1, 0, 0);
            case "smallint" -> col(unsigned ? DmsType.UINT2 : DmsType.INT2, 0, 0);
            case "mediumint", "int", "integer" -> col(unsigned ? DmsType.UINT4 : DmsType.INT4, 0, 0);
            case "bigint" -> col(unsigned ? DmsType.UINT8 : DmsType.INT8, 0, 0);
            case "year" -> col(DmsType.INT2, 0, 0);
            case "bool", "boolean" -> col(DmsType.INT1, 0, 0); // BOOLEAN is TINYINT(1) in MySQL
            case "decimal", "numeric", "dec", "fixed" -> col(DmsType.NUMERIC, precision, scale);
            case "double", "double precision", "real" -> col(DmsType.REAL8, 0, 0);
            case "float" -> col(DmsType.REAL4, 0, 0);
            case "bit" -> precision <= 1 ? col(DmsType.BOOLEAN, 0, 0)
                    : col(DmsType.BYTES, (precision + 7) / 8, 0);
            case "binary", "varbinary", "tinyblob", "blob" -> col(DmsType.BYTES, precision, 0);
            case "mediumblob", "longblob", "geometry", "point", "linestring", "polygon", "multipoint",
                 "multilinestring", "multipolygon", "geometrycollection" -> col(DmsType.BLOB, 0, 0);
            case "date" -> col(DmsType.DATE, 0, 0, ColumnRendering.Flavor.ZERO_DATE_IS_NULL);
            case "datetime" -> col(DmsType.DATETIME, 0, scale, scale >= 1 && scale <= 5
                    ? ColumnRendering.Flavor.MILLIS_ZERO_DATE_IS_NULL : ColumnRendering.Flavor.ZERO_DATE_IS_NULL);
            case "timestamp" -> col(DmsType.DATETIME, 0, scale, scale >= 1 && scale <= 5
                    ? ColumnRendering.Flavor.SESSION_ZONE_TO_UTC_MILLIS : ColumnRendering.Flavor.SESSION_ZONE_TO_UTC);
            case "time" -> col(DmsType.STRING, 0, 0, ColumnRendering.Flavor.MYSQL_TIME);
            case "char", "nchar", "national char" -> col(DmsType.WSTRING, precision, 0,
                    ColumnRendering.Flavor.CHAR_PADDED);
            case "varchar", "nvarchar", "tinytext", "text", "enum", "set" -> col(DmsType.WSTRING, precision, 0);
            case "mediumtext", "longtext" -> col(DmsType.NCLOB, 0, 0);
            case "json" -> col(DmsType.CLOB, 0, 0);
            default -> col(DmsType.STRING, precision, 0);
        };
    }

    /** user guide, "Source data types for PostgreSQL". */
    private ColumnRendering postgres(String t, int precision, int scale) {
        if (t.startsWith("_") || t.endsWith("[]")) {
            return col(DmsType.NCLOB, 0, 0); // ARRAY
        }
        return switch (t) {
            case "int2", "smallint", "smallserial", "serial2" -> col(DmsType.INT2, 0, 0);
            case "int4", "integer", "int", "serial", "serial4" -> col(DmsType.INT4, 0, 0);
            case "int8", "bigint", "bigserial", "serial8" -> col(DmsType.INT8, 0, 0);
            case "numeric", "decimal" -> {
                boolean unbounded = precision <= 0 || precision > 1000; // the driver reports 131089 for none
                if (unbounded) {
                    yield options.mapUnboundedNumericAsString() ? col(DmsType.STRING, 0, 0)
                            : col(DmsType.NUMERIC, UNBOUNDED_NUMERIC_PRECISION, UNBOUNDED_NUMERIC_SCALE,
                            ColumnRendering.Flavor.ROUND_TARGET);
                }
                yield precision > 38 ? col(DmsType.STRING, 0, 0) : col(DmsType.NUMERIC, precision, scale);
            }
            case "money" -> col(DmsType.NUMERIC, 38, 4, ColumnRendering.Flavor.MONEY);
            case "float4", "real" -> col(DmsType.REAL4, 0, 0);
            case "float8", "double precision" -> col(DmsType.REAL8, 0, 0);
            case "bool", "boolean" -> col(DmsType.BOOLEAN, 0, 0);
            case "bpchar", "char", "character" -> col(DmsType.WSTRING, precision, 0, ColumnRendering.Flavor.CHAR_PADDED);
            case "varchar", "character varying", "name" -> col(DmsType.WSTRING, precision, 0);
            case "text", "json", "jsonb", "hstore" -> col(DmsType.NCLOB, 0, 0);
            case "xml", "tsvector", "tsquery", "path", "polygon" -> col(DmsType.CLOB, 0, 0);
            case "bytea" -> col(DmsType.BLOB, 0, 0);
            case "timestamp", "timestamp without time zone" -> col(DmsType.DATETIME, 0, scale);
            case "timestamptz", "timestamp with time zone" -> col(DmsType.DATETIME, 0, scale,
                    ColumnRendering.Flavor.OFFSET_TO_UTC);
            case "date" -> col(DmsType.DATE, 0, 0);
            case "time", "timetz", "time without time zone", "time with time zone" -> col(DmsType.TIME, 0, scale);
            default -> col(DmsType.STRING, precision, 0); // interval, uuid, enum, inet, cidr, bit, varbit, ranges
        };
    }

    /**
     * The SQL expression that reads a source column as DMS reads it (from the binary log or the logical decoding
     * output), where the JDBC driver's {@code getObject} would not: MySQL FLOAT widened to DOUBLE (the text protocol
     * sends a FLOAT with 6 significant digits, while DMS writes the whole single-precision value), MySQL TIME as its
     * text (a {@code java.sql.Time} cannot hold {@code -838:59:59} or {@code 25:30:00}), and PostgreSQL types the
     * driver turns into objects with their own spelling (interval, money, bit) as PostgreSQL's text. Any other
     * column is read as it is.
     *
     * @param engine the source engine
     * @param typeName the column's type name as JDBC metadata reports it
     * @param quoted the quoted column name
     * @return the expression, the quoted name itself when nothing is needed
     */
    public static String selectExpression(Engine engine, String typeName, String quoted) {
        String t = typeName == null ? "" : typeName.trim().toLowerCase(Locale.ROOT);
        if (engine == Engine.MYSQL) {
            String base = t.replace("unsigned", "").replace("zerofill", "").trim();
            int paren = base.indexOf('(');
            base = paren > 0 ? base.substring(0, paren).trim() : base;
            return switch (base) {
                case "float" -> "(" + quoted + " + 0E0)";
                case "time" -> "CAST(" + quoted + " AS CHAR)";
                default -> quoted;
            };
        }
        return switch (t) {
            case "interval", "money", "bit", "varbit", "bit varying", "time", "time without time zone" ->
                    quoted + "::text"; // a java.sql.Time drops the fraction of a time(n)
            default -> quoted;
        };
    }

    @Override
    public String toString() {
        return "DmsRendering{" + engine + " -> " + format.kind() + "}";
    }
}
