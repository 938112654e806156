package io.dmskit.verify.bench;

import io.dmskit.testkit.LocalS3;
import io.dmskit.model.s3.CsvDialect;
import io.dmskit.model.s3.CsvReader;
import io.dmskit.verify.support.DmsS3Fixtures;
import io.dmskit.verify.target.S3TableCounter;
import io.dmskit.verify.target.S3Target;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;

/** Diagnostic: where the time of counting one CSV object goes. */
public final class CsvDiag {
    private CsvDiag() {
    }

    public static void main(String[] args) throws Exception {
        byte[] csv = DmsS3Fixtures.csv(DmsS3Fixtures.rows(1, 20000));
        CsvReader sc = CsvDialect.of(",", "\n", true, "").reader();
        long t0 = System.nanoTime();
        long n = 0;
        for (int i = 0; i < 200; i++) {
            n += sc.scan(new ByteArrayInputStream(csv), 0, null);
        }
        System.out.printf("in-memory scan: %.1f MB/s (%d rows)%n", 200.0 * csv.length / ((System.nanoTime() - t0) / 1e3), n);
        try (LocalS3 local = LocalS3.started()) {
            S3Client s3 = local.client();
            local.createBucket("diag-bucket");
            for (int i = 1; i <= 50; i++) {
                DmsS3Fixtures.put(s3, "diag-bucket", String.format("s/t/LOAD%08X.csv", i), csv);
            }
            for (int round = 0; round < 3; round++) {
                t0 = System.nanoTime();
                for (int i = 1; i <= 50; i++) {
                    String k = String.format("s/t/LOAD%08X.csv", i);
                    try (InputStream in = s3.getObject(b -> b.bucket("diag-bucket").key(k))) {
                        in.transferTo(java.io.OutputStream.nullOutputStream());
                    }
                }
                System.out.printf("raw download: %.1f ms/object%n", (System.nanoTime() - t0) / 1e6 / 50);
                t0 = System.nanoTime();
                for (int i = 1; i <= 50; i++) {
                    String k = String.format("s/t/LOAD%08X.csv", i);
                    try (InputStream in = s3.getObject(b -> b.bucket("diag-bucket").key(k))) {
                        sc.scan(in, 0, null);
                    }
                }
                System.out.printf("download+scan: %.1f ms/object%n", (System.nanoTime() - t0) / 1e6 / 50);
                t0 = System.nanoTime();
                try (S3TableCounter c = S3TableCounter.create(s3, S3Target.builder().bucket("diag-bucket").parallelism(1)
                        .addColumnName(false).build())) {
                    c.count("s", "t", List.of());
                }
                System.out.printf("S3TableCounter: %.1f ms/object%n", (System.nanoTime() - t0) / 1e6 / 50);
            }
        }
    }
}
