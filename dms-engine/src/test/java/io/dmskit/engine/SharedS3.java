package io.dmskit.engine;

import io.dmskit.testkit.LocalS3;
import software.amazon.awssdk.services.databasemigration.model.Endpoint;
import software.amazon.awssdk.services.databasemigration.model.ReplicationEndpointTypeValue;
import software.amazon.awssdk.services.databasemigration.model.S3Settings;

/** One LocalS3 (a real S3 server over HTTP) shared by the engine test classes of a run. */
final class SharedS3 {

    private static LocalS3 instance;

    private SharedS3() {
    }

    static synchronized LocalS3 get() {
        if (instance == null) {
            instance = LocalS3.started();
            LocalS3 started = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
        }
        return instance;
    }

    /** @return a fresh, empty bucket */
    static LocalS3.Bucket bucket(String name) {
        LocalS3 s3 = get();
        if (!s3.bucketNames().contains(name)) {
            s3.createBucket(name);
        }
        LocalS3.Bucket b = s3.bucket(name);
        b.clear();
        return b;
    }

    static Endpoint s3Target(String id, S3Settings settings) {
        return Endpoint.builder().endpointIdentifier(id).endpointArn("arn:aws:dms:us-east-1:123456789012:endpoint:" + id)
                .endpointType(ReplicationEndpointTypeValue.TARGET).engineName("s3").s3Settings(settings).build();
    }
}
