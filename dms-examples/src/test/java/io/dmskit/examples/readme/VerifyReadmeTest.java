package io.dmskit.examples.readme;

import static io.dmskit.mappings.Rules.include;
import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.core.DmsProvisioner;
import io.dmskit.core.Endpoint;
import io.dmskit.core.Pipeline;
import io.dmskit.core.ReplicationInstance;
import io.dmskit.core.ReplicationTask;
import io.dmskit.core.endpoint.Secret;
import io.dmskit.core.provision.ApplyResult;
import io.dmskit.core.provision.ResourceKind;
import io.dmskit.core.task.MigrationType;
import io.dmskit.mappings.TableMappings;
import io.dmskit.testkit.DmsSandbox;
import io.dmskit.verify.CdcProbeResult;
import io.dmskit.verify.TaskProgress;
import io.dmskit.verify.VerificationReport;
import io.dmskit.verify.Verifier;
import io.dmskit.verify.report.Tolerance;
import io.dmskit.verify.target.S3Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mariadb.jdbc.MariaDbDataSource;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * dms-verify/README.md's examples, run as written on the sandbox with the local replication engine, replicating
 * a schema of the local MariaDB: the counts by task ARN, the three ways to describe the target, and the CDC probe
 * ({@code createTableIfMissing(true)}) by hand.
 */
class VerifyReadmeTest {

    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String LOGIN = "dmsv" + SUFFIX;
    private static final String PASSWORD = "pw-" + SUFFIX;

    @RegisterExtension
    DmsSandbox sandbox = DmsSandbox.builder().withLocalReplicationEngine().build();

    private final String schema = "verify" + SUFFIX;
    private MariaDbDataSource root;

    @BeforeEach
    void source() throws SQLException {
        root = new MariaDbDataSource("jdbc:mariadb://127.0.0.1:3306/?user=root");
        sql("CREATE DATABASE " + schema,
                "CREATE TABLE " + schema + ".orders (id INT PRIMARY KEY, item VARCHAR(20))",
                "INSERT INTO " + schema + ".orders VALUES (1, 'apple'), (2, 'pear'), (3, 'plum')",
                "CREATE TABLE " + schema + ".customers (id INT PRIMARY KEY, name VARCHAR(20))",
                "INSERT INTO " + schema + ".customers VALUES (1, 'Ada')",
                "CREATE USER '" + LOGIN + "'@'%' IDENTIFIED BY '" + PASSWORD + "'",
                "GRANT SELECT, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO '" + LOGIN + "'@'%'");
    }

    @AfterEach
    void drop() throws Exception {
        sql("DROP DATABASE IF EXISTS " + schema, "DROP USER IF EXISTS '" + LOGIN + "'@'%'");
        Files.deleteIfExists(Path.of("dmskit-report.html"));
        Files.deleteIfExists(Path.of("dmskit-report-cdc.html"));
    }

    @Test
    void readmeExamplesRunOnTheLocalEngine() throws Exception {
        DatabaseMigrationClient dmsClient = sandbox.dms();
        S3Client s3Client = sandbox.s3();
        DataSource mysqlDataSource = root;
        DataSource dataSource = root;
        String role = "arn:aws:iam::123456789012:role/dms-s3";
        TableMappings mappings = TableMappings.builder().rule(include(schema, "%")).build();
        String mappingsJson = mappings.toJson();
        Endpoint mysql = Endpoint.mariadb("mysql-source").source().serverName("127.0.0.1").port(3306)
                .password(LOGIN, Secret.of(PASSWORD)).build();
        Pipeline pipeline = Pipeline.builder("orders")
                .instance(ReplicationInstance.of("dms-small", i -> i.instanceClass("dms.t3.medium")))
                .endpoint(mysql)
                .endpoint(Endpoint.s3("raw-zone").s3Settings(s -> s.bucketName("raw").bucketFolder("hub")
                        .cdcMaxBatchInterval(1).serviceAccessRoleArn(role)).build())
                .task("orders-to-s3", t -> t.source("mysql-source").target("raw-zone").replicationInstance("dms-small")
                        .migrationType(MigrationType.FULL_LOAD_AND_CDC).tableMappings(mappings))
                .build();
        s3Client.createBucket(b -> b.bucket("raw"));

        // region readme:verify-sources
        // 1. From the task ARN: DescribeReplicationTasks -> table mappings + TargetEndpointArn,
        //    DescribeEndpoints -> S3Settings (escaped delimiters unescaped) -> S3OutputSettings.forReading, plus table
        //    statistics. Settings that only steer the writer (file sizes, batch intervals, unknown partition or
        //    compression values) never stop a count; only an unreadable target (no bucket, unknown DataFormat) fails.
        //    The task ARN is in what the provisioner returned, under the identifier you gave ReplicationTask.of(..):
        ApplyResult applied = DmsProvisioner.builder().dms(dmsClient).build().apply(pipeline);
        Verifier.builder().source(mysqlDataSource).s3(s3Client).dms(dmsClient).task(applied, "orders-to-s3")
                .build().verifyRowCounts();
        //    the same by hand: .taskArn(applied.arn(ResourceKind.REPLICATION_TASK, "orders-to-s3")); an identifier the
        //    apply result does not hold is refused at build(), naming the tasks it does hold.

        // 2. From the dms-core definitions you gave the provisioner (no DMS call needed; add .dms(..).taskArn(..) for
        //    DMS's table statistics):
        Endpoint rawZone = Endpoint.s3("raw-zone").s3Settings(s -> s.bucketName("raw").bucketFolder("hub")
                .serviceAccessRoleArn(role)).build();
        ReplicationTask ordersToS3 = ReplicationTask.of("orders-to-s3", t -> t.source(mysql).target(rawZone)
                .replicationInstance("dms-small").migrationType(MigrationType.FULL_LOAD_AND_CDC).tableMappings(mappings));
        Verifier.builder().source(mysqlDataSource).s3(s3Client).task(ordersToS3, rawZone).build().verifyRowCounts();
        //    or only the endpoint:  .tableMappings(mappings).target(rawZone)
        // endregion

        String taskArn = applied.arn(ResourceKind.REPLICATION_TASK, "orders-to-s3");
        DmsProvisioner.builder().dms(dmsClient).build().start(pipeline);
        {
            // region readme:verify-wait
            Verifier verifier = Verifier.builder().source(mysqlDataSource).s3(s3Client).dms(dmsClient)
                    .task(applied, "orders-to-s3")
                    .pollInterval(Duration.ofSeconds(15))          // default 15 s
                    .build();

            TaskProgress loaded = verifier.awaitFullLoad(Duration.ofHours(1));        // task still RUNNING afterwards
            verifier.verifyWhenCaughtUp(Duration.ofMinutes(10)).assertAllMatch();     // waits out CDC lag, then asserts exactly
            verifier.verifyRowCounts().assertNoMismatch();                            // or: once, accepting PENDING tables
            // endregion
            assertThat(loaded.tablesErrored()).isZero();
        }

        // region readme:verify-counts
        VerificationReport report = Verifier.builder()
                .source(mysqlDataSource)                       // any javax.sql.DataSource (MySQL/MariaDB, PostgreSQL)
                .dms(dmsClient).taskArn(taskArn)               // table mappings + table statistics + S3 target from the task
                .s3(s3Client)
                .build()
                .verifyRowCounts();

        System.out.println(report.toText());                   // terminal table
        report.writeHtml(Path.of("dmskit-report.html"));       // one offline page, chart + statuses (+ probe timeline)
        String json = report.toJson();                         // stable, versioned schema (below)
        report.assertAllMatch();                               // AssertionError naming every failing table
        // endregion

        // region readme:verify-by-hand
        Verifier verifier = Verifier.builder()
                .source(dataSource)
                .tableMappings(TableMappings.fromJson(mappingsJson))   // or .tableMappings(jsonString) or .tables(SourceTable.of(..))
                .s3(s3Client)
                .target(S3Target.builder().bucket("raw").bucketFolder("hub").build())   // CSV unless .dataFormat(..);
                                                               // or S3Target.of(S3OutputSettings), JdbcTarget.of(..)
                .tolerance(Tolerance.rows(10))                 // allow CDC lag on a live source
                .build();
        CdcProbeResult probe = verifier.probeCdc(o -> o.schema(schema).createTableIfMissing(true)
                .timeout(Duration.ofMinutes(5)));
        probe.assertSucceeded();
        verifier.verifyRowCounts().withProbe(probe).writeHtml(Path.of("dmskit-report-cdc.html"));
        // endregion

        assertThat(report.allMatch()).isTrue();
        assertThat(report.tables()).hasSize(2);          // orders, customers (the probe table came later)
        assertThat(probe.succeeded()).isTrue();
        assertThat(Path.of("dmskit-report-cdc.html")).exists();
        DmsProvisioner.builder().dms(dmsClient).build().stop(pipeline);
    }

    private void sql(String... statements) throws SQLException {
        try (Connection c = root.getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
