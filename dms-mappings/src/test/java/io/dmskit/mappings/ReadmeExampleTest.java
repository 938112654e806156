package io.dmskit.mappings;

import static io.dmskit.mappings.FilterCondition.eq;
import static io.dmskit.mappings.Rules.addColumn;
import static io.dmskit.mappings.Rules.column;
import static io.dmskit.mappings.Rules.exclude;
import static io.dmskit.mappings.Rules.include;
import static io.dmskit.mappings.Rules.table;
import static io.dmskit.mappings.Rules.tableSettings;
import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.mappings.tablesettings.ParallelLoad;
import io.dmskit.mappings.transformation.DataType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ReadmeExampleTest {

    @Test
    @DisplayName("the README example builds, validates and resolves as documented")
    void readmeExample() {
        TableMappings mappings = TableMappings.builder()
                .rule(include("ecommerce", "%"))
                .rule(exclude("ecommerce", "tmp[_]%"))
                .rule(include("hr", "employees").where("region", eq("EU"), eq("UK")).loadOrder(2))
                .rule(table("%", "%").addPrefix("schema_"))
                .rule(column("hr", "employees", "ssn").dataMaskingHashMask())
                .rule(addColumn("%", "%", "cdc_op", DataType.string(10)).expression("$AR_H_OPERATION"))
                .rule(tableSettings("hr", "employees").parallelLoad(ParallelLoad.partitionsAuto()))
                .build();
        assertThat(mappings.rules().get(0).ruleName()).isEqualTo("include-ecommerce-all-tables");
        TableResolution r = mappings.resolve("hr", "employees");
        assertThat(r.included()).isTrue();
        assertThat(r.targetTable()).isEqualTo("schema_employees");
        assertThat(r.sqlPredicate(SqlDialect.MYSQL)).contains("(`region` = 'EU' OR `region` = 'UK')");
        assertThat(mappings.resolve("ecommerce", "tmp_x").included()).isFalse();
        assertThat(mappings.resolve("ecommerce", "tmpXx").included()).isTrue();
        TableMappings viaConsumer = TableMappings.builder()
                .selection(s -> s.locator("hr", "%").action(SelectionAction.INCLUDE)).build();
        assertThat(viaConsumer.resolve("hr", "x").included()).isTrue();
        assertThat(TableMappings.fromJson(mappings.toJson()).sameMeaningAs(mappings)).isTrue();
        assertThat(mappings.diffFrom(TableMappings.fromJson(mappings.toJson())).lines()).isEmpty();
    }

    @Test
    @DisplayName("a leading byte-order mark is ignored; an escaped JSON string gets a specific hint")
    void bomAndEscapedString() {
        TableMappings m = TableMappings.fromJson("\uFEFF{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\","
                + "\"rule-name\":\"1\",\"object-locator\":{\"schema-name\":\"%\",\"table-name\":\"%\"},"
                + "\"rule-action\":\"include\"}]}");
        assertThat(m.rules()).hasSize(1);
        InvalidTableMappingsException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                InvalidTableMappingsException.class, () -> TableMappings.fromJson("\"{\\\"rules\\\":[]}\""));
        assertThat(e.problems().get(0).message()).contains("JSON string holding a document");
    }
}
