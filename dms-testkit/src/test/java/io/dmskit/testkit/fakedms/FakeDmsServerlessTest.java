package io.dmskit.testkit.fakedms;

import static io.dmskit.testkit.fakedms.Fixtures.filter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.Timings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.DatabaseMigrationException;
import software.amazon.awssdk.services.databasemigration.model.InvalidResourceStateException;
import software.amazon.awssdk.services.databasemigration.model.Replication;
import software.amazon.awssdk.services.databasemigration.model.ResourceNotFoundException;

/**
 * The documented DMS Serverless lifecycle, driven only through the SDK's {@link DatabaseMigrationClient} interface
 * (plus the fake's clock): created, the seven start steps, running, stopping, stopped, capacity kept and then
 * deprovisioned, resume; and the state rules of Modify, Delete, Start and Stop.
 */
class FakeDmsServerlessTest {

    private final FakeDms fake = FakeDms.builder().timings(Timings.realistic()).build();
    private final DatabaseMigrationClient dms = fake;

    private String config(String id, String type) {
        String src = Fixtures.mysqlSource(dms, id + "-src");
        String tgt = Fixtures.s3Target(dms, id + "-tgt");
        return dms.createReplicationConfig(b -> b.replicationConfigIdentifier(id).sourceEndpointArn(src)
                .targetEndpointArn(tgt).replicationType(type).tableMappings(Fixtures.MAPPINGS)
                .computeConfig(c -> c.maxCapacityUnits(16).minCapacityUnits(2))).replicationConfig()
                .replicationConfigArn();
    }

    private Replication replication(String arn) {
        return dms.describeReplications(b -> b.filters(filter("replication-config-arn", arn))).replications().get(0);
    }

    private String errorCode(Runnable call) {
        try {
            call.run();
        } catch (DatabaseMigrationException e) {
            return e.awsErrorDetails().errorCode();
        }
        throw new AssertionError("expected a DMS error");
    }

    @Test
    @DisplayName("a new config's replication is listed at once with status created and nothing provisioned")
    void created() {
        String arn = config("cfg", "full-load-and-cdc");
        assertThat(arn).matches("arn:aws:dms:us-east-1:123456789012:replication-config:[A-Z2-7]{26}");
        Replication r = dms.describeReplications(b -> b.filters(filter("replication-config-id", "cfg")))
                .replications().get(0);
        assertThat(r.status()).isEqualTo("created");
        assertThat(r.replicationConfigArn()).isEqualTo(arn);
        assertThat(r.replicationType().toString()).isEqualTo("full-load-and-cdc");
        assertThat(r.provisionData()).isNull();
        assertThat(r.replicationStats()).isNull();
        assertThat(r.replicationCreateTime()).isEqualTo(fake.clock().instant());
        assertThat(errorCode(() -> dms.stopReplication(b -> b.replicationConfigArn(arn))))
                .isEqualTo("InvalidResourceStateFault");
    }

    @Test
    @DisplayName("StartReplication goes through the user guide's seven start steps into running, then provisioned")
    void startSteps() {
        String arn = config("cfg", "full-load-and-cdc");
        Replication starting = dms.startReplication(b -> b.replicationConfigArn(arn)
                .startReplicationType("start-replication")).replication();
        assertThat(starting.status()).isEqualTo("initializing");
        assertThat(starting.startReplicationType()).isEqualTo("start-replication");
        assertThat(starting.provisionData().provisionState()).isEqualTo("provisioning");
        List<String> seen = new ArrayList<>();
        seen.add(starting.status());
        Duration step = Timings.realistic().replicationStart().dividedBy(7);
        for (int i = 0; i < 7; i++) {
            fake.clock().advance(step);
            String status = replication(arn).status();
            if (!status.equals(seen.get(seen.size() - 1))) {
                seen.add(status);
            }
            if (status.equals("provisioning_capacity")) {
                assertThat(replication(arn).provisionData().provisionState()).isEqualTo("provisioning");
            }
        }
        fake.clock().advance(Duration.ofSeconds(1));
        assertThat(replication(arn).status()).isEqualTo("running");
        seen.add("running");
        assertThat(seen).containsExactly("initializing", "preparing_metadata_resources", "testing_connection",
                "fetching_metadata", "calculating_capacity", "provisioning_capacity", "replication_starting",
                "running");
        Replication running = replication(arn);
        assertThat(running.provisionData().provisionState()).isEqualTo("provisioned");
        assertThat(running.provisionData().provisionedCapacityUnits()).isEqualTo(16);
        assertThat(running.provisionData().isNewProvisioningAvailable()).isFalse();
        assertThat(running.provisionData().dateProvisioned()).isNotNull();
        assertThat(running.replicationStats().startDate()).isNotNull();
        assertThat(running.replicationStats().freshStartDate()).isNotNull();
    }

    @Test
    @DisplayName("while it starts or runs, a replication cannot be started again, modified or deleted")
    void busyRules() {
        String arn = config("cfg", "full-load-and-cdc");
        dms.startReplication(b -> b.replicationConfigArn(arn).startReplicationType("start-replication"));
        for (int i = 0; i < 2; i++) {
            assertThat(errorCode(() -> dms.deleteReplicationConfig(b -> b.replicationConfigArn(arn))))
                    .isEqualTo("InvalidResourceStateFault");
            assertThat(errorCode(() -> dms.modifyReplicationConfig(b -> b.replicationConfigArn(arn)
                    .computeConfig(c -> c.maxCapacityUnits(32))))).isEqualTo("InvalidResourceStateFault");
            assertThat(errorCode(() -> dms.startReplication(b -> b.replicationConfigArn(arn)
                    .startReplicationType("resume-processing")))).isEqualTo("InvalidResourceStateFault");
            fake.clock().advance(Duration.ofMinutes(10));
            assertThat(replication(arn).status()).isEqualTo("running");
        }
    }

    @Test
    @DisplayName("a stop keeps the capacity until ReplicationDeprovisionTime, then deprovisions it; resume works")
    void stopDeprovisionResume() {
        String arn = config("cfg", "full-load-and-cdc");
        dms.startReplication(b -> b.replicationConfigArn(arn).startReplicationType("start-replication"));
        fake.clock().advance(Duration.ofMinutes(10));
        fake.replication(arn).checkpoint("checkpoint:V1#27#mysql-bin-changelog.000002:1234");
        Instant stopAt = fake.clock().instant();
        assertThat(dms.stopReplication(b -> b.replicationConfigArn(arn)).replication().status())
                .isEqualTo("stopping");
        assertThat(errorCode(() -> dms.stopReplication(b -> b.replicationConfigArn(arn))))
                .isEqualTo("InvalidResourceStateFault");
        fake.clock().advance(Duration.ofMinutes(2));
        Replication stopped = replication(arn);
        assertThat(stopped.status()).isEqualTo("stopped");
        assertThat(stopped.stopReason()).isEqualTo("Stop Reason NORMAL");
        assertThat(stopped.replicationLastStopTime()).isEqualTo(stopAt.plus(Duration.ofMinutes(2)));
        assertThat(stopped.replicationStats().stopDate()).isEqualTo(stopped.replicationLastStopTime());
        assertThat(stopped.provisionData().provisionState()).isEqualTo("provisioned");
        assertThat(stopped.provisionData().provisionedCapacityUnits()).isEqualTo(16);
        assertThat(stopped.replicationDeprovisionTime())
                .isEqualTo(stopped.replicationLastStopTime().plus(Duration.ofHours(48)));

        fake.clock().advance(Duration.ofHours(48));
        assertThat(replication(arn).provisionData().provisionState()).isEqualTo("deprovisioning");
        fake.clock().advance(Duration.ofMinutes(2));
        Replication released = replication(arn);
        assertThat(released.provisionData().provisionState()).isEqualTo("deprovisioned");
        assertThat(released.provisionData().provisionedCapacityUnits()).isNull();
        assertThat(released.status()).isEqualTo("stopped");
        assertThat(released.recoveryCheckpoint()).isEqualTo("checkpoint:V1#27#mysql-bin-changelog.000002:1234");
        assertThat(dms.describeReplicationConfigs(b -> b.filters(filter("replication-config-arn", arn)))
                .replicationConfigs()).hasSize(1);

        Replication resumed = dms.startReplication(b -> b.replicationConfigArn(arn)
                .startReplicationType("resume-processing")).replication();
        assertThat(resumed.status()).isEqualTo("initializing");
        assertThat(resumed.provisionData().provisionState()).isEqualTo("provisioning");
        assertThat(resumed.stopReason()).isNull();
        fake.clock().advance(Duration.ofMinutes(10));
        assertThat(replication(arn).status()).isEqualTo("running");
        assertThat(replication(arn).provisionData().provisionState()).isEqualTo("provisioned");
    }

    @Test
    @DisplayName("once started, a config cannot be modified even after a stop; created and failed ones can")
    void modifyOnlyBeforeFirstStartOrWhenFailed() {
        String arn = config("cfg", "full-load-and-cdc");
        dms.modifyReplicationConfig(b -> b.replicationConfigArn(arn).computeConfig(c -> c.maxCapacityUnits(32)));
        assertThat(dms.describeReplicationConfigs(b -> b.filters(filter("replication-config-id", "cfg")))
                .replicationConfigs().get(0).computeConfig()).satisfies(c -> {
                    assertThat(c.maxCapacityUnits()).isEqualTo(32);
                    assertThat(c.minCapacityUnits()).isEqualTo(2);
                });
        dms.startReplication(b -> b.replicationConfigArn(arn).startReplicationType("start-replication"));
        fake.clock().advance(Duration.ofMinutes(10));
        dms.stopReplication(b -> b.replicationConfigArn(arn));
        fake.clock().advance(Duration.ofMinutes(2));
        assertThatThrownBy(() -> dms.modifyReplicationConfig(b -> b.replicationConfigArn(arn)
                .computeConfig(c -> c.maxCapacityUnits(64))))
                .isInstanceOf(InvalidResourceStateException.class)
                .hasMessageContaining("stopped").hasMessageContaining("created or failed");

        dms.startReplication(b -> b.replicationConfigArn(arn).startReplicationType("resume-processing"));
        fake.clock().advance(Duration.ofMinutes(10));
        fake.replication(arn).fail("Last Error ODBC general error. Task error notification received.");
        Replication failed = replication(arn);
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.stopReason()).isEqualTo("Stop Reason FATAL_ERROR");
        assertThat(failed.failureMessages()).containsExactly(
                "Last Error ODBC general error. Task error notification received.");
        dms.modifyReplicationConfig(b -> b.replicationConfigArn(arn).computeConfig(c -> c.maxCapacityUnits(64)));
        assertThat(dms.describeReplicationConfigs(b -> b.filters(filter("replication-config-arn", arn)))
                .replicationConfigs().get(0).computeConfig().maxCapacityUnits()).isEqualTo(64);
    }

    @Test
    @DisplayName("a failure before capacity is provisioned shows ProvisionState failed_provision")
    void failedProvision() {
        String arn = config("cfg", "cdc");
        dms.startReplication(b -> b.replicationConfigArn(arn).startReplicationType("start-replication"));
        fake.clock().advance(Duration.ofMinutes(3));
        assertThat(replication(arn).status()).isEqualTo("testing_connection");
        fake.replication(arn).fail("Test connection failed for the source endpoint.");
        Replication failed = replication(arn);
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.provisionData().provisionState()).isEqualTo("failed_provision");
        fake.clock().advance(Duration.ofMinutes(20));
        assertThat(replication(arn).status()).isEqualTo("failed");
    }

    @Test
    @DisplayName("delete is refused while running and accepted when stopped; the config and replication are gone")
    void delete() {
        String arn = config("cfg", "full-load-and-cdc");
        dms.startReplication(b -> b.replicationConfigArn(arn).startReplicationType("start-replication"));
        fake.clock().advance(Duration.ofMinutes(10));
        assertThatThrownBy(() -> dms.deleteReplicationConfig(b -> b.replicationConfigArn(arn)))
                .isInstanceOf(InvalidResourceStateException.class).hasMessageContaining("running");
        dms.stopReplication(b -> b.replicationConfigArn(arn));
        assertThat(errorCode(() -> dms.deleteReplicationConfig(b -> b.replicationConfigArn(arn))))
                .isEqualTo("InvalidResourceStateFault");
        fake.clock().advance(Duration.ofMinutes(2));
        assertThat(dms.deleteReplicationConfig(b -> b.replicationConfigArn(arn)).replicationConfig()
                .replicationConfigArn()).isEqualTo(arn);
        assertThat(dms.describeReplicationConfigs(b -> { }).replicationConfigs()).isEmpty();
        assertThat(dms.describeReplications(b -> { }).replications()).isEmpty();
        assertThatThrownBy(() -> dms.describeReplications(b -> b.filters(filter("replication-config-arn", arn))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> dms.describeReplicationConfigs(b -> b.filters(filter("replication-config-arn",
                arn)))).isInstanceOf(ResourceNotFoundException.class);
        fake.clock().advance(Duration.ofHours(49));
        assertThat(dms.describeReplications(b -> { }).replications()).isEmpty();
    }

    @Test
    @DisplayName("a full-load replication stops by itself when its full load ends: FULL_LOAD_ONLY_FINISHED")
    void fullLoadOnly() {
        String arn = config("cfg", "full-load");
        dms.startReplication(b -> b.replicationConfigArn(arn).startReplicationType("start-replication"));
        fake.clock().advance(Duration.ofMinutes(10));
        assertThat(replication(arn).status()).isEqualTo("running");
        fake.clock().advance(Duration.ofMinutes(2)); // Timings.realistic().fullLoad()
        Replication done = replication(arn);
        assertThat(done.status()).isEqualTo("stopped");
        assertThat(done.stopReason()).isEqualTo("Stop Reason FULL_LOAD_ONLY_FINISHED");
        assertThat(done.replicationStats().fullLoadProgressPercent()).isEqualTo(100);
        assertThat(done.replicationStats().fullLoadFinishDate()).isNotNull();
        assertThat(errorCode(() -> dms.startReplication(b -> b.replicationConfigArn(arn)
                .startReplicationType("resume-processing")))).isEqualTo("InvalidParameterCombinationException");
        assertThat(dms.startReplication(b -> b.replicationConfigArn(arn).startReplicationType("reload-target"))
                .replication().status()).isEqualTo("initializing");
    }

    @Test
    @DisplayName("a CdcStopPosition stops the running replication at that server time")
    void cdcStopPosition() {
        String arn = config("cfg", "cdc");
        Instant stopAt = fake.clock().instant().plus(Duration.ofHours(1));
        String position = "server_time:" + stopAt.toString().replace("Z", "");
        Replication started = dms.startReplication(b -> b.replicationConfigArn(arn)
                .startReplicationType("start-replication").cdcStartPosition("mysql-bin-changelog.000024:373")
                .cdcStopPosition(position)).replication();
        assertThat(started.cdcStartPosition()).isEqualTo("mysql-bin-changelog.000024:373");
        assertThat(started.cdcStopPosition()).isEqualTo(position);
        fake.clock().advance(Duration.ofMinutes(30));
        assertThat(replication(arn).status()).isEqualTo("running");
        fake.clock().advance(Duration.ofMinutes(31));
        assertThat(replication(arn).status()).isEqualTo("stopped");
        assertThat(replication(arn).stopReason()).isEqualTo("Stop Reason STOPPED_AT_SERVER_TIME");
    }
}
