package io.dmskit.verify.bench;

import io.dmskit.model.s3.S3DataFormat;
import io.dmskit.testkit.LocalS3;
import io.dmskit.verify.VerificationReport;
import io.dmskit.verify.Verifier;
import io.dmskit.verify.source.SourceTable;
import io.dmskit.verify.support.DmsS3Fixtures;
import io.dmskit.verify.support.TestDatabases;
import io.dmskit.verify.target.S3TableCounter;
import io.dmskit.verify.target.S3Target;
import io.dmskit.verify.target.TargetCount;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Benchmark harness (not a test): counts 2,000 Parquet objects of about 1 MiB and 2,000 CSV objects on LocalS3 and,
 * in the same run, downloads every object whole with the SDK; then counts 20 MariaDB tables one by one and all at
 * once. Prints objects/s, GETs and bytes per object, and the ratios the README quotes.
 *
 * <pre>
 * ./mvnw -B -q -o test-compile exec:java -pl dms-verify -Ddmskit.out=target-verify \
 *   -Dexec.mainClass=io.dmskit.verify.bench.CountingBenchmark -Dexec.classpathScope=test
 * </pre>
 * System properties: {@code bench.objects} (default 2000), {@code bench.threads} (counting, 16),
 * {@code bench.downloadThreads} (16), {@code bench.rounds} (3), {@code bench.csvKiB} (256),
 * {@code bench.footerReadSize} (65536).
 */
public final class CountingBenchmark {

    private CountingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int objects = Integer.getInteger("bench.objects", 2000);
        int threads = Integer.getInteger("bench.threads", 16);
        int downloadThreads = Integer.getInteger("bench.downloadThreads", 16);
        int footer = Integer.getInteger("bench.footerReadSize", 64 * 1024);
        int csvKiB = Integer.getInteger("bench.csvKiB", 256);
        try (LocalS3 local = LocalS3.started()) {
            S3Client s3 = local.client();
            String bucket = "bench-" + System.currentTimeMillis();
            local.createBucket(bucket);

            byte[] parquet = DmsS3Fixtures.parquet(null, DmsS3Fixtures.ids(1, 7000), 130,
                    new DmsS3Fixtures.ParquetSpec(CompressionCodecName.SNAPPY, true, false, 128 << 20, 1 << 20), 1);
            byte[] csv = csvOf(csvKiB * 1024);
            long csvRowsPerObject = DmsS3Fixtures.csv(List.of()).length + count(csv, (byte) '\n');
            System.out.printf(Locale.ROOT, "Parquet object %,d bytes (7,000 rows), CSV object %,d bytes (%,d rows)%n",
                    parquet.length, csv.length, csvRowsPerObject);
            upload(s3, bucket, "bench/parquet_t/", ".parquet", parquet, objects, threads);
            upload(s3, bucket, "bench/csv_t/", ".csv", csv, objects, threads);

            S3Target target = S3Target.builder().bucket(bucket).parallelism(threads).addColumnName(false)
                    .footerReadSize(footer).build();
            // warm-up of both paths on a few objects
            wholeDownload(s3, bucket, "bench/parquet_t/", downloadThreads, 50);
            try (S3TableCounter c = S3TableCounter.create(s3, target.toBuilder().dataFormat(S3DataFormat.PARQUET)
                    .build())) {
                c.count("bench", "parquet_t", List.of());
            }

            int rounds = Integer.getInteger("bench.rounds", 3);
            System.out.println();
            System.out.println("== Parquet: footer counting (" + threads + " threads) vs whole download ("
                    + downloadThreads + " threads), " + objects + " objects, best of " + rounds + " alternating rounds");
            S3Target pt = target.toBuilder().dataFormat(S3DataFormat.PARQUET).build();
            double countSec = Double.MAX_VALUE;
            TargetCount pc = null;
            Result pd = null;
            for (int round = 0; round < rounds; round++) {
                long t0 = System.nanoTime();
                try (S3TableCounter c = S3TableCounter.create(s3, pt)) {
                    pc = c.count("bench", "parquet_t", List.of());
                }
                countSec = Math.min(countSec, (System.nanoTime() - t0) / 1e9);
                Result d = wholeDownload(s3, bucket, "bench/parquet_t/", downloadThreads, Integer.MAX_VALUE);
                pd = pd == null || d.seconds < pd.seconds ? d : pd;
            }
            System.out.printf(Locale.ROOT, "count:    %,d rows in %.2f s = %,.0f objects/s, %.2f GETs/object,"
                            + " %,.0f bytes/object%n", pc.fullLoadRows(), countSec, objects / countSec,
                    (double) pc.getRequests() / objects, (double) pc.bytesRead() / objects);
            System.out.printf(Locale.ROOT, "download: %,d objects in %.2f s = %,.0f objects/s, 1.00 GETs/object,"
                    + " %,.0f bytes/object%n", pd.objects, pd.seconds, pd.objects / pd.seconds,
                    (double) pd.bytes / pd.objects);
            System.out.printf(Locale.ROOT, "speed-up: %.1fx%n", pd.seconds / countSec);

            System.out.println();
            System.out.println("== CSV: streaming count vs whole download (" + objects + " objects, best of " + rounds
                    + ")");
            S3Target ct = target.toBuilder().dataFormat(S3DataFormat.CSV).build();
            double csvSec = Double.MAX_VALUE;
            TargetCount cc = null;
            Result cd = null;
            for (int round = 0; round < rounds; round++) {
                long t0 = System.nanoTime();
                try (S3TableCounter c = S3TableCounter.create(s3, ct)) {
                    cc = c.count("bench", "csv_t", List.of());
                }
                csvSec = Math.min(csvSec, (System.nanoTime() - t0) / 1e9);
                Result d = wholeDownload(s3, bucket, "bench/csv_t/", downloadThreads, Integer.MAX_VALUE);
                cd = cd == null || d.seconds < cd.seconds ? d : cd;
            }
            System.out.printf(Locale.ROOT, "count:    %,d rows in %.2f s = %,.0f objects/s, %.1f MB/s, %.2f GETs/object%n",
                    cc.fullLoadRows(), csvSec, objects / csvSec, cc.bytesRead() / csvSec / 1e6,
                    (double) cc.getRequests() / objects);
            System.out.printf(Locale.ROOT, "download: %,d objects in %.2f s = %,.0f objects/s, %.1f MB/s%n",
                    cd.objects, cd.seconds, cd.objects / cd.seconds, cd.bytes / cd.seconds / 1e6);
            System.out.printf(Locale.ROOT, "count throughput = %.0f %% of raw download%n",
                    100.0 * cd.seconds / csvSec);
        }
        sourceSide();
    }

    private static void sourceSide() {
        DataSource db = TestDatabases.mariadb();
        String schema = TestDatabases.uniqueName("dmskit_bench");
        TestDatabases.createSchema(db, schema);
        try {
            List<SourceTable> tables = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String t = "t" + i;
                TestDatabases.createTable(db, schema, t, i == 0 ? 2_000_000 : i * 5_000, false);
                tables.add(SourceTable.of(schema, t));
            }
            try (LocalS3 local = LocalS3.started()) {
                local.createBucket("empty");
                Verifier.Builder base = Verifier.builder().source(db).s3(local.client())
                        .target(S3Target.builder().bucket("empty").build());
                base.tables(tables).parallelism(1).build().verifyRowCounts(); // warm the buffer pool
                double slowest = 0;
                String slowestName = "";
                for (SourceTable t : tables) {
                    long t0 = System.nanoTime();
                    base.tables(List.of(t)).parallelism(1).build().verifyRowCounts();
                    double s = (System.nanoTime() - t0) / 1e9;
                    if (s > slowest) {
                        slowest = s;
                        slowestName = t.table();
                    }
                }
                long t0 = System.nanoTime();
                VerificationReport r = base.tables(tables).parallelism(20).build().verifyRowCounts();
                double all = (System.nanoTime() - t0) / 1e9;
                System.out.println();
                System.out.println("== Source: 20 MariaDB tables (one of 2,000,000 rows, 19 of 5,000-95,000)");
                System.out.printf(Locale.ROOT, "slowest single count (%s): %.3f s; all 20 concurrently: %.3f s"
                        + " = %.2fx the slowest (%,d rows)%n", slowestName, slowest, all, all / slowest,
                        r.totals().sourceRows());
            }
        } finally {
            TestDatabases.dropSchema(db, schema, false);
        }
    }

    private static byte[] csvOf(int bytes) {
        List<List<String>> rows = new ArrayList<>();
        int size = 0;
        int i = 0;
        java.util.Random r = new java.util.Random(3);
        while (size < bytes) {
            i++;
            String text = i % 50 == 0 ? "multi\nline, \"quoted\" " + r.nextInt() : "customer " + r.nextLong();
            List<String> row = List.of(String.valueOf(i), text, i % 4 == 0 ? "EU" : "US", "2024-05-28 19:51:41.388146",
                    String.valueOf(r.nextDouble()));
            rows.add(row);
            size += 80;
        }
        return DmsS3Fixtures.csv(rows);
    }

    private static long count(byte[] b, byte x) {
        long n = 0;
        for (byte v : b) {
            if (v == x) {
                n++;
            }
        }
        return n;
    }

    private static void upload(S3Client s3, String bucket, String prefix, String ext, byte[] data, int n,
                               int threads) throws Exception {
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> fs = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String key = prefix + String.format("LOAD%08X", i) + ext;
            fs.add(pool.submit(() -> DmsS3Fixtures.put(s3, bucket, key, data)));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "uploaded %,d objects to %s in %.1f s%n", n, prefix,
                (System.nanoTime() - t0) / 1e9);
    }

    private record Result(int objects, long bytes, double seconds) { }

    /** What {@code aws s3 cp} of every object amounts to: one whole GET per object, every byte read. */
    private static Result wholeDownload(S3Client s3, String bucket, String prefix, int threads, int limit)
            throws Exception {
        long t0 = System.nanoTime(); // listing included, as in the counter (and aws s3 cp --recursive)
        List<String> keys = new ArrayList<>();
        for (var page : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix))) {
            for (S3Object o : page.contents()) {
                if (keys.size() < limit) {
                    keys.add(o.key());
                }
            }
        }
        AtomicLong bytes = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> fs = new ArrayList<>();
        for (String k : keys) {
            fs.add(pool.submit(() -> {
                byte[] buf = new byte[65536];
                try (ResponseInputStream<GetObjectResponse> in = s3.getObject(b -> b.bucket(bucket).key(k))) {
                    int n;
                    InputStream s = in;
                    while ((n = s.read(buf)) > 0) {
                        bytes.addAndGet(n);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        return new Result(keys.size(), bytes.get(), (System.nanoTime() - t0) / 1e9);
    }
}
