package io.dmskit.core.internal;

import io.dmskit.core.internal.Planner.Planned;
import io.dmskit.core.provision.ApplyPolicy;
import io.dmskit.core.provision.ChangeAction;
import io.dmskit.core.provision.ResourceKind;
import io.dmskit.core.serverless.ReplicationStart;
import io.dmskit.core.task.StartType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a plan into the {@link Node}s the {@link Reconciler} runs: one node per resource that changes, one more for
 * the deletion of a resource being replaced, and the order among them. A resource waits for what it refers to; the
 * old version of a resource being replaced is deleted only after the old versions of what uses it; resources the
 * pipeline no longer defines are deleted tasks first.
 */
final class ApplyGraph {

    private final ChangeSteps changes;
    private final Steps steps;

    ApplyGraph(ChangeSteps changes, Steps steps) {
        this.changes = changes;
        this.steps = steps;
    }

    /**
     * @param pipeline the pipeline's name
     * @param planned the plan
     * @param arns ARNs known so far (filled in as resources are created)
     * @param policy what apply may do
     * @return the nodes, in plan order
     */
    List<Node> nodes(String pipeline, Planned planned, Arns arns, ApplyPolicy policy) {
        Map<String, Node> main = new LinkedHashMap<>();
        Map<String, Node> deletes = new LinkedHashMap<>();
        List<Node> all = new ArrayList<>();
        List<Node> replacedTasks = new ArrayList<>();
        for (Item it : planned.items()) {
            if (it.action() == ChangeAction.REPLACE && it instanceof Item.Replaceable r) {
                Node del = deletion(r);
                deletes.put(it.key(), del);
                all.add(del);
                if (r.deletable() == Deletable.REPLICATION_TASK || r.deletable() == Deletable.REPLICATION_CONFIG) {
                    replacedTasks.add(del);
                }
            }
            List<Step> work = mainSteps(it, pipeline, arns, policy);
            if (!work.isEmpty()) {
                Node n = new Node(it.kind(), it.id(), null);
                work.forEach(n::then);
                main.put(it.key(), n);
                all.add(n);
            }
        }
        List<Node> removedTasks = new ArrayList<>();
        List<Node> removedOthers = new ArrayList<>();
        if (policy.allowDeletes()) {
            for (Removal r : planned.removals()) {
                Node del = removal(r);
                (r.resource().type() == Deletable.REPLICATION_TASK || r.resource().type() == Deletable.REPLICATION_CONFIG
                    ? removedTasks : removedOthers).add(del);
                all.add(del);
            }
        }
        // removed endpoints and instances go after removed tasks and after tasks deleted to be replaced
        for (Node n : removedOthers) {
            removedTasks.forEach(n::after);
            replacedTasks.forEach(n::after);
        }
        for (Item it : planned.items()) {
            Node n = main.get(it.key());
            Node del = deletes.get(it.key());
            if (n != null) {
                n.after(del);
            }
            for (String ref : it.refs()) {
                if (n != null) {
                    n.after(main.get(ref));
                }
                // what this resource uses, if replaced too, is deleted only after this resource's old version
                Node refDel = deletes.get(ref);
                if (del != null && refDel != null) {
                    refDel.after(del);
                }
            }
        }
        return all;
    }

    /** @return the steps of the resource's own node; empty when it needs none */
    private List<Step> mainSteps(Item it, String pipeline, Arns arns, ApplyPolicy policy) {
        Decision d = it.decision();
        return switch (d.action()) {
            case CREATE -> List.of(changes.create(it, pipeline, arns));
            case REPLACE -> {
                List<Step> out = new ArrayList<>(List.of(changes.create(it, pipeline, arns)));
                if (d.running() && policy.restartRunningTasks()) {
                    // it was running: the replacement starts from scratch (nothing to resume from)
                    out.add(it.kind() == ResourceKind.REPLICATION_CONFIG
                        ? changes.configs().start(it.name(), () -> arns.require(it.kind(), it.id()),
                            StartType.START_REPLICATION, ReplicationStart.natural())
                        : steps.start(it.name(), () -> arns.require(it.kind(), it.id()), StartType.START_REPLICATION));
                }
                yield out;
            }
            case MODIFY -> {
                List<Step> out = new ArrayList<>();
                if (!d.tagsOnly()) {
                    out.addAll(changes.modify(it, arns));
                } else if (d.settle()) {
                    out.add(changes.settle(it));
                }
                if (d.changesTags()) {
                    out.add(changes.tags(it));
                }
                yield out;
            }
            case RESTART -> {
                // a running task being modified is stopped, modified and started again by its modify steps
                List<Step> out = new ArrayList<>(d.modifiesTask() ? changes.modify(it, arns)
                    : it.kind() == ResourceKind.REPLICATION_CONFIG
                    ? List.of(changes.configs().stop(it.name(), it.actualArn()), changes.configs().start(it.name(),
                        it::actualArn, d.restartType(), ReplicationStart.natural()))
                    : List.of(steps.stop(it.name(), it.actualArn()),
                        steps.start(it.name(), it.actualArn(), d.restartType())));
                if (d.changesTags()) {
                    out.add(changes.tags(it));
                }
                yield out;
            }
            case NO_OP -> d.settle() ? List.of(changes.settle(it)) : List.of();
            // a defined resource is never deleted: resources the pipeline no longer defines are Removals
            case DELETE -> List.of();
        };
    }

    /** @return the node that deletes the old version of a resource being replaced (a running task is stopped first) */
    private Node deletion(Item.Replaceable it) {
        Node del = new Node(it.kind(), it.id(), "delete");
        if (it.decision().running()) {
            del.then(it.deletable() == Deletable.REPLICATION_CONFIG ? changes.configs().stop(it.name(), it.actualArn())
                : steps.stop(it.name(), it.actualArn()));
        }
        return del.then(steps.delete(it.deletable(), it.name(), it.actualArn()));
    }

    /** @return the node that deletes a resource the pipeline no longer defines (a running task is stopped first) */
    private Node removal(Removal r) {
        Observed.Removed res = r.resource();
        Node del = new Node(res.type().kind(), res.id(), "delete");
        if (r.decision().running()) {
            del.then(res.type() == Deletable.REPLICATION_CONFIG ? changes.configs().stop(r.name(), res.arn())
                : steps.stop(r.name(), res.arn()));
        }
        if ("deleting".equalsIgnoreCase(res.state())) {
            del.then(Steps.awaitGone());
        } else {
            del.then(steps.delete(res.type(), r.name(), res.arn()));
        }
        return del;
    }
}
