package io.dmskit.testkit.dataplane;

import java.util.Optional;
import software.amazon.awssdk.services.databasemigration.model.Endpoint;

/**
 * Moves data for replication tasks of a {@code FakeDms}. Plugged in with
 * {@code FakeDms.builder().replicationEngine(engine)}.
 *
 * <p>Implementations must be thread-safe: {@code FakeDms} may start several tasks at once.
 */
public interface ReplicationEngine {

    /**
     * Called by {@code FakeDms} when a task has entered {@code running} (after a StartReplicationTask of any start
     * type), or a DMS Serverless replication has (after StartReplication and its provisioning steps). Must return quickly: replication work runs on the engine's own threads and reports through
     * {@code context}.
     *
     * @param context the task, its endpoints and the callbacks into {@code FakeDms}
     * @return a handle that {@code FakeDms} stops when the task is stopped or deleted
     */
    RunningReplication start(ReplicationContext context);

    /**
     * Called by {@code FakeDms} for TestConnection. The default answers success without connecting.
     *
     * @param endpoint the endpoint as DescribeEndpoints shows it
     * @param credentials how to log in to the endpoint (password or Secrets Manager secret)
     * @return empty when the connection works, otherwise the failure message DMS would show
     */
    default Optional<String> testConnection(Endpoint endpoint, EndpointCredentials credentials) {
        return Optional.empty();
    }

    /**
     * Called by {@code FakeDms} for RefreshSchemas: the schemas DescribeSchemas will list for the endpoint. The
     * default does not know them (FakeDms then uses the schemas a test declared, or none).
     *
     * @param endpoint the endpoint as DescribeEndpoints shows it
     * @param credentials how to log in to the endpoint
     * @return the schema names, or empty when this engine cannot list them
     * @throws RuntimeException when the endpoint cannot be reached; its message becomes the refresh's
     *     {@code LastFailureMessage}
     */
    default Optional<java.util.List<String>> listSchemas(Endpoint endpoint, EndpointCredentials credentials) {
        return Optional.empty();
    }
}
