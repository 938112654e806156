package io.dmskit.engine.internal;

import io.dmskit.model.s3.S3OutputSettings;
import io.dmskit.testkit.dataplane.ReplicationContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves captured changes to the target until the task stops. S3 targets get files batched as DMS does: a batch is
 * written when its oldest change is {@code CdcMaxBatchInterval} old or it holds {@code CdcMinFileSize} of data,
 * whichever comes first. Database targets get each captured batch applied at once. Statistics and the checkpoint
 * follow every write; an unreachable source is retried, then fails the task.
 */
final class CdcLoop {

    private static final Logger LOG = LoggerFactory.getLogger(CdcLoop.class);

    private final ReplicationContext ctx;
    private final EngineConfig config;
    private final ChangeCapture capture;
    private final Target target;
    private final CapturedTables tables;
    private final AtomicBoolean stopped;
    private final String taskName;
    private final String sourceId;
    private final boolean logBased;
    private final List<Target.PlannedChange> batch = new ArrayList<>();
    /** How often log-based CDC compares the captured tables with the source's catalog. */
    static final Duration CATALOG_CHECK = Duration.ofSeconds(1);
    private long nextCatalogCheck = System.nanoTime() + CATALOG_CHECK.toNanos();
    private long batchStartNanos;
    private long batchBytes;
    private String lastCheckpoint;
    private final TaskReplication reloads;
    /** Changes of tables being reloaded, held back until their reload has ended (DMS's cached changes). */
    private final Map<String, List<Target.PlannedChange>> held = new java.util.HashMap<>();
    /** Measures what DMS reports as CDCLatencySource and CDCLatencyTarget. */
    private final CdcLatency latency;

    CdcLoop(ReplicationContext ctx, EngineConfig config, ChangeCapture capture, Target target, CapturedTables tables,
            AtomicBoolean stopped, String taskName, String sourceId, TaskReplication reloads) {
        this.reloads = reloads;
        this.ctx = ctx;
        this.config = config;
        this.capture = capture;
        this.target = target;
        this.tables = tables;
        this.stopped = stopped;
        this.taskName = taskName;
        this.sourceId = sourceId;
        this.logBased = !(capture instanceof PollingCapture);
        this.latency = new CdcLatency(ctx, logBased);
    }

    void run() throws InterruptedException {
        long failingSince = -1;
        Duration wait = config.pollInterval().compareTo(Duration.ofMillis(200)) > 0 ? Duration.ofMillis(200)
                : config.pollInterval();
        while (!stopped.get()) {
            if (reloads != null && reloads.reloadsRequested()) {
                flush(); // what was captured before the reload request is written first
                reloads.startReloads();
            }
            List<Change> changes;
            try {
                changes = capture.poll(wait);
                failingSince = -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                long now = System.nanoTime();
                if (failingSince < 0) {
                    failingSince = now;
                    LOG.warn("task {}: reading changes from {} failed, retrying: {}", taskName, sourceId, e.getMessage());
                    ctx.log(io.dmskit.testkit.dataplane.TaskLogSeverity.WARNING, "SOURCE_CAPTURE",
                            "Reading changes from the source failed, retrying: " + e.getMessage());
                }
                if (Duration.ofNanos(now - failingSince).compareTo(config.sourceRetryTimeout()) >= 0) {
                    flush();
                    throw new EngineException("Error reading changes from source endpoint '" + sourceId
                            + "': " + e.getMessage() + " (retried for " + config.sourceRetryTimeout().toSeconds() + " s)", e);
                }
                Thread.sleep(TaskReplication.retryDelay(config.pollInterval()).toMillis());
                continue;
            }
            followDdl();
            latency.captured(changes, batch.size());
            for (Change c : changes) {
                TablePlan plan = tables.get(c.table().schema(), c.table().name());
                // logical decoding's deletes carry only the key (default replica identity): filters cannot judge them
                boolean judge = logBased && !(c.op() == 'D' && capture instanceof PgLogicalCapture);
                if (plan == null || (judge && !plan.route().rowMatches(c.table(), c.values()))) {
                    continue;
                }
                String key = c.table().schema() + "\u0000" + c.table().name();
                if (reloads != null && reloads.isReloading(key)) {
                    held.computeIfAbsent(key, k -> new ArrayList<>()).add(new Target.PlannedChange(plan, c));
                    continue;
                }
                add(new Target.PlannedChange(plan, c));
            }
            releaseReloaded();
            if (flushDue()) {
                flush();
            } else if (batch.isEmpty()) {
                checkpoint();
            }
        }
        flush();
    }

    /**
     * Tables created or dropped on the source while CDC runs, as DMS handles them: a created table that the mappings
     * select gets its target (database targets: created; S3: its folder appears with its first CDC file) and its
     * statistics; a dropped one ends its capture. Log-based captures name new tables as their changes arrive; the
     * catalog is also compared every {@link #CATALOG_CHECK} (at once after DDL in the binlog) to see tables that are
     * created empty or dropped.
     */
    private void followDdl() {
        if (logBased && (tables.takeRefreshRequest() || System.nanoTime() >= nextCatalogCheck)) {
            nextCatalogCheck = System.nanoTime() + CATALOG_CHECK.toNanos();
            try {
                tables.refresh();
            } catch (java.sql.SQLException e) {
                LOG.debug("task {}: the catalog of {} cannot be read: {}", taskName, sourceId, e.getMessage());
            }
        }
        for (TablePlan p = tables.nextAdded(); p != null; p = tables.nextAdded()) {
            target.prepareForCdc(p);
            ctx.updateTableStatistics(p.source().schema(), p.source().name(), b -> b.tableState("Table completed")
                    .fullLoadRows(0L).inserts(0L).updates(0L).deletes(0L));
        }
        for (TablePlan p = tables.nextDropped(); p != null; p = tables.nextDropped()) {
            ctx.updateTableStatistics(p.source().schema(), p.source().name(),
                    b -> b.tableState("Table does not exist"));
        }
    }

    private void add(Target.PlannedChange pc) {
        if (batch.isEmpty()) {
            batchStartNanos = System.nanoTime();
        }
        latency.pending(pc.change());
        batch.add(pc);
        batchBytes += 16L * pc.change().values().length + 32;
    }

    /** Changes held back for tables whose reload has ended follow the reloaded rows, in capture order. */
    private void releaseReloaded() {
        if (reloads == null) {
            return;
        }
        for (String key = reloads.nextReloaded(); key != null; key = reloads.nextReloaded()) {
            List<Target.PlannedChange> changes = held.remove(key);
            if (changes != null) {
                changes.forEach(this::add);
            }
        }
    }

    private boolean flushDue() {
        if (batch.isEmpty()) {
            return false;
        }
        if (!(target instanceof S3Target s3)) {
            return true;
        }
        S3OutputSettings o = s3.options();
        return System.nanoTime() - batchStartNanos >= o.cdcMaxBatchInterval().toNanos()
                || batchBytes >= o.cdcMinFileSizeBytes();
    }

    private void flush() {
        if (!batch.isEmpty()) {
            Map<TablePlan, long[]> counts = target.applyChanges(List.copyOf(batch), ctx.clock().instant());
            batch.clear();
            batchBytes = 0;
            boolean applied = target instanceof JdbcTarget;
            for (Map.Entry<TablePlan, long[]> e : counts.entrySet()) {
                long[] n = e.getValue();
                TablePlan p = e.getKey();
                ctx.updateTableStatistics(p.source().schema(), p.source().name(), b -> {
                    b.inserts(value(b.build().inserts()) + n[0]).updates(value(b.build().updates()) + n[1])
                            .deletes(value(b.build().deletes()) + n[2]);
                    if (applied) {
                        b.appliedInserts(value(b.build().appliedInserts()) + n[0])
                                .appliedUpdates(value(b.build().appliedUpdates()) + n[1])
                                .appliedDeletes(value(b.build().appliedDeletes()) + n[2]);
                    }
                    return b;
                });
            }
            latency.applied(held.values().stream().mapToLong(List::size).sum());
        }
        checkpoint();
    }

    private void checkpoint() {
        String position = capture.position();
        if (!position.equals(lastCheckpoint)) {
            ctx.checkpoint(position);
            lastCheckpoint = position;
        }
    }

    private static long value(Long v) {
        return v == null ? 0 : v;
    }
}
