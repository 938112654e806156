package io.dmskit.core.internal;

import io.dmskit.core.exception.ChangeNotAllowedException;
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
                LOG.warn("{} is no longer in pipeline '{}': not deleted (allow it with "
                    + "ApplyPolicy.withAllowDeletes(true))", r.name(), p.name());
            }
        }
        ctx.reconciler().run(graph.nodes(p.name(), planned, arns, policy));
        Duration elapsed = Duration.between(start, ctx.clock().instant());
        LOG.info("apply pipeline '{}' finished in {}s", p.name(), elapsed.toSeconds());
        return new ApplyResult(plan, arns.asMap(), elapsed, ctx.aws().calls() - callsBefore,
            ctx.aws().mutatingCalls() - mutationsBefore, skipped);
    }

    private static void checkPolicy(List<Item> items, ApplyPolicy policy) {
        List<String> refused = new ArrayList<>();
        for (Item it : items) {
            Decision d = it.decision();
            if (d.action() == ChangeAction.REPLACE && !policy.allowReplace()) {
                refused.add(it.name() + " must be replaced (" + fields(d) + "); allow it with "
                    + "ApplyPolicy.withAllowReplace(true)");
            }
            if (d.running() && ((d.action() == ChangeAction.MODIFY && !d.tagsOnly())
                || d.action() == ChangeAction.RESTART) && !policy.restartRunningTasks()) {
                refused.add(it.name() + " is " + d.state() + " and must be stopped to apply " + fields(d)
                    + "; allow stop -> modify -> resume with ApplyPolicy.withRestartRunningTasks(true)");
            }
            if (d.running() && d.action() == ChangeAction.REPLACE && policy.allowReplace()
                && !policy.restartRunningTasks()) {
                refused.add(it.name() + " is running and must be stopped to be replaced; allow it with "
                    + "ApplyPolicy.withRestartRunningTasks(true)");
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
