package io.dmskit.testkit.dataplane;

import software.amazon.awssdk.services.s3.S3Client;

/**
 * Makes a {@link ReplicationEngine} for a sandbox; found with {@link java.util.ServiceLoader} so that turning a real
 * engine on stays one line ({@code DmsSandbox.builder().withLocalReplicationEngine()} or
 * {@code @WithDmsSandbox(localReplicationEngine = true)}) while dms-testkit itself carries no JDBC driver.
 *
 * <p>The local replication engine (artifact {@code io.dmskit:dms-engine}) registers one in
 * {@code META-INF/services/io.dmskit.testkit.dataplane.ReplicationEngineProvider}.
 */
public interface ReplicationEngineProvider {

    /**
     * {@return a new engine; the sandbox closes it when it is {@link AutoCloseable}}
     *
     * @param s3 the S3 client that engine writes S3 targets through (the sandbox's {@code LocalS3})
     */
    ReplicationEngine create(S3Client s3);
}
