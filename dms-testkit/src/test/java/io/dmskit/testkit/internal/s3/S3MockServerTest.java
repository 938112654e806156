package io.dmskit.testkit.internal.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.adobe.testing.s3mock.store.StoreCleaner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The embedded S3Mock leaves nothing behind: no StoreCleaner shutdown hook, its folder deleted on close")
class S3MockServerTest {

    @Test
    void noStoreCleanerAndTheFolderIsDeletedOnClose() {
        Path root;
        try (S3MockServer server = S3MockServer.start(null, false, List.of("b"), "us-east-1")) {
            root = server.root();
            assertThat(root).isDirectory();
            // StoreCleaner would add a JVM shutdown hook per server that logs at INFO when the JVM exits
            assertThat(server.beanNames(StoreCleaner.class)).isEmpty();
            assertThat(server.httpPort()).isPositive();
        }
        assertThat(Files.exists(root)).as("the temporary folder is deleted by close()").isFalse();
    }
}
