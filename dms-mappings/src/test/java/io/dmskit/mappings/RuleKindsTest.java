package io.dmskit.mappings;

import static io.dmskit.mappings.FilterCondition.between;
import static io.dmskit.mappings.FilterCondition.eq;
import static io.dmskit.mappings.FilterCondition.gte;
import static io.dmskit.mappings.FilterCondition.isNull;
import static io.dmskit.mappings.FilterCondition.lte;
import static io.dmskit.mappings.FilterCondition.notBetween;
import static io.dmskit.mappings.FilterCondition.notNull;
import static io.dmskit.mappings.FilterCondition.noteq;
import static io.dmskit.mappings.JsonAssert.assertSameJson;
import static io.dmskit.mappings.Rules.addBeforeImageColumns;
import static io.dmskit.mappings.Rules.addColumn;
import static io.dmskit.mappings.Rules.addTag;
import static io.dmskit.mappings.Rules.column;
import static io.dmskit.mappings.Rules.columnsOfType;
import static io.dmskit.mappings.Rules.definePrimaryKey;
import static io.dmskit.mappings.Rules.exclude;
import static io.dmskit.mappings.Rules.explicit;
import static io.dmskit.mappings.Rules.include;
import static io.dmskit.mappings.Rules.indexTablespace;
import static io.dmskit.mappings.Rules.mapRecordToDocument;
import static io.dmskit.mappings.Rules.mapRecordToRecord;
import static io.dmskit.mappings.Rules.schema;
import static io.dmskit.mappings.Rules.table;
import static io.dmskit.mappings.Rules.tableSettings;
import static io.dmskit.mappings.Rules.tableTablespace;
import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.mappings.objectmapping.AttributeMapping;
import io.dmskit.mappings.objectmapping.MappingParameters;
import io.dmskit.mappings.objectmapping.ObjectMappingAction;
import io.dmskit.mappings.postprocessing.Tag;
import io.dmskit.mappings.tablesettings.LobSettings;
import io.dmskit.mappings.tablesettings.ParallelLoad;
import io.dmskit.mappings.transformation.BeforeImageDef;
import io.dmskit.mappings.transformation.DataType;
import io.dmskit.mappings.transformation.PrimaryKeyDef;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One test per rule kind, against the documented examples (reference §3-§7) where AWS gives one. */
class RuleKindsTest {

    /** Builds a one-rule-plus-selection document so the rule is also validated in context. */
    private static Rule check(Rule.Builder<?> builder, String expectedRuleJson) {
        Rule rule = builder.build();
        assertSameJson(rule.toJson(), expectedRuleJson);
        TableMappings m = TableMappings.builder().rule(include("zz_other", "x").id("999")).rule(rule).build();
        assertThat(m.validate()).noneMatch(MappingProblem::isError);
        TableMappings back = TableMappings.fromJson(m.toJson());
        assertThat(back).isEqualTo(m);
        assertThat(back.rules().get(1)).isEqualTo(rule);
        return back.rules().get(1);
    }

    @Nested
    @DisplayName("selection")
    class Selection {
        @Test
        @DisplayName("the reference example (include, exclude, table-type all + load-order, filters) is reproduced")
        void referenceExample() {
            TableMappings m = TableMappings.builder()
                    .rule(include("Test", "%").id("1").name("1"))
                    .rule(exclude("Test", "DMS%").id("2").name("2"))
                    .rule(include("report", "%").tableType(TableType.ALL).loadOrder(2).id("3").name("3"))
                    .rule(include("test", "employee").id("4").name("4")
                            .where("empid", lte("10"), between("50", "75"), gte("100"))
                            .where("dept", notNull()))
                    .build();
            assertSameJson(m.toJson(), """
                {"rules":[
                  {"rule-type":"selection","rule-id":"1","rule-name":"1",
                   "object-locator":{"schema-name":"Test","table-name":"%"},
                   "rule-action":"include"},
                  {"rule-type":"selection","rule-id":"2","rule-name":"2",
                   "object-locator":{"schema-name":"Test","table-name":"DMS%"},
                   "rule-action":"exclude"},
                  {"rule-type":"selection","rule-id":"3","rule-name":"3",
                   "object-locator":{"schema-name":"report","table-name":"%","table-type":"all"},
                   "rule-action":"include","load-order":"2"},
                  {"rule-type":"selection","rule-id":"4","rule-name":"4",
                   "object-locator":{"schema-name":"test","table-name":"employee"},
                   "rule-action":"include",
                   "filters":[
                     {"filter-type":"source","column-name":"empid",
                      "filter-conditions":[{"filter-operator":"lte","value":"10"},
                                           {"filter-operator":"between","start-value":"50","end-value":"75"},
                                           {"filter-operator":"gte","value":"100"}]},
                     {"filter-type":"source","column-name":"dept",
                      "filter-conditions":[{"filter-operator":"notnull"}]}]}
                ]}""");
            SelectionRule r3 = (SelectionRule) m.rules().get(2);
            assertThat(r3.tableType()).isEqualTo(TableType.ALL);
            assertThat(r3.loadOrder()).hasValue(2);
            SelectionRule r4 = (SelectionRule) m.rules().get(3);
            assertThat(r4.filters()).hasSize(2);
            assertThat(r4.filters().get(0).conditions()).extracting(FilterCondition::operator)
                    .containsExactly("lte", "between", "gte");
        }

        @Test
        @DisplayName("explicit selection of one view")
        void explicitView() {
            check(explicit("hr", "v_emp").tableType(TableType.VIEW).id("5").name("explicit-hr-v_emp"), """
                {"rule-type":"selection","rule-id":"5","rule-name":"explicit-hr-v_emp",
                 "object-locator":{"schema-name":"hr","table-name":"v_emp","table-type":"view"},
                 "rule-action":"explicit"}""");
        }

        @Test
        @DisplayName("every filter operator is written with its value fields")
        void everyFilterOperator() {
            check(include("s", "t").id("7").name("7")
                    .where("a", eq("x"))
                    .where("b", noteq("y"))
                    .where("c", notBetween("1", "9"))
                    .where("d", isNull(), lte("0"))
                    .where("e", FilterCondition.of(FilterOperator.STE, "5")), """
                {"rule-type":"selection","rule-id":"7","rule-name":"7",
                 "object-locator":{"schema-name":"s","table-name":"t"},"rule-action":"include",
                 "filters":[
                  {"filter-type":"source","column-name":"a","filter-conditions":[{"filter-operator":"eq","value":"x"}]},
                  {"filter-type":"source","column-name":"b","filter-conditions":[{"filter-operator":"noteq","value":"y"}]},
                  {"filter-type":"source","column-name":"c","filter-conditions":[
                     {"filter-operator":"notbetween","start-value":"1","end-value":"9"}]},
                  {"filter-type":"source","column-name":"d","filter-conditions":[
                     {"filter-operator":"null"},{"filter-operator":"lte","value":"0"}]},
                  {"filter-type":"source","column-name":"e","filter-conditions":[{"filter-operator":"ste","value":"5"}]}
                 ]}""");
        }
    }

    @Nested
    @DisplayName("transformation")
    class Transformation {
        @Test
        @DisplayName("rename schema (reference example 2)")
        void renameSchema() {
            TransformationRule r = (TransformationRule) check(schema("Test").rename("Test1").id("2").name("2"), """
                {"rule-type":"transformation","rule-id":"2","rule-name":"2",
                 "rule-action":"rename","rule-target":"schema",
                 "object-locator":{"schema-name":"Test"},"value":"Test1"}""");
            assertThat(r.target()).contains(RuleTarget.SCHEMA);
            assertThat(r.action()).contains(TransformationAction.RENAME);
            assertThat(r.value()).contains("Test1");
        }

        @Test
        @DisplayName("replace-prefix on every column (reference example 3)")
        void replacePrefixColumn() {
            check(column("%", "%", "%").replacePrefix("Pre_", "NewPre_").id("3").name("3"), """
                {"rule-type":"transformation","rule-id":"3","rule-name":"3",
                 "rule-action":"replace-prefix","rule-target":"column",
                 "object-locator":{"schema-name":"%","table-name":"%","column-name":"%"},
                 "value":"NewPre_","old-value":"Pre_"}""");
        }

        @Test
        @DisplayName("change-data-type (reference example 4)")
        void changeDataType() {
            TransformationRule r = (TransformationRule) check(
                    column("dbo", "dms", "SALE_AMOUNT").changeDataType(DataType.of("int8")).id("4").name("4"), """
                {"rule-type":"transformation","rule-id":"4","rule-name":"4",
                 "rule-action":"change-data-type","rule-target":"column",
                 "object-locator":{"schema-name":"dbo","table-name":"dms","column-name":"SALE_AMOUNT"},
                 "data-type":{"type":"int8"}}""");
            assertThat(r.dataType()).contains(DataType.of("int8"));
        }

        @Test
        @DisplayName("change-data-type selecting columns by source data type, numeric precision and scale")
        void changeDataTypeBySourceType() {
            check(columnsOfType("%", "%", "uint1").changeDataType(DataType.numeric(10, 7)).id("1").name("1"), """
                {"rule-type":"transformation","rule-id":"1","rule-name":"1","rule-target":"column",
                 "object-locator":{"schema-name":"%","table-name":"%","column-name":"%","data-type":"uint1"},
                 "rule-action":"change-data-type","data-type":{"type":"numeric","precision":10,"scale":7}}""");
        }

        @Test
        @DisplayName("define-primary-key with a unique index (reference example 5)")
        void definePrimaryKeyRule() {
            TransformationRule r = (TransformationRule) check(definePrimaryKey("inventory", "ITEM",
                    PrimaryKeyDef.uniqueIndex("ITEM-unique-idx", "ITEM-NAME", "BOM-MODEL-NUM", "BOM-PART-NUM"))
                    .id("5").name("5"), """
                {"rule-type":"transformation","rule-id":"5","rule-name":"5",
                 "rule-action":"define-primary-key","rule-target":"table",
                 "object-locator":{"schema-name":"inventory","table-name":"ITEM"},
                 "primary-key-def":{"name":"ITEM-unique-idx","origin":"unique-index",
                                    "columns":["ITEM-NAME","BOM-MODEL-NUM","BOM-PART-NUM"]}}""");
            assertThat(r.primaryKeyDef().orElseThrow().columns()).hasSize(3);
        }

        @Test
        @DisplayName("add-before-image-columns (reference example 6)")
        void beforeImage() {
            check(addBeforeImageColumns("%", "employees", BeforeImageDef.primaryKeyColumns()).id("6").name("6"), """
                {"rule-type":"transformation","rule-id":"6","rule-name":"6",
                 "rule-target":"column","rule-action":"add-before-image-columns",
                 "object-locator":{"schema-name":"%","table-name":"employees"},
                 "before-image-def":{"column-prefix":"BI_","column-suffix":"","column-filter":"pk-only"}}""");
        }

        @Test
        @DisplayName("add-column with a SQLite expression and data-type (reference example 7)")
        void addColumnWithExpression() {
            TransformationRule r = (TransformationRule) check(addColumn("%", "%", "cdc_op", DataType.string(50))
                    .expression("$AR_H_OPERATION").id("7").name("7"), """
                {"rule-type":"transformation","rule-id":"7","rule-name":"7",
                 "rule-action":"add-column","rule-target":"column",
                 "object-locator":{"schema-name":"%","table-name":"%"},
                 "value":"cdc_op","expression":"$AR_H_OPERATION",
                 "data-type":{"type":"string","length":50}}""");
            assertThat(r.expression()).contains("$AR_H_OPERATION");
        }

        @Test
        @DisplayName("data-masking-digits-mask (reference example 8)")
        void digitsMask() {
            check(column("cust_schema", "customer_master", "cust_passport_no").dataMaskingDigitsMask('#')
                    .id("8").name("8"), """
                {"rule-type":"transformation","rule-id":"8","rule-name":"8",
                 "rule-target":"column","rule-action":"data-masking-digits-mask",
                 "object-locator":{"schema-name":"cust_schema","table-name":"customer_master",
                                   "column-name":"cust_passport_no"},
                 "value":"#"}""");
        }

        @Test
        @DisplayName("data-masking-digits-randomize and data-masking-hash-mask after a lower-id change-data-type")
        void randomizeAndHashMask() {
            check(column("s", "t", "phone").dataMaskingDigitsRandomize().id("9").name("9"), """
                {"rule-type":"transformation","rule-id":"9","rule-name":"9","rule-target":"column",
                 "rule-action":"data-masking-digits-randomize",
                 "object-locator":{"schema-name":"s","table-name":"t","column-name":"phone"}}""");
            TableMappings m = TableMappings.builder()
                    .rule(include("s", "t"))
                    .rule(column("s", "t", "ssn").changeDataType(DataType.string(100)))
                    .rule(column("s", "t", "ssn").dataMaskingHashMask())
                    .build();
            assertThat(m.validate()).isEmpty();
            assertSameJson(m.rules().get(2).toJson(), """
                {"rule-type":"transformation","rule-id":"3","rule-name":"data-masking-hash-mask-column-s-t-ssn",
                 "rule-target":"column","rule-action":"data-masking-hash-mask",
                 "object-locator":{"schema-name":"s","table-name":"t","column-name":"ssn"}}""");
        }

        @Test
        @DisplayName("case conversion, prefixes and suffixes on schema, table and column")
        void nameActions() {
            check(schema("%").convertLowercase().id("1").name("1"), """
                {"rule-type":"transformation","rule-id":"1","rule-name":"1","rule-target":"schema",
                 "object-locator":{"schema-name":"%"},"rule-action":"convert-lowercase"}""");
            check(table("HR", "%").convertUppercase().id("2").name("2"), """
                {"rule-type":"transformation","rule-id":"2","rule-name":"2","rule-target":"table",
                 "object-locator":{"schema-name":"HR","table-name":"%"},"rule-action":"convert-uppercase"}""");
            check(table("test", "%").addPrefix("DMS_").id("3").name("3"), """
                {"rule-type":"transformation","rule-id":"3","rule-name":"3","rule-target":"table",
                 "object-locator":{"schema-name":"test","table-name":"%"},"rule-action":"add-prefix","value":"DMS_"}""");
            check(table("test", "%").removeSuffix("_DMS").id("4").name("4"), """
                {"rule-type":"transformation","rule-id":"4","rule-name":"4","rule-target":"table",
                 "object-locator":{"schema-name":"test","table-name":"%"},"rule-action":"remove-suffix",
                 "value":"_DMS"}""");
            check(column("s", "t", "%").addSuffix("_x").id("5").name("5"), """
                {"rule-type":"transformation","rule-id":"5","rule-name":"5","rule-target":"column",
                 "object-locator":{"schema-name":"s","table-name":"t","column-name":"%"},"rule-action":"add-suffix",
                 "value":"_x"}""");
            check(schema("old_%").removePrefix("old_").id("6").name("6"), """
                {"rule-type":"transformation","rule-id":"6","rule-name":"6","rule-target":"schema",
                 "object-locator":{"schema-name":"old_%"},"rule-action":"remove-prefix","value":"old_"}""");
            check(table("s", "%").replaceSuffix("_v1", "_v2").id("7").name("7"), """
                {"rule-type":"transformation","rule-id":"7","rule-name":"7","rule-target":"table",
                 "object-locator":{"schema-name":"s","table-name":"%"},"rule-action":"replace-suffix",
                 "value":"_v2","old-value":"_v1"}""");
        }

        @Test
        @DisplayName("remove-column and include-column")
        void removeAndIncludeColumn() {
            check(column("hr", "emp", "salary").removeColumn().id("1").name("1"), """
                {"rule-type":"transformation","rule-id":"1","rule-name":"1","rule-target":"column",
                 "object-locator":{"schema-name":"hr","table-name":"emp","column-name":"salary"},
                 "rule-action":"remove-column"}""");
            check(column("hr", "emp", "id").includeColumn().id("2").name("2"), """
                {"rule-type":"transformation","rule-id":"2","rule-name":"2","rule-target":"column",
                 "object-locator":{"schema-name":"hr","table-name":"emp","column-name":"id"},
                 "rule-action":"include-column"}""");
        }

        @Test
        @DisplayName("rename of a table tablespace and of an index tablespace (Oracle)")
        void tablespaces() {
            check(tableTablespace("SCHEMA", "TABLE", "TS1").rename("TS2").id("4").name("4"), """
                {"rule-type":"transformation","rule-id":"4","rule-name":"4","rule-target":"table-tablespace",
                 "object-locator":{"schema-name":"SCHEMA","table-name":"TABLE","table-tablespace-name":"TS1"},
                 "rule-action":"rename","value":"TS2"}""");
            check(indexTablespace("SCHEMA", "%", "IDX%").rename("IDX_NEW").id("5").name("5"), """
                {"rule-type":"transformation","rule-id":"5","rule-name":"5","rule-target":"index-tablespace",
                 "object-locator":{"schema-name":"SCHEMA","table-name":"%","index-tablespace-name":"IDX%"},
                 "rule-action":"rename","value":"IDX_NEW"}""");
        }
    }

    @Nested
    @DisplayName("table-settings")
    class TableSettings {
        @Test
        @DisplayName("parallel-load ranges (reference example)")
        void ranges() {
            TableSettingsRule r = (TableSettingsRule) check(tableSettings("HR", "SALES").id("2").name("2")
                    .parallelLoad(ParallelLoad.ranges(List.of("SALES_NO", "REGION"),
                            List.of(List.of("1000", "NORTH"), List.of("3000", "WEST")))), """
                {"rule-type":"table-settings","rule-id":"2","rule-name":"2",
                 "object-locator":{"schema-name":"HR","table-name":"SALES"},
                 "parallel-load":{"type":"ranges","columns":["SALES_NO","REGION"],
                                  "boundaries":[["1000","NORTH"],["3000","WEST"]]}}""");
            assertThat(r.parallelLoad().orElseThrow().boundaries()).hasSize(2);
        }

        @Test
        @DisplayName("parallel-load partitions-list with subpartitions (reference example)")
        void partitionsList() {
            check(tableSettings("HR", "ORDERS").id("3").name("3")
                    .parallelLoad(ParallelLoad.partitionsList(List.of("ABCD", "EFGH"), List.of("01234"))), """
                {"rule-type":"table-settings","rule-id":"3","rule-name":"3",
                 "object-locator":{"schema-name":"HR","table-name":"ORDERS"},
                 "parallel-load":{"type":"partitions-list","partitions":["ABCD","EFGH"],"subpartitions":["01234"]}}""");
        }

        @Test
        @DisplayName("lob-settings unlimited with bulk-max-size (reference example)")
        void lobUnlimited() {
            check(tableSettings("INV", "ITEMS").id("4").name("4").lobSettings(LobSettings.unlimited(0)), """
                {"rule-type":"table-settings","rule-id":"4","rule-name":"4",
                 "object-locator":{"schema-name":"INV","table-name":"ITEMS"},
                 "lob-settings":{"mode":"unlimited","bulk-max-size":"0"}}""");
        }

        @Test
        @DisplayName("partitions-auto, subpartitions-auto, none, DocumentDB options, segment names, limited LOBs")
        void otherParallelLoadTypes() {
            check(tableSettings("s", "a").id("1").name("1").parallelLoad(ParallelLoad.partitionsAuto()), """
                {"rule-type":"table-settings","rule-id":"1","rule-name":"1",
                 "object-locator":{"schema-name":"s","table-name":"a"},"parallel-load":{"type":"partitions-auto"}}""");
            check(tableSettings("s", "b").id("2").name("2").parallelLoad(ParallelLoad.subpartitionsAuto()), """
                {"rule-type":"table-settings","rule-id":"2","rule-name":"2",
                 "object-locator":{"schema-name":"s","table-name":"b"},
                 "parallel-load":{"type":"subpartitions-auto"}}""");
            check(tableSettings("s", "c").id("3").name("3").parallelLoad(ParallelLoad.none())
                    .lobSettings(LobSettings.limited(100000)), """
                {"rule-type":"table-settings","rule-id":"3","rule-name":"3",
                 "object-locator":{"schema-name":"s","table-name":"c"},"parallel-load":{"type":"none"},
                 "lob-settings":{"mode":"limited","bulk-max-size":"100000"}}""");
            check(tableSettings("admin", "departments").id("4").name("4").parallelLoad(ParallelLoad.partitionsAuto()
                    .withNumberOfPartitions(5).withCollectionCountFromMetadata(true)
                    .withMaxRecordsSkipPerPage(1000000).withBatchSize(50000)), """
                {"rule-type":"table-settings","rule-id":"4","rule-name":"4",
                 "object-locator":{"schema-name":"admin","table-name":"departments"},
                 "parallel-load":{"type":"partitions-auto","number-of-partitions":5,
                   "collection-count-from-metadata":"true","max-records-skip-per-page":1000000,"batch-size":50000}}""");
            check(tableSettings("s", "d").id("5").name("5").parallelLoad(ParallelLoad.ranges(List.of("id"),
                    List.of(List.of("100"))).withSegmentNames(List.of("low", "high"))), """
                {"rule-type":"table-settings","rule-id":"5","rule-name":"5",
                 "object-locator":{"schema-name":"s","table-name":"d"},
                 "parallel-load":{"type":"ranges","columns":["id"],"boundaries":[["100"]],
                                  "segment-names":["low","high"]}}""");
            check(tableSettings("s", "e").id("6").name("6").lobSettings(LobSettings.none()), """
                {"rule-type":"table-settings","rule-id":"6","rule-name":"6",
                 "object-locator":{"schema-name":"s","table-name":"e"},"lob-settings":{"mode":"none"}}""");
        }
    }

    @Test
    @DisplayName("post-processing add-tag (reference example)")
    void postProcessing() {
        PostProcessingRule r = (PostProcessingRule) check(addTag("%", "%").id("41").name("41")
                .tag("dw-schema-name", "${schema-name}")
                .tag("${schema-name}_ITEM_tag_1", "my_prefix_${table-name}"), """
            {"rule-type":"post-processing","rule-id":"41","rule-name":"41","rule-action":"add-tag",
             "object-locator":{"schema-name":"%","table-name":"%"},
             "tag-set":[{"key":"dw-schema-name","value":"${schema-name}"},
                        {"key":"${schema-name}_ITEM_tag_1","value":"my_prefix_${table-name}"}]}""");
        assertThat(r.tagSet()).containsExactly(Tag.of("dw-schema-name", "${schema-name}"),
                Tag.of("${schema-name}_ITEM_tag_1", "my_prefix_${table-name}"));
    }

    @Nested
    @DisplayName("object-mapping")
    class ObjectMapping {
        @Test
        @DisplayName("Kinesis map-record-to-record with attribute-name partition key (reference example)")
        void kinesis() {
            ObjectMappingRule r = (ObjectMappingRule) check(mapRecordToRecord("Test", "Customers").id("2")
                    .name("TransformToKinesis").targetTableName("CustomerData")
                    .mappingParameters(MappingParameters.empty().withPartitionKeyType("attribute-name")
                            .withPartitionKeyName("CustomerName")
                            .withExcludeColumns(List.of("firstname", "lastname"))
                            .withAttributeMappings(List.of(AttributeMapping.scalarString("CustomerName",
                                    "${lastname}, ${firstname}")))), """
                {"rule-type":"object-mapping","rule-id":"2","rule-name":"TransformToKinesis",
                 "rule-action":"map-record-to-record","target-table-name":"CustomerData",
                 "object-locator":{"schema-name":"Test","table-name":"Customers"},
                 "mapping-parameters":{
                   "partition-key-type":"attribute-name","partition-key-name":"CustomerName",
                   "exclude-columns":["firstname","lastname"],
                   "attribute-mappings":[
                     {"target-attribute-name":"CustomerName","attribute-type":"scalar",
                      "attribute-sub-type":"string","value":"${lastname}, ${firstname}"}]}}""");
            assertThat(r.action()).contains(ObjectMappingAction.MAP_RECORD_TO_RECORD);
            assertThat(r.mappingParameters().orElseThrow().attributeMappings()).hasSize(1);
        }

        @Test
        @DisplayName("Kafka per-table topic with a rule-level constant partition key")
        void kafka() {
            check(mapRecordToRecord("Test", "Customer").id("2").name("MapToKafka1")
                    .kafkaTargetTopic("customer_topic").partitionKeyValue("ConstantPartitionKey"), """
                {"rule-type":"object-mapping","rule-id":"2","rule-name":"MapToKafka1",
                 "rule-action":"map-record-to-record","kafka-target-topic":"customer_topic",
                 "object-locator":{"schema-name":"Test","table-name":"Customer"},
                 "partition-key":{"value":"ConstantPartitionKey"}}""");
        }

        @Test
        @DisplayName("DynamoDB document attribute whose value is a nested map, and record-to-document")
        void dynamoDb() {
            ObjectMappingRule r = (ObjectMappingRule) check(mapRecordToRecord("test", "customer").id("2")
                    .name("TransformToDDB").targetTableName("customer_t")
                    .mappingParameters(MappingParameters.empty().withPartitionKeyName("CustomerName")
                            .withSortKeyName("Id")
                            .withAttributeMappings(List.of(AttributeMapping.document("ContactDetails", "dynamodb-map",
                                    "{\"M\":{\"Home\":{\"M\":{\"Phone\":{\"S\":\"${HomePhone}\"}}}}}")))), """
                {"rule-type":"object-mapping","rule-id":"2","rule-name":"TransformToDDB",
                 "rule-action":"map-record-to-record","target-table-name":"customer_t",
                 "object-locator":{"schema-name":"test","table-name":"customer"},
                 "mapping-parameters":{"partition-key-name":"CustomerName","sort-key-name":"Id",
                   "attribute-mappings":[{"target-attribute-name":"ContactDetails","attribute-type":"document",
                     "attribute-sub-type":"dynamodb-map",
                     "value":{"M":{"Home":{"M":{"Phone":{"S":"${HomePhone}"}}}}}}]}}""");
            assertThat(r.mappingParameters().orElseThrow().attributeMappings().get(0).valueIsJson()).isTrue();
            check(mapRecordToDocument("s", "t").id("3").name("3").mappingParameters(MappingParameters.empty()
                    .withExcludeColumns(List.of("a"))), """
                {"rule-type":"object-mapping","rule-id":"3","rule-name":"3","rule-action":"map-record-to-document",
                 "object-locator":{"schema-name":"s","table-name":"t"},
                 "mapping-parameters":{"exclude-columns":["a"]}}""");
        }
    }
}
