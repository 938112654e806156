package io.dmskit.local;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dmskit.testkit.server.MotoServer;
import io.dmskit.testkit.server.MotoTimestampInterceptor;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;

/**
 * Benchmark harness (skipped unless {@code -Ddmskit.bench=true}; documented in docs/local-endpoint.md): dms-local
 * against moto_server on the same machine in the same run.
 * <ol>
 * <li>start-up to the first answered DescribeReplicationTasks, process start (JVM start) included:
 *     {@code java -jar dms-local/target/dms-local-*.jar} against {@code moto_server -p PORT};</li>
 * <li>requests per second of DescribeReplicationTasks (20 tasks, filtered by one task ARN) over the Java SDK v2
 *     client, 4 threads, after a warm-up.</li>
 * </ol>
 * Needs the runnable jar: {@code ./mvnw -B -o -q -pl dms-local -am package -DskipTests} first.
 */
@EnabledIfSystemProperty(named = "dmskit.bench", matches = "true")
class DmsLocalBenchmark {

    private static final int ROUNDS = 3;
    private static final int THREADS = 4;
    private static final int REQUESTS = 2_000;
    private static final int WARMUP = 300;
    private static final String DESCRIBE_BODY = "{}";

    @Test
    void startUpAndThroughputAgainstMotoServer() throws Exception {
        Optional<Path> jar = runnableJar();
        assumeTrue(jar.isPresent(), "no runnable jar: run ./mvnw -B -o -q -pl dms-local -am package -DskipTests");
        assumeTrue(MotoServer.isAvailable(), MotoServer.unavailableReason());
        Path moto = MotoServer.executable().orElseThrow();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        List<Long> localStart = new ArrayList<>();
        List<Long> motoStart = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            localStart.add(startUp(List.of(java, "-jar", jar.get().toString(), "--port", "%d")));
            motoStart.add(startUp(List.of(moto.toString(), "-p", "%d")));
        }
        int localPort = freePort();
        int motoPort = freePort();
        Process local = start(List.of(java, "-jar", jar.get().toString(), "--port", String.valueOf(localPort)),
                localPort);
        Process motoProcess = start(List.of(moto.toString(), "-p", String.valueOf(motoPort)), motoPort);
        try {
            awaitAnswer(localPort);
            awaitAnswer(motoPort);
            System.out.printf(Locale.ROOT, "%n== dms-local vs moto_server (%d cores, %s)%n",
                    Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).trim());
            System.out.printf(Locale.ROOT, "start-up to first DescribeReplicationTasks, JVM/process start included "
                    + "(best / median of %d):%n", ROUNDS);
            System.out.printf(Locale.ROOT, "  dms-local  %5d ms / %5d ms%n", best(localStart), median(localStart));
            System.out.printf(Locale.ROOT, "  moto       %5d ms / %5d ms%n", best(motoStart), median(motoStart));
            double localRps = throughput(URI.create("http://127.0.0.1:" + localPort), false);
            double motoRps = throughput(URI.create("http://127.0.0.1:" + motoPort), true);
            System.out.printf(Locale.ROOT, "DescribeReplicationTasks (20 tasks, filter by ARN), SDK v2, %d threads,"
                    + " %d requests:%n", THREADS, REQUESTS);
            System.out.printf(Locale.ROOT, "  dms-local  %8.0f requests/s%n", localRps);
            System.out.printf(Locale.ROOT, "  moto       %8.0f requests/s%n", motoRps);
        } finally {
            stop(local);
            stop(motoProcess);
        }
    }

    private static Optional<Path> runnableJar() throws IOException {
        Path target = Path.of("target");
        if (!Files.isDirectory(target.resolve("lib"))) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("dms-local-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst();
        }
    }

    /** @return milliseconds from process start to the first answered DescribeReplicationTasks */
    private static long startUp(List<String> commandTemplate) throws Exception {
        int port = freePort();
        List<String> command = commandTemplate.stream().map(a -> a.equals("%d") ? String.valueOf(port) : a)
                .toList();
        long t0 = System.nanoTime();
        Process p = start(command, port);
        try {
            awaitAnswer(port);
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        } finally {
            stop(p);
        }
    }

    private static Process start(List<String> command, int port) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(new File("target/bench-" + port + ".log")).start();
    }

    private static void awaitAnswer(int port) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .header("X-Amz-Target", "AmazonDMSv20160101.DescribeReplicationTasks")
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/dms/aws4_request, "
                        + "SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(DESCRIBE_BODY)).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5)); // polling granularity of the measurement
        }
        throw new IllegalStateException("no answer on port " + port + " within 3 minutes");
    }

    /** @param moto moto's timestamps need the testkit's interceptor before the SDK can read them */
    private static double throughput(URI endpoint, boolean moto) throws Exception {
        DatabaseMigrationClient client = Clients.dms(endpoint, "us-east-1");
        if (moto) {
            client.close();
            client = DatabaseMigrationClient.builder().endpointOverride(endpoint)
                    .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                    .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                            software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("AKID", "x")))
                    .overrideConfiguration(c -> c.addExecutionInterceptor(new MotoTimestampInterceptor())).build();
        }
        try (DatabaseMigrationClient dms = client) {
            String instance = dms.createReplicationInstance(b -> b.replicationInstanceIdentifier("bench-ri")
                    .replicationInstanceClass("dms.t3.medium")).replicationInstance().replicationInstanceArn();
            String src = dms.createEndpoint(b -> b.endpointIdentifier("bench-src").endpointType("source")
                    .engineName("mysql").serverName("127.0.0.1").port(3306).username("u").password("p")
                    .databaseName("shop")).endpoint().endpointArn();
            String tgt = dms.createEndpoint(b -> b.endpointIdentifier("bench-tgt").endpointType("target")
                    .engineName("s3").s3Settings(s -> s.bucketName("bench").serviceAccessRoleArn(
                            "arn:aws:iam::123456789012:role/r"))).endpoint().endpointArn();
            List<String> tasks = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                tasks.add(dms.createReplicationTask(b -> b.replicationTaskIdentifier("bench-task-" + n)
                        .migrationType("full-load-and-cdc").sourceEndpointArn(src).targetEndpointArn(tgt)
                        .replicationInstanceArn(instance).tableMappings(Clients.MAPPINGS)).replicationTask()
                        .replicationTaskArn());
            }
            String arn = tasks.get(7);
            Runnable describe = () -> dms.describeReplicationTasks(b -> b.filters(f -> f
                    .name("replication-task-arn").values(arn)));
            for (int i = 0; i < WARMUP; i++) {
                describe.run();
            }
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                long t0 = System.nanoTime();
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < REQUESTS / THREADS; i++) {
                            describe.run();
                        }
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
                return REQUESTS / ((System.nanoTime() - t0) / 1e9);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
        }
    }

    private static long best(List<Long> xs) {
        return xs.stream().mapToLong(Long::longValue).min().orElse(-1);
    }

    private static long median(List<Long> xs) {
        List<Long> sorted = xs.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
