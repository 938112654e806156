package io.dmskit.testkit.secrets;

import io.dmskit.testkit.FakeSecretsManager;
import org.junit.jupiter.api.DisplayName;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

@DisplayName("Secrets Manager conformance: FakeSecretsManager")
class FakeSecretsManagerConformanceTest extends SecretsManagerConformance {

    private final FakeSecretsManager fake = FakeSecretsManager.create();

    @Override
    SecretsManagerClient client() {
        return fake;
    }
}
