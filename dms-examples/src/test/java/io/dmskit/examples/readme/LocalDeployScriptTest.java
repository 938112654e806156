package io.dmskit.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.local.DmsLocalServer;
import io.dmskit.local.WithDmsLocal;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;

// region readme:local-junit
@WithDmsLocal   // one server per test class, on an ephemeral port, stopped after the class
class LocalDeployScriptTest {

    /** Code under test that builds its own client from configuration (here: an endpoint URL). */
    static void deploy(URI endpoint) {
        try (DatabaseMigrationClient dms = DatabaseMigrationClient.builder().endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build()) {
            dms.createReplicationInstance(b -> b.replicationInstanceIdentifier("deployed-ri")
                    .replicationInstanceClass("dms.t3.medium"));
        }
    }

    @Test
    void theDeployCreatesOneInstance(URI endpoint, DmsLocalServer server) {
        deploy(endpoint);
        assertThat(server.dms("us-east-1").calls("CreateReplicationInstance")).hasSize(1);
    }
}
// endregion
