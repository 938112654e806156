package io.dmskit.testkit;

import io.dmskit.testkit.internal.Args;
import io.dmskit.testkit.dataplane.ReplicationEngine;
import io.dmskit.testkit.dataplane.ReplicationEngineProvider;
import java.util.ServiceLoader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * A JUnit 5 extension that gives a test an offline AWS for DMS pipelines: a {@link FakeDms}, a
 * {@link FakeSecretsManager} and an S3 server ({@link LocalS3}), wired together and reset for every test.
 *
 * <pre>{@code
 * class PipelineTest {
 *     @RegisterExtension
 *     DmsSandbox sandbox = DmsSandbox.create();          // an instance field: clean state for every test
 *
 *     @Test
 *     void createsTheSourceEndpoint() {
 *         String secretArn = sandbox.secrets().seedDatabaseSecret("dms/src", "db", 3306, "dms", "pw");
 *         new MyPipeline(sandbox.dms(), sandbox.secrets(), sandbox.s3()).deploy();
 *         assertThat(sandbox.dms().describeEndpoints().endpoints()).hasSize(6);
 *     }
 * }
 * }</pre>
 *
 * <p>Lifecycle: registered on an <em>instance</em> field, every test gets fresh fakes and the S3 buckets it created
 * are deleted after it; on a <em>static</em> field, the state lives for the whole test class (set up once in
 * {@code @BeforeAll}). The S3 server itself is started on first use of {@link #s3()} or {@link #localS3()} and shared
 * by the whole JUnit run (about two seconds once, instead of per test). The fakes share one {@link FakeClock}
 * ({@link #clock()}), so recovery windows, task timings and waiters all move on the same time. Tasks use FakeDms's
 * scripted data plane unless {@link Builder#withLocalReplicationEngine()} plugs in the local replication engine.
 * A per-test sandbox stops its replications right after the test method, before the test's {@code @AfterEach}
 * methods run, so a teardown may drop the source tables the tasks were capturing.
 *
 * <p>Observability: {@link #cloudWatch()} and {@link #cloudWatchLogs()} are a {@link FakeCloudWatch} and a
 * {@link FakeCloudWatchLogs} on the same clock, into which the fake DMS publishes the {@code AWS/DMS} metrics of its
 * tasks and instances (every minute of the clock, or {@link Builder#metricPeriod(Duration)}) and the task logs of
 * tasks whose settings enable logging, so dashboards, sensors and alarms can be tested offline.
 *
 * <p>Test methods and lifecycle methods may also declare parameters of type {@link FakeDms},
 * {@link DatabaseMigrationClient}, {@link FakeSecretsManager}, {@link SecretsManagerClient}, {@link S3Client},
 * {@link LocalS3}, {@link FakeCloudWatch}, {@link CloudWatchClient}, {@link FakeCloudWatchLogs},
 * {@link CloudWatchLogsClient} or {@link FakeClock}; the sandbox injects its own.
 *
 * <p>{@link #forEndpoint(URI)} instead builds real SDK clients for any AWS-compatible endpoint (moto_server,
 * LocalStack), for tests that want a second implementation.
 */
public final class DmsSandbox implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback,
        AfterTestExecutionCallback, ParameterResolver {

    private static final Logger LOG = LoggerFactory.getLogger(DmsSandbox.class);

    private final Timings timings;
    private final Instant startTime;
    private final Consumer<FakeDms.Builder> dmsCustomizer;
    private final Function<S3Client, ReplicationEngine> engineFactory;
    private final Duration metricPeriod;

    private final Object lock = new Object();
    /** Class scopes, innermost first: a static sandbox also serves @Nested classes, each with its own state. */
    private final Deque<Scope> classScopes = new ArrayDeque<>();
    private Scope testScope;

    private DmsSandbox(Builder b) {
        this.timings = b.timings;
        this.startTime = b.startTime;
        this.dmsCustomizer = b.dmsCustomizer;
        this.engineFactory = b.engineFactory;
        this.metricPeriod = b.metricPeriod;
    }

    /**
     * A sandbox with instant transitions ({@link Timings#instant()}): the usual choice.
     *
     * @return a new sandbox, to be registered with {@code @RegisterExtension}
     */
    public static DmsSandbox create() {
        return builder().build();
    }

    /**
     * {@return a builder for a sandbox with other timings, a start time, a replication engine or FakeDms options}
     */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------------------------------ accessors

    /**
     * {@return the fake DMS of the current test (or class), wired to {@link #secrets()}}
     *
     * @throws IllegalStateException when no test or class scope is open (the sandbox is not registered with
     *     {@code @RegisterExtension}, or is used from a field initialiser or constructor)
     */
    public FakeDms dms() {
        return scope().dms;
    }

    /**
     * {@return the fake Secrets Manager of the current test (or class)}
     *
     * @throws IllegalStateException when no test or class scope is open (the sandbox is not registered with
     *     {@code @RegisterExtension}, or is used from a field initialiser or constructor)
     */
    public FakeSecretsManager secrets() {
        return scope().secrets;
    }

    /**
     * {@return the fake CloudWatch of the current test (or class), where the fake DMS publishes {@code AWS/DMS}
     * metrics; on the sandbox's clock}
     *
     * @throws IllegalStateException when no test or class scope is open (the sandbox is not registered with
     *     {@code @RegisterExtension}, or is used from a field initialiser or constructor)
     */
    public FakeCloudWatch cloudWatch() {
        return scope().cloudWatch;
    }

    /**
     * {@return the fake CloudWatch Logs of the current test (or class), where the fake DMS writes task logs; on the
     * sandbox's clock}
     *
     * @throws IllegalStateException when no test or class scope is open (the sandbox is not registered with
     *     {@code @RegisterExtension}, or is used from a field initialiser or constructor)
     */
    public FakeCloudWatchLogs cloudWatchLogs() {
        return scope().cloudWatchLogs;
    }

    /**
     * {@return the clock shared by {@link #dms()} and {@link #secrets()}}
     *
     * @throws IllegalStateException when no test or class scope is open (the sandbox is not registered with
     *     {@code @RegisterExtension}, or is used from a field initialiser or constructor)
     */
    public FakeClock clock() {
        return scope().clock;
    }

    /**
     * The S3 client of the current test (or class), pointing at the run's {@link LocalS3}; buckets created while the
     * scope is open are deleted when it ends. Starts the server on first use.
     *
     * @return an S3 client (owned by the sandbox)
     * @throws IllegalStateException when no test or class scope is open (the sandbox is not registered with
     *     {@code @RegisterExtension}, or is used from a field initialiser or constructor)
     */
    public S3Client s3() {
        return scope().s3().client();
    }

    /**
     * The run's shared S3 server (for its endpoint, {@link LocalS3#bucket(String)} conveniences, or own clients).
     * Starts it on first use.
     *
     * @return the server (owned by the sandbox: do not stop it)
     * @throws IllegalStateException when no test or class scope is open (the sandbox is not registered with
     *     {@code @RegisterExtension}, or is used from a field initialiser or constructor)
     */
    public LocalS3 localS3() {
        return scope().s3().server();
    }

    // ------------------------------------------------------------------------------------------ JUnit callbacks

    @Override
    public void beforeAll(ExtensionContext context) {
        synchronized (lock) {
            classScopes.push(new Scope(context));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Scope s;
        synchronized (lock) {
            s = classScopes.poll();
        }
        if (s != null) {
            s.close();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        synchronized (lock) {
            if (classScopes.isEmpty()) {
                testScope = new Scope(context);
            }
        }
    }

    /**
     * Right after the test method, before the test's {@code @AfterEach} methods: a per-test sandbox stops every
     * running replication (as {@link FakeDms#close()} does; the fake stays usable), so that a teardown that drops the
     * source schema or tables is not watched by a replication engine still capturing them. A per-class sandbox keeps
     * its tasks replicating from test to test.
     */
    @Override
    public void afterTestExecution(ExtensionContext context) {
        Scope s;
        synchronized (lock) {
            s = testScope;
        }
        if (s != null) {
            s.stopReplication();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Scope s;
        synchronized (lock) {
            s = testScope;
            testScope = null;
        }
        if (s != null) {
            s.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == FakeDms.class || type == DatabaseMigrationClient.class
                || type == FakeSecretsManager.class || type == SecretsManagerClient.class
                || type == S3Client.class || type == LocalS3.class || type == FakeClock.class
                || type == FakeCloudWatch.class || type == CloudWatchClient.class
                || type == FakeCloudWatchLogs.class || type == CloudWatchLogsClient.class
                || type == DmsSandbox.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        if (type == DmsSandbox.class) {
            return this;
        }
        if (!isActive()) {
            throw new ParameterResolutionException("DmsSandbox has no state yet for parameter "
                    + parameterContext.getParameter() + ": a sandbox on an instance field cannot serve @BeforeAll"
                    + " methods; register it on a static field instead");
        }
        if (type == FakeDms.class || type == DatabaseMigrationClient.class) {
            return dms();
        }
        if (type == FakeSecretsManager.class || type == SecretsManagerClient.class) {
            return secrets();
        }
        if (type == S3Client.class) {
            return s3();
        }
        if (type == LocalS3.class) {
            return localS3();
        }
        if (type == FakeCloudWatch.class || type == CloudWatchClient.class) {
            return cloudWatch();
        }
        if (type == FakeCloudWatchLogs.class || type == CloudWatchLogsClient.class) {
            return cloudWatchLogs();
        }
        return clock();
    }

    /**
     * {@return whether a test or class scope is open}
     */
    public boolean isActive() {
        synchronized (lock) {
            return testScope != null || !classScopes.isEmpty();
        }
    }

    private Scope scope() {
        synchronized (lock) {
            Scope s = testScope != null ? testScope : classScopes.peek();
            if (s == null) {
                throw new IllegalStateException("DmsSandbox is not active: register it with @RegisterExtension"
                        + " (instance field: per test; static field: per class) and use it from tests or"
                        + " lifecycle methods, not from field initialisers or constructors");
            }
            return s;
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "DmsSandbox[" + (!classScopes.isEmpty() ? "per class" : testScope != null ? "per test" : "inactive")
                    + ", timings=" + timings + "]";
        }
    }

    /** The state of one test (or one class). */
    private final class Scope {
        final ExtensionContext context;
        final FakeClock clock;
        final FakeSecretsManager secrets;
        final FakeDms dms;
        final FakeCloudWatch cloudWatch;
        final FakeCloudWatchLogs cloudWatchLogs;
        final ReplicationEngine engine;
        private SandboxS3 s3;

        Scope(ExtensionContext context) {
            this.context = context;
            this.clock = startTime == null ? FakeClock.create() : FakeClock.startingAt(startTime);
            this.secrets = FakeSecretsManager.builder().clock(clock).build();
            this.cloudWatch = FakeCloudWatch.builder().clock(clock).build();
            this.cloudWatchLogs = FakeCloudWatchLogs.builder().clock(clock).build();
            FakeDms.Builder b = FakeDms.builder().clock(clock).timings(timings).secretsManager(secrets)
                    .cloudWatch(cloudWatch).cloudWatchLogs(cloudWatchLogs).metricPeriod(metricPeriod);
            this.engine = engineFactory == null ? null : engineFactory.apply(s3().client());
            if (engine != null) {
                b.replicationEngine(engine);
            }
            dmsCustomizer.accept(b);
            this.dms = b.build();
        }

        synchronized SandboxS3 s3() {
            if (s3 == null) {
                s3 = SandboxS3.open(context);
            }
            return s3;
        }

        void stopReplication() {
            try {
                dms.close();
            } catch (RuntimeException e) {
                LOG.warn("DmsSandbox: stopping replication failed: {}", e.getMessage());
            }
        }

        void close() {
            stopReplication();
            if (engine instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.warn("DmsSandbox: closing the replication engine failed: {}", e.getMessage());
                }
            }
            SandboxS3 s;
            synchronized (this) {
                s = s3;
                s3 = null;
            }
            if (s != null) {
                s.close();
            }
        }
    }

    /** Settings of a {@link DmsSandbox}. */
    public static final class Builder {
        private Timings timings = Timings.instant();
        private Instant startTime;
        private Consumer<FakeDms.Builder> dmsCustomizer = b -> { };
        private Function<S3Client, ReplicationEngine> engineFactory;
        private Duration metricPeriod = Duration.ofMinutes(1);

        private Builder() {
        }

        /**
         * Sets {@code metricPeriod}: how often the fake DMS samples its {@code AWS/DMS} metrics on the sandbox's clock
         * (default one minute, as DMS publishes); whole seconds, at least one.
         *
         * @param period how often the fake DMS samples its {@code AWS/DMS} metrics on the sandbox's clock (default
         *     one minute, as DMS publishes); whole seconds, at least one
         * @return this
         * @throws IllegalArgumentException when the period is shorter than a second or not whole seconds
         */
        public Builder metricPeriod(Duration period) {
            Duration p = period == null ? Duration.ofMinutes(1) : period;
            if (p.getSeconds() < 1 || p.getNano() != 0) {
                throw new IllegalArgumentException("metricPeriod must be whole seconds, at least 1 s, got " + period);
            }
            this.metricPeriod = p;
            return this;
        }

        /**
         * Sets {@code timings}: how long FakeDms transitions take (default {@link Timings#instant()}).
         *
         * @param timings how long FakeDms transitions take (default {@link Timings#instant()})
         * @return this
         */
        public Builder timings(Timings timings) {
            this.timings = timings == null ? Timings.instant() : timings;
            return this;
        }

        /**
         * Sets {@code startingAt}: where each scope's {@link FakeClock} starts (default: FakeClock's own default).
         *
         * @param start where each scope's {@link FakeClock} starts (default: FakeClock's own default)
         * @return this
         */
        public Builder startingAt(Instant start) {
            this.startTime = start;
            return this;
        }

        /**
         * Plugs a data plane into every scope's FakeDms. The factory receives the scope's S3 client (on the shared
         * LocalS3, which it starts).
         *
         * @param factory builds an engine for a scope, e.g. {@code s3 -> LocalReplicationEngine.builder().s3(s3)
         *     .build()}
         * @return this
         */
        public Builder replicationEngine(Function<S3Client, ReplicationEngine> factory) {
            this.engineFactory = factory;
            return this;
        }

        /**
         * Plugs the local replication engine into every scope's FakeDms, writing to the shared LocalS3: started
         * tasks then really copy data from the source databases named by their endpoints. Off by default, because a
         * control-plane test with made-up hosts would see its tasks fail to connect.
         *
         * <p>The engine lives in its own artifact, {@code io.dmskit:dms-engine} (it brings the MariaDB and
         * PostgreSQL drivers and the binlog connector): add it with test scope and this call finds it through
         * {@link java.util.ServiceLoader} ({@link ReplicationEngineProvider}).
         *
         * @return this
         * @throws IllegalStateException when no {@link ReplicationEngineProvider} is on the class path, naming the
         *     artifact to add
         */
        public Builder withLocalReplicationEngine() {
            ReplicationEngineProvider provider = ServiceLoader.load(ReplicationEngineProvider.class,
                            DmsSandbox.class.getClassLoader())
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("withLocalReplicationEngine(): no replication engine "
                            + "on the class path. Add the dependency io.dmskit:dms-engine (test scope) next to "
                            + "dms-testkit; it registers a " + ReplicationEngineProvider.class.getName() + "."));
            return replicationEngine(provider::create);
        }

        /**
         * Further FakeDms options (account, region, faults...), applied to every scope's builder after the
         * sandbox's own wiring.
         *
         * @param customizer changes to the FakeDms builder
         * @return this
         */
        public Builder dms(Consumer<FakeDms.Builder> customizer) {
            this.dmsCustomizer = customizer == null ? b -> { } : customizer;
            return this;
        }

        /**
         * Applies settings in one go (handy for conditional settings).
         *
         * @param settings changes to this builder
         * @return this
         */
        public Builder apply(Consumer<Builder> settings) {
            if (settings != null) { // null changes nothing
                settings.accept(this);
            }
            return this;
        }

        /**
         * {@return the sandbox}
         */
        public DmsSandbox build() {
            return new DmsSandbox(this);
        }
    }

    // ------------------------------------------------------------------------------------------ remote endpoints

    /**
     * Real SDK clients for any AWS-compatible endpoint (moto_server, LocalStack, a proxy), with dummy credentials,
     * region {@code us-east-1}, the standard retry mode limited to 2 attempts, a 60 s call timeout, and the
     * {@link io.dmskit.testkit.server.MotoTimestampInterceptor} that makes moto's ISO timestamps readable.
     *
     * @param endpoint e.g. {@code http://127.0.0.1:5000}
     * @return the clients; close them when done
     */
    public static Remote forEndpoint(URI endpoint) {
        return Remote.builder(endpoint).build();
    }

    /**
     * Like {@link #forEndpoint(URI)} with changed settings.
     *
     * @param endpoint the endpoint URL
     * @param settings e.g. {@code r -> r.region("eu-west-1").maxAttempts(1)}
     * @return the clients; close them when done
     */
    public static Remote forEndpoint(URI endpoint, Consumer<Remote.Builder> settings) {
        Remote.Builder b = Remote.builder(endpoint);
        if (settings != null) { // null: the defaults
            settings.accept(b);
        }
        return b.build();
    }

    /**
     * SDK clients (DMS, Secrets Manager, S3 path-style) for one AWS-compatible endpoint. Clients are built on first
     * use and closed by {@link #close()}. Thread-safe.
     */
    public static final class Remote implements AutoCloseable {
        private final RemoteClientSettings settings;
        private DatabaseMigrationClient dms;
        private SecretsManagerClient secrets;
        private S3Client s3;

        private Remote(RemoteClientSettings settings) {
            this.settings = settings;
        }

        /**
         * {@return a builder with the defaults of {@link DmsSandbox#forEndpoint(URI)}}
         *
         * @param endpoint the endpoint URL
         */
        public static Builder builder(URI endpoint) {
            return new Builder(endpoint);
        }

        /**
         * {@return the endpoint URL}
         */
        public URI endpoint() {
            return settings.endpoint();
        }

        /**
         * {@return the region of the clients}
         */
        public Region region() {
            return settings.region();
        }

        /**
         * {@return a DMS client for the endpoint}
         */
        public synchronized DatabaseMigrationClient dms() {
            if (dms == null) {
                dms = settings.apply(DatabaseMigrationClient.builder()).build();
            }
            return dms;
        }

        /**
         * {@return a Secrets Manager client for the endpoint}
         */
        public synchronized SecretsManagerClient secrets() {
            if (secrets == null) {
                secrets = settings.apply(SecretsManagerClient.builder()).build();
            }
            return secrets;
        }

        /**
         * {@return an S3 client for the endpoint, path-style}
         */
        public synchronized S3Client s3() {
            if (s3 == null) {
                s3 = settings.apply(S3Client.builder()).forcePathStyle(true).build();
            }
            return s3;
        }

        /** Closes the clients built so far. */
        @Override
        public synchronized void close() {
            for (AutoCloseable c : new AutoCloseable[] {dms, secrets, s3}) {
                if (c != null) {
                    try {
                        c.close();
                    } catch (Exception e) {
                        LOG.debug("Closing an SDK client failed", e);
                    }
                }
            }
            dms = null;
            secrets = null;
            s3 = null;
        }

        @Override
        public String toString() {
            return "DmsSandbox.Remote[" + settings + "]";
        }

        /** Settings of a {@link Remote}. */
        public static final class Builder {
            private final URI endpoint;
            private String region = "us-east-1";
            private String accessKeyId = "testing";
            private String secretAccessKey = "testing";
            private int maxAttempts = 2;
            private Duration apiCallTimeout = Duration.ofSeconds(60);
            private boolean fixTimestamps = true;
            private final List<ExecutionInterceptor> interceptors = new ArrayList<>();

            private Builder(URI endpoint) {
                this.endpoint = endpoint;
            }

            /**
             * Sets {@code region}: the signing region (default {@code us-east-1}).
             *
             * @param region the signing region (default {@code us-east-1})
             * @return this
             */
            public Builder region(String region) {
                this.region = region;
                return this;
            }

            /**
             * Sets {@code credentials}: access key id (default {@code testing}).
             *
             * @param accessKeyId access key id (default {@code testing})
             * @param secretAccessKey secret key (default {@code testing})
             * @return this
             */
            public Builder credentials(String accessKeyId, String secretAccessKey) {
                this.accessKeyId = accessKeyId;
                this.secretAccessKey = secretAccessKey;
                return this;
            }

            /**
             * Sets {@code maxAttempts}: attempts per call including the first, 1–10 (default 2: emulators answer unimplemented
             * operations with HTTP 500, which the SDK would otherwise retry three times).
             *
             * @param maxAttempts attempts per call including the first, 1–10 (default 2: emulators answer
             *     unimplemented operations with HTTP 500, which the SDK would otherwise retry three times)
             * @return this
             */
            public Builder maxAttempts(int maxAttempts) {
                this.maxAttempts = maxAttempts;
                return this;
            }

            /**
             * Sets {@code apiCallTimeout}: the limit for one call including retries (default 60 s).
             *
             * @param timeout the limit for one call including retries (default 60 s)
             * @return this
             */
            public Builder apiCallTimeout(Duration timeout) {
                this.apiCallTimeout = timeout;
                return this;
            }

            /**
             * Sets {@code fixTimestamps}: whether to rewrite moto's ISO timestamps (default true; harmless for other
             * endpoints).
             *
             * @param fix whether to rewrite moto's ISO timestamps (default true; harmless for other endpoints)
             * @return this
             */
            public Builder fixTimestamps(boolean fix) {
                this.fixTimestamps = fix;
                return this;
            }

            /**
             * Sets {@code addInterceptor}: an extra interceptor for every client (e.g. to record requests).
             *
             * @param interceptor an extra interceptor for every client (e.g. to record requests)
             * @return this
             */
            public Builder addInterceptor(ExecutionInterceptor interceptor) {
                if (interceptor != null) { // null adds nothing
                    this.interceptors.add(interceptor);
                }
                return this;
            }

            /**
             * {@return the clients}
             *
             * @throws IllegalArgumentException naming every invalid setting
             */
            public Remote build() {
                Region r;
                try {
                    r = region == null || region.isBlank() ? null : Region.of(region);
                } catch (IllegalArgumentException e) {
                    r = null;
                }
                return new Remote(new RemoteClientSettings(endpoint, r, accessKeyId, secretAccessKey, maxAttempts,
                        apiCallTimeout, fixTimestamps, interceptors));
            }
        }
    }
}
