package io.dmskit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.testkit.DmsSandbox;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.TableStatistics;

/**
 * The user: a test class with {@code DmsSandbox.withLocalReplicationEngine()} whose {@code @AfterEach} drops
 * the source schema while a full-load-and-cdc task is still running (the shared MariaDB has the binlog off: the
 * engine polls, which is where a vanished table used to be retried with WARN lines).
 */
@DisplayName("DmsSandbox teardown with the local engine")
class SandboxTeardownTest {

    @RegisterExtension
    @Order(1)
    static final WarningLog WARNINGS = new WarningLog();

    @RegisterExtension
    @Order(2)
    DmsSandbox sandbox = DmsSandbox.builder().withLocalReplicationEngine().build();

    private final String schema = "eng_teardown_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    private String task;

    @BeforeEach
    void sourceSchema() {
        Databases.mysql("CREATE DATABASE " + schema, "CREATE TABLE " + schema + ".orders (id INT PRIMARY KEY, item VARCHAR(20))",
                "INSERT INTO " + schema + ".orders VALUES (1, 'apple')");
    }

    @AfterEach
    void dropSourceSchema() {
        if (task != null) {
            // replication stopped right after the test method: a change made now is not captured any more
            Databases.mysql("INSERT INTO " + schema + ".orders VALUES (99, 'after the test')");
            Await.holdsFor("no insert is counted after the test method", Duration.ofSeconds(1),
                    () -> inserts() == 1L, () -> String.valueOf(stats("orders")));
        }
        Databases.mysql("DROP DATABASE IF EXISTS " + schema);
        // a capture still running would poll the vanished table several times meanwhile
        Await.holdsFor("no engine warning after the source schema is dropped", Duration.ofSeconds(1),
                () -> WARNINGS.engineWarnings().isEmpty(), () -> String.valueOf(WARNINGS.engineWarnings()));
    }

    /** @return the CDC inserts counted for orders, -1 before its statistics exist */
    private long inserts() {
        TableStatistics t = stats("orders");
        return t == null || t.inserts() == null ? -1 : t.inserts();
    }

    private void startTask() {
        URI jdbc = URI.create(Databases.MYSQL_URL.substring("jdbc:".length()));
        Databases.Server server = Databases.mysql();
        String secret = sandbox.secrets().seedDatabaseSecret("dms/src", jdbc.getHost(),
                jdbc.getPort() < 0 ? 3306 : jdbc.getPort(), server.user(), server.password());
        sandbox.s3().createBucket(b -> b.bucket(schema.replace('_', '-')));
        DatabaseMigrationClient dms = sandbox.dms();
        String instance = dms.createReplicationInstance(b -> b.replicationInstanceIdentifier("ri")
                .replicationInstanceClass("dms.t3.medium")).replicationInstance().replicationInstanceArn();
        String source = dms.createEndpoint(b -> b.endpointIdentifier("src").endpointType("source").engineName("mariadb")
                .mySQLSettings(m -> m.secretsManagerSecretId(secret)
                        .secretsManagerAccessRoleArn("arn:aws:iam::123456789012:role/sm"))).endpoint().endpointArn();
        String target = dms.createEndpoint(b -> b.endpointIdentifier("dst").endpointType("target").engineName("s3")
                .s3Settings(s -> s.bucketName(schema.replace('_', '-')).cdcMaxBatchInterval(0)
                        .serviceAccessRoleArn("arn:aws:iam::123456789012:role/s3"))).endpoint().endpointArn();
        dms.waiter().waitUntilReplicationInstanceAvailable(b -> b.filters(
                f -> f.name("replication-instance-arn").values(instance)));
        task = dms.createReplicationTask(b -> b.replicationTaskIdentifier("teardown").migrationType("full-load-and-cdc")
                .replicationInstanceArn(instance).sourceEndpointArn(source).targetEndpointArn(target)
                .tableMappings("{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"1\","
                        + "\"object-locator\":{\"schema-name\":\"" + schema + "\",\"table-name\":\"%\"},"
                        + "\"rule-action\":\"include\"}]}")).replicationTask().replicationTaskArn();
        dms.waiter().waitUntilReplicationTaskReady(b -> b.filters(f -> f.name("replication-task-arn").values(task)));
        dms.startReplicationTask(b -> b.replicationTaskArn(task).startReplicationTaskType("start-replication"));
        Await.until("the full load", Duration.ofSeconds(30), () -> stats("orders") != null
                && "Table completed".equals(stats("orders").tableState()), () -> String.valueOf(stats("orders")));
        Databases.mysql("INSERT INTO " + schema + ".orders VALUES (2, 'pear')");
        Await.until("CDC to capture an insert", Duration.ofSeconds(30), () -> inserts() == 1L,
                () -> String.valueOf(stats("orders")));
    }

    @Test
    @DisplayName("replication stops before @AfterEach, so dropping the source schema there logs no engine WARN")
    void afterEachDropsTheSourceSchema() {
        startTask();
        assertThat(status()).isEqualTo("running");
    }

    @Test
    @DisplayName("a source table dropped while the task runs ends its capture quietly; the task keeps running")
    void tableDroppedDuringCdc() {
        Databases.mysql("CREATE TABLE " + schema + ".extra (id INT PRIMARY KEY)");
        startTask();
        Databases.mysql("DROP TABLE " + schema + ".extra");
        Await.until("the dropped table's capture to end", Duration.ofSeconds(15), () -> stats("extra") != null
                && "Table does not exist".equals(stats("extra").tableState()), () -> String.valueOf(stats("extra")));
        Await.holdsFor("the task keeps running without engine warnings", Duration.ofSeconds(1),
                () -> "running".equals(status()) && WARNINGS.engineWarnings().isEmpty(), () -> String.valueOf(WARNINGS.engineWarnings()));
        assertThat(status()).isEqualTo("running");
        assertThat(WARNINGS.engineWarnings()).isEmpty();
    }

    private TableStatistics stats(String table) {
        List<TableStatistics> all = sandbox.dms().describeTableStatistics(b -> b.replicationTaskArn(task)).tableStatistics();
        return all.stream().filter(t -> t.tableName().equals(table)).findFirst().orElse(null);
    }

    private String status() {
        return sandbox.dms().describeReplicationTasks(b -> b.filters(f -> f.name("replication-task-arn").values(task)))
                .replicationTasks().get(0).status();
    }
}
