package io.dmskit.local.internal;

import io.dmskit.testkit.FakeClock;
import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.FakeSecretsManager;
import io.dmskit.testkit.LocalS3;
import io.dmskit.testkit.Timings;
import io.dmskit.testkit.dataplane.ReplicationEngine;
import io.dmskit.testkit.dataplane.ReplicationEngineProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Everything behind the HTTP port of {@code DmsLocalServer}: the per-region fakes, the S3 server, the journal, the
 * router and its threads, and how they are opened, reset and closed.
 */
public final class Endpoints {

    private static final Logger LOG = LoggerFactory.getLogger(Endpoints.class);

    /** The DMS API: AWS JSON 1.1 with targets {@code AmazonDMSv20160101.<Operation>}. */
    static final JsonService DMS = new JsonService("dms", "AmazonDMSv20160101", DatabaseMigrationClient.class,
            Set.copyOf(FakeDms.supportedOperations()),
            op -> !(op.startsWith("Describe") || op.startsWith("List") || op.equals("TestConnection")),
            "application/x-amz-json-1.1");

    /**
     * Secrets Manager: AWS JSON 1.1 with targets {@code secretsmanager.<Operation>}. GetRandomPassword is journaled
     * too: it draws from the same random source as new secrets' ARNs, so a replay must draw the same.
     */
    static final JsonService SECRETS = new JsonService("secretsmanager", "secretsmanager",
            SecretsManagerClient.class,
            Set.of("CreateSecret", "GetSecretValue", "BatchGetSecretValue", "PutSecretValue", "UpdateSecret",
                    "UpdateSecretVersionStage", "DescribeSecret", "ListSecrets", "ListSecretVersionIds",
                    "DeleteSecret", "RestoreSecret", "TagResource", "UntagResource", "GetRandomPassword"),
            op -> !(op.startsWith("Get") || op.startsWith("Describe") || op.startsWith("List")
                    || op.startsWith("BatchGet")) || op.equals("GetRandomPassword"),
            "application/x-amz-json-1.1");

    /**
     * CloudWatch Logs: AWS JSON 1.1 with targets {@code Logs_20140328.<Operation>}; the operations are the ones
     * {@code FakeCloudWatchLogs} implements. Where the fake DMS writes its task logs.
     */
    static final JsonService LOGS = new JsonService("logs", "Logs_20140328",
            software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient.class,
            JsonService.implementedBy(io.dmskit.testkit.FakeCloudWatchLogs.class),
            op -> !(op.startsWith("Get") || op.startsWith("Describe") || op.startsWith("List")
                    || op.startsWith("Filter")),
            "application/x-amz-json-1.1");

    private final Path dataDir;
    private final boolean resetDataDir;
    private final boolean followWallClock;
    private final FakeClock clock;
    private final LocalS3 s3;
    private final boolean ownsS3;
    private final LocalCloud cloud;
    private final Journal journal;
    private final Router router;
    private final ExecutorService executor;
    private final FakeDms adoptedDms;
    private final FakeSecretsManager adoptedSecrets;

    /**
     * @param dataDir the data directory, or null
     * @param resetDataDir whether to clear it first
     * @param localEngine whether tasks replicate with the local engine
     * @param timings DMS's transition delays
     * @param clock a virtual clock, or null to follow the wall clock
     * @param dms existing fakes to serve, or null
     * @param secrets their Secrets Manager, or null
     * @param s3 an existing S3 server, or null
     */
    public Endpoints(Path dataDir, boolean resetDataDir, boolean localEngine, Timings timings, FakeClock clock,
                     FakeDms dms, FakeSecretsManager secrets, LocalS3 s3) {
        this.dataDir = dataDir;
        this.resetDataDir = resetDataDir;
        this.adoptedDms = dms;
        this.adoptedSecrets = secrets;
        this.clock = dms != null ? dms.clock() : clock != null ? clock : FakeClock.create();
        this.followWallClock = dms == null && clock == null;
        this.ownsS3 = s3 == null;
        this.s3 = s3 != null ? s3 : dataDir == null ? LocalS3.builder().build()
                : LocalS3.builder().rootFolder(dataDir.resolve("s3")).retainFilesOnExit(true).build();
        Supplier<ReplicationEngine> engines = localEngine ? engineFactory() : null;
        this.cloud = new LocalCloud(this.clock, timings, engines);
        this.journal = dataDir == null ? null : new Journal(dataDir.resolve("journal.jsonl"));
        this.router = new Router(cloud, List.of(
                new Router.Binding(DMS, LocalCloud.Region::dms),
                new Router.Binding(SECRETS, LocalCloud.Region::secrets),
                new Router.Binding(LOGS, LocalCloud.Region::logs)),
                this::s3Endpoint, journal, this::followWallClock, this.clock::instant, this::warmS3);
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "dms-local-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private Supplier<ReplicationEngine> engineFactory() {
        ReplicationEngineProvider provider = ServiceLoader.load(ReplicationEngineProvider.class,
                Endpoints.class.getClassLoader()).findFirst().orElseThrow(() -> new IllegalStateException(
                "dms-local: no replication engine on the class path (io.dmskit:dms-engine); "
                        + "build the server with localEngine(false) for the scripted data plane"));
        return () -> provider.create(localS3().client());
    }

    /**
     * Clears the data directory if asked, starts S3 in the background, adopts given fakes and replays the journal.
     *
     * @return how many journaled requests were replayed
     */
    public int open() {
        if (dataDir != null && resetDataDir) {
            deleteState();
        }
        if (adoptedDms != null) {
            cloud.adopt(adoptedDms, adoptedSecrets);
        }
        if (journal == null) {
            return 0;
        }
        List<Journal.Entry> entries = journal.read();
        if (entries.isEmpty()) {
            return 0;
        }
        int replayed = router.replay(entries, t -> {
            if (followWallClock) {
                clock.set(t); // each request at the time it was made: creation dates and transitions as they were
            }
        });
        followWallClock();
        return replayed;
    }

    /** @return the HTTP handler */
    public com.sun.net.httpserver.HttpHandler router() {
        return router;
    }

    /** @return the request threads */
    public ExecutorService executor() {
        return executor;
    }

    /** @return the per-region fakes */
    public LocalCloud cloud() {
        return cloud;
    }

    /** @return the fakes' clock */
    public FakeClock clock() {
        return clock;
    }

    /** @return the data directory, if any */
    public Optional<Path> dataDir() {
        return Optional.ofNullable(dataDir);
    }

    /** @return the S3 server, started */
    public LocalS3 localS3() {
        synchronized (s3) {
            return s3.isRunning() ? s3 : s3.start();
        }
    }

    /**
     * Starts S3 in the background once the first JSON request has been answered: S3Mock (Spring Boot) takes seconds
     * of CPU, which would otherwise delay that first answer; S3 requests that come earlier start it themselves.
     */
    private void warmS3() {
        if (ownsS3) {
            Thread t = new Thread(this::localS3, "dms-local-s3-start");
            t.setDaemon(true);
            t.start();
        }
    }

    private java.net.URI s3Endpoint() {
        return localS3().endpoint();
    }

    private synchronized void followWallClock() {
        if (followWallClock) {
            Instant now = Instant.now();
            if (clock.instant().isBefore(now)) {
                clock.set(now);
            }
        }
    }

    /** Forgets every resource, bucket and journal entry. */
    public void reset() {
        if (adoptedDms != null) {
            throw new IllegalStateException("dms-local serves fakes it was given (serve(..)); reset those instead");
        }
        cloud.close();
        localS3().reset();
        if (journal != null) {
            journal.close();
            deleteState();
        }
    }

    private void deleteState() {
        Path journalFile = dataDir.resolve("journal.jsonl");
        try {
            Files.deleteIfExists(journalFile);
            Path s3Folder = dataDir.resolve("s3");
            if (Files.exists(s3Folder) && !s3.isRunning()) {
                try (Stream<Path> files = Files.walk(s3Folder)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("dms-local: cannot clear the data directory " + dataDir, e);
        }
    }

    /** Stops replications, the request threads and the S3 server it started. */
    public void close() {
        cloud.close();
        executor.shutdownNow();
        if (journal != null) {
            journal.close();
        }
        if (ownsS3) {
            synchronized (s3) {
                s3.stop();
            }
        }
        LOG.debug("dms-local: closed");
    }
}
