package io.dmskit.testkit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateBucketRequest;

/**
 * Internal: the S3 side of a {@code DmsSandbox} scope. One {@link LocalS3} serves the whole JUnit run (kept in the
 * root {@link ExtensionContext.Store} and stopped by JUnit at the end); each scope gets its own client, and
 * {@link #close()} deletes the buckets created while the scope was open: those its own client created and, when no
 * other scope is open at the same time (JUnit's default sequential execution), also those created by other clients
 * (e.g. {@code LocalS3.bucket(name)}) that did not exist when it opened. With parallel test execution only the
 * scope's own buckets are deleted, so scopes never delete each other's. Not API.
 */
final class SandboxS3 implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SandboxS3.class);
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create("io.dmskit.testkit", "LocalS3");

    private final SharedServer shared;
    private final LocalS3 server;
    private final S3Client client;
    private final Set<String> createdBuckets = new LinkedHashSet<>();
    private final Set<String> bucketsBefore;

    private SandboxS3(SharedServer shared) {
        this.shared = shared;
        this.server = shared.server;
        shared.openScopes.incrementAndGet();
        this.bucketsBefore = new LinkedHashSet<>(server.bucketNames());
        this.client = server.newClient(b -> b.overrideConfiguration(o -> o.addExecutionInterceptor(new Recorder())));
    }

    /**
     * {@return a scope's S3 on the run's shared LocalS3 (started on first use)}
     *
     * @param context any extension context of the run
     */
    public static SandboxS3 open(ExtensionContext context) {
        ExtensionContext.Store store = context.getRoot().getStore(NAMESPACE);
        SharedServer shared = store.getOrComputeIfAbsent(SharedServer.class, k -> new SharedServer(),
                SharedServer.class);
        return new SandboxS3(shared);
    }

    /** {@return the shared server} */
    public LocalS3 server() {
        return server;
    }

    /** {@return this scope's client} */
    public S3Client client() {
        return client;
    }

    /** Deletes the buckets this scope created (and their objects) and closes its client. */
    @Override
    public void close() {
        List<String> buckets;
        synchronized (createdBuckets) {
            buckets = new ArrayList<>(createdBuckets);
            createdBuckets.clear();
        }
        boolean alone = shared.openScopes.decrementAndGet() == 0;
        try {
            for (String name : alone ? server.bucketNames() : List.<String>of()) {
                if (!bucketsBefore.contains(name) && !buckets.contains(name)) {
                    buckets.add(name);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("DmsSandbox: could not list the buckets of the shared LocalS3: {}", e.getMessage());
        }
        try {
            for (String bucket : buckets) {
                try {
                    server.deleteBucket(bucket);
                } catch (RuntimeException e) {
                    LOG.warn("DmsSandbox: could not delete bucket {} of the shared LocalS3: {}", bucket,
                            e.getMessage());
                }
            }
        } finally {
            client.close();
        }
    }

    private final class Recorder implements ExecutionInterceptor {
        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            SdkRequest request = context.request();
            if (request instanceof CreateBucketRequest create) {
                synchronized (createdBuckets) {
                    createdBuckets.add(create.bucket());
                }
            }
        }
    }

    /** The run-wide server, stopped by JUnit when the root context closes. */
    private static final class SharedServer implements ExtensionContext.Store.CloseableResource {
        final LocalS3 server = LocalS3.started();
        final AtomicInteger openScopes = new AtomicInteger();

        @Override
        public void close() {
            server.stop();
        }
    }
}
