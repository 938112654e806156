package io.dmskit.mappings;

import static io.dmskit.mappings.FilterCondition.eq;
import static io.dmskit.mappings.Rules.column;
import static io.dmskit.mappings.Rules.include;
import static io.dmskit.mappings.Rules.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.mappings.transformation.DataType;
import io.dmskit.mappings.transformation.PrimaryKeyDef;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The exact reproducers of issue 15 (items 1 to 4: numbers, huge exponents, round trips, lenient documents) and of
 * issue 16 (item 6: empty names; item 10: {@code FilterCondition.ne}).
 */
class HostileInputTest {
    private static final String SELECT = "{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"all\","
            + "\"object-locator\":{\"schema-name\":\"s\",\"table-name\":\"t\"},\"rule-action\":\"include\"}";

    private static String withExtra(String number) {
        return "{\"rules\":[" + SELECT + "],\"x\":" + number + "}";
    }

    private static InvalidTableMappingsException rejected(Runnable r) {
        try {
            r.run();
        } catch (InvalidTableMappingsException e) {
            return e;
        }
        throw new AssertionError("expected InvalidTableMappingsException");
    }

    // ------------------------------------------------------------------ issue 15 item 1

    @ParameterizedTest
    @ValueSource(strings = {"1E2147483648", "1e-2147483649"})
    @DisplayName("15.1: an exponent beyond int range is no NumberFormatException: typed error or a kept number")
    void exponentBeyondIntRange(String number) {
        String json = "{\"rules\":[],\"x\":" + number + "}";
        InvalidTableMappingsException e = rejected(() -> TableMappings.fromJson(json));
        assertThat(e.problems()).anyMatch(p -> p.message().contains("no rules"));
        assertThat(TableMappings.fromJsonLenient(json).property("x")).hasValue(number);
        assertThat(TableMappings.sameMeaning(json, json)).isTrue();

        TableMappings m = TableMappings.fromJson(withExtra(number));
        assertThat(m.toJson()).endsWith("\"x\":" + number + "}");
        assertThat(TableMappings.fromJson(m.toJson())).isEqualTo(m);
    }

    // ------------------------------------------------------------------ issue 15 item 2

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "1E+2147483647", "1e99999999", "-1e-999999999", "123.456e-2147483648"})
    @DisplayName("15.2: sameMeaning never expands a huge exponent (no OutOfMemoryError, NegativeArraySize)")
    void hugeExponentsCompareWithoutExpansion(String number) {
        String json = withExtra(number);
        TableMappings m = TableMappings.fromJson(json);
        assertThat(m.sameMeaningAs(TableMappings.fromJson(json))).isTrue();
        assertThat(TableMappings.sameMeaning(json, json)).isTrue();
        assertThat(TableMappings.sameMeaning(json, withExtra("1"))).isFalse();
        assertThat(m.changesFrom(m)).isEmpty();
    }

    @Test
    @DisplayName("15.2: numbers are compared by value: 1e999999999 means 10E+999999998, and 1e0 means 1 and 1.00")
    void numbersCompareByValue() {
        assertThat(TableMappings.sameMeaning(withExtra("1e999999999"), withExtra("10E+999999998"))).isTrue();
        assertThat(TableMappings.sameMeaning(withExtra("1e999999999"), withExtra("1e999999998"))).isFalse();
        assertThat(TableMappings.sameMeaning(withExtra("1E2147483648"), withExtra("0.1e2147483649"))).isTrue();
        assertThat(TableMappings.sameMeaning(withExtra("12345678901234567890123e99999999999999999999999"),
                withExtra("12345678901234567890.123e100000000000000000000002"))).isTrue();
        assertThat(TableMappings.sameMeaning(withExtra("1e0"), withExtra("1.00"))).isTrue();
        assertThat(TableMappings.sameMeaning(withExtra("-0"), withExtra("0e5"))).isTrue();
        assertThat(TableMappings.sameMeaning(withExtra("1.5"), withExtra("15e-1"))).isTrue();
        assertThat(TableMappings.sameMeaning(withExtra("1.5"), withExtra("1.05"))).isFalse();
    }

    // ------------------------------------------------------------------ issue 15 item 3

    @ParameterizedTest
    @ValueSource(strings = {"1e0", "1E0", "-0", "-0.0", "1.50", "1e+2", "100", "0.000"})
    @DisplayName("15.3: every number round-trips exactly as written")
    void numbersRoundTrip(String number) {
        TableMappings m = TableMappings.fromJson(withExtra(number));
        assertThat(m.toJson()).isEqualTo(withExtra(number));
        assertThat(TableMappings.fromJson(m.toJson())).isEqualTo(m);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0e0", "1.5", "-1", "1E2147483648"})
    @DisplayName("15.3: a rule-id that is a non-integer number is kept as written, reported, and stable on a second trip")
    void nonDigitNumericRuleId(String id) {
        String json = "{\"rules\":[" + SELECT.replace("\"rule-id\":\"1\"", "\"rule-id\":" + id) + "]}";
        TableMappings m = TableMappings.fromJsonLenient(json);
        assertThat(m.toJson()).isEqualTo(json);
        TableMappings again = TableMappings.fromJsonLenient(m.toJson());
        assertThat(again).isEqualTo(m);
        assertThat(again.toJson()).isEqualTo(m.toJson());
        assertThat(m.validate()).anyMatch(p -> p.isError() && p.path().equals("$.rules[0].rule-id")
                && p.message().contains("is not a number"));
        assertThatThrownBy(() -> TableMappings.fromJson(json)).isInstanceOf(InvalidTableMappingsException.class);
    }

    @Test
    @DisplayName("15.3: integer rule-ids are written as digit strings and stay so")
    void integerRuleIdBecomesDigitString() {
        TableMappings m = TableMappings.fromJson("{\"rules\":[" + SELECT.replace("\"rule-id\":\"1\"", "\"rule-id\":0")
                + "]}");
        assertThat(m.toJson()).contains("\"rule-id\":\"0\"");
        assertThat(TableMappings.fromJson(m.toJson())).isEqualTo(m);
    }

    // ------------------------------------------------------------------ issue 15 item 4

    @Test
    @DisplayName("15.4: a lenient document with filter-operator \"like\": toString answers, sqlPredicate is a typed error")
    void lenientUnknownOperator() {
        String json = "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"1\","
                + "\"object-locator\":{\"schema-name\":\"s\",\"table-name\":\"t\"},\"rule-action\":\"include\","
                + "\"filters\":[{\"filter-type\":\"source\",\"column-name\":\"name\",\"filter-conditions\":"
                + "[{\"filter-operator\":\"like\",\"value\":\"A%\"}]}]}]}";
        assertThatThrownBy(() -> TableMappings.fromJson(json)).isInstanceOf(InvalidTableMappingsException.class);
        TableMappings m = TableMappings.fromJsonLenient(json);
        TableResolution r = m.resolve("s", "t");
        assertThat(r.toString()).startsWith("s.t -> s.t where ").contains("\"like\"");
        assertThat(m.toString()).contains("like");
        InvalidTableMappingsException e = rejected(() -> r.sqlPredicate(SqlDialect.MYSQL));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("filters[0].filter-conditions[0]");
            assertThat(p.message()).contains("unknown filter-operator \"like\"").contains("\"name\"");
        });
    }

    @Test
    @DisplayName("15.4: a lenient filter missing its value or column is a typed error from sqlPredicate, not 'col = NULL'")
    void lenientMissingValue() {
        String json = "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"1\","
                + "\"object-locator\":{\"schema-name\":\"s\",\"table-name\":\"t\"},\"rule-action\":\"include\","
                + "\"filters\":[{\"filter-type\":\"source\",\"column-name\":\"a\",\"filter-conditions\":"
                + "[{\"filter-operator\":\"eq\"}]},{\"filter-type\":\"source\",\"filter-conditions\":"
                + "[{\"filter-operator\":\"null\"}]}]}]}";
        TableResolution r = TableMappings.fromJsonLenient(json).resolve("s", "t");
        assertThat(r.toString()).contains("not renderable");
        InvalidTableMappingsException e = rejected(() -> r.sqlPredicate(SqlDialect.POSTGRESQL));
        assertThat(e.problems()).extracting(MappingProblem::path)
                .containsExactly("filters[0].filter-conditions[0]", "filters[1].column-name");
    }

    @Test
    @DisplayName("the builders' property(key, json) rejects bad JSON with the module's typed error")
    void propertyJsonIsTyped() {
        assertThatThrownBy(() -> TableMappings.builder().property("x", "1E"))
                .isInstanceOf(InvalidTableMappingsException.class).hasMessageContaining("Not valid JSON");
        assertThatThrownBy(() -> SelectionRule.builder().property("x", "{"))
                .isInstanceOf(InvalidTableMappingsException.class);
        assertThat(TableMappings.builder().rule(include("s", "t")).property("x", "1E2147483648").build()
                .property("x")).hasValue("1E2147483648");
    }

    // ------------------------------------------------------------------ found by the fuzzer

    @Test
    @DisplayName("fuzzer: a lenient document whose rules have no rule-id has no changes from an identical copy")
    void changesFromWithoutRuleIds() {
        String json = "{\"rules\":[{\"rule-type\":\"selection\",\"object-locator\":{\"schema-name\":\"s\","
                + "\"table-name\":\"t\"},\"rule-action\":\"include\"},{\"rule-type\":\"selection\","
                + "\"object-locator\":{\"schema-name\":\"s\",\"table-name\":\"u\"},\"rule-action\":\"exclude\"}]}";
        TableMappings a = TableMappings.fromJsonLenient(json);
        assertThat(a.changesFrom(TableMappings.fromJsonLenient(json))).isEmpty();
        assertThat(a.sameMeaningAs(TableMappings.fromJsonLenient(json))).isTrue();
    }

    @Test
    @DisplayName("fuzzer: long hostile patterns match correctly (segment matching, no quadratic bracket search)")
    void longHostilePatterns() {
        String brackets = "[".repeat(200_000);
        assertThat(Wildcards.matches(brackets, brackets)).isTrue();
        assertThat(Wildcards.matches(brackets, brackets + "x")).isFalse();
        String stars = "_%".repeat(50_000) + "x";
        assertThat(Wildcards.matches(stars, stars)).isTrue();
        assertThat(Wildcards.matches(stars, "y".repeat(100_000))).isFalse();
        assertThat(Wildcards.matches("%ab%ab%", "xabyab")).isTrue();
        assertThat(Wildcards.matches("%ab%ab%", "xaby")).isFalse();
        assertThat(Wildcards.matches("a%b_c", "abbc")).isTrue();
        assertThat(Wildcards.matches("a%b_c", "abc")).isFalse();
        assertThat(Wildcards.matches("a%b_c", "axbyc")).isTrue();
        assertThat(Wildcards.matches("[abcdefghijk]%", "k1")).isTrue();
        assertThat(Wildcards.matches("[^abcdefghijk]%", "k1")).isFalse();
    }

    @Test
    @DisplayName("fuzzer (seed 777, input 777197657): a long plain name compiles to one token, not one per character")
    void longNamesCompileToFewTokens() {
        String name = "string".repeat(200_000); // 1.2 million characters
        // before: one token object per character, rebuilt on every match (seconds per resolution at 1 MB)
        assertThat(Wildcards.compile(name, (char) 0).isLiteral()).isTrue();
        assertThat(Wildcards.compile(name, (char) 0).tokenCount()).isEqualTo(1);
        assertThat(Wildcards.compile("%" + name + "%", (char) 0).tokenCount()).isEqualTo(1);
        assertThat(Wildcards.compile(name + "_%", (char) 0).tokenCount()).isEqualTo(2);
        assertThat(Wildcards.compile("%" + name + "[_]" + name, (char) 0).tokenCount()).isEqualTo(3);
        assertThat(Wildcards.compile("a#_" + name, '#').isLiteral()).isTrue();
        assertThat(Wildcards.matches(name, name)).isTrue();
        assertThat(Wildcards.matches(name, name + "x")).isFalse();
        assertThat(Wildcards.matches("%" + name + "%", "x" + name + "y")).isTrue();
        assertThat(Wildcards.matches(name + "_%", name + "xyz")).isTrue();
        assertThat(Wildcards.matches(name + "_%", name)).isFalse();
        assertThat(Wildcards.matches("%" + name + "[_]" + name, "x" + name + "_" + name)).isTrue();
        assertThat(Wildcards.matches("%" + name + "[_]" + name, "x" + name + "-" + name)).isFalse();
        assertThat(Wildcards.hasWildcard(name)).isFalse();
        assertThat(Wildcards.hasWildcard(name + "_")).isTrue();
    }

    @Test
    @DisplayName("a long plain middle segment is searched in linear time (Knuth-Morris-Pratt), not once per position")
    void longMiddleSegmentIsSearchedLinearly() {
        // trying the 500,000-character segment at each of 1.5 million positions would compare about 10^11 characters
        String segment = "a".repeat(500_000) + "b";
        String name = "a".repeat(2_000_000);
        assertThat(Wildcards.matches("%" + segment + "%", name)).isFalse();
        assertThat(Wildcards.matches("%" + segment + "%", name + "b")).isTrue();
        assertThat(Wildcards.matches("x%" + segment + "%y", "x" + name + "by")).isTrue();
        assertThat(Wildcards.matches("x%" + segment + "%y", "x" + name + "y")).isFalse();
        assertThat(Wildcards.matches("%aab%", "aaab")).isTrue();
        assertThat(Wildcards.matches("%abab%c", "abaababc")).isTrue();
        assertThat(Wildcards.matches("%abab%c", "abaabac")).isFalse();
    }

    @Test
    @DisplayName("fuzzer (seed 777, input 777197657): locators with multi-megabyte names resolve and keep the contract")
    void longLocatorNamesKeepTheContract() {
        String name = "string".repeat(100_000); // 600,000 characters: 3 s per contract check before the fix
        for (String[] l : List.of(new String[] {name, "%", "c"}, new String[] {"%" + name + "%", name + "_%", "%" + name},
                new String[] {name, name, name})) {
            String json = "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"1\","
                    + "\"object-locator\":{\"schema-name\":\"" + l[0] + "\",\"table-name\":\"" + l[1] + "\"},"
                    + "\"rule-action\":\"include\"},{\"rule-type\":\"transformation\",\"rule-id\":\"2\","
                    + "\"rule-name\":\"2\",\"rule-target\":\"column\",\"object-locator\":{\"schema-name\":\"" + l[0]
                    + "\",\"table-name\":\"" + l[1] + "\",\"column-name\":\"" + l[2] + "\"},\"rule-action\":"
                    + "\"rename\",\"value\":\"c2\"},{\"rule-type\":\"transformation\",\"rule-id\":\"3\","
                    + "\"rule-name\":\"3\",\"rule-target\":\"table\",\"object-locator\":{\"schema-name\":\"" + l[0]
                    + "\",\"table-name\":\"" + l[1] + "\"},\"rule-action\":\"add-prefix\",\"value\":\"p_\"}]}";
            TableMappings m = TableMappings.fromJsonLenient(json);
            TableResolution r = m.resolve(l[0], l[1]);
            assertThat(r.included()).isTrue();
            assertThat(r.targetTable()).isEqualTo("p_" + l[1]);
            assertThat(r.targetColumn(l[2])).contains("c2");
            assertThat(r.columnTransformations(l[2], null)).hasSize(1);
            assertThat(m.resolve("other", l[1]).included()).isFalse();
            if (l[1].equals("%")) { // the shape the fuzzer found: the whole contract, resolve included
                assertThat(MappingsFuzz.violation(json)).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\uFEFF", "\uFEFF ", "null", "NaN", "{\"rules\":[NaN]}", "{\"rules\":[Infinity]}",
        "{'rules':[]}", "{\"rules\":[],}", "{\"rules\":[]} // c", "[]", "\"{}\"", "{\"rules\":{}}", "{\"rules\":null}",
        "{\"rules\":[null]}", "{\"rules\":[[]]}", "{\"rules\":[{}]}", "{\"rules\":[{\"rule-type\":\"Selection\"}]}",
        "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":1e999999999,\"object-locator\":{\"schema-name\":1,"
            + "\"table-name\":-0.0},\"rule-action\":\"include\",\"load-order\":1E2147483648}]}",
        "{\"rules\":[{\"rule-type\":\"transformation\",\"rule-id\":\"1\",\"rule-target\":\"column\","
            + "\"object-locator\":{\"schema-name\":\"%\",\"table-name\":\"%\",\"column-name\":\"%\"},"
            + "\"rule-action\":\"change-data-type\",\"data-type\":{\"type\":\"string\",\"length\":1e999999999,"
            + "\"precision\":-1E2147483648,\"scale\":1e-2147483649}}]}",
        "{\"\uD800\":\"\uDC00\",\"rules\":[]}", "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\"}]}"})
    @DisplayName("odd inputs (BOM, NaN, comments, trailing commas, wrong shapes, hostile numbers in typed fields) keep "
            + "the contract")
    void oddInputsKeepTheContract(String input) {
        assertThat(MappingsFuzz.violation(input)).isEmpty();
    }

    // ------------------------------------------------------------------ issue 16 item 6

    private static List<MappingProblem> buildErrors(Rule.Builder<?>... rules) {
        TableMappings.Builder b = TableMappings.builder();
        for (Rule.Builder<?> r : rules) {
            b.rule(r);
        }
        return rejected(b::build).errors();
    }

    @Test
    @DisplayName("16.6: include(\"\", \"%\") is rejected at build(), naming schema-name")
    void emptySchema() {
        assertThat(buildErrors(include("", "%"))).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$.rules[0].object-locator.schema-name");
            assertThat(p.message()).contains("schema-name is empty");
        });
    }

    @Test
    @DisplayName("16.6: rename(\"\") is rejected at build(), naming value")
    void emptyRename() {
        assertThat(buildErrors(include("s", "%"), table("s", "t").rename(""))).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$.rules[1].value");
            assertThat(p.message()).contains("\"value\" is empty");
        });
    }

    @Test
    @DisplayName("16.6: where(\"\", eq(\"x\")) is rejected at build(), naming the filter's column-name")
    void emptyFilterColumn() {
        assertThat(buildErrors(include("s", "t").where("", eq("x")))).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("$.rules[0].filters[0].column-name");
            assertThat(p.message()).contains("empty column-name");
        });
    }

    @Test
    @DisplayName("16.6: every other name-like parameter: table, column, rule name and id, prefix, tag key, key names")
    void otherEmptyNames() {
        assertThat(buildErrors(include("s", ""))).extracting(MappingProblem::path)
                .containsExactly("$.rules[0].object-locator.table-name");
        assertThat(buildErrors(include("s", "%"), column("s", "t", "").removeColumn()))
                .extracting(MappingProblem::path).containsExactly("$.rules[1].object-locator.column-name");
        assertThat(buildErrors(include("s", "%").name(""))).extracting(MappingProblem::path)
                .containsExactly("$.rules[0].rule-name");
        assertThat(buildErrors(include("s", "%").id(""))).extracting(MappingProblem::path)
                .containsExactly("$.rules[0].rule-id");
        assertThat(buildErrors(include("s", "%"), table("s", "%").addPrefix("")))
                .extracting(MappingProblem::path).containsExactly("$.rules[1].value");
        assertThat(buildErrors(include("s", "%"), table("s", "%").replacePrefix("", "x")))
                .extracting(MappingProblem::path).containsExactly("$.rules[1].old-value");
        assertThat(buildErrors(include("s", "%"), Rules.addColumn("s", "t", "", DataType.string(5))))
                .extracting(MappingProblem::path).containsExactly("$.rules[1].value");
        assertThat(buildErrors(include("s", "%"), Rules.addTag("s", "t").tag("", "v")))
                .extracting(MappingProblem::path).containsExactly("$.rules[1].tag-set[0]");
        assertThat(buildErrors(include("s", "%"), Rules.tableSettings("", "t")))
                .extracting(MappingProblem::path).contains("$.rules[1].object-locator.schema-name");
        assertThat(buildErrors(include("s", "%"), Rules.definePrimaryKey("s", "t", PrimaryKeyDef.primaryKey("", "id"))))
                .extracting(MappingProblem::path).containsExactly("$.rules[1].primary-key-def.name");
        assertThat(buildErrors(include("s", "%"), Rules.definePrimaryKey("s", "t", PrimaryKeyDef.primaryKey("pk", ""))))
                .extracting(MappingProblem::path).containsExactly("$.rules[1].primary-key-def.columns");
    }

    @Test
    @DisplayName("16.6: validate() of a parsed document reports empty names")
    void parsedEmptyNames() {
        String json = "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"\","
                + "\"object-locator\":{\"schema-name\":\"\",\"table-name\":\"\"},\"rule-action\":\"include\"}]}";
        assertThat(TableMappings.fromJsonLenient(json).validate()).filteredOn(MappingProblem::isError)
                .extracting(MappingProblem::path).containsExactly("$.rules[0].rule-name",
                        "$.rules[0].object-locator.schema-name", "$.rules[0].object-locator.table-name");
    }

    // ------------------------------------------------------------------ issue 16 item 10

    @Test
    @DisplayName("16.10: FilterCondition.ne is noteq under jOOQ's name; le, ge and isNotNull likewise")
    void jooqAliases() {
        assertThat(FilterCondition.ne("x")).isEqualTo(FilterCondition.noteq("x"));
        assertThat(FilterCondition.le("1")).isEqualTo(FilterCondition.lte("1"));
        assertThat(FilterCondition.ge("1")).isEqualTo(FilterCondition.gte("1"));
        assertThat(FilterCondition.isNotNull()).isEqualTo(FilterCondition.notNull());
        TableMappings m = TableMappings.builder().rule(include("s", "t").where("status", FilterCondition.ne("gone")))
                .build();
        assertThat(m.toJson()).contains("\"filter-operator\":\"noteq\"");
        assertThat(m.resolve("s", "t").sqlPredicate(SqlDialect.POSTGRESQL)).hasValue("\"status\" <> 'gone'");
    }
}
