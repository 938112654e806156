package io.dmskit.verify;

import io.dmskit.testkit.FakeDms;
import io.dmskit.verify.report.DmsTableStatistics;
import io.dmskit.verify.report.TableVerification;
import io.dmskit.verify.report.VerificationStatus;
import io.dmskit.verify.support.DmsS3Fixtures;
import io.dmskit.verify.support.DmsS3Fixtures.ParquetSpec;
import io.dmskit.verify.support.SharedS3;
import io.dmskit.verify.support.TestDatabases;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.model.DataFormatValue;
import software.amazon.awssdk.services.databasemigration.model.MigrationTypeValue;
import software.amazon.awssdk.services.databasemigration.model.ReplicationEndpointTypeValue;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import static io.dmskit.verify.support.DmsS3Fixtures.put;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "Check Table Statistics" example of the DMS replication verification guide (customers 10,000 / products
 * 5,000, both "Table completed", Parquet under {@code market-intelligence-hub/}), reproduced with FakeDms, a real
 * MariaDB source and S3 objects on LocalS3.
 */
@DisplayName("The verification guide's example, checked end to end")
class VerificationGuideExampleTest {

    private static final DataSource DB = TestDatabases.mariadb();
    private static final S3Client S3 = SharedS3.get().client();
    private static String schema;
    private static String bucket;
    private static FakeDms dms;
    private static String taskArn;

    @BeforeAll
    static void setUp() {
        schema = TestDatabases.uniqueName("ecommerce_platform");
        TestDatabases.createSchema(DB, schema);
        TestDatabases.createTable(DB, schema, "customers", 10_000, false);
        TestDatabases.createTable(DB, schema, "products", 5_000, false);
        TestDatabases.createTable(DB, schema, "orders", 8_000, false);
        bucket = SharedS3.newBucket();
        String base = "market-intelligence-hub/" + schema + "/";
        ParquetSpec spec = ParquetSpec.dmsDefaults();
        put(S3, bucket, base + "customers/LOAD00000001.parquet",
                DmsS3Fixtures.parquet(null, DmsS3Fixtures.ids(1, 10_000), 0, spec, 1));
        // one insert and one delete since the full load: net unchanged
        put(S3, bucket, base + "customers/20260116-123456789.parquet",
                DmsS3Fixtures.parquet(List.of("I", "D"), List.of(10_001, 10_001), 0, spec, 2));
        put(S3, bucket, base + "products/LOAD00000001.parquet",
                DmsS3Fixtures.parquet(null, DmsS3Fixtures.ids(1, 5_000), 0, spec, 3));
        put(S3, bucket, base + "products/20260116-123456790.parquet",
                DmsS3Fixtures.parquet(List.of("U"), List.of(42), 0, spec, 4));
        put(S3, bucket, base + "orders/LOAD00000001.parquet",
                DmsS3Fixtures.parquet(null, DmsS3Fixtures.ids(1, 3_000), 0, spec, 5));

        dms = FakeDms.create();
        String instance = dms.createReplicationInstance(b -> b.replicationInstanceIdentifier("guide-instance")
                .replicationInstanceClass("dms.t3.medium")).replicationInstance().replicationInstanceArn();
        String source = dms.createEndpoint(b -> b.endpointIdentifier("guide-mysql")
                .endpointType(ReplicationEndpointTypeValue.SOURCE).engineName("mysql").serverName("127.0.0.1")
                .port(3306).username("root").password("not-used").databaseName(schema)).endpoint().endpointArn();
        String target = dms.createEndpoint(b -> b.endpointIdentifier("guide-raw-bucket")
                .endpointType(ReplicationEndpointTypeValue.TARGET).engineName("s3")
                .s3Settings(s -> s.bucketName(bucket).bucketFolder("market-intelligence-hub")
                        .dataFormat(DataFormatValue.PARQUET)
                        .serviceAccessRoleArn("arn:aws:iam::123456789012:role/dms-s3-access")))
                .endpoint().endpointArn();
        String mappings = """
                {"rules":[{"rule-type":"selection","rule-id":"1","rule-name":"ecommerce","object-locator":
                {"schema-name":"%s","table-name":"%%"},"rule-action":"include"}]}""".formatted(schema);
        taskArn = dms.createReplicationTask(b -> b.replicationTaskIdentifier("guide-task")
                .replicationInstanceArn(instance).sourceEndpointArn(source).targetEndpointArn(target)
                .migrationType(MigrationTypeValue.FULL_LOAD_AND_CDC).tableMappings(mappings))
                .replicationTask().replicationTaskArn();
        // The guide's "Expected Output" of describe-table-statistics, verbatim
        dms.task(taskArn)
                .tableStatistics(schema, "customers", s -> s.inserts(10_000L).updates(0L).deletes(0L)
                        .fullLoadRows(10_000L).tableState("Table completed"))
                .tableStatistics(schema, "products", s -> s.inserts(5_000L).updates(0L).deletes(0L)
                        .fullLoadRows(5_000L).tableState("Table completed"))
                .tableStatistics(schema, "orders", s -> s.fullLoadRows(3_000L).tableState("Full load"));
    }

    @AfterAll
    static void tearDown() {
        TestDatabases.dropSchema(DB, schema, false);
    }

    @Test
    @DisplayName("tables, mappings and the S3 target are read from the task; the guide's tables match, a loading one is PENDING")
    void guideExample() {
        VerificationReport report = Verifier.builder().source(DB).dms(dms).taskArn(taskArn).s3(S3).build()
                .verifyRowCounts();

        TableVerification customers = report.table(schema, "customers").orElseThrow();
        assertThat(customers.status()).isEqualTo(VerificationStatus.MATCH);
        assertThat(customers.sourceRows()).isEqualTo(10_000);
        assertThat(customers.targetRows()).isEqualTo(10_000);
        assertThat(customers.targetLocation())
                .isEqualTo("s3://" + bucket + "/market-intelligence-hub/" + schema + "/customers/");
        DmsTableStatistics stats = customers.dms().orElseThrow();
        assertThat(stats.fullLoadRows()).isEqualTo(10_000);
        assertThat(stats.inserts()).isEqualTo(10_000);
        assertThat(stats.tableState()).isEqualTo("Table completed");
        // the guide's numbers say 10,000 loaded plus 10,000 inserted: the report points out the disagreement
        assertThat(customers.notes()).anyMatch(n -> n.contains("imply 20000 rows"));
        assertThat(report.table(schema, "products").orElseThrow().status()).isEqualTo(VerificationStatus.MATCH);
        assertThat(report.table(schema, "products").orElseThrow().target().orElseThrow().updates()).isEqualTo(1);
        TableVerification orders = report.table(schema, "orders").orElseThrow();
        assertThat(orders.status()).isEqualTo(VerificationStatus.PENDING);
        assertThat(orders.notes()).anyMatch(n -> n.contains("Full load"));
        assertThat(report.toText()).contains("10000/10000/0/0, Table completed");
        assertThat(report.taskArn()).contains(taskArn);
    }

    @Test
    @DisplayName("without a target, DMS table statistics are compared with the source")
    void statisticsOnly() {
        VerificationReport report = Verifier.builder().source(DB).dms(dms).taskArn(taskArn).build()
                .verifyRowCounts();
        TableVerification customers = report.table(schema, "customers").orElseThrow();
        assertThat(customers.targetRows()).isEqualTo(20_000);
        assertThat(customers.status()).isEqualTo(VerificationStatus.MISMATCH);
        assertThat(customers.targetLocation()).startsWith("DMS table statistics");
        List<String> failing = new ArrayList<>();
        report.failures().forEach(f -> failing.add(f.sourceTable()));
        assertThat(failing).containsExactlyInAnyOrder("customers", "products", "orders");
        assertThat(report.table(schema, "products").orElseThrow().status()).isEqualTo(VerificationStatus.MISMATCH);
        assertThat(report.table(schema, "orders").orElseThrow().status()).isEqualTo(VerificationStatus.PENDING);
    }
}
