package io.dmskit.testkit.fakedms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.testkit.FakeClock;
import io.dmskit.testkit.FakeDms;
import io.dmskit.model.StopReason;
import io.dmskit.testkit.Timings;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FakeClockAndTimingsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    @DisplayName("FakeClock moves only when told; sleep advances instead of blocking; zones share the time")
    void clock() {
        FakeClock clock = FakeClock.startingAt(T0);
        assertThat(clock.instant()).isEqualTo(T0);
        clock.sleep(Duration.ofMinutes(5));
        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(300));
        FakeClock paris = clock.withZone(ZoneId.of("Europe/Paris"));
        clock.advance(Duration.ofSeconds(1));
        assertThat(paris.instant()).isEqualTo(T0.plusSeconds(301));
        assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        clock.set(T0);
        assertThat(clock.millis()).isEqualTo(T0.toEpochMilli());
        clock.sleep(Duration.ofSeconds(-3));
        assertThat(clock.instant()).isEqualTo(T0);
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("FakeClock is thread-safe: concurrent advances all count")
    void clockThreads() throws Exception {
        FakeClock clock = FakeClock.startingAt(T0);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> f = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            f.add(pool.submit(() -> {
                for (int k = 0; k < 1000; k++) {
                    clock.advance(Duration.ofMillis(1));
                }
            }));
        }
        for (Future<?> x : f) {
            x.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(4));
    }

    @Test
    @DisplayName("Timings: presets, with(), and a builder that reports every bad delay at once")
    void timings() {
        assertThat(Timings.instant().taskStart()).isZero();
        assertThat(Timings.realistic().instanceCreate()).isEqualTo(Duration.ofMinutes(8));
        Timings t = Timings.realistic().with(b -> b.taskStart(Duration.ofSeconds(5)).fullLoadScripted());
        assertThat(t.taskStart()).isEqualTo(Duration.ofSeconds(5));
        assertThat(t.fullLoad()).isEmpty();
        assertThat(t.instanceCreate()).isEqualTo(Duration.ofMinutes(8));
        assertThat(t).isNotEqualTo(Timings.realistic()).isEqualTo(t.toBuilder().build());
        assertThatThrownBy(() -> Timings.builder().taskStart(Duration.ofSeconds(-1)).taskStop(null).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("taskStart")
                .hasMessageContaining("taskStop");
    }

    @Test
    @DisplayName("realistic timings: a poller sleeping on the shared FakeClock sees each transition when it is due")
    void realisticWithSharedClock() {
        FakeClock clock = FakeClock.startingAt(T0);
        FakeDms dms = FakeDms.builder().clock(clock).timings(Timings.realistic()).build();
        String arn = Fixtures.instance(dms, "ri");
        clock.sleep(Duration.ofMinutes(7));
        assertThat(dms.describeReplicationInstances().replicationInstances().get(0).replicationInstanceStatus())
                .isEqualTo("creating");
        clock.sleep(Duration.ofMinutes(53));
        var available = dms.describeReplicationInstances().replicationInstances().get(0);
        assertThat(available.replicationInstanceStatus()).isEqualTo("available");
        assertThat(available.instanceCreateTime()).as("the time the transition was due, not when it was seen")
                .isEqualTo(T0.plus(Duration.ofMinutes(8)));
        assertThat(available.replicationInstanceArn()).isEqualTo(arn);
        assertThat(dms.calls("CreateReplicationInstance").get(0).time()).isEqualTo(T0);
    }

    @Test
    @DisplayName("StopReason reads DMS's text leniently and writes it exactly")
    void stopReason() {
        assertThat(StopReason.FULL_LOAD_ONLY_FINISHED.text()).isEqualTo("Stop Reason FULL_LOAD_ONLY_FINISHED");
        assertThat(StopReason.parse("Stop Reason FULL_LOAD_ONLY_FINISHED")).contains(
                StopReason.FULL_LOAD_ONLY_FINISHED);
        assertThat(StopReason.parse("stop reason normal")).contains(StopReason.NORMAL);
        assertThat(StopReason.parse("STOPPED AFTER FULL LOAD")).contains(StopReason.STOPPED_AFTER_FULL_LOAD);
        assertThat(StopReason.parse("something else")).contains(StopReason.UNKNOWN);
        assertThat(StopReason.parse(null)).isEmpty();
    }

    @Test
    @DisplayName("builder rejects malformed accounts and regions")
    void builderChecks() {
        assertThatThrownBy(() -> FakeDms.builder().accountId("12345")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FakeDms.builder().region("mars")).isInstanceOf(IllegalArgumentException.class);
        FakeDms dms = FakeDms.builder().accountId("210987654321").region("eu-west-1").build();
        assertThat(Fixtures.mysqlSource(dms, "src")).startsWith("arn:aws:dms:eu-west-1:210987654321:endpoint:");
        assertThat(dms.serviceClientConfiguration().region().id()).isEqualTo("eu-west-1");
        assertThat(dms.serviceName()).isEqualTo("dms");
        assertThat(FakeDms.supportedOperations()).contains("CreateEndpoint", "DescribeTableStatistics",
                "StartReplication", "DescribeEvents");
        FakeDms a = FakeDms.builder().seed(3).build();
        FakeDms b = FakeDms.builder().seed(3).build();
        assertThat(Fixtures.mysqlSource(a, "src")).as("ARNs are reproducible per seed")
                .isEqualTo(Fixtures.mysqlSource(b, "src"));
    }

    @Test
    @DisplayName("advanceOnDescribe: a plain SDK waiter with a real (tiny) backoff sees realistic transitions")
    void advanceOnDescribe() {
        FakeDms dms = FakeDms.builder().clock(FakeClock.startingAt(T0)).timings(Timings.realistic())
                .advanceOnDescribe(Duration.ofSeconds(30)).build();
        String arn = Fixtures.instance(dms, "ri");
        var waiter = software.amazon.awssdk.services.databasemigration.waiters.DatabaseMigrationWaiter.builder()
                .client(dms).overrideConfiguration(o -> o.backoffStrategyV2(
                        software.amazon.awssdk.retries.api.BackoffStrategy.retryImmediately())).build();
        var response = waiter.waitUntilReplicationInstanceAvailable(b -> b.filters(Fixtures.filter(
                "replication-instance-arn", arn)));
        assertThat(response.attemptsExecuted()).isEqualTo(16);
        assertThat(dms.clock().instant()).isEqualTo(T0.plus(Duration.ofMinutes(8)));
    }
}
