package io.dmskit.testkit.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

/**
 * Secrets Manager behaviours every implementation must show (AWS's documented behaviour), run against
 * FakeSecretsManager and, where moto_server is installed, against moto: two independent implementations agreeing is
 * evidence the fake follows AWS and not just its author's reading.
 */
abstract class SecretsManagerConformance {

    /** @return the client under test, with no secrets */
    abstract SecretsManagerClient client();

    private String prefix;

    @BeforeEach
    void uniquePrefix() {
        prefix = "conf-" + UUID.randomUUID().toString().substring(0, 8) + "/";
    }

    private String name(String n) {
        return prefix + n;
    }

    @Test
    @DisplayName("ARN is arn:aws:secretsmanager:<region>:<account>:secret:<name>-<6 characters>; found by name and ARN")
    void arnAndLookup() {
        String arn = client().createSecret(b -> b.name(name("a")).secretString("v")).arn();
        assertThat(arn).matches("arn:aws:secretsmanager:us-east-1:\\d{12}:secret:" + name("a") + "-[A-Za-z0-9]{6}");
        GetSecretValueResponse byName = client().getSecretValue(b -> b.secretId(name("a")));
        GetSecretValueResponse byArn = client().getSecretValue(b -> b.secretId(arn));
        assertThat(byName.secretString()).isEqualTo("v");
        assertThat(byArn.versionId()).isEqualTo(byName.versionId());
        assertThat(byName.versionStages()).containsExactly("AWSCURRENT");
        assertThat(byName.arn()).isEqualTo(arn);
    }

    @Test
    @DisplayName("putSecretValue moves AWSCURRENT to the new version and AWSPREVIOUS to the old one")
    void currentAndPrevious() {
        String v1 = client().createSecret(b -> b.name(name("r")).secretString("one")).versionId();
        client().putSecretValue(b -> b.secretId(name("r")).secretString("two"));
        assertThat(client().getSecretValue(b -> b.secretId(name("r"))).secretString()).isEqualTo("two");
        GetSecretValueResponse prev = client().getSecretValue(b -> b.secretId(name("r")).versionStage("AWSPREVIOUS"));
        assertThat(prev.versionId()).isEqualTo(v1);
        assertThat(prev.secretString()).isEqualTo("one");
    }

    @Test
    @DisplayName("a put staged AWSPENDING does not change AWSCURRENT")
    void pending() {
        client().createSecret(b -> b.name(name("p")).secretString("old"));
        client().putSecretValue(b -> b.secretId(name("p")).secretString("new").versionStages("AWSPENDING"));
        assertThat(client().getSecretValue(b -> b.secretId(name("p"))).secretString()).isEqualTo("old");
        assertThat(client().getSecretValue(b -> b.secretId(name("p")).versionStage("AWSPENDING")).secretString())
                .isEqualTo("new");
    }

    @Test
    @DisplayName("a duplicate name is ResourceExistsException, an unknown secret ResourceNotFoundException")
    void errors() {
        client().createSecret(b -> b.name(name("d")).secretString("v"));
        assertThatThrownBy(() -> client().createSecret(b -> b.name(name("d")).secretString("w")))
                .isInstanceOf(ResourceExistsException.class);
        assertThatThrownBy(() -> client().getSecretValue(b -> b.secretId(name("missing"))))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(
                        e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundException"));
    }

    @Test
    @DisplayName("a secret scheduled for deletion rejects GetSecretValue with InvalidRequestException until restored")
    void deleteAndRestore() {
        client().createSecret(b -> b.name(name("x")).secretString("v"));
        assertThat(client().deleteSecret(b -> b.secretId(name("x")).recoveryWindowInDays(7L)).deletionDate())
                .isNotNull();
        assertThatThrownBy(() -> client().getSecretValue(b -> b.secretId(name("x"))))
                .isInstanceOf(InvalidRequestException.class);
        assertThat(client().describeSecret(b -> b.secretId(name("x"))).deletedDate()).isNotNull();
        client().restoreSecret(b -> b.secretId(name("x")));
        assertThat(client().getSecretValue(b -> b.secretId(name("x"))).secretString()).isEqualTo("v");
    }

    @Test
    @DisplayName("force delete removes at once; a window outside 7-30 days or combined with force is rejected")
    void forceDeleteAndBadWindows() {
        client().createSecret(b -> b.name(name("f")).secretString("v"));
        assertThatThrownBy(() -> client().deleteSecret(b -> b.secretId(name("f")).recoveryWindowInDays(3L)))
                .isInstanceOf(InvalidParameterException.class);
        assertThatThrownBy(() -> client().deleteSecret(b -> b.secretId(name("f")).recoveryWindowInDays(7L)
                .forceDeleteWithoutRecovery(true)))
                .isInstanceOf(InvalidParameterException.class);
        client().deleteSecret(b -> b.secretId(name("f")).forceDeleteWithoutRecovery(true));
        assertThatThrownBy(() -> client().describeSecret(b -> b.secretId(name("f"))))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    @DisplayName("listSecrets with a name filter returns the secrets whose names start with the value")
    void listByName() {
        client().createSecret(b -> b.name(name("list/a")).secretString("v"));
        client().createSecret(b -> b.name(name("list/b")).secretString("v"));
        client().createSecret(b -> b.name(name("other")).secretString("v"));
        List<String> names = client().listSecrets(b -> b.filters(Filter.builder().key(FilterNameStringType.NAME)
                .values(name("list/")).build())).secretList().stream().map(SecretListEntry::name).toList();
        assertThat(names).containsExactlyInAnyOrder(name("list/a"), name("list/b"));
    }

    @Test
    @DisplayName("moving AWSCURRENT without naming the version that holds it is InvalidParameterException")
    void moveCurrentNeedsRemoveFrom() {
        client().createSecret(b -> b.name(name("m")).secretString("a"));
        String v2 = client().putSecretValue(b -> b.secretId(name("m")).secretString("b").versionStages("AWSPENDING"))
                .versionId();
        assertThatThrownBy(() -> client().updateSecretVersionStage(b -> b.secretId(name("m"))
                .versionStage("AWSCURRENT").moveToVersionId(v2)))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    @DisplayName("retrying a put with the same ClientRequestToken and value creates no second version")
    void idempotentPut() {
        client().createSecret(b -> b.name(name("i")).secretString("a"));
        String token = UUID.randomUUID().toString();
        String first = client().putSecretValue(b -> b.secretId(name("i")).clientRequestToken(token)
                .secretString("b")).versionId();
        String again = client().putSecretValue(b -> b.secretId(name("i")).clientRequestToken(token)
                .secretString("b")).versionId();
        assertThat(first).isEqualTo(token).isEqualTo(again);
        assertThat(client().listSecretVersionIds(b -> b.secretId(name("i")).includeDeprecated(true)).versions())
                .hasSize(2);
    }
}
