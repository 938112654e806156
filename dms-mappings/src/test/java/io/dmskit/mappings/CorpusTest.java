package io.dmskit.mappings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the shared corpus of real third-party documents (outside the repository, read at test time). Skipped with a
 * message when the corpus folder is absent, e.g. in a clean clone.
 */
class CorpusTest {
    // CI clones the repository with shared/ beside it; developers have it at /work/shared.
    static final Path CORPUS = Path.of(System.getProperty("dmskit.corpus",
            System.getenv().getOrDefault("DMSKIT_CORPUS",
                    Files.isDirectory(Path.of("../../shared/corpus/table-mappings")) ? "../../shared/corpus/table-mappings"
                            : "/work/shared/corpus/table-mappings")));

    static Stream<Arguments> valid() throws IOException {
        return list(CORPUS);
    }

    static Stream<Arguments> invalid() throws IOException {
        return list(CORPUS.resolve("invalid"));
    }

    private static Stream<Arguments> list(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Stream.of(Arguments.of("(corpus missing)", dir));
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            return files.stream().map(p -> Arguments.of(p.getFileName().toString(), p));
        }
    }

    private static String read(Path p) throws IOException {
        assumeTrue(Files.exists(p), "corpus not found at " + p + " (set -Ddmskit.corpus=<dir>); skipping");
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    @DisplayName("every real-world document parses, validates without errors and round-trips without loss (only "
            + "echoed nulls are dropped and numeric rule-ids become digit strings)")
    void realDocumentRoundTrips(String name, Path file) throws IOException {
        String json = read(file);
        TableMappings m = TableMappings.fromJson(json);
        assertThat(m.rules()).isNotEmpty();
        assertThat(m.validate()).noneMatch(MappingProblem::isError);
        String out = m.toJson();
        assertThat(TableMappings.sameMeaning(json, out)).as("semantic round trip of %s", name).isTrue();
        assertThat(TableMappings.fromJson(out)).isEqualTo(m);
        assertThat(TableMappings.fromJson(m.toPrettyJson())).isEqualTo(m);
        assertThat(out).doesNotContain(":null");
        assertThat(JsonAssert.tree(out)).as("strict tree comparison of %s", name).isEqualTo(expectedEcho(json));
    }

    /** The input as a plain Jackson tree with null-valued keys dropped and numeric rule-ids as digit strings. */
    private static com.fasterxml.jackson.databind.JsonNode expectedEcho(String json) {
        com.fasterxml.jackson.databind.JsonNode tree = JsonAssert.tree(json);
        for (com.fasterxml.jackson.databind.JsonNode rule : tree.get("rules")) {
            com.fasterxml.jackson.databind.JsonNode id = rule.get("rule-id");
            if (id != null && id.isIntegralNumber()) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) rule).put("rule-id", id.asText());
            }
        }
        return tree;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    @DisplayName("every known-invalid document is rejected with an error naming the offending rule or entry")
    void invalidDocumentIsRejected(String name, Path file) throws IOException {
        String json = read(file);
        assertThatThrownBy(() -> TableMappings.fromJson(json))
                .isInstanceOf(InvalidTableMappingsException.class)
                .satisfies(e -> {
                    List<MappingProblem> errors = ((InvalidTableMappingsException) e).errors();
                    assertThat(errors).isNotEmpty();
                    assertThat(errors).anyMatch(p -> p.ruleId() != null || p.ruleName() != null
                            || p.message().matches("(?s).*rule.*"));
                    assertThat(errors).allMatch(p -> p.path() != null && p.path().startsWith("$")
                            && !p.message().isBlank());
                });
    }
}
