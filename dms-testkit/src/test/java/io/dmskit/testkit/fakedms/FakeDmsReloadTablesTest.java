package io.dmskit.testkit.fakedms;

import static io.dmskit.testkit.fakedms.Fixtures.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.Timings;
import io.dmskit.testkit.dataplane.ReplicationContext;
import io.dmskit.testkit.dataplane.ReplicationEngine;
import io.dmskit.testkit.dataplane.RunningReplication;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.model.DatabaseMigrationException;
import software.amazon.awssdk.services.databasemigration.model.InvalidResourceStateException;
import software.amazon.awssdk.services.databasemigration.model.ReloadOptionValue;
import software.amazon.awssdk.services.databasemigration.model.TableStatistics;
import software.amazon.awssdk.services.databasemigration.model.TableToReload;

/** ReloadTables between FakeDms and a replication engine: what the engine is handed and what DMS shows meanwhile. */
class FakeDmsReloadTablesTest {

    /** One ReloadTables call as the engine saw it. */
    record Reload(List<TableToReload> tables, ReloadOptionValue option) {
    }

    /** Records starts and reloads; optionally does something inside start (before FakeDms has its handle). */
    static final class ReloadingEngine implements ReplicationEngine {
        final List<ReplicationContext> started = new CopyOnWriteArrayList<>();
        final List<Reload> reloads = new CopyOnWriteArrayList<>();
        volatile Consumer<ReplicationContext> duringStart = c -> { };

        @Override
        public RunningReplication start(ReplicationContext context) {
            started.add(context);
            duringStart.accept(context);
            return new RunningReplication() {
                @Override
                public void stop() {
                }

                @Override
                public void reload(List<TableToReload> tables, ReloadOptionValue option) {
                    reloads.add(new Reload(tables, option));
                }
            };
        }
    }

    private final ReloadingEngine engine = new ReloadingEngine();
    private final FakeDms dms = FakeDms.builder().replicationEngine(engine).build();

    private String runningTask(FakeDms fake, String type) {
        String instance = Fixtures.instance(fake, "ri");
        fake.describeReplicationInstances();
        String source = Fixtures.mysqlSource(fake, "src");
        String target = Fixtures.s3Target(fake, "tgt");
        String arn = fake.createReplicationTask(b -> b.replicationTaskIdentifier("t").migrationType(type)
                .sourceEndpointArn(source).targetEndpointArn(target).replicationInstanceArn(instance)
                .tableMappings(Fixtures.MAPPINGS)).replicationTask().replicationTaskArn();
        status(fake, arn);
        fake.startReplicationTask(b -> b.replicationTaskArn(arn).startReplicationTaskType("start-replication"));
        assertThat(status(fake, arn)).isEqualTo("running");
        return arn;
    }

    private static TableToReload table(String schema, String name) {
        return TableToReload.builder().schemaName(schema).tableName(name).build();
    }

    private TableStatistics stats(String arn, String table) {
        return dms.describeTableStatistics(b -> b.replicationTaskArn(arn)).tableStatistics().stream()
                .filter(s -> s.tableName().equals(table)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("data-reload hands exactly the requested tables to the running engine and shows them "
            + "'Table is being reloaded' until the engine reports progress")
    void dataReloadReachesTheEngine() {
        String arn = runningTask(dms, "full-load-and-cdc");
        ReplicationContext ctx = engine.started.get(0);
        ctx.updateTableStatistics("shop", "orders", s -> s.tableState("Table completed").fullLoadRows(500L)
                .inserts(7L));
        ctx.updateTableStatistics("shop", "customers", s -> s.tableState("Table completed").fullLoadRows(20L));
        ctx.fullLoadFinished();

        dms.reloadTables(b -> b.replicationTaskArn(arn).tablesToReload(table("shop", "orders"))
                .reloadOption(ReloadOptionValue.DATA_RELOAD));

        assertThat(engine.reloads).singleElement().satisfies(r -> {
            assertThat(r.option()).isEqualTo(ReloadOptionValue.DATA_RELOAD);
            assertThat(r.tables()).extracting(TableToReload::schemaName, TableToReload::tableName)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("shop", "orders"));
        });
        TableStatistics reloading = stats(arn, "orders");
        assertThat(reloading.tableState()).isEqualTo("Table is being reloaded");
        assertThat(reloading.fullLoadReloaded()).isTrue();
        assertThat(reloading.fullLoadRows()).isZero();
        assertThat(reloading.fullLoadEndTime()).isNull();
        assertThat(reloading.inserts()).as("CDC counters are kept").isEqualTo(7L);
        assertThat(stats(arn, "customers").tableState()).isEqualTo("Table completed");
        assertThat(dms.task(arn).describe().replicationTaskStats().tablesLoading()).isEqualTo(1);

        dms.clock().advance(java.time.Duration.ofHours(1));
        assertThat(stats(arn, "orders").tableState()).as("with an engine, only the engine ends the reload")
                .isEqualTo("Table is being reloaded");

        ctx.updateTableStatistics("shop", "orders", s -> s.tableState("Full load").fullLoadRows(0L));
        assertThat(stats(arn, "orders").tableState()).isEqualTo("Full load");
        ctx.updateTableStatistics("shop", "orders", s -> s.tableState("Table completed").fullLoadRows(480L)
                .fullLoadEndTime(dms.clock().instant()));
        TableStatistics done = stats(arn, "orders");
        assertThat(done.tableState()).isEqualTo("Table completed");
        assertThat(done.fullLoadRows()).isEqualTo(480L);
        assertThat(done.fullLoadReloaded()).isTrue();
        assertThat(dms.task(arn).describe().status()).isEqualTo("running");
    }

    @Test
    @DisplayName("the default ReloadOption is data-reload; validate-only reaches the engine as such and only marks "
            + "the tables Pending revalidation")
    void optionsReachTheEngine() {
        String arn = runningTask(dms, "full-load-and-cdc");
        engine.started.get(0).updateTableStatistics("shop", "orders", s -> s.tableState("Table completed")
                .fullLoadRows(5L));
        dms.reloadTables(b -> b.replicationTaskArn(arn).tablesToReload(table("shop", "orders")));
        dms.reloadTables(b -> b.replicationTaskArn(arn).tablesToReload(table("shop", "customers"))
                .reloadOption("validate-only"));
        assertThat(engine.reloads).extracting(Reload::option)
                .containsExactly(ReloadOptionValue.DATA_RELOAD, ReloadOptionValue.VALIDATE_ONLY);
        assertThat(stats(arn, "customers").validationState()).isEqualTo("Pending revalidation");
        assertThat(stats(arn, "customers").tableState()).isNotEqualTo("Table is being reloaded");
    }

    @Test
    @DisplayName("a reload requested while the engine is still starting the run is delivered once the run has started")
    void reloadDuringEngineStart() {
        List<String> arns = new ArrayList<>();
        engine.duringStart = ctx -> dms.reloadTables(b -> b.replicationTaskArn(ctx.task().replicationTaskArn())
                .tablesToReload(table("shop", "orders")));
        arns.add(runningTask(dms, "full-load-and-cdc"));
        assertThat(engine.reloads).singleElement().satisfies(r -> assertThat(r.tables())
                .extracting(TableToReload::tableName).containsExactly("orders"));
        assertThat(stats(arns.get(0), "orders").tableState()).isEqualTo("Table is being reloaded");
    }

    @Test
    @DisplayName("refused reloads (more than 10 tables, duplicates, a cdc task, a stopped task, a missing name) "
            + "change nothing and never reach the engine")
    void refusedReloads() {
        String arn = runningTask(dms, "full-load-and-cdc");
        List<TableToReload> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(table("shop", "t" + i));
        }
        assertThatThrownBy(() -> dms.reloadTables(b -> b.replicationTaskArn(arn).tablesToReload(eleven)))
                .isInstanceOfSatisfying(DatabaseMigrationException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValueException");
                    assertThat(e.getMessage()).contains("at most 10");
                });
        assertThatThrownBy(() -> dms.reloadTables(b -> b.replicationTaskArn(arn)
                .tablesToReload(table("shop", "orders"), table("shop", "orders"))))
                .isInstanceOfSatisfying(DatabaseMigrationException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValueException");
                    assertThat(e.getMessage()).contains("shop.orders more than once");
                });
        assertThatThrownBy(() -> dms.reloadTables(b -> b.replicationTaskArn(arn)
                .tablesToReload(table("shop", "orders"), TableToReload.builder().schemaName("shop").build())))
                .isInstanceOfSatisfying(DatabaseMigrationException.class,
                        e -> assertThat(e.getMessage()).contains("TablesToReload[1].TableName"));
        assertThat(dms.describeTableStatistics(b -> b.replicationTaskArn(arn)).tableStatistics())
                .as("a refused call changes nothing").isEmpty();

        FakeDms other = FakeDms.builder().replicationEngine(engine).build();
        String cdc = runningTask(other, "cdc");
        assertThatThrownBy(() -> other.reloadTables(b -> b.replicationTaskArn(cdc)
                .tablesToReload(table("shop", "orders"))))
                .isInstanceOfSatisfying(DatabaseMigrationException.class, e -> assertThat(
                        e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterCombinationException"));

        dms.stopReplicationTask(b -> b.replicationTaskArn(arn));
        status(dms, arn);
        assertThatThrownBy(() -> dms.reloadTables(b -> b.replicationTaskArn(arn)
                .tablesToReload(table("shop", "orders")))).isInstanceOf(InvalidResourceStateException.class);
        assertThat(engine.reloads).isEmpty();
    }

    @Test
    @DisplayName("without an engine the scripted full-load delay completes the reloaded tables")
    void scriptedReloadWithoutEngine() {
        FakeDms scripted = FakeDms.builder().timings(Timings.realistic()).build();
        String arn = runningTaskOnRealisticTimings(scripted);
        scripted.task(arn).tableStatistics("shop", "orders", s -> s.tableState("Table completed").fullLoadRows(9L));
        scripted.reloadTables(b -> b.replicationTaskArn(arn).tablesToReload(table("shop", "orders")));
        assertThat(scripted.task(arn).tableStatistics()).singleElement()
                .satisfies(s -> assertThat(s.tableState()).isEqualTo("Table is being reloaded"));
        scripted.clock().advance(java.time.Duration.ofHours(1));
        assertThat(scripted.task(arn).tableStatistics()).singleElement().satisfies(s -> {
            assertThat(s.tableState()).isEqualTo("Table completed");
            assertThat(s.fullLoadReloaded()).isTrue();
            assertThat(s.fullLoadEndTime()).isNotNull();
        });
    }

    private static String runningTaskOnRealisticTimings(FakeDms fake) {
        String instance = Fixtures.instance(fake, "ri");
        fake.clock().advance(java.time.Duration.ofHours(1));
        fake.describeReplicationInstances();
        String source = Fixtures.mysqlSource(fake, "src");
        String target = Fixtures.s3Target(fake, "tgt");
        String arn = fake.createReplicationTask(b -> b.replicationTaskIdentifier("t").migrationType("full-load-and-cdc")
                .sourceEndpointArn(source).targetEndpointArn(target).replicationInstanceArn(instance)
                .tableMappings(Fixtures.MAPPINGS)).replicationTask().replicationTaskArn();
        fake.clock().advance(java.time.Duration.ofMinutes(5));
        fake.startReplicationTask(b -> b.replicationTaskArn(arn).startReplicationTaskType("start-replication"));
        fake.clock().advance(java.time.Duration.ofMinutes(5));
        assertThat(status(fake, arn)).isEqualTo("running");
        return arn;
    }
}
