package io.dmskit.testkit.fakedms;

import static io.dmskit.testkit.fakedms.Fixtures.filter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.testkit.CallRecord;
import io.dmskit.testkit.FakeDms;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.databasemigration.model.CreateEndpointRequest;
import software.amazon.awssdk.services.databasemigration.model.DatabaseMigrationException;
import software.amazon.awssdk.services.databasemigration.model.ResourceNotFoundException;

class FakeDmsFaultsTest {

    private final FakeDms dms = FakeDms.create();

    @Test
    @DisplayName("throttle(op).times(3): three ThrottlingExceptions, then the call goes through; nothing is created")
    void throttleTimes() {
        dms.faults().throttle("CreateEndpoint").times(3);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> Fixtures.mysqlSource(dms, "src")).isInstanceOfSatisfying(
                    DatabaseMigrationException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
                        assertThat(e.isThrottlingException()).isTrue();
                    });
            assertThat(dms.describeEndpoints().endpoints()).isEmpty();
        }
        Fixtures.mysqlSource(dms, "src");
        assertThat(dms.calls("CreateEndpoint")).extracting(c -> c.errorCode().orElse("OK"))
                .containsExactly("ThrottlingException", "ThrottlingException", "ThrottlingException", "OK");
        assertThat(dms.faults().isEmpty()).isTrue();
    }

    @Test
    @DisplayName("throttle(op).rate(p) fails about p of the calls, reproducibly for a seed")
    void throttleRate() {
        dms.faults().seed(7).throttle("DescribeEndpoints").rate(0.3);
        int failures = 0;
        for (int i = 0; i < 1000; i++) {
            try {
                dms.describeEndpoints();
            } catch (DatabaseMigrationException e) {
                failures++;
            }
        }
        assertThat(failures).isBetween(240, 360);
        FakeDms again = FakeDms.create();
        again.faults().seed(7).throttle("DescribeEndpoints").rate(0.3);
        int againFailures = 0;
        for (int i = 0; i < 1000; i++) {
            try {
                again.describeEndpoints();
            } catch (DatabaseMigrationException e) {
                againFailures++;
            }
        }
        assertThat(againFailures).isEqualTo(failures);
    }

    @Test
    @DisplayName("serverError and serviceUnavailable answer 500/503, which the SDK counts as retryable")
    void serverErrors() {
        dms.faults().serverError("StartReplicationTask").once().serviceUnavailable("*").once();
        assertThatThrownBy(dms::describeReplicationTasks).isInstanceOfSatisfying(AwsServiceException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(503);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailable");
        });
        assertThatThrownBy(() -> dms.startReplicationTask(b -> b.replicationTaskArn("x")))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        assertThat(dms.describeReplicationTasks().replicationTasks()).isEmpty();
    }

    @Test
    @DisplayName("latency moves the fake clock, not the real one")
    void latency() {
        dms.faults().latency("DescribeEndpoints", Duration.ofSeconds(2));
        Instant before = dms.clock().instant();
        dms.describeEndpoints();
        dms.describeEndpoints();
        assertThat(Duration.between(before, dms.clock().instant())).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    @DisplayName("eventual consistency: a new task is missing from the next two Describe calls")
    void eventualConsistency() {
        dms.faults().eventualConsistency("CreateReplicationTask").invisibleFor(2);
        String arn = Fixtures.task(dms, "t", "cdc");
        assertThatThrownBy(() -> dms.describeReplicationTasks(b -> b.filters(filter("replication-task-arn", arn))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(dms.describeReplicationTasks().replicationTasks()).isEmpty();
        assertThat(dms.describeReplicationTasks().replicationTasks()).hasSize(1);
        assertThat(dms.describeEndpoints().endpoints()).as("endpoints were not delayed").hasSize(2);
    }

    @Test
    @DisplayName("unknown operation names are rejected when a rule is written")
    void unknownOperation() {
        assertThatThrownBy(() -> dms.faults().throttle("CreateEndpoints")).isInstanceOf(
                IllegalArgumentException.class).hasMessageContaining("CreateEndpoints");
    }

    @Test
    @DisplayName("the call log has request, outcome and fake time of every call; mutating calls are counted")
    void callLog() {
        Instant t0 = dms.clock().instant();
        Fixtures.mysqlSource(dms, "src");
        dms.clock().advance(Duration.ofMinutes(1));
        dms.describeEndpoints();
        assertThatThrownBy(() -> Fixtures.mysqlSource(dms, "src")).isInstanceOf(DatabaseMigrationException.class);
        List<CallRecord> calls = dms.calls();
        assertThat(calls).extracting(CallRecord::operation)
                .containsExactly("CreateEndpoint", "DescribeEndpoints", "CreateEndpoint");
        assertThat(calls.get(0).time()).isEqualTo(t0);
        assertThat(calls.get(1).time()).isEqualTo(t0.plus(Duration.ofMinutes(1)));
        assertThat(calls.get(0).request(CreateEndpointRequest.class).endpointIdentifier()).isEqualTo("src");
        assertThat(calls.get(2).errorCode()).contains("ResourceAlreadyExistsFault");
        assertThat(calls.get(0).toString()).doesNotContain("s3cret-pw");
        assertThat(dms.mutatingCallCount()).isEqualTo(2);
    }
}
