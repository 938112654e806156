package io.dmskit.verify.bench;

import io.dmskit.model.s3.S3DataFormat;
import io.dmskit.model.s3.S3OutputSettings;
import io.dmskit.model.s3.parquet.ParquetColumn;
import io.dmskit.model.s3.parquet.ParquetCompression;
import io.dmskit.model.s3.parquet.ParquetFooter;
import io.dmskit.model.s3.parquet.ParquetReader;
import io.dmskit.model.s3.parquet.ParquetWriter;
import io.dmskit.testkit.LocalS3;
import io.dmskit.testsupport.MemoryProbe;
import io.dmskit.verify.ContentVerifier;
import io.dmskit.verify.VerificationReport;
import io.dmskit.verify.Verifier;
import io.dmskit.verify.internal.content.ContentShape;
import io.dmskit.verify.internal.content.ContentShape.Kind;
import io.dmskit.verify.internal.content.DmsRendering;
import io.dmskit.verify.internal.content.KeyRange;
import io.dmskit.verify.internal.content.RangeDigest;
import io.dmskit.verify.internal.content.S3TableState;
import io.dmskit.verify.report.TableVerification;
import io.dmskit.verify.report.VerificationStatus;
import io.dmskit.verify.support.TestDatabases;
import io.dmskit.verify.target.S3Target;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Benchmark harness (not a test: its name is outside surefire's patterns and it runs only with
 * {@code -Ddmskit.bench=s3state}): rebuilds the current state of a table written to S3 as
 * Parquet in the layout and encoding the local engine writes from MariaDB (dms-model's {@code ParquetWriter}, SNAPPY
 * pages, DMS's 10,000-row row groups, {@code LOAD} files of 100,000 rows plus CDC files with an Op column holding 1 %
 * updates, 0.5 % deletes and 0.5 % inserts) and compares its speed with a bare decode of the same objects (the same
 * ranged GETs, every column chunk decoded, nothing else). Then measures the peak retained heap of the
 * reconstruction for two table sizes, with key ranges of 10,000 rows (what bounds memory). With
 * {@code -Ddmskit.bench=s3e2e} it times a whole {@code ContentVerifier} run from MariaDB instead ({@link #endToEnd()}).
 *
 * <pre>
 * ./mvnw -B -q -o -pl dms-verify -am test -Dtest=S3StateBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Ddmskit.bench=s3state -Dbench.rows=1000000 -Dbench.memoryRows=100000,1000000
 * </pre>
 */
@org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "dmskit.bench", matches = "s3state|s3e2e")
final class S3StateBenchmark {

    private static final List<String> TABLE = List.of("id", "customer", "amount", "ratio", "created", "note");

    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "dmskit.bench", matches = "s3state")
    void run() {
        int rows = Integer.getInteger("bench.rows", 1_000_000);
        int rounds = Integer.getInteger("bench.rounds", 3);
        String[] memoryRows = System.getProperty("bench.memoryRows", "100000," + rows).split(",");
        try (LocalS3 local = LocalS3.started()) {
            S3Client s3 = local.client();
            System.out.printf(Locale.ROOT, "JVM %s, %d cores, max heap %,d MB%n", Runtime.version(),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

            String bucket = "bench-state-" + System.currentTimeMillis();
            local.createBucket(bucket);
            long bytes = write(s3, bucket, rows);
            S3OutputSettings settings = S3OutputSettings.builder().bucketName(bucket).dataFormat(S3DataFormat.PARQUET)
                    .build();
            System.out.printf(Locale.ROOT, "%n%,d rows in %,d bytes of Parquet%n", rows, bytes);
            // warm-up
            bareDecode(s3, bucket);
            reconstruct(s3, settings, rows);
            double bare = Double.MAX_VALUE;
            double rebuilt = Double.MAX_VALUE;
            for (int r = 0; r < rounds; r++) {
                String load = uptime();
                long t0 = System.nanoTime();
                long values = bareDecode(s3, bucket);
                long t1 = System.nanoTime();
                RangeDigest d = reconstruct(s3, settings, rows);
                long t2 = System.nanoTime();
                bare = Math.min(bare, (t1 - t0) / 1e9);
                rebuilt = Math.min(rebuilt, (t2 - t1) / 1e9);
                System.out.printf(Locale.ROOT, "round %d (load average %s): bare decode %.2f s (%,d values),"
                        + " reconstruction %.2f s (%,d rows in the final state)%n", r + 1, load, (t1 - t0) / 1e9,
                        values, (t2 - t1) / 1e9, d.rows());
            }
            System.out.printf(Locale.ROOT, "%nbest of %d: bare decode %.2f s = %,.0f rows/s; reconstruction %.2f s ="
                    + " %,.0f rows/s; reconstruction runs at %.0f %% of the bare decode%n", rounds, bare, rows / bare,
                    rebuilt, rows / rebuilt, 100 * bare / rebuilt);

            System.out.println();
            for (String m : memoryRows) {
                int n = Integer.parseInt(m.trim());
                String b = "bench-mem-" + n + "-" + System.currentTimeMillis();
                local.createBucket(b);
                write(s3, b, n);
                S3OutputSettings s = S3OutputSettings.builder().bucketName(b).dataFormat(S3DataFormat.PARQUET).build();
                long peak = MemoryProbe.peakRetained(() -> reconstruct(s3, s, n));
                System.out.printf(Locale.ROOT, "peak retained heap while rebuilding %,d rows (%d ranges of 10,000"
                        + " rows): %,d KB (load average %s)%n", n, ranges(n).size(), peak >> 10, uptime());
            }
        }
    }


    /**
     * End to end, with {@code -Ddmskit.bench=s3e2e}: the table lives in MariaDB (its final state after the changes
     * {@link #write} puts in the CDC files) and on S3 as the same Parquet objects; times a whole
     * {@link ContentVerifier} run (source read and rendered in Java, target rebuilt, range digests compared) against a
     * bare decode of the objects, in the same rounds.
     *
     * <pre>
     * ./mvnw -B -q -o -pl dms-verify -am test -Dtest=S3StateBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
     *   -Ddmskit.bench=s3e2e -Dbench.rows=1000000
     * </pre>
     */
    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "dmskit.bench", matches = "s3e2e")
    void endToEnd() {
        int rows = Integer.getInteger("bench.rows", 1_000_000);
        int rounds = Integer.getInteger("bench.rounds", 2);
        DataSource my = TestDatabases.mariadb();
        String schema = TestDatabases.uniqueName("dmskit_s3perf");
        TestDatabases.createSchema(my, schema);
        try (LocalS3 local = LocalS3.started()) {
            S3Client s3 = local.client();
            long t0 = System.nanoTime();
            source(my, schema, rows);
            String bucket = "bench-e2e-" + System.currentTimeMillis();
            local.createBucket(bucket);
            long bytes = write(s3, bucket, rows);
            System.out.printf(Locale.ROOT, "%,d rows in MariaDB and in %,d bytes of Parquet, set up in %.1f s%n",
                    rows, bytes, (System.nanoTime() - t0) / 1e9);
            String mappings = """
                    {"rules":[
                     {"rule-type":"selection","rule-id":"1","rule-name":"all","object-locator":{"schema-name":"%s","table-name":"orders"},"rule-action":"include"},
                     {"rule-type":"transformation","rule-id":"2","rule-name":"to-bench","rule-target":"schema","object-locator":{"schema-name":"%s"},"rule-action":"rename","value":"bench"}
                    ]}""".formatted(schema, schema);
            Verifier verifier = Verifier.builder().source(my).tableMappings(mappings).s3(s3)
                    .target(S3Target.builder().bucket(bucket).dataFormat(S3DataFormat.PARQUET).build()).build();
            bareDecode(s3, bucket); // warm-up
            verify(verifier);
            double bare = Double.MAX_VALUE;
            double whole = Double.MAX_VALUE;
            for (int r = 0; r < rounds; r++) {
                String load = uptime();
                long a = System.nanoTime();
                bareDecode(s3, bucket);
                long b = System.nanoTime();
                TableVerification t = verify(verifier);
                long c = System.nanoTime();
                bare = Math.min(bare, (b - a) / 1e9);
                whole = Math.min(whole, (c - b) / 1e9);
                System.out.printf(Locale.ROOT, "round %d (load average %s): bare decode %.2f s, ContentVerifier %.2f s"
                        + " (%s, %,d source rows, %,d target rows)%n", r + 1, load, (b - a) / 1e9, (c - b) / 1e9,
                        t.status(), t.content().orElseThrow().sourceRows(), t.content().orElseThrow().targetRows());
            }
            System.out.printf(Locale.ROOT, "%nbest of %d: bare decode %.2f s; ContentVerifier MariaDB -> S3 Parquet"
                    + " %.2f s = %,.0f rows/s, i.e. %.0f %% of the bare decode%n", rounds, bare, whole, rows / whole,
                    100 * bare / whole);
        } finally {
            TestDatabases.dropSchema(my, schema, false);
        }
    }

    private static TableVerification verify(Verifier verifier) {
        VerificationReport report = ContentVerifier.of(verifier).verify();
        TableVerification t = report.tables().get(0);
        if (t.error().isPresent() || t.status() != VerificationStatus.CONTENT_MATCH) {
            throw new AssertionError("the benchmark's table should match: " + t.status() + " " + t.error()
                    + " " + t.content());
        }
        return t;
    }

    private static String uptime() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    /** The final state of what {@link #write} puts on S3: the full load with the CDC files' changes applied. */
    private static void source(DataSource my, String schema, int rows) {
        int changes = Math.max(1, rows / 50);
        String t = schema + ".orders";
        String row = "CONCAT('customer-', %1$s MOD 5000%2$s), (%1$s MOD 100000) / 100, %1$s / 7e0,"
                + " TIMESTAMP'2024-01-01 00:00:00' + INTERVAL %1$s SECOND + INTERVAL (%1$s MOD 1000)"
                + " MICROSECOND, IF(%1$s MOD 10 = 0, NULL, CONCAT('note ', %1$s))";
        String changed = "(SELECT seq AS i, (seq * 7919 MOD " + rows + ") + 1 AS id FROM seq_0_to_" + (changes - 1)
                + ")";
        TestDatabases.exec(my, "CREATE TABLE " + t + " (id INT PRIMARY KEY, customer VARCHAR(40), amount"
                        + " DECIMAL(12,2), ratio DOUBLE, created DATETIME(6), note VARCHAR(100))",
                "INSERT INTO " + t + " SELECT seq, " + String.format(Locale.ROOT, row, "seq", "") + " FROM seq_1_to_"
                        + rows,
                "UPDATE " + t + " o JOIN " + changed + " c ON o.id = c.id SET o.customer = CONCAT('customer-',"
                        + " o.id MOD 5000, '-v1') WHERE c.i MOD 4 IN (0, 1)",
                "DELETE o FROM " + t + " o JOIN " + changed + " c ON o.id = c.id WHERE c.i MOD 4 = 2",
                "INSERT INTO " + t + " SELECT id, " + String.format(Locale.ROOT, row, "id", "") + " FROM (SELECT "
                        + rows + " + seq + 1 AS id FROM seq_0_to_" + (changes - 1) + " WHERE seq MOD 4 = 3) n");
    }

    private static List<KeyRange> ranges(int rows) {
        List<List<String>> bounds = new ArrayList<>();
        for (int k = 10_000; k < rows * 1.01; k += 10_000) {
            bounds.add(List.of(Integer.toString(k)));
        }
        return KeyRange.split(bounds);
    }

    private static ContentShape shape() {
        return new ContentShape("bench", "orders", List.of(
                new ContentShape.Column("id", true, Kind.INTEGER, Types.INTEGER, "int", 10, 0, false),
                new ContentShape.Column("customer", false, Kind.TEXT, Types.VARCHAR, "varchar", 40, 0, false),
                new ContentShape.Column("amount", false, Kind.DECIMAL, Types.DECIMAL, "decimal", 12, 2, false),
                new ContentShape.Column("ratio", false, Kind.FLOAT, Types.DOUBLE, "double", 22, 0, false),
                new ContentShape.Column("created", false, Kind.TIMESTAMP, Types.TIMESTAMP, "datetime", 26, 6, false),
                new ContentShape.Column("note", false, Kind.TEXT, Types.VARCHAR, "varchar", 100, 0, false)), true);
    }

    private static RangeDigest reconstruct(S3Client s3, S3OutputSettings settings, int rows) {
        ContentShape shape = shape();
        DmsRendering r = DmsRendering.of(DmsRendering.Engine.MYSQL, DmsRendering.Format.of(settings),
                DmsRendering.RenderOptions.DEFAULTS);
        List<KeyRange> ranges = ranges(rows);
        try (S3TableState state = S3TableState.read(s3, settings, new S3TableState.Spec("bench", "orders", TABLE,
                shape, S3TableState.Spec.renderings(r, shape), ranges), null, () -> false)) {
            RangeDigest all = RangeDigest.EMPTY;
            for (RangeDigest d : state.digests()) {
                all = all.plus(d);
            }
            return all;
        }
    }

    /** The same GETs as the reconstruction (footer, then each row group's chunks), every chunk decoded. */
    private static long bareDecode(S3Client s3, String bucket) {
        long values = 0;
        List<S3Object> objects = new ArrayList<>();
        s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix("bench/orders/")).forEach(p -> objects.addAll(p.contents()));
        for (S3Object o : objects) {
            byte[] tail = s3.getObjectAsBytes(b -> b.bucket(bucket).key(o.key()).range("bytes=-262144")).asByteArray();
            ParquetFooter footer = ParquetReader.readFooter(tail);
            for (ParquetFooter.RowGroup rg : footer.rowGroups()) {
                long from = Long.MAX_VALUE;
                long to = 0;
                for (ParquetFooter.ColumnChunk c : rg.columns()) {
                    from = Math.min(from, c.startOffset());
                    to = Math.max(to, c.startOffset() + c.totalCompressedSize());
                }
                long f = from;
                long t = to;
                byte[] bytes = s3.getObjectAsBytes(b -> b.bucket(bucket).key(o.key())
                        .range("bytes=" + f + "-" + (t - 1))).asByteArray();
                for (ParquetFooter.ColumnChunk c : rg.columns()) {
                    int start = (int) (c.startOffset() - from);
                    values += ParquetReader.readValues(c, java.util.Arrays.copyOfRange(bytes, start,
                            start + (int) c.totalCompressedSize())).size();
                }
            }
        }
        return values;
    }

    private static long write(S3Client s3, String bucket, int rows) {
        List<ParquetColumn> cols = List.of(ParquetColumn.int32("id"), ParquetColumn.string("customer"),
                ParquetColumn.decimal("amount", 12, 2), ParquetColumn.float64("ratio"),
                ParquetColumn.timestampMicros("created"), ParquetColumn.string("note"));
        List<ParquetColumn> cdcCols = new ArrayList<>(List.of(ParquetColumn.string("Op")));
        cdcCols.addAll(cols);
        long bytes = 0;
        int perFile = 100_000;
        int file = 1;
        for (int start = 1; start <= rows; start += perFile) {
            int end = Math.min(rows, start + perFile - 1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ParquetWriter w = ParquetWriter.builder().columns(cols).compression(ParquetCompression.SNAPPY)
                    .open(out)) {
                for (int id = start; id <= end; id++) {
                    w.write(values(null, id, 0));
                }
            }
            bytes += put(s3, bucket, String.format(Locale.ROOT, "bench/orders/LOAD%08X.parquet", file++),
                    out.toByteArray());
        }
        int changes = Math.max(1, rows / 50);
        int perCdc = 20_000;
        int cdcFile = 0;
        for (int c = 0; c < changes; c += perCdc) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ParquetWriter w = ParquetWriter.builder().columns(cdcCols).compression(ParquetCompression.SNAPPY)
                    .open(out)) {
                for (int i = c; i < Math.min(changes, c + perCdc); i++) {
                    int id = (int) ((i * 7919L) % rows) + 1;
                    switch (i % 4) {
                        case 0, 1 -> w.write(values("U", id, 1));
                        case 2 -> w.write(values("D", id, 0));
                        default -> w.write(values("I", rows + i + 1, 0));
                    }
                }
            }
            bytes += put(s3, bucket, String.format(Locale.ROOT, "bench/orders/20240528-10%02d00000.parquet",
                    cdcFile++), out.toByteArray());
        }
        return bytes;
    }

    private static Object[] values(String op, int id, int version) {
        List<Object> v = new ArrayList<>(7);
        if (op != null) {
            v.add(op);
        }
        v.add(id);
        v.add("customer-" + (id % 5000) + (version > 0 ? "-v" + version : ""));
        v.add(BigDecimal.valueOf(id % 100_000, 2));
        v.add(id / 7.0);
        v.add(LocalDateTime.of(2024, 1, 1, 0, 0).plusSeconds(id).plusNanos((id % 1000) * 1000L));
        v.add(id % 10 == 0 ? null : "note " + id);
        return v.toArray();
    }

    private static long put(S3Client s3, String bucket, String key, byte[] body) {
        s3.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(body));
        return body.length;
    }
}
