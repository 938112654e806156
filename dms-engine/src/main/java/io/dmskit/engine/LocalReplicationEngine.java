package io.dmskit.engine;

import io.dmskit.engine.internal.EngineConfig;
import io.dmskit.engine.internal.EngineRuntime;
import io.dmskit.testkit.dataplane.EndpointCredentials;
import io.dmskit.testkit.dataplane.ReplicationContext;
import io.dmskit.testkit.dataplane.ReplicationEngine;
import io.dmskit.testkit.dataplane.RunningReplication;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import software.amazon.awssdk.services.databasemigration.model.Endpoint;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A replication engine that really moves data for the tasks of a {@code FakeDms}: full load of the tables the
 * task's table mappings select (filters, renames and column transformations applied through dms-mappings), then
 * change data capture, into S3 in DMS's own layout (CSV or Parquet, {@code LOAD00000001.csv}, timestamp-named CDC
 * files with the Op column) or into a PostgreSQL/MySQL target database.
 *
 * <pre>{@code
 * LocalReplicationEngine engine = LocalReplicationEngine.builder()
 *         .s3(localS3.client())
 *         .build();
 * FakeDms dms = FakeDms.builder().replicationEngine(engine).secretsManager(secrets).build();
 * }</pre>
 *
 * <p>Sources: MySQL, MariaDB (and Aurora MySQL) and PostgreSQL endpoints, with credentials on the endpoint or in a
 * Secrets Manager secret. CDC reads the MySQL/MariaDB binlog when {@code log_bin=ON} and {@code binlog_format=ROW},
 * PostgreSQL logical decoding ({@code test_decoding} slot) when {@code wal_level=logical}; otherwise it polls the
 * selected tables by primary key (see {@link CdcMode}).
 *
 * <p>Thread-safe; {@link #close()} stops every replication it runs.
 */
public final class LocalReplicationEngine implements ReplicationEngine, AutoCloseable {

    private final EngineConfig config;
    private final boolean ownsExecutor;
    private final EngineRuntime runtime;

    private LocalReplicationEngine(Builder b, ExecutorService workers, boolean ownsExecutor) {
        this.config = new EngineConfig(b.s3, workers, b.loadThreads, b.pollInterval, b.cdcMode.name(),
                b.connectTimeout, b.sourceRetryTimeout, b.fetchSize);
        this.ownsExecutor = ownsExecutor;
        this.runtime = new EngineRuntime(config);
    }

    /** {@return a builder with the defaults described on its methods} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@return an engine with default settings}
     *
     * @param s3 the client S3 targets are written with (for example {@code LocalS3.client()})
     */
    public static LocalReplicationEngine create(S3Client s3) {
        return builder().s3(s3).build();
    }

    /**
     * {@return the engine}
     *
     * @param customizer sets up the builder, for example {@code b -> b.s3(client).pollInterval(Duration.ofMillis(100))}
     */
    public static LocalReplicationEngine create(Consumer<Builder> customizer) {
        Builder b = builder();
        if (customizer != null) { // null: the defaults
            customizer.accept(b);
        }
        return b.build();
    }

    /** {@return a builder holding this engine's settings (the executor is not carried over)} */
    public Builder toBuilder() {
        return new Builder().s3(config.s3()).loadThreads(config.loadThreads()).pollInterval(config.pollInterval())
                .cdcMode(CdcMode.valueOf(config.captureMode())).connectTimeout(config.connectTimeout())
                .sourceRetryTimeout(config.sourceRetryTimeout()).fetchSize(config.fetchSize());
    }

    @Override
    public RunningReplication start(ReplicationContext context) {
        return runtime.start(context);
    }

    /**
     * {@return how the running task captures changes: {@code "binlog"}, {@code "logical"}, {@code "polling"}, or
     * {@code "none"} (full load only, or not decided yet); empty when the task is not running on this engine}
     *
     * @param taskArn a task's ARN
     */
    public Optional<String> cdcModeOf(String taskArn) {
        if (taskArn == null) {
            return Optional.empty();
        }
        return runtime.cdcModeOf(taskArn);
    }

    /**
     * Really connects: a JDBC login and {@code SELECT 1} for MySQL/MariaDB/PostgreSQL endpoints, HeadBucket for S3
     * endpoints.
     *
     * @return empty when the connection works, otherwise what failed
     */
    @Override
    public Optional<String> testConnection(Endpoint endpoint, EndpointCredentials credentials) {
        return runtime.testConnection(endpoint, credentials);
    }

    /**
     * Lists the schemas (MySQL/MariaDB: databases) of a database endpoint for RefreshSchemas, without the system
     * schemas.
     *
     * @return the schema names; empty for S3 and other non-database endpoints
     * @throws IllegalStateException with the failure message when the database cannot be reached
     */
    @Override
    public Optional<List<String>> listSchemas(Endpoint endpoint, EndpointCredentials credentials) {
        return runtime.listSchemas(endpoint, credentials);
    }

    /** Stops every replication this engine runs and releases its threads (when it created them). */
    @Override
    public void close() {
        runtime.stopAll();
        if (ownsExecutor) {
            config.workers().shutdownNow();
            try {
                config.workers().awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String toString() {
        return "LocalReplicationEngine[cdcMode=" + config.captureMode() + ", pollInterval=" + config.pollInterval()
                + ", loadThreads=" + config.loadThreads() + ", s3=" + (config.s3() != null) + "]";
    }

    /** Builds a {@link LocalReplicationEngine}; {@link #build()} reports every invalid setting at once. */
    public static final class Builder {
        private S3Client s3;
        private ExecutorService executor;
        private int loadThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
        private Duration pollInterval = Duration.ofMillis(250);
        private CdcMode cdcMode = CdcMode.AUTO;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration sourceRetryTimeout = Duration.ofSeconds(30);
        private int fetchSize = 10_000;

        private Builder() {
        }

        /**
         * Sets {@code s3}: client that S3 targets are written with; required for tasks with S3 targets.
         *
         * @param s3 client that S3 targets are written with; required for tasks with S3 targets
         */
        public Builder s3(S3Client s3) {
            this.s3 = s3;
            return this;
        }

        /**
         * Sets {@code executor}: runs replications and table loads; the engine does not shut it down. Default: the
         * engine's own daemon threads, shut down by {@link LocalReplicationEngine#close()}.
         *
         * @param executor runs replications and table loads; the engine does not shut it down. Default: the
         *     engine's own daemon threads, shut down by {@link LocalReplicationEngine#close()}
         */
        public Builder executor(ExecutorService executor) {
            this.executor = executor;
            return this;
        }

        /**
         * Sets {@code loadThreads}: tables loaded at once per task (also capped by MaxFullLoadSubTasks); default: cores,
         * at least 2.
         *
         * @param loadThreads tables loaded at once per task (also capped by MaxFullLoadSubTasks); default: cores, at least 2
         */
        public Builder loadThreads(int loadThreads) {
            this.loadThreads = loadThreads;
            return this;
        }

        /**
         * Sets {@code pollInterval}: how often polling CDC reads the source tables; default 250 ms.
         *
         * @param pollInterval how often polling CDC reads the source tables; default 250 ms
         */
        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = pollInterval;
            return this;
        }

        /**
         * Sets {@code cdcMode}: how changes are captured; default {@link CdcMode#AUTO}.
         *
         * @param cdcMode how changes are captured; default {@link CdcMode#AUTO}
         */
        public Builder cdcMode(CdcMode cdcMode) {
            this.cdcMode = cdcMode;
            return this;
        }

        /**
         * Sets {@code connectTimeout}: JDBC connect and login timeout; default 10 s.
         *
         * @param connectTimeout JDBC connect and login timeout; default 10 s
         */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        /**
         * Sets {@code sourceRetryTimeout}: how long CDC retries a source that stopped answering before the task fails with
         * a LastFailureMessage; default 30 s.
         *
         * @param sourceRetryTimeout how long CDC retries a source that stopped answering before the task fails
         *     with a LastFailureMessage; default 30 s
         */
        public Builder sourceRetryTimeout(Duration sourceRetryTimeout) {
            this.sourceRetryTimeout = sourceRetryTimeout;
            return this;
        }

        /**
         * Sets {@code fetchSize}: rows fetched per round trip during full load; default 10,000.
         *
         * @param fetchSize rows fetched per round trip during full load; default 10,000
         */
        public Builder fetchSize(int fetchSize) {
            this.fetchSize = fetchSize;
            return this;
        }

        /** Applies a customizer, for the {@code Consumer<Builder>} style. */
        public Builder apply(Consumer<Builder> customizer) {
            if (customizer != null) { // null changes nothing
                customizer.accept(this);
            }
            return this;
        }

        /**
         * {@return the engine}
         *
         * @throws IllegalArgumentException listing every invalid setting
         */
        public LocalReplicationEngine build() {
            List<String> problems = new ArrayList<>();
            if (loadThreads < 1) {
                problems.add("loadThreads must be at least 1, was " + loadThreads);
            }
            if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
                problems.add("pollInterval must be positive, was " + pollInterval);
            }
            if (cdcMode == null) {
                problems.add("cdcMode must not be null");
            }
            if (connectTimeout == null || connectTimeout.toSeconds() < 1) {
                problems.add("connectTimeout must be at least 1 s, was " + connectTimeout);
            }
            if (sourceRetryTimeout == null || sourceRetryTimeout.isNegative()) {
                problems.add("sourceRetryTimeout must not be negative, was " + sourceRetryTimeout);
            }
            if (fetchSize < 1) {
                problems.add("fetchSize must be at least 1, was " + fetchSize);
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("Invalid LocalReplicationEngine settings: " + String.join("; ", problems));
            }
            boolean own = executor == null;
            ExecutorService workers = own ? Executors.newCachedThreadPool(daemonThreads()) : executor;
            return new LocalReplicationEngine(this, workers, own);
        }

        private static ThreadFactory daemonThreads() {
            AtomicInteger n = new AtomicInteger();
            return r -> {
                Thread t = new Thread(r, "dmskit-engine-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
        }
    }
}
