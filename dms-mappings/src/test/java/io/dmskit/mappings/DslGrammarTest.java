package io.dmskit.mappings;

import static io.dmskit.mappings.Rules.column;
import static io.dmskit.mappings.Rules.include;
import static io.dmskit.mappings.Rules.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.mappings.transformation.DataType;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The DSL's grammar: the types let a rule be written in one order only, with exactly one action. */
class DslGrammarTest {

    @TempDir
    static Path work;
    private static String classpath;

    @BeforeAll
    static void classpath() throws Exception {
        classpath = location(Rules.class) + File.pathSeparator
                + location(Class.forName("com.fasterxml.jackson.databind.node.ObjectNode"));
    }

    @ParameterizedTest(name = "compiles: {0}")
    @ValueSource(strings = {
        "include(\"s\", \"t\").where(\"a\", FilterCondition.eq(\"1\")).loadOrder(2).id(\"1\").name(\"n\")",
        "exclude(\"s\", \"t\").tableType(TableType.VIEW).name(\"n\")",
        "explicit(\"s\", \"v\").tableType(TableType.VIEW).loadOrder(1)",
        "table(\"s\", \"%\").addPrefix(\"raw_\").id(3).name(\"n\")",
        "table(\"s\", \"t\").addColumn(\"c\", DataType.string(5)).expression(\"$a\").name(\"n\")",
        "column(\"s\", \"t\", \"c\").dataMaskingDigitsMask('#')",
        "tableTablespace(\"S\", \"T\", \"TS\").rename(\"TS2\")",
        "tableSettings(\"s\", \"t\").lobSettings(LobSettings.none()).id(\"9\")",
        "addTag(\"%\", \"%\").tag(\"k\", \"v\")",
        "mapRecordToRecord(\"s\", \"t\").targetTableName(\"x\").name(\"n\")",
    })
    void validRulesCompile(String rule) {
        assertThat(compile(rule)).isEmpty();
    }

    @ParameterizedTest(name = "does not compile: {0}")
    @ValueSource(strings = {
        "table(\"s\", \"%\").addPrefix(\"raw_\").convertLowercase()",
        "column(\"s\", \"t\", \"c\").removeColumn().dataMaskingHashMask()",
        "table(\"s\", \"%\")",
        "schema(\"s\").removeColumn()",
        "column(\"s\", \"t\", \"c\").addColumn(\"x\", DataType.string(5))",
        "tableTablespace(\"S\", \"T\", \"TS\").addPrefix(\"x\")",
        "table(\"s\", \"t\").rename(\"x\").expression(\"$a\")",
        "table(\"s\", \"t\").id(\"1\").rename(\"x\")",
        "exclude(\"s\", \"t\").where(\"a\", FilterCondition.eq(\"1\"))",
        "include(\"s\", \"t\").action(SelectionAction.EXCLUDE)",
        "addTag(\"%\", \"%\").action(\"x\")",
    })
    void secondActionsAndMisplacedOptionsDoNotCompile(String rule) {
        assertThat(compile(rule)).isNotEmpty();
    }

    @Test
    @DisplayName("a second action reached by a cast is refused by build(), so no rule keeps a stale value")
    void secondActionByCastIsRefused() {
        TransformationStep prefixed = table("s", "%").addPrefix("raw_");
        ((NameActionStep) prefixed).convertLowercase(); // a setter never throws: build() reports it
        assertThat(prefixed.toString()).contains("\"rule-action\":\"add-prefix\",\"value\":\"raw_\"")
                .doesNotContain("\"rule-action\":\"convert-lowercase\"");
        assertThatThrownBy(prefixed::build)
                .isInstanceOf(InvalidTableMappingsException.class)
                .hasMessageContaining("already has the action add-prefix")
                .hasMessageContaining("Write a second rule for convert-lowercase");
    }

    @Test
    @DisplayName("an expression reached by a cast on a rule that is not add-column is refused by build()")
    void expressionOnlyForAddColumn() {
        TransformationStep renamed = column("s", "t", "c").rename("d");
        ((AddColumnStep) renamed).expression("$c");
        assertThatThrownBy(renamed::build)
                .isInstanceOf(InvalidTableMappingsException.class).hasMessageContaining("add-column");
    }

    @Test
    @DisplayName("null arguments of DSL steps are reported by build(), naming the parameter")
    void nullArgumentsReportedByBuild() {
        assertThatThrownBy(() -> table("s", "%").addPrefix(null).build())
                .isInstanceOf(InvalidTableMappingsException.class).hasMessageContaining("prefix is required");
        assertThatThrownBy(() -> TableMappings.builder().rule((Rule) null).rule(include("s", "%")).build())
                .isInstanceOf(InvalidTableMappingsException.class).hasMessageContaining("the rule is null");
        assertThatThrownBy(() -> FilterCondition.eq(null))
                .isInstanceOf(InvalidTableMappingsException.class).hasMessageContaining("value is required");
    }

    @Test
    @DisplayName("each step writes only the keys of its action")
    void onlyTheKeysOfTheAction() {
        assertThat(table("s", "%").convertLowercase().build().keys())
                .containsExactly("rule-type", "rule-target", "object-locator", "rule-action");
        assertThat(table("s", "t").addColumn("c", DataType.string(5)).expression("$a").build().keys())
                .containsExactly("rule-type", "rule-target", "object-locator", "rule-action", "value", "expression",
                        "data-type");
        assertThat(include("s", "t").build().keys()).containsExactly("rule-type", "object-locator", "rule-action");
    }

    /** @return javac's diagnostics for a class passing the rule to TableMappings.Builder#rule; empty if it compiles */
    private static String compile(String rule) {
        String source = """
                import static io.dmskit.mappings.Rules.*;
                import io.dmskit.mappings.*;
                import io.dmskit.mappings.tablesettings.*;
                import io.dmskit.mappings.transformation.*;
                class Snippet {
                    TableMappings.Builder m() {
                        return TableMappings.builder().rule(%s);
                    }
                }
                """.formatted(rule);
        try {
            Path dir = Files.createTempDirectory(work, "snippet");
            Path file = Files.writeString(dir.resolve("Snippet.java"), source);
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            StringWriter out = new StringWriter();
            boolean ok = javac.getTask(out, null, null, List.of("-proc:none", "-cp", classpath, "-d", dir.toString()),
                    null, javac.getStandardFileManager(null, null, null).getJavaFileObjects(file.toFile())).call();
            return ok ? "" : out.toString().isEmpty() ? "failed" : out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
