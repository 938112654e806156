package io.dmskit.testkit.s3;

import io.dmskit.testkit.LocalS3;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import software.amazon.awssdk.services.s3.S3Client;

@DisplayName("S3 conformance: LocalS3")
class LocalS3ConformanceTest extends S3Conformance {

    private static LocalS3 s3;

    @BeforeAll
    static void start() {
        s3 = LocalS3.started();
    }

    @AfterAll
    static void stop() {
        s3.stop();
    }

    @Override
    S3Client client() {
        return s3.client();
    }
}
