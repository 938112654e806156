package io.dmskit.engine.internal;

import io.dmskit.testkit.dataplane.ReplicationContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The CDC latency as DMS defines it, measured by the engine and reported through
 * {@link ReplicationContext#cdcLatency}. Source latency: from the source's commit of the newest change read to the
 * moment the engine read it (log-based captures carry the source server's commit time, compared with the system
 * clock; a polling capture learns of a change only when it sees it, so its source latency is zero). Target latency:
 * the source latency of the oldest change of a batch plus the real time from reading it to the target confirming the
 * batch (S3 targets gather changes for {@code CdcMaxBatchInterval}). Reported when a batch is applied, and at most
 * once a second while changes wait in a batch.
 */
final class CdcLatency {

    private static final long REPORT_NANOS = 1_000_000_000L;

    private final ReplicationContext ctx;
    private final boolean logBased;
    private final Clock wall = Clock.systemUTC();
    private Duration source = Duration.ZERO;
    private long capturedNanos;
    private Instant capturedAt;
    /** The oldest change waiting for the target: when it was read, and its source latency then. */
    private long oldestNanos = -1;
    private Duration oldestSource = Duration.ZERO;
    private long pending;
    private long lastReport = System.nanoTime() - REPORT_NANOS;

    CdcLatency(ReplicationContext ctx, boolean logBased) {
        this.ctx = ctx;
        this.logBased = logBased;
    }

    /** Changes were read from the source; {@code waiting} changes were already waiting in the batch. */
    void captured(List<Change> changes, int waiting) {
        if (changes.isEmpty()) {
            return;
        }
        capturedNanos = System.nanoTime();
        capturedAt = wall.instant();
        source = sourceLatency(changes.get(changes.size() - 1));
        pending = waiting + changes.size();
        if (capturedNanos - lastReport >= REPORT_NANOS && oldestNanos >= 0) {
            report(oldestSource.plusNanos(capturedNanos - oldestNanos));
        }
    }

    /** A change of the last capture joined the batch waiting for the target. */
    void pending(Change c) {
        if (oldestNanos < 0) {
            oldestNanos = capturedAt == null ? System.nanoTime() : capturedNanos;
            oldestSource = capturedAt == null ? Duration.ZERO : sourceLatency(c);
        }
    }

    /** The batch was applied; {@code stillHeld} changes wait for tables being reloaded. */
    void applied(long stillHeld) {
        if (oldestNanos < 0) {
            return;
        }
        Duration target = oldestSource.plusNanos(System.nanoTime() - oldestNanos);
        oldestNanos = -1;
        pending = stillHeld;
        report(target.compareTo(source) < 0 ? source : target);
    }

    private Duration sourceLatency(Change c) {
        if (!logBased || capturedAt == null) {
            return Duration.ZERO;
        }
        Duration d = Duration.between(c.commitTime(), capturedAt);
        return d.isNegative() ? Duration.ZERO : d;
    }

    private void report(Duration target) {
        lastReport = System.nanoTime();
        ctx.cdcLatency(source, target, pending);
    }
}
