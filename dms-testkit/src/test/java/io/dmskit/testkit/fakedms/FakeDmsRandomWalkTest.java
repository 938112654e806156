package io.dmskit.testkit.fakedms;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.testkit.FakeDms;
import io.dmskit.model.StopReason;
import io.dmskit.testkit.Timings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.databasemigration.model.DatabaseMigrationException;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;

/**
 * Random sequences of task operations on realistic timings: whatever the order, FakeDms answers with a DMS error code
 * or a state DMS documents, never with anything else.
 */
class FakeDmsRandomWalkTest {

    private static final Set<String> TASK_STATES = Set.of("creating", "ready", "starting", "running", "stopping",
            "stopped", "failed", "modifying", "moving", "deleting");
    private static final Set<String> CODES = Set.of("InvalidResourceStateFault", "ResourceNotFoundFault",
            "InvalidParameterValueException", "InvalidParameterCombinationException");

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    @DisplayName("any order of start/stop/modify/move/reload/delete keeps tasks in documented states")
    void randomWalk(long seed) {
        Random random = new Random(seed);
        FakeDms dms = FakeDms.builder().timings(Timings.realistic()).seed(seed).build();
        String ri1 = Fixtures.instance(dms, "ri1");
        String ri2 = Fixtures.instance(dms, "ri2");
        dms.clock().advance(Duration.ofMinutes(10));
        String src = Fixtures.mysqlSource(dms, "src");
        String tgt = Fixtures.s3Target(dms, "tgt");
        List<String> types = List.of("full-load", "cdc", "full-load-and-cdc");
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int k = i;
            tasks.add(dms.createReplicationTask(b -> b.replicationTaskIdentifier("t" + k).migrationType(types.get(k % 3))
                    .sourceEndpointArn(src).targetEndpointArn(tgt).replicationInstanceArn(ri1)
                    .tableMappings(Fixtures.MAPPINGS)).replicationTask().replicationTaskArn());
        }
        int errors = 0;
        for (int step = 0; step < 400; step++) {
            String arn = tasks.get(random.nextInt(tasks.size()));
            try {
                switch (random.nextInt(9)) {
                    case 0 -> dms.startReplicationTask(b -> b.replicationTaskArn(arn).startReplicationTaskType(
                            List.of("start-replication", "resume-processing", "reload-target").get(random.nextInt(3))));
                    case 1 -> dms.stopReplicationTask(b -> b.replicationTaskArn(arn));
                    case 2 -> dms.modifyReplicationTask(b -> b.replicationTaskArn(arn)
                            .migrationType(types.get(random.nextInt(3))));
                    case 3 -> dms.moveReplicationTask(b -> b.replicationTaskArn(arn)
                            .targetReplicationInstanceArn(random.nextBoolean() ? ri1 : ri2));
                    case 4 -> dms.reloadTables(b -> b.replicationTaskArn(arn)
                            .tablesToReload(t -> t.schemaName("shop").tableName("orders")));
                    case 5 -> dms.task(arn).tableStatistics("shop", "t" + random.nextInt(3),
                            s -> s.inserts((long) random.nextInt(100)));
                    case 6 -> dms.describeTableStatistics(b -> b.replicationTaskArn(arn));
                    case 7 -> dms.clock().advance(Duration.ofSeconds(random.nextInt(120)));
                    default -> {
                        if (random.nextInt(10) == 0) {
                            dms.deleteReplicationTask(b -> b.replicationTaskArn(arn));
                        }
                    }
                }
            } catch (DatabaseMigrationException e) {
                errors++;
                assertThat(e.awsErrorDetails().errorCode()).isIn(CODES);
            } catch (IllegalArgumentException | IllegalStateException e) {
                // TaskControl on a task already deleted: a test-side error, not a DMS answer
                assertThat(e.getMessage()).contains("replication task");
            }
            for (ReplicationTask t : dms.describeReplicationTasks(b -> b.withoutSettings(true)).replicationTasks()) {
                assertThat(t.status()).isIn(TASK_STATES);
                if ("stopped".equals(t.status())) {
                    assertThat(StopReason.parse(t.stopReason())).isPresent();
                }
                if ("failed".equals(t.status())) {
                    assertThat(t.stopReason()).isEqualTo(StopReason.FATAL_ERROR.text());
                }
                assertThat(t.replicationTaskStats().fullLoadProgressPercent()).isBetween(0, 100);
                assertThat(t.replicationInstanceArn()).isIn(ri1, ri2);
            }
        }
        assertThat(errors).as("the walk exercised refusals too").isPositive();
    }
}
