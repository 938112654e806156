package io.dmskit.local.internal;


import io.dmskit.testkit.dataplane.EndpointCredentials;
import io.dmskit.testkit.dataplane.ReplicationContext;
import io.dmskit.testkit.dataplane.ReplicationEngine;
import io.dmskit.testkit.dataplane.RunningReplication;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.databasemigration.model.Endpoint;

/**
 * The local replication engine, created on first use: the engine writes to S3, and S3 (S3Mock, Spring Boot) takes
 * seconds to start, so a server whose clients never start a task answers its first request without waiting for it.
 */
final class LazyEngine implements ReplicationEngine, AutoCloseable {

    private final Supplier<ReplicationEngine> factory;
    private ReplicationEngine engine;

    LazyEngine(Supplier<ReplicationEngine> factory) {
        this.factory = factory;
    }

    private synchronized ReplicationEngine engine() {
        if (engine == null) {
            engine = factory.get();
        }
        return engine;
    }

    @Override
    public RunningReplication start(ReplicationContext context) {
        return engine().start(context);
    }

    @Override
    public Optional<String> testConnection(Endpoint endpoint, EndpointCredentials credentials) {
        return engine().testConnection(endpoint, credentials);
    }

    @Override
    public Optional<List<String>> listSchemas(Endpoint endpoint, EndpointCredentials credentials) {
        return engine().listSchemas(endpoint, credentials);
    }

    @Override
    public void close() throws Exception {
        ReplicationEngine e;
        synchronized (this) {
            e = engine;
            engine = null;
        }
        if (e instanceof AutoCloseable c) {
            c.close();
        }
    }
}
