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
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;

/**
 * What a user's dashboard code sees through the raw CloudWatch and CloudWatch Logs clients while the local engine
 * replicates a MariaDB table into LocalS3: the AWS/DMS metrics with the engine's real values (full-load throughput,
 * the CDC latency it measured), an alarm on that latency evaluated on the sandbox's clock, and the task log.
 */
@DisplayName("the local engine's task is observable through CloudWatch and CloudWatch Logs")
class CloudWatchObservabilityTest {

    private static final String SCHEMA = "dmskit_obs_cw";

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
            return DriverManager.getConnection(Databases.MYSQL_URL);
        } catch (SQLException e) {
            assumeTrue(false, "MariaDB/MySQL is not reachable at " + Databases.MYSQL_URL + ": " + e.getMessage());
            throw new IllegalStateException(e);
        }
    }

    @Test
    @DisplayName("GetMetricData over the published AWS/DMS metrics, an alarm on CDCLatencyTarget, and the task log")
    void metricsAlarmAndLogs() throws SQLException {
        DatabaseMigrationClient dms = sandbox.dms();
        CloudWatchClient cw = sandbox.cloudWatch();
        CloudWatchLogsClient logs = sandbox.cloudWatchLogs();
        Instant start = sandbox.clock().instant();
        String task = startTask(dms);
        String resourceId = task.substring(task.lastIndexOf(':') + 1);
        List<Dimension> dims = List.of(Dimension.builder().name("ReplicationInstanceIdentifier").value("obs-ri").build(),
                Dimension.builder().name("ReplicationTaskIdentifier").value(resourceId).build());
        cw.putMetricAlarm(b -> b.alarmName("obs-latency").namespace("AWS/DMS").metricName("CDCLatencyTarget")
                .dimensions(dims).statistic("Maximum").period(60).evaluationPeriods(1).threshold(0.0)
                .comparisonOperator("GreaterThanThreshold").treatMissingData("notBreaching"));

        Await.until("the full load to finish", Duration.ofSeconds(60),
                () -> describe(dms, task).replicationTaskStats().fullLoadProgressPercent() == 100,
                () -> describe(dms, task).toString());
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO " + SCHEMA + ".orders VALUES (4,'quince'),(5,'fig')");
        }
        LocalS3.Bucket landing = sandbox.localS3().bucket("obs-landing");
        Await.until("the inserts to reach S3", Duration.ofSeconds(60), () -> landing.keys("dms/" + SCHEMA + "/orders/")
                .stream().map(landing::getString).anyMatch(o -> o.contains("quince")));
        Await.until("the engine to report the CDC latency of the applied batch", Duration.ofSeconds(30),
                () -> !query(cw, start, dims, "CDCLatencyTarget", "Maximum").values().isEmpty());

        MetricDataResult target = query(cw, start, dims, "CDCLatencyTarget", "Maximum");
        MetricDataResult source = query(cw, start, dims, "CDCLatencySource", "Maximum");
        MetricDataResult fullLoad = query(cw, start, dims, "FullLoadThroughputRowsTarget", "Maximum");
        MetricDataResult cdcRows = query(cw, start, dims, "CDCThroughputRowsTarget", "Maximum");
        // polling capture (binlog is off here): a change's source latency starts when it is detected; the target
        // latency is the real time from reading it to the S3 batch being written (CdcMaxBatchInterval 1 s)
        assertThat(target.values()).singleElement().satisfies(v -> assertThat(v).isGreaterThan(0.0).isLessThan(60.0));
        assertThat(source.values()).singleElement().satisfies(v -> assertThat(v).isBetween(0.0, 60.0));
        assertThat(fullLoad.values()).singleElement().satisfies(v -> assertThat(v).isGreaterThan(0.0));
        assertThat(cdcRows.values()).singleElement().satisfies(v -> assertThat(v).isGreaterThan(0.0));

        sandbox.clock().advance(Duration.ofSeconds(60));
        assertThat(cw.describeAlarms(b -> b.alarmNames("obs-latency")).metricAlarms().get(0).stateValue())
                .isEqualTo(StateValue.ALARM);

        List<String> lines = logs.getLogEvents(b -> b.logGroupName("dms-tasks-obs-ri")
                .logStreamName("dms-task-" + resourceId).startFromHead(true)).events().stream()
                .map(OutputLogEvent::message).toList();
        assertThat(String.join("\n", lines)).contains(
                "[TASK_MANAGER    ]I:  Task '" + resourceId + "' running full load and CDC in fresh start mode",
                "[TASK_MANAGER    ]I:  Load finished for table '" + SCHEMA + "'.'orders' (Id = 1) by subtask 1. 3"
                        + " records transferred.",
                "[TASK_MANAGER    ]I:  All tables are loaded",
                "[SOURCE_CAPTURE  ]I:  Capturing changes of 1 table(s) from endpoint 'obs-src' by ");
        dms.stopReplicationTask(b -> b.replicationTaskArn(task));
    }

    private String startTask(DatabaseMigrationClient dms) {
        URI jdbc = URI.create(Databases.MYSQL_URL.substring("jdbc:".length()));
        String secret = sandbox.secrets().seedDatabaseSecret("dms/obs", jdbc.getHost(),
                jdbc.getPort() < 0 ? 3306 : jdbc.getPort(), Databases.mysql().user(), Databases.mysql().password());
        sandbox.s3().createBucket(b -> b.bucket("obs-landing"));
        String instance = dms.createReplicationInstance(b -> b.replicationInstanceIdentifier("obs-ri")
                .replicationInstanceClass("dms.t3.medium")).replicationInstance().replicationInstanceArn();
        String source = dms.createEndpoint(b -> b.endpointIdentifier("obs-src").endpointType("source")
                .engineName("mariadb").mySQLSettings(m -> m.secretsManagerSecretId(secret)
                        .secretsManagerAccessRoleArn("arn:aws:iam::123456789012:role/sm")))
                .endpoint().endpointArn();
        String target = dms.createEndpoint(b -> b.endpointIdentifier("obs-dst").endpointType("target").engineName("s3")
                .s3Settings(s -> s.bucketName("obs-landing").bucketFolder("dms").cdcMaxBatchInterval(1)
                        .serviceAccessRoleArn("arn:aws:iam::123456789012:role/s3")))
                .endpoint().endpointArn();
        dms.waiter().waitUntilReplicationInstanceAvailable(b -> b.filters(
                f -> f.name("replication-instance-arn").values(instance)));
        String task = dms.createReplicationTask(b -> b.replicationTaskIdentifier("obs-task")
                .migrationType("full-load-and-cdc").replicationInstanceArn(instance).sourceEndpointArn(source)
                .targetEndpointArn(target).replicationTaskSettings("{\"Logging\":{\"EnableLogging\":true}}")
                .tableMappings("{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"1\","
                        + "\"object-locator\":{\"schema-name\":\"" + SCHEMA + "\",\"table-name\":\"%\"},"
                        + "\"rule-action\":\"include\"}]}")).replicationTask().replicationTaskArn();
        dms.waiter().waitUntilReplicationTaskReady(b -> b.filters(f -> f.name("replication-task-arn").values(task)));
        dms.startReplicationTask(b -> b.replicationTaskArn(task).startReplicationTaskType("start-replication"));
        return task;
    }

    private static MetricDataResult query(CloudWatchClient cw, Instant from, List<Dimension> dims, String metric,
                                          String stat) {
        return cw.getMetricData(b -> b.startTime(from.minusSeconds(3600)).endTime(from.plusSeconds(3600))
                .metricDataQueries(MetricDataQuery.builder().id("m").metricStat(s -> s.metric(m -> m
                        .namespace("AWS/DMS").metricName(metric).dimensions(dims)).period(3600).stat(stat))
                        .build())).metricDataResults().get(0);
    }

    private static ReplicationTask describe(DatabaseMigrationClient dms, String arn) {
        return dms.describeReplicationTasks(b -> b.filters(f -> f.name("replication-task-arn").values(arn)))
                .replicationTasks().get(0);
    }
}
