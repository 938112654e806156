package io.dmskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Runs every {@code examples/*.jsh} non-interactively through {@code bin/dms-jshell} (the JDK's jshell with this
 * module's class path) and fails when a script fails: a compile error or exception leaves the script's {@code ok}
 * flag false, and its {@code /exit} returns 1. The scripts run as parallel subprocesses.
 */
@Execution(ExecutionMode.CONCURRENT)
class ExamplesJshellTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final long TIMEOUT_SECONDS = 300;

    @TempDir
    Path tmp;

    record Run(int exitCode, String output) {
    }

    private Run jshell(String script, Map<String, String> env) throws IOException, InterruptedException {
        Path log = tmp.resolve(script + ".log");
        ProcessBuilder pb = new ProcessBuilder("bash", ROOT.resolve("bin/dms-jshell").toString(),
                ROOT.resolve("examples").resolve(script).toString())
                .directory(tmp.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("DMSKIT_CLASSPATH", testClassPath());
        if (!env.containsKey("DMSKIT_SOURCE_URL")) {
            pb.environment().remove("DMSKIT_SOURCE_URL"); // the default source: embedded
        }
        pb.environment().putAll(env);
        Process p = pb.start();
        boolean finished = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        return new Run(finished ? p.exitValue() : -1, output);
    }

    /** This module's classes and every dependency, as surefire runs the tests. */
    private static String testClassPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return String.join(File.pathSeparator, Stream.of(cp.split(File.pathSeparator))
                .filter(e -> !e.contains("surefire")).toList());
    }

    /** What each known script must print besides exiting 0, and the environment it runs with. */
    private static final Map<String, List<String>> EXPECTED_OUTPUT = Map.of(
            "plan-pipeline.jsh", List.of("+ replication task \"market-intelligence-hub-replication\" will be created",
                    "Plan: 5 to create", "No changes."),
            "verify-task.jsh", List.of("6 tables", "6 MATCH", "HTML report:"),
            "serverless.jsh", List.of("+ replication config \"market-intelligence-hub\" will be created",
                    "started with start-replication: running", "CHECKPOINT IS LOST", "refused:"),
            "quickstart.jsh", List.of("embedded MariaDB", "5 of 5 tasks match on every table", "RESULT: OK",
                    "CDC probe seen: true"));

    private Map<String, String> environmentFor(String script) {
        return switch (script) {
            case "verify-task.jsh" -> Map.of("DMSKIT_SOURCE_URL", TestServers.postgres());
            case "quickstart.jsh" -> Map.of("DMSKIT_REPORT", tmp.resolve("qs.html").toString());
            default -> Map.of();
        };
    }

    /**
     * Every {@code examples/*.jsh}, started at once as parallel subprocesses; one dynamic test per script waits for
     * its own. Known scripts also have their output checked (verify-task on the local PostgreSQL, quickstart on the
     * embedded MariaDB).
     */
    @TestFactory
    @DisplayName("every examples/*.jsh runs non-interactively through bin/dms-jshell and exits 0")
    Stream<DynamicTest> everyExampleRuns() throws IOException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(ROOT.resolve("examples"))) {
            scripts = files.filter(f -> f.getFileName().toString().endsWith(".jsh")).sorted().toList();
        }
        assertThat(scripts).extracting(f -> f.getFileName().toString()).containsAll(EXPECTED_OUTPUT.keySet());
        Map<String, java.util.concurrent.CompletableFuture<Run>> runs = new java.util.LinkedHashMap<>();
        for (Path script : scripts) {
            String name = script.getFileName().toString();
            runs.put(name, java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return jshell(name, environmentFor(name));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }));
        }
        return runs.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            String text = Files.readString(ROOT.resolve("examples").resolve(e.getKey()));
            assertThat(text.strip()).as(e.getKey() + " ends with /exit of its ok flag").endsWith("/exit ok ? 0 : 1");
            Run run = e.getValue().join();
            assertThat(run.exitCode()).as(run.output()).isZero();
            for (String expected : EXPECTED_OUTPUT.getOrDefault(e.getKey(), List.of())) {
                assertThat(run.output()).as(e.getKey()).contains(expected);
            }
            assertThat(run.output()).as("no secret printed").doesNotContain("not-a-real-password");
            if (e.getKey().equals("quickstart.jsh")) {
                assertThat(tmp.resolve("qs.html")).isRegularFile();
            }
        }));
    }

    @Test
    @DisplayName("a failing script makes the launcher exit non-zero")
    void failingScriptFails() throws Exception {
        Path broken = tmp.resolve("broken.jsh");
        Files.writeString(broken, """
                boolean ok = false;
                Plan plan = DmsProvisioner.builder().build().plan(null);
                ok = plan.hasChanges();
                /exit ok ? 0 : 1
                """);
        ProcessBuilder pb = new ProcessBuilder("bash", ROOT.resolve("bin/dms-jshell").toString(), broken.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("broken.log").toFile());
        pb.environment().put("DMSKIT_CLASSPATH", testClassPath());
        Process p = pb.start();
        assertThat(p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("broken.log"))).isEqualTo(1);
    }
}
