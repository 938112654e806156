package io.dmskit.mappings;

import static io.dmskit.mappings.FilterCondition.between;
import static io.dmskit.mappings.FilterCondition.eq;
import static io.dmskit.mappings.FilterCondition.gte;
import static io.dmskit.mappings.FilterCondition.lte;
import static io.dmskit.mappings.FilterCondition.notNull;
import static io.dmskit.mappings.Rules.addColumn;
import static io.dmskit.mappings.Rules.column;
import static io.dmskit.mappings.Rules.exclude;
import static io.dmskit.mappings.Rules.explicit;
import static io.dmskit.mappings.Rules.include;
import static io.dmskit.mappings.Rules.schema;
import static io.dmskit.mappings.Rules.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.mappings.transformation.DataType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ResolveTest {

    @Nested
    @DisplayName("selection precedence")
    class Selection {
        final TableMappings m = TableMappings.builder()
                .rule(include("Test", "%"))
                .rule(exclude("Test", "DMS%"))
                .rule(include("shop", "order[_]%"))
                .rule(explicit("hr", "employees"))
                .rule(include("views", "%").tableType(TableType.VIEW))
                .rule(include("both", "%").tableType(TableType.ALL))
                .build();

        @Test
        @DisplayName("include with % matches every table of the schema")
        void includeAll() {
            assertThat(m.resolve("Test", "customers").included()).isTrue();
            assertThat(m.resolve("Other", "customers").included()).isFalse();
        }

        @Test
        @DisplayName("exclude beats include")
        void excludeBeatsInclude() {
            assertThat(m.resolve("Test", "DMS_LOG").included()).isFalse();
            assertThat(m.resolve("Test", "DMS_LOG").matchingSelectionRules()).hasSize(2);
        }

        @Test
        @DisplayName("exclude beats include regardless of rule order")
        void excludeBeatsIncludeInAnyOrder() {
            TableMappings reversed = TableMappings.builder().rule(exclude("a", "x%")).rule(include("a", "%")).build();
            assertThat(reversed.resolve("a", "x1").included()).isFalse();
            assertThat(reversed.resolve("a", "y1").included()).isTrue();
        }

        @Test
        @DisplayName("[_] is a literal underscore, _ any single character")
        void underscore() {
            assertThat(m.resolve("shop", "order_items").included()).isTrue();
            assertThat(m.resolve("shop", "orderXitems").included()).isFalse();
            TableMappings loose = TableMappings.builder().rule(include("shop", "order_%")).build();
            assertThat(loose.resolve("shop", "orderXitems").included()).isTrue();
        }

        @Test
        @DisplayName("explicit matches exactly one table and takes its name literally")
        void explicitIsExact() {
            assertThat(m.resolve("hr", "employees").included()).isTrue();
            assertThat(m.resolve("hr", "employees2").included()).isFalse();
            TableMappings literal = TableMappings.builder().rule(explicit("hr", "emp_x")).build();
            assertThat(literal.resolve("hr", "empAx").included()).isFalse();
            assertThat(literal.resolve("hr", "emp_x").included()).isTrue();
        }

        @Test
        @DisplayName("explicit is beaten by a matching exclude")
        void excludeBeatsExplicit() {
            TableMappings t = TableMappings.builder().rule(explicit("hr", "employees")).rule(exclude("hr", "%"))
                    .build();
            assertThat(t.resolve("hr", "employees").included()).isFalse();
        }

        @Test
        @DisplayName("table-type: default rules select tables only, view rules views only, all both")
        void tableType() {
            assertThat(m.resolve("views", "v1").included()).isFalse();
            assertThat(m.resolve("views", "v1", TableType.VIEW).included()).isTrue();
            assertThat(m.resolve("Test", "v1", TableType.VIEW).included()).isFalse();
            assertThat(m.resolve("both", "v1", TableType.VIEW).included()).isTrue();
            assertThat(m.resolve("both", "t1").included()).isTrue();
        }

        @Test
        @DisplayName("matching is case-sensitive, as in DMS selection rules")
        void caseSensitive() {
            assertThat(m.resolve("test", "customers").included()).isFalse();
        }
    }

    @Nested
    @DisplayName("name transformations")
    class Names {
        @Test
        @DisplayName("rename, prefixes, suffixes and case on schema and table")
        void nameActions() {
            TableMappings m = TableMappings.builder()
                    .rule(include("%", "%"))
                    .rule(schema("SCOTT").rename("scott"))
                    .rule(table("SCOTT", "EMP").rename("employees"))
                    .rule(table("SCOTT", "%").convertLowercase())
                    .rule(schema("STAGE_%").removePrefix("STAGE_"))
                    .rule(table("STAGE_%", "%").addSuffix("_raw"))
                    .rule(schema("old_%").replacePrefix("old_", "new_"))
                    .rule(table("old_%", "%_v1").replaceSuffix("_v1", "_v2"))
                    .rule(table("old_%", "x%").removeSuffix("_tmp"))
                    .rule(schema("lower").convertUppercase())
                    .rule(table("lower", "%").addPrefix("T_"))
                    .build();
            TableResolution emp = m.resolve("SCOTT", "EMP");
            assertThat(emp.targetSchema()).isEqualTo("scott");
            assertThat(emp.targetTable()).isEqualTo("employees");
            assertThat(m.resolve("SCOTT", "DEPT").targetTable()).isEqualTo("dept");
            assertThat(m.resolve("STAGE_SALES", "Orders").targetSchema()).isEqualTo("SALES");
            assertThat(m.resolve("STAGE_SALES", "Orders").targetTable()).isEqualTo("Orders_raw");
            assertThat(m.resolve("old_crm", "acct_v1").targetSchema()).isEqualTo("new_crm");
            assertThat(m.resolve("old_crm", "acct_v1").targetTable()).isEqualTo("acct_v2");
            assertThat(m.resolve("old_crm", "x_tmp").targetTable()).isEqualTo("x");
            assertThat(m.resolve("old_crm", "y_tmp").targetTable()).isEqualTo("y_tmp");
            assertThat(m.resolve("lower", "t").targetSchema()).isEqualTo("LOWER");
            assertThat(m.resolve("lower", "t").targetTable()).isEqualTo("T_t");
            assertThat(m.resolve("untouched", "t").targetSchema()).isEqualTo("untouched");
            assertThat(m.resolve("untouched", "t").targetTable()).isEqualTo("t");
        }

        @Test
        @DisplayName("when several rules hit one object the lower rule-id wins, compared as numbers")
        void lowerRuleIdWins() {
            TableMappings m = TableMappings.builder()
                    .rule(include("%", "%").id("1"))
                    .rule(table("hr", "emp").rename("staff").id("10"))
                    .rule(table("hr", "%").convertUppercase().id("9"))
                    .rule(schema("hr").rename("people").id("0100"))
                    .rule(schema("%").addPrefix("x_").id("20"))
                    .build();
            assertThat(m.resolve("hr", "emp").targetTable()).isEqualTo("EMP");
            assertThat(m.resolve("hr", "emp").targetSchema()).isEqualTo("x_hr");
        }

        @Test
        @DisplayName("remove-prefix leaves names without the prefix alone")
        void removePrefixOnlyWhenPresent() {
            TableMappings m = TableMappings.builder().rule(include("%", "%"))
                    .rule(table("%", "%").removePrefix("tmp_")).build();
            assertThat(m.resolve("s", "tmp_a").targetTable()).isEqualTo("a");
            assertThat(m.resolve("s", "b").targetTable()).isEqualTo("b");
        }
    }

    @Nested
    @DisplayName("columns")
    class Columns {
        @Test
        @DisplayName("rename, case, prefix and remove-column apply to columns; lower id wins for names")
        void columnRules() {
            TableMappings m = TableMappings.builder()
                    .rule(include("hr", "%"))
                    .rule(column("hr", "emp", "SSN").removeColumn())
                    .rule(column("hr", "emp", "NAME").rename("full_name"))
                    .rule(column("hr", "%", "%").convertLowercase())
                    .rule(column("hr", "dept", "%").addPrefix("d_"))
                    .build();
            TableResolution emp = m.resolve("hr", "emp");
            assertThat(emp.targetColumn("SSN")).isEmpty();
            assertThat(emp.targetColumn("NAME")).contains("full_name");
            assertThat(emp.targetColumn("SALARY")).contains("salary");
            assertThat(m.resolve("hr", "dept").targetColumn("ID")).contains("id");
        }

        @Test
        @DisplayName("rules selecting columns by source data type apply when the type is known")
        void byDataType() {
            TableMappings m = TableMappings.builder()
                    .rule(include("%", "%"))
                    .rule(Rules.columnsOfType("%", "%", "uint1").changeDataType(DataType.of("int4")))
                    .rule(Rules.columnsOfType("%", "%", "string").convertUppercase())
                    .rule(column("s", "t", "ssn").dataMaskingHashMask())
                    .rule(column("s", "t", "ssn").changeDataType(DataType.string(64)))
                    .build();
            TableResolution r = m.resolve("s", "t");
            assertThat(r.targetColumn("name")).contains("name");
            assertThat(r.targetColumn("name", "string")).contains("NAME");
            assertThat(r.targetColumn("flag", "uint1")).contains("flag");
            assertThat(r.columnTransformations("flag", "uint1")).extracting(TransformationRule::ruleId)
                    .containsExactly("2");
            assertThat(r.columnTransformations("ssn", null)).extracting(t -> t.action().orElseThrow())
                    .containsExactly(TransformationAction.DATA_MASKING_HASH_MASK,
                            TransformationAction.CHANGE_DATA_TYPE);
        }

        @Test
        @DisplayName("include-column keeps only the named columns of that table")
        void includeColumn() {
            TableMappings m = TableMappings.builder()
                    .rule(include("hr", "%"))
                    .rule(column("hr", "emp", "id").includeColumn())
                    .rule(column("hr", "emp", "name").includeColumn())
                    .build();
            assertThat(m.resolve("hr", "emp").targetColumn("id")).contains("id");
            assertThat(m.resolve("hr", "emp").targetColumn("name")).contains("name");
            assertThat(m.resolve("hr", "emp").targetColumn("salary")).isEmpty();
            assertThat(m.resolve("hr", "dept").targetColumn("salary")).contains("salary");
        }

        @Test
        @DisplayName("add-column rules of the table are listed in rule-id order with type and expression")
        void addedColumns() {
            TableMappings m = TableMappings.builder()
                    .rule(include("%", "%"))
                    .rule(addColumn("%", "%", "cdc_op", DataType.string(50)).expression("$AR_H_OPERATION").id("7"))
                    .rule(addColumn("hr", "emp", "full_name", DataType.string(100))
                            .expression("$FIRST||' '||$LAST").id("3"))
                    .build();
            assertThat(m.resolve("hr", "emp").addedColumns()).extracting(AddedColumn::name)
                    .containsExactly("full_name", "cdc_op");
            assertThat(m.resolve("hr", "emp").addedColumns().get(1).expression()).isEqualTo("$AR_H_OPERATION");
            assertThat(m.resolve("hr", "dept").addedColumns()).extracting(AddedColumn::name)
                    .containsExactly("cdc_op");
        }
    }

    @Nested
    @DisplayName("filters")
    class Filters {
        final TableMappings m = TableMappings.builder()
                .rule(include("test", "employee").loadOrder(3)
                        .where("empid", lte("10"), between("50", "75"), gte("100"))
                        .where("dept", notNull()))
                .rule(include("test", "%"))
                .rule(include("q", "it's").where("na`me\"x", eq("O'Brien \\ co")))
                .build();

        @Test
        @DisplayName("the filters of the matching include rule apply; other tables are unfiltered")
        void filtersOfTable() {
            TableResolution r = m.resolve("test", "employee");
            assertThat(r.filters()).hasSize(2);
            assertThat(r.loadOrder()).hasValue(3);
            assertThat(m.resolve("test", "dept").filters()).isEmpty();
            assertThat(m.resolve("test", "dept").sqlPredicate(SqlDialect.MYSQL)).isEmpty();
        }

        @Test
        @DisplayName("conditions are ORed within a filter, filters ANDed, rendered for MySQL and PostgreSQL")
        void predicate() {
            TableResolution r = m.resolve("test", "employee");
            assertThat(r.sqlPredicate(SqlDialect.MYSQL)).contains(
                    "(`empid` <= '10' OR `empid` BETWEEN '50' AND '75' OR `empid` >= '100') AND `dept` IS NOT NULL");
            assertThat(r.sqlPredicate(SqlDialect.POSTGRESQL)).contains(
                    "(\"empid\" <= '10' OR \"empid\" BETWEEN '50' AND '75' OR \"empid\" >= '100') "
                            + "AND \"dept\" IS NOT NULL");
        }

        @Test
        @DisplayName("identifiers and literals are quoted and escaped for each dialect")
        void escaping() {
            TableResolution r = m.resolve("q", "it's");
            assertThat(r.sqlPredicate(SqlDialect.MYSQL)).contains("`na``me\"x` = 'O''Brien \\\\ co'");
            assertThat(r.sqlPredicate(SqlDialect.POSTGRESQL)).contains("\"na`me\"\"x\" = 'O''Brien \\ co'");
        }

        @Test
        @DisplayName("every operator renders, the legacy ste as <=")
        void everyOperator() {
            TableMappings all = TableMappings.fromJson("""
                {"rules":[{"rule-type":"selection","rule-id":"1","rule-name":"1","rule-action":"include",
                  "object-locator":{"schema-name":"s","table-name":"t"},
                  "filters":[
                   {"filter-type":"source","column-name":"a","filter-conditions":[{"filter-operator":"ste","value":"1"},
                     {"filter-operator":"eq","value":"2"},{"filter-operator":"null"}]},
                   {"filter-type":"source","column-name":"b","filter-conditions":[{"filter-operator":"noteq","value":"3"}]},
                   {"filter-type":"source","column-name":"c","filter-conditions":[
                     {"filter-operator":"notbetween","start-value":"4","end-value":"5"}]}]}]}""");
            assertThat(all.resolve("s", "t").sqlPredicate(SqlDialect.POSTGRESQL)).contains(
                    "(\"a\" <= '1' OR \"a\" = '2' OR \"a\" IS NULL) AND \"b\" <> '3' AND \"c\" NOT BETWEEN '4' AND '5'");
        }
    }

    @Test
    @DisplayName("the table-settings rule naming the table is found")
    void tableSettings() {
        TableMappings m = TableMappings.builder().rule(include("HR", "%"))
                .rule(Rules.tableSettings("HR", "SALES")
                        .parallelLoad(io.dmskit.mappings.tablesettings.ParallelLoad.partitionsAuto()))
                .build();
        assertThat(m.resolve("HR", "SALES").tableSettings()).isPresent();
        assertThat(m.resolve("HR", "ORDERS").tableSettings()).isEmpty();
    }
}
