package io.dmskit.testkit.fakedms;

import static io.dmskit.testkit.fakedms.Fixtures.filter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.Timings;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.model.DatabaseMigrationException;
import software.amazon.awssdk.services.databasemigration.model.InvalidResourceStateException;
import software.amazon.awssdk.services.databasemigration.model.Replication;

class FakeDmsServerlessTest {

    private final FakeDms dms = FakeDms.builder().timings(Timings.realistic()).build();

    private String config() {
        String src = Fixtures.mysqlSource(dms, "src");
        String tgt = Fixtures.s3Target(dms, "tgt");
        return dms.createReplicationConfig(b -> b.replicationConfigIdentifier("cfg").sourceEndpointArn(src)
                .targetEndpointArn(tgt).replicationType("full-load-and-cdc").tableMappings(Fixtures.MAPPINGS)
                .computeConfig(c -> c.maxCapacityUnits(16).minCapacityUnits(2))).replicationConfig()
                .replicationConfigArn();
    }

    private Replication replication(String arn) {
        return dms.describeReplications(b -> b.filters(filter("replication-config-arn", arn))).replications().get(0);
    }

    @Test
    @DisplayName("a serverless replication starts through initializing into running, and stops to stopped")
    void lifecycle() {
        String arn = config();
        assertThat(arn).matches("arn:aws:dms:us-east-1:123456789012:replication-config:[A-Z2-7]{26}");
        Replication starting = dms.startReplication(b -> b.replicationConfigArn(arn)
                .startReplicationType("start-replication")).replication();
        assertThat(starting.status()).isEqualTo("initializing");
        assertThatThrownBy(() -> dms.deleteReplicationConfig(b -> b.replicationConfigArn(arn)))
                .isInstanceOf(InvalidResourceStateException.class);
        dms.clock().advance(Duration.ofMinutes(10));
        Replication running = replication(arn);
        assertThat(running.status()).isEqualTo("running");
        assertThat(running.provisionData().provisionedCapacityUnits()).isEqualTo(16);
        dms.stopReplication(b -> b.replicationConfigArn(arn));
        assertThat(replication(arn).status()).isEqualTo("stopping");
        dms.clock().advance(Duration.ofMinutes(2));
        Replication stopped = replication(arn);
        assertThat(stopped.status()).isEqualTo("stopped");
        assertThat(stopped.stopReason()).isEqualTo("Stop Reason NORMAL");
        assertThatThrownBy(() -> dms.startReplication(b -> b.replicationConfigArn(arn)
                .startReplicationType("start-replication"))).isInstanceOf(InvalidResourceStateException.class);
        dms.modifyReplicationConfig(b -> b.replicationConfigArn(arn).computeConfig(c -> c.maxCapacityUnits(32)));
        assertThat(dms.describeReplicationConfigs(b -> b.filters(filter("replication-config-id", "cfg")))
                .replicationConfigs().get(0).computeConfig()).satisfies(c -> {
                    assertThat(c.maxCapacityUnits()).isEqualTo(32);
                    assertThat(c.minCapacityUnits()).isEqualTo(2);
                });
        dms.deleteReplicationConfig(b -> b.replicationConfigArn(arn));
        assertThat(dms.describeReplicationConfigs(b -> { }).replicationConfigs()).isEmpty();
    }

    @Test
    @DisplayName("capacity units must be DMS's values")
    void capacity() {
        String src = Fixtures.mysqlSource(dms, "src");
        String tgt = Fixtures.s3Target(dms, "tgt");
        assertThatThrownBy(() -> dms.createReplicationConfig(b -> b.replicationConfigIdentifier("cfg")
                .sourceEndpointArn(src).targetEndpointArn(tgt).replicationType("cdc").tableMappings(Fixtures.MAPPINGS)
                .computeConfig(c -> c.maxCapacityUnits(3)))).isInstanceOfSatisfying(DatabaseMigrationException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValueException"));
    }
}
