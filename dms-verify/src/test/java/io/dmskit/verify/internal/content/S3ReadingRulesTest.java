package io.dmskit.verify.internal.content;

import io.dmskit.model.s3.S3DataFormat;
import io.dmskit.model.s3.S3OutputSettings;
import io.dmskit.verify.internal.content.DmsRendering.Engine;
import io.dmskit.verify.internal.content.DmsRendering.Format;
import io.dmskit.verify.internal.content.DmsRendering.RenderOptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reading rules the held-out S3 matrix ({@code content.heldout}) established, one by one. Sources: the user
 * guide's "Target data types for S3 Parquet" (UINT4→UINT32, UINT8→UINT64, TIME→TIME32) and PreserveTransactions
 * ("always stores the row changes in .csv files"), docs/content-verification-rendering.md for the rest.
 */
@DisplayName("S3 reading rules: Parquet unsigned and TIME32, REAL4 digits in CSV, Parquet with CDC_TXN, source reads")
class S3ReadingRulesTest {

    private static final DmsRendering MY_PARQUET = DmsRendering.of(Engine.MYSQL, Format.s3Parquet(false),
            RenderOptions.DEFAULTS);
    private static final DmsRendering MY_CSV = DmsRendering.of(Engine.MYSQL, Format.s3Csv(""), RenderOptions.DEFAULTS);
    private static final DmsRendering PG_PARQUET = DmsRendering.of(Engine.POSTGRESQL, Format.s3Parquet(false),
            RenderOptions.DEFAULTS);
    private static final DmsRendering PG_CSV = DmsRendering.of(Engine.POSTGRESQL, Format.s3Csv(""),
            RenderOptions.DEFAULTS);

    @Test
    @DisplayName("Parquet UINT32 / UINT64 above the signed range come back negative and read as the unsigned number")
    void unsignedParquet() {
        ColumnRendering u64 = MY_PARQUET.column("bigint unsigned", 20, 0);
        assertThat(u64.target(-1L)).isEqualTo("18446744073709551615").isEqualTo(u64.source(
                new java.math.BigInteger("18446744073709551615")));
        ColumnRendering u32 = MY_PARQUET.column("int unsigned", 10, 0);
        assertThat(u32.target(-1)).isEqualTo("4294967295");
        assertThat(u32.target(7)).isEqualTo("7");
        // a signed column's negative value stays negative, and CSV text is never reinterpreted
        assertThat(MY_PARQUET.column("bigint", 19, 0).target(-1L)).isEqualTo("-1");
        assertThat(MY_CSV.column("bigint unsigned", 20, 0).target("-1")).isEqualTo("-1");
    }

    @Test
    @DisplayName("PostgreSQL time in Parquet is TIME32: both sides to the millisecond; in CSV the microseconds count")
    void parquetTime() {
        ColumnRendering p = PG_PARQUET.column("time", 15, 6);
        assertThat(p.source("10:11:12.123456")).isEqualTo("10:11:12.123000").isEqualTo(p.target(36_672_123));
        assertThat(p.source("10:11:12.124456")).isNotEqualTo(p.target(36_672_123));
        ColumnRendering c = PG_CSV.column("time", 15, 6);
        assertThat(c.source("10:11:12.123456")).isEqualTo(c.target("10:11:12.123456"))
                .isNotEqualTo(c.target("10:11:12.123000"));
    }

    @Test
    @DisplayName("REAL4 in CSV compares at 7 significant digits; a difference within them is reported; Parquet is exact")
    void real4() {
        ColumnRendering c = PG_CSV.column("float4", 8, 8);
        assertThat(c.source(112.100006f)).isEqualTo(c.target("+1.1210001e+02"))
                .isEqualTo(c.target("+1.1210000610351562e+02"));
        assertThat(c.source(112.100006f)).isNotEqualTo(c.target("+1.1210100e+02"));
        ColumnRendering p = PG_PARQUET.column("float4", 8, 8);
        assertThat(p.source(112.100006f)).isEqualTo(p.target(112.100006f)).isNotEqualTo(p.target(112.10001f));
    }

    @Test
    @DisplayName("a Parquet target with PreserveTransactions reads NULL and empty text as CSV does (CDC_TXN is CSV)")
    void parquetWithTransactionFiles() {
        S3OutputSettings plain = S3OutputSettings.of(b -> b.bucketName("b").dataFormat(S3DataFormat.PARQUET));
        S3OutputSettings txn = plain.toBuilder().preserveTransactions(true).cdcPath("cdc").build();
        ColumnRendering p = DmsRendering.of(Engine.MYSQL, Format.of(plain), RenderOptions.DEFAULTS)
                .column("varchar", 10, 0);
        ColumnRendering t = DmsRendering.of(Engine.MYSQL, Format.of(txn), RenderOptions.DEFAULTS)
                .column("varchar", 10, 0);
        assertThat(p.source("")).isEqualTo("");
        assertThat(t.source("")).isNull();
        assertThat(Format.of(txn).kind()).isEqualTo(DmsRendering.FormatKind.S3_PARQUET);
    }

    @Test
    @DisplayName("the source is read as DMS reads it: MySQL FLOAT widened, TIME and PostgreSQL time/interval as text")
    void selectExpressions() {
        assertThat(DmsRendering.selectExpression(Engine.MYSQL, "FLOAT", "`f`")).isEqualTo("(`f` + 0E0)");
        assertThat(DmsRendering.selectExpression(Engine.MYSQL, "TIME", "`t`")).isEqualTo("CAST(`t` AS CHAR)");
        assertThat(DmsRendering.selectExpression(Engine.MYSQL, "DOUBLE", "`d`")).isEqualTo("`d`");
        assertThat(DmsRendering.selectExpression(Engine.POSTGRESQL, "time", "\"t\"")).isEqualTo("\"t\"::text");
        assertThat(DmsRendering.selectExpression(Engine.POSTGRESQL, "interval", "\"i\"")).isEqualTo("\"i\"::text");
        assertThat(DmsRendering.selectExpression(Engine.POSTGRESQL, "timestamptz", "\"z\"")).isEqualTo("\"z\"");
        // MySQL YEAR arrives as January 1st of the year
        assertThat(MY_CSV.column("year", 4, 0).source(java.sql.Date.valueOf("2001-01-01"))).isEqualTo("2001");
    }

    @Test
    @DisplayName("a timestamptz the driver hands out as an instant is rendered in UTC whatever the JVM's zone")
    void timestamptzInstant() {
        java.time.Instant i = java.time.Instant.parse("2024-03-31T00:30:00.000005Z");
        assertThat(PG_CSV.column("timestamptz", 35, 6).source(java.sql.Timestamp.from(i)))
                .isEqualTo("2024-03-31 00:30:00.000005");
    }
}
