package io.dmskit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.model.DatabaseMigrationException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/** The one fault DSL, seen through both fakes: same sentences, each service's own errors. */
class FaultsTest {

    @Test
    @DisplayName("the same rule answers with each service's exception (DatabaseMigrationException, SecretsManagerException)")
    void sameRuleEachServicesError() {
        FakeDms dms = FakeDms.create();
        FakeSecretsManager secrets = FakeSecretsManager.create();
        dms.faults().serviceUnavailable("*").once();
        secrets.faults().serviceUnavailable("*").once();

        assertThatThrownBy(dms::describeEndpoints).isInstanceOfSatisfying(DatabaseMigrationException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(503);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailable");
        });
        assertThatThrownBy(() -> secrets.listSecrets(b -> { }))
                .isInstanceOfSatisfying(SecretsManagerException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(503);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServiceUnavailable");
                    assertThat(e.awsErrorDetails().serviceName()).isEqualTo("SecretsManager");
                });
        assertThat(dms.faults().isEmpty()).isTrue();
        assertThat(secrets.faults().isEmpty()).isTrue();
    }

    @Test
    @DisplayName("latency on a FakeSecretsManager moves its FakeClock per call")
    void secretsLatencyOnFakeClock() {
        FakeClock clock = FakeClock.create();
        FakeSecretsManager secrets = FakeSecretsManager.builder().clock(clock).build();
        secrets.faults().latency("ListSecrets", Duration.ofSeconds(3));
        Instant before = clock.instant();
        secrets.listSecrets(b -> { });
        secrets.listSecrets(b -> { });
        secrets.getRandomPassword(b -> { });
        assertThat(Duration.between(before, clock.instant())).isEqualTo(Duration.ofSeconds(6));
    }

    @Test
    @DisplayName("latency on a FakeSecretsManager without a FakeClock is refused with the fix")
    void secretsLatencyNeedsFakeClock() {
        FakeSecretsManager secrets = FakeSecretsManager.create();
        assertThatThrownBy(() -> secrets.faults().latency("*", Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("FakeClock.create()");
    }

    @Test
    @DisplayName("eventual consistency is refused by FakeSecretsManager, which does not model it")
    void secretsHaveNoEventualConsistency() {
        FakeSecretsManager secrets = FakeSecretsManager.create();
        assertThatThrownBy(() -> secrets.faults().eventualConsistency("CreateSecret"))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("eventual consistency");
    }

    @Test
    @DisplayName("error(...) takes 4xx and 5xx only, for every fake")
    void errorStatusValidated() {
        assertThatThrownBy(() -> FakeDms.create().faults().error("*", "NotModified", 304, "no"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("statusCode");
        assertThatThrownBy(() -> FakeSecretsManager.create().faults().error("*", "Redirect", 302, "no"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("statusCode");
    }

    @Test
    @DisplayName("an unknown operation is named with the service and the supported names")
    void unknownOperationNamesTheService() {
        assertThatThrownBy(() -> FakeSecretsManager.create().faults().throttle("CreateEndpoint"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown Secrets Manager operation 'CreateEndpoint'")
                .hasMessageContaining("GetSecretValue");
    }
}
