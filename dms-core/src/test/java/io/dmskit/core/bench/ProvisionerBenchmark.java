package io.dmskit.core.bench;

import io.dmskit.core.DmsProvisioner;
import io.dmskit.core.Endpoint;
import io.dmskit.core.Pipeline;
import io.dmskit.core.ReplicationInstance;
import io.dmskit.core.ReplicationSubnetGroup;
import io.dmskit.core.ReplicationTask;
import io.dmskit.core.endpoint.Secret;
import io.dmskit.core.endpoint.S3DataFormat;
import io.dmskit.core.provision.ApplyResult;
import io.dmskit.core.task.MigrationType;
import io.dmskit.mappings.TableMappings;
import io.dmskit.testkit.CallRecord;
import io.dmskit.testkit.FakeClock;
import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.FakeSecretsManager;
import io.dmskit.testkit.Timings;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Applies pipelines of 1, 5 and 50 tasks to a {@link FakeDms} with realistic delays ({@link Timings#realistic()},
 * plus a fixed latency per API call) on a simulated clock, and prints: API calls per resource during apply, the
 * calls of a no-op re-apply, and apply time against the longest dependency chain (subnet group -> instance -> task,
 * endpoint creation being immediate). Not a test: run it with
 *
 * <pre>
 * ./mvnw -B -q -o test-compile exec:java -pl dms-core -Ddmskit.out=target-core \
 *     -Dexec.mainClass=io.dmskit.core.bench.ProvisionerBenchmark -Dexec.classpathScope=test
 * </pre>
 */
public final class ProvisionerBenchmark {

    private static final String ROLE = "arn:aws:iam::123456789012:role/dms";
    private static final Duration CALL_LATENCY = Duration.ofMillis(100);
    private static final Duration POLL = Duration.ofSeconds(5);

    private ProvisionerBenchmark() {
    }

    static Pipeline pipeline(int tasks) {
        Pipeline.Builder p = Pipeline.builder("bench-" + tasks)
            .subnetGroup(ReplicationSubnetGroup.builder("bench-subnets").description("bench")
                .subnetIds("subnet-0a1b2c3d", "subnet-0e4f5a6b").build())
            .instance(ReplicationInstance.builder("bench-instance").instanceClass("dms.c5.4xlarge")
                .allocatedStorage(500).subnetGroup("bench-subnets").build())
            .endpoint(Endpoint.mysql("bench-source").source().serverName("10.0.0.10").port(3306)
                .managedSecret("bench/mysql", ROLE, "dms", Secret.of("bench-password")).build());
        for (int i = 0; i < tasks; i++) {
            String name = "bench-" + i;
            p.endpoint(Endpoint.s3(name + "-target").s3Settings(s -> s.bucketName(name + "-bucket")
                .serviceAccessRoleArn(ROLE).dataFormat(S3DataFormat.PARQUET)).build());
            p.task(ReplicationTask.builder(name + "-task").source("bench-source").target(name + "-target")
                .replicationInstance("bench-instance").migrationType(MigrationType.FULL_LOAD_AND_CDC)
                .tableMappings(TableMappings.fromJson("{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\","
                    + "\"rule-name\":\"s" + i + "\",\"object-locator\":{\"schema-name\":\"shop_" + i
                    + "\",\"table-name\":\"%\"},\"rule-action\":\"include\"}]}"))
                .settings(s -> s.logging(l -> l.enableLogging(true))).build());
        }
        return p.build();
    }

    record Run(int tasks, int resources, Duration apply, Duration chain, long applyCalls, Map<String, Long> applyByOp,
               long noopCalls, long noopMutating, Map<String, Long> noopByOp, long wallMillis) {
    }

    static Run run(int tasks) {
        long wall = System.nanoTime();
        FakeClock clock = FakeClock.create();
        FakeSecretsManager secrets = FakeSecretsManager.create();
        Timings timings = Timings.realistic();
        FakeDms fake = FakeDms.builder().clock(clock).timings(timings).secretsManager(secrets).build();
        fake.faults().latency("*", CALL_LATENCY);
        Pipeline pipeline = pipeline(tasks);
        try (DmsProvisioner p = DmsProvisioner.builder().dms(fake).secrets(secrets).clock(clock).sleeper(clock::sleep)
            .pollInterval(POLL).parallelism(8).build()) {
            Instant start = clock.instant();
            ApplyResult result = p.apply(pipeline);
            Duration apply = Duration.between(start, clock.instant());
            Map<String, Long> byOp = byOperation(fake);
            long applyCalls = fake.calls().size();
            fake.clearCalls();
            p.apply(pipeline);
            Map<String, Long> noop = byOperation(fake);
            Run r = new Run(tasks, result.plan().changes().size(), apply,
                timings.instanceCreate().plus(timings.taskCreate()), applyCalls, byOp, fake.calls().size(),
                fake.mutatingCallCount(), noop, (System.nanoTime() - wall) / 1_000_000);
            fake.close();
            return r;
        }
    }

    private static Map<String, Long> byOperation(FakeDms fake) {
        return fake.calls().stream().collect(Collectors.groupingBy(CallRecord::operation, TreeMap::new,
            Collectors.counting()));
    }

    /**
     * @param args ignored
     */
    public static void main(String[] args) {
        if (System.getProperty("org.slf4j.simpleLogger.log.io.dmskit") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.io.dmskit", "warn");
        }
        System.out.println("dms-core provisioner benchmark: FakeDms Timings.realistic() (instance create "
            + Timings.realistic().instanceCreate().toMinutes() + " min, task create "
            + Timings.realistic().taskCreate().toSeconds() + " s), " + CALL_LATENCY.toMillis()
            + " ms per API call, poll " + POLL.toSeconds() + " s, parallelism 8, simulated clock");
        run(1); // warm-up
        System.out.printf("%n%-6s %-9s %-10s %-10s %-7s %-11s %-12s %-14s %-9s%n", "tasks", "resources", "apply",
            "chain", "ratio", "apply calls", "calls/res.", "no-op calls", "wall ms");
        for (int n : new int[] {1, 5, 50}) {
            Run r = run(n);
            System.out.printf("%-6d %-9d %-10s %-10s %-7.3f %-11d %-12.2f %-14s %-9d%n", r.tasks(), r.resources(),
                r.apply().toSeconds() + " s", r.chain().toSeconds() + " s",
                (double) r.apply().toMillis() / r.chain().toMillis(), r.applyCalls(),
                (double) r.applyCalls() / r.resources(), r.noopCalls() + " (" + r.noopMutating() + " mut.)",
                r.wallMillis());
            System.out.println("       apply calls by operation: " + r.applyByOp());
            System.out.println("       no-op re-apply calls:     " + r.noopByOp());
        }
    }
}
