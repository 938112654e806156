package io.dmskit.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.core.exception.DmsKitException;
import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.model.TaskStatus;
import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.Timings;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The DMS half of a snapshot (DescribeReplicationTasks, DescribeTableStatistics, DescribeReplications). */
class SnapshotDmsTest {

    private FakeDms dms;
    private Resources r;
    private DmsObserver observer;

    @BeforeEach
    void setUp() {
        dms = FakeDms.builder().timings(Timings.instant().toBuilder().fullLoadScripted().build()).build();
        r = new Resources(dms, "snap-ri");
        observer = DmsObserver.builder().dms(dms).clock(dms.clock()).build();
    }

    @Test
    void taskSnapshotCarriesStatusProgressAndTableStates() {
        String arn = r.task("snap-orders");
        dms.startReplicationTask(b -> b.replicationTaskArn(arn).startReplicationTaskType("start-replication"));
        dms.describeReplicationTasks();
        dms.task(arn).tableStatistics("shop", "orders", t -> t.tableState("Table completed").fullLoadRows(1200L)
                .inserts(7L).updates(2L).deletes(1L))
            .tableState("shop", "customers", "Full load")
            .tableStatistics("shop", "payments", t -> t.tableState("Table error").fullLoadErrorRows(3L));
        dms.clock().advance(Duration.ofMinutes(3));

        TaskSnapshot s = observer.snapshot("snap-orders");
        assertThat(s.arn()).isEqualTo(arn);
        assertThat(s.status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(s.instanceIdentifier()).contains("snap-ri");
        assertThat(s.migrationType()).isEqualTo("full-load-and-cdc");
        assertThat(s.tablesLoaded()).isEqualTo(1);
        assertThat(s.tablesLoading()).isEqualTo(1);
        assertThat(s.tablesErrored()).isEqualTo(1);
        assertThat(s.fullLoadProgressPercent()).isBetween(0, 99);
        assertThat(s.fullLoadComplete()).isFalse();
        assertThat(s.elapsed()).isGreaterThanOrEqualTo(Duration.ofMinutes(3));
        assertThat(s.tables()).extracting(TableState::name)
            .containsExactlyInAnyOrder("shop.orders", "shop.customers", "shop.payments");
        assertThat(s.erroredTables()).extracting(TableState::name).containsExactly("shop.payments");
        assertThat(s.tables()).filteredOn(t -> t.table().equals("orders")).singleElement()
            .satisfies(t -> assertThat(List.of(t.fullLoadRows(), t.inserts(), t.updates(), t.deletes()))
                .containsExactly(1200L, 7L, 2L, 1L));
        assertThat(s.metrics().values()).isEmpty();   // no CloudWatch client: no metrics, not zeros
        assertThat(s.render()).contains("snap-orders").contains("running").contains("shop.payments")
            .contains("Table error");
        assertThat(s.toJson()).contains("\"status\" : \"running\"").contains("\"tablesErrored\" : 1");
    }

    @Test
    void manyTasksAreSnapshotInPagesAndFailuresAreRedacted() {
        for (int i = 0; i < 30; i++) {
            r.task("many-" + i);
        }
        String failing = r.task("many-failing");
        dms.startReplicationTask(b -> b.replicationTaskArn(failing).startReplicationTaskType("start-replication"));
        dms.describeReplicationTasks();
        dms.task(failing).fail("Cannot connect to source: user=admin password=s3cret-pw; host=db.example.com");
        List<TaskSnapshot> all = observer.snapshots(observer.discover(f -> f.include("many-.*")));
        assertThat(all).hasSize(31);
        TaskSnapshot f = all.get(30);
        assertThat(f.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(f.lastFailure()).get().asString().contains("password=****").doesNotContain("s3cret-pw");
        assertThat(f.toJson() + f.render() + f).doesNotContain("s3cret-pw");
        assertThat(f.tablesRead()).isFalse();
        // 31 tasks: DescribeReplicationTasks pages for discovery and for the snapshot, no per-task call
        assertThat(observer.awsCalls()).doesNotContainKey("DescribeTableStatistics")
            .containsEntry("DescribeReplicationTasks", 2L);
    }

    @Test
    void unknownTasksAreNamed() {
        assertThatThrownBy(() -> observer.snapshot("no-such-task")).isInstanceOf(DmsKitException.class)
            .hasMessageContaining("no-such-task");
        assertThatThrownBy(() -> observer.snapshot(" ")).isInstanceOf(InvalidDefinitionException.class);
    }

    @Test
    void serverlessReplicationSnapshot() {
        String arn = dms.createReplicationConfig(b -> b.replicationConfigIdentifier("snap-cfg")
            .sourceEndpointArn(r.sourceArn).targetEndpointArn(r.targetArn).replicationType("full-load-and-cdc")
            .tableMappings(Resources.MAPPINGS).computeConfig(c -> c.maxCapacityUnits(16).minCapacityUnits(2)))
            .replicationConfig().replicationConfigArn();
        dms.startReplication(b -> b.replicationConfigArn(arn).startReplicationType("start-replication"));
        dms.clock().advance(Duration.ofMinutes(10));
        TaskSnapshot s = observer.snapshotReplication("snap-cfg");
        assertThat(s.type()).isEqualTo(ResourceType.REPLICATION_CONFIG);
        assertThat(s.arn()).isEqualTo(arn);
        assertThat(s.statusText()).isEqualTo("running");
        assertThat(s.instanceIdentifier()).isEmpty();
        Discovery d = observer.discover(f -> f.types(ResourceType.REPLICATION_CONFIG));
        assertThat(d.replicationConfigs()).extracting(DiscoveredResource::identifier).containsExactly("snap-cfg");
    }

    @Test
    void snapshotBuilderReportsEveryProblem() {
        assertThatThrownBy(() -> TaskSnapshot.builder("", "nope").fullLoadProgressPercent(101).tables(-1, 0, 0, 0)
            .build()).isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("identifier")
            .hasMessageContaining("arn").hasMessageContaining("status").hasMessageContaining("observedAt")
            .hasMessageContaining("fullLoadProgressPercent").hasMessageContaining("tables");
    }
}
