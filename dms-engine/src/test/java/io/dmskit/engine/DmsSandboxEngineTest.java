package io.dmskit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dmskit.testkit.DmsSandbox;
import io.dmskit.testkit.LocalS3;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;

@DisplayName("DmsSandbox with the local replication engine: rows from MariaDB land in LocalS3")
class DmsSandboxEngineTest {

    private static final String SCHEMA = "dmskit_infra_sandbox";
    private static final String URL = Optional.ofNullable(System.getenv("DMSKIT_MYSQL_URL"))
            .orElse("jdbc:mariadb://127.0.0.1:3306/test?user=root&password=");

    @RegisterExtension
    DmsSandbox sandbox = DmsSandbox.builder().withLocalReplicationEngine().build();

    @BeforeEach
    void sourceTable() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + SCHEMA);
            s.execute("CREATE DATABASE " + SCHEMA);
            s.execute("CREATE TABLE " + SCHEMA + ".orders (id INT PRIMARY KEY, item VARCHAR(20))");
            s.execute("INSERT INTO " + SCHEMA + ".orders VALUES (1,'apple'),(2,'pear'),(3,'plum')");
        }
    }

    @AfterEach
    void dropSource() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + SCHEMA);
        }
    }

    private static Connection connect() {
        try {
            return DriverManager.getConnection(URL);
        } catch (SQLException e) {
            assumeTrue(false, "MariaDB/MySQL is not reachable at " + URL + ": " + e.getMessage());
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("full load and CDC: credentials from the sandbox's secret, rows in its S3, statistics in FakeDms")
    void fullLoadAndCdcThroughTheSandbox() throws SQLException {
        URI jdbc = URI.create(URL.substring("jdbc:".length()));
        String secret = sandbox.secrets().seedDatabaseSecret("dms/mariadb", jdbc.getHost(),
                jdbc.getPort() < 0 ? 3306 : jdbc.getPort(), "root", "");
        sandbox.s3().createBucket(b -> b.bucket("sandbox-landing"));
        DatabaseMigrationClient dms = sandbox.dms();
        String instance = dms.createReplicationInstance(b -> b.replicationInstanceIdentifier("ri")
                .replicationInstanceClass("dms.t3.medium")).replicationInstance().replicationInstanceArn();
        String source = dms.createEndpoint(b -> b.endpointIdentifier("src").endpointType("source")
                .engineName("mariadb").mySQLSettings(m -> m.secretsManagerSecretId(secret)
                        .secretsManagerAccessRoleArn("arn:aws:iam::123456789012:role/sm")))
                .endpoint().endpointArn();
        String target = dms.createEndpoint(b -> b.endpointIdentifier("dst").endpointType("target").engineName("s3")
                .s3Settings(s -> s.bucketName("sandbox-landing").bucketFolder("dms").cdcMaxBatchInterval(1)
                        .serviceAccessRoleArn("arn:aws:iam::123456789012:role/s3")))
                .endpoint().endpointArn();
        dms.waiter().waitUntilReplicationInstanceAvailable(b -> b.filters(
                f -> f.name("replication-instance-arn").values(instance)));
        String task = dms.createReplicationTask(b -> b.replicationTaskIdentifier("load").migrationType("full-load-and-cdc")
                .replicationInstanceArn(instance).sourceEndpointArn(source).targetEndpointArn(target)
                .tableMappings("{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"1\","
                        + "\"object-locator\":{\"schema-name\":\"" + SCHEMA + "\",\"table-name\":\"%\"},"
                        + "\"rule-action\":\"include\"}]}")).replicationTask().replicationTaskArn();
        dms.waiter().waitUntilReplicationTaskReady(b -> b.filters(f -> f.name("replication-task-arn").values(task)));
        dms.startReplicationTask(b -> b.replicationTaskArn(task).startReplicationTaskType("start-replication"));

        Await.until("the full load to finish", Duration.ofSeconds(60),
                () -> describe(dms, task).replicationTaskStats().fullLoadProgressPercent() == 100,
                () -> describe(dms, task).toString());
        assertThat(describe(dms, task).status()).isEqualTo("running");
        LocalS3.Bucket landing = sandbox.localS3().bucket("sandbox-landing");
        String prefix = "dms/" + SCHEMA + "/orders/";
        assertThat(objects(landing, prefix)).contains("apple", "pear", "plum");
        assertThat(dms.describeTableStatistics(b -> b.replicationTaskArn(task)).tableStatistics())
                .singleElement().satisfies(t -> assertThat(t.fullLoadRows()).isEqualTo(3L));

        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO " + SCHEMA + ".orders VALUES (4,'quince')");
        }
        Await.until("the insert to reach S3", Duration.ofSeconds(60),
                () -> objects(landing, prefix).contains("quince"), () -> String.valueOf(landing.keys(prefix)));
        dms.stopReplicationTask(b -> b.replicationTaskArn(task));
        assertThat(sandbox.secrets().calls("GetSecretValue")).isNotEmpty();
    }

    private static String objects(LocalS3.Bucket bucket, String prefix) {
        return String.join("\n", bucket.keys(prefix).stream().map(bucket::getString).toList());
    }

    private static ReplicationTask describe(DatabaseMigrationClient dms, String arn) {
        return dms.describeReplicationTasks(b -> b.filters(f -> f.name("replication-task-arn").values(arn)))
                .replicationTasks().get(0);
    }
}
