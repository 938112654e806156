package io.dmskit.engine.internal;

import io.dmskit.model.s3.S3OutputSettings;
import io.dmskit.testkit.dataplane.ReplicationContext;
import io.dmskit.testkit.dataplane.RunningReplication;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.databasemigration.model.Endpoint;
import software.amazon.awssdk.services.databasemigration.model.MigrationTypeValue;
import software.amazon.awssdk.services.databasemigration.model.ReloadOptionValue;
import software.amazon.awssdk.services.databasemigration.model.StartReplicationTaskTypeValue;
import software.amazon.awssdk.services.databasemigration.model.TableToReload;

/**
 * One running replication task: discovers the selected tables, runs the full load (tables in parallel), then
 * captures and writes changes until stopped. Reports through the {@link ReplicationContext}.
 */
final class TaskReplication implements RunningReplication {

    private static final Logger LOG = LoggerFactory.getLogger(TaskReplication.class);
    private static final long PROGRESS_ROWS = 10_000;

    private final ReplicationContext ctx;
    private final EngineConfig config;
    private final Map<String, PollingCapture.Snapshot> snapshots;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final String taskName;
    private volatile Future<?> future;
    private volatile String captureMode = "none";
    private volatile ChangeCapture capture;
    private volatile Thread runner;
    /** Set once the tables are discovered and the target is open: what a table reload needs. */
    private volatile ReloadBase reloadBase;
    private final java.util.concurrent.ConcurrentLinkedQueue<TableToReload> reloadRequests =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** Source keys ({@link #bySource}) of tables being reloaded: their captured changes are held back. */
    private final java.util.Set<String> reloading = ConcurrentHashMap.newKeySet();
    /** Source keys of tables whose reload has ended, for the CDC loop to release their held changes. */
    private final java.util.concurrent.ConcurrentLinkedQueue<String> reloaded =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final List<Future<?>> reloadRuns = java.util.Collections.synchronizedList(new ArrayList<>());

    private record ReloadBase(JdbcEndpoint source, Target target, CapturedTables tables) {
    }

    /**
     * @param ctx the task's context
     * @param config engine settings
     * @param snapshots the engine's polling images by task ARN (survive stop and resume-processing)
     */
    public TaskReplication(ReplicationContext ctx, EngineConfig config, Map<String, PollingCapture.Snapshot> snapshots) {
        this.ctx = ctx;
        this.config = config;
        this.snapshots = snapshots;
        this.taskName = ctx.task().replicationTaskIdentifier();
    }

    /** Starts the work on the engine's threads. */
    public TaskReplication start() {
        future = config.workers().submit(this::run);
        return this;
    }

    /** @return the CDC capture in use: "binlog", "logical", "polling" or "none" */
    public String captureMode() {
        return captureMode;
    }

    /**
     * ReloadTables ({@code data-reload}): the tables are loaded again while the task keeps running. The request is
     * queued; the CDC loop starts it between two batches (after writing what it holds), or, before CDC has begun,
     * the run starts it once the task's own full load is done. {@code validate-only} is ignored (this engine does
     * not validate).
     *
     * @param tables source tables as named on the request
     * @param option the reload option
     */
    public void reload(List<TableToReload> tables, ReloadOptionValue option) {
        if (option != ReloadOptionValue.DATA_RELOAD) {
            LOG.info("task {}: ReloadTables {} ignored (the local engine does not validate)", taskName, option);
            return;
        }
        if (stopped.get()) {
            return;
        }
        reloadRequests.addAll(tables);
        LOG.info("task {}: reload of {} table(s) requested", taskName, tables.size());
    }

    /** @return whether ReloadTables requests wait to be started */
    boolean reloadsRequested() {
        return !reloadRequests.isEmpty();
    }

    /** @return whether the changes of this table (key of {@link #bySource}) are held back for a reload */
    boolean isReloading(String sourceKey) {
        return reloading.contains(sourceKey);
    }

    /** @return the key of a table whose reload has ended since the last call, or null */
    String nextReloaded() {
        return reloaded.poll();
    }

    /**
     * Starts the requested reloads on the engine's threads: each table's changes are held back (by the CDC loop)
     * from now until its reload has ended.
     */
    void startReloads() {
        ReloadBase base = reloadBase;
        if (base == null) {
            return;
        }
        reloadRuns.removeIf(Future::isDone);
        for (TableToReload t = reloadRequests.poll(); t != null; t = reloadRequests.poll()) {
            TablePlan plan = base.tables().get(t.schemaName(), t.tableName());
            if (plan == null) {
                LOG.warn("task {}: ReloadTables names {}.{}, which the task's table mappings do not select",
                        taskName, t.schemaName(), t.tableName());
                ctx.updateTableStatistics(t.schemaName(), t.tableName(), b -> b.tableState("Table does not exist"));
                continue;
            }
            String key = plan.source().schema() + "\u0000" + plan.source().name();
            if (!reloading.add(key)) {
                continue; // already being reloaded: the running reload reads the source after this request
            }
            try {
                reloadRuns.add(config.workers().submit(() -> reloadTable(base, plan, key)));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                reloading.remove(key);
                reloaded.add(key);
            }
        }
    }

    /** Starts the requested reloads and waits for them (before CDC has begun, or for full-load tasks). */
    private void runReloadsNow() throws InterruptedException {
        while (reloadsRequested() && !stopped.get()) {
            startReloads();
            awaitReloads();
        }
        reloaded.clear();
    }

    private void awaitReloads() throws InterruptedException {
        List<Future<?>> runs;
        synchronized (reloadRuns) {
            runs = new ArrayList<>(reloadRuns);
            reloadRuns.clear();
        }
        for (Future<?> f : runs) {
            try {
                f.get();
            } catch (ExecutionException e) {
                // reported as Table error by reloadTable
            }
        }
    }

    private void reloadTable(ReloadBase base, TablePlan plan, String key) {
        try {
            LOG.info("task {}: reloading {}", taskName, plan);
            loadTable(base.source(), base.target(), plan, ctx.clock().instant(), null, true);
        } catch (Throwable e) {
            if (!stopped.get()) {
                LOG.warn("task {}: reloading {} failed: {}", taskName, plan, message(e));
                ctx.updateTableStatistics(plan.source().schema(), plan.source().name(),
                        b -> b.tableState("Table error"));
            }
        } finally {
            reloading.remove(key);
            reloaded.add(key);
        }
    }

    @Override
    public void stop() {
        stopped.set(true);
        Future<?> f = future;
        if (Thread.currentThread() == runner) {
            return; // FakeDms stops a full-load task from inside fullLoadFinished(): the run ends by itself
        }
        if (f != null) {
            try {
                f.get(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.CancellationException e) {
                // stopped before
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("task {} did not stop cleanly: {}", taskName, e.toString());
                f.cancel(true);
            }
        }
    }

    private void run() {
        runner = Thread.currentThread();
        Target target = null;
        try {
            TaskSettingsView settings = TaskSettingsView.parse(ctx.task().replicationTaskSettings());
            MappingsRouter router = MappingsRouter.fromJson(ctx.task().tableMappings());
            JdbcEndpoint source = JdbcEndpoint.of(ctx.sourceEndpoint(), ctx.sourceCredentials(),
                    (int) config.connectTimeout().toSeconds());
            target = createTarget(settings);
            List<TablePlan> plans = discover(source, router, settings);
            CapturedTables tables = new CapturedTables(source, router, settings.targetSchema(), plans, taskName);
            reloadBase = new ReloadBase(source, target, tables);
            LOG.info("task {}: {} table(s) selected on {}", taskName, plans.size(), source.endpointIdentifier());
            MigrationTypeValue type = ctx.task().migrationType();
            boolean cdc = type != MigrationTypeValue.FULL_LOAD;
            Optional<String> checkpoint = ctx.lastCheckpoint();
            boolean resume = ctx.startType() == StartReplicationTaskTypeValue.RESUME_PROCESSING
                    && checkpoint.isPresent();
            boolean fullLoad = type != MigrationTypeValue.CDC && !(resume && cdc);
            String taskArn = ctx.task().replicationTaskArn();
            PollingCapture.Snapshot snapshot = null;
            if (cdc) {
                if (fullLoad || !resume) {
                    snapshots.remove(taskArn);
                }
                snapshot = snapshots.computeIfAbsent(taskArn, a -> new PollingCapture.Snapshot());
                capture = CaptureFactory.open(config, source, tables, snapshot, ctx, resume ? checkpoint : Optional.empty(),
                        fullLoad);
                captureMode = capture.mode();
                LOG.info("task {}: CDC by {}", taskName, captureMode);
                ctx.log(io.dmskit.testkit.dataplane.TaskLogSeverity.INFO, "SOURCE_CAPTURE", "Capturing changes of "
                        + plans.size() + " table(s) from endpoint '" + source.endpointIdentifier() + "' by "
                        + captureMode);
            }
            if (fullLoad) {
                fullLoad(source, target, plans, settings, capture instanceof PollingCapture ? snapshot : null);
                if (stopped.get()) {
                    return;
                }
                runReloadsNow();
                if (stopped.get()) {
                    return;
                }
                ctx.fullLoadFinished();
            } else {
                for (TablePlan p : plans) {
                    target.prepareForCdc(p);
                    ctx.updateTableStatistics(p.source().schema(), p.source().name(),
                            b -> b.tableState("Table completed"));
                }
            }
            if (cdc && !stopped.get()) {
                if (capture instanceof PollingCapture pc) {
                    pc.initialize();
                }
                ctx.checkpoint(capture.position());
                new CdcLoop(ctx, config, capture, target, tables, stopped, taskName, source.endpointIdentifier(), this)
                        .run();
            }
        } catch (Throwable e) {
            if (!stopped.get()) {
                String message = message(e);
                LOG.warn("task {} failed: {}", taskName, message);
                ctx.fail(message);
            }
        } finally {
            try {
                awaitReloads();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ChangeCapture c = capture;
            if (c != null) {
                c.close();
            }
            if (target != null) {
                target.close();
            }
        }
    }

    static String message(Throwable e) {
        if (e instanceof EngineException) {
            return e.getMessage();
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return "Replication failed: " + e.getClass().getSimpleName() + ": " + e.getMessage()
                + (root != e ? " (" + root.getMessage() + ")" : "");
    }

    private Target createTarget(TaskSettingsView settings) {
        Endpoint t = ctx.targetEndpoint();
        String engine = t.engineName() == null ? "" : t.engineName().toLowerCase(Locale.ROOT);
        if (engine.equals("s3")) {
            if (config.s3() == null) {
                throw new EngineException("Target endpoint '" + t.endpointIdentifier()
                        + "' is an S3 endpoint but the local replication engine was built without an S3 client");
            }
            S3OutputSettings output = S3Target.settings(t);
            // DMS checks its target before it replicates: a missing bucket fails the task at start, naming it
            S3Target.bucketProblem(config.s3(), output.bucketName()).ifPresent(problem -> {
                throw new EngineException("Target endpoint '" + t.endpointIdentifier() + "': " + problem
                        + " (create the bucket before starting the task)");
            });
            return new S3Target(config.s3(), output, ctx.clock(), config.workers(), settings.prepMode());
        }
        if (Dialect.ofEngineName(engine).isPresent()) {
            JdbcEndpoint endpoint = JdbcEndpoint.of(t, ctx.targetCredentials(), (int) config.connectTimeout().toSeconds());
            return new JdbcTarget(endpoint, settings.prepMode(), settings.commitRate());
        }
        throw new EngineException("The local replication engine does not support target engine '" + t.engineName()
                + "' (endpoint '" + t.endpointIdentifier() + "'); supported: s3, mysql, mariadb, aurora, postgres, aurora-postgresql");
    }

    private List<TablePlan> discover(JdbcEndpoint source, MappingsRouter router, TaskSettingsView settings) {
        try (Connection c = source.connect()) {
            Catalog catalog = new Catalog(source.dialect());
            List<TablePlan> plans = new ArrayList<>();
            for (String[] st : catalog.listTables(c)) {
                TableRoute route = router.route(st[0], st[1]);
                if (route.included()) {
                    SourceTable table = catalog.describe(c, st[0], st[1]);
                    plans.add(new TablePlan(table, route, source.dialect(), settings.targetSchema()));
                }
            }
            return plans;
        } catch (SQLException e) {
            throw new EngineException("Failed to connect to source endpoint '" + source.endpointIdentifier() + "' ("
                    + source.host() + ":" + source.port() + "): " + e.getMessage(), e);
        }
    }

    private void fullLoad(JdbcEndpoint source, Target target, List<TablePlan> plans, TaskSettingsView settings,
                          PollingCapture.Snapshot snapshot) throws Exception {
        Instant taskStart = ctx.clock().instant();
        for (TablePlan p : plans) {
            ctx.updateTableStatistics(p.source().schema(), p.source().name(), b -> b.tableState("Before load")
                    .fullLoadRows(0L).inserts(0L).updates(0L).deletes(0L));
        }
        Semaphore slots = new Semaphore(Math.max(1, Math.min(settings.maxFullLoadSubTasks(), config.loadThreads())));
        List<Future<?>> loads = new ArrayList<>();
        Map<TablePlan, Throwable> errors = new ConcurrentHashMap<>();
        for (TablePlan p : plans) {
            slots.acquire();
            if (stopped.get()) {
                slots.release();
                break;
            }
            loads.add(config.workers().submit(() -> {
                try {
                    loadTable(source, target, p, taskStart, snapshot, false);
                } catch (Throwable e) {
                    errors.put(p, e);
                    LOG.warn("task {}: loading {} failed: {}", taskName, p, message(e));
                    ctx.updateTableStatistics(p.source().schema(), p.source().name(), b -> b.tableState("Table error"));
                } finally {
                    slots.release();
                }
            }));
        }
        for (Future<?> f : loads) {
            f.get();
        }
        if (!errors.isEmpty() && errors.size() == plans.size() && !stopped.get()) {
            Throwable first = errors.values().iterator().next();
            throw first instanceof EngineException ee ? ee : new EngineException(message(first), first);
        }
    }

    private void loadTable(JdbcEndpoint source, Target target, TablePlan plan, Instant taskStart,
                           PollingCapture.Snapshot snapshot, boolean reload) throws SQLException {
        String schema = plan.source().schema();
        String table = plan.source().name();
        Instant start = ctx.clock().instant();
        ctx.updateTableStatistics(schema, table, b -> b.tableState("Full load").fullLoadStartTime(start).fullLoadRows(0L));
        if (snapshot != null) {
            snapshot.touch(plan.source());
        }
        long rows;
        try (Target.TableLoad load = reload ? target.beginReload(plan, taskStart) : target.beginLoad(plan, taskStart);
             Connection c = source.connect()) {
            if (source.dialect() == Dialect.POSTGRESQL) {
                c.setAutoCommit(false);
            }
            RowReader reader = new RowReader(plan.source().columns());
            // the source is read on this thread while another one formats and writes: the JDBC driver's decoding
            // and the engine's encoding then overlap instead of adding up
            RowPipe pipe = new RowPipe(4096, 8);
            Future<?> writer = config.workers().submit(() -> {
                long next = PROGRESS_ROWS;
                for (Object[][] batch = pipe.take(); batch.length > 0; batch = pipe.take()) {
                    for (Object[] row : batch) {
                        if (snapshot != null) {
                            snapshot.put(plan.source(), row);
                        }
                        load.add(row);
                    }
                    if (load.rows() >= next) {
                        long n = load.rows();
                        ctx.updateTableStatistics(schema, table, b -> b.fullLoadRows(n));
                        next = n + PROGRESS_ROWS;
                    }
                }
                return null;
            });
            try (Statement s = c.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                s.setFetchSize(config.fetchSize());
                try (ResultSet rs = s.executeQuery(plan.selectSql(source.dialect()))) {
                    while (rs.next()) {
                        if (stopped.get() || writer.isDone()) {
                            break;
                        }
                        pipe.put(reader.read(rs));
                    }
                }
            } catch (SQLException e) {
                pipe.abort();
                throw new EngineException("Reading " + plan.source().qualifiedName() + " from source endpoint '"
                        + source.endpointIdentifier() + "' failed: " + e.getMessage(), e);
            } finally {
                if (writer.isDone() || stopped.get()) {
                    pipe.abort();
                }
                pipe.close();
            }
            try {
                writer.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EngineException("Interrupted while loading " + plan);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                throw cause instanceof RuntimeException re ? re : new EngineException(message(cause), cause);
            }
            if (stopped.get()) {
                return;
            }
            load.finish();
            rows = load.rows();
        }
        long loaded = rows;
        Instant end = ctx.clock().instant();
        ctx.updateTableStatistics(schema, table, b -> b.tableState("Table completed").fullLoadRows(loaded)
                .fullLoadEndTime(end));
        LOG.info("task {}: full load of {} finished, {} rows", taskName, plan, loaded);
    }

    /** @return plans by source qualified name */
    static Map<String, TablePlan> bySource(List<TablePlan> plans) {
        Map<String, TablePlan> m = new HashMap<>();
        for (TablePlan p : plans) {
            m.put(p.source().schema() + "\u0000" + p.source().name(), p);
        }
        return m;
    }

    /** @return how long to wait between retries of an unreachable source */
    static Duration retryDelay(Duration pollInterval) {
        return pollInterval.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofMillis(500) : pollInterval;
    }
}
