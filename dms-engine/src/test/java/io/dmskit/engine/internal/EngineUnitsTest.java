package io.dmskit.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.engine.LocalReplicationEngine;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.model.S3Settings;

/** The engine's pure pieces: add-column expressions, DMS value text, S3 settings validation, builder validation. */
class EngineUnitsTest {

    private static final SourceTable TABLE = new SourceTable("shop", "items", List.of(
            new SourceColumn("id", ValueKind.INTEGER, "int", 10, 0, false, false),
            new SourceColumn("name", ValueKind.STRING, "varchar", 30, 0, true, false),
            new SourceColumn("price", ValueKind.DECIMAL, "decimal", 8, 2, true, false)), List.of(0));

    private static Object eval(String expression, Object... row) {
        return ColumnExpression.compile(expression, TABLE).evaluate(row, 'U', Instant.parse("2024-05-28T19:51:41.388146Z"),
                "shop", "items");
    }

    @Test
    @DisplayName("add-column expressions: columns, literals, ||, arithmetic, CASE, functions and the $AR_ headers")
    void expressions() {
        assertThat(eval("upper($name) || '#' || $id", 7L, "tea", null)).isEqualTo("TEA#7");
        assertThat(eval("$price * 2", 1L, "x", new BigDecimal("1.25"))).isEqualTo(new BigDecimal("2.50"));
        assertThat(eval("$id / 2", 7L, "x", null)).isEqualTo(3L);
        assertThat(eval("CASE WHEN $price > 1 THEN 'dear' ELSE 'cheap' END", 1L, "x", new BigDecimal("0.5"))).isEqualTo("cheap");
        assertThat(eval("ifnull($price, 0)", 1L, "x", null)).isEqualTo(0L);
        assertThat(eval("substr($name, 2, 2) || length($name)", 1L, "coffee", null)).isEqualTo("of6");
        assertThat(eval("$AR_H_OPERATION || ' ' || $AR_M_SOURCE_SCHEMA || '.' || $AR_M_SOURCE_TABLE_NAME", 1L, "", null))
                .isEqualTo("UPDATE shop.items");
        assertThat(eval("$AR_H_TIMESTAMP", 1L, "", null)).isEqualTo("2024-05-28 19:51:41.388146");
        assertThat(eval("$name || 'x'", 1L, null, null)).as("NULL propagates through ||").isNull();
        assertThat(eval("replace(trim('  a-b  '), '-', '+')", 1L, "", null)).isEqualTo("a+b");
    }

    @Test
    @DisplayName("unsupported add-column expressions are rejected at start, naming the expression and the table")
    void unsupportedExpressions() {
        assertThatThrownBy(() -> ColumnExpression.compile("strftime('%Y', 'now')", TABLE)).isInstanceOf(EngineException.class)
                .hasMessageContaining("strftime('%Y', 'now')").hasMessageContaining("shop.items")
                .hasMessageContaining("strftime() is not supported");
        assertThatThrownBy(() -> ColumnExpression.compile("$missing || 'x'", TABLE)).isInstanceOf(EngineException.class)
                .hasMessageContaining("no column 'missing'");
    }

    @Test
    @DisplayName("values are written in DMS's text forms")
    void dmsTextForms() {
        assertThat(TextValues.real8(506560.0)).isEqualTo("+5.0656000000000000e+05");
        assertThat(TextValues.real8(-0.000000125)).isEqualTo("-1.2500000000000000e-07");
        assertThat(TextValues.timestamp(LocalDateTime.of(2024, 8, 9, 19, 27, 17, 787_000_000), 0))
                .isEqualTo("2024-08-09 19:27:17");
        assertThat(TextValues.timestamp(LocalDateTime.of(2024, 8, 9, 19, 27, 17, 787_000_000), 3))
                .isEqualTo("2024-08-09 19:27:17.787");
        assertThat(TextValues.timestamp(LocalDateTime.of(987, 1, 2, 3, 4, 5, 6_000), 6)).isEqualTo("0987-01-02 03:04:05.000006");
        assertThat(TextValues.render(new BigDecimal("21000.00"), null)).isEqualTo("21000.00");
        assertThat(TextValues.render(new byte[] {(byte) 0xCA, (byte) 0xFE}, null)).isEqualTo("CAFE");
    }

    @Test
    @DisplayName("S3 settings the engine cannot honour are all reported at once; DMS defaults fill the rest")
    void s3SettingsValidation() {
        assertThatThrownBy(() -> S3Target.settings(s3Endpoint(S3Settings.builder().bucketName("b").dataFormat("orc")
                .compressionType("zstd").cdcInsertsOnly(true).cdcInsertsAndUpdates(true).maxFileSize(0).build())))
                .isInstanceOf(EngineException.class).hasMessageContaining("DataFormat 'orc'")
                .hasMessageContaining("CompressionType 'zstd'").hasMessageContaining("mutually exclusive")
                .hasMessageContaining("MaxFileSize 0");
        assertThatThrownBy(() -> S3Target.settings(s3Endpoint(S3Settings.builder().build())))
                .isInstanceOf(EngineException.class).hasMessageContaining("no BucketName");
        var defaults = S3Target.settings(s3Endpoint(S3Settings.builder().bucketName("b").bucketFolder("/a/b/").build()));
        assertThat(defaults.objectNames().tablePrefix("s", "t")).isEqualTo("a/b/s/t/");
        assertThat(defaults.csvDelimiter()).isEqualTo(",");
        assertThat(defaults.maxFileSizeBytes()).isEqualTo(1_048_576L * 1024);
        assertThat(defaults.cdcMaxBatchInterval()).hasSeconds(60);
        assertThat(defaults.cdcMinFileSizeBytes()).isEqualTo(32_000L * 1024);
        assertThat(defaults.objectNames().extension()).isEqualTo(".csv");
    }

    private static software.amazon.awssdk.services.databasemigration.model.Endpoint s3Endpoint(S3Settings s) {
        return software.amazon.awssdk.services.databasemigration.model.Endpoint.builder().engineName("s3")
                .s3Settings(s).build();
    }

    @Test
    @DisplayName("the engine builder reports every invalid setting at once")
    void builderValidation() {
        assertThatThrownBy(() -> LocalReplicationEngine.builder().loadThreads(0).pollInterval(java.time.Duration.ZERO)
                .fetchSize(0).build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("loadThreads")
                .hasMessageContaining("pollInterval").hasMessageContaining("fetchSize");
    }
}
