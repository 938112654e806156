package io.dmskit.core.bench;

import io.dmskit.core.DmsProvisioner;
import io.dmskit.core.Endpoint;
import io.dmskit.core.Pipeline;
import io.dmskit.core.ReplicationSubnetGroup;
import io.dmskit.core.endpoint.S3DataFormat;
import io.dmskit.core.task.MigrationType;
import io.dmskit.mappings.TableMappings;
import io.dmskit.testkit.CallRecord;
import io.dmskit.testkit.FakeClock;
import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.Timings;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Applies and starts pipelines of 5 and 50 DMS Serverless replication configs on a {@link FakeDms} with realistic
 * delays ({@link Timings#realistic()}, plus a fixed latency per API call) on a simulated clock, and prints: apply and
 * start time against the longest dependency chain (subnet group and endpoints, then config, then the replication's
 * start through provisioning), and the calls of a no-op re-apply. Not a test: run it with
 *
 * <pre>
 * ./mvnw -B -q -o test-compile exec:java -pl dms-core \
 *     -Dexec.mainClass=io.dmskit.core.bench.ServerlessProvisionerBenchmark -Dexec.classpathScope=test
 * </pre>
 */
public final class ServerlessProvisionerBenchmark {

    private static final String ROLE = "arn:aws:iam::123456789012:role/dms";
    private static final Duration CALL_LATENCY = Duration.ofMillis(100);
    private static final Duration POLL = Duration.ofSeconds(5);

    private ServerlessProvisionerBenchmark() {
    }

    static Pipeline pipeline(int configs) {
        Pipeline.Builder p = Pipeline.builder("sless-bench-" + configs)
            .subnetGroup(ReplicationSubnetGroup.builder("bench-subnets").description("bench")
                .subnetIds("subnet-0a1b2c3d", "subnet-0e4f5a6b").build())
            .endpoint(Endpoint.mysql("bench-source").source()
                .secretsManager("arn:aws:secretsmanager:us-east-1:123456789012:secret:bench-AbCdEf", ROLE));
        for (int i = 0; i < configs; i++) {
            String name = "bench-" + i;
            int n = i;
            p.endpoint(Endpoint.s3(name + "-target").s3Settings(s -> s.bucketName(name + "-bucket")
                .serviceAccessRoleArn(ROLE).dataFormat(S3DataFormat.PARQUET)));
            p.replicationConfig(name, c -> c.source("bench-source").target(name + "-target")
                .replicationType(MigrationType.FULL_LOAD_AND_CDC)
                .compute(k -> k.maxCapacityUnits(16).minCapacityUnits(2).subnetGroup("bench-subnets"))
                .tableMappings(TableMappings.fromJson("{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\","
                    + "\"rule-name\":\"s" + n + "\",\"object-locator\":{\"schema-name\":\"shop_" + n
                    + "\",\"table-name\":\"%\"},\"rule-action\":\"include\"}]}"))
                .settings(s -> s.logging(l -> l.enableLogging(true))));
        }
        return p.build();
    }

    record Run(int configs, Duration apply, Duration start, Duration chain, long applyCalls, long noopCalls,
               long noopMutating, Map<String, Long> noopByOp, long wallMillis) {
    }

    static Run run(int configs) {
        long wall = System.nanoTime();
        FakeClock clock = FakeClock.create();
        Timings timings = Timings.realistic();
        FakeDms fake = FakeDms.builder().clock(clock).timings(timings).build();
        fake.faults().latency("*", CALL_LATENCY);
        Pipeline pipeline = pipeline(configs);
        try (DmsProvisioner p = DmsProvisioner.builder().dms(fake).clock(clock).sleeper(clock::sleep)
            .pollInterval(POLL).parallelism(8).build()) {
            Instant t0 = clock.instant();
            p.apply(pipeline);
            Instant t1 = clock.instant();
            long applyCalls = fake.calls().size();
            p.start(pipeline);
            Instant t2 = clock.instant();
            fake.clearCalls();
            p.apply(pipeline);
            Map<String, Long> noop = fake.calls().stream().collect(Collectors.groupingBy(CallRecord::operation,
                TreeMap::new, Collectors.counting()));
            // the chain: create subnet group, endpoint, config (one call each), then provisioning on start
            Duration chain = CALL_LATENCY.multipliedBy(3).plus(timings.replicationStart());
            Run r = new Run(configs, Duration.between(t0, t1), Duration.between(t1, t2), chain, applyCalls,
                fake.calls().size(), fake.mutatingCallCount(), noop, (System.nanoTime() - wall) / 1_000_000);
            fake.close();
            return r;
        }
    }

    /**
     * @param args ignored
     */
    public static void main(String[] args) {
        if (System.getProperty("org.slf4j.simpleLogger.log.io.dmskit") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.io.dmskit", "warn");
        }
        System.out.println("dms-core serverless benchmark: FakeDms Timings.realistic() (replication start "
            + Timings.realistic().replicationStart().toMinutes() + " min), " + CALL_LATENCY.toMillis()
            + " ms per API call, poll " + POLL.toSeconds() + " s, parallelism 8, simulated clock");
        run(1);
        System.out.printf("%n%-8s %-9s %-9s %-9s %-7s %-11s %-16s %-8s%n", "configs", "apply", "start", "chain",
            "ratio", "apply calls", "no-op calls", "wall ms");
        for (int n : new int[] {5, 50}) {
            Run r = run(n);
            Duration total = r.apply().plus(r.start());
            System.out.printf("%-8d %-9s %-9s %-9s %-7.3f %-11d %-16s %-8d%n", r.configs(),
                r.apply().toMillis() / 1000.0 + " s", r.start().toSeconds() + " s", r.chain().toSeconds() + " s",
                (double) total.toMillis() / r.chain().toMillis(), r.applyCalls(),
                r.noopCalls() + " (" + r.noopMutating() + " mut.)", r.wallMillis());
            System.out.println("         no-op re-apply calls: " + r.noopByOp());
        }
    }
}
