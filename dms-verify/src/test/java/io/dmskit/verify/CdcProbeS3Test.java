package io.dmskit.verify;

import io.dmskit.verify.probe.CdcProbeException;
import io.dmskit.verify.probe.OperationResult;
import io.dmskit.verify.probe.ProbeOperation;
import io.dmskit.verify.support.DmsLikeCdcWriter;
import io.dmskit.verify.support.DmsS3Fixtures;
import io.dmskit.verify.support.PollingCdcWriter;
import io.dmskit.verify.support.SharedS3;
import io.dmskit.verify.support.TestDatabases;
import io.dmskit.verify.target.S3Target;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("CDC probe against an S3 target fed by a DMS-like batching writer")
class CdcProbeS3Test {

    private static final DataSource DB = TestDatabases.mariadb();
    private static final S3Client S3 = SharedS3.get().client();
    private static String schema;
    private static String bucket;

    @BeforeAll
    static void setUp() {
        schema = TestDatabases.uniqueName("dmskit_probe");
        TestDatabases.createSchema(DB, schema);
        TestDatabases.createTable(DB, schema, "customers", 100, false);
        TestDatabases.exec(DB, "CREATE TABLE " + schema + ".dmskit_probe (id VARCHAR(64) PRIMARY KEY,"
                + " note VARCHAR(200), committed_at TIMESTAMP(6) NULL)");
        bucket = SharedS3.newBucket();
        // history before the probe: a full load and an older CDC file
        DmsS3Fixtures.put(S3, bucket, "cdc/" + schema + "/dmskit_probe/LOAD00000001.csv",
                DmsS3Fixtures.csv(List.of(List.of("old", "x", ""))));
        DmsS3Fixtures.put(S3, bucket, "cdc/" + schema + "/dmskit_probe/20200101-000000000.csv",
                DmsS3Fixtures.csv(List.of(List.of("I", "2020-01-01 00:00:00.000000", "old", "x"))));
    }

    @AfterAll
    static void tearDown() {
        TestDatabases.dropSchema(DB, schema, false);
    }

    private static String mappings(String table) {
        return """
                {"rules":[{"rule-type":"selection","rule-id":"1","rule-name":"1","object-locator":
                {"schema-name":"%s","table-name":"%s"},"rule-action":"include"}]}""".formatted(schema, table);
    }

    private static Verifier verifier(String mappingsJson) {
        return Verifier.builder().source(DB).tableMappings(mappingsJson).s3(S3)
                .target(S3Target.builder().bucket(bucket).bucketFolder("cdc").build()).build();
    }

    @Test
    @DisplayName("insert, update and delete of the marker each reach S3; latencies are measured and the row is removed")
    void probeSucceeds() throws Exception {
        List<String> steps = new CopyOnWriteArrayList<>();
        Verifier v = verifier(mappings("%")).toBuilder().listener(new VerificationListener() {
            @Override
            public void probeStep(String message) {
                steps.add(message);
            }
        }).build();
        CdcProbeResult result;
        try (DmsLikeCdcWriter writer = DmsLikeCdcWriter.start(DB, schema, "dmskit_probe", S3, bucket, "cdc", 300)) {
            result = v.probeCdc(o -> o.schema(schema).timeout(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(100)));
            assertThat(writer.filesWritten()).isPositive();
        }
        result.assertSucceeded();
        assertThat(result.operations()).extracting(OperationResult::operation)
                .containsExactly(ProbeOperation.INSERT, ProbeOperation.UPDATE, ProbeOperation.DELETE);
        for (OperationResult o : result.operations()) {
            assertThat(o.seen()).isTrue();
            assertThat(o.where().orElseThrow()).startsWith("s3://" + bucket + "/cdc/" + schema + "/dmskit_probe/2");
            assertThat(o.latencyToDetected().orElseThrow()).isLessThan(Duration.ofSeconds(30));
            assertThat(o.detectedAt().orElseThrow()).isAfterOrEqualTo(o.committedAt());
        }
        assertThat(result.cleanedUp()).isTrue();
        assertThat(result.tableCreated()).isFalse();
        assertThat(rows(schema + ".dmskit_probe")).isZero();
        assertThat(steps).anyMatch(s -> s.contains("INSERT of marker") && s.contains("committed"));
        assertThat(result.toText()).contains("OK").contains(result.markerId());

        VerificationReport report = v.verifyRowCounts().withProbe(result);
        String html = report.toHtml();
        report.writeHtml(java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "dmskit-report-probe.html"));
        assertThat(html).contains("CDC probe").contains("CDC probe timeline").contains(result.markerId());
        assertThat(report.toJson()).contains("\"succeeded\": true").contains("\"latencyToDetectedMillis\"");
    }

    @Test
    @DisplayName("with a source captured by polling, the sequential probe sees each change in its own CDC file")
    void sequentialProbeWithPollingCapture() throws Exception {
        String table = "polled_probe_seq";
        createProbeTable(table);
        CdcProbeResult result;
        try (PollingCdcWriter writer = PollingCdcWriter.start(DB, schema, table, S3, bucket, "cdc", 400)) {
            result = verifier(mappings("%")).probeCdc(o -> o.schema(schema).table(table)
                    .timeout(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)));
            assertThat(writer.filesWritten()).isGreaterThanOrEqualTo(3);
        }
        result.assertSucceeded();
        assertThat(result.operations()).extracting(OperationResult::operation)
                .containsExactly(ProbeOperation.INSERT, ProbeOperation.UPDATE, ProbeOperation.DELETE);
        OperationResult insert = result.operation(ProbeOperation.INSERT).orElseThrow();
        OperationResult update = result.operation(ProbeOperation.UPDATE).orElseThrow();
        OperationResult delete = result.operation(ProbeOperation.DELETE).orElseThrow();
        // one change at a time: each is made only after the previous one was detected on the target
        assertThat(update.committedAt()).isAfterOrEqualTo(insert.detectedAt().orElseThrow());
        assertThat(delete.committedAt()).isAfterOrEqualTo(update.detectedAt().orElseThrow());
        for (OperationResult o : result.operations()) {
            assertThat(o.where().orElseThrow()).startsWith("s3://" + bucket + "/cdc/" + schema + "/" + table + "/2");
            assertThat(o.detectedAt().orElseThrow()).isAfterOrEqualTo(o.committedAt());
            assertThat(o.latencyToDetected().orElseThrow()).isLessThan(Duration.ofSeconds(30));
        }
        assertThat(List.of(insert.where(), update.where(), delete.where())).doesNotHaveDuplicates();
        assertThat(result.cleanedUp()).isTrue();
        assertThat(rows(schema + "." + table)).isZero();
    }

    @Test
    @DisplayName("with a source captured by polling, back-to-back changes fall between two polls and are never seen")
    void backToBackProbeMissesPollingCapture() throws Exception {
        String table = "polled_probe_b2b";
        createProbeTable(table);
        CdcProbeResult result;
        try (PollingCdcWriter writer = PollingCdcWriter.start(DB, schema, table, S3, bucket, "cdc", 400)) {
            result = verifier(mappings("%")).probeCdc(o -> o.schema(schema).table(table).sequential(false)
                    .timeout(Duration.ofMillis(2000)).pollInterval(Duration.ofMillis(100)));
            assertThat(writer.polls()).isGreaterThanOrEqualTo(2);
        }
        assertThat(result.succeeded()).isFalse();
        // all three were committed (back to back), but a poll-based capture cannot see the update in between
        assertThat(result.operations()).hasSize(3);
        assertThat(result.operation(ProbeOperation.UPDATE).orElseThrow().seen()).isFalse();
        assertThat(result.failureMessage().orElseThrow()).contains("timed out").contains("UPDATE")
                .contains(result.markerId());
        assertThat(result.cleanedUp()).isTrue();
    }

    @Test
    @DisplayName("a sequential probe that never sees its insert stops there and says the later changes were not made")
    void sequentialProbeStopsAtTheFirstMissingChange() throws Exception {
        String table = "polled_probe_none";
        createProbeTable(table);
        CdcProbeResult result = verifier(mappings("%")).probeCdc(o -> o.schema(schema).table(table)
                .timeout(Duration.ofMillis(800)).pollInterval(Duration.ofMillis(100)));
        assertThat(result.succeeded()).isFalse();
        assertThat(result.operations()).extracting(OperationResult::operation).containsExactly(ProbeOperation.INSERT);
        assertThat(result.failureMessage().orElseThrow()).contains("[INSERT]")
                .contains("changes after the INSERT were not made");
        assertThat(result.cleanedUp()).isTrue();
        assertThat(rows(schema + "." + table)).isZero();
    }

    @Test
    @DisplayName("a probe that sees nothing fails after the timeout, saying what it looked for and where")
    void probeTimesOut() throws Exception {
        CdcProbeResult result = verifier(mappings("dmskit_probe")).probeCdc(o -> o.schema(schema)
                .timeout(Duration.ofMillis(1500)).pollInterval(Duration.ofMillis(100)));
        assertThat(result.succeeded()).isFalse();
        assertThat(result.failureMessage().orElseThrow())
                .contains("timed out after PT1.5S")
                .contains(result.markerId())
                .contains("s3://" + bucket + "/cdc/" + schema + "/dmskit_probe/")
                .contains("StartAfter=cdc/" + schema + "/dmskit_probe/20200101-000000000.csv");
        assertThat(result.cleanedUp()).isTrue();
        assertThat(rows(schema + ".dmskit_probe")).isZero();
        assertThatThrownBy(result::assertSucceeded).isInstanceOf(AssertionError.class)
                .hasMessageContaining(result.markerId());
    }

    @Test
    @DisplayName("the probe refuses plainly when the task's mappings do not cover the probe table, writing nothing")
    void refusesUncoveredTable() throws Exception {
        long before = rows(schema + ".customers");
        assertThatThrownBy(() -> verifier(mappings("customers")).probeCdc(o -> o.schema(schema)
                .createTableIfMissing(true)))
                .isInstanceOf(CdcProbeException.class)
                .hasMessageContaining("do not replicate the probe table " + schema + ".dmskit_probe")
                .hasMessageContaining("Nothing was written");
        assertThatThrownBy(() -> verifier(mappings("%")).probeCdc(o -> o.schema(schema).table("absent_probe")))
                .isInstanceOf(CdcProbeException.class)
                .hasMessageContaining("does not exist").hasMessageContaining("CREATE TABLE");
        assertThat(rows(schema + ".customers")).isEqualTo(before);
        assertThat(tableExists("absent_probe")).isFalse();
    }

    @Test
    @DisplayName("when allowed, the probe creates its table")
    void createsTableWhenAllowed() throws Exception {
        CdcProbeResult result = verifier(mappings("%")).probeCdc(o -> o.schema(schema).table("made_probe")
                .createTableIfMissing(true).timeout(Duration.ofMillis(300)).pollInterval(Duration.ofMillis(100)));
        assertThat(result.tableCreated()).isTrue();
        assertThat(tableExists("made_probe")).isTrue();
        assertThat(result.cleanedUp()).isTrue();
    }

    private static void createProbeTable(String table) {
        TestDatabases.exec(DB, "CREATE TABLE " + schema + "." + table + " (id VARCHAR(64) PRIMARY KEY,"
                + " note VARCHAR(200), committed_at TIMESTAMP(6) NULL)");
    }

    private static long rows(String table) throws Exception {
        try (Connection c = DB.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean tableExists(String table) throws Exception {
        try (Connection c = DB.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '"
                     + schema + "' AND table_name = '" + table + "'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }
}
