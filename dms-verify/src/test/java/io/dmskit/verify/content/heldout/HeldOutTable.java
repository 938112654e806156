package io.dmskit.verify.content.heldout;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * The held-out test table: every source type of MariaDB or PostgreSQL that DMS maps, its values per row and
 * "generation" (a CDC update bumps the generation), the SQL literal that puts a value into the source, and the text
 * DMS writes for it into a CSV file. Written from the AWS DMS User Guide's type tables and real DMS output, not from
 * dmskit's own renderer, so that the checker is tested against an independent idea of what DMS writes.
 */
final class HeldOutTable {

    /** What DMS does with a column's values. */
    enum T {
        INT, UINT, DEC, NUMERIC_UNBOUNDED, REAL4, REAL8, BIT1, BOOL_PG, CHAR, TEXT, LOB, DATE, TIME_MY, TIME_PG,
        DATETIME, DATETIME_MS, TS_UTC, BIN, OTHER
    }

    /**
     * One column.
     *
     * @param name column name
     * @param ddl its source type
     * @param t what DMS makes of it
     * @param p bits of an integer, length of a CHAR, precision of a decimal
     * @param s scale of a decimal
     * @param gen value of row id at generation g (null for NULL)
     */
    record Col(String name, String ddl, T t, int p, int s, BiFunction<Integer, Integer, Object> gen) {
    }

    static final int LOB_ROW = 10;
    static final int LOB_CHARS = 40_000;
    static final int EMPTY_ROW = 14;
    static final int NULL_ROW = 15;
    static final int QUOTE_ROW = 16;
    /** MySQL's zero date, which DMS records as NULL ([MySQL] source data types). */
    static final int ZERO_DATE_ROW = 17;
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS",
            Locale.ROOT);

    final boolean postgres;
    final List<Col> cols;

    private HeldOutTable(boolean postgres, List<Col> cols) {
        this.postgres = postgres;
        this.cols = cols;
    }

    List<String> names() {
        return cols.stream().map(Col::name).toList();
    }

    int index(String name) {
        return names().indexOf(name);
    }

    /** The vc column: special texts on the edge rows. */
    private static Object vc(int id, int g) {
        return switch (id) {
            case 2 -> "trail  ";
            case 11 -> "Hello World";
            case EMPTY_ROW -> "";
            case NULL_ROW -> null;
            case QUOTE_ROW -> "a,b \"q\" x;y";
            default -> "name" + id + "/" + g;
        };
    }

    private static String lob(int id, int g) {
        if (id == LOB_ROW) {
            StringBuilder b = new StringBuilder(LOB_CHARS);
            for (int i = 0; b.length() < LOB_CHARS; i++) {
                b.append((char) ('a' + i % 26));
            }
            return b.toString();
        }
        return id == EMPTY_ROW ? "" : "long " + id + " g" + g;
    }

    static HeldOutTable mariadb() {
        List<Col> c = new ArrayList<>();
        c.add(new Col("id", "INT PRIMARY KEY", T.INT, 32, 0, (id, g) -> (long) id));
        c.add(new Col("i8", "TINYINT", T.INT, 8, 0, (id, g) -> id == 1 ? -128L : (id * 3L + g) % 100));
        c.add(new Col("u8", "TINYINT UNSIGNED", T.UINT, 8, 0, (id, g) -> id == 1 ? 255L : (long) id + g));
        c.add(new Col("i16", "SMALLINT", T.INT, 16, 0, (id, g) -> id == 1 ? -32768L : id * 100L + g));
        c.add(new Col("i24", "MEDIUMINT", T.INT, 32, 0, (id, g) -> id == 1 ? -8388608L : id * 1000L + g));
        c.add(new Col("u32", "INT UNSIGNED", T.UINT, 32, 0, (id, g) -> id == 1 ? 4294967295L : id * 100000L + g));
        c.add(new Col("i64", "BIGINT", T.INT, 64, 0, (id, g) -> id == 1 ? Long.MIN_VALUE : id * 1_000_000_000_000L + g));
        c.add(new Col("u64", "BIGINT UNSIGNED", T.UINT, 64, 0, (id, g) -> id == 1
                ? new BigInteger("18446744073709551615") : BigInteger.valueOf(id + g)));
        c.add(new Col("d5", "DECIMAL(5,2)", T.DEC, 5, 2, (id, g) -> new BigDecimal("1.25").multiply(
                BigDecimal.valueOf(id)).add(BigDecimal.valueOf(g)).negate()));
        c.add(new Col("amt", "DECIMAL(12,3)", T.DEC, 12, 3, (id, g) -> new BigDecimal("1.125").multiply(
                BigDecimal.valueOf(id)).add(BigDecimal.valueOf(g))));
        c.add(new Col("d38", "DECIMAL(38,10)", T.DEC, 38, 10, (id, g) -> id == 1
                ? new BigDecimal("1234567890123456789012345678.0123456789")
                : BigDecimal.valueOf(id).scaleByPowerOfTen(-10).add(BigDecimal.valueOf(g))));
        c.add(new Col("f4", "FLOAT", T.REAL4, 0, 0, (id, g) -> id == NULL_ROW ? null : id * 1.1f + g));
        c.add(new Col("f8", "DOUBLE", T.REAL8, 0, 0, (id, g) -> id == 1 ? 1e300 : id == 2 ? 0.1 + 0.2 : id * 0.1 + g));
        c.add(new Col("b1", "BIT(1)", T.BIT1, 1, 0, (id, g) -> id == NULL_ROW ? null : (id + g) % 2 == 0));
        c.add(new Col("flag", "TINYINT(1)", T.INT, 8, 0, (id, g) -> (long) ((id + g) % 2)));
        c.add(new Col("ch", "CHAR(10)", T.CHAR, 10, 0, (id, g) -> id == NULL_ROW ? null : "c" + id));
        c.add(new Col("vc", "VARCHAR(40)", T.TEXT, 40, 0, HeldOutTable::vc));
        c.add(new Col("vc2", "VARCHAR(40)", T.TEXT, 40, 0, (id, g) -> id == NULL_ROW ? null : "other" + id));
        c.add(new Col("uni", "VARCHAR(40) CHARACTER SET utf8mb4", T.TEXT, 40, 0,
                (id, g) -> id == NULL_ROW ? null : "Grüße 東京 🚀 " + id));
        c.add(new Col("tx", "TEXT", T.TEXT, 0, 0, (id, g) -> id == NULL_ROW ? null : "text " + id + " g" + g));
        c.add(new Col("lt", "LONGTEXT", T.LOB, 0, 0, (id, g) -> id == NULL_ROW ? null : lob(id, g)));
        c.add(new Col("dt", "DATE", T.DATE, 0, 0, (id, g) -> id == NULL_ROW ? null
                : LocalDate.of(2024, 1, 1).plusDays(id * 40L + g)));
        c.add(new Col("zd", "DATE NULL", T.DATE, 0, 0, (id, g) -> id == NULL_ROW ? null : id == ZERO_DATE_ROW
                ? "0000-00-00" : LocalDate.of(1970, 1, 1).plusDays(id)));
        c.add(new Col("zdt", "DATETIME NULL", T.DATETIME, 0, 0, (id, g) -> id == NULL_ROW ? null
                : id == ZERO_DATE_ROW ? "0000-00-00 00:00:00" : LocalDateTime.of(1970, 1, 1, 0, 0).plusHours(id)));
        c.add(new Col("tm", "TIME", T.TIME_MY, 0, 0, (id, g) -> id == NULL_ROW ? null : id == 1 ? "-838:59:59"
                : id == 2 ? "25:30:00" : "10:11:" + String.format(Locale.ROOT, "%02d", (id + g) % 60)));
        c.add(new Col("dtm", "DATETIME", T.DATETIME, 0, 0, (id, g) -> id == NULL_ROW ? null
                : LocalDateTime.of(2024, 5, 28, 19, 51, 41).plusMinutes(id).plusHours(g)));
        c.add(new Col("dt3", "DATETIME(3)", T.DATETIME_MS, 0, 3, (id, g) -> id == NULL_ROW ? null
                : LocalDateTime.of(2023, 2, 3, 4, 5, 6, 123_000_000).plusSeconds(id + g)));
        c.add(new Col("dt6", "DATETIME(6)", T.DATETIME, 0, 6, (id, g) -> id == NULL_ROW ? null
                : LocalDateTime.of(1999, 12, 31, 23, 59, 59, 123_456_000).plusSeconds(id * 61L + g)));
        c.add(new Col("ts", "TIMESTAMP(6) NULL", T.TS_UTC, 0, 6, (id, g) -> id == NULL_ROW ? null
                : LocalDateTime.of(2024, 5, 28, 19, 51, 41, 654_321_000).plusMinutes(id * 7L + g)));
        c.add(new Col("yr", "YEAR", T.INT, 16, 0, (id, g) -> id == NULL_ROW ? null : 2000L + id + g));
        c.add(new Col("vb", "VARBINARY(16)", T.BIN, 16, 0, (id, g) -> id == NULL_ROW ? null
                : new byte[] {(byte) (int) id, 0, (byte) 0xff, (byte) (int) g, (byte) 0xab}));
        c.add(new Col("bl", "BLOB", T.BIN, 0, 0, (id, g) -> id == NULL_ROW ? null
                : ("blob\u0000" + id + "/" + g).getBytes(StandardCharsets.UTF_8)));
        c.add(new Col("js", "JSON", T.LOB, 0, 0, (id, g) -> id == NULL_ROW ? null
                : "{\"k\": " + id + ", \"arr\": [1, 2], \"g\": " + g + "}"));
        c.add(new Col("en", "ENUM('alpha','beta','gamma')", T.TEXT, 5, 0, (id, g) -> id == NULL_ROW ? null
                : List.of("alpha", "beta", "gamma").get((id + g) % 3)));
        return new HeldOutTable(false, c);
    }

    static HeldOutTable postgres() {
        List<Col> c = new ArrayList<>();
        c.add(new Col("id", "int PRIMARY KEY", T.INT, 32, 0, (id, g) -> (long) id));
        c.add(new Col("s", "smallint", T.INT, 16, 0, (id, g) -> id == 1 ? -32768L : id * 10L + g));
        c.add(new Col("i", "integer", T.INT, 32, 0, (id, g) -> id == 1 ? (long) Integer.MIN_VALUE : id * 1000L + g));
        c.add(new Col("b", "bigint", T.INT, 64, 0, (id, g) -> id == 1 ? Long.MAX_VALUE : id * 1_000_000_000_000L + g));
        c.add(new Col("n5", "numeric(5,2)", T.DEC, 5, 2, (id, g) -> new BigDecimal("0.05").multiply(
                BigDecimal.valueOf(id)).add(BigDecimal.valueOf(g))));
        c.add(new Col("amt", "numeric(12,3)", T.DEC, 12, 3, (id, g) -> new BigDecimal("1.125").multiply(
                BigDecimal.valueOf(id)).add(BigDecimal.valueOf(g))));
        c.add(new Col("n38", "numeric(38,10)", T.DEC, 38, 10, (id, g) -> id == 1
                ? new BigDecimal("-1234567890123456789012345678.0123456789")
                : BigDecimal.valueOf(id).scaleByPowerOfTen(-10).add(BigDecimal.valueOf(g))));
        c.add(new Col("nu", "numeric", T.NUMERIC_UNBOUNDED, 28, 6, (id, g) -> id == NULL_ROW ? null : id == 1
                ? new BigDecimal("0.611111104488373") : new BigDecimal("2.5").multiply(BigDecimal.valueOf(id + g))));
        c.add(new Col("r", "real", T.REAL4, 0, 0, (id, g) -> id == NULL_ROW ? null : id * 1.1f + g));
        c.add(new Col("d", "double precision", T.REAL8, 0, 0, (id, g) -> id == 1 ? -1.5e-300 : id * 0.1 + g));
        c.add(new Col("bo", "boolean", T.BOOL_PG, 0, 0, (id, g) -> id == NULL_ROW ? null : (id + g) % 2 == 0));
        c.add(new Col("ch", "char(10)", T.CHAR, 10, 0, (id, g) -> id == NULL_ROW ? null : "c" + id));
        c.add(new Col("vc", "varchar(40)", T.TEXT, 40, 0, HeldOutTable::vc));
        c.add(new Col("vc2", "varchar(40)", T.TEXT, 40, 0, (id, g) -> id == NULL_ROW ? null : "other" + id));
        c.add(new Col("uni", "varchar(40)", T.TEXT, 40, 0, (id, g) -> id == NULL_ROW ? null : "Grüße 東京 🚀 " + id));
        c.add(new Col("tx", "text", T.LOB, 0, 0, (id, g) -> id == NULL_ROW ? null : lob(id, g)));
        c.add(new Col("dt", "date", T.DATE, 0, 0, (id, g) -> id == NULL_ROW ? null
                : LocalDate.of(2024, 1, 1).plusDays(id * 40L + g)));
        c.add(new Col("tm", "time(6)", T.TIME_PG, 0, 6, (id, g) -> id == NULL_ROW ? null
                : String.format(Locale.ROOT, "%02d:11:12.%06d", (id + g) % 24, 123456 + id)));
        c.add(new Col("ts", "timestamp(6)", T.DATETIME, 0, 6, (id, g) -> id == NULL_ROW ? null
                : LocalDateTime.of(2024, 5, 28, 19, 51, 41, 388_146_000).plusMinutes(id).plusHours(g)));
        c.add(new Col("ts3", "timestamp(3)", T.DATETIME, 0, 3, (id, g) -> id == NULL_ROW ? null
                : LocalDateTime.of(2023, 2, 3, 4, 5, 6, 123_000_000).plusSeconds(id + g)));
        c.add(new Col("tz", "timestamptz", T.TS_UTC, 0, 6, (id, g) -> id == NULL_ROW ? null
                : LocalDateTime.of(2024, 3, 31, 0, 30, 0, 5_000).plusMinutes(id * 13L + g)));
        c.add(new Col("by", "bytea", T.BIN, 0, 0, (id, g) -> id == NULL_ROW ? null
                : new byte[] {(byte) (int) id, 0, (byte) 0xff, (byte) (int) g}));
        c.add(new Col("js", "json", T.LOB, 0, 0, (id, g) -> id == NULL_ROW ? null
                : "{\"k\": " + id + ", \"arr\": [1, 2], \"g\": " + g + "}"));
        c.add(new Col("jb", "jsonb", T.LOB, 0, 0, (id, g) -> id == NULL_ROW ? null
                : "{\"a\": [1, 2], \"k\": " + id + "}"));
        c.add(new Col("u", "uuid", T.OTHER, 0, 0, (id, g) -> id == NULL_ROW ? null
                : String.format(Locale.ROOT, "123e4567-e89b-12d3-a456-%012d", id * 10L + g)));
        c.add(new Col("en", "heldout_mood", T.OTHER, 0, 0, (id, g) -> id == NULL_ROW ? null
                : List.of("sad", "ok", "happy").get((id + g) % 3)));
        c.add(new Col("iv", "interval", T.OTHER, 0, 0, (id, g) -> id == NULL_ROW ? null
                : id + " days 02:03:0" + (g % 10)));
        return new HeldOutTable(true, c);
    }

    /** The source's CREATE TABLE. */
    String createTable(String qualified) {
        List<String> defs = new ArrayList<>();
        for (Col c : cols) {
            defs.add(c.name() + " " + c.ddl());
        }
        return "CREATE TABLE " + qualified + " (" + String.join(", ", defs) + ")";
    }

    /** The SQL literal of a value in this source. */
    String sql(Col c, Object v) {
        if (v == null) {
            return "NULL";
        }
        return switch (c.t()) {
            case INT, UINT, DEC, NUMERIC_UNBOUNDED -> v instanceof BigDecimal d ? d.toPlainString() : v.toString();
            case REAL4 -> postgres ? "'" + v + "'::real" : v.toString();
            case REAL8 -> postgres ? "'" + v + "'::float8" : v.toString();
            case BIT1 -> postgres ? v.toString() : ((Boolean) v ? "b'1'" : "b'0'");
            case BOOL_PG -> v.toString();
            case BIN -> postgres ? "'\\x" + HexFormat.of().formatHex((byte[]) v) + "'::bytea"
                    : "X'" + HexFormat.of().formatHex((byte[]) v) + "'";
            case DATETIME, DATETIME_MS -> v instanceof String z ? "'" + z + "'"
                    : "'" + MICROS.format((LocalDateTime) v) + "'";
            case TS_UTC -> "'" + MICROS.format((LocalDateTime) v) + (postgres ? "+00'" : "'");
            default -> "'" + v.toString().replace("'", "''") + "'";
        };
    }

    /** An INSERT of row id at generation g. */
    String insert(String qualified, int id, int g) {
        List<String> vals = new ArrayList<>();
        for (Col c : cols) {
            vals.add(sql(c, c.gen().apply(id, g)));
        }
        return "INSERT INTO " + qualified + " VALUES (" + String.join(", ", vals) + ")";
    }

    /**
     * The text DMS writes into a CSV file for a value (null for NULL): REAL8 in its {@code +d.dddde+dd} form, decimals
     * with their scale, timestamps to the microsecond, binary as upper-case hexadecimal, a PostgreSQL boolean as
     * {@code true}/{@code false}, PostgreSQL CHAR(n) padded as PostgreSQL returns it.
     *
     * @param pad AddTrailingPaddingCharacter: CHAR(n) values padded to n
     */
    String csv(Col c, Object v, boolean pad) {
        if (v == null || v instanceof String z && z.startsWith("0000-00-00")) {
            return null;
        }
        return switch (c.t()) {
            case INT, UINT -> v.toString();
            case DEC -> ((BigDecimal) v).setScale(c.s(), RoundingMode.UNNECESSARY).toPlainString();
            case NUMERIC_UNBOUNDED -> ((BigDecimal) v).setScale(6, RoundingMode.HALF_UP).toPlainString();
            case REAL4 -> String.format(Locale.ROOT, "%+.7e", (Float) v);
            case REAL8 -> String.format(Locale.ROOT, "%+.16e", (Double) v);
            case BIT1 -> (Boolean) v ? "1" : "0";
            case BOOL_PG -> v.toString();
            case CHAR -> postgres || pad ? String.format(Locale.ROOT, "%-" + c.p() + "s", v) : v.toString();
            case BIN -> HexFormat.of().withUpperCase().formatHex((byte[]) v);
            case DATETIME, TS_UTC -> MICROS.format((LocalDateTime) v);
            case DATETIME_MS -> MICROS.format(((LocalDateTime) v).withNano(((LocalDateTime) v).getNano()
                    / 1_000_000 * 1_000_000));
            case OTHER -> c.ddl().equals("interval") ? interval(v.toString()) : v.toString();
            default -> v.toString();
        };
    }

    /** PostgreSQL's own text of an interval given as "n days hh:mm:ss". */
    private static String interval(String v) {
        String[] p = v.split(" ");
        return p[0] + (p[0].equals("1") ? " day " : " days ") + p[2];
    }
}
