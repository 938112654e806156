package io.dmskit.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dmskit.verify.report.TableVerification;
import io.dmskit.verify.report.Tolerance;
import io.dmskit.verify.report.VerificationStatus;
import io.dmskit.verify.source.CountMode;
import io.dmskit.verify.support.DmsS3Fixtures;
import io.dmskit.verify.support.SharedS3;
import io.dmskit.verify.support.TestDatabases;
import io.dmskit.verify.target.S3Target;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;

import static io.dmskit.verify.support.DmsS3Fixtures.cdc;
import static io.dmskit.verify.support.DmsS3Fixtures.csv;
import static io.dmskit.verify.support.DmsS3Fixtures.put;
import static io.dmskit.verify.support.DmsS3Fixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("MariaDB source -> S3 target in DMS layout")
class MariaDbToS3VerificationTest {

    private static final DataSource DB = TestDatabases.mariadb();
    private static final S3Client S3 = SharedS3.get().client();
    private static String schema;
    private static String schema2;
    private static String bucket;
    private static String mappingsJson;

    @BeforeAll
    static void setUp() {
        schema = TestDatabases.uniqueName("dmskit_v");
        schema2 = schema + "_f";
        TestDatabases.createSchema(DB, schema);
        TestDatabases.createSchema(DB, schema2);
        TestDatabases.createTable(DB, schema, "customers", 1000, false);
        TestDatabases.createTable(DB, schema, "orders", 500, false);
        TestDatabases.createTable(DB, schema, "empty_t", 0, false);
        TestDatabases.createTable(DB, schema, "missing_t", 50, false);
        TestDatabases.createTable(DB, schema, "mism", 200, false);
        TestDatabases.createTable(DB, schema, "secret", 30, false);
        TestDatabases.createTable(DB, schema, "corrupt", 20, false);
        TestDatabases.createTable(DB, schema2, "events", 400, false);

        bucket = SharedS3.newBucket();
        String lake = "hub/lake/";
        // customers: full load 1..990, CDC inserts 991..1005, deletes 1001..1005, some updates -> net 1000
        put(S3, bucket, lake + "customers/LOAD00000001.csv", csv(rows(1, 990)));
        List<List<String>> ch = new ArrayList<>(cdc("I", rows(991, 1005)));
        ch.addAll(cdc("U", rows(5, 9)));
        ch.addAll(cdc("D", rows(1001, 1005)));
        put(S3, bucket, lake + "customers/20240528-195141380.csv", csv(ch));
        put(S3, bucket, lake + "orders/LOAD00000001.parquet", DmsS3Fixtures.parquet(null, DmsS3Fixtures.ids(1, 500),
                10, DmsS3Fixtures.ParquetSpec.dmsDefaults(), 1));
        put(S3, bucket, lake + "mism/LOAD00000001.csv", csv(rows(1, 190)));
        put(S3, bucket, lake + "secret/LOAD00000001.csv", csv(rows(1, 30)));
        put(S3, bucket, lake + "corrupt/LOAD00000001.parquet", "not parquet at all".getBytes(StandardCharsets.UTF_8));
        List<List<String>> eu = new ArrayList<>();
        for (List<String> r : rows(1, 400)) {
            if (r.get(2).equals("EU")) {
                eu.add(r);
            }
        }
        put(S3, bucket, "hub/" + schema2 + "/events/LOAD00000001.csv", csv(eu));

        mappingsJson = """
                {"rules":[
                 {"rule-type":"selection","rule-id":"1","rule-name":"all","object-locator":{"schema-name":"%s","table-name":"%%"},"rule-action":"include"},
                 {"rule-type":"selection","rule-id":"2","rule-name":"no-secret","object-locator":{"schema-name":"%s","table-name":"secret"},"rule-action":"exclude"},
                 {"rule-type":"selection","rule-id":"3","rule-name":"eu-only","object-locator":{"schema-name":"%s","table-name":"events"},"rule-action":"include",
                  "filters":[{"filter-type":"source","column-name":"region","filter-conditions":[{"filter-operator":"eq","value":"EU"}]}]},
                 {"rule-type":"transformation","rule-id":"4","rule-name":"to-lake","rule-target":"schema","object-locator":{"schema-name":"%s"},"rule-action":"rename","value":"lake"}
                ]}""".formatted(schema, schema, schema2, schema);
    }

    @AfterAll
    static void tearDown() {
        TestDatabases.dropSchema(DB, schema, false);
        TestDatabases.dropSchema(DB, schema2, false);
    }

    private Verifier.Builder verifier() {
        return Verifier.builder().source(DB).sourceName("mariadb test").tableMappings(mappingsJson).s3(S3)
                .target(S3Target.builder().bucket(bucket).bucketFolder("hub").build()).parallelism(4);
    }

    @Test
    @DisplayName("every status comes out right: match, mismatch, missing, extra, error; filters and renames applied")
    void statuses() {
        List<String> progress = new CopyOnWriteArrayList<>();
        List<String> scanned = new CopyOnWriteArrayList<>();
        VerificationReport report = verifier().listener(new VerificationListener() {
            @Override
            public void tableVerified(TableVerification result, int done, int total) {
                progress.add(result.name() + " " + done + "/" + total);
            }

            @Override
            public void objectScanned(String location, String key, long bytesRead) {
                scanned.add(key);
            }
        }).build().verifyRowCounts();
        assertThat(scanned).contains("hub/lake/customers/LOAD00000001.csv", "hub/lake/orders/LOAD00000001.parquet");

        assertThat(status(report, schema, "customers")).isEqualTo(VerificationStatus.MATCH);
        TableVerification customers = report.table(schema, "customers").orElseThrow();
        assertThat(customers.targetSchema()).isEqualTo("lake");
        assertThat(customers.target().orElseThrow().fullLoadRows()).isEqualTo(990);
        assertThat(customers.target().orElseThrow().inserts()).isEqualTo(15);
        assertThat(customers.target().orElseThrow().deletes()).isEqualTo(5);
        assertThat(customers.target().orElseThrow().updates()).isEqualTo(5);
        assertThat(status(report, schema, "orders")).isEqualTo(VerificationStatus.MATCH);
        assertThat(status(report, schema, "empty_t")).isEqualTo(VerificationStatus.MATCH);
        assertThat(status(report, schema, "missing_t")).isEqualTo(VerificationStatus.MISSING_ON_TARGET);
        assertThat(status(report, schema, "mism")).isEqualTo(VerificationStatus.MISMATCH);
        assertThat(report.table(schema, "mism").orElseThrow().difference()).isEqualTo(-10);
        assertThat(status(report, schema, "corrupt")).isEqualTo(VerificationStatus.ERROR);
        assertThat(report.table(schema, "corrupt").orElseThrow().error().orElseThrow()).contains("PAR1");
        assertThat(report.table(schema, "secret")).isEmpty();
        assertThat(status(report, "lake", "secret")).isEqualTo(VerificationStatus.EXTRA_ON_TARGET);
        TableVerification events = report.table(schema2, "events").orElseThrow();
        assertThat(events.status()).isEqualTo(VerificationStatus.MATCH);
        assertThat(events.sourceRows()).isEqualTo(100);
        assertThat(events.source().orElseThrow().filter()).hasValueSatisfying(f -> assertThat(f).contains("EU"));
        assertThat(progress).hasSize(7);
        assertThat(report.totals().count(VerificationStatus.MATCH)).isEqualTo(4);

        assertThatThrownBy(report::assertAllMatch).isInstanceOf(AssertionError.class)
                .hasMessageContaining(schema + ".mism: MISMATCH")
                .hasMessageContaining("source 200 rows")
                .hasMessageContaining("target 190 rows")
                .hasMessageContaining("difference -10")
                .hasMessageContaining("s3://" + bucket + "/hub/lake/mism/")
                .hasMessageContaining(schema + ".missing_t: MISSING_ON_TARGET")
                .hasMessageContaining("lake.secret: EXTRA_ON_TARGET")
                .hasMessageNotContaining(schema + ".customers");
    }

    @Test
    @DisplayName("a filtered table that differs says why filters on mutable columns drift")
    void filteredMismatchExplainsMutableFilterColumns() {
        String drifted = SharedS3.newBucket();
        List<List<String>> onTarget = new ArrayList<>();
        for (List<String> r : rows(1, 400)) {
            if (r.get(2).equals("EU")) {
                onTarget.add(r);
            }
        }
        onTarget.add(rows(1, 400).stream().filter(r -> !r.get(2).equals("EU")).findFirst().orElseThrow());
        put(S3, drifted, "hub/" + schema2 + "/events/LOAD00000001.csv", csv(onTarget));

        VerificationReport report = verifier().schemas(schema2)
                .target(S3Target.builder().bucket(drifted).bucketFolder("hub").build()).build().verifyRowCounts();

        TableVerification events = report.table(schema2, "events").orElseThrow();
        assertThat(events.status()).isEqualTo(VerificationStatus.MISMATCH);
        assertThat(events.difference()).isEqualTo(1);
        assertThat(events.notes()).anyMatch(n -> n.contains("apply filters only to immutable columns"));
        assertThat(report.table(schema2, "events").orElseThrow().notes())
                .anyMatch(n -> n.startsWith("source filtered by the task's selection rule"));
    }

    @Test
    @DisplayName("a tolerance for CDC lag turns a small difference into a match")
    void tolerance() {
        VerificationReport report = verifier().tolerance(Tolerance.rows(10)).build().verifyRowCounts();
        assertThat(status(report, schema, "mism")).isEqualTo(VerificationStatus.MATCH);
        assertThat(report.table(schema, "mism").orElseThrow().notes()).anyMatch(n -> n.contains("tolerance"));
        VerificationReport strict = verifier().tolerance(Tolerance.percent(4)).build().verifyRowCounts();
        assertThat(status(strict, schema, "mism")).isEqualTo(VerificationStatus.MISMATCH);
    }

    @Test
    @DisplayName("estimate mode labels source counts as estimates in every rendering")
    void estimateMode() throws Exception {
        VerificationReport report = verifier().countMode(CountMode.ESTIMATE).build().verifyRowCounts();
        TableVerification customers = report.table(schema, "customers").orElseThrow();
        assertThat(customers.source().orElseThrow().estimate()).isTrue();
        assertThat(customers.notes()).anyMatch(n -> n.contains("ESTIMATE"));
        assertThat(report.toText()).contains("ESTIMATE");
        JsonNode json = new ObjectMapper().readTree(report.toJson());
        assertThat(json.get("countMode").asText()).isEqualTo("ESTIMATE");
        assertThat(report.toHtml()).contains("(estimate)");
    }

    @Test
    @DisplayName("the JSON rendering follows the documented schema")
    void jsonSchema() throws Exception {
        VerificationReport report = verifier().build().verifyRowCounts();
        JsonNode json = new ObjectMapper().readTree(report.toJson());
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(VerificationReport.JSON_SCHEMA_VERSION);
        assertThat(json.get("allMatch").asBoolean()).isFalse();
        assertThat(json.get("totals").get("byStatus").get("MISMATCH").asInt()).isEqualTo(1);
        JsonNode customers = null;
        for (JsonNode t : json.get("tables")) {
            if (t.get("name").asText().equals(schema + ".customers")) {
                customers = t;
            }
        }
        assertThat(customers).isNotNull();
        assertThat(customers.get("status").asText()).isEqualTo("MATCH");
        assertThat(customers.get("source").get("rows").asLong()).isEqualTo(1000);
        assertThat(customers.get("target").get("fullLoadRows").asLong()).isEqualTo(990);
        assertThat(customers.get("target").get("location").asText()).isEqualTo("s3://" + bucket + "/hub/lake/customers/");
        assertThat(customers.get("dms").isNull()).isTrue();
        assertThat(json.get("probe").isNull()).isTrue();
    }

    @Test
    @DisplayName("the HTML page is self-contained: inline CSS and SVG, no external resources")
    void htmlSelfContained() {
        String html = verifier().build().verifyRowCounts().toHtml();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>").contains("<svg")
                .contains("MISSING_ON_TARGET").contains(schema + ".customers")
                .doesNotContain("<script").doesNotContain("<link").doesNotContain("src=")
                .doesNotContain("https://").doesNotContain("url(");
        assertThat(html.replace("http://www.w3.org/2000/svg", "")).doesNotContain("http://");
    }

    private static VerificationStatus status(VerificationReport r, String s, String t) {
        return r.table(s, t).map(TableVerification::status).orElseThrow(() ->
                new AssertionError("no row for " + s + "." + t + " in\n" + r.toText()));
    }
}
