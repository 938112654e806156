package io.dmskit.core.internal;

import io.dmskit.core.provision.ResourceKind;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** One resource's work in a {@link Reconciler} run: a sequence of steps, after the nodes it depends on. */
final class Node {

    enum Status { BLOCKED, READY, WAITING, DONE, FAILED }

    final String key;
    final ResourceKind kind;
    final String id;
    final List<Node> deps = new ArrayList<>();
    final Deque<Step> steps = new ArrayDeque<>();
    Status status = Status.BLOCKED;
    Step current;
    Instant stepStarted;
    Instant nodeStarted;
    String lastState;
    boolean seenActive;
    Instant lastReport;

    /**
     * @param kind resource kind
     * @param id identifier
     * @param phase distinguishes two nodes of one resource (e.g. delete and create of a replacement)
     */
    public Node(ResourceKind kind, String id, String phase) {
        this.kind = kind;
        this.id = id;
        this.key = kind.name() + ":" + id.toLowerCase(java.util.Locale.ROOT) + (phase == null ? "" : "#" + phase);
    }

    /**
     * @param step appended step
     * @return this node
     */
    public Node then(Step step) {
        steps.add(step);
        return this;
    }

    /**
     * @param dep a node that must finish first (ignored when null)
     * @return this node
     */
    public Node after(Node dep) {
        if (dep != null && dep != this && !deps.contains(dep)) {
            deps.add(dep);
        }
        return this;
    }

    /** @return the key */
    public String key() {
        return key;
    }

    @Override
    public String toString() {
        return key + "[" + status + "]";
    }
}
