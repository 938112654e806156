package io.dmskit.observe;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.core.provision.Sleeper;
import io.dmskit.testkit.DmsSandbox;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * Snapshot values against a task the local engine really replicates (the shared MariaDB into the sandbox's LocalS3),
 * with FakeDms publishing the engine's statistics and CDC latency as AWS/DMS metrics into FakeCloudWatch.
 */
class EngineSnapshotTest {

    @RegisterExtension
    DmsSandbox sandbox = DmsSandbox.builder().withLocalReplicationEngine().build();

    private final String schema = "obs_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final MariaDbDataSource source = mariadb();

    private static MariaDbDataSource mariadb() {
        try {
            MariaDbDataSource ds = new MariaDbDataSource();
            ds.setUrl(System.getenv().getOrDefault("DMSKIT_MYSQL_URL", "jdbc:mariadb://127.0.0.1:3306/test?user=root"));
            return ds;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void sql(String... statements) {
        try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
            for (String q : statements) {
                s.execute(q);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void drop() {
        sql("DROP DATABASE IF EXISTS " + schema);
    }

    /** Waits in real time for the engine (the virtual clock does not move the engine). */
    private static void await(String what, BooleanSupplier done) {
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(end);
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    @Test
    void snapshotShowsTheEnginesProgressTablesAndCdcMetrics() throws Exception {
        sql("CREATE DATABASE " + schema, "CREATE TABLE " + schema + ".orders (id INT PRIMARY KEY, note VARCHAR(40))");
        StringBuilder rows = new StringBuilder("INSERT INTO " + schema + ".orders VALUES ");
        for (int i = 1; i <= 20; i++) {
            rows.append(i > 1 ? "," : "").append("(").append(i).append(",'n").append(i).append("')");
        }
        sql(rows.toString());
        String task = startTask();

        // sensors poll each virtual minute; each pause also lets the engine run for 100 ms of real time
        Sleeper sleeper = d -> {
            sandbox.clock().advance(d);
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        };
        DmsObserver observer = DmsObserver.builder().dms(sandbox.dms()).cloudWatch(sandbox.cloudWatch())
            .clock(sandbox.clock()).sleeper(sleeper).pollInterval(Duration.ofMinutes(1)).build();

        TaskSnapshot loaded = observer.sensor(task).timeout(Duration.ofHours(2)).untilFullLoadComplete();
        assertThat(loaded.tablesLoaded()).isEqualTo(1);
        assertThat(loaded.fullLoadProgressPercent()).isEqualTo(100);

        sql("INSERT INTO " + schema + ".orders VALUES (21,'a'),(22,'b'),(23,'c')",
            "UPDATE " + schema + ".orders SET note='x' WHERE id=1");
        await("the CDC changes in the table statistics", () -> observer.snapshot(task).tables().stream()
            .anyMatch(t -> t.inserts() == 3 && t.updates() == 1));
        TaskSnapshot caughtUp = observer.sensor(task).timeout(Duration.ofHours(1))
            .untilCdcLatencyBelow(Duration.ofSeconds(60), 2);
        sandbox.clock().advance(Duration.ofMinutes(1));

        TaskSnapshot s = observer.snapshot(task);
        assertThat(s.statusText()).isEqualTo("running");
        assertThat(s.instanceIdentifier()).contains("obs-ri");
        TableState orders = s.tables().get(0);
        assertThat(orders.name()).isEqualTo(schema + ".orders");
        assertThat(orders.state()).isEqualTo("Table completed");
        assertThat(List.of(orders.fullLoadRows(), orders.inserts(), orders.updates())).containsExactly(20L, 3L, 1L);
        assertThat(s.metrics().cdcLatencySource()).isPresent();
        assertThat(s.metrics().cdcLatencyTarget()).isPresent();
        assertThat(s.metrics().cdcLatencyTarget().get()).isLessThan(Duration.ofSeconds(60));
        assertThat(s.metrics().cdcIncomingChanges()).isPresent();
        assertThat(caughtUp.metrics().values()).containsKeys(DmsMetrics.CDC_THROUGHPUT_ROWS_TARGET);
        MetricValues health = observer.instanceHealth("obs-ri");
        assertThat(health.cpuUtilization()).isPresent();
        assertThat(health.freeableMemory().orElseThrow()).isPositive();
        assertThat(health.freeStorageSpace().orElseThrow()).isPositive();
        assertThat(health.swapUsage()).isPresent();
        assertThat(s.render()).contains("CDCLatencyTarget");
    }

    private String startTask() throws Exception {
        var dms = sandbox.dms();
        String url = source.getUrl();
        java.net.URI uri = java.net.URI.create(url.substring("jdbc:".length()));
        String user = url.replaceAll(".*user=([^&]*).*", "$1");
        String password = url.contains("password=") ? url.replaceAll(".*password=([^&]*).*", "$1") : "";
        String bucket = schema.replace('_', '-');
        sandbox.s3().createBucket(b -> b.bucket(bucket));
        String instance = dms.createReplicationInstance(b -> b.replicationInstanceIdentifier("obs-ri")
            .replicationInstanceClass("dms.t3.medium")).replicationInstance().replicationInstanceArn();
        String secret = sandbox.secrets().seedDatabaseSecret("dms/obs-source", uri.getHost(),
            uri.getPort() < 0 ? 3306 : uri.getPort(), user, password);
        String src = dms.createEndpoint(b -> b.endpointIdentifier("obs-src").endpointType("source")
            .engineName("mariadb").mySQLSettings(m -> m.secretsManagerSecretId(secret)
                .secretsManagerAccessRoleArn("arn:aws:iam::123456789012:role/sm"))).endpoint().endpointArn();
        String tgt = dms.createEndpoint(b -> b.endpointIdentifier("obs-dst").endpointType("target").engineName("s3")
            .s3Settings(s -> s.bucketName(bucket).bucketFolder("raw").cdcMaxBatchInterval(1)
                .serviceAccessRoleArn("arn:aws:iam::123456789012:role/s3"))).endpoint().endpointArn();
        dms.waiter().waitUntilReplicationInstanceAvailable(b -> b.filters(
            f -> f.name("replication-instance-arn").values(instance)));
        String mappings = "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"1\","
            + "\"object-locator\":{\"schema-name\":\"" + schema + "\",\"table-name\":\"%\"},"
            + "\"rule-action\":\"include\"}]}";
        String task = dms.createReplicationTask(b -> b.replicationTaskIdentifier("obs-task")
            .migrationType("full-load-and-cdc").replicationInstanceArn(instance).sourceEndpointArn(src)
            .targetEndpointArn(tgt).tableMappings(mappings)).replicationTask().replicationTaskArn();
        dms.waiter().waitUntilReplicationTaskReady(b -> b.filters(f -> f.name("replication-task-arn").values(task)));
        dms.startReplicationTask(b -> b.replicationTaskArn(task).startReplicationTaskType("start-replication"));
        return task;
    }
}
