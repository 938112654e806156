package io.dmskit.engine;

import io.dmskit.testkit.dataplane.ReplicationEngine;
import io.dmskit.testkit.dataplane.ReplicationEngineProvider;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Registers {@link LocalReplicationEngine} with dms-testkit's {@link java.util.ServiceLoader} lookup, so that
 * {@code DmsSandbox.builder().withLocalReplicationEngine()} finds it when this artifact is on the class path.
 * Not meant to be called directly: use {@link LocalReplicationEngine#create(S3Client)}.
 */
public final class LocalEngineProvider implements ReplicationEngineProvider {

    /** Called by {@link java.util.ServiceLoader}. */
    public LocalEngineProvider() {
    }

    @Override
    public ReplicationEngine create(S3Client s3) {
        return LocalReplicationEngine.create(s3);
    }
}
