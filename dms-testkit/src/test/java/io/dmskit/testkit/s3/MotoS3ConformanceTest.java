package io.dmskit.testkit.s3;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dmskit.testkit.DmsSandbox;
import io.dmskit.testkit.server.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import software.amazon.awssdk.services.s3.S3Client;

@DisplayName("S3 conformance: moto_server through DmsSandbox.forEndpoint")
class MotoS3ConformanceTest extends S3Conformance {

    private static MotoServer moto;
    private static DmsSandbox.Remote aws;

    @BeforeAll
    static void start() {
        assumeTrue(MotoServer.isAvailable(), MotoServer.unavailableReason());
        moto = MotoServer.start();
        aws = DmsSandbox.forEndpoint(moto.endpoint());
    }

    @AfterAll
    static void stop() {
        if (aws != null) {
            aws.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    @Override
    S3Client client() {
        return aws.s3();
    }
}
