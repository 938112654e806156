package io.dmskit.verify.internal.content;

import io.dmskit.mappings.SqlDialect;
import io.dmskit.mappings.TableMappings;
import io.dmskit.mappings.TransformationRule;
import io.dmskit.verify.internal.content.ContentShape.Kind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which of a column's transformations run in SQL and which in Java, and what the Java steps give. */
@DisplayName("JdbcTransforms: a column's change-data-type and masking rules planned for a JDBC target")
class JdbcTransformsTest {

    private static final DmsRendering R = DmsRendering.of(DmsRendering.Engine.MYSQL, DmsRendering.Format.jdbc(),
            DmsRendering.RenderOptions.DEFAULTS);

    private static List<TransformationRule> rules(String column, String transformations) {
        String json = "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"1\","
                + "\"object-locator\":{\"schema-name\":\"shop\",\"table-name\":\"%\"},\"rule-action\":\"include\"}"
                + transformations + "]}";
        return TableMappings.fromJson(json).resolve("shop", "t").columnTransformations(column, null);
    }

    private static String rule(int id, String action, String extra) {
        return ",{\"rule-type\":\"transformation\",\"rule-id\":\"" + id + "\",\"rule-name\":\"r" + id + "\","
                + "\"rule-target\":\"column\",\"object-locator\":{\"schema-name\":\"shop\",\"table-name\":\"t\","
                + "\"column-name\":\"c\"},\"rule-action\":\"" + action + "\"" + extra + "}";
    }

    private static JdbcTransforms.Plan plan(String typeName, int precision, int scale, Kind kind, String rules,
                                            Kind targetKind, int targetLength) {
        return JdbcTransforms.plan(SqlDialect.MYSQL, "`c`", kind, R.column(typeName, precision, scale), R,
                rules("c", rules), SqlDialect.POSTGRESQL, "\"c\"", targetKind, targetLength);
    }

    @Test
    @DisplayName("no rules: the column as is")
    void plain() {
        JdbcTransforms.Plan p = plan("varchar", 20, 0, Kind.TEXT, "", Kind.TEXT, 20);
        assertThat(p.source()).isEqualTo(JdbcTransforms.ColumnSql.plain(Kind.TEXT));
        assertThat(p.target()).isEqualTo(JdbcTransforms.ColumnSql.plain(Kind.TEXT));
        assertThat(p.comparable()).isTrue();
        assertThat(p.inJava()).isFalse();
    }

    @Test
    @DisplayName("text to int8 converts in Java, truncating toward zero; decimal to int4 in SQL")
    void changeDataType() {
        JdbcTransforms.Plan text = plan("varchar", 20, 0, Kind.TEXT,
                rule(2, "change-data-type", ",\"data-type\":{\"type\":\"int8\"}"), Kind.INTEGER, 0);
        assertThat(text.inJava()).isTrue();
        assertThat(text.kind()).isEqualTo(Kind.INTEGER);
        assertThat(text.source().java().apply(" -36.7")).isEqualTo("-36");
        assertThat(text.source().java().apply("not a number")).isNull();
        JdbcTransforms.Plan dec = plan("decimal", 10, 3, Kind.DECIMAL,
                rule(2, "change-data-type", ",\"data-type\":{\"type\":\"int4\"}"), Kind.INTEGER, 0);
        assertThat(dec.inJava()).isFalse();
        assertThat(dec.source().expression()).isEqualTo("TRUNCATE(`c`, 0)");
    }

    @Test
    @DisplayName("a digits mask character SQL would misread ($) is applied in Java; '#' in SQL")
    void digitsMask() {
        JdbcTransforms.Plan hash = plan("varchar", 20, 0, Kind.TEXT,
                rule(2, "data-masking-digits-mask", ",\"value\":\"#\""), Kind.TEXT, 20);
        assertThat(hash.inJava()).isFalse();
        assertThat(hash.source().expression()).contains("REGEXP_REPLACE").contains("'#'");
        JdbcTransforms.Plan dollar = plan("varchar", 20, 0, Kind.TEXT,
                rule(2, "data-masking-digits-mask", ",\"value\":\"$\""), Kind.TEXT, 20);
        assertThat(dollar.inJava()).isTrue();
        assertThat(dollar.source().java().apply("a1-b22")).isEqualTo("a$-b$$");
    }

    @Test
    @DisplayName("change-data-type then hash mask: both in SQL; the target read in lower case; cut to its length")
    void hashAfterRetype() {
        JdbcTransforms.Plan p = plan("int", 10, 0, Kind.INTEGER,
                rule(2, "change-data-type", ",\"data-type\":{\"type\":\"string\",\"length\":64}")
                        + rule(3, "data-masking-hash-mask", ""), Kind.TEXT, 16);
        assertThat(p.inJava()).isFalse();
        assertThat(p.kind()).isEqualTo(Kind.TEXT);
        assertThat(p.source().expression()).startsWith("LEFT(LOWER(SHA2(").endsWith(", 16)");
        assertThat(p.target().expression()).isEqualTo("LOWER(\"c\"::text)");
    }

    @Test
    @DisplayName("a hash after a Java conversion is computed in Java: SHA-256 of the converted text")
    void hashInJava() {
        JdbcTransforms.Plan p = plan("varchar", 20, 0, Kind.TEXT,
                rule(2, "change-data-type", ",\"data-type\":{\"type\":\"int4\"}")
                        + rule(3, "data-masking-hash-mask", ""), Kind.TEXT, 0);
        assertThat(p.inJava()).isTrue();
        assertThat(p.source().java().apply("42.9")).isEqualTo(Canonical.sha256("42"));
    }

    @Test
    @DisplayName("randomized digits and unknown types are not comparable")
    void notComparable() {
        assertThat(plan("varchar", 20, 0, Kind.TEXT, rule(2, "data-masking-digits-randomize", ""), Kind.TEXT, 20)
                .comparable()).isFalse();
        JdbcTransforms.Plan unknown = plan("varchar", 20, 0, Kind.TEXT,
                rule(2, "change-data-type", ",\"data-type\":{\"type\":\"tuple\"}"), Kind.TEXT, 20);
        assertThat(unknown.comparable()).isFalse();
        assertThat(unknown.notes()).anyMatch(n -> n.contains("unknown data-type"));
    }

    @Test
    @DisplayName("change-data-type to a string writes DMS's text of the value: NUMERIC's scale, DATETIME's digits, booleans, REAL8")
    void toStringKeepsDmsText() {
        ColumnRendering string = R.dmsColumn(DmsType.STRING, 30, 0);
        assertThat(R.column("decimal", 6, 2).withKind(Kind.DECIMAL).convertTo("12.5", string)).isEqualTo("12.50");
        assertThat(R.column("datetime", 19, 0).withKind(Kind.TIMESTAMP)
                .convertTo("2024-05-28 19:51:41.000000", string)).isEqualTo("2024-05-28 19:51:41");
        assertThat(R.column("datetime", 23, 3).withKind(Kind.TIMESTAMP)
                .convertTo("2024-05-28 19:51:41.388000", string)).isEqualTo("2024-05-28 19:51:41.388");
        assertThat(R.column("double", 22, 0).withKind(Kind.FLOAT).convertTo("0.5", string))
                .isEqualTo("+5.0000000000000000e-01");
        DmsRendering pg = DmsRendering.of(DmsRendering.Engine.POSTGRESQL, DmsRendering.Format.jdbc(),
                DmsRendering.RenderOptions.DEFAULTS);
        assertThat(pg.column("bool", 1, 0).withKind(Kind.BOOLEAN).convertTo("1", string)).isEqualTo("true");
        assertThat(R.column("tinyint", 1, 0).withKind(Kind.BOOLEAN).convertTo("1", string)).isEqualTo("1");
        assertThat(R.column("decimal", 6, 2).withKind(Kind.DECIMAL).convertTo("12.5", R.dmsColumn(DmsType.STRING,
                4, 0))).isEqualTo("12.5"); // 12.50 cut to 4 characters
    }

    @Test
    @DisplayName("an added column's referenced values travel as the digest's row text and decode exactly")
    void decodeRowText() {
        List<String> values = java.util.Arrays.asList("a;b:c", null, "", "\uD83D\uDE00x", "S3:x;");
        String text = RangeDigest.rowText(new CanonicalRow(values, List.of()));
        assertThat(JdbcTransforms.decode(text)).containsExactlyElementsOf(values);
        JdbcTransforms.Plan p = JdbcTransforms.added(SqlDialect.POSTGRESQL, "upper($a) || '-' || $B",
                io.dmskit.mappings.transformation.DataType.string(10),
                java.util.Map.of("a", new JdbcTransforms.ColumnSql("\"a\"", Kind.TEXT, null),
                        "b", new JdbcTransforms.ColumnSql("\"b\"", Kind.INTEGER, null)), R, Kind.TEXT).orElseThrow();
        assertThat(p.inJava()).isTrue();
        assertThat(p.source().java().apply(RangeDigest.rowText(new CanonicalRow(List.of("ab", "7"), List.of()))))
                .isEqualTo("AB-7");
        assertThat(JdbcTransforms.added(SqlDialect.POSTGRESQL, "$AR_H_OPERATION", null, java.util.Map.of(), R,
                Kind.TEXT)).isEmpty();
        assertThat(JdbcTransforms.added(SqlDialect.POSTGRESQL, "$missing || 'x'", null, java.util.Map.of(), R,
                Kind.TEXT)).isEmpty();
    }
}
