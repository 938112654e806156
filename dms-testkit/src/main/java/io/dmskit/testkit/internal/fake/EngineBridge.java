package io.dmskit.testkit.internal.fake;

import io.dmskit.testkit.dataplane.EndpointCredentials;
import io.dmskit.testkit.dataplane.ReplicationContext;
import io.dmskit.testkit.dataplane.RunningReplication;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.databasemigration.model.Endpoint;
import software.amazon.awssdk.services.databasemigration.model.ReloadOptionValue;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;
import software.amazon.awssdk.services.databasemigration.model.StartReplicationTaskTypeValue;
import software.amazon.awssdk.services.databasemigration.model.TableStatistics;
import software.amazon.awssdk.services.databasemigration.model.TableToReload;

/**
 * Hands running tasks to the configured {@link io.dmskit.testkit.dataplane.ReplicationEngine} and applies its
 * callbacks. Engine calls happen outside the world's lock; callbacks of a run that has ended are ignored (except the
 * checkpoint, which a stopping engine records last).
 */
final class EngineBridge {

    private final World w;
    private final TaskOps tasks;

    EngineBridge(World world, TaskOps tasks) {
        this.w = world;
        this.tasks = tasks;
    }

    /** Called under the lock when {@code t} enters running. */
    void start(TaskRecord t) {
        long run = t.run;
        EndpointRecord source = w.endpoints.get(t.model.sourceEndpointArn());
        EndpointRecord target = w.endpoints.get(t.model.targetEndpointArn());
        if (source == null || target == null) {
            tasks.fail(t, "Endpoint of the task no longer exists.");
            return;
        }
        Credentials.Source sourceCreds = Credentials.sourceOf(source);
        Credentials.Source targetCreds = Credentials.sourceOf(target);
        Endpoint sourceModel = source.model;
        Endpoint targetModel = target.model;
        String startType = t.lastStartType;
        String cdcStart = t.lastCdcStartPosition;
        w.afterUnlock(() -> {
            Credentials sc;
            Credentials tc;
            try {
                sc = Credentials.resolve(sourceCreds, w.secrets);
                tc = Credentials.resolve(targetCreds, w.secrets);
            } catch (IllegalStateException e) {
                failIfCurrent(t, run, e.getMessage());
                return;
            }
            Context ctx = new Context(t, run, startType, cdcStart, sourceModel, targetModel, sc, tc);
            RunningReplication handle;
            try {
                handle = w.engine.start(ctx);
            } catch (RuntimeException e) {
                World.log().warn("Replication engine failed to start task {}", t.id(), e);
                failIfCurrent(t, run, "Replication engine failed to start: " + e.getMessage());
                return;
            }
            List<Runnable> pending = new ArrayList<>();
            boolean keep = w.locked(() -> {
                if (t.run == run && !t.gone && "running".equals(t.status())) {
                    t.running = handle;
                    pending.addAll(t.pendingReloads);
                    t.pendingReloads.clear();
                    return true;
                }
                return false;
            });
            if (!keep && handle != null) {
                handle.stop();
            } else if (keep && handle != null) {
                pending.forEach(Runnable::run);
            }
        });
    }

    /**
     * Without an engine: when a Secrets Manager client is configured, a task whose endpoint names a secret that cannot
     * be read fails as on AWS. Called under the lock when {@code t} enters running.
     */
    void checkSecrets(TaskRecord t) {
        if (w.secrets == null) {
            return;
        }
        long run = t.run;
        List<Credentials.Source> sources = new ArrayList<>();
        for (String arn : List.of(t.model.sourceEndpointArn(), t.model.targetEndpointArn())) {
            EndpointRecord e = w.endpoints.get(arn);
            if (e != null) {
                Credentials.Source s = Credentials.sourceOf(e);
                if (s.secretId() != null) {
                    sources.add(s);
                }
            }
        }
        if (sources.isEmpty()) {
            return;
        }
        w.afterUnlock(() -> {
            for (Credentials.Source s : sources) {
                try {
                    Credentials.resolve(s, w.secrets);
                } catch (IllegalStateException e) {
                    failIfCurrent(t, run, e.getMessage());
                    return;
                }
            }
        });
    }

    private void failIfCurrent(TaskRecord t, long run, String message) {
        w.run(() -> {
            if (t.run == run && !t.gone && ("running".equals(t.status()) || "starting".equals(t.status()))) {
                tasks.fail(t, message);
            }
        });
    }

    /**
     * Called under the lock for ReloadTables on a running task: hands the tables to the engine's run outside the
     * lock, or keeps them until the run has started.
     */
    void reload(TaskRecord t, List<TableToReload> tables, ReloadOptionValue option) {
        RunningReplication handle = t.running;
        if (handle == null) {
            long run = t.run;
            t.pendingReloads.add(() -> {
                RunningReplication h = w.locked(() -> t.run == run ? t.running : null);
                if (h != null) {
                    deliverReload(t, h, tables, option);
                }
            });
            return;
        }
        w.afterUnlock(() -> deliverReload(t, handle, tables, option));
    }

    private void deliverReload(TaskRecord t, RunningReplication handle, List<TableToReload> tables,
                               ReloadOptionValue option) {
        try {
            handle.reload(tables, option);
        } catch (RuntimeException e) {
            World.log().warn("Replication engine failed to reload tables of task {}", t.id(), e);
        }
    }

    /** Called under the lock when {@code t} leaves running: stops its engine run outside the lock. */
    void stopEngine(TaskRecord t) {
        RunningReplication handle = t.running;
        t.running = null;
        t.pendingReloads.clear();
        if (handle != null) {
            w.afterUnlock(() -> {
                try {
                    handle.stop();
                } catch (RuntimeException e) {
                    World.log().warn("Replication engine failed to stop task {}", t.id(), e);
                }
            });
        }
    }

    /** The callbacks of one run. */
    private final class Context implements ReplicationContext {
        private final TaskRecord t;
        private final long run;
        private final String startType;
        private final String cdcStart;
        private final Endpoint source;
        private final Endpoint target;
        private final EndpointCredentials sourceCredentials;
        private final EndpointCredentials targetCredentials;

        Context(TaskRecord t, long run, String startType, String cdcStart, Endpoint source, Endpoint target,
                EndpointCredentials sourceCredentials, EndpointCredentials targetCredentials) {
            this.t = t;
            this.run = run;
            this.startType = startType;
            this.cdcStart = cdcStart;
            this.source = source;
            this.target = target;
            this.sourceCredentials = sourceCredentials;
            this.targetCredentials = targetCredentials;
        }

        private boolean current() {
            return t.run == run && !t.gone && "running".equals(t.status());
        }

        @Override
        public ReplicationTask task() {
            return w.locked(() -> tasks.describeModel(t, false));
        }

        @Override
        public StartReplicationTaskTypeValue startType() {
            return StartReplicationTaskTypeValue.fromValue(startType);
        }

        @Override
        public Optional<String> cdcStartPosition() {
            return Optional.ofNullable(cdcStart);
        }

        @Override
        public Optional<String> lastCheckpoint() {
            return w.locked(() -> Optional.ofNullable(t.model.recoveryCheckpoint()));
        }

        @Override
        public Endpoint sourceEndpoint() {
            return source;
        }

        @Override
        public Endpoint targetEndpoint() {
            return target;
        }

        @Override
        public EndpointCredentials sourceCredentials() {
            return sourceCredentials;
        }

        @Override
        public EndpointCredentials targetCredentials() {
            return targetCredentials;
        }

        @Override
        public Clock clock() {
            return w.clock;
        }

        @Override
        public void updateTableStatistics(String schema, String table, UnaryOperator<TableStatistics.Builder> update) {
            w.run(() -> {
                if (t.run == run && !t.gone && ("running".equals(t.status()) || "stopping".equals(t.status()))) {
                    tasks.updateTable(t, schema, table, update);
                }
            });
        }

        @Override
        public void fullLoadFinished() {
            w.run(() -> {
                if (current()) {
                    tasks.finishFullLoad(t);
                }
            });
        }

        @Override
        public void checkpoint(String position) {
            w.run(() -> {
                if (t.run == run && !t.gone) {
                    t.model = t.model.toBuilder().recoveryCheckpoint(position).build();
                }
            });
        }

        @Override
        public void fail(String lastFailureMessage) {
            w.run(() -> {
                if (current()) {
                    tasks.fail(t, lastFailureMessage);
                }
            });
        }

        @Override
        public void cdcLatency(java.time.Duration sourceLatency, java.time.Duration targetLatency,
                               long pendingChanges) {
            java.util.Objects.requireNonNull(sourceLatency, "sourceLatency");
            java.util.Objects.requireNonNull(targetLatency, "targetLatency");
            w.run(() -> {
                if (current()) {
                    w.telemetry.cdcLatency(t, sourceLatency, targetLatency, pendingChanges);
                }
            });
        }

        @Override
        public void log(io.dmskit.testkit.dataplane.TaskLogSeverity severity, String component, String message) {
            java.util.Objects.requireNonNull(severity, "severity");
            w.run(() -> {
                if (t.run == run && !t.gone) {
                    w.telemetry.engineLog(t, severity, component, message);
                }
            });
        }

        @Override
        public String toString() {
            return "ReplicationContext[" + t.arn + ", run " + run + "]";
        }
    }
}
