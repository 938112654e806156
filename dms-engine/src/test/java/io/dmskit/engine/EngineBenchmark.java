package io.dmskit.engine;

import io.dmskit.testkit.LocalS3;
import io.dmskit.testkit.dataplane.RunningReplication;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.databasemigration.model.MigrationTypeValue;
import software.amazon.awssdk.services.databasemigration.model.S3Settings;
import software.amazon.awssdk.services.databasemigration.model.StartReplicationTaskTypeValue;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Benchmark of the local replication engine (a harness, not a test). Prints, in one run:
 * <ul>
 *   <li>a bare JDBC {@code SELECT *} read of a 1,000,000-row MariaDB table (the limit the source sets),</li>
 *   <li>the engine's full load of the same table to S3 (LocalS3 over HTTP) as CSV and as Parquet,</li>
 *   <li>CDC commit-to-visible latency with {@code CdcMaxBatchInterval = 1 s}: from the source commit to the row being
 *       readable in a CDC file in S3.</li>
 * </ul>
 * Run: {@code ./mvnw -B -q -o test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java -pl dms-testkit
 * -Ddmskit.out=target-engine -Dexec.classpathScope=test
 * -Dexec.mainClass=io.dmskit.engine.EngineBenchmark [-Dexec.args="1000000 20"]}
 */
public final class EngineBenchmark {

    private static final String DB = "eng_bench";

    private EngineBenchmark() {
    }

    public static void main(String[] args) {
        int status = 0;
        try {
            run(args);
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status); // LocalS3's server threads would keep exec:java waiting
    }

    private static void run(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int probes = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        prepare(rows);
        LocalS3 s3 = SharedS3.get();
        // LocalS3's server decodes aws-chunked uploads byte by byte: plain (non-chunked) uploads without a trailing
        // checksum are several times cheaper for it, and it runs in this JVM, on the same cores as the engine
        boolean plainUploads = !"chunked".equals(System.getProperty("bench.upload"));
        software.amazon.awssdk.services.s3.S3Client client = plainUploads ? s3.newClient(b -> b
                .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
                        .chunkedEncodingEnabled(false).build())
                .requestChecksumCalculation(software.amazon.awssdk.core.checksums.RequestChecksumCalculation.WHEN_REQUIRED))
                : s3.client();
        System.out.println("S3 uploads: " + (plainUploads ? "plain (chunked encoding and request checksums off)"
                : "SDK defaults (aws-chunked with CRC32 trailer)"));
        try (LocalReplicationEngine engine = LocalReplicationEngine.builder().s3(client).build()) {
            System.out.printf(Locale.ROOT, "Source: MariaDB %s, table %s.orders, %,d rows; target: LocalS3 %s%n",
                    version(), DB, rows, s3.endpoint());
            fullLoad(engine, "warm-up", s -> { }); // JIT and connection warm-up, not reported
            double[] bare1 = bareRead();
            double[] csv = fullLoad(engine, "csv", s -> { });
            double[] parquet = fullLoad(engine, "parquet", s -> s.dataFormat("parquet"));
            double[] discard;
            DiscardingS3Client nowhere = new DiscardingS3Client();
            try (LocalReplicationEngine alone = LocalReplicationEngine.builder().s3(nowhere).build()) {
                discard = fullLoad(alone, "discard", s -> { });
            }
            double[] bare2 = bareRead();
            double bareRows = Math.max(bare1[0], bare2[0]);
            System.out.printf(Locale.ROOT, "%-34s %12s %10s %10s%n", "full load", "rows/s", "MB/s", "seconds");
            bare1[1] = lastCsvBytes / 1e6 / (rows / bare1[0]); // the CSV volume is known only after the CSV load
            print("bare JDBC SELECT * (1st)", bare1, rows);
            print("bare JDBC SELECT * (2nd)", bare2, rows);
            print("engine -> S3 CSV", csv, rows);
            print("engine -> S3 Parquet", parquet, rows);
            print("engine -> CSV, discarding client", discard, rows);
            System.out.printf(Locale.ROOT, "CSV rate = %.0f %% of the faster bare read (%.0f %% of the slower);"
                            + " Parquet = %.0f %%; CSV without an S3 server = %.0f %%%n",
                    100 * csv[0] / bareRows, 100 * csv[0] / Math.min(bare1[0], bare2[0]), 100 * parquet[0] / bareRows,
                    100 * discard[0] / bareRows);
            cdcLatency(engine, probes);
        }
        s3.stop();
    }

    private static void print(String what, double[] r, int rows) {
        System.out.printf(Locale.ROOT, "%-34s %,12.0f %10.1f %10.2f%n", what, r[0], r[1], rows / r[0]);
    }

    private static String version() throws Exception {
        try (Connection c = Databases.mysqlConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT VERSION()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void prepare(int rows) throws Exception {
        Databases.mysql("CREATE DATABASE IF NOT EXISTS " + DB);
        long have = -1;
        try (Connection c = Databases.mysqlConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + DB + ".orders")) {
                rs.next();
                have = rs.getLong(1);
            } catch (java.sql.SQLException missing) {
                have = -1;
            }
        }
        if (have != rows) {
            System.out.printf(Locale.ROOT, "Creating %s.orders with %,d rows ...%n", DB, rows);
            Databases.mysql("DROP TABLE IF EXISTS " + DB + ".orders",
                    "CREATE TABLE " + DB + ".orders (id BIGINT PRIMARY KEY, customer VARCHAR(40), amount DECIMAL(10,2),"
                            + " qty INT, created DATETIME, status VARCHAR(10), note VARCHAR(64))",
                    "INSERT INTO " + DB + ".orders SELECT seq, CONCAT('customer-', seq % 5000), (seq % 100000) / 100,"
                            + " seq % 7, TIMESTAMP('2024-01-01') + INTERVAL (seq % 31536000) SECOND,"
                            + " ELT(1 + seq % 3, 'NEW', 'PAID', 'SHIPPED'), REPEAT('x', seq % 40)"
                            + " FROM seq_1_to_" + rows);
        }
        Databases.mysql("DROP TABLE IF EXISTS " + DB + ".probe",
                "CREATE TABLE " + DB + ".probe (id INT PRIMARY KEY, sent BIGINT)");
    }

    /** @return rows/s and MB/s (MB of the CSV the engine writes for the same rows, measured in the CSV run) */
    private static double[] bareRead() throws Exception {
        long t0 = System.nanoTime();
        long n = 0;
        long chars = 0;
        try (Connection c = Databases.mysqlConnection(); Statement s = c.createStatement()) {
            s.setFetchSize(10_000);
            try (ResultSet rs = s.executeQuery("SELECT * FROM " + DB + ".orders")) {
                int cols = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= cols; i++) {
                        Object v = rs.getObject(i);
                        chars += v == null ? 1 : 8;
                    }
                    n++;
                }
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new double[] {n / seconds, lastCsvBytes / 1e6 / seconds, chars};
    }

    private static long lastCsvBytes;

    private static double[] fullLoad(LocalReplicationEngine engine, String name, Consumer<S3Settings.Builder> settings) {
        String bucket = "eng-bench-" + name;
        LocalS3.Bucket b = SharedS3.bucket(bucket);
        S3Settings.Builder s3 = S3Settings.builder().bucketName(bucket);
        settings.accept(s3);
        String mappings = "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"1\",\"object-locator\":"
                + "{\"schema-name\":\"" + DB + "\",\"table-name\":\"orders\"},\"rule-action\":\"include\"}]}";
        TestContext ctx = new TestContext(TestContext.task("bench-" + name, MigrationTypeValue.FULL_LOAD, mappings, null),
                Databases.mysqlSource("bench-src"), Databases.mysql().credentials(), SharedS3.s3Target("bench-tgt", s3.build()),
                Databases.mysql().credentials(), StartReplicationTaskTypeValue.START_REPLICATION, Optional.empty());
        long t0 = System.nanoTime();
        RunningReplication running = engine.start(ctx);
        Await.until("full load " + name, Duration.ofMinutes(10), () -> ctx.fullLoadFinished || ctx.failure != null, ctx::toString);
        double seconds = (System.nanoTime() - t0) / 1e9;
        running.stop();
        if (ctx.failure != null) {
            throw new IllegalStateException(ctx.failure);
        }
        long bytes = name.equals("discard") ? lastCsvBytes : b.objects("").stream().mapToLong(S3Object::size).sum();
        if (name.equals("csv")) {
            lastCsvBytes = bytes;
        }
        long rows = ctx.stats(DB + ".orders").fullLoadRows();
        var st = ctx.stats(DB + ".orders");
        System.out.printf(Locale.ROOT, "  (%s: %.2f s in total, of which %.2f s from the table's load start to its completion)%n",
                name, seconds, Duration.between(st.fullLoadStartTime(), st.fullLoadEndTime()).toMillis() / 1000.0);
        b.clear();
        return new double[] {rows / seconds, bytes / 1e6 / seconds};
    }

    private static void cdcLatency(LocalReplicationEngine engine, int probes) throws Exception {
        String bucket = "eng-bench-cdc";
        LocalS3.Bucket b = SharedS3.bucket(bucket);
        String mappings = "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"1\",\"object-locator\":"
                + "{\"schema-name\":\"" + DB + "\",\"table-name\":\"probe\"},\"rule-action\":\"include\"}]}";
        TestContext ctx = new TestContext(TestContext.task("bench-cdc", MigrationTypeValue.CDC, mappings, null),
                Databases.mysqlSource("bench-src"), Databases.mysql().credentials(),
                SharedS3.s3Target("bench-cdc-tgt", S3Settings.builder().bucketName(bucket).cdcMaxBatchInterval(1).build()),
                Databases.mysql().credentials(), StartReplicationTaskTypeValue.START_REPLICATION, Optional.empty());
        RunningReplication running = engine.start(ctx);
        Await.until("CDC start", Duration.ofSeconds(30), () -> ctx.checkpoint != null || ctx.failure != null, ctx::toString);
        String mode = engine.cdcModeOf("arn:aws:dms:us-east-1:123456789012:task:bench-cdc").orElse("?");
        List<Double> latencies = new ArrayList<>();
        Set<String> seenKeys = new HashSet<>();
        java.util.Random random = new java.util.Random(42);
        try (Connection c = Databases.mysqlConnection(); Statement s = c.createStatement()) {
            for (int i = 1; i <= probes; i++) {
                s.executeUpdate("INSERT INTO " + DB + ".probe VALUES (" + i + ", 0)");
                long committed = System.nanoTime();
                String marker = "I," + i + ",0";
                boolean[] found = {false};
                Await.until("probe " + i, Duration.ofSeconds(30), () -> {
                    for (String k : b.keys(DB + "/probe/")) {
                        if (seenKeys.contains(k)) {
                            continue;
                        }
                        List<String> lines = b.getString(k).lines().toList();
                        if (lines.contains(marker)) {
                            seenKeys.add(k);
                            found[0] = true;
                        }
                    }
                    return found[0];
                });
                latencies.add((System.nanoTime() - committed) / 1e9);
                Thread.sleep(random.nextInt(700));
            }
        }
        running.stop();
        Collections.sort(latencies);
        System.out.printf(Locale.ROOT, "CDC commit-to-visible (%s capture, CdcMaxBatchInterval=1 s, %d probes):"
                        + " p50 %.2f s, p90 %.2f s, max %.2f s%n", mode, probes, percentile(latencies, 50),
                percentile(latencies, 90), latencies.get(latencies.size() - 1));
    }

    private static double percentile(List<Double> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
