package io.dmskit.testkit.fakedms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.Connection;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationTasksResponse;
import software.amazon.awssdk.services.databasemigration.model.Endpoint;
import software.amazon.awssdk.services.databasemigration.model.Filter;
import software.amazon.awssdk.services.databasemigration.model.MigrationTypeValue;
import software.amazon.awssdk.services.databasemigration.model.ReplicationEndpointTypeValue;
import software.amazon.awssdk.services.databasemigration.model.ReplicationInstance;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;
import software.amazon.awssdk.services.databasemigration.model.StartReplicationTaskTypeValue;
import software.amazon.awssdk.services.databasemigration.model.TableStatistics;
import software.amazon.awssdk.services.databasemigration.waiters.DatabaseMigrationWaiter;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * A DMS pipeline program written only against the AWS SDK v2 client interfaces, following the DMS configuration
 * guide (shared/seeds/dms-configuration-guide.md): a subnet group, an instance, a MySQL source whose credentials
 * come from a Secrets Manager secret, five S3 targets and five full-load-and-cdc tasks; start, SDK waiters, table
 * statistics, stop, delete everything. Each step's observations are returned for the test to check.
 */
final class ConfigurationGuidePipeline {

    static final List<String> SYSTEMS = List.of("market-intelligence-hub", "demand-insights-engine",
            "compliance-guardian", "retail-copilot", "global-market-pulse");

    static final String MAPPINGS = """
            {"rules":[
              {"rule-type":"selection","rule-id":"1","rule-name":"include-ecommerce-tables",
               "object-locator":{"schema-name":"ecommerce","table-name":"%"},"rule-action":"include"},
              {"rule-type":"selection","rule-id":"2","rule-name":"include-market-intelligence-tables",
               "object-locator":{"schema-name":"market_intelligence_schema","table-name":"%"},"rule-action":"include"},
              {"rule-type":"transformation","rule-id":"3","rule-name":"add-schema-prefix","rule-target":"table",
               "object-locator":{"schema-name":"%","table-name":"%"},"rule-action":"add-prefix","value":"schema_",
               "old-value":null}]}""";

    /** What the program saw. */
    static final class Observed {
        String secretArn;
        ReplicationInstance instanceAtCreate;
        ReplicationInstance instanceWhenAvailable;
        Endpoint source;
        List<Endpoint> targets = new ArrayList<>();
        List<Connection> connections = new ArrayList<>();
        List<ReplicationTask> tasksAtCreate = new ArrayList<>();
        List<ReplicationTask> tasksReady = new ArrayList<>();
        List<ReplicationTask> tasksAtStart = new ArrayList<>();
        List<ReplicationTask> tasksRunning = new ArrayList<>();
        Map<String, List<TableStatistics>> tableStatistics = new LinkedHashMap<>();
        List<ReplicationTask> tasksAtStop = new ArrayList<>();
        List<ReplicationTask> tasksStopped = new ArrayList<>();
        List<ReplicationTask> tasksAtDelete = new ArrayList<>();
        int tasksLeft = -1;
        int endpointsLeft = -1;
        int instancesLeft = -1;
        int subnetGroupsLeft = -1;
    }

    private final DatabaseMigrationClient dms;
    private final SecretsManagerClient secrets;
    /** Runs between start and the table statistics read, e.g. a test scripting the data plane. */
    private final Consumer<List<String>> whileRunning;

    ConfigurationGuidePipeline(DatabaseMigrationClient dms, SecretsManagerClient secrets,
                               Consumer<List<String>> whileRunning) {
        this.dms = dms;
        this.secrets = secrets;
        this.whileRunning = whileRunning;
    }

    private static Filter filter(String name, String value) {
        return Filter.builder().name(name).values(value).build();
    }

    Observed run() {
        Observed o = new Observed();
        DatabaseMigrationWaiter waiter = dms.waiter();

        o.secretArn = secrets.createSecret(b -> b.name("ecommerce/onprem-mysql-password")
                .description("On-premise MySQL root password")
                .secretString("{\"username\":\"root\",\"password\":\"Srikar@123\",\"host\":\"172.20.10.4\","
                        + "\"port\":3306,\"engine\":\"mysql\",\"dbname\":\"ecommerce\"}")).arn();

        dms.createReplicationSubnetGroup(b -> b.replicationSubnetGroupIdentifier("ecommerce-ai-platform-dev-dms")
                .replicationSubnetGroupDescription("DMS subnet group for ecommerce-ai-platform-dev")
                .subnetIds("subnet-0a1b2c3d4e5f60718", "subnet-0b1c2d3e4f5a60719"));

        o.instanceAtCreate = dms.createReplicationInstance(b -> b
                .replicationInstanceIdentifier("ecommerce-ai-platform-dev-dms")
                .replicationInstanceClass("dms.c5.xlarge").allocatedStorage(200)
                .replicationSubnetGroupIdentifier("ecommerce-ai-platform-dev-dms")
                .vpcSecurityGroupIds("sg-0123456789abcdef0").publiclyAccessible(false)
                .kmsKeyId("arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555"))
                .replicationInstance();
        String instanceArn = o.instanceAtCreate.replicationInstanceArn();
        WaiterResponse<?> available = waiter.waitUntilReplicationInstanceAvailable(b -> b
                .filters(filter("replication-instance-arn", instanceArn)));
        o.instanceWhenAvailable = dms.describeReplicationInstances(b -> b
                .filters(filter("replication-instance-arn", instanceArn))).replicationInstances().get(0);
        if (available.matched().exception().isPresent()) {
            throw new IllegalStateException("instance waiter failed");
        }

        o.source = dms.createEndpoint(b -> b.endpointIdentifier("ecommerce-ai-platform-dev-mysql-source")
                .endpointType(ReplicationEndpointTypeValue.SOURCE).engineName("mysql")
                .databaseName("ecommerce").sslMode("require")
                .mySQLSettings(m -> m.secretsManagerSecretId(o.secretArn)
                        .secretsManagerAccessRoleArn("arn:aws:iam::123456789012:role/dms-secrets-access"))).endpoint();
        for (String system : SYSTEMS) {
            o.targets.add(dms.createEndpoint(b -> b.endpointIdentifier("ecommerce-ai-platform-dev-" + system + "-s3")
                    .endpointType(ReplicationEndpointTypeValue.TARGET).engineName("s3")
                    .s3Settings(s -> s.bucketName("ecommerce-" + system + "-raw").bucketFolder("dms")
                            .serviceAccessRoleArn("arn:aws:iam::123456789012:role/dms-s3-access")
                            .dataFormat("parquet").encryptionMode("SSE_KMS")
                            .serverSideEncryptionKmsKeyId("arn:aws:kms:us-east-1:123456789012:key/abc")
                            .timestampColumnName("dms_timestamp").datePartitionEnabled(true)))
                    .endpoint());
        }

        List<String> endpointArns = new ArrayList<>();
        endpointArns.add(o.source.endpointArn());
        o.targets.forEach(t -> endpointArns.add(t.endpointArn()));
        for (String endpointArn : endpointArns) {
            dms.testConnection(b -> b.replicationInstanceArn(instanceArn).endpointArn(endpointArn));
            waiter.waitUntilTestConnectionSucceeds(b -> b.filters(filter("endpoint-arn", endpointArn),
                    filter("replication-instance-arn", instanceArn)));
        }
        o.connections.addAll(dms.describeConnections(b -> b.filters(
                filter("replication-instance-arn", instanceArn))).connections());

        List<String> taskArns = new ArrayList<>();
        for (int i = 0; i < SYSTEMS.size(); i++) {
            String targetArn = o.targets.get(i).endpointArn();
            ReplicationTask task = dms.createReplicationTask(b -> b
                    .replicationTaskIdentifier(SYSTEMS.get(taskArns.size()) + "-replication")
                    .sourceEndpointArn(o.source.endpointArn()).targetEndpointArn(targetArn)
                    .replicationInstanceArn(instanceArn).migrationType(MigrationTypeValue.FULL_LOAD_AND_CDC)
                    .tableMappings(MAPPINGS)
                    .replicationTaskSettings("{\"Logging\":{\"EnableLogging\":true}}")).replicationTask();
            o.tasksAtCreate.add(task);
            taskArns.add(task.replicationTaskArn());
        }
        for (String arn : taskArns) {
            waiter.waitUntilReplicationTaskReady(b -> b.filters(filter("replication-task-arn", arn)));
            o.tasksReady.add(describeTask(arn));
        }
        for (String arn : taskArns) {
            o.tasksAtStart.add(dms.startReplicationTask(b -> b.replicationTaskArn(arn)
                    .startReplicationTaskType(StartReplicationTaskTypeValue.START_REPLICATION)).replicationTask());
        }
        for (String arn : taskArns) {
            waiter.waitUntilReplicationTaskRunning(b -> b.filters(filter("replication-task-arn", arn)));
            o.tasksRunning.add(describeTask(arn));
        }
        whileRunning.accept(taskArns);
        for (String arn : taskArns) {
            List<TableStatistics> stats = new ArrayList<>();
            dms.describeTableStatisticsPaginator(b -> b.replicationTaskArn(arn).maxRecords(20))
                    .forEach(page -> stats.addAll(page.tableStatistics()));
            o.tableStatistics.put(arn, stats);
        }
        for (String arn : taskArns) {
            o.tasksAtStop.add(dms.stopReplicationTask(b -> b.replicationTaskArn(arn)).replicationTask());
        }
        for (String arn : taskArns) {
            waiter.waitUntilReplicationTaskStopped(b -> b.filters(filter("replication-task-arn", arn)));
            o.tasksStopped.add(describeTask(arn));
        }
        for (String arn : taskArns) {
            o.tasksAtDelete.add(dms.deleteReplicationTask(b -> b.replicationTaskArn(arn)).replicationTask());
        }
        for (String arn : taskArns) {
            waiter.waitUntilReplicationTaskDeleted(b -> b.filters(filter("replication-task-arn", arn)));
        }
        o.tasksLeft = dms.describeReplicationTasks(b -> b.withoutSettings(true)).replicationTasks().size();
        for (String arn : endpointArns) {
            dms.deleteEndpoint(b -> b.endpointArn(arn));
            waiter.waitUntilEndpointDeleted(b -> b.filters(filter("endpoint-arn", arn)));
        }
        o.endpointsLeft = dms.describeEndpoints().endpoints().size();
        dms.deleteReplicationInstance(b -> b.replicationInstanceArn(instanceArn));
        waiter.waitUntilReplicationInstanceDeleted(b -> b.filters(filter("replication-instance-arn", instanceArn)));
        o.instancesLeft = dms.describeReplicationInstances().replicationInstances().size();
        dms.deleteReplicationSubnetGroup(b -> b.replicationSubnetGroupIdentifier("ecommerce-ai-platform-dev-dms"));
        o.subnetGroupsLeft = dms.describeReplicationSubnetGroups(b -> { }).replicationSubnetGroups().size();
        return o;
    }

    private ReplicationTask describeTask(String arn) {
        DescribeReplicationTasksResponse r = dms.describeReplicationTasks(b -> b
                .filters(filter("replication-task-arn", arn)));
        return r.replicationTasks().get(0);
    }
}
