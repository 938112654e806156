package io.dmskit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.examples.data.ScenarioSchemas;
import io.dmskit.examples.scenario.ConfigurationGuideScenario;
import io.dmskit.examples.source.ServerSource;
import io.dmskit.verify.VerificationReport;
import io.dmskit.verify.report.TableVerification;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quickstart against the machine's MariaDB server ({@code DMSKIT_MYSQL_URL}), in schemas unique to this run.
 * Runs once for the class; the tests look at different parts of the result.
 */
class QuickstartOnLocalMariaDbTest {

    private static final String PREFIX = TestServers.uniquePrefix("qs");
    private static QuickstartResult result;
    private static String output;
    @TempDir
    static Path reportDir;

    @BeforeAll
    static void runQuickstart() throws Exception {
        QuickstartOptions options = QuickstartOptions.defaults().with(o -> o.source(TestServers.mariadb())
                .schemaPrefix(PREFIX).report(reportDir.resolve("report.html")).probeTimeout(Duration.ofSeconds(10)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            result = Quickstart.run(options, out);
        }
        output = bytes.toString(StandardCharsets.UTF_8);
    }

    @AfterAll
    static void dropSchemas() throws Exception {
        ServerSource server = ServerSource.parse(TestServers.mariadb(), "test");
        ScenarioSchemas schemas = ScenarioSchemas.withPrefix(PREFIX);
        try (Connection c = server.adminDataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + schemas.ecommerce());
            s.execute("DROP DATABASE IF EXISTS " + schemas.marketIntelligence());
        }
    }

    @Test
    @DisplayName("every table of the five tasks matches between source, S3 files and DMS table statistics")
    void everyTableMatches() {
        assertThat(result.reports().keySet()).containsExactlyElementsOf(ConfigurationGuideScenario.SYSTEMS.stream()
                .map(ConfigurationGuideScenario::taskId).toList());
        assertThat(result.reports().values()).allSatisfy(r -> {
            assertThat(r.tables()).isNotEmpty();
            assertThat(r.failures()).isEmpty();
        });
        assertThat(result.allTablesMatch()).isTrue();
        assertThat(output).contains("5 of 5 tasks match on every table");
    }

    @Test
    @DisplayName("the CDC latency the task reports through CloudWatch agrees with the probe's within one metric period")
    void cloudWatchLatencyAgreesWithTheProbe() {
        Duration probed = result.probe().flatMap(p -> p.maxLatency()).orElseThrow();
        Duration reported = result.reportedCdcLatency().orElseThrow();
        assertThat(reported.minus(probed).abs()).isLessThanOrEqualTo(result.metricPeriod());
        assertThat(output).contains("reports through CloudWatch");
    }

    @Test
    @DisplayName("the seeded rows are what the server holds, and what the first task's report counted")
    void seededRowsAreCounted() throws Exception {
        ServerSource server = ServerSource.parse(TestServers.mariadb(), "test");
        try (Connection c = server.adminDataSource().getConnection(); Statement s = c.createStatement()) {
            for (Map.Entry<String, Long> e : result.seededRows().entrySet()) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + e.getKey())) {
                    rs.next();
                    assertThat(rs.getLong(1)).as(e.getKey()).isEqualTo(e.getValue());
                }
            }
        }
        VerificationReport hub = result.reports().get("market-intelligence-hub-replication");
        long seeded = result.seededRows().values().stream().mapToLong(Long::longValue).sum();
        // the empty probe table has no S3 folder at all (target "none"), like DMS
        assertThat(hub.tables().stream().filter(t -> t.sourceRows() > 0).mapToLong(TableVerification::targetRows)
                .sum()).isEqualTo(seeded);
    }

    @Test
    @DisplayName("the source filter of retail-copilot is applied: fewer reviews replicated than exist")
    void filterApplied() {
        VerificationReport copilot = result.reports().get("retail-copilot-replication");
        TableVerification reviews = copilot.tables().stream().filter(t -> t.sourceTable().equals("reviews"))
                .findFirst().orElseThrow();
        long all = result.seededRows().get(PREFIX + "ecommerce.reviews");
        assertThat(reviews.sourceRows()).isPositive().isLessThan(all);
        assertThat(reviews.targetRows()).isEqualTo(reviews.sourceRows());
    }

    @Test
    @DisplayName("the HTML index links one existing page per task")
    void htmlReport() throws Exception {
        assertThat(result.htmlReport()).isEqualTo(reportDir.resolve("report.html").toAbsolutePath());
        String index = Files.readString(result.htmlReport());
        for (String task : result.reports().keySet()) {
            assertThat(index).contains("report-" + task + ".html");
            assertThat(reportDir.resolve("report-" + task + ".html")).isRegularFile();
        }
        assertThat(output).contains("HTML report: " + result.htmlReport());
    }

    @Test
    @DisplayName("the CDC probe ran; the exit code is 0 exactly when it was seen and all tables matched")
    void probeAndExitCode() {
        assertThat(result.probe()).isPresent();
        assertThat(result.cdcMode()).isIn("binlog", "polling");
        if (result.cdcMode().equals("binlog")) {
            assertThat(result.probeSeen()).as("log-based CDC carries the probe's changes").isTrue();
        }
        assertThat(result.exitCode()).isEqualTo(result.probeSeen() && result.allTablesMatch() ? 0 : 1);
        assertThat(output).contains(result.exitCode() == 0 ? "RESULT: OK" : "RESULT: FAILED");
    }

    @Test
    @DisplayName("no secret reaches the console: the DMS login's password is random and never printed")
    void noSecretsPrinted() {
        assertThat(output).doesNotContainIgnoringCase("password\":").contains("ecommerce/onprem-mysql-password");
        assertThat(output).contains("connection tests successful");
    }
}
