package io.dmskit.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dmskit.testkit.FakeClock;
import io.dmskit.testkit.FakeCloudWatch;
import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.Timings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.model.Tag;

/**
 * Discovery and snapshot of many tasks: prints the AWS calls by operation (they must grow with pages, not tasks)
 * and the time per task. Not a test of the build: runs only with {@code -Ddmskit.bench.observe=<tasks>}.
 */
class ObserveBenchmark {

    @Test
    void discoveryAndSnapshotOfManyTasks() {
        String arg = System.getProperty("dmskit.bench.observe");
        assumeTrue(arg != null && !arg.isBlank(), "benchmark: run with -Ddmskit.bench.observe=500");
        int tasks = Integer.parseInt(arg.strip());

        FakeClock clock = FakeClock.create();
        FakeCloudWatch cloudWatch = FakeCloudWatch.builder().clock(clock).build();
        FakeDms dms = FakeDms.builder().clock(clock).timings(Timings.realistic()).cloudWatch(cloudWatch).build();
        long t0 = System.nanoTime();
        int perInstance = 100;
        List<String> instances = new ArrayList<>();
        for (int i = 0; i * perInstance < tasks; i++) {
            String id = "bench-ri-" + i;
            instances.add(dms.createReplicationInstance(b -> b.replicationInstanceIdentifier(id)
                .replicationInstanceClass("dms.c5.xlarge")).replicationInstance().replicationInstanceArn());
        }
        dms.clock().advance(Duration.ofMinutes(20));
        String src = dms.createEndpoint(b -> b.endpointIdentifier("bench-src").endpointType("source")
            .engineName("mysql").serverName("db.example.com").port(3306).username("u").password("p"))
            .endpoint().endpointArn();
        String tgt = dms.createEndpoint(b -> b.endpointIdentifier("bench-tgt").endpointType("target")
            .engineName("s3").s3Settings(s -> s.bucketName("bench").serviceAccessRoleArn(
                "arn:aws:iam::123456789012:role/r"))).endpoint().endpointArn();
        List<String> arns = new ArrayList<>();
        for (int k = 0; k < tasks; k++) {
            String id = String.format(Locale.ROOT, "bench-%04d", k);
            String instance = instances.get(k / perInstance);
            String team = k % 2 == 0 ? "data" : "finance";
            arns.add(dms.createReplicationTask(b -> b.replicationTaskIdentifier(id).migrationType("full-load-and-cdc")
                .sourceEndpointArn(src).targetEndpointArn(tgt).replicationInstanceArn(instance)
                .tableMappings(Resources.MAPPINGS).tags(Tag.builder().key("team").value(team).build()))
                .replicationTask().replicationTaskArn());
        }
        dms.clock().advance(Duration.ofMinutes(2));
        for (String arn : arns) {
            dms.startReplicationTask(b -> b.replicationTaskArn(arn).startReplicationTaskType("start-replication"));
        }
        dms.clock().advance(Duration.ofMinutes(10));
        dms.describeReplicationTasks();                  // metrics of the periods the clock skipped are published
        long setupMs = (System.nanoTime() - t0) / 1_000_000;

        for (int run = 1; run <= 3; run++) {
            DmsObserver observer = DmsObserver.builder().dms(dms).cloudWatch(cloudWatch).clock(dms.clock()).build();
            long start = System.nanoTime();
            Discovery found = observer.discover(f -> f.include("bench-.*").types(ResourceType.TASK).readTags());
            long discovered = System.nanoTime();
            List<TaskSnapshot> snaps = observer.snapshots(found);
            long done = System.nanoTime();
            assertThat(snaps).hasSize(tasks);
            long withLatency = snaps.stream().filter(s -> s.metrics().cdcLatencySource().isPresent()).count();
            Map<String, Long> calls = observer.awsCalls();
            long total = calls.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf(Locale.ROOT, "observe benchmark run %d: %d tasks (setup %d ms); discovery %.1f ms, "
                    + "snapshots %.1f ms, %.3f ms per task; %d AWS calls %s; %d snapshots with CDCLatencySource; "
                    + "at 50 ms per AWS call: %.2f s in all, %.1f ms per task%n", run, tasks, setupMs,
                (discovered - start) / 1e6, (done - discovered) / 1e6, (done - start) / 1e6 / tasks, total, calls,
                withLatency, total * 0.05, total * 50.0 / tasks);
        }
    }
}
