package io.dmskit.core.internal;

import io.dmskit.core.exception.DmsKitException;
import io.dmskit.core.exception.WaitTimeoutException;
import io.dmskit.core.provision.ProgressEvent;
import io.dmskit.core.provision.ProgressListener;
import io.dmskit.core.provision.ResourceKind;
import io.dmskit.core.provision.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a graph of {@link Node}s: every node whose dependencies are done acts (in parallel, bounded by the pool),
 * then all waiting nodes are polled together, <b>one Describe call per resource type per round</b>, so a pipeline
 * of 50 tasks costs the same polling as one. Rounds without progress sleep for the poll interval through the
 * injected {@link Sleeper}. Transitional states are waited through; a wait fails only on a real failure state or
 * at its timeout.
 */
final class Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger("io.dmskit.core.provision");
    private static final Duration HEARTBEAT = Duration.ofSeconds(60);

    private final StateReader reader;
    private final ExecutorService pool;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ProgressListener listener;
    private final Duration pollInterval;
    private final Duration maxPollInterval;
    private final Duration timeout;
    private final Duration serverlessTimeout;

    /**
     * @param reader describes resources
     * @param pool runs actions in parallel
     * @param clock time source
     * @param sleeper waits between rounds
     * @param listener progress listener
     * @param pollInterval time between polls
     * @param maxPollInterval longest time between polls: rounds without progress stretch the interval by 1.5 up to it
     * @param timeout maximum time of one wait
     * @param serverlessTimeout maximum time of one wait of a DMS Serverless replication (provisioning is long)
     */
    Reconciler(StateReader reader, ExecutorService pool, Clock clock, Sleeper sleeper, ProgressListener listener,
                      Duration pollInterval, Duration maxPollInterval, Duration timeout, Duration serverlessTimeout) {
        this.reader = reader;
        this.pool = pool;
        this.clock = clock;
        this.sleeper = sleeper;
        this.listener = listener;
        this.pollInterval = pollInterval;
        this.maxPollInterval = maxPollInterval.compareTo(pollInterval) < 0 ? pollInterval : maxPollInterval;
        this.timeout = timeout;
        this.serverlessTimeout = serverlessTimeout;
    }

    /**
     * Runs every node to completion.
     *
     * @param nodes the nodes (dependencies among them)
     * @throws DmsKitException the first failure (others attached as suppressed)
     */
    void run(List<Node> nodes) {
        if (nodes.isEmpty()) {
            return;
        }
        Instant start = clock.instant();
        for (Node n : nodes) {
            n.status = Node.Status.BLOCKED;
        }
        List<RuntimeException> failures = new ArrayList<>();
        Duration idleSleep = pollInterval;
        while (true) {
            boolean progress = false;
            // 1. unblock
            for (Node n : nodes) {
                if (n.status == Node.Status.BLOCKED && n.deps.stream().allMatch(d -> d.status == Node.Status.DONE)) {
                    n.status = Node.Status.READY;
                    n.nodeStarted = clock.instant();
                }
            }
            // 2. act
            List<Node> ready = failures.isEmpty()
                ? nodes.stream().filter(n -> n.status == Node.Status.READY).toList() : List.of();
            if (!ready.isEmpty()) {
                progress = true;
                List<Callable<Void>> actions = new ArrayList<>();
                for (Node n : ready) {
                    actions.add(() -> {
                        act(n);
                        return null;
                    });
                }
                List<Future<Void>> futures;
                try {
                    futures = pool.invokeAll(actions);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DmsKitException("interrupted", e);
                }
                for (int i = 0; i < futures.size(); i++) {
                    try {
                        Concurrency.await(futures.get(i));
                    } catch (RuntimeException e) {
                        ready.get(i).status = Node.Status.FAILED;
                        failures.add(e);
                    }
                }
            }
            // 3. poll
            if (failures.isEmpty()) {
                progress |= poll(nodes, failures);
            }
            if (!failures.isEmpty()) {
                RuntimeException first = failures.get(0);
                for (int i = 1; i < failures.size(); i++) {
                    first.addSuppressed(failures.get(i));
                }
                LOG.info("stopping after a failure; done: {}", nodes.stream()
                    .filter(n -> n.status == Node.Status.DONE).map(n -> n.key).toList());
                throw first;
            }
            if (nodes.stream().allMatch(n -> n.status == Node.Status.DONE)) {
                LOG.debug("all {} nodes done in {}", nodes.size(), Duration.between(start, clock.instant()));
                return;
            }
            if (progress || anyStateChanged) {
                idleSleep = pollInterval;
                anyStateChanged = false;
            }
            if (!progress) {
                Duration nap = idleSleep;
                idleSleep = min(Duration.ofMillis((long) (idleSleep.toMillis() * 1.5)), maxPollInterval);
                try {
                    sleeper.sleep(nap);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DmsKitException("interrupted while waiting", e);
                }
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private volatile boolean anyStateChanged;

    private void act(Node n) {
        n.current = n.steps.poll();
        if (n.current == null) {
            n.status = Node.Status.DONE;
            return;
        }
        n.stepStarted = clock.instant();
        n.seenActive = false;
        String state = null;
        if (n.current.action() != null) {
            state = n.current.action().get();
        }
        if (state != null) {
            transition(n, state);
        }
        if (n.current.until() == null) {
            finishStep(n);
        } else {
            n.status = Node.Status.WAITING;
        }
    }

    private void finishStep(Node n) {
        n.status = n.steps.isEmpty() ? Node.Status.DONE : Node.Status.READY;
        if (n.status == Node.Status.DONE) {
            LOG.debug("{} done after {}", n.key, Duration.between(n.nodeStarted, clock.instant()));
        }
    }

    private boolean poll(List<Node> nodes, List<RuntimeException> failures) {
        Map<ResourceKind, List<Node>> waiting = new EnumMap<>(ResourceKind.class);
        for (Node n : nodes) {
            if (n.status == Node.Status.WAITING) {
                waiting.computeIfAbsent(n.kind, k -> new ArrayList<>()).add(n);
            }
        }
        boolean progress = false;
        for (Map.Entry<ResourceKind, List<Node>> e : waiting.entrySet()) {
            List<String> ids = e.getValue().stream().map(n -> n.id).distinct().toList();
            Map<String, Seen> found = describe(e.getKey(), ids);
            for (Node n : e.getValue()) {
                Seen seen = found.get(n.id.toLowerCase(Locale.ROOT));
                Object r = seen == null ? null : seen.resource();
                String state = seen == null ? "(not found)" : seen.state();
                transition(n, state);
                Step.Outcome o = n.current.until().apply(new Step.Probe(r, state, n.seenActive, n.stepStarted));
                if (o instanceof Step.Done) {
                    progress = true;
                    finishStep(n);
                } else if (o instanceof Step.Fail f) {
                    n.status = Node.Status.FAILED;
                    failures.add(f.error());
                } else {
                    heartbeat(n, state);
                    Duration waited = Duration.between(n.stepStarted, clock.instant());
                    if (waited.compareTo(n.kind == ResourceKind.REPLICATION_CONFIG ? serverlessTimeout : timeout) > 0) {
                        n.status = Node.Status.FAILED;
                        failures.add(new WaitTimeoutException(n.kind + " '" + n.id + "'", n.current.operation(),
                            n.current.wanted(), state, waited));
                    }
                }
            }
        }
        return progress;
    }

    /** One INFO line a minute for a long wait without state changes, so that a person sees it is alive. */
    private void heartbeat(Node n, String state) {
        Instant now = clock.instant();
        if (n.lastReport == null) {
            n.lastReport = now;
            return;
        }
        if (Duration.between(n.lastReport, now).compareTo(HEARTBEAT) >= 0) {
            n.lastReport = now;
            LOG.info("{} '{}' ({}): still {} after {}s, waiting for {}", n.kind, n.id, n.current.operation(), state,
                Duration.between(n.stepStarted, now).toSeconds(), n.current.wanted());
        }
    }

    /** A resource as described, with its state text. */
    private record Seen(Object resource, String state) {
    }

    private Map<String, Seen> describe(ResourceKind kind, List<String> ids) {
        Map<String, Seen> out = new HashMap<>();
        switch (kind) {
            case SUBNET_GROUP -> reader.subnetGroups(ids).forEach(g -> out.put(
                g.replicationSubnetGroupIdentifier().toLowerCase(Locale.ROOT), new Seen(g, Observed.stateOf(g))));
            case REPLICATION_INSTANCE -> reader.instances(ids).forEach(i -> out.put(
                i.replicationInstanceIdentifier().toLowerCase(Locale.ROOT), new Seen(i, i.replicationInstanceStatus())));
            case ENDPOINT -> reader.endpoints(ids).forEach(x -> out.put(x.endpointIdentifier().toLowerCase(Locale.ROOT),
                new Seen(x, Observed.stateOf(x))));
            case REPLICATION_TASK -> reader.tasks(ids, true).forEach(t -> out.put(
                t.replicationTaskIdentifier().toLowerCase(Locale.ROOT), new Seen(t, t.status())));
            case REPLICATION_CONFIG -> {
                Map<String, software.amazon.awssdk.services.databasemigration.model.Replication> runs = new HashMap<>();
                reader.replications(ids).forEach(r -> runs.put(r.replicationConfigArn(), r));
                reader.configs(ids).forEach(c -> {
                    ConfigView v = new ConfigView(c, runs.get(c.replicationConfigArn()));
                    out.put(c.replicationConfigIdentifier().toLowerCase(Locale.ROOT), new Seen(v, v.state()));
                });
            }
            case SECRET -> {
                for (String id : ids) {
                    reader.secret(id).ifPresent(s -> out.put(id.toLowerCase(Locale.ROOT), new Seen(s, "present")));
                }
            }
        }
        return out;
    }

    private void transition(Node n, String state) {
        if (state == null || state.equals(n.lastState)) {
            return;
        }
        String old = n.lastState;
        n.lastState = state;
        anyStateChanged = true;
        n.lastReport = clock.instant();
        if (!"(not found)".equals(state)) {
            n.seenActive = true;
        }
        Duration elapsed = Duration.between(n.stepStarted == null ? clock.instant() : n.stepStarted, clock.instant());
        String op = n.current == null ? "" : n.current.operation();
        if (old == null && transitional(state)) {
            // the first state seen is where the step starts, not a change: the change follows at INFO
            LOG.debug("{} '{}' ({}): {} [{}s]", n.kind, n.id, op, state, elapsed.toSeconds());
        } else {
            LOG.info("{} '{}' ({}): {}{} [{}s]", n.kind, n.id, op, old == null ? "" : old + " -> ", state,
                elapsed.toSeconds());
        }
        try {
            listener.onProgress(new ProgressEvent(n.kind, n.id, op, old, state, elapsed, clock.instant()));
        } catch (RuntimeException e) {
            LOG.warn("progress listener failed: {}", e.toString());
        }
    }

    /** A state DMS passes through on its way to another (creating, modifying, starting...), but not "running". */
    private static boolean transitional(String state) {
        return state.endsWith("ing") && !"running".equals(state);
    }
}
