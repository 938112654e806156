package io.dmskit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

@DisplayName("DmsSandbox: one line gives a test its fakes, with clean state per test or per class")
class DmsSandboxTest {

    @Nested
    @DisplayName("on an instance field")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class PerTest {

        @RegisterExtension
        DmsSandbox sandbox = DmsSandbox.builder().startingAt(Instant.parse("2026-03-01T00:00:00Z")).build();

        @Test
        @Order(1)
        @DisplayName("a test creates secrets and buckets")
        void first() {
            sandbox.secrets().seedSecret("per-test", "v");
            sandbox.s3().createBucket(b -> b.bucket("per-test-bucket"));
            sandbox.localS3().bucket("per-test-via-server").put("k", "v");
            assertThat(sandbox.localS3().bucketNames()).contains("per-test-bucket", "per-test-via-server");
        }

        @Test
        @Order(2)
        @DisplayName("the next test starts clean: no secrets, no buckets of the previous test")
        void second() {
            assertThat(sandbox.secrets().secretNames()).isEmpty();
            assertThat(sandbox.localS3().bucketNames())
                    .doesNotContain("per-test-bucket", "per-test-via-server");
        }

        @Test
        @Order(3)
        @DisplayName("the clock starts where configured and is shared with the secrets fake")
        void sharedClock() {
            assertThat(sandbox.clock().instant()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
            sandbox.secrets().seedSecret("dated", "v");
            sandbox.clock().advance(Duration.ofDays(31));
            sandbox.secrets().deleteSecret(b -> b.secretId("dated").recoveryWindowInDays(7L));
            assertThat(sandbox.secrets().describeSecret(b -> b.secretId("dated")).deletedDate())
                    .isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
        }

        @Test
        @Order(5)
        @DisplayName("dms() reads endpoint credentials from the sandbox's secrets and shares its clock")
        void dmsWiredToSecrets(FakeDms dms, DatabaseMigrationClient client) {
            assertThat(client).isSameAs(dms).isSameAs(sandbox.dms());
            assertThat(dms.clock()).isSameAs(sandbox.clock());
            String secretArn = sandbox.secrets().seedDatabaseSecret("dms/source", "db.internal", 3306, "dms", "pw");
            String instanceArn = dms.createReplicationInstance(b -> b.replicationInstanceIdentifier("ri")
                    .replicationInstanceClass("dms.t3.medium")).replicationInstance().replicationInstanceArn();
            String endpointArn = dms.createEndpoint(b -> b.endpointIdentifier("source").endpointType("source")
                    .engineName("mysql").mySQLSettings(m -> m.secretsManagerSecretId(secretArn)
                            .secretsManagerAccessRoleArn("arn:aws:iam::123456789012:role/dms-secrets")))
                    .endpoint().endpointArn();
            dms.waiter().waitUntilReplicationInstanceAvailable(b -> b.filters(
                    f -> f.name("replication-instance-arn").values(instanceArn)));
            dms.testConnection(b -> b.replicationInstanceArn(instanceArn).endpointArn(endpointArn));
            dms.waiter().waitUntilTestConnectionSucceeds(b -> b.filters(
                    f -> f.name("endpoint-arn").values(endpointArn)));
            assertThat(sandbox.secrets().calls("GetSecretValue")).isNotEmpty()
                    .allSatisfy(c -> assertThat(c.succeeded()).isTrue());
        }

        @Test
        @Order(4)
        @DisplayName("parameters of the fakes' types are injected from the sandbox")
        void injection(FakeSecretsManager fake, SecretsManagerClient client, S3Client s3, LocalS3 server,
                       FakeClock clock, DmsSandbox self) {
            assertThat(fake).isSameAs(sandbox.secrets()).isSameAs(client);
            assertThat(s3).isSameAs(sandbox.s3());
            assertThat(server).isSameAs(sandbox.localS3());
            assertThat(clock).isSameAs(sandbox.clock());
            assertThat(self).isSameAs(sandbox);
            s3.createBucket(b -> b.bucket("injected"));
            s3.putObject(b -> b.bucket("injected").key("a"), RequestBody.fromString("1"));
            assertThat(server.bucket("injected").keys()).containsExactly("a");
        }
    }

    @Test
    @DisplayName("using a sandbox outside a test scope fails with a message that says how to register it")
    void inactive() {
        DmsSandbox idle = DmsSandbox.create();
        assertThat(idle.isActive()).isFalse();
        assertThatThrownBy(idle::secrets)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("@RegisterExtension");
    }

    @Test
    @DisplayName("forEndpoint reports every invalid setting at once")
    void invalidRemoteSettings() {
        assertThatThrownBy(() -> DmsSandbox.forEndpoint(URI.create("localhost"),
                r -> r.maxAttempts(0).apiCallTimeout(Duration.ZERO).region(" ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("endpoint").hasMessageContaining("maxAttempts")
                .hasMessageContaining("apiCallTimeout").hasMessageContaining("region");
    }

    @Test
    @DisplayName("forEndpoint builds clients lazily for the given endpoint and region")
    void remoteClients() {
        try (DmsSandbox.Remote remote = DmsSandbox.forEndpoint(URI.create("http://127.0.0.1:1"),
                r -> r.region("eu-west-1"))) {
            assertThat(remote.endpoint()).isEqualTo(URI.create("http://127.0.0.1:1"));
            assertThat(remote.region().id()).isEqualTo("eu-west-1");
            assertThat(remote.s3().serviceClientConfiguration().region().id()).isEqualTo("eu-west-1");
            assertThat(remote.secrets().serviceClientConfiguration().endpointOverride())
                    .contains(URI.create("http://127.0.0.1:1"));
            assertThat(remote.dms()).isSameAs(remote.dms());
        }
    }
}
