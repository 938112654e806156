package io.dmskit.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.local.DmsLocalServer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;

/** docs/local-endpoint.md's examples, run. */
class LocalEndpointReadmeTest {

    @Test
    void startsTheEndpointFromCodeAndDrivesItWithTheSdk() {
        String instanceStatus;
        // region readme:local-server
        try (DmsLocalServer server = DmsLocalServer.builder().port(0).localEngine(false).build().start();
             DatabaseMigrationClient dms = DatabaseMigrationClient.builder()
                     .endpointOverride(server.endpoint())                  // http://127.0.0.1:<port>
                     .region(Region.EU_WEST_1)                              // the region of the ARNs
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                     .build()) {
            String arn = dms.createReplicationInstance(b -> b.replicationInstanceIdentifier("ri")
                    .replicationInstanceClass("dms.t3.medium")).replicationInstance().replicationInstanceArn();
            dms.waiter().waitUntilReplicationInstanceAvailable(b -> b.filters(f -> f
                    .name("replication-instance-arn").values(arn)));   // the SDK's own waiter, over HTTP
            instanceStatus = server.dms("eu-west-1").describeReplicationInstances()
                    .replicationInstances().get(0).replicationInstanceStatus();
        }
        // endregion
        assertThat(instanceStatus).isEqualTo("available");
    }
}
