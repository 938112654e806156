package io.dmskit.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.core.exception.ResourceFailedException;
import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.Timings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sensors on the virtual clock: the observer's sleeper advances FakeDms's clock, nothing really sleeps. */
class SensorTest {

    private FakeDms dms;
    private DmsObserver observer;
    private String arn;

    @BeforeEach
    void setUp() {
        // the full load ends only when the test says so
        dms = FakeDms.builder().timings(Timings.instant().toBuilder().fullLoadScripted().build()).build();
        arn = new Resources(dms, "sensor-ri").task("sensor-task");
        dms.startReplicationTask(b -> b.replicationTaskArn(arn).startReplicationTaskType("start-replication"));
        dms.describeReplicationTasks();
        observer = DmsObserver.builder().dms(dms).clock(dms.clock()).sleeper(dms.clock()::sleep)
            .pollInterval(Duration.ofSeconds(30)).build();
    }

    @Test
    void fullLoadSensorReportsProgressAndReturnsWhenDone() {
        dms.task(arn).tableState("shop", "orders", "Full load");
        Instant doneAt = dms.clock().instant().plus(Duration.ofMinutes(2));
        List<String> seen = new ArrayList<>();
        TaskSnapshot s = observer.sensor("sensor-task").listener((snap, what) -> {
            seen.add(what + ": " + snap.fullLoadProgressPercent() + "%");
            if (!dms.clock().instant().isBefore(doneAt)) {
                dms.task(arn).finishFullLoad();
            }
        }).untilFullLoadComplete();
        assertThat(s.fullLoadComplete()).isTrue();
        assertThat(seen).hasSizeGreaterThanOrEqualTo(5).allMatch(l -> l.startsWith("full load complete: "));
        assertThat(dms.clock().instant()).isAfterOrEqualTo(doneAt);
    }

    @Test
    void timeoutSaysWhatWasLastSeen() {
        dms.task(arn).tableState("shop", "orders", "Full load");
        Instant start = dms.clock().instant();
        assertThatThrownBy(() -> observer.sensor("sensor-task").timeout(Duration.ofMinutes(5)).untilFullLoadComplete())
            .isInstanceOf(SensorTimeoutException.class)
            .hasMessageContaining("sensor-task").hasMessageContaining("full load complete")
            .hasMessageContaining("last state: sensor-task running")
            .satisfies(e -> assertThat(((SensorTimeoutException) e).lastSnapshot()).isPresent());
        assertThat(Duration.between(start, dms.clock().instant())).isBetween(Duration.ofMinutes(5),
            Duration.ofMinutes(6));
    }

    @Test
    void aFailedTaskEndsTheWaitAtOnceWithItsFailure() {
        dms.task(arn).fail("Error connecting to source: password=hunter2 rejected");
        assertThatThrownBy(() -> observer.sensor("sensor-task").untilFullLoadComplete())
            .isInstanceOf(ResourceFailedException.class).hasMessageContaining("failed")
            .hasMessageContaining("password=****").hasMessageNotContaining("hunter2");
    }

    @Test
    void noTableErroredSensorReadsTableStatistics() {
        dms.task(arn).tableState("shop", "orders", "Table error");
        Instant fixAt = dms.clock().instant().plus(Duration.ofMinutes(1));
        TaskSnapshot s = observer.sensor("sensor-task").listener((snap, what) -> {
            if (!dms.clock().instant().isBefore(fixAt)) {
                dms.task(arn).tableState("shop", "orders", "Table completed");
            }
        }).untilNoTableErrored();
        assertThat(s.erroredTables()).isEmpty();
        assertThat(s.tables()).extracting(TableState::state).containsExactly("Table completed");
    }

    @Test
    void latencySensorWithoutDatapointsTimesOutNamingTheLatencies() {
        assertThatThrownBy(() -> observer.sensor("sensor-task").timeout(Duration.ofMinutes(3))
            .untilCdcLatencyBelow(Duration.ofSeconds(10), 3))
            .isInstanceOf(SensorTimeoutException.class)
            .hasMessageContaining("CDC latency below 10s for 3 consecutive 60s periods")
            .hasMessageContaining("CDCLatencySource []");
    }
}
