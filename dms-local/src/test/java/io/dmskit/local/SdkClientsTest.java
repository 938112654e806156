package io.dmskit.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.DatabaseMigrationException;
import software.amazon.awssdk.services.databasemigration.model.InvalidResourceStateException;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;
import software.amazon.awssdk.services.databasemigration.model.ResourceNotFoundException;
import software.amazon.awssdk.services.databasemigration.model.TableStatistics;
import software.amazon.awssdk.services.databasemigration.waiters.DatabaseMigrationWaiter;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** The AWS SDK for Java v2, built with {@code endpointOverride}, against one dms-local server. */
@WithDmsLocal
class SdkClientsTest {

    private static String secret(URI endpoint, String name) {
        try (SecretsManagerClient sm = Clients.secrets(endpoint)) {
            return sm.createSecret(b -> b.name(name).secretString(
                    "{\"username\":\"dms\",\"password\":\"pw\",\"host\":\"127.0.0.1\",\"port\":3306}")).arn();
        }
    }

    @Test
    void provisionsStartsAndWaitsWithTheSdksOwnWaiterAndSeesTheTasksTableStatistics(URI endpoint,
                                                                                     DmsLocalServer server) {
        try (DatabaseMigrationClient dms = Clients.dms(endpoint, "us-east-1")) {
            Clients.Pipeline p = Clients.provision(dms, secret(endpoint, "sdk/src"), "sdk1");
            // waiters poll over HTTP; instant transitions settle at the first poll, so no real waiting
            DatabaseMigrationWaiter waiter = DatabaseMigrationWaiter.builder().client(dms)
                    .overrideConfiguration(WaiterOverrideConfiguration.builder().maxAttempts(3)
                            .backoffStrategy(a -> Duration.ofMillis(10)).build()).build();
            waiter.waitUntilReplicationInstanceAvailable(b -> b.filters(f -> f.name("replication-instance-arn")
                    .values(p.instanceArn())));
            waiter.waitUntilReplicationTaskReady(b -> b.filters(f -> f.name("replication-task-arn")
                    .values(p.taskArn())));
            assertThat(dms.startReplicationTask(b -> b.replicationTaskArn(p.taskArn())
                    .startReplicationTaskType("start-replication")).replicationTask().status()).isEqualTo("starting");
            server.dms("us-east-1").task(p.taskArn()).tableStatistics("shop", "orders",
                    s -> s.fullLoadRows(42L).inserts(3L));
            waiter.waitUntilReplicationTaskRunning(b -> b.filters(f -> f.name("replication-task-arn")
                    .values(p.taskArn())));

            List<TableStatistics> stats = dms.describeTableStatistics(b -> b.replicationTaskArn(p.taskArn()))
                    .tableStatistics();
            assertThat(stats).singleElement().satisfies(s -> {
                assertThat(s.tableName()).isEqualTo("orders");
                assertThat(s.fullLoadRows()).isEqualTo(42L);
                assertThat(s.inserts()).isEqualTo(3L);
            });
            ReplicationTask task = dms.describeReplicationTasks(b -> b.filters(f -> f.name("replication-task-arn")
                    .values(p.taskArn()))).replicationTasks().get(0);
            ReplicationTask fake = server.dms("us-east-1").task(p.taskArn()).describe();
            // timestamps cross the wire as epoch seconds with milliseconds
            assertThat(task.replicationTaskCreationDate()).isEqualTo(fake.replicationTaskCreationDate());
            assertThat(task.replicationTaskStartDate()).isEqualTo(fake.replicationTaskStartDate());
            assertThat(task.tableMappings()).isEqualTo(Clients.MAPPINGS);
            assertThat(task.migrationTypeAsString()).isEqualTo("full-load-and-cdc");
        }
    }

    @Test
    void paginatorsFollowMarkers(URI endpoint) {
        try (DatabaseMigrationClient dms = Clients.dms(endpoint, "us-east-1")) {
            for (int i = 0; i < 23; i++) {
                int n = i;
                dms.createEndpoint(b -> b.endpointIdentifier("page-" + n).endpointType("target").engineName("s3")
                        .s3Settings(s -> s.bucketName("pages").serviceAccessRoleArn(
                                "arn:aws:iam::123456789012:role/dms-s3")));
            }
            var pages = dms.describeEndpointsPaginator(b -> b.maxRecords(20)
                    .filters(f -> f.name("endpoint-id").values(
                            java.util.stream.IntStream.range(0, 23).mapToObj(i -> "page-" + i).toList())));
            assertThat(pages.stream().count()).isEqualTo(2);
            assertThat(pages.stream().mapToLong(r -> r.endpoints().size()).sum()).isEqualTo(23);
        }
    }

    @Test
    void faultsArriveAsTheSdksExceptionClassesWithAwsCodesAndStatuses(URI endpoint) {
        try (DatabaseMigrationClient dms = Clients.dms(endpoint, "us-east-1")) {
            assertThatThrownBy(() -> dms.startReplicationTask(b -> b.replicationTaskArn(
                    "arn:aws:dms:us-east-1:123456789012:task:NOPE").startReplicationTaskType("start-replication")))
                    .isInstanceOf(ResourceNotFoundException.class)
                    .satisfies(e -> assertThat(((DatabaseMigrationException) e).statusCode()).isEqualTo(400));
            Clients.Pipeline p = Clients.provision(dms, secret(endpoint, "sdk/state"), "sdk2");
            assertThatThrownBy(() -> dms.stopReplicationTask(b -> b.replicationTaskArn(p.taskArn())))
                    .isInstanceOf(InvalidResourceStateException.class)
                    .hasMessageContaining("ready");
        }
    }

    @Test
    void anOperationTheFakeDoesNotImplementGetsUnknownOperationException(URI endpoint) {
        try (DatabaseMigrationClient dms = Clients.dms(endpoint, "us-east-1")) {
            assertThatThrownBy(() -> dms.describeFleetAdvisorCollectors(b -> { }))
                    .isInstanceOf(DatabaseMigrationException.class)
                    .satisfies(e -> {
                        assertThat(Clients.errorCode(e)).isEqualTo("UnknownOperationException");
                        assertThat(((DatabaseMigrationException) e).statusCode()).isEqualTo(400);
                    });
        }
    }

    @Test
    void eachRegionHasItsOwnStateAndArns(URI endpoint) {
        try (DatabaseMigrationClient eu = Clients.dms(endpoint, "eu-west-1");
             DatabaseMigrationClient us = Clients.dms(endpoint, "us-east-1")) {
            String arn = eu.createReplicationInstance(b -> b.replicationInstanceIdentifier("regional")
                    .replicationInstanceClass("dms.t3.micro")).replicationInstance().replicationInstanceArn();
            assertThat(arn).startsWith("arn:aws:dms:eu-west-1:");
            assertThat(us.describeReplicationInstances().replicationInstances())
                    .noneMatch(i -> i.replicationInstanceIdentifier().equals("regional"));
        }
    }

    @Test
    void secretsManagerRoundTripsAndAnswersMissingSecretsWithItsOwnException(URI endpoint) {
        try (SecretsManagerClient sm = Clients.secrets(endpoint)) {
            sm.createSecret(b -> b.name("sdk/roundtrip").secretString("{\"password\":\"s3cr3t\"}"));
            assertThat(sm.getSecretValue(b -> b.secretId("sdk/roundtrip")).secretString())
                    .isEqualTo("{\"password\":\"s3cr3t\"}");
            assertThat(sm.describeSecret(b -> b.secretId("sdk/roundtrip")).createdDate()).isNotNull();
            assertThatThrownBy(() -> sm.getSecretValue(b -> b.secretId("sdk/missing")))
                    .isInstanceOf(software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException.class);
        }
    }

    @Test
    void cloudWatchLogsRoundTripsEventsOverJson11(URI endpoint, DmsLocalServer server) {
        try (var logs = software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient.builder()
                .endpointOverride(endpoint).region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("a", "b"))).build()) {
            logs.createLogGroup(b -> b.logGroupName("/dmslocal/sdk"));
            logs.createLogStream(b -> b.logGroupName("/dmslocal/sdk").logStreamName("s1"));
            long now = server.clock().millis();
            logs.putLogEvents(b -> b.logGroupName("/dmslocal/sdk").logStreamName("s1")
                    .logEvents(e -> e.timestamp(now).message("hello over HTTP")));
            assertThat(logs.getLogEvents(b -> b.logGroupName("/dmslocal/sdk").logStreamName("s1")
                    .startFromHead(true)).events()).extracting(e -> e.message()).containsExactly("hello over HTTP");
            assertThat(server.cloudWatchLogs("us-east-1").describeLogGroups().logGroups())
                    .extracting(g -> g.logGroupName()).contains("/dmslocal/sdk");
        }
    }

    @Test
    void s3RequestsReachTheLocalS3ThroughTheSamePort(URI endpoint, DmsLocalServer server) {
        try (S3Client s3 = Clients.s3(endpoint)) {
            s3.createBucket(b -> b.bucket("dmslocal-sdk-bucket"));
            byte[] big = new byte[300_000];
            java.util.Arrays.fill(big, (byte) 'x');
            s3.putObject(b -> b.bucket("dmslocal-sdk-bucket").key("raw/a.csv"), RequestBody.fromString("1,a\n"));
            s3.putObject(b -> b.bucket("dmslocal-sdk-bucket").key("raw/big.bin"), RequestBody.fromBytes(big));
            assertThat(s3.listObjectsV2(b -> b.bucket("dmslocal-sdk-bucket").prefix("raw/")).contents())
                    .extracting(o -> o.key()).containsExactly("raw/a.csv", "raw/big.bin");
            assertThat(s3.getObjectAsBytes(b -> b.bucket("dmslocal-sdk-bucket").key("raw/a.csv")).asUtf8String())
                    .isEqualTo("1,a\n");
            assertThat(s3.headObject(b -> b.bucket("dmslocal-sdk-bucket").key("raw/big.bin")).contentLength())
                    .isEqualTo(300_000L);
            assertThat(s3.getObjectAsBytes(b -> b.bucket("dmslocal-sdk-bucket").key("raw/big.bin")).asByteArray())
                    .isEqualTo(big);
            assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket("dmslocal-sdk-bucket").key("nope")))
                    .isInstanceOf(NoSuchKeyException.class);
            assertThat(server.localS3().bucket("dmslocal-sdk-bucket").getString("raw/a.csv")).isEqualTo("1,a\n");
        }
    }
}
