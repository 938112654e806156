package io.dmskit.verify.bench;

import io.dmskit.testkit.LocalS3;
import io.dmskit.verify.support.DmsS3Fixtures;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.Locale;

/** Sequential latency of single requests on LocalS3 (diagnostic companion of {@link CountingBenchmark}). */
public final class RequestLatency {

    private RequestLatency() {
    }

    public static void main(String[] args) {
        try (LocalS3 local = LocalS3.started()) {
            S3Client s3 = local.client();
            local.createBucket("lat");
            byte[] data = new byte[1 << 20];
            new java.util.Random(1).nextBytes(data);
            DmsS3Fixtures.put(s3, "lat", "k", data);
            for (int round = 0; round < 2; round++) {
                time("whole 1 MiB", () -> s3.getObjectAsBytes(b -> b.bucket("lat").key("k")).asByteArray().length);
                time("suffix 64 KiB", () -> s3.getObjectAsBytes(b -> b.bucket("lat").key("k").range("bytes=-65536"))
                        .asByteArray().length);
                time("suffix 8 B", () -> s3.getObjectAsBytes(b -> b.bucket("lat").key("k").range("bytes=-8"))
                        .asByteArray().length);
                time("range 0-65535", () -> s3.getObjectAsBytes(b -> b.bucket("lat").key("k").range("bytes=0-65535"))
                        .asByteArray().length);
                time("range end 64K", () -> s3.getObjectAsBytes(b -> b.bucket("lat").key("k")
                        .range("bytes=983040-1048575")).asByteArray().length);
                time("range end 8K", () -> s3.getObjectAsBytes(b -> b.bucket("lat").key("k")
                        .range("bytes=1040384-1048575")).asByteArray().length);
                time("head", () -> s3.headObject(b -> b.bucket("lat").key("k")).contentLength().intValue());
            }
        }
    }

    private static void time(String what, java.util.function.IntSupplier op) {
        int n = 60;
        long t0 = System.nanoTime();
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            bytes += op.getAsInt();
        }
        System.out.printf(Locale.ROOT, "%-14s %.2f ms/request (%,d bytes each)%n", what,
                (System.nanoTime() - t0) / 1e6 / n, bytes / n);
    }
}
