package io.dmskit.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** How a table plan applies change-data-type and data-masking rules resolved by dms-mappings. */
class ColumnTransformTest {

    private static final SourceTable TABLE = new SourceTable("shop", "items", List.of(
            new SourceColumn("id", ValueKind.INTEGER, "int", 10, 0, false, false),
            new SourceColumn("qty", ValueKind.INTEGER, "smallint", 5, 0, true, false),
            new SourceColumn("ref", ValueKind.STRING, "varchar", 20, 0, true, false),
            new SourceColumn("at", ValueKind.STRING, "varchar", 30, 0, true, false),
            new SourceColumn("price", ValueKind.DECIMAL, "decimal", 8, 2, true, false)), List.of(0));

    private static TablePlan plan(String... rules) {
        StringBuilder sb = new StringBuilder("{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"1\","
                + "\"object-locator\":{\"schema-name\":\"shop\",\"table-name\":\"%\"},\"rule-action\":\"include\"}");
        int id = 2;
        for (String r : rules) {
            sb.append(",{\"rule-type\":\"transformation\",\"rule-id\":\"").append(id).append("\",\"rule-name\":\"r").append(id++)
                    .append("\",\"rule-target\":\"column\",").append(r).append('}');
        }
        String json = sb.append("]}").toString();
        return new TablePlan(TABLE, MappingsRouter.fromJson(json).route("shop", "items"), Dialect.MYSQL, null);
    }

    private static String on(String column, String action) {
        return "\"object-locator\":{\"schema-name\":\"shop\",\"table-name\":\"items\",\"column-name\":\"" + column
                + "\"},\"rule-action\":\"" + action + "\"";
    }

    private static Object[] row(Object... values) {
        return values;
    }

    private static Object[] apply(TablePlan plan, Object... values) {
        return plan.targetValues(values, 'I', Instant.EPOCH);
    }

    @RepeatedTest(5)
    @DisplayName("digits-randomize keeps every non-digit and the length of text, and keeps integers inside their type")
    void randomizeKeepsShape() {
        TablePlan p = plan(on("ref", "data-masking-digits-randomize"), on("qty", "data-masking-digits-randomize"));
        Object[] out = apply(p, row(1L, 32767L, "AB-12/345", "x", null));
        assertThat((String) out[2]).matches("AB-\\d\\d/\\d\\d\\d");
        assertThat((Long) out[1]).isBetween(0L, 32767L);
        assertThat(out[0]).isEqualTo(1L);
    }

    @Test
    @DisplayName("hash-mask without a widening change-data-type is cut to the column's declared length;"
            + " NULL stays NULL")
    void hashIsCutToTheColumnLength() {
        TablePlan p = plan(on("ref", "data-masking-hash-mask"));
        Object[] out = apply(p, row(1L, 1L, "secret", "x", null));
        assertThat((String) out[2]).hasSize(20).matches("[0-9A-F]{20}");
        assertThat(apply(p, row(1L, 1L, null, "x", null))[2]).isNull();
        TablePlan widened = plan(on("ref", "change-data-type") + ",\"data-type\":{\"type\":\"string\",\"length\":100}",
                on("ref", "data-masking-hash-mask"));
        assertThat((String) apply(widened, row(1L, 1L, "secret", "x", null))[2]).hasSize(64).startsWith((String) out[2]);
    }

    @Test
    @DisplayName("change-data-type converts values and the column type: DMS date-time text, numeric with scale,"
            + " unconvertible values become NULL")
    void changeDataTypeConverts() {
        TablePlan p = plan(on("at", "change-data-type") + ",\"data-type\":{\"type\":\"datetime\",\"scale\":\"3\"}",
                on("price", "change-data-type") + ",\"data-type\":{\"type\":\"numeric\",\"precision\":10,\"scale\":\"4\"}",
                on("ref", "change-data-type") + ",\"data-type\":{\"type\":\"int4\"}");
        Object[] out = apply(p, row(1L, 1L, "42", "2024:05:28 19:51:41", new BigDecimal("1.25")));
        assertThat(out[3]).isEqualTo(LocalDateTime.of(2024, 5, 28, 19, 51, 41));
        assertThat(out[4]).isEqualTo(new BigDecimal("1.2500"));
        assertThat(out[2]).isEqualTo(42L);
        assertThat(p.columns().get(3).kind()).isEqualTo(ValueKind.TIMESTAMP);
        assertThat(p.columns().get(3).type().scale()).isEqualTo(3);
        assertThat(p.columns().get(4).type().precision()).isEqualTo(10);
        assertThat(apply(p, row(1L, 1L, "not a number", "never", null))[2]).isNull();
    }

    @Test
    @DisplayName("a rule whose object-locator selects columns by data type hits only columns of that DMS type")
    void dataTypeLocator() {
        TablePlan p = plan("\"object-locator\":{\"schema-name\":\"shop\",\"table-name\":\"items\",\"column-name\":\"%\","
                + "\"data-type\":\"int2\"},\"rule-action\":\"change-data-type\",\"data-type\":{\"type\":\"string\",\"length\":8}");
        assertThat(p.columns()).extracting(c -> c.kind())
                .containsExactly(ValueKind.INTEGER, ValueKind.STRING, ValueKind.STRING, ValueKind.STRING, ValueKind.DECIMAL);
        assertThat(apply(p, row(1L, 12L, "r", "a", null))[1]).isEqualTo("12");
    }

    @Test
    @DisplayName("digits-mask on an integer column fails at plan time naming the rule, the column and the type")
    void maskingAnIntegerFails() {
        assertThatThrownBy(() -> plan(on("qty", "data-masking-digits-mask") + ",\"value\":\"*\""))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("rule 2").hasMessageContaining("shop.items.qty").hasMessageContaining("int2");
    }
}
