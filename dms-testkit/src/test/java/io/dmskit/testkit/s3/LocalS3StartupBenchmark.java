package io.dmskit.testkit.s3;

import io.dmskit.testkit.LocalS3;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Measures how long {@link LocalS3} takes to start in a fresh JVM (cold: Spring Boot, Tomcat and the SDK load their
 * classes) and again in the same JVM (warm), and the first request after start. Prints one line per figure.
 *
 * <pre>
 * ./mvnw -q -o test-compile exec:exec -pl dms-testkit -Dexec.executable=java \
 *     -Dexec.args="-cp %classpath io.dmskit.testkit.s3.LocalS3StartupBenchmark" -Dexec.classpathScope=test
 * </pre>
 */
public final class LocalS3StartupBenchmark {

    private LocalS3StartupBenchmark() {
    }

    /**
     * @param args optional: the number of warm restarts (default 5)
     */
    public static void main(String[] args) {
        int warm = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<Long> starts = new ArrayList<>();
        List<Long> firstCalls = new ArrayList<>();
        for (int i = 0; i <= warm; i++) {
            long t0 = System.nanoTime();
            try (LocalS3 s3 = LocalS3.started()) {
                long t1 = System.nanoTime();
                s3.createBucket("bench");
                s3.client().putObject(b -> b.bucket("bench").key("k"), RequestBody.fromString("v"));
                s3.client().getObjectAsBytes(b -> b.bucket("bench").key("k"));
                long t2 = System.nanoTime();
                starts.add((t1 - t0) / 1_000_000);
                firstCalls.add((t2 - t1) / 1_000_000);
            }
        }
        System.out.printf("LocalS3 cold start (fresh JVM): %d ms; first create+put+get: %d ms%n",
                starts.get(0), firstCalls.get(0));
        List<Long> warmStarts = starts.subList(1, starts.size());
        List<Long> warmCalls = firstCalls.subList(1, firstCalls.size());
        System.out.printf("LocalS3 warm start (same JVM), %d runs: min %d ms, median %d ms, max %d ms;"
                        + " first create+put+get median %d ms%n",
                warmStarts.size(), warmStarts.stream().min(Long::compare).orElse(0L), median(warmStarts),
                warmStarts.stream().max(Long::compare).orElse(0L), median(warmCalls));
        System.out.printf("cores: %d, load average: %.2f%n", Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(Long::compare);
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }
}
