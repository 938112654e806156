package io.dmskit.examples;

import static io.dmskit.mappings.FilterCondition.eq;
import static io.dmskit.mappings.Rules.column;
import static io.dmskit.mappings.Rules.exclude;
import static io.dmskit.mappings.Rules.include;
import static io.dmskit.mappings.Rules.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.core.DmsProvisioner;
import io.dmskit.core.Endpoint;
import io.dmskit.core.Pipeline;
import io.dmskit.core.ReplicationInstance;
import io.dmskit.core.endpoint.DatePartitionDelimiter;
import io.dmskit.core.endpoint.DatePartitionSequence;
import io.dmskit.core.endpoint.ParquetVersion;
import io.dmskit.core.endpoint.S3CompressionType;
import io.dmskit.core.endpoint.S3DataFormat;
import io.dmskit.core.endpoint.Secret;
import io.dmskit.core.provision.ApplyResult;
import io.dmskit.core.task.MigrationType;
import io.dmskit.mappings.TableMappings;
import io.dmskit.model.s3.parquet.ParquetFooter;
import io.dmskit.model.s3.parquet.ParquetReader;
import io.dmskit.testkit.DmsSandbox;
import io.dmskit.verify.CdcProbeResult;
import io.dmskit.verify.VerificationReport;
import io.dmskit.verify.Verifier;
import io.dmskit.verify.report.TableVerification;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mariadb.jdbc.MariaDbDataSource;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * What a new user's tenant application does (issue 16), end to end on the local engine and the local MariaDB: a
 * managed secret, a gzip Parquet target with the Op column, a timestamp column and date partitions under a bucket
 * folder, and mappings that exclude a table, filter one on a column that is then removed, rename two tables and a
 * column and remove another column; counts through full load and CDC, and the dms-verify README's probe as written.
 */
@DisplayName("A tenant's lake pipeline: rename + filter + removed columns + Parquet + date partitions, engine to verifier")
class TenantLakeTest {

    private final String tenant = "tl" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private final String login = "dms" + tenant;
    private final String password = "pw-" + tenant;
    private final String bucket = tenant + "-lake";            // test classes run in parallel on one LocalS3

    @RegisterExtension
    DmsSandbox sandbox = DmsSandbox.builder().withLocalReplicationEngine().build();

    private MariaDbDataSource source;

    private static TableMappings mappings(String schema) {
        return TableMappings.builder()
                .rule(include(schema, "%"))
                .rule(exclude(schema, "audit[_]log"))
                .rule(include(schema, "orders").where("region", eq("EU")))
                .rule(table(schema, "customers").rename("clients"))
                .rule(table(schema, "orders").rename("sales"))
                .rule(column(schema, "customers", "email").removeColumn())
                .rule(column(schema, "orders", "region").removeColumn())          // the filter's own column
                .rule(column(schema, "customers", "name").rename("full_name"))
                .build();
    }

    private Pipeline pipeline() {
        return Pipeline.builder(tenant)
                .instance(ReplicationInstance.builder(tenant + "-dms").instanceClass("dms.t3.medium"))
                .endpoint(Endpoint.mariadb(tenant + "-source").source().serverName("127.0.0.1").port(3306)
                        .managedSecret("tenants/" + tenant + "/source", "arn:aws:iam::123456789012:role/dms-secrets",
                                login, Secret.of(password)))
                .endpoint(Endpoint.s3(tenant + "-lake").target()
                        .s3Settings(s -> s.bucketName(bucket).bucketFolder("tenants/" + tenant)
                                .serviceAccessRoleArn("arn:aws:iam::123456789012:role/dms-s3")
                                .dataFormat(S3DataFormat.PARQUET).parquetVersion(ParquetVersion.PARQUET_2_0)
                                .compressionType(S3CompressionType.GZIP).includeOpForFullLoad(true)
                                .timestampColumnName("dms_commit_ts")
                                .datePartitionEnabled(true).datePartitionSequence(DatePartitionSequence.YYYYMMDD)
                                .datePartitionDelimiter(DatePartitionDelimiter.SLASH)
                                .cdcMaxBatchInterval(1)))
                .task(tenant + "-to-lake", t -> t.source(tenant + "-source").target(tenant + "-lake")
                        .replicationInstance(tenant + "-dms").migrationType(MigrationType.FULL_LOAD_AND_CDC)
                        .tableMappings(mappings(tenant)))
                .build();
    }

    @BeforeEach
    void sourceDatabase() throws SQLException {
        source = new MariaDbDataSource("jdbc:mariadb://127.0.0.1:3306/?user=root");
        String s = tenant;
        sql("CREATE DATABASE " + s,
                "CREATE TABLE " + s + ".customers (id INT PRIMARY KEY, name VARCHAR(50), email VARCHAR(80), created DATE)",
                "CREATE TABLE " + s + ".orders (id INT PRIMARY KEY, customer_id INT, region CHAR(2), total DECIMAL(10,2))",
                "CREATE TABLE " + s + ".audit_log (id INT PRIMARY KEY, line VARCHAR(200))",
                "INSERT INTO " + s + ".customers VALUES (1,'Ada','ada@x.org','2024-01-02'),(2,'Grace','g@x.org',NULL),"
                        + "(3,'Linus','l@x.org','2024-03-04')",
                "INSERT INTO " + s + ".orders VALUES (10,1,'EU',9.90),(11,1,'US',20.00),(12,2,'EU',5.25),(13,3,'AP',1.00),"
                        + "(14,3,'EU',7.00)",
                "INSERT INTO " + s + ".audit_log VALUES (1,'not replicated')",
                "CREATE USER '" + login + "'@'%' IDENTIFIED BY '" + password + "'",
                "GRANT SELECT, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO '" + login + "'@'%'");
    }

    @AfterEach
    void dropSourceDatabase() throws SQLException {
        sql("DROP DATABASE IF EXISTS " + tenant, "DROP USER IF EXISTS '" + login + "'@'%'");
    }

    @Test
    @DisplayName("counts match through full load and CDC; Parquet columns follow the mappings; CDC files sit in date "
            + "folders; the README's probe succeeds")
    void tenantLakeReplicatesAndVerifies() throws Exception {
        sandbox.s3().createBucket(b -> b.bucket(bucket));
        try (DmsProvisioner dms = DmsProvisioner.builder().dms(sandbox.dms()).secrets(sandbox.secrets())
                .pollInterval(Duration.ofMillis(100)).build()) {
            ApplyResult applied = dms.apply(pipeline());
            dms.start(pipeline());
            Verifier verifier = Verifier.builder().source(source).s3(sandbox.s3()).dms(sandbox.dms())
                    .task(applied, tenant + "-to-lake").pollInterval(Duration.ofMillis(200)).build();

            verifier.awaitFullLoad(Duration.ofSeconds(60));
            VerificationReport loaded = verifier.verifyWhenCaughtUp(Duration.ofSeconds(60));
            loaded.assertAllMatch();
            assertThat(loaded.tables()).extracting(TableVerification::targetTable)
                    .containsExactlyInAnyOrder("clients", "sales");              // audit_log excluded
            assertThat(loaded.table(tenant, "orders").orElseThrow().sourceRowCount()).hasValue(3);   // EU only
            assertThat(columns("clients/LOAD00000001.parquet"))
                    .containsExactly("Op", "dms_commit_ts", "id", "full_name", "created");
            assertThat(columns("sales/LOAD00000001.parquet"))
                    .containsExactly("Op", "dms_commit_ts", "id", "customer_id", "total");
            assertThat(ParquetReader.readRows(object("sales/LOAD00000001.parquet"))).hasSize(3);

            sql("INSERT INTO " + tenant + ".orders VALUES (15,1,'EU',3.00),(16,2,'US',4.00)",
                    "UPDATE " + tenant + ".customers SET name='Ada L.' WHERE id=1",
                    "DELETE FROM " + tenant + ".customers WHERE id=3",
                    "INSERT INTO " + tenant + ".audit_log VALUES (2,'still not replicated')");
            VerificationReport afterCdc = verifier.verifyWhenCaughtUp(Duration.ofSeconds(60));
            afterCdc.assertAllMatch();
            assertThat(afterCdc.table(tenant, "orders").orElseThrow().sourceRowCount()).hasValue(4);
            assertThat(afterCdc.table(tenant, "customers").orElseThrow().targetCount().orElseThrow().deletes())
                    .isEqualTo(1);
            List<String> cdcKeys = keys().stream().filter(k -> !k.contains("/LOAD")).toList();
            assertThat(cdcKeys).isNotEmpty().allMatch(k -> k.matches("tenants/" + tenant + "/" + tenant
                    + "/(clients|sales)/\\d{4}/\\d{2}/\\d{2}/\\d{8}-\\d{9}\\.parquet"), "CDC Parquet in date folders");

            CdcProbeResult probe = verifier.probeCdc(o -> o.schema(tenant).createTableIfMissing(true)
                    .timeout(Duration.ofMinutes(5)));
            probe.assertSucceeded();
            verifier.verifyRowCounts().withProbe(probe).assertAllMatch();
        }
    }

    private byte[] object(String underSchema) {
        return sandbox.s3().getObjectAsBytes(b -> b.bucket(bucket).key("tenants/" + tenant + "/" + tenant + "/"
                + underSchema)).asByteArray();
    }

    private List<String> columns(String underSchema) {
        return ParquetReader.readFooter(object(underSchema)).leaves().stream().map(ParquetFooter.Leaf::path).toList();
    }

    private List<String> keys() {
        return sandbox.s3().listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().map(S3Object::key)
                .toList();
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
