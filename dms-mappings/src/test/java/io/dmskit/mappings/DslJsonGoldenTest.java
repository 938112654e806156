package io.dmskit.mappings;

import static io.dmskit.mappings.FilterCondition.between;
import static io.dmskit.mappings.FilterCondition.eq;
import static io.dmskit.mappings.FilterCondition.gte;
import static io.dmskit.mappings.FilterCondition.lte;
import static io.dmskit.mappings.FilterCondition.notNull;
import static io.dmskit.mappings.Rules.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.mappings.objectmapping.MappingParameters;
import io.dmskit.mappings.tablesettings.LobSettings;
import io.dmskit.mappings.tablesettings.ParallelLoad;
import io.dmskit.mappings.transformation.BeforeImageDef;
import io.dmskit.mappings.transformation.DataType;
import io.dmskit.mappings.transformation.PrimaryKeyDef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every form of the DSL renders byte for byte the JSON the DSL wrote before it was split into steps
 * ({@code dsl/every-dsl-form.json} was written by the previous DSL from the same rules).
 */
class DslJsonGoldenTest {

    @Test
    @DisplayName("every rule kind, target and action written with the DSL renders the same bytes as before")
    void sameBytesAsBefore() throws IOException {
        TableMappings m = TableMappings.builder()
                .rule(include("Test", "%").id("1").name("1"))
                .rule(exclude("Test", "DMS%"))
                .rule(include("report", "%").tableType(TableType.ALL).loadOrder(2))
                .rule(include("test", "employee").where("empid", lte("10"), between("50", "75"), gte("100"))
                        .where("dept", notNull()).name("x"))
                .rule(explicit("hr", "v_emp").tableType(TableType.VIEW).id("55"))
                .rule(include("s").filter(SourceFilter.on("a", eq("x"))))
                .rule(exclude("s2"))
                .rule(explicit("s", "t").loadOrder(3))
                .rule(schema("Test").rename("Test1"))
                .rule(column("%", "%", "%").replacePrefix("Pre_", "NewPre_"))
                .rule(column("dbo", "dms", "SALE_AMOUNT").changeDataType(DataType.of("int8")).id("400"))
                .rule(columnsOfType("%", "%", "uint1").changeDataType(DataType.numeric(10, 7)))
                .rule(definePrimaryKey("inventory", "ITEM", PrimaryKeyDef.uniqueIndex("ITEM-unique-idx", "A", "B")))
                .rule(addBeforeImageColumns("%", "employees", BeforeImageDef.primaryKeyColumns()))
                .rule(addColumn("%", "%", "cdc_op", DataType.string(50)).expression("$AR_H_OPERATION"))
                .rule(addColumn("%", "%", "cdc_op2", DataType.string(50)))
                .rule(column("c", "m", "p").dataMaskingDigitsMask('#'))
                .rule(column("s", "t", "phone").dataMaskingDigitsRandomize())
                .rule(column("s", "t", "ssn").dataMaskingHashMask())
                .rule(schema("%").convertLowercase())
                .rule(table("HR", "%").convertUppercase())
                .rule(table("test", "%").addPrefix("DMS_"))
                .rule(table("test", "%").removeSuffix("_DMS"))
                .rule(column("s", "t", "%").addSuffix("_x"))
                .rule(schema("old_%").removePrefix("old_"))
                .rule(table("s", "%").replaceSuffix("_v1", "_v2"))
                .rule(table("s", "%").replacePrefix("_v1", "_v2"))
                .rule(table("s", "%").rename("zz"))
                .rule(column("s", "%", "c").convertUppercase())
                .rule(column("hr", "emp", "salary").removeColumn())
                .rule(column("hr", "emp", "id").includeColumn())
                .rule(tableTablespace("SCHEMA", "TABLE", "TS1").rename("TS2"))
                .rule(indexTablespace("SCHEMA", "%", "IDX%").rename("IDX_NEW"))
                .rule(tableSettings("HR", "SALES").id("900")
                        .parallelLoad(ParallelLoad.ranges(List.of("SALES_NO"), List.of(List.of("1000"))))
                        .lobSettings(LobSettings.limited(100)))
                .rule(tableSettings("INV", "ITEMS").lobSettings(LobSettings.unlimited(0)))
                .rule(addTag("%", "%").tag("dw-schema-name", "${schema-name}").tag("k", "v"))
                .rule(mapRecordToRecord("Test", "Customers").name("TransformToKinesis").targetTableName("CustomerData")
                        .mappingParameters(MappingParameters.empty().withPartitionKeyType("attribute-name")))
                .rule(mapRecordToRecord("Test", "Customer").kafkaTargetTopic("t").partitionKeyValue("K"))
                .rule(mapRecordToDocument("s", "t")
                        .mappingParameters(MappingParameters.empty().withExcludeColumns(List.of("a"))))
                .buildUnvalidated();
        assertThat(m.toJson()).isEqualTo(golden());
    }

    private static String golden() throws IOException {
        try (InputStream in = DslJsonGoldenTest.class.getResourceAsStream("/dsl/every-dsl-form.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }
}
