package io.dmskit.testkit.fakedms;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.testkit.FakeDms;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.model.ResourceAlreadyExistsException;

class FakeDmsConcurrencyTest {

    @Test
    @DisplayName("8 threads creating, starting and describing tasks lose nothing and never see a torn state")
    void manyThreads() throws Exception {
        FakeDms dms = FakeDms.create();
        String instance = Fixtures.instance(dms, "ri");
        dms.describeReplicationInstances();
        String src = Fixtures.mysqlSource(dms, "src");
        String tgt = Fixtures.s3Target(dms, "tgt");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Set<String> arns = ConcurrentHashMap.newKeySet();
        List<Future<?>> futures = new ArrayList<>();
        for (int thread = 0; thread < 8; thread++) {
            int t = thread;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    String id = "t" + t + "-" + i;
                    String arn = dms.createReplicationTask(b -> b.replicationTaskIdentifier(id).migrationType("cdc")
                            .sourceEndpointArn(src).targetEndpointArn(tgt).replicationInstanceArn(instance)
                            .tableMappings(Fixtures.MAPPINGS)).replicationTask().replicationTaskArn();
                    arns.add(arn);
                    Fixtures.status(dms, arn);
                    dms.startReplicationTask(b -> b.replicationTaskArn(arn)
                            .startReplicationTaskType("start-replication"));
                    dms.task(arn).tableStatistics("shop", "orders", s -> s.inserts(1L));
                    dms.describeReplicationTasks(b -> b.maxRecords(100)).replicationTasks()
                            .forEach(task -> assertThat(task.status()).isIn("ready", "starting", "running"));
                }
                return null;
            }));
        }
        List<Future<?>> duplicates = new ArrayList<>();
        for (int thread = 0; thread < 4; thread++) {
            duplicates.add(pool.submit(() -> {
                try {
                    Fixtures.s3Target(dms, "same");
                    return 1;
                } catch (ResourceAlreadyExistsException e) {
                    return 0;
                }
            }));
        }
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        int created = 0;
        for (Future<?> f : duplicates) {
            created += (Integer) f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(arns).hasSize(200);
        assertThat(created).as("exactly one of four racing creates wins").isEqualTo(1);
        int total = dms.describeReplicationTasksPaginator(b -> b.maxRecords(100)).stream()
                .mapToInt(p -> p.replicationTasks().size()).sum();
        assertThat(total).isEqualTo(200);
        assertThat(dms.calls("CreateReplicationTask")).hasSize(200);
        assertThat(dms.calls()).extracting(c -> c.sequence()).doesNotHaveDuplicates();
    }
}
