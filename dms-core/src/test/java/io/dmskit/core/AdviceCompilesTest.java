package io.dmskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.dmskit.core.provision.ApplyPolicy;
import io.dmskit.core.provision.DestroyOptions;
import io.dmskit.core.provision.Plan;
import io.dmskit.core.provision.ResourceChange;
import io.dmskit.mappings.MappingDiff;
import io.dmskit.testkit.FakeClock;
import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.FakeSecretsManager;
import io.dmskit.testkit.Timings;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every piece of advice dms-core gives as code (in exception messages, plan notes, javadoc and the README) compiles
 * against the public API as written (issue 16 item 7: {@code ApplyPolicy.withRestartRunningTasks(true)} was advised,
 * an instance method called like a static one). Snippets are found by their shape, {@code Type.method(...)...}, so a
 * new message is checked without being listed here.
 */
@DisplayName("Advice in messages, plans, javadoc and the README is Java that compiles")
class AdviceCompilesTest {

    /**
     * {@code ApplyPolicy.safe().withAllowDeletes(true)}, {@code DestroyOptions.deleteManagedSecrets()}, ...: calls
     * whose arguments are literals (code passing variables is the implementation, not advice).
     */
    private static final String CALL = "\\.[a-z][A-Za-z]*\\((?:true|false|\\d+|\"[^\"]*\")?\\)";
    private static final Pattern SNIPPET = Pattern.compile(
        "\\b(?:ApplyPolicy|DestroyOptions|ResourceKind|RetrySettings)" + CALL + "(?:" + CALL + ")*");

    @Test
    @DisplayName("the advice of real failures and plans compiles")
    void adviceOfRealMessagesCompiles() {
        Map<String, String> found = new LinkedHashMap<>();
        for (Map.Entry<String, String> m : realMessages().entrySet()) {
            collect(m.getValue(), m.getKey(), found);
        }
        assertThat(found.keySet()).as("the scenarios produce advice").contains("ApplyPolicy.restartTasks()",
            "ApplyPolicy.safe().withAllowReplace(true)", "ApplyPolicy.safe().withAllowDeletes(true)",
            "DestroyOptions.deleteManagedSecrets()");
        assertThat(compileErrors(found)).isEmpty();
    }

    @Test
    @DisplayName("code-shaped advice in dms-core's sources (messages, javadoc) and README compiles")
    void adviceInSourcesAndReadmeCompiles() throws IOException {
        Map<String, String> found = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                collect(Files.readString(f), f.toString(), found);
            }
        }
        collect(Files.readString(Path.of("README.md")), "dms-core/README.md", found);
        assertThat(found).hasSizeGreaterThan(5);
        assertThat(compileErrors(found)).isEmpty();
    }

    @Test
    @DisplayName("the check fails on the advice the user could not compile")
    void checkCatchesTheOldAdvice() {
        Map<String, String> old = new LinkedHashMap<>();
        old.put("ApplyPolicy.withRestartRunningTasks(true)", "the old ChangeNotAllowedException message");
        assertThat(compileErrors(old)).singleElement().satisfies(e -> assertThat(e)
            .contains("ApplyPolicy.withRestartRunningTasks(true)").contains("old ChangeNotAllowedException"));
    }

    private static void collect(String text, String where, Map<String, String> into) {
        Matcher m = SNIPPET.matcher(text);
        while (m.find()) {
            into.putIfAbsent(m.group(), where);
        }
    }

    /** Messages and plan texts of the situations in which dms-core advises a call. */
    private static Map<String, String> realMessages() {
        Map<String, String> out = new LinkedHashMap<>();
        FakeClock clock = FakeClock.create();
        FakeSecretsManager secrets = FakeSecretsManager.create();
        try (FakeDms fake = FakeDms.builder().clock(clock).timings(Timings.instant()).secretsManager(secrets).build();
             DmsProvisioner dms = DmsProvisioner.builder().dms(fake).secrets(secrets).clock(clock)
                 .sleeper(clock::sleep).pollInterval(Duration.ofSeconds(5)).build()) {
            Pipeline p = GuidePipeline.build("Pw-1", List.of("retail-copilot", "compliance-guardian"));
            dms.apply(p);
            dms.start(p);
            ReplicationTask task = p.task("retail-copilot-replication").orElseThrow();
            Pipeline settingChanged = p.withTask(task.toBuilder().settings(s -> s.fullLoadSettings(f -> f
                .maxFullLoadSubTasks(12))).build());
            out.put("restart refused", catchThrowable(() -> dms.apply(settingChanged)).getMessage());
            out.put("restart plan", dms.plan(settingChanged).render());
            dms.stop(p);
            Pipeline kmsChanged = p.withInstance(p.instance("ecommerce-dms").orElseThrow().toBuilder()
                .kmsKeyId("arn:aws:kms:us-east-1:123456789012:key/ffffffff-12ab-34cd-56ef-1234567890ab").build());
            out.put("replace refused", catchThrowable(() -> dms.apply(kmsChanged)).getMessage());
            Pipeline smaller = GuidePipeline.build("Pw-1", List.of("retail-copilot"));
            Plan removal = dms.plan(smaller);
            out.put("removal plan", removal.render());
            out.put("removal notes", String.join("\n", removal.changes().stream().map(ResourceChange::notes)
                .flatMap(List::stream).toList()));
            out.put("destroy plan", dms.planDestroy(p).render());
            out.put("destroy notes", String.join("\n", dms.planDestroy(p).changes().stream()
                .map(ResourceChange::notes).flatMap(List::stream).toList()));
            out.put("recovery window", catchThrowable(() -> DestroyOptions.deleteManagedSecrets()
                .recoveryWindowDays(1)).getMessage());
            out.put("kept secrets", catchThrowable(() -> DestroyOptions.keepManagedSecrets().withoutRecovery())
                .getMessage());
        }
        return out;
    }

    /** @return one line per snippet that does not compile: the snippet, where it was found, javac's message */
    private static List<String> compileErrors(Map<String, String> snippets) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("tests run on a JDK").isNotNull();
        // all at once first (one javac run); one by one only to name the snippets that fail
        if (compile(javac, List.copyOf(snippets.keySet())) == null) {
            return List.of();
        }
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, String> s : snippets.entrySet()) {
            String error = compile(javac, List.of(s.getKey()));
            if (error != null) {
                errors.add(s.getKey() + " (from " + s.getValue() + "): " + error);
            }
        }
        return errors;
    }

    /** @return javac's first error, null when the snippets compile */
    private static String compile(JavaCompiler javac, List<String> snippets) {
        StringBuilder source = new StringBuilder("import io.dmskit.core.provision.*;\nclass Advice {\n");
        for (int i = 0; i < snippets.size(); i++) {
            source.append("    Object advice").append(i).append(" = ").append(snippets.get(i)).append(";\n");
        }
        String text = source.append("}\n").toString();
        JavaFileObject file = new SimpleJavaFileObject(java.net.URI.create("string:///Advice.java"),
            JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        };
        StringWriter out = new StringWriter();
        boolean ok = javac.getTask(out, null, null, List.of("-proc:none", "-d", tempDir(), "-classpath",
            classpath()), null, List.of(file)).call();
        return ok ? null : out.toString().lines().filter(l -> l.contains("error")).findFirst()
            .orElse(out.toString());
    }

    /** Compiled advice goes to the build directory, cleaned with it. */
    private static String tempDir() {
        try {
            return Files.createDirectories(Path.of("target", "advice-classes")).toString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** dms-core's and dms-mappings' classes, whatever the surefire class path looks like. */
    private static String classpath() {
        try {
            return String.join(File.pathSeparator,
                Path.of(ApplyPolicy.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
                Path.of(MappingDiff.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
                System.getProperty("java.class.path"));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
