package io.dmskit.testkit.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

@DisplayName("LocalStackSandbox: LocalStack through Testcontainers, handed to DmsSandbox.forEndpoint")
class LocalStackSandboxTest {

    @Test
    @DisplayName("without Docker, start() fails with the reason instead of hanging or half-starting")
    void explainsWhyItCannotRun() {
        assumeFalse(LocalStackSandbox.isDockerAvailable(), "Docker is available here; the Docker test covers it");
        assertThat(LocalStackSandbox.unavailableReason()).contains("Docker");
        assertThatThrownBy(LocalStackSandbox::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(LocalStackSandbox.unavailableReason());
    }

    @Test
    @DisplayName("with Docker, the SDK clients reach LocalStack's S3 and Secrets Manager")
    void clientsReachLocalStack() {
        assumeTrue(LocalStackSandbox.isDockerAvailable(), LocalStackSandbox.unavailableReason());
        try (LocalStackSandbox localstack = LocalStackSandbox.start()) {
            localstack.clients().s3().createBucket(b -> b.bucket("landing"));
            localstack.clients().s3().putObject(b -> b.bucket("landing").key("k"), RequestBody.fromString("v"));
            assertThat(localstack.clients().s3().getObjectAsBytes(b -> b.bucket("landing").key("k")).asUtf8String())
                    .isEqualTo("v");
            String arn = localstack.clients().secrets().createSecret(b -> b.name("s").secretString("x")).arn();
            assertThat(localstack.clients().secrets().getSecretValue(b -> b.secretId(arn)).secretString())
                    .isEqualTo("x");
        }
    }
}
