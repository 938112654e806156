package io.dmskit.local;

import com.sun.net.httpserver.HttpServer;
import io.dmskit.local.internal.Endpoints;
import io.dmskit.testkit.FakeClock;
import io.dmskit.testkit.FakeCloudWatchLogs;
import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.FakeSecretsManager;
import io.dmskit.testkit.LocalS3;
import io.dmskit.testkit.Timings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local AWS endpoint on loopback: one port serves the DMS API, Secrets Manager and CloudWatch Logs (AWS JSON 1.1,
 * backed by {@link FakeDms}, {@link FakeSecretsManager} and {@link FakeCloudWatchLogs}, one of each per region named
 * by the request's signature) and S3
 * (path-style, forwarded to a {@link LocalS3}), so the AWS CLI, boto3, Terraform and any SDK client built with an
 * endpoint override drive the local DMS over HTTP. With the local engine (the default) started tasks really
 * replicate from the endpoints' databases.
 *
 * <pre>{@code
 * try (DmsLocalServer server = DmsLocalServer.builder().port(0).build().start()) {
 *     DatabaseMigrationClient dms = DatabaseMigrationClient.builder()
 *             .endpointOverride(server.endpoint()).region(Region.US_EAST_1)
 *             .credentialsProvider(AnonymousCredentialsProvider.create()).build();
 *     dms.describeReplicationTasks();
 * }
 * }</pre>
 *
 * <p>Any credentials are accepted. Errors come back in AWS's JSON error format with AWS's HTTP statuses, and an
 * operation the fakes do not implement gets AWS's {@code UnknownOperationException}. With a
 * {@linkplain Builder#dataDir(Path) data directory}, state survives a restart: every state-changing request is
 * journaled there and replayed on start, and S3 objects are kept there.
 *
 * <p>Thread-safe; requests are served concurrently.
 */
public final class DmsLocalServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DmsLocalServer.class);

    private final Endpoints endpoints;
    private HttpServer http;
    private final int requestedPort;

    private DmsLocalServer(Builder b) {
        this.requestedPort = b.port;
        this.endpoints = new Endpoints(b.dataDir, b.resetDataDir, b.localEngine, b.timings, b.clock, b.dms,
                b.secrets, b.s3);
    }

    /**
     * {@return a builder: port 0 (ephemeral), no data directory, the local engine on, instant transitions}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts listening (on the loopback address only) after replaying the data directory's journal, if any.
     * Idempotent.
     *
     * @return this
     * @throws UncheckedIOException when the port cannot be bound
     */
    public synchronized DmsLocalServer start() {
        if (http != null) {
            return this;
        }
        long t0 = System.nanoTime();
        int replayed = endpoints.open();
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort), 64);
        } catch (IOException e) {
            endpoints.close();
            throw new UncheckedIOException("dms-local: cannot listen on " + InetAddress.getLoopbackAddress()
                    .getHostAddress() + ":" + requestedPort + " (" + e.getMessage() + ")", e);
        }
        http.createContext("/", endpoints.router());
        http.setExecutor(endpoints.executor());
        http.start();
        LOG.info("dms-local listening on {} ({} journaled requests replayed, {} ms)", endpoint(), replayed,
                Duration.ofNanos(System.nanoTime() - t0).toMillis());
        return this;
    }

    /**
     * {@return whether the server is listening}
     */
    public synchronized boolean isRunning() {
        return http != null;
    }

    /**
     * {@return the endpoint URL for clients ({@code --endpoint-url}, {@code endpointOverride}), e.g. {@code
     * http://127.0.0.1:4566}}
     *
     * @throws IllegalStateException when the server is not running
     */
    public URI endpoint() {
        return URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port());
    }

    /**
     * {@return the port the server listens on (the chosen one when built with port 0)}
     *
     * @throws IllegalStateException when the server is not running
     */
    public synchronized int port() {
        if (http == null) {
            throw new IllegalStateException("dms-local is not running: call start() first");
        }
        return http.getAddress().getPort();
    }

    /**
     * The fake DMS that serves a region's requests (created if no request named the region yet), for tests that
     * script the data plane ({@code server.dms("us-east-1").task(arn)}) or read the call log.
     *
     * @param region a region name, e.g. {@code us-east-1}
     * @return that region's fake
     */
    public FakeDms dms(String region) {
        return endpoints.cloud().region(Objects.requireNonNull(region, "region")).dms();
    }

    /**
     * {@return the fake Secrets Manager that serves that region's requests}
     *
     * @param region a region name, e.g. {@code us-east-1}
     */
    public FakeSecretsManager secrets(String region) {
        return endpoints.cloud().region(Objects.requireNonNull(region, "region")).secrets();
    }

    /**
     * {@return the fake CloudWatch Logs that serves that region's requests, where its tasks write their logs}
     *
     * @param region a region name, e.g. {@code us-east-1}
     */
    public FakeCloudWatchLogs cloudWatchLogs(String region) {
        return endpoints.cloud().region(Objects.requireNonNull(region, "region")).logs();
    }

    /**
     * {@return the S3 server behind the endpoint's S3 requests (started on first use)}
     */
    public LocalS3 localS3() {
        return endpoints.localS3();
    }

    /**
     * {@return the clock of every fake}
     */
    public FakeClock clock() {
        return endpoints.clock();
    }

    /**
     * {@return the data directory, if state is kept}
     */
    public java.util.Optional<Path> dataDir() {
        return endpoints.dataDir();
    }

    /**
     * Forgets all state: every region's resources, every S3 bucket, and the data directory's journal. Replications
     * are stopped first.
     *
     * @throws IllegalStateException when the server serves fakes it was given ({@link Builder#serve})
     */
    public void reset() {
        endpoints.reset();
        LOG.info("dms-local: state reset");
    }

    /** Stops listening, stops replications and the S3 server it started. Idempotent. */
    public void stop() {
        HttpServer h;
        synchronized (this) {
            h = http;
            http = null;
        }
        if (h != null) {
            h.stop(0);
            endpoints.close();
            LOG.info("dms-local stopped");
        }
    }

    /** Same as {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    @Override
    public synchronized String toString() {
        return "DmsLocalServer[" + (http == null ? "stopped" : endpoint().toString()) + "]";
    }

    /** Settings of a {@link DmsLocalServer}; the bind address is always the loopback address. */
    public static final class Builder {
        private int port;
        private Path dataDir;
        private boolean resetDataDir;
        private boolean localEngine = true;
        private Timings timings = Timings.instant();
        private FakeClock clock;
        private FakeDms dms;
        private FakeSecretsManager secrets;
        private LocalS3 s3;

        private Builder() {
        }

        /**
         * Sets {@code port}: the TCP port, 0 for an ephemeral one.
         *
         * @param port the TCP port, 0 for an ephemeral one
         * @return this builder
         * @throws IllegalArgumentException outside 0..65535
         */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 (ephemeral) to 65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Keeps state in a folder: a journal of the state-changing requests (replayed on start) and the S3 objects.
         * The folder holds what the requests held, secret values included, readable by its owner only.
         *
         * @param dataDir the folder (created if missing), or null for state in memory only
         * @return this builder
         */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /**
         * Sets {@code resetDataDir}: true to delete the data directory's state before starting.
         *
         * @param reset true to delete the data directory's state before starting
         * @return this builder
         */
        public Builder resetDataDir(boolean reset) {
            this.resetDataDir = reset;
            return this;
        }

        /**
         * Sets {@code localEngine}: true (the default) for the local replication engine, false for FakeDms's scripted data
         * plane.
         *
         * @param on true (the default) for the local replication engine, false for FakeDms's scripted data plane
         * @return this builder
         */
        public Builder localEngine(boolean on) {
            this.localEngine = on;
            return this;
        }

        /**
         * Sets {@code timings}: DMS's transition delays (default {@link Timings#instant()}).
         *
         * @param timings DMS's transition delays (default {@link Timings#instant()})
         * @return this builder
         */
        public Builder timings(Timings timings) {
            this.timings = Objects.requireNonNull(timings, "timings");
            return this;
        }

        /**
         * Runs the fakes on a virtual clock that only the caller moves; without one, the fakes' clock follows the
         * wall clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(FakeClock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Serves existing fakes (for their region) and an existing S3 server instead of new ones, e.g. the
         * quickstart's after its report. The server does not close them.
         *
         * @param dms the fake DMS
         * @param secrets its Secrets Manager
         * @param s3 the S3 server
         * @return this builder
         */
        public Builder serve(FakeDms dms, FakeSecretsManager secrets, LocalS3 s3) {
            this.dms = Objects.requireNonNull(dms, "dms");
            this.secrets = Objects.requireNonNull(secrets, "secrets");
            this.s3 = Objects.requireNonNull(s3, "s3");
            return this;
        }

        /**
         * {@return the server, not started yet}
         *
         * @throws IllegalArgumentException naming every conflicting setting
         */
        public DmsLocalServer build() {
            List<String> problems = new ArrayList<>();
            if (dms != null && dataDir != null) {
                problems.add("serve(..) serves the given fakes' state; a data directory cannot be combined with it"
                        + " (drop dataDir(..))");
            }
            if (dms != null && clock != null && clock != dms.clock()) {
                problems.add("serve(..) uses the given FakeDms's clock; drop clock(..)");
            }
            if (resetDataDir && dataDir == null) {
                problems.add("resetDataDir(true) needs dataDir(..)");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("DmsLocalServer: " + String.join("; ", problems));
            }
            return new DmsLocalServer(this);
        }
    }
}
