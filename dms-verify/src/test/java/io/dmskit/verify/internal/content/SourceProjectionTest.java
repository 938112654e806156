package io.dmskit.verify.internal.content;

import io.dmskit.mappings.TableMappings;
import io.dmskit.mappings.TableResolution;
import io.dmskit.verify.internal.content.DmsRendering.Engine;
import io.dmskit.verify.internal.content.DmsRendering.Format;
import io.dmskit.verify.internal.content.DmsRendering.RenderOptions;
import io.dmskit.verify.internal.content.SourceProjection.SourceColumn;
import io.dmskit.verify.internal.content.SourceProjection.TargetColumn;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The task's transformation rules (dms-json-formats.md §4) applied to the source side before comparing. */
@DisplayName("SourceProjection: source rows as the task's transformations make them on the target")
class SourceProjectionTest {

    private static final DmsRendering R = DmsRendering.of(Engine.MYSQL, Format.s3Parquet(false),
            RenderOptions.DEFAULTS);
    private static final List<SourceColumn> COLUMNS = List.of(
            new SourceColumn("id", "int", 10, 0),
            new SourceColumn("first_name", "varchar", 20, 0),
            new SourceColumn("last_name", "varchar", 20, 0),
            new SourceColumn("phone", "varchar", 20, 0),
            new SourceColumn("email", "varchar", 100, 0),
            new SourceColumn("card", "varchar", 20, 0),
            new SourceColumn("amount", "decimal", 10, 2),
            new SourceColumn("created", "datetime", 19, 0),
            new SourceColumn("secret", "varchar", 20, 0));

    private static TableResolution resolve(String transformations) {
        String json = "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"1\","
                + "\"object-locator\":{\"schema-name\":\"shop\",\"table-name\":\"%\"},\"rule-action\":\"include\"}"
                + transformations + "]}";
        return TableMappings.fromJson(json).resolve("shop", "customers");
    }

    private static String column(String id, String column, String action, String extra) {
        return ",{\"rule-type\":\"transformation\",\"rule-id\":\"" + id + "\",\"rule-name\":\"" + id + "\","
                + "\"rule-target\":\"column\",\"object-locator\":{\"schema-name\":\"shop\",\"table-name\":\"customers\","
                + "\"column-name\":\"" + column + "\"},\"rule-action\":\"" + action + "\"" + extra + "}";
    }

    private static final Object[] ROW = {7, "Ann", "Lee", "+44 20 7946 0958", "ann@example.com", "4111111111111111",
            new BigDecimal("12.50"), LocalDateTime.parse("2024-05-28T10:00:00"), "s3cr3t"};

    @Test
    @DisplayName("Without rules every column is replicated unchanged, in source order")
    void noRules() {
        SourceProjection p = SourceProjection.of(R, COLUMNS, null);
        assertThat(p.targetColumnNames()).containsExactly("id", "first_name", "last_name", "phone", "email", "card",
                "amount", "created", "secret");
        assertThat(p.project(ROW)).containsExactly("7", "Ann", "Lee", "+44 20 7946 0958", "ann@example.com",
                "4111111111111111", "12.5", "2024-05-28 10:00:00.000000", "s3cr3t");
    }

    @Test
    @DisplayName("rename and remove-column change the target columns; digits and hash masks change the values")
    void renameRemoveMask() {
        TableResolution r = resolve(column("2", "first_name", "rename", ",\"value\":\"given_name\"")
                + column("3", "secret", "remove-column", "")
                + column("4", "phone", "data-masking-digits-mask", ",\"value\":\"#\"")
                + column("5", "email", "data-masking-hash-mask", ""));
        SourceProjection p = SourceProjection.of(R, COLUMNS, r);
        assertThat(p.targetColumnNames()).containsExactly("id", "given_name", "last_name", "phone", "email", "card",
                "amount", "created");
        List<String> v = p.project(ROW);
        assertThat(v.get(3)).isEqualTo("+## ## #### ####");
        assertThat(v.get(4)).isEqualTo(Canonical.sha256("ann@example.com").toLowerCase());
        TargetColumn email = p.columns().get(4);
        assertThat(email.rendering().target(Canonical.sha256("ann@example.com").toUpperCase())).isEqualTo(v.get(4));
        assertThat(email.note()).contains("SHA-256");
    }

    @Test
    @DisplayName("change-data-type converts the value (numeric scale, datetime to date, int to string)")
    void changeDataType() {
        TableResolution r = resolve(column("2", "amount", "change-data-type",
                ",\"data-type\":{\"type\":\"numeric\",\"precision\":10,\"scale\":0}")
                + column("3", "created", "change-data-type", ",\"data-type\":{\"type\":\"date\"}")
                + column("4", "id", "change-data-type", ",\"data-type\":{\"type\":\"string\",\"length\":10}"));
        SourceProjection p = SourceProjection.of(R, COLUMNS, r);
        List<String> v = p.project(ROW);
        assertThat(v.get(6)).isEqualTo("13"); // 12.50 rounded to scale 0
        assertThat(v.get(7)).isEqualTo("2024-05-28");
        assertThat(v.get(0)).isEqualTo("7");
        assertThat(p.columns().get(7).rendering().type()).isEqualTo(DmsType.DATE);
    }

    @Test
    @DisplayName("add-column: an expression over source columns is evaluated; header columns and randomized digits are not comparable")
    void addColumnsAndRandomize() {
        String add = ",{\"rule-type\":\"transformation\",\"rule-id\":\"%s\",\"rule-name\":\"%s\",\"rule-target\":"
                + "\"column\",\"object-locator\":{\"schema-name\":\"shop\",\"table-name\":\"customers\"},"
                + "\"rule-action\":\"add-column\",\"value\":\"%s\",\"expression\":\"%s\","
                + "\"data-type\":{\"type\":\"string\",\"length\":50}}";
        TableResolution r = resolve(String.format(add, "2", "2", "full_name", "$first_name||' '||upper($last_name)")
                + String.format(add, "3", "3", "changed_at", "$AR_H_TIMESTAMP")
                + String.format(add, "4", "4", "double_amount", "$amount * 2")
                + column("5", "card", "data-masking-digits-randomize", ""));
        SourceProjection p = SourceProjection.of(R, COLUMNS, r);
        assertThat(p.targetColumnNames()).endsWith("full_name", "changed_at", "double_amount");
        List<String> v = p.project(ROW);
        assertThat(v.get(9)).isEqualTo("Ann LEE");
        assertThat(v.get(10)).isNull();
        assertThat(v.get(11)).isEqualTo("25.0");
        assertThat(p.columns().get(10).comparable()).isFalse();
        assertThat(p.columns().get(10).note()).contains("cannot be evaluated");
        assertThat(p.columns().get(5).comparable()).isFalse();
        assertThat(v.get(5)).isNull();
    }

    @Test
    @DisplayName("Expressions: literals, arithmetic, functions, NULL propagation; unsupported syntax is refused")
    void expressions() {
        java.util.Map<String, String> row = new java.util.HashMap<>();
        row.put("a", "10");
        row.put("b", null);
        row.put("s", " x ");
        assertThat(AddColumnExpression.parse("$a / 3").orElseThrow().evaluate(row)).isEqualTo("3");
        assertThat(AddColumnExpression.parse("'it''s ' || trim($s)").orElseThrow().evaluate(row)).isEqualTo("it's x");
        assertThat(AddColumnExpression.parse("$b || 'x'").orElseThrow().evaluate(row)).isNull();
        assertThat(AddColumnExpression.parse("coalesce($b, 'none')").orElseThrow().evaluate(row)).isEqualTo("none");
        assertThat(AddColumnExpression.parse("substr('abcdef', 2, 3)").orElseThrow().evaluate(row)).isEqualTo("bcd");
        assertThat(AddColumnExpression.parse("CASE WHEN $a > 1 THEN 'x' END")).isEmpty();
        assertThat(AddColumnExpression.parse("datetime('now')")).isEmpty();
        assertThat(AddColumnExpression.parse("random()")).isEmpty();
    }

    @Test
    @DisplayName("A table-settings rule's lob-settings override the task's LOB mode")
    void lobSettings() {
        String rule = ",{\"rule-type\":\"table-settings\",\"rule-id\":\"9\",\"rule-name\":\"9\",\"object-locator\":"
                + "{\"schema-name\":\"shop\",\"table-name\":\"customers\"},\"lob-settings\":{\"mode\":\"limited\","
                + "\"bulk-max-size\":\"16\"}}";
        RenderOptions o = SourceProjection.lobOptions(RenderOptions.DEFAULTS, resolve(rule));
        assertThat(o.limitedLobMaxKb()).hasValue(16);
        assertThat(SourceProjection.lobOptions(RenderOptions.DEFAULTS, resolve("")).limitedLobMaxKb()).hasValue(32);
    }

    @Test
    @DisplayName("Rows of the wrong width are refused")
    void wrongWidth() {
        SourceProjection p = SourceProjection.of(R, COLUMNS, null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.project(Arrays.copyOf(ROW, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 values");
    }
}
