package io.dmskit.examples.readme;

import static io.dmskit.mappings.Rules.exclude;
import static io.dmskit.mappings.Rules.include;
import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.core.DmsProvisioner;
import io.dmskit.core.Endpoint;
import io.dmskit.core.Pipeline;
import io.dmskit.core.ReplicationInstance;
import io.dmskit.core.endpoint.Secret;
import io.dmskit.core.provision.ApplyResult;
import io.dmskit.core.provision.Plan;
import io.dmskit.core.provision.ResourceKind;
import io.dmskit.core.task.MigrationType;
import io.dmskit.mappings.TableMappings;
import io.dmskit.testkit.DmsSandbox;
import io.dmskit.verify.CdcProbeResult;
import io.dmskit.verify.VerificationReport;
import io.dmskit.verify.Verifier;
import io.dmskit.verify.report.TableVerification;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mariadb.jdbc.MariaDbDataSource;

// region readme:first-hour-test
class FirstHourTest {

    // unique per run: several builds may share one MariaDB server
    static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8).replace("-", "");
    static final String SCHEMA = "shop" + SUFFIX;
    static final String LOGIN = "dms" + SUFFIX;
    static final String PASSWORD = "pw-" + SUFFIX;

    @RegisterExtension
    DmsSandbox sandbox = DmsSandbox.builder().withLocalReplicationEngine().build();   // FakeDms + LocalS3 + engine

    MariaDbDataSource source;

    /** What you would put in src/main: the pipeline, from a schema name and a login. */
    static Pipeline shopPipeline(String schema, String login, Secret password) {
        TableMappings mappings = TableMappings.builder()
                .rule(include(schema, "%"))
                .rule(exclude(schema, "audit[_]%"))          // [_]: a literal underscore
                .build();
        return Pipeline.builder("shop")
                .instance(ReplicationInstance.of("shop-dms", i -> i.instanceClass("dms.t3.medium")))
                .endpoint(Endpoint.mariadb("shop-source").source().serverName("127.0.0.1").port(3306)
                        .managedSecret("shop/source", "arn:aws:iam::123456789012:role/dms-secrets", login, password)
                        .build())
                .endpoint(Endpoint.s3("lake").target()
                        .s3Settings(s -> s.bucketName("lake").bucketFolder("raw").cdcMaxBatchInterval(1)
                                .serviceAccessRoleArn("arn:aws:iam::123456789012:role/dms-s3"))
                        .build())
                .task("shop-to-lake", t -> t.source("shop-source").target("lake").replicationInstance("shop-dms")
                        .migrationType(MigrationType.FULL_LOAD_AND_CDC).tableMappings(mappings))
                .build();
    }

    @BeforeEach
    void sourceDatabase() throws SQLException {
        source = new MariaDbDataSource("jdbc:mariadb://127.0.0.1:3306/?user=root");
        sql("CREATE DATABASE " + SCHEMA,
                "CREATE TABLE " + SCHEMA + ".customers (id INT PRIMARY KEY, name VARCHAR(50))",
                "CREATE TABLE " + SCHEMA + ".orders (id INT PRIMARY KEY, customer_id INT, total DECIMAL(10,2))",
                "CREATE TABLE " + SCHEMA + ".audit_log (id INT PRIMARY KEY, line VARCHAR(200))",
                "INSERT INTO " + SCHEMA + ".customers VALUES (1, 'Ada'), (2, 'Grace')",
                "INSERT INTO " + SCHEMA + ".orders VALUES (10, 1, 9.90), (11, 1, 20.00), (12, 2, 5.25)",
                "INSERT INTO " + SCHEMA + ".audit_log VALUES (1, 'not replicated')",
                // the login DMS uses: read the tables and the binary log
                "CREATE USER '" + LOGIN + "'@'%' IDENTIFIED BY '" + PASSWORD + "'",
                "GRANT SELECT, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO '" + LOGIN + "'@'%'");
    }

    @AfterEach
    void dropSourceDatabase() throws SQLException {
        sql("DROP DATABASE IF EXISTS " + SCHEMA, "DROP USER IF EXISTS '" + LOGIN + "'@'%'");
    }

    @Test
    void shopReplicatesToTheLakeAndCdcIsSeen() throws Exception {
        Pipeline pipeline = shopPipeline(SCHEMA, LOGIN, Secret.of(PASSWORD));
        sandbox.s3().createBucket(b -> b.bucket("lake"));
        try (DmsProvisioner dms = DmsProvisioner.builder().dms(sandbox.dms()).secrets(sandbox.secrets())
                .pollInterval(Duration.ofMillis(100)).build()) {
            Plan plan = dms.plan(pipeline);
            System.out.println(plan.render());              // + instance, 2 endpoints, task; the secret redacted
            assertThat(plan.hasChanges()).isTrue();
            ApplyResult applied = dms.apply(pipeline);
            assertThat(dms.plan(pipeline).hasChanges()).isFalse();   // applied: nothing left to do
            dms.start(pipeline);

            Verifier verifier = Verifier.builder().source(source).s3(sandbox.s3())
                    .dms(sandbox.dms()).task(applied, "shop-to-lake")   // the task ARN from what apply returned
                    .pollInterval(Duration.ofMillis(200)).build();
            verifier.awaitFullLoad(Duration.ofSeconds(60));   // the task stays "running": wait on DMS's own figures
            VerificationReport counts = verifier.verifyWhenCaughtUp(Duration.ofSeconds(60));
            counts.assertAllMatch();                        // source COUNT(*) = rows in S3 = DMS table statistics
            assertThat(counts.tables()).extracting(TableVerification::sourceTable)
                    .containsExactlyInAnyOrder("customers", "orders");   // audit_log excluded

            CdcProbeResult probe = verifier.probeCdc(o -> o.schema(SCHEMA).createTableIfMissing(true)
                    .timeout(Duration.ofSeconds(60)));      // dmskit_probe is created during CDC and captured
            probe.assertSucceeded();                        // insert, update and delete seen in S3
        }                                                   // the sandbox stops replication before @AfterEach
    }

    void sql(String... statements) throws SQLException {
        try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
// endregion
