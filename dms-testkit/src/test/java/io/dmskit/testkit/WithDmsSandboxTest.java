package io.dmskit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

@DisplayName("@WithDmsSandbox: the annotation form injects the fakes as parameters")
@WithDmsSandbox
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WithDmsSandboxTest {

    private static final List<FakeSecretsManager> SEEN = new ArrayList<>();

    @Test
    @Order(1)
    @DisplayName("each test gets fakes of its own")
    void first(FakeDms dms, FakeSecretsManager secrets, DmsSandbox sandbox) {
        assertThat(sandbox.dms()).isSameAs(dms);
        secrets.seedSecret("only-in-first", "v");
        SEEN.add(secrets);
    }

    @Test
    @Order(2)
    @DisplayName("so the next test does not see the previous test's secrets")
    void second(FakeSecretsManager secrets, DatabaseMigrationClient dms) {
        assertThat(secrets.secretNames()).isEmpty();
        assertThat(SEEN).doesNotContain(secrets);
        assertThat(dms.describeEndpoints().endpoints()).isEmpty();
    }

    @Nested
    @DisplayName("per class")
    @WithDmsSandbox(perClass = true)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    class PerClass {

        @Test
        @Order(1)
        @DisplayName("state is kept between the tests of the class")
        void first(SecretsManagerClient secrets) {
            secrets.createSecret(b -> b.name("kept").secretString("v"));
        }

        @Test
        @Order(2)
        @DisplayName("and visible to the next test")
        void second(FakeSecretsManager secrets) {
            assertThat(secrets.secretNames()).containsExactly("kept");
        }
    }

    @AfterAll
    static void clear() {
        SEEN.clear();
    }
}
