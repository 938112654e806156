package io.dmskit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("DmsSandbox on a static field keeps one state for the whole test class")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DmsSandboxPerClassTest {

    @RegisterExtension
    static DmsSandbox sandbox = DmsSandbox.create();

    private static FakeSecretsManager firstSecrets;

    @BeforeAll
    static void seedOnce(FakeSecretsManager secrets) {
        secrets.seedSecret("class-wide", "v");
        sandbox.s3().createBucket(b -> b.bucket("class-wide-bucket"));
        firstSecrets = secrets;
    }

    @Test
    @Order(1)
    @DisplayName("what @BeforeAll created is visible in the first test")
    void first() {
        assertThat(sandbox.secrets()).isSameAs(firstSecrets);
        assertThat(sandbox.secrets().secretNames()).containsExactly("class-wide");
        sandbox.secrets().seedSecret("from-first-test", "v");
    }

    @Test
    @Order(2)
    @DisplayName("and what the first test created is still there in the second")
    void second() {
        assertThat(sandbox.secrets().secretNames()).containsExactly("class-wide", "from-first-test");
        assertThat(sandbox.localS3().bucketNames()).contains("class-wide-bucket");
    }

    @Nested
    @DisplayName("a @Nested class")
    class Inner {
        @Test
        @DisplayName("gets a state of its own while it runs")
        void ownState() {
            assertThat(sandbox.secrets()).isNotSameAs(firstSecrets);
            assertThat(sandbox.secrets().secretNames()).isEmpty();
        }
    }

    @AfterAll
    static void stillActiveInAfterAll() {
        // runs after the @Nested class: the outer class's state is back
        assertThat(sandbox.isActive()).isTrue();
        assertThat(sandbox.secrets()).isSameAs(firstSecrets);
    }
}
