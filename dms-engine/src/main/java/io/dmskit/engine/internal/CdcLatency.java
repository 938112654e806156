package io.dmskit.engine.internal;

import io.dmskit.testkit.dataplane.ReplicationContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The CDC latency as DMS defines it, measured by the engine and reported through
 * {@link ReplicationContext#cdcLatency}: source latency is the time from the source's commit of the newest change read
 * to the moment it was read; target latency the time from the source's commit of the oldest change of a batch to the
 * moment the target confirmed the batch. Commit times of log-based captures (binlog, logical decoding) are the source
 * server's, compared with the system clock; a polling capture stamps a change when it detects it, on the task's
 * clock, which is then the clock compared with. Reported when a batch is applied, and at most once a second while
 * changes wait in a batch (S3 targets gather them for {@code CdcMaxBatchInterval}).
 */
final class CdcLatency {

    private static final long REPORT_NANOS = 1_000_000_000L;

    private final ReplicationContext ctx;
    private final Clock clock;
    private Duration source = Duration.ZERO;
    private Instant oldestPending;
    private long pending;
    private long lastReport = System.nanoTime() - REPORT_NANOS;

    CdcLatency(ReplicationContext ctx, boolean logBased) {
        this.ctx = ctx;
        this.clock = logBased ? Clock.systemUTC() : ctx.clock();
    }

    /** Changes were read from the source; {@code waiting} changes were already waiting in the batch. */
    void captured(List<Change> changes, int waiting) {
        if (changes.isEmpty()) {
            return;
        }
        Instant newest = changes.get(changes.size() - 1).commitTime();
        source = positive(Duration.between(newest, clock.instant()));
        pending = waiting + changes.size();
        if (System.nanoTime() - lastReport >= REPORT_NANOS && oldestPending != null) {
            report(positive(Duration.between(oldestPending, clock.instant())));
        }
    }

    /** A change joined the batch waiting for the target. */
    void pending(Change c) {
        if (oldestPending == null || c.commitTime().isBefore(oldestPending)) {
            oldestPending = c.commitTime();
        }
    }

    /** The batch was applied; {@code stillHeld} changes wait for tables being reloaded. */
    void applied(long stillHeld) {
        if (oldestPending == null) {
            return;
        }
        Duration target = positive(Duration.between(oldestPending, clock.instant()));
        oldestPending = null;
        pending = stillHeld;
        report(target.compareTo(source) < 0 ? source : target);
    }

    private void report(Duration target) {
        lastReport = System.nanoTime();
        ctx.cdcLatency(source, target, pending);
    }

    private static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
