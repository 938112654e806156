package io.dmskit.verify;

import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.verify.probe.CdcProbeOptions;
import io.dmskit.verify.report.Tolerance;
import io.dmskit.verify.support.TestDatabases;
import io.dmskit.verify.target.S3Target;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifierBuilderTest {

    @Test
    @DisplayName("build() reports every missing or conflicting setting at once")
    void reportsAllProblems() {
        assertThatThrownBy(() -> Verifier.builder().taskArn("arn:aws:dms:us-east-1:123456789012:task:X")
                .target(S3Target.builder().bucket("b").build()).parallelism(0).build())
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("source(DataSource) is required")
                .hasMessageContaining("taskArn is set but dms(DatabaseMigrationClient) is not")
                .hasMessageContaining("an S3Target needs s3(S3Client)")
                .hasMessageContaining("parallelism must be 1..1024, was 0");
    }

    @Test
    @DisplayName("the waits' settings are checked by build(), all at once, and kept by toBuilder()")
    void waitSettings() {
        assertThatThrownBy(() -> Verifier.builder().source(TestDatabases.mariadb())
                .target(S3Target.builder().bucket("b").build()).s3(null).tableMappings("{\"rules\": []}")
                .pollInterval(Duration.ZERO).sleeper(null).cdcLatency(null).build())
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("pollInterval must be positive, at most PT24H, was PT0S")
                .hasMessageContaining("sleeper must not be null")
                .hasMessageContaining("cdcLatency must not be null");
        CdcLatency latency = arn -> java.util.Optional.of(Duration.ofSeconds(3));
        Verifier v = Verifier.builder().source(TestDatabases.mariadb()).tables(
                io.dmskit.verify.source.SourceTable.of("s", "t")).target(io.dmskit.verify.target.JdbcTarget.of(
                TestDatabases.postgres())).pollInterval(Duration.ofSeconds(2)).cdcLatency(latency).build();
        assertThat(v.toBuilder().build()).hasToString(v.toString());
        assertThatThrownBy(() -> v.verifyWhenCaughtUp(Duration.ofSeconds(-1)))
                .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("timeout must be zero or positive");
        assertThatThrownBy(v::taskProgress).isInstanceOf(VerificationException.class)
                .hasMessageContaining("taskProgress() reads the task's progress from DMS");
    }

    @Test
    @DisplayName("invalid table-mappings JSON is reported by build() with the mapping problem")
    void invalidMappings() {
        assertThatThrownBy(() -> Verifier.builder().source(TestDatabases.mariadb()).tableMappings("{\"rules\": 5}")
                .target(S3Target.builder().bucket("b").build()).build())
                .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("table mappings JSON is invalid");
    }

    @Test
    @DisplayName("S3Target and probe options validate their settings")
    void targetAndOptionsValidation() {
        assertThatThrownBy(() -> S3Target.builder().bucket("a/b").csvDelimiter("").cdcInsertsOnly(true)
                .cdcInsertsAndUpdates(true).build())
                .hasMessageContaining("BucketFolder").hasMessageContaining("CsvDelimiter must not be empty")
                .hasMessageContaining("mutually exclusive");
        assertThatThrownBy(() -> CdcProbeOptions.of(o -> o.table(" ").timeout(Duration.ZERO)))
                .hasMessageContaining("table must not be blank").hasMessageContaining("timeout must be positive");
        assertThatThrownBy(() -> Tolerance.rows(-1)).hasMessageContaining(">= 0");
        S3Target t = S3Target.builder().bucket("raw").bucketFolder("/hub/x/").cdcPath("changes/").build();
        assertThat(t.tablePrefix("s", "t")).isEqualTo("hub/x/s/t/");
        assertThat(t.cdcPathPrefix()).contains("hub/x/changes/");
        assertThat(t.toBuilder().build()).isEqualTo(t);
        // as before issue #9: a CdcPath without a folder name means no transaction files, not an invalid target
        for (String none : new String[] {"/", "//", " ", ""}) {
            S3Target noTxn = S3Target.builder().bucket("raw").cdcPath(none).build();
            assertThat(noTxn.cdcPath()).as("cdcPath(%s)", none).isEmpty();
            assertThat(noTxn.cdcPathPrefix()).isEmpty();
        }
    }

    @Test
    @DisplayName("the CDC probe is sequential by default; back-to-back is an explicit choice that toBuilder keeps")
    void probeOptionsDefaults() {
        CdcProbeOptions d = CdcProbeOptions.defaults();
        assertThat(d.sequential()).isTrue();
        assertThat(d.timeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(d.table()).isEqualTo(CdcProbeOptions.DEFAULT_TABLE);
        CdcProbeOptions b2b = d.toBuilder().sequential(false).pollInterval(Duration.ofMillis(250)).build();
        assertThat(b2b.sequential()).isFalse();
        assertThat(b2b.toBuilder().build().sequential()).isFalse();
        assertThat(b2b.toBuilder().build().pollInterval()).isEqualTo(Duration.ofMillis(250));
        assertThat(b2b.toString()).contains("sequential=false");
    }

    @Test
    @DisplayName("tolerance allows the larger of absolute rows and a fraction of the source")
    void toleranceSemantics() {
        Tolerance t = new Tolerance(5, 0.01);
        assertThat(t.allows(100, 5)).isTrue();
        assertThat(t.allows(100, -6)).isFalse();
        assertThat(t.allows(10_000, 100)).isTrue();
        assertThat(t.allows(10_000, 101)).isFalse();
        assertThat(Tolerance.EXACT.allows(1, 0)).isTrue();
        assertThat(Tolerance.EXACT.allows(1, 1)).isFalse();
    }

    @Test
    @DisplayName("toString of a verifier never shows data-source internals")
    void toStringIsSafe() {
        Verifier v = Verifier.builder().source(TestDatabases.mariadb()).sourceName("orders-db")
                .tables(io.dmskit.verify.source.SourceTable.of("a", "b"))
                .target(io.dmskit.verify.target.JdbcTarget.of(TestDatabases.postgres(), "warehouse")).build();
        assertThat(v.toString()).contains("orders-db").contains("warehouse").doesNotContain("jdbc:");
    }
}
