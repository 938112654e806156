package io.dmskit.testkit.fakedms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.dataplane.EndpointCredentials;
import io.dmskit.testkit.dataplane.ReplicationContext;
import io.dmskit.testkit.dataplane.ReplicationEngine;
import io.dmskit.testkit.dataplane.RunningReplication;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.model.Endpoint;
import software.amazon.awssdk.services.databasemigration.model.InvalidResourceStateException;
import software.amazon.awssdk.services.databasemigration.model.ResourceNotFoundException;

class FakeDmsSchemasTest {

    @Test
    @DisplayName("RefreshSchemas goes refreshing → successful and DescribeSchemas lists the declared schemas")
    void declaredSchemas() {
        FakeDms dms = FakeDms.create();
        String ri = Fixtures.instance(dms, "ri");
        dms.describeReplicationInstances();
        String src = Fixtures.mysqlSource(dms, "src");
        assertThatThrownBy(() -> dms.describeSchemas(b -> b.endpointArn(src)))
                .isInstanceOf(InvalidResourceStateException.class).hasMessageContaining("RefreshSchemas");
        assertThatThrownBy(() -> dms.describeRefreshSchemasStatus(b -> b.endpointArn(src)))
                .isInstanceOf(ResourceNotFoundException.class);
        dms.endpointSchemas("src", "ecommerce", "market_intelligence_schema");
        assertThat(dms.refreshSchemas(b -> b.endpointArn(src).replicationInstanceArn(ri)).refreshSchemasStatus()
                .statusAsString()).isEqualTo("refreshing");
        var status = dms.describeRefreshSchemasStatus(b -> b.endpointArn(src)).refreshSchemasStatus();
        assertThat(status.statusAsString()).isEqualTo("successful");
        assertThat(status.lastRefreshDate()).isNotNull();
        assertThat(dms.describeSchemas(b -> b.endpointArn(src)).schemas())
                .containsExactly("ecommerce", "market_intelligence_schema");
    }

    @Test
    @DisplayName("an engine that lists schemas answers RefreshSchemas; its failure becomes LastFailureMessage")
    void engineSchemas() {
        ReplicationEngine engine = new ReplicationEngine() {
            @Override
            public RunningReplication start(ReplicationContext context) {
                return () -> { };
            }

            @Override
            public Optional<List<String>> listSchemas(Endpoint endpoint, EndpointCredentials credentials) {
                if (endpoint.serverName().equals("down.example.com")) {
                    throw new IllegalStateException("Can't connect to MySQL server on 'down.example.com'");
                }
                return Optional.of(List.of("shop", credentials.username().orElseThrow()));
            }
        };
        FakeDms dms = FakeDms.builder().replicationEngine(engine).build();
        String ri = Fixtures.instance(dms, "ri");
        dms.describeReplicationInstances();
        String src = Fixtures.mysqlSource(dms, "src");
        dms.refreshSchemas(b -> b.endpointArn(src).replicationInstanceArn(ri));
        assertThat(dms.describeSchemas(b -> b.endpointArn(src)).schemas()).containsExactly("shop", "admin");
        String down = dms.createEndpoint(b -> b.endpointIdentifier("down").endpointType("source").engineName("mysql")
                .serverName("down.example.com").port(3306).username("u").password("p")).endpoint().endpointArn();
        dms.refreshSchemas(b -> b.endpointArn(down).replicationInstanceArn(ri));
        var status = dms.describeRefreshSchemasStatus(b -> b.endpointArn(down)).refreshSchemasStatus();
        assertThat(status.statusAsString()).isEqualTo("failed");
        assertThat(status.lastFailureMessage()).contains("down.example.com");
    }
}
