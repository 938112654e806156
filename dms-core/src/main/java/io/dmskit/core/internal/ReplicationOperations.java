package io.dmskit.core.internal;

import io.dmskit.core.exception.DmsApiException;
import io.dmskit.core.exception.ResourceFailedException;
import io.dmskit.core.exception.WaitTimeoutException;
import io.dmskit.core.provision.ProgressEvent;
import io.dmskit.core.provision.ResourceKind;
import io.dmskit.core.serverless.ReplicationStart;
import io.dmskit.core.serverless.ReplicationState;
import io.dmskit.core.task.MigrationType;
import io.dmskit.core.task.StartType;
import io.dmskit.core.task.TableRef;
import io.dmskit.model.StopReason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.databasemigration.model.Replication;
import software.amazon.awssdk.services.databasemigration.model.TableToReload;

/** Operates DMS Serverless replications by config identifier: describe, start, stop, reload tables, wait. */
final class ReplicationOperations {

    private static final Logger LOG = LoggerFactory.getLogger("io.dmskit.core.provision");

    private final Context ctx;
    private final ConfigSteps steps;

    ReplicationOperations(Context ctx, Steps steps) {
        this.ctx = ctx;
        this.steps = new ConfigSteps(ctx, steps);
    }

    /**
     * @param configId replication config identifier
     * @return its state, empty when the config does not exist
     */
    Optional<ReplicationState> describe(String configId) {
        var config = ctx.reader().configs(List.of(configId)).stream().findFirst();
        if (config.isEmpty()) {
            return Optional.empty();
        }
        Replication r = ctx.reader().replications(List.of(configId)).stream().findFirst().orElse(null);
        return Optional.of(state(config.get(), r));
    }

    static ReplicationState state(software.amazon.awssdk.services.databasemigration.model.ReplicationConfig c,
                                  Replication r) {
        if (r == null) {
            return new ReplicationState(c.replicationConfigIdentifier(), c.replicationConfigArn(),
                ReplicationState.NEVER_STARTED, null, null, null, List.of(), null, null, null,
                MigrationType.fromWire(c.replicationTypeAsString()));
        }
        var stats = r.replicationStats();
        Instant started = stats == null ? null : stats.startDate();
        StartType type = null;
        for (StartType t : StartType.values()) {
            if (t.wireValue().equalsIgnoreCase(r.startReplicationType())) {
                type = t;
            }
        }
        return new ReplicationState(c.replicationConfigIdentifier(), c.replicationConfigArn(), r.status(),
            r.provisionData() == null ? null : r.provisionData().provisionState(),
            r.provisionData() == null ? null : r.provisionData().provisionedCapacityUnits(),
            StopReason.parse(r.stopReason()).orElse(null), r.hasFailureMessages() ? r.failureMessages() : List.of(),
            started, type, stats == null ? null : stats.fullLoadProgressPercent(),
            MigrationType.fromWire(r.replicationTypeAsString() != null ? r.replicationTypeAsString()
                : c.replicationTypeAsString()));
    }

    private ReplicationState require(String configId, String operation) {
        return describe(configId).orElseThrow(() -> new DmsApiException("replication config '" + configId
            + "' does not exist", configId, operation, "ResourceNotFoundFault", null, null, null));
    }

    private static String name(String configId) {
        return ResourceKind.REPLICATION_CONFIG + " '" + configId + "'";
    }

    /**
     * Starts replications (in parallel) and waits through provisioning until they run; one that runs already is
     * left alone.
     *
     * @param configIds replication configs
     * @param start how they start (a null type: from each one's history)
     * @return the start type used per config
     */
    Map<String, StartType> start(List<String> configIds, ReplicationStart start) {
        Map<String, StartType> used = new LinkedHashMap<>();
        List<Node> nodes = new ArrayList<>();
        for (String id : configIds) {
            ReplicationState s = require(id, "start");
            if (s.isRunning()) {
                LOG.info("replication config '{}' is already {}", id, s.status());
                continue;
            }
            StartType t = start.startType().orElse(s.naturalStartType());
            used.put(id, t);
            Node n = new Node(ResourceKind.REPLICATION_CONFIG, id, "start");
            if (s.isStopping()) {
                n.then(new Step("settle", null, ConfigWaits.stopped(name(id), "settle"), "stopped"));
            }
            nodes.add(n.then(steps.start(name(id), s::configArn, t, start)));
        }
        ctx.reconciler().run(nodes);
        return used;
    }

    /**
     * Stops replications (in parallel) and waits until they stopped; one that does not run is stopped already.
     *
     * @param configIds replication configs
     */
    void stop(List<String> configIds) {
        List<Node> nodes = new ArrayList<>();
        for (String id : configIds) {
            ReplicationState s = require(id, "stop");
            if (!s.isRunning() && !s.isStopping()) {
                LOG.info("replication config '{}' is {}: nothing to stop", id, s.status());
                continue;
            }
            nodes.add(new Node(ResourceKind.REPLICATION_CONFIG, id, "stop").then(steps.stop(name(id), s.configArn())));
        }
        ctx.reconciler().run(nodes);
    }

    /**
     * @param configId replication config
     * @param tables tables to reload
     * @param validateOnly reload validation only
     */
    void reload(String configId, List<TableRef> tables, boolean validateOnly) {
        ReplicationState s = require(configId, "reload");
        List<TableToReload> list = tables.stream().map(t -> TableToReload.builder().schemaName(t.schema())
            .tableName(t.table()).build()).toList();
        ctx.aws().call("ReloadReplicationTables", configId, () -> ctx.dms().reloadReplicationTables(b -> b
            .replicationConfigArn(s.configArn()).tablesToReload(list)
            .reloadOption(validateOnly ? "validate-only" : "data-reload")));
        LOG.info("replication config '{}': reload of {} requested", configId, tables);
    }

    /**
     * @param configId replication config
     * @param wanted the state waited for
     * @param description what is waited for, for messages
     * @param waitTimeout timeout
     * @return the state reached
     * @throws ResourceFailedException when the replication fails
     * @throws WaitTimeoutException at the timeout, naming the last state seen
     */
    ReplicationState await(String configId, Predicate<ReplicationState> wanted, String description,
                           Duration waitTimeout) {
        Instant start = ctx.clock().instant();
        String last = null;
        while (true) {
            Optional<ReplicationState> s = describe(configId);
            String now = s.map(ReplicationOperations::text).orElse("(not found)");
            if (!now.equals(last)) {
                LOG.info("replication config '{}' (wait for {}): {}{}", configId, description,
                    last == null ? "" : last + " -> ", now);
                ctx.listener().onProgress(new ProgressEvent(ResourceKind.REPLICATION_CONFIG, configId, "wait", last,
                    now, Duration.between(start, ctx.clock().instant()), ctx.clock().instant()));
                last = now;
            }
            if (s.isPresent() && wanted.test(s.get())) {
                return s.get();
            }
            if (s.isPresent() && s.get().isFailed()) {
                throw new ResourceFailedException(name(configId), "wait", s.get().status(),
                    s.get().stopReason() == null ? null : s.get().stopReason().name(),
                    s.get().lastFailureMessage().orElse(null));
            }
            Duration waited = Duration.between(start, ctx.clock().instant());
            if (waited.compareTo(waitTimeout) > 0) {
                throw new WaitTimeoutException(name(configId), "wait", description, now, waited);
            }
            ctx.sleep(ctx.pollInterval());
        }
    }

    private static String text(ReplicationState s) {
        return s.provisionState() == null ? s.status() : s.status() + " [" + s.provisionState() + "]";
    }
}
