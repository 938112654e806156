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
 * The quickstart in its serverless mode ({@code --serverless}) against the machine's MariaDB server: five DMS
 * Serverless replication configs instead of an instance and five tasks, the same report at the end.
 */
class QuickstartServerlessTest {

    private static final String PREFIX = TestServers.uniquePrefix("qsl");
    private static QuickstartResult result;
    private static String output;
    @TempDir
    static Path reportDir;

    @BeforeAll
    static void runQuickstart() throws Exception {
        QuickstartOptions options = QuickstartOptions.defaults().with(o -> o.source(TestServers.mariadb())
                .schemaPrefix(PREFIX).report(reportDir.resolve("report.html")).probeTimeout(Duration.ofSeconds(60))
                .serverless(true));
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
    @DisplayName("five replication configs replicate every table, and the run ends with the same report")
    void everyTableMatches() {
        assertThat(output).as(output).contains("five replication configs, no instance")
                .contains("5 replications running (start-replication)").contains("RESULT: OK");
        assertThat(result.reports().keySet()).containsExactlyElementsOf(ConfigurationGuideScenario.SYSTEMS.stream()
                .map(ConfigurationGuideScenario::taskId).toList());
        assertThat(result.allTablesMatch()).isTrue();
        assertThat(result.probeSeen()).isTrue();
        assertThat(output).contains("5 of 5 tasks match on every table");
    }
}
