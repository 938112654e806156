package io.dmskit.verify;

import io.dmskit.model.s3.S3DataFormat;
import io.dmskit.testkit.FakeDms;
import io.dmskit.verify.report.TableVerification;
import io.dmskit.verify.report.VerificationStatus;
import io.dmskit.verify.support.DmsS3Fixtures;
import io.dmskit.verify.support.SharedS3;
import io.dmskit.verify.support.TestDatabases;
import io.dmskit.verify.target.S3Target;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.model.DataFormatValue;
import software.amazon.awssdk.services.databasemigration.model.MigrationTypeValue;
import software.amazon.awssdk.services.databasemigration.model.ReplicationEndpointTypeValue;
import software.amazon.awssdk.services.databasemigration.model.S3Settings;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;

import static io.dmskit.verify.support.DmsS3Fixtures.put;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DMS echoes {@code CsvRowDelimiter} / {@code CsvDelimiter} escaped ({@code "\\n"}, two characters). A verifier that
 * reads the S3 target from the task must unescape them, or every CSV file counts as one row.
 */
@DisplayName("S3 settings echoed escaped by DMS (CsvRowDelimiter \"\\n\", CsvDelimiter \"\\t\")")
class EscapedS3SettingsTest {

    private static final DataSource DB = TestDatabases.mariadb();
    private static final S3Client S3 = SharedS3.get().client();
    private static String schema;
    private static String bucket;
    private static FakeDms dms;
    private static String instance;
    private static String source;

    @BeforeAll
    static void setUp() {
        schema = TestDatabases.uniqueName("escaped_settings");
        TestDatabases.createSchema(DB, schema);
        TestDatabases.createTable(DB, schema, "orders", 125, false);
        TestDatabases.createTable(DB, schema, "events", 60, false);
        bucket = SharedS3.newBucket();

        // orders: ',' and a line feed, as DMS writes with the default settings
        put(S3, bucket, "lf/" + schema + "/orders/LOAD00000001.csv",
                DmsS3Fixtures.csv(DmsS3Fixtures.rows(1, 120)));
        put(S3, bucket, "lf/" + schema + "/orders/20260116-123456789.csv",
                DmsS3Fixtures.csv(DmsS3Fixtures.cdc("I", DmsS3Fixtures.rows(121, 125))));

        // events: tab-separated, CRLF rows, one quoted field holding a CRLF of its own
        List<List<String>> events = new ArrayList<>(DmsS3Fixtures.rows(1, 59));
        events.add(List.of("60", "two\r\nlines\tand a tab", "EU"));
        put(S3, bucket, "crlf/" + schema + "/events/LOAD00000001.csv", DmsS3Fixtures.csv(events, "\t", "\r\n"));

        dms = FakeDms.create();
        instance = dms.createReplicationInstance(b -> b.replicationInstanceIdentifier("escaped-instance")
                .replicationInstanceClass("dms.t3.medium")).replicationInstance().replicationInstanceArn();
        source = dms.createEndpoint(b -> b.endpointIdentifier("escaped-mysql")
                .endpointType(ReplicationEndpointTypeValue.SOURCE).engineName("mysql").serverName("127.0.0.1")
                .port(3306).username("root").password("not-used").databaseName(schema)).endpoint().endpointArn();
    }

    @AfterAll
    static void tearDown() {
        TestDatabases.dropSchema(DB, schema, false);
    }

    private static String task(String id, String table, Consumer<S3Settings.Builder> settings) {
        String target = dms.createEndpoint(b -> b.endpointIdentifier(id + "-target")
                .endpointType(ReplicationEndpointTypeValue.TARGET).engineName("s3")
                .s3Settings(s -> {
                    s.bucketName(bucket).dataFormat(DataFormatValue.CSV)
                            .serviceAccessRoleArn("arn:aws:iam::123456789012:role/dms-s3-access");
                    settings.accept(s);
                })).endpoint().endpointArn();
        String mappings = """
                {"rules":[{"rule-type":"selection","rule-id":"1","rule-name":"1","object-locator":
                {"schema-name":"%s","table-name":"%s"},"rule-action":"include"}]}""".formatted(schema, table);
        return dms.createReplicationTask(b -> b.replicationTaskIdentifier(id)
                .replicationInstanceArn(instance).sourceEndpointArn(source).targetEndpointArn(target)
                .migrationType(MigrationTypeValue.FULL_LOAD_AND_CDC).tableMappings(mappings))
                .replicationTask().replicationTaskArn();
    }

    @Test
    @DisplayName("a task whose S3 endpoint has CsvRowDelimiter \"\\n\" (escaped) counts every CSV row and matches")
    void escapedLineFeedFromTheTask() {
        String taskArn = task("escaped-lf", "orders", s -> s.bucketFolder("lf").csvDelimiter(",")
                .csvRowDelimiter("\\n"));
        assertThat(dms.describeEndpoints(b -> b.filters(f -> f.name("endpoint-arn").values(
                dms.describeReplicationTasks(t -> t.filters(f2 -> f2.name("replication-task-arn").values(taskArn)))
                        .replicationTasks().get(0).targetEndpointArn())))
                .endpoints().get(0).s3Settings().csvRowDelimiter())
                .as("FakeDms echoes the setting escaped, like DMS").isEqualTo("\\n");

        VerificationReport report = Verifier.builder().source(DB).dms(dms).taskArn(taskArn).s3(S3).build()
                .verifyRowCounts();

        TableVerification orders = report.table(schema, "orders").orElseThrow();
        assertThat(orders.status()).as(report.toText()).isEqualTo(VerificationStatus.MATCH);
        assertThat(orders.targetRows()).isEqualTo(125);
        assertThat(orders.target().orElseThrow().fullLoadRows()).isEqualTo(120);
        assertThat(orders.target().orElseThrow().inserts()).isEqualTo(5);
        assertThat(orders.targetLocation()).isEqualTo("s3://" + bucket + "/lf/" + schema + "/orders/");
        report.assertAllMatch();
    }

    @Test
    @DisplayName("CsvDelimiter \"\\t\" and CsvRowDelimiter \"\\r\\n\" (escaped) are unescaped: quoted line breaks stay in their row")
    void escapedTabAndCrLfFromTheTask() {
        String taskArn = task("escaped-crlf", "events", s -> s.bucketFolder("crlf").csvDelimiter("\\t")
                .csvRowDelimiter("\\r\\n"));

        VerificationReport report = Verifier.builder().source(DB).dms(dms).taskArn(taskArn).s3(S3).build()
                .verifyRowCounts();

        TableVerification events = report.table(schema, "events").orElseThrow();
        assertThat(events.status()).as(report.toText()).isEqualTo(VerificationStatus.MATCH);
        assertThat(events.targetRows()).isEqualTo(60);
    }

    @Test
    @DisplayName("fromS3Settings unescapes \\n, \\r, \\t and \\\\ and keeps plain delimiters as they are")
    void fromS3SettingsUnescapes() {
        S3Target escaped = S3Target.fromS3Settings(S3Settings.builder().bucketName("b").dataFormat("csv")
                .csvDelimiter("\\t").csvRowDelimiter("\\r\\n").build()).build();
        assertThat(escaped.csvDelimiter()).isEqualTo("\t");
        assertThat(escaped.csvRowDelimiter()).isEqualTo("\r\n");
        assertThat(escaped.dataFormat()).isEqualTo(S3DataFormat.CSV);

        S3Target plain = S3Target.fromS3Settings(S3Settings.builder().bucketName("b")
                .csvDelimiter("|").csvRowDelimiter("\n").build()).build();
        assertThat(plain.csvDelimiter()).isEqualTo("|");
        assertThat(plain.csvRowDelimiter()).isEqualTo("\n");

        S3Target unset = S3Target.fromS3Settings(S3Settings.builder().bucketName("b").csvDelimiter("")
                .build()).build();
        assertThat(unset.csvDelimiter()).isEqualTo(",");
        assertThat(unset.csvRowDelimiter()).isEqualTo("\n");
    }

    @Test
    @DisplayName("unescapeDelimiter: escapes become characters, a lone or unknown backslash is kept")
    void unescapeDelimiter() {
        assertThat(S3Target.unescapeDelimiter("\\n")).isEqualTo("\n");
        assertThat(S3Target.unescapeDelimiter("\\r\\n")).isEqualTo("\r\n");
        assertThat(S3Target.unescapeDelimiter("\\t")).isEqualTo("\t");
        assertThat(S3Target.unescapeDelimiter("\\\\")).isEqualTo("\\");
        // an escaped backslash followed by n is a backslash and an n, not a line feed
        assertThat(S3Target.unescapeDelimiter("\\\\n")).isEqualTo("\\n");
        assertThat(S3Target.unescapeDelimiter("\\")).isEqualTo("\\");
        assertThat(S3Target.unescapeDelimiter("a\\x")).isEqualTo("a\\x");
        assertThat(S3Target.unescapeDelimiter(";")).isEqualTo(";");
        assertThat(S3Target.unescapeDelimiter("\r\n")).isEqualTo("\r\n");
        assertThat(S3Target.unescapeDelimiter(null)).isNull();
    }
}
