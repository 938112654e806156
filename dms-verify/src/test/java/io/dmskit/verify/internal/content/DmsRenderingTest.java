package io.dmskit.verify.internal.content;

import io.dmskit.verify.internal.content.ColumnRendering.LobComparison;
import io.dmskit.verify.internal.content.ContentShape.Kind;
import io.dmskit.verify.internal.content.DmsRendering.Engine;
import io.dmskit.verify.internal.content.DmsRendering.Format;
import io.dmskit.verify.internal.content.DmsRendering.RenderOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DMS's renderings per type. Sources: the user guide's "Source data types for MySQL" / "... for PostgreSQL" tables
 * (awsdocs/aws-dms-user-guide doc_source/CHAP_Source.MySQL.md and CHAP_Source.PostgreSQL.md at d0f781f), "Target data
 * types for S3 Parquet" and the S3 endpoint settings (CHAP_Target.S3.md), and the real DMS output in
 * shared/corpus/dms-s3-output (REAL8 text, DECIMAL scale, NULL as an empty field, trailing spaces).
 */
@DisplayName("DMS value renderings: a source value and what DMS writes for it compare equal; a different value does not")
class DmsRenderingTest {

    private static final DmsRendering MY_CSV = DmsRendering.of(Engine.MYSQL, Format.s3Csv(""), RenderOptions.DEFAULTS);
    private static final DmsRendering PG_CSV = DmsRendering.of(Engine.POSTGRESQL, Format.s3Csv(""),
            RenderOptions.DEFAULTS);
    private static final DmsRendering PG_PARQUET = DmsRendering.of(Engine.POSTGRESQL, Format.s3Parquet(false),
            RenderOptions.DEFAULTS);

    @Test
    @DisplayName("DOUBLE / double precision: DMS's REAL8 text (+5.0656000000000000e+05, corpus mlb_data) equals the double")
    void real8() {
        ColumnRendering c = PG_CSV.column("float8", 17, 17);
        assertThat(c.type()).isEqualTo(DmsType.REAL8);
        assertThat(c.kind()).isEqualTo(Kind.FLOAT);
        assertThat(c.target("+5.0656000000000000e+05")).isEqualTo(c.source(506560.0)).isEqualTo("506560.0");
        assertThat(c.target(Canonical.real8Text(0.1 + 0.2))).isEqualTo(c.source(0.1 + 0.2));
        assertThat(c.target("+5.0656100000000000e+05")).isNotEqualTo(c.source(506560.0));
        assertThat(PG_PARQUET.column("float8", 0, 0).target(506560.0d)).isEqualTo("506560.0");
    }

    @Test
    @DisplayName("FLOAT / real (REAL4): the float's value, whether written as a float or widened to a double")
    void real4() {
        ColumnRendering c = MY_CSV.column("float", 12, 0);
        assertThat(c.type()).isEqualTo(DmsType.REAL4);
        assertThat(c.source(1.1f)).isEqualTo("1.1");
        assertThat(c.target("+1.1000000e+00")).isEqualTo("1.1");
        assertThat(c.target(Canonical.real8Text(1.1f))).isEqualTo("1.1"); // +1.1000000238418579e+00
        assertThat(PG_PARQUET.column("float4", 0, 0).target(1.1f)).isEqualTo("1.1");
        assertThat(c.target("+1.2000000e+00")).isNotEqualTo(c.source(1.1f));
    }

    @Test
    @DisplayName("DECIMAL(p,s): DMS writes the scale (21000.00, corpus classicmodels); the value decides, a rounded one differs")
    void decimals() {
        ColumnRendering c = MY_CSV.column("decimal", 10, 2);
        assertThat(c.type()).isEqualTo(DmsType.NUMERIC);
        assertThat(c.target("21000.00")).isEqualTo(c.source(new BigDecimal("21000.00"))).isEqualTo("21000");
        assertThat(c.target("0.00")).isEqualTo(c.source(new BigDecimal("0.00"))).isEqualTo("0");
        assertThat(c.target("9.50")).isEqualTo(c.source(new BigDecimal("9.5")));
        assertThat(c.target("10.00")).isNotEqualTo(c.source(new BigDecimal("9.99")));
        assertThat(PG_PARQUET.column("numeric", 10, 2).target(new BigDecimal("9.50"))).isEqualTo("9.5");
    }

    @Test
    @DisplayName("PostgreSQL NUMERIC without precision: NUMERIC(28,6) (0.611111104488373 -> 0.611111), both sides at 6 digits")
    void unboundedNumeric() {
        ColumnRendering c = PG_CSV.column("numeric", 131089, 0);
        assertThat(c.sourceInJava()).isTrue();
        assertThat(c.source(new BigDecimal("0.611111104488373"))).isEqualTo("0.611111");
        assertThat(c.target("0.611111")).isEqualTo("0.611111");
        assertThat(c.target("0.611112")).isNotEqualTo(c.source(new BigDecimal("0.611111104488373")));
        ColumnRendering asString = DmsRendering.of(Engine.POSTGRESQL, Format.s3Csv(""),
                new RenderOptions(OptionalInt.of(32), true, ZoneOffset.UTC)).column("numeric", 0, 0);
        assertThat(asString.type()).isEqualTo(DmsType.STRING);
    }

    @Test
    @DisplayName("Integers: plain decimal text, unsigned BIGINT beyond 2^63 kept exact")
    void integers() {
        ColumnRendering c = MY_CSV.column("bigint unsigned", 20, 0);
        assertThat(c.type()).isEqualTo(DmsType.UINT8);
        assertThat(c.source(new BigDecimal("18446744073709551615"))).isEqualTo("18446744073709551615");
        assertThat(c.target("18446744073709551615")).isEqualTo("18446744073709551615");
        ColumnRendering i = MY_CSV.column("int", 10, 0);
        assertThat(i.source(42)).isEqualTo(i.target("42")).isEqualTo("42");
        assertThat(PG_PARQUET.column("int2", 5, 0).target(7)).isEqualTo("7");
    }

    @Test
    @DisplayName("Timestamps: 6 fraction digits as CSV writes them; a value without fraction equals .000000")
    void timestamps() {
        ColumnRendering c = PG_CSV.column("timestamp", 29, 6);
        assertThat(c.source(LocalDateTime.parse("2024-05-28T19:51:41.388146")))
                .isEqualTo(c.target("2024-05-28 19:51:41.388146")).isEqualTo("2024-05-28 19:51:41.388146");
        assertThat(c.target("2024-05-28 19:51:41")).isEqualTo(c.source(LocalDateTime.parse("2024-05-28T19:51:41")))
                .isEqualTo("2024-05-28 19:51:41.000000");
        assertThat(PG_PARQUET.column("timestamp", 29, 6).target(LocalDateTime.parse("2024-05-28T19:51:41.388146")))
                .isEqualTo("2024-05-28 19:51:41.388146");
    }

    @Test
    @DisplayName("timestamptz and MySQL TIMESTAMP go to UTC (MySQL guide: 'converted to UTC'); a zone shift is a difference")
    void timeZones() {
        ColumnRendering tz = PG_CSV.column("timestamptz", 35, 6);
        assertThat(tz.kind()).isEqualTo(Kind.TIMESTAMP_TZ);
        assertThat(tz.source(OffsetDateTime.parse("2024-05-28T21:51:41+02:00"))).isEqualTo("2024-05-28 19:51:41.000000");
        assertThat(tz.target("2024-05-28 19:51:41")).isEqualTo("2024-05-28 19:51:41.000000");
        assertThat(tz.target("2024-05-28 21:51:41")).isNotEqualTo(tz.source(OffsetDateTime.parse("2024-05-28T21:51:41+02:00")));

        ColumnRendering my = DmsRendering.of(Engine.MYSQL, Format.s3Csv(""),
                new RenderOptions(OptionalInt.of(32), false, ZoneId.of("Europe/Berlin"))).column("timestamp", 19, 0);
        assertThat(my.source(LocalDateTime.parse("2024-01-15T10:00:00"))).isEqualTo("2024-01-15 09:00:00.000000");
        ColumnRendering dt = MY_CSV.column("datetime", 19, 0); // "It is not converted to UTC"
        assertThat(dt.source(LocalDateTime.parse("2024-01-15T10:00:00"))).isEqualTo("2024-01-15 10:00:00.000000");
    }

    @Test
    @DisplayName("MySQL DATETIME(1..5) is replicated with milliseconds; ParquetTimestampInMillisecond keeps milliseconds")
    void millisecondPrecision() {
        ColumnRendering dt3 = MY_CSV.column("datetime", 23, 3);
        assertThat(dt3.sourceInJava()).isTrue();
        assertThat(dt3.source(LocalDateTime.parse("2024-01-15T10:00:00.12345"))).isEqualTo("2024-01-15 10:00:00.123000");
        ColumnRendering millis = DmsRendering.of(Engine.POSTGRESQL, Format.s3Parquet(true), RenderOptions.DEFAULTS)
                .column("timestamp", 29, 6);
        assertThat(millis.source(LocalDateTime.parse("2024-01-15T10:00:00.123456")))
                .isEqualTo(millis.target(LocalDateTime.parse("2024-01-15T10:00:00.123")));
        assertThat(MY_CSV.column("datetime", 26, 6).sourceInJava()).isFalse();
    }

    @Test
    @DisplayName("Dates and MySQL zero dates (written as NULL, MySQL guide)")
    void dates() {
        ColumnRendering d = MY_CSV.column("date", 10, 0);
        assertThat(d.source(LocalDate.parse("2024-02-29"))).isEqualTo(d.target("2024-02-29"));
        assertThat(d.target("2024:02:29")).isEqualTo("2024-02-29");
        assertThat(d.source("0000-00-00")).isNull();
    }

    @Test
    @DisplayName("TIME: PostgreSQL TIME and MySQL TIME (a STRING in DMS, may exceed 24 hours)")
    void times() {
        ColumnRendering pg = PG_CSV.column("time", 15, 6);
        assertThat(pg.source(java.time.LocalTime.parse("10:11:12"))).isEqualTo(pg.target("10:11:12"))
                .isEqualTo("10:11:12.000000");
        ColumnRendering my = MY_CSV.column("time", 10, 0);
        assertThat(my.kind()).isEqualTo(Kind.TIME);
        assertThat(my.source("838:59:59")).isEqualTo(my.target("838:59:59.000000")).isEqualTo("838:59:59.000000");
        assertThat(my.source("-01:00:00")).isNotEqualTo(my.target("01:00:00"));
    }

    @Test
    @DisplayName("Booleans: PostgreSQL BOOLEAN as 'true'/'false' (PG guide), t/f, 1/0, Parquet BOOL; MySQL BIT(1) as BOOLEAN")
    void booleans() {
        ColumnRendering b = PG_CSV.column("bool", 1, 0);
        assertThat(b.source(true)).isEqualTo(b.target("true")).isEqualTo(b.target("t")).isEqualTo(b.target("1"))
                .isEqualTo("1");
        assertThat(b.target("false")).isEqualTo(b.source(false)).isEqualTo("0");
        assertThat(PG_PARQUET.column("bool", 1, 0).target(Boolean.TRUE)).isEqualTo("1");
        ColumnRendering bit = MY_CSV.column("bit", 1, 0);
        assertThat(bit.type()).isEqualTo(DmsType.BOOLEAN);
        assertThat(bit.source(new byte[] {1})).isEqualTo(bit.target("01")).isEqualTo(bit.target("1"));
        assertThat(MY_CSV.column("bit", 64, 0).type()).isEqualTo(DmsType.BYTES); // BIT(64) -> BYTES(8)
    }

    @Test
    @DisplayName("Binary: hexadecimal in either case, PostgreSQL's \\x form and Parquet bytes agree; other bytes differ")
    void binary() {
        ColumnRendering c = PG_CSV.column("bytea", 0, 0);
        assertThat(c.type()).isEqualTo(DmsType.BLOB);
        byte[] v = {0x00, (byte) 0xAB, 0x10};
        assertThat(c.source(v)).isEqualTo(c.target("00AB10")).isEqualTo(c.target("00ab10"))
                .isEqualTo(c.target("\\x00ab10")).isEqualTo(PG_PARQUET.column("bytea", 0, 0).target(v))
                .isEqualTo("00ab10");
        assertThat(c.target("00AB11")).isNotEqualTo(c.source(v));
    }

    @Test
    @DisplayName("CSV: NULL and the empty string are both the empty field with the default CsvNullValue; Parquet keeps them apart")
    void nullAndEmpty() {
        ColumnRendering c = MY_CSV.column("varchar", 50, 0);
        assertThat(c.emptyIsNull()).isTrue();
        assertThat(c.sourceInJava()).isTrue();
        assertThat(c.source("")).isNull();
        assertThat(c.source(null)).isNull();
        ColumnRendering nullText = DmsRendering.of(Engine.MYSQL, Format.s3Csv("NULL"), RenderOptions.DEFAULTS)
                .column("varchar", 50, 0);
        assertThat(nullText.source("")).isEqualTo("");
        assertThat(nullText.emptyIsNull()).isFalse();
        ColumnRendering parquet = PG_PARQUET.column("varchar", 50, 0);
        assertThat(parquet.source("")).isEqualTo(parquet.target("")).isEqualTo("");
        assertThat(parquet.sourceInJava()).isFalse();
    }

    @Test
    @DisplayName("Trailing spaces: data in VARCHAR ('Carine ', corpus classicmodels), padding in CHAR(n)")
    void trailingSpaces() {
        ColumnRendering v = MY_CSV.column("varchar", 50, 0);
        assertThat(v.source("Carine ")).isEqualTo(v.target("Carine ")).isNotEqualTo(v.target("Carine"));
        ColumnRendering ch = PG_CSV.column("bpchar", 10, 0);
        assertThat(ch.source("abc       ")).isEqualTo(ch.target("abc")).isEqualTo("abc");
    }

    @Test
    @DisplayName("JSON, enums, UUIDs: the text the source prints")
    void textTypes() {
        assertThat(MY_CSV.column("json", 0, 0).type()).isEqualTo(DmsType.CLOB);
        assertThat(PG_CSV.column("jsonb", 0, 0).type()).isEqualTo(DmsType.NCLOB);
        assertThat(MY_CSV.column("enum", 5, 0).type()).isEqualTo(DmsType.WSTRING);
        ColumnRendering u = PG_CSV.column("uuid", 0, 0);
        assertThat(u.source("0e37df36-f698-11e6-8dd4-cb9ced3df976"))
                .isEqualTo(u.target("0e37df36-f698-11e6-8dd4-cb9ced3df976"));
    }

    @Test
    @DisplayName("LOBs in limited LOB mode: the source's first LobMaxSize KB on the target is TRUNCATED, not DIFFERENT")
    void lobTruncation() {
        ColumnRendering c = DmsRendering.of(Engine.MYSQL, Format.s3Csv(""),
                new RenderOptions(OptionalInt.of(1), false, ZoneOffset.UTC)).column("longtext", 0, 0);
        assertThat(c.lob()).isTrue();
        String source = "x".repeat(3000);
        assertThat(c.compareLob(source, source)).isEqualTo(LobComparison.EQUAL);
        assertThat(c.compareLob(source, source.substring(0, 1024))).isEqualTo(LobComparison.TRUNCATED);
        assertThat(c.compareLob(source, "y".repeat(1024))).isEqualTo(LobComparison.DIFFERENT);
        assertThat(c.compareLob("x".repeat(900), "x".repeat(800))).isEqualTo(LobComparison.DIFFERENT);
        assertThat(MY_CSV.column("text", 65535, 0).lob()).isFalse(); // TEXT -> WSTRING in DMS
        ColumnRendering full = DmsRendering.of(Engine.MYSQL, Format.s3Csv(""),
                new RenderOptions(OptionalInt.empty(), false, ZoneOffset.UTC)).column("longblob", 0, 0);
        assertThat(full.compareLob("AABB", "AA")).isEqualTo(LobComparison.DIFFERENT);
    }

    @Test
    @DisplayName("A shape column takes the shape's kind, so that its text is the one SqlCanonical builds")
    void shapeKind() {
        ContentShape.Column col = new ContentShape.Column("flag", false, Kind.BOOLEAN, java.sql.Types.BIT, "BIT", 1,
                0, false);
        assertThat(MY_CSV.column(col).kind()).isEqualTo(Kind.BOOLEAN);
        assertThat(MY_CSV.column(col).target("true")).isEqualTo("1");
    }

    @Test
    @DisplayName("The date-time text written into one array is the StringBuilder text, for any value")
    void datetimeFastPathAgrees() {
        java.util.Random random = new java.util.Random(7);
        java.util.List<LocalDateTime> values = new java.util.ArrayList<>(java.util.List.of(
                LocalDateTime.of(0, 1, 1, 0, 0), LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_999),
                LocalDateTime.of(10000, 1, 1, 0, 0), LocalDateTime.of(-1, 6, 15, 12, 0, 0, 1_000),
                LocalDateTime.of(2024, 1, 1, 0, 0, 0, 999), LocalDateTime.of(1970, 1, 1, 0, 0, 0, 100_000_000)));
        for (int i = 0; i < 10_000; i++) {
            values.add(LocalDateTime.of(random.nextInt(10_000), 1 + random.nextInt(12), 1 + random.nextInt(28),
                    random.nextInt(24), random.nextInt(60), random.nextInt(60), random.nextInt(1_000_000_000)));
        }
        for (LocalDateTime t : values) {
            assertThat(Canonical.datetime(t)).as(t.toString()).isEqualTo(Canonical.datetimeSlow(t));
        }
        assertThat(Canonical.datetime(LocalDateTime.of(2024, 5, 28, 19, 51, 41, 388_146_999)))
                .isEqualTo("2024-05-28 19:51:41.388146");
    }
}
