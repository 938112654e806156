package io.dmskit.verify.support;

import io.dmskit.testkit.LocalS3;

import java.util.UUID;

/** One LocalS3 (S3Mock over HTTP) per test JVM: starting it takes seconds, buckets keep tests apart. */
public final class SharedS3 {

    private static LocalS3 instance;

    private SharedS3() {
    }

    /** @return the started LocalS3 */
    public static synchronized LocalS3 get() {
        if (instance == null) {
            instance = LocalS3.started();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    /** @return a new bucket with a unique name */
    public static String newBucket() {
        String name = "dmskit-" + UUID.randomUUID().toString().substring(0, 13);
        get().createBucket(name);
        return name;
    }
}
