package io.dmskit.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;

/**
 * The verification guide's AWS CLI commands (shared/seeds/dms-replication-verification-guide.md) against dms-local:
 * describe with filters, start, the CLI's waiter, table statistics, test-connection, stop, {@code s3 ls} and
 * {@code secretsmanager get-secret-value}; the CLI runs with dummy credentials and no configuration files.
 */
@WithDmsLocal
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AwsCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Clients.Pipeline pipeline;

    @BeforeAll
    static void provision(URI endpoint, DmsLocalServer server) {
        ExternalTool.assumeCli();
        String secretArn = server.secrets("us-east-1").seedDatabaseSecret("cli/source", "127.0.0.1", 3306, "dms",
                "cli-pw");
        try (DatabaseMigrationClient dms = Clients.dms(endpoint, "us-east-1")) {
            pipeline = Clients.provision(dms, secretArn, "cli");
        }
        server.localS3().createBucket("dmslocal-cli-lake");
        server.localS3().bucket("dmslocal-cli-lake").put("raw/shop/orders/LOAD00000001.csv", "1,a\n")
                .put("raw/shop/customers/LOAD00000001.csv", "7,b\n");
    }

    private static JsonNode ok(ExternalTool.Result r) {
        assertThat(r.exit()).as(r.toString()).isZero();
        try {
            return r.out().isBlank() ? JSON.createObjectNode() : JSON.readTree(r.out());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + r, e);
        }
    }

    @Test
    @Order(1)
    void describesTasksWithAndWithoutFilters(URI endpoint, DmsLocalServer server) {
        JsonNode all = ok(ExternalTool.aws(endpoint, "dms", "describe-replication-tasks", "--region", "us-east-1"));
        assertThat(all.get("ReplicationTasks")).hasSize(1);
        JsonNode filtered = ok(ExternalTool.aws(endpoint, "dms", "describe-replication-tasks", "--filters",
                "Name=replication-task-arn,Values=" + pipeline.taskArn()));
        JsonNode task = filtered.get("ReplicationTasks").get(0);
        assertThat(task.get("MigrationType").asText()).isEqualTo("full-load-and-cdc");
        assertThat(task.get("Status").asText()).isEqualTo("ready");
        assertThat(task.get("TableMappings").asText()).isEqualTo(Clients.MAPPINGS);
        // AWS's wire form, which CLI v1 prints as it came: epoch seconds with milliseconds, a plain decimal
        assertThat(task.get("ReplicationTaskCreationDate").isNumber()).as(task.toString()).isTrue();
        assertThat(task.get("ReplicationTaskCreationDate").decimalValue().movePointRight(3).longValueExact())
                .isEqualTo(server.dms("us-east-1").task(pipeline.taskArn()).describe().replicationTaskCreationDate()
                        .toEpochMilli());

        ExternalTool.Result none = ExternalTool.aws(endpoint, "dms", "describe-replication-tasks", "--filters",
                "Name=replication-task-id,Values=no-such-task");
        assertThat(none.exit()).as(none.toString()).isNotZero();
        assertThat(none.err()).contains("ResourceNotFoundFault");
    }

    @Test
    @Order(2)
    void startsTheTaskAndTheCliWaiterSeesItRunning(URI endpoint, DmsLocalServer server) {
        JsonNode started = ok(ExternalTool.aws(endpoint, "dms", "start-replication-task", "--replication-task-arn",
                pipeline.taskArn(), "--start-replication-task-type", "start-replication"));
        assertThat(started.at("/ReplicationTask/Status").asText()).isEqualTo("starting");
        ok(ExternalTool.aws(endpoint, "dms", "wait", "replication-task-running", "--filters",
                "Name=replication-task-arn,Values=" + pipeline.taskArn()));
        server.dms("us-east-1").task(pipeline.taskArn()).tableStatistics("shop", "orders",
                s -> s.fullLoadRows(1200L).inserts(5L).tableState("Table completed"));

        JsonNode stats = ok(ExternalTool.aws(endpoint, "dms", "describe-table-statistics",
                "--replication-task-arn", pipeline.taskArn()));
        assertThat(stats.at("/TableStatistics/0/TableName").asText()).isEqualTo("orders");
        assertThat(stats.at("/TableStatistics/0/FullLoadRows").asLong()).isEqualTo(1200L);
        assertThat(stats.at("/TableStatistics/0/Inserts").asLong()).isEqualTo(5L);
    }

    @Test
    @Order(3)
    void testsTheSourceConnection(URI endpoint) {
        JsonNode tested = ok(ExternalTool.aws(endpoint, "dms", "test-connection", "--replication-instance-arn",
                pipeline.instanceArn(), "--endpoint-arn", pipeline.sourceArn()));
        assertThat(tested.at("/Connection/Status").asText()).isEqualTo("testing");
        JsonNode described = ok(ExternalTool.aws(endpoint, "dms", "describe-connections", "--filters",
                "Name=endpoint-arn,Values=" + pipeline.sourceArn()));
        assertThat(described.at("/Connections/0/EndpointArn").asText()).isEqualTo(pipeline.sourceArn());
    }

    @Test
    @Order(4)
    void stopsTheTask(URI endpoint) {
        JsonNode stopped = ok(ExternalTool.aws(endpoint, "dms", "stop-replication-task", "--replication-task-arn",
                pipeline.taskArn()));
        assertThat(stopped.at("/ReplicationTask/Status").asText()).isEqualTo("stopping");
        JsonNode after = ok(ExternalTool.aws(endpoint, "dms", "describe-replication-tasks", "--filters",
                "Name=replication-task-arn,Values=" + pipeline.taskArn()));
        assertThat(after.at("/ReplicationTasks/0/Status").asText()).isEqualTo("stopped");
        assertThat(after.at("/ReplicationTasks/0/StopReason").asText()).isEqualTo("Stop Reason NORMAL");
    }

    @Test
    @Order(5)
    void listsTheTargetBucketRecursively(URI endpoint) {
        ExternalTool.Result ls = ExternalTool.aws(endpoint, "s3", "ls", "s3://dmslocal-cli-lake/raw/shop/",
                "--recursive");
        assertThat(ls.exit()).as(ls.toString()).isZero();
        assertThat(ls.out()).contains("raw/shop/orders/LOAD00000001.csv", "raw/shop/customers/LOAD00000001.csv");
    }

    @Test
    @Order(6)
    void readsTheSourceSecret(URI endpoint) {
        JsonNode secret = ok(ExternalTool.aws(endpoint, "secretsmanager", "get-secret-value", "--secret-id",
                "cli/source"));
        assertThat(secret.get("SecretString").asText()).contains("\"password\":\"cli-pw\"");
        ExternalTool.Result missing = ExternalTool.aws(endpoint, "secretsmanager", "get-secret-value",
                "--secret-id", "cli/none");
        assertThat(missing.err()).contains("ResourceNotFoundException");
    }

    @Test
    @Order(7)
    void anOperationDmsLocalDoesNotServeIsUnknownNotAServerError(URI endpoint) {
        ExternalTool.Result r = ExternalTool.aws(endpoint, "dms", "describe-fleet-advisor-collectors");
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("UnknownOperationException").doesNotContain("500");
    }
}
