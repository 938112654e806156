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

    @Test
    @DisplayName("every example script is one of the documented three, and each ends with /exit")
    void scriptsAreKnown() throws IOException {
        try (Stream<Path> files = Files.list(ROOT.resolve("examples"))) {
            List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".jsh")).sorted()
                    .toList();
            assertThat(names).containsExactly("plan-pipeline.jsh", "quickstart.jsh", "verify-task.jsh");
        }
        for (String name : List.of("plan-pipeline.jsh", "quickstart.jsh", "verify-task.jsh")) {
            String text = Files.readString(ROOT.resolve("examples").resolve(name));
            assertThat(text.strip()).as(name).endsWith("/exit ok ? 0 : 1");
        }
    }

    @Test
    @DisplayName("plan-pipeline.jsh prints a plan with creations, then an empty plan after apply")
    void planPipeline() throws Exception {
        Run run = jshell("plan-pipeline.jsh", Map.of());
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("+ replication task \"market-intelligence-hub-replication\" will be created")
                .contains("Plan: 5 to create").contains("No changes.");
        assertThat(run.output()).doesNotContain("not-a-real-password");
    }

    @Test
    @DisplayName("verify-task.jsh verifies a finished task against the local PostgreSQL and finds every table matching")
    void verifyTask() throws Exception {
        Run run = jshell("verify-task.jsh", Map.of("DMSKIT_SOURCE_URL", TestServers.postgres()));
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("6 tables").contains("6 MATCH").contains("HTML report:");
    }

    @Test
    @DisplayName("quickstart.jsh runs the whole scenario on the embedded MariaDB and exits 0")
    void quickstartEmbedded() throws Exception {
        Run run = jshell("quickstart.jsh", Map.of("DMSKIT_REPORT", tmp.resolve("qs.html").toString()));
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("embedded MariaDB").contains("5 of 5 tasks match on every table")
                .contains("RESULT: OK").contains("CDC probe seen: true");
        assertThat(tmp.resolve("qs.html")).isRegularFile();
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
