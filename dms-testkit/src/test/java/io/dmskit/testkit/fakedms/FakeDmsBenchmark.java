package io.dmskit.testkit.fakedms;

import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.FakeSecretsManager;
import io.dmskit.testkit.Timings;
import java.time.Duration;
import java.time.Instant;

/**
 * Throughput figures of FakeDms (not a test): run with
 * {@code ./mvnw -q -o exec:java -pl dms-testkit -Ddmskit.out=target-fakes -Dexec.classpathScope=test
 * -Dexec.mainClass=io.dmskit.testkit.fakedms.FakeDmsBenchmark}.
 */
public final class FakeDmsBenchmark {

    private FakeDmsBenchmark() {
    }

    public static void main(String[] args) {
        for (int round = 0; round < 3; round++) {
            run(round == 2);
        }
    }

    private static void run(boolean print) {
        FakeDms dms = FakeDms.create();
        String instance = Fixtures.instance(dms, "ri");
        dms.describeReplicationInstances();
        String src = Fixtures.mysqlSource(dms, "src");
        String tgt = Fixtures.s3Target(dms, "tgt");
        int n = 1000;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            int k = i;
            dms.createReplicationTask(b -> b.replicationTaskIdentifier("t" + k).migrationType("full-load-and-cdc")
                    .sourceEndpointArn(src).targetEndpointArn(tgt).replicationInstanceArn(instance)
                    .tableMappings(Fixtures.MAPPINGS));
        }
        long t1 = System.nanoTime();
        int describes = 20000;
        for (int i = 0; i < describes; i++) {
            int k = i % n;
            dms.describeReplicationTasks(b -> b.withoutSettings(true)
                    .filters(Fixtures.filter("replication-task-id", "t" + k)));
        }
        long t2 = System.nanoTime();
        int pages = 0;
        for (var page : dms.describeReplicationTasksPaginator(b -> b.maxRecords(100))) {
            pages += page.replicationTasks().isEmpty() ? 0 : 1;
        }
        long t3 = System.nanoTime();

        FakeSecretsManager secrets = FakeSecretsManager.create();
        FakeDms realistic = FakeDms.builder().timings(Timings.realistic()).secretsManager(secrets).build();
        Instant simStart = realistic.clock().instant();
        long t4 = System.nanoTime();
        new ConfigurationGuidePipeline(realistic, secrets, arns -> { }).run();
        long t5 = System.nanoTime();
        Duration simulated = Duration.between(simStart, realistic.clock().instant());
        if (print) {
            System.out.printf("CreateReplicationTask (with table-mapping validation): %.0f calls/s%n",
                    n / ((t1 - t0) / 1e9));
            System.out.printf("DescribeReplicationTasks filtered by id among %d tasks: %.0f calls/s%n", n,
                    describes / ((t2 - t1) / 1e9));
            System.out.printf("Paginated read of %d tasks (%d pages of 100): %.1f ms%n", n, pages, (t3 - t2) / 1e6);
            System.out.printf("Configuration-guide pipeline, realistic timings: %s simulated in %.0f ms wall, %d calls%n",
                    simulated, (t5 - t4) / 1e6, realistic.calls().size());
        }
    }
}
