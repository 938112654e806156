package io.dmskit.verify;

import io.dmskit.core.exception.InvalidDefinitionException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.core.Endpoint;
import io.dmskit.core.ReplicationTask;
import io.dmskit.core.task.MigrationType;
import io.dmskit.mappings.TableMappings;
import io.dmskit.model.s3.S3ObjectNames;
import io.dmskit.model.s3.S3OutputSettings;
import io.dmskit.model.s3.CsvDialect;
import io.dmskit.testkit.FakeDms;
import io.dmskit.verify.report.TableVerification;
import io.dmskit.verify.report.VerificationStatus;
import io.dmskit.verify.support.DmsS3Fixtures;
import io.dmskit.verify.support.SharedS3;
import io.dmskit.verify.support.TestDatabases;
import io.dmskit.verify.target.S3Target;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.model.MigrationTypeValue;
import software.amazon.awssdk.services.databasemigration.model.ReplicationEndpointTypeValue;
import software.amazon.awssdk.services.databasemigration.model.S3Settings;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * dms-verify takes what the user provisioned: the dms-core task and endpoint objects, or the task's ARN through DMS,
 * verify exactly like S3 settings restated by hand.
 */
@DisplayName("verifying from the provisioned ReplicationTask/Endpoint or the task ARN, without restating S3 settings")
class ProvisionedDefinitionsTest {

    private static final DataSource DB = TestDatabases.mariadb();
    private static final S3Client S3 = SharedS3.get().client();
    private static final String ROLE = "arn:aws:iam::123456789012:role/dms-s3-access";
    private static String schema;
    private static String bucket;
    private static Endpoint targetEndpoint;
    private static ReplicationTask task;

    @BeforeAll
    static void setUp() {
        schema = TestDatabases.uniqueName("provisioned");
        TestDatabases.createSchema(DB, schema);
        TestDatabases.createTable(DB, schema, "orders", 125, false);
        TestDatabases.createTable(DB, schema, "events", 60, false);
        bucket = SharedS3.newBucket();

        targetEndpoint = Endpoint.s3("provisioned-target").s3Settings(s -> s.bucketName(bucket)
                .bucketFolder("lake/raw").csvDelimiter("|").csvRowDelimiter("\r\n").addColumnName(true)
                .serviceAccessRoleArn(ROLE)).build();
        Endpoint source = Endpoint.mysql("provisioned-source").source().serverName("127.0.0.1").port(3306)
                .password("root", io.dmskit.core.endpoint.Secret.of("not-used")).build();
        task = ReplicationTask.of("provisioned-task", t -> t.source(source).target(targetEndpoint)
                .replicationInstance("provisioned-instance").migrationType(MigrationType.FULL_LOAD_AND_CDC)
                .tableMappings(TableMappings.fromJson("""
                        {"rules":[{"rule-type":"selection","rule-id":"1","rule-name":"1","object-locator":
                        {"schema-name":"%s","table-name":"%%"},"rule-action":"include"}]}""".formatted(schema))));

        // what DMS wrote with these settings, named and encoded by dms-model as the local engine does
        S3OutputSettings written = S3OutputSettings.from(targetEndpoint.s3Settings().orElseThrow().toSdkBuilder()
                .build());
        S3ObjectNames names = written.objectNames();
        CsvDialect csv = written.csvDialect();
        List<String> columns = List.of("id", "name", "region");
        put(names.fullLoadKey(schema, "orders", 1), csv, csv.header(false, columns), DmsS3Fixtures.rows(1, 120));
        put(names.cdcKey(schema, "orders", Instant.parse("2026-01-16T12:34:56.789Z")), csv,
                csv.header(true, columns), DmsS3Fixtures.cdc("I", DmsS3Fixtures.rows(121, 125)));
        List<List<String>> events = new ArrayList<>(DmsS3Fixtures.rows(1, 59));
        events.add(List.of("60", "two\r\nlines | and a pipe", "EU"));
        put(names.fullLoadKey(schema, "events", 1), csv, csv.header(false, columns), events);
    }

    private static void put(String key, CsvDialect csv, List<String> header, List<List<String>> rows) {
        StringBuilder text = new StringBuilder();
        csv.appendRecord(text, header);
        rows.forEach(r -> csv.appendRecord(text, r));
        DmsS3Fixtures.put(S3, bucket, key, text.toString().getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void tearDown() {
        TestDatabases.dropSchema(DB, schema, false);
    }

    private static VerificationReport restated() {
        return Verifier.builder().source(DB).s3(S3).tableMappings(task.tableMappings())
                .target(S3Target.builder().bucket(bucket).bucketFolder("lake/raw").csvDelimiter("|")
                        .csvRowDelimiter("\r\n").addColumnName(true).build())
                .build().verifyRowCounts();
    }

    private static void assertSameAsRestated(VerificationReport report) {
        VerificationReport expected = restated();
        for (String table : List.of("orders", "events")) {
            TableVerification want = expected.table(schema, table).orElseThrow();
            TableVerification got = report.table(schema, table).orElseThrow();
            assertThat(want.status()).as(expected.toText()).isEqualTo(VerificationStatus.MATCH);
            assertThat(got.status()).as(report.toText()).isEqualTo(want.status());
            assertThat(got.targetRows()).isEqualTo(want.targetRows());
            assertThat(got.target().orElseThrow().fullLoadRows()).isEqualTo(want.target().orElseThrow().fullLoadRows());
            assertThat(got.target().orElseThrow().inserts()).isEqualTo(want.target().orElseThrow().inserts());
            assertThat(got.targetLocation()).isEqualTo(want.targetLocation());
        }
        assertThat(report.table(schema, "orders").orElseThrow().targetRows()).isEqualTo(125);
        assertThat(report.table(schema, "events").orElseThrow().targetRows()).isEqualTo(60);
    }

    @Test
    @DisplayName("task(ReplicationTask, Endpoint): the dms-core objects alone give the restated result")
    void fromTheCoreObjects() {
        VerificationReport report = Verifier.builder().source(DB).s3(S3).task(task, targetEndpoint).build()
                .verifyRowCounts();

        assertSameAsRestated(report);
    }

    @Test
    @DisplayName("target(Endpoint) with the mappings given: the same result")
    void fromTheCoreEndpoint() {
        VerificationReport report = Verifier.builder().source(DB).s3(S3).tableMappings(task.tableMappings())
                .target(targetEndpoint).build().verifyRowCounts();

        assertSameAsRestated(report);
    }

    @Test
    @DisplayName("the task ARN alone (DescribeReplicationTasks -> DescribeEndpoints) gives the same result")
    void fromTheTaskArn() {
        assertSameAsRestated(verifyByArn(targetEndpoint.s3Settings().orElseThrow().toSdkBuilder().build()));
    }

    @Test
    @DisplayName("settings that only steer how DMS writes (or that DMS would refuse) do not stop the count")
    void writerOnlySettingsDoNotStopTheCount() {
        S3Settings odd = targetEndpoint.s3Settings().orElseThrow().toSdkBuilder().maxFileSize(0)
                .compressionType("zstd").datePartitionTimezone("Mars/Base").preserveTransactions(true)
                .cdcMaxBatchInterval(-5).datePartitionSequence("WEEKLY").build();
        assertSameAsRestated(verifyByArn(odd));
    }

    private VerificationReport verifyByArn(S3Settings targetSettings) {
        FakeDms dms = FakeDms.create();
        String instance = dms.createReplicationInstance(b -> b.replicationInstanceIdentifier("provisioned-instance")
                .replicationInstanceClass("dms.t3.medium")).replicationInstance().replicationInstanceArn();
        String source = dms.createEndpoint(b -> b.endpointIdentifier("provisioned-source")
                .endpointType(ReplicationEndpointTypeValue.SOURCE).engineName("mysql").serverName("127.0.0.1")
                .port(3306).username("root").password("not-used")).endpoint().endpointArn();
        String target = dms.createEndpoint(b -> b.endpointIdentifier(targetEndpoint.identifier())
                .endpointType(ReplicationEndpointTypeValue.TARGET).engineName("s3")
                .s3Settings(targetSettings)).endpoint().endpointArn();
        String taskArn = dms.createReplicationTask(b -> b.replicationTaskIdentifier(task.identifier())
                .replicationInstanceArn(instance).sourceEndpointArn(source).targetEndpointArn(target)
                .migrationType(MigrationTypeValue.FULL_LOAD_AND_CDC).tableMappings(task.tableMappings().toJson()))
                .replicationTask().replicationTaskArn();

        return Verifier.builder().source(DB).s3(S3).dms(dms).taskArn(taskArn).build().verifyRowCounts();
    }

    @Test
    @DisplayName("a task given with an endpoint it does not write to, or a non-S3 endpoint, is refused at build()")
    void mismatchedEndpointIsRefused() {
        Endpoint other = Endpoint.s3("other-target").s3Settings(s -> s.bucketName(bucket).serviceAccessRoleArn(ROLE))
                .build();
        Endpoint database = Endpoint.postgres("pg-target").target().serverName("127.0.0.1").port(5432)
                .databaseName("test").password("root", io.dmskit.core.endpoint.Secret.of("x")).build();

        assertThatThrownBy(() -> Verifier.builder().source(DB).s3(S3).task(task, other).build())
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("writes to endpoint 'provisioned-target', not to 'other-target'");
        assertThatThrownBy(() -> Verifier.builder().source(DB).s3(S3).tableMappings(task.tableMappings())
                .target(database).build())
                .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("has no S3 settings");
    }
}
