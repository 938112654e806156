package io.dmskit.core.internal;

import io.dmskit.core.exception.ChangeNotAllowedException;
import io.dmskit.core.exception.DmsKitException;
import io.dmskit.core.Pipeline;
import io.dmskit.core.internal.Planner.Planned;
import io.dmskit.core.provision.ApplyPolicy;
import io.dmskit.core.provision.ApplyResult;
import io.dmskit.core.provision.ChangeAction;
import io.dmskit.core.provision.FieldDiff;
import io.dmskit.core.provision.Plan;
import io.dmskit.core.provision.ResourceChange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a pipeline: plans, refuses before any change what the policy does not allow, then runs the
 * {@link ApplyGraph} through the {@link Reconciler}.
 */
final class Applier {

    private static final Logger LOG = LoggerFactory.getLogger("io.dmskit.core.provision");

    private final Context ctx;
    private final Planner planner;
    private final ApplyGraph graph;

    Applier(Context ctx, Planner planner, ApplyGraph graph) {
        this.ctx = ctx;
        this.planner = planner;
        this.graph = graph;
    }

    /**
     * @param p pipeline
     * @param policy what apply may do
     * @return the result
     * @throws ChangeNotAllowedException before any change, when the policy does not allow a needed change
     */
    ApplyResult apply(Pipeline p, ApplyPolicy policy) {
        Instant start = ctx.clock().instant();
        long callsBefore = ctx.aws().calls();
        long mutationsBefore = ctx.aws().mutatingCalls();
        Planned planned = planner.plan(p);
        Plan plan = planned.plan();
        checkPolicy(planned.items(), policy);
        LOG.info("apply pipeline '{}': {}", p.name(), plan.hasChanges() ? plan.summary().toString() : "no changes");
        Arns arns = new Arns();
        for (Item it : planned.items()) {
            String arn = it.actualArn();
            if (arn != null && it.action() != ChangeAction.REPLACE && it.action() != ChangeAction.DELETE) {
                arns.put(it.kind(), it.id(), arn);
            }
        }
        List<ResourceChange> skipped = new ArrayList<>();
        if (!policy.allowDeletes()) {
            for (Removal r : planned.removals()) {
                skipped.add(r.change());
                LOG.warn("{} is no longer in pipeline '{}': not deleted ({})", r.name(), p.name(),
                    Advice.allow(policy.withAllowDeletes(true)));
            }
        }
        boolean acts = planned.items().stream().anyMatch(it -> it.action() != ChangeAction.NO_OP)
            || policy.allowDeletes() && !planned.removals().isEmpty();
        // a plan without changes is not carried out: no waits for resources DMS is still busy with
        List<Node> nodes = acts ? graph.nodes(p.name(), planned, arns, policy) : List.of();
        try {
            ctx.reconciler().run(nodes);
        } catch (DmsKitException e) {
            ApplyResult partial = result(plan, arns, start, callsBefore, mutationsBefore, skipped, nodes, false);
            LOG.info("apply pipeline '{}' stopped after {}s; finished: {}", p.name(), partial.elapsed().toSeconds(),
                partial.finished());
            throw e.recordPartialOutcome(partial);
        }
        ApplyResult done = result(plan, arns, start, callsBefore, mutationsBefore, skipped, nodes, true);
        if (acts) {
            LOG.info("apply pipeline '{}' finished in {}s", p.name(), done.elapsed().toSeconds());
        } else {
            LOG.debug("apply pipeline '{}' finished in {}s", p.name(), done.elapsed().toSeconds());
        }
        return done;
    }

    private ApplyResult result(Plan plan, Arns arns, Instant start, long callsBefore, long mutationsBefore,
                               List<ResourceChange> skipped, List<Node> nodes, boolean complete) {
        List<String> finished = nodes.stream().filter(n -> n.status == Node.Status.DONE).map(Node::key).toList();
        return new ApplyResult(plan, arns.asMap(), Duration.between(start, ctx.clock().instant()),
            ctx.aws().calls() - callsBefore, ctx.aws().mutatingCalls() - mutationsBefore, skipped, finished,
            complete);
    }

    private static void checkPolicy(List<Item> items, ApplyPolicy policy) {
        List<String> refused = new ArrayList<>();
        for (Item it : items) {
            Decision d = it.decision();
            boolean restart = d.running() && (d.action() == ChangeAction.RESTART
                || d.action() == ChangeAction.REPLACE);
            boolean replace = d.action() == ChangeAction.REPLACE;
            if (replace && d.losesCheckpoint() && !(policy.allowReplace() && policy.discardCheckpoints()
                && (!restart || policy.restartRunningTasks()))) {
                refused.add(it.name() + " must be replaced (" + fields(d) + "): DMS cannot modify a replication "
                    + "config once its replication has started, and deleting it loses the replication's checkpoint"
                    + (restart ? "; its replication is " + d.state() + " and must be stopped" : "") + "; "
                    + Advice.allow(policy.withAllowReplace(true).withDiscardCheckpoints(true)
                        .withRestartRunningTasks(policy.restartRunningTasks() || restart)));
            } else if (replace && !policy.allowReplace()) {
                refused.add(it.name() + " must be replaced (" + fields(d) + ")" + (restart ? " and is " + d.state()
                    : "") + "; " + Advice.allow(policy.withAllowReplace(true)
                        .withRestartRunningTasks(policy.restartRunningTasks() || restart)));
            } else if (restart && !policy.restartRunningTasks()) {
                String what = d.action() == ChangeAction.REPLACE ? "to be replaced"
                    : d.modifiesTask() ? "to apply " + fields(d) : "to pick up its changed endpoint";
                refused.add(it.name() + " is " + d.state() + " and must be stopped " + what + " (stop -> "
                    + (d.action() == ChangeAction.REPLACE ? "replace -> start" : d.modifiesTask()
                        ? "modify -> start" : "start") + "); " + Advice.allow(policy.withRestartRunningTasks(true)));
            }
        }
        if (!refused.isEmpty()) {
            throw new ChangeNotAllowedException(refused);
        }
    }

    private static List<String> fields(Decision d) {
        return d.diffs().stream().map(FieldDiff::field).toList();
    }
}
