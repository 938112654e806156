package io.dmskit.testkit.fakedms;

import static io.dmskit.testkit.fakedms.Fixtures.filter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.model.StopReason;
import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.ReplicationControl;
import io.dmskit.testkit.Timings;
import io.dmskit.testkit.dataplane.ReplicationContext;
import io.dmskit.testkit.dataplane.ReplicationEngine;
import io.dmskit.testkit.dataplane.RunningReplication;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.DatabaseMigrationException;
import software.amazon.awssdk.services.databasemigration.model.MigrationTypeValue;
import software.amazon.awssdk.services.databasemigration.model.ReloadOptionValue;
import software.amazon.awssdk.services.databasemigration.model.Replication;
import software.amazon.awssdk.services.databasemigration.model.StartReplicationTaskTypeValue;
import software.amazon.awssdk.services.databasemigration.model.TableStatistics;
import software.amazon.awssdk.services.databasemigration.model.TableToReload;

/** The data plane of serverless replications: the scripted {@code fake.replication(arn)} and the engine SPI. */
class FakeDmsServerlessDataPlaneTest {

    private static String config(DatabaseMigrationClient dms, String type) {
        String src = Fixtures.mysqlSource(dms, "src");
        String tgt = Fixtures.s3Target(dms, "tgt");
        return dms.createReplicationConfig(b -> b.replicationConfigIdentifier("orders").sourceEndpointArn(src)
                .targetEndpointArn(tgt).replicationType(type).tableMappings(Fixtures.MAPPINGS)
                .computeConfig(c -> c.maxCapacityUnits(4))).replicationConfig().replicationConfigArn();
    }

    private static Replication replication(DatabaseMigrationClient dms, String arn) {
        return dms.describeReplications(b -> b.filters(filter("replication-config-arn", arn))).replications().get(0);
    }

    @Test
    @DisplayName("a scripted replication shows its table statistics, full-load progress and reloads")
    void scripted() {
        FakeDms dms = FakeDms.builder().timings(Timings.instant().toBuilder().fullLoadScripted().build()).build();
        String arn = config(dms, "full-load-and-cdc");
        dms.startReplication(b -> b.replicationConfigArn(arn).startReplicationType("start-replication"));
        ReplicationControl control = dms.replication("orders");
        assertThat(control.arn()).isEqualTo(arn);
        assertThat(control.status()).isEqualTo("running");
        control.tableStatistics("shop", "orders", s -> s.tableState("Full load").fullLoadRows(500L))
                .tableState("shop", "customers", "Table completed");
        Replication loading = replication(dms, arn);
        assertThat(loading.replicationStats().tablesLoading()).isEqualTo(1);
        assertThat(loading.replicationStats().tablesLoaded()).isEqualTo(1);
        assertThat(loading.replicationStats().fullLoadProgressPercent()).isEqualTo(50);
        List<TableStatistics> loadingTables = dms.describeReplicationTableStatistics(b -> b.replicationConfigArn(arn)
                .filters(filter("table-state", "Full load"))).replicationTableStatistics();
        assertThat(loadingTables).singleElement().satisfies(s -> {
            assertThat(s.tableName()).isEqualTo("orders");
            assertThat(s.fullLoadRows()).isEqualTo(500L);
        });

        control.finishFullLoad().tableStatistics("shop", "orders", s -> s.inserts(3L).appliedInserts(3L));
        Replication cdc = replication(dms, arn);
        assertThat(cdc.status()).isEqualTo("running");
        assertThat(cdc.replicationStats().fullLoadProgressPercent()).isEqualTo(100);
        assertThat(dms.describeReplicationTableStatistics(b -> b.replicationConfigArn(arn))
                .replicationTableStatistics()).extracting(TableStatistics::tableState)
                .containsOnly("Table completed");

        dms.reloadReplicationTables(b -> b.replicationConfigArn(arn)
                .tablesToReload(t -> t.schemaName("shop").tableName("orders")));
        assertThat(dms.describeReplicationTableStatistics(b -> b.replicationConfigArn(arn)
                .filters(filter("table-name", "orders"))).replicationTableStatistics().get(0))
                .satisfies(s -> {
                    assertThat(s.tableState()).isEqualTo("Table is being reloaded");
                    assertThat(s.fullLoadReloaded()).isTrue();
                });
        assertThat(dms.describeReplicationTableStatistics(b -> b.maxRecords(20).replicationConfigArn(arn))
                .replicationConfigArn()).isEqualTo(arn);

        control.stop(StopReason.STOPPED_AFTER_DDL_APPLY);
        assertThat(control.status()).isEqualTo("stopped");
        assertThat(control.describe().stopReason()).isEqualTo("Stop Reason STOPPED_AFTER_DDL_APPLY");
        assertThatThrownBy(() -> control.finishFullLoad()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stopped");
        assertThatThrownBy(() -> dms.reloadReplicationTables(b -> b.replicationConfigArn(arn)
                .tablesToReload(t -> t.schemaName("shop").tableName("orders"))))
                .isInstanceOfSatisfying(DatabaseMigrationException.class, e -> assertThat(e.awsErrorDetails()
                        .errorCode()).isEqualTo("InvalidResourceStateFault"));
        assertThatThrownBy(() -> dms.replication("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orders");
    }

    @Test
    @DisplayName("tables of a cdc replication cannot be reloaded")
    void cdcReload() {
        FakeDms dms = FakeDms.create();
        String arn = config(dms, "cdc");
        dms.startReplication(b -> b.replicationConfigArn(arn).startReplicationType("start-replication"));
        assertThat(dms.replication(arn).status()).isEqualTo("running");
        assertThatThrownBy(() -> dms.reloadReplicationTables(b -> b.replicationConfigArn(arn)
                .tablesToReload(t -> t.schemaName("shop").tableName("orders"))))
                .isInstanceOfSatisfying(DatabaseMigrationException.class, e -> assertThat(e.awsErrorDetails()
                        .errorCode()).isEqualTo("InvalidParameterCombinationException"));
    }

    /** Records what FakeDms hands the engine and lets the test report through the contexts. */
    static final class RecordingEngine implements ReplicationEngine {
        final List<ReplicationContext> started = new CopyOnWriteArrayList<>();
        final List<List<TableToReload>> reloads = new CopyOnWriteArrayList<>();
        final AtomicInteger stops = new AtomicInteger();

        @Override
        public RunningReplication start(ReplicationContext context) {
            started.add(context);
            return new RunningReplication() {
                @Override
                public void stop() {
                    context.checkpoint("mysql-bin.000003:" + (100 + stops.incrementAndGet()));
                }

                @Override
                public void reload(List<TableToReload> tables, ReloadOptionValue option) {
                    reloads.add(tables);
                }
            };
        }
    }

    @Test
    @DisplayName("an engine runs a serverless replication as a task: config as task, statistics, checkpoint, resume")
    void engine() {
        RecordingEngine engine = new RecordingEngine();
        FakeDms dms = FakeDms.builder().replicationEngine(engine).build();
        String arn = config(dms, "full-load-and-cdc");
        dms.startReplication(b -> b.replicationConfigArn(arn).startReplicationType("start-replication"));
        assertThat(dms.replication(arn).status()).isEqualTo("running");
        assertThat(engine.started).hasSize(1);
        ReplicationContext ctx = engine.started.get(0);
        assertThat(ctx.task().replicationTaskArn()).isEqualTo(arn);
        assertThat(ctx.task().replicationTaskIdentifier()).isEqualTo("orders");
        assertThat(ctx.task().migrationType()).isEqualTo(MigrationTypeValue.FULL_LOAD_AND_CDC);
        assertThat(ctx.task().tableMappings()).isEqualTo(Fixtures.MAPPINGS);
        assertThat(ctx.task().replicationTaskSettings()).contains("TargetMetadata");
        assertThat(ctx.startType()).isEqualTo(StartReplicationTaskTypeValue.START_REPLICATION);
        assertThat(ctx.replicationConfig()).hasValueSatisfying(c -> assertThat(c.replicationConfigArn())
                .isEqualTo(arn));
        assertThat(ctx.sourceEndpoint().engineName()).isEqualTo("mysql");
        assertThat(ctx.sourceCredentials().password()).contains("s3cret-pw");

        ctx.updateTableStatistics("shop", "orders", s -> s.tableState("Table completed").fullLoadRows(7L));
        ctx.fullLoadFinished();
        assertThat(dms.describeReplicationTableStatistics(b -> b.replicationConfigArn(arn))
                .replicationTableStatistics()).singleElement().satisfies(s -> {
                    assertThat(s.fullLoadRows()).isEqualTo(7L);
                    assertThat(s.tableState()).isEqualTo("Table completed");
                });
        assertThat(replication(dms, arn).replicationStats().fullLoadProgressPercent()).isEqualTo(100);
        dms.reloadReplicationTables(b -> b.replicationConfigArn(arn)
                .tablesToReload(t -> t.schemaName("shop").tableName("orders")));
        assertThat(engine.reloads).singleElement().satisfies(t -> assertThat(t.get(0).tableName())
                .isEqualTo("orders"));

        dms.stopReplication(b -> b.replicationConfigArn(arn));
        assertThat(engine.stops).hasValue(1);
        assertThat(replication(dms, arn).recoveryCheckpoint()).isEqualTo("mysql-bin.000003:101");
        dms.startReplication(b -> b.replicationConfigArn(arn).startReplicationType("resume-processing"));
        assertThat(replication(dms, arn).status()).isEqualTo("running");
        assertThat(engine.started).hasSize(2);
        ReplicationContext resumed = engine.started.get(1);
        assertThat(resumed.startType()).isEqualTo(StartReplicationTaskTypeValue.RESUME_PROCESSING);
        assertThat(resumed.lastCheckpoint()).contains("mysql-bin.000003:101");
        assertThat(dms.describeReplicationTableStatistics(b -> b.replicationConfigArn(arn))
                .replicationTableStatistics()).hasSize(1);

        resumed.fail("Error reading binary log.");
        Replication failed = replication(dms, arn);
        assertThat(failed.status()).isEqualTo("failed");
        assertThat(failed.failureMessages()).containsExactly("Error reading binary log.");
        assertThat(dms.describeReplicationTasks(b -> { }).replicationTasks()).isEmpty();
        dms.close();
    }
}
