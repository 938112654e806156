package io.dmskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user's Maven project gets on its class path from dmskit's published POMs: a separate consumer project
 * (outside this reactor, so our parent's dependencyManagement does not apply to it) is resolved by a forked, offline
 * Maven ({@code mvnw -o dependency:tree}) against the POMs of this worktree, once importing {@code dms-bom} and once
 * without it. Every AWS SDK module must then be on the one SDK version of the parent POM, S3Mock's own SDK HTTP
 * clients must be gone, and commons-logging must not sit next to spring-jcl.
 *
 * <p>The dmskit POMs are laid in a temporary local repository whose tail is the build's own local repository
 * ({@code maven.repo.local.tail}, Maven 3.9+), so nothing is installed and nothing is downloaded. The same check by
 * hand is in docs/first-hour.md ("Which versions you get").
 */
class ConsumerDependenciesTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final String VERSION = "0.1.0-SNAPSHOT";
    private static final List<String> MODULES =
            List.of("dms-mappings", "dms-model", "dms-testkit", "dms-engine", "dms-core", "dms-verify");
    /** One line of dependency:tree: group:artifact:type[:classifier]:version:scope. */
    private static final Pattern NODE = Pattern.compile(
            "([\\w.-]+):([\\w.-]+):([\\w-]+)(?::([\\w.-]+))?:([\\w.-]+):(compile|runtime|test|provided|system)");

    @TempDir
    Path tmp;

    record Node(String group, String artifact, String version, String line) {
    }

    @Test
    void theBomAndTheParentPinTheSameSdkVersion() throws IOException {
        assertThat(property(ROOT.resolve("dms-bom/pom.xml"), "aws.sdk.version"))
                .as("dms-bom/pom.xml's aws.sdk.version must equal the parent POM's (one SDK for build and users)")
                .isEqualTo(sdkVersion());
    }

    @Test
    void theBomAndTheParentPinTheSameDmsClientVersion() throws IOException {
        assertThat(property(ROOT.resolve("dms-bom/pom.xml"), "aws.dms.version"))
                .as("dms-bom/pom.xml's aws.dms.version must equal the parent POM's")
                .isEqualTo(dmsVersion());
    }

    @Test
    void aConsumerImportingTheBomGetsOneSdkVersion() throws Exception {
        String deps = dependency("dms-core", null) + dependency("dms-testkit", "test")
                + dependency("dms-engine", "test") + dependency("dms-verify", "test")
                // an SDK module the user adds without a version: the BOM manages it
                + "<dependency><groupId>software.amazon.awssdk</groupId><artifactId>secretsmanager</artifactId></dependency>";
        String bom = "<dependencyManagement><dependencies><dependency><groupId>io.dmskit</groupId>"
                + "<artifactId>dms-bom</artifactId><version>" + VERSION + "</version><type>pom</type>"
                + "<scope>import</scope></dependency></dependencies></dependencyManagement>";
        List<Node> tree = resolve("with-bom", bom, deps.replace("<version>" + VERSION + "</version>", ""));
        assertAligned(tree);
    }

    @Test
    void theFirstHourPagesProjectGetsOneSdkVersion() throws Exception {
        String page = Files.readString(ROOT.resolve("docs/first-hour.md"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<!-- consumer-pom: first-hour -->\\s*```xml\\n(.*?)\\n```", Pattern.DOTALL)
                .matcher(page);
        assertThat(m.find()).as("docs/first-hour.md has the project's pom.xml after <!-- consumer-pom: first-hour -->")
                .isTrue();
        List<Node> tree = resolvePom("first-hour", m.group(1));
        assertAligned(tree);
        assertThat(tree).extracting(Node::artifact).contains("dms-testkit", "dms-engine", "dms-verify", "s3mock");
    }

    @Test
    void aConsumerWithoutTheBomGetsOneSdkVersion() throws Exception {
        String deps = dependency("dms-core", null) + dependency("dms-testkit", "test")
                + dependency("dms-engine", "test") + dependency("dms-verify", "test");
        List<Node> tree = resolve("without-bom", "", deps);
        assertAligned(tree);
    }

    private static void assertAligned(List<Node> tree) {
        String all = String.join("\n", tree.stream().map(Node::line).toList());
        List<Node> sdk = tree.stream().filter(n -> n.group().equals("software.amazon.awssdk")).toList();
        assertThat(sdk).as("SDK modules in:%n%s", all).extracting(Node::artifact)
                .contains("databasemigration", "s3", "secretsmanager", "apache-client")
                .doesNotContain("aws-crt-client", "url-connection-client");
        // The DMS client alone is on aws.dms.version (the newest the registry serves); every other SDK module,
        // including those the DMS client runs on, is on the one aws.sdk.version.
        assertThat(sdk).as("the DMS client on %s in:%n%s", dmsVersion(), all)
                .filteredOn(n -> n.artifact().equals("databasemigration"))
                .allSatisfy(n -> assertThat(n.version()).as(n.line()).isEqualTo(dmsVersion()));
        assertThat(sdk).as("every other software.amazon.awssdk module on %s in:%n%s", sdkVersion(), all)
                .filteredOn(n -> !n.artifact().equals("databasemigration"))
                .allSatisfy(n -> assertThat(n.version()).as(n.line()).isEqualTo(sdkVersion()));
        assertThat(tree).as("spring-jcl provides commons-logging; a second copy makes Spring warn:%n%s", all)
                .noneMatch(n -> n.group().equals("commons-logging") && n.artifact().equals("commons-logging"));
    }

    private static String dependency(String artifact, String scope) {
        return "<dependency><groupId>io.dmskit</groupId><artifactId>" + artifact + "</artifactId><version>" + VERSION
                + "</version>" + (scope == null ? "" : "<scope>" + scope + "</scope>") + "</dependency>";
    }

    private List<Node> resolve(String name, String management, String dependencies) throws Exception {
        return resolvePom(name, """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>example</groupId><artifactId>%s</artifactId><version>1</version>
                  %s
                  <dependencies>%s</dependencies>
                </project>
                """.formatted(name, management, dependencies));
    }

    private List<Node> resolvePom(String name, String pom) throws Exception {
        Path repo = tmp.resolve("repo");
        publishPom(repo, "dmskit-parent", ROOT.resolve("pom.xml"));
        publishPom(repo, "dms-bom", ROOT.resolve("dms-bom/pom.xml"));
        for (String m : MODULES) {
            publishPom(repo, m, ROOT.resolve(m).resolve("pom.xml"));
        }
        Path project = Files.createDirectories(tmp.resolve(name));
        Files.writeString(project.resolve("pom.xml"), pom, StandardCharsets.UTF_8);
        Path tree = project.resolve("tree.txt");
        Path log = project.resolve("mvn.log");
        Process p = new ProcessBuilder(ROOT.resolve("mvnw").toString(), "-o", "-B", "-q",
                "-Dmaven.repo.local=" + repo, "-Dmaven.repo.local.tail=" + buildLocalRepository(),
                "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:tree", "-DoutputFile=" + tree)
                .directory(project.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(180, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("mvnw dependency:tree of the %s consumer:%n%s", name, output).isZero();
        List<Node> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(tree, StandardCharsets.UTF_8)) {
            Matcher m = NODE.matcher(line);
            if (m.find()) {
                nodes.add(new Node(m.group(1), m.group(2), m.group(5), line.strip()));
            }
        }
        assertThat(nodes).as("dependency tree of %s", name).hasSizeGreaterThan(10);
        return nodes;
    }

    private static void publishPom(Path repo, String artifact, Path pom) throws IOException {
        Path dir = Files.createDirectories(repo.resolve("io/dmskit").resolve(artifact).resolve(VERSION));
        Files.copy(pom, dir.resolve(artifact + "-" + VERSION + ".pom"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** The local repository of the build running this test (set by dms-examples' pom), or Maven's default. */
    private static String buildLocalRepository() {
        String configured = System.getProperty("dmskit.localRepository");
        return configured != null && !configured.isBlank() ? configured
                : Path.of(System.getProperty("user.home"), ".m2", "repository").toString();
    }

    private static String dmsVersion() {
        try {
            return property(ROOT.resolve("pom.xml"), "aws.dms.version");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String sdkVersion() {
        try {
            return property(ROOT.resolve("pom.xml"), "aws.sdk.version");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String property(Path pom, String name) throws IOException {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(Files.readString(pom));
        assertThat(m.find()).as("%s declares <%s>", pom, name).isTrue();
        return m.group(1).strip();
    }
}
