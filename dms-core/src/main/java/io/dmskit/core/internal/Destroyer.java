package io.dmskit.core.internal;

import io.dmskit.core.Endpoint;
import io.dmskit.core.Pipeline;
import io.dmskit.core.ReplicationInstance;
import io.dmskit.core.ReplicationSubnetGroup;
import io.dmskit.core.ReplicationTask;
import io.dmskit.core.provision.ChangeAction;
import io.dmskit.core.provision.DestroyOptions;
import io.dmskit.core.provision.Plan;
import io.dmskit.core.provision.ResourceChange;
import io.dmskit.core.provision.ResourceKind;
import io.dmskit.model.TaskStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes a pipeline's resources in the reverse order of their creation: tasks and replication configs (stopped
 * first), then endpoints and
 * instances, then subnet groups, and managed secrets only on request.
 */
final class Destroyer {

    private static final Logger LOG = LoggerFactory.getLogger("io.dmskit.core.provision");

    private final Context ctx;
    private final Steps steps;

    Destroyer(Context ctx, Steps steps) {
        this.ctx = ctx;
        this.steps = steps;
    }

    /**
     * @param p pipeline
     * @param options what happens to managed secrets
     * @return exactly what {@link #destroy} with the same options deletes, in order
     */
    Plan plan(Pipeline p, DestroyOptions options) {
        Observed o = ctx.reader().read(p, ctx.pool());
        List<ResourceChange> changes = new ArrayList<>();
        for (ReplicationTask t : p.tasks()) {
            o.task(t.identifier()).ifPresent(a -> {
                TaskStatus s = TaskStatus.parse(a.status()).orElse(null);
                changes.add(delete(ResourceKind.REPLICATION_TASK, t.identifier(), a.status(), stopsFirst(s)
                    ? List.of("the task is " + a.status() + ": stopped first") : s == TaskStatus.DELETING
                    ? List.of("already being deleted: waits until it is gone") : List.of()));
            });
        }
        for (io.dmskit.core.ReplicationConfig c : p.replicationConfigs()) {
            o.config(c.identifier()).ifPresent(a -> {
                String state = o.replication(a.replicationConfigArn()).map(r -> r.status()).orElse("created");
                changes.add(delete(ResourceKind.REPLICATION_CONFIG, c.identifier(), state, ConfigPlanner.runs(state)
                    ? List.of("the replication is " + state + ": stopped first") : List.of()));
            });
        }
        for (Endpoint e : p.endpoints()) {
            o.endpoint(e.identifier()).ifPresent(a -> changes.add(delete(ResourceKind.ENDPOINT, e.identifier(),
                Observed.stateOf(a), List.of())));
        }
        for (ReplicationInstance i : p.instances()) {
            o.instance(i.identifier()).ifPresent(a -> changes.add(delete(ResourceKind.REPLICATION_INSTANCE,
                i.identifier(), a.replicationInstanceStatus(), List.of())));
        }
        for (ReplicationSubnetGroup g : p.subnetGroups()) {
            o.subnetGroup(g.identifier()).ifPresent(a -> changes.add(delete(ResourceKind.SUBNET_GROUP, g.identifier(),
                Observed.stateOf(a), List.of())));
        }
        for (Map.Entry<String, Observed.SecretState> s : o.secrets.entrySet()) {
            boolean scheduled = s.getValue().scheduledForDeletion();
            String state = scheduled ? "scheduled for deletion" : "present";
            if (!options.deletesManagedSecrets()) {
                changes.add(new ResourceChange(ResourceKind.SECRET, s.getKey(), ChangeAction.NO_OP, state, List.of(),
                    List.of("kept: managed secrets are deleted only with " + Advice.deleteSecrets())));
            } else if (scheduled) {
                changes.add(new ResourceChange(ResourceKind.SECRET, s.getKey(), ChangeAction.NO_OP, state, List.of(),
                    List.of("already scheduled for deletion: left as it is")));
            } else {
                changes.add(delete(ResourceKind.SECRET, s.getKey(), state, List.of(options.forceDeleteWithoutRecovery()
                    ? "deleted without recovery (ForceDeleteWithoutRecovery)"
                    : "deleted with a recovery window of " + options.recoveryWindowInDays().getAsInt() + " days")));
            }
        }
        return new Plan(p.name(), changes);
    }

    /** @return whether destroy stops the task before deleting it */
    private static boolean stopsFirst(TaskStatus s) {
        return s == TaskStatus.RUNNING || s == TaskStatus.STARTING || s == TaskStatus.STOPPING;
    }

    private static ResourceChange delete(ResourceKind kind, String id, String state, List<String> notes) {
        return new ResourceChange(kind, id, ChangeAction.DELETE, state, List.of(), notes);
    }

    /**
     * @param p pipeline
     * @param options what happens to managed secrets
     * @return what was deleted (kind:identifier)
     */
    List<String> destroy(Pipeline p, DestroyOptions options) {
        Observed o = ctx.reader().read(p, ctx.pool());
        List<Node> taskNodes = new ArrayList<>();
        List<Node> middle = new ArrayList<>();
        List<Node> all = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        for (ReplicationTask t : p.tasks()) {
            o.task(t.identifier()).ifPresent(a -> {
                String name = ResourceKind.REPLICATION_TASK + " '" + t.identifier() + "'";
                Node n = new Node(ResourceKind.REPLICATION_TASK, t.identifier(), "destroy");
                TaskStatus s = TaskStatus.parse(a.status()).orElse(null);
                if (stopsFirst(s)) {
                    n.then(steps.stop(name, a.replicationTaskArn()));
                }
                n.then(s != TaskStatus.DELETING ? steps.delete(Deletable.REPLICATION_TASK, name, a.replicationTaskArn())
                    : Steps.awaitGone());
                taskNodes.add(n);
                deleted.add(Item.key(ResourceKind.REPLICATION_TASK, t.identifier()));
            });
        }
        ConfigSteps configSteps = new ConfigSteps(ctx, steps);
        for (io.dmskit.core.ReplicationConfig c : p.replicationConfigs()) {
            o.config(c.identifier()).ifPresent(a -> {
                String name = ResourceKind.REPLICATION_CONFIG + " '" + c.identifier() + "'";
                Node n = new Node(ResourceKind.REPLICATION_CONFIG, c.identifier(), "destroy");
                String state = o.replication(a.replicationConfigArn()).map(r -> r.status()).orElse("created");
                if (ConfigPlanner.runs(state)) {
                    n.then(configSteps.stop(name, a.replicationConfigArn()));
                }
                n.then(steps.delete(Deletable.REPLICATION_CONFIG, name, a.replicationConfigArn()));
                taskNodes.add(n);
                deleted.add(Item.key(ResourceKind.REPLICATION_CONFIG, c.identifier()));
            });
        }
        for (Endpoint e : p.endpoints()) {
            o.endpoint(e.identifier()).ifPresent(a -> {
                Node n = new Node(ResourceKind.ENDPOINT, e.identifier(), "destroy").then(steps.delete(
                    Deletable.ENDPOINT, ResourceKind.ENDPOINT + " '" + e.identifier() + "'", a.endpointArn()));
                taskNodes.forEach(n::after);
                middle.add(n);
                deleted.add(Item.key(ResourceKind.ENDPOINT, e.identifier()));
            });
        }
        List<Node> instanceNodes = new ArrayList<>();
        for (ReplicationInstance i : p.instances()) {
            o.instance(i.identifier()).ifPresent(a -> {
                Node n = new Node(ResourceKind.REPLICATION_INSTANCE, i.identifier(), "destroy").then(steps.delete(
                    Deletable.REPLICATION_INSTANCE, ResourceKind.REPLICATION_INSTANCE + " '" + i.identifier() + "'",
                    a.replicationInstanceArn()));
                taskNodes.forEach(n::after);
                instanceNodes.add(n);
                deleted.add(Item.key(ResourceKind.REPLICATION_INSTANCE, i.identifier()));
            });
        }
        List<Node> groupNodes = new ArrayList<>();
        for (ReplicationSubnetGroup g : p.subnetGroups()) {
            o.subnetGroup(g.identifier()).ifPresent(a -> {
                Node n = new Node(ResourceKind.SUBNET_GROUP, g.identifier(), "destroy").then(new Step("delete", () -> {
                    steps.tolerateState("DeleteReplicationSubnetGroup", g.identifier(), () -> ctx.dms()
                        .deleteReplicationSubnetGroup(b -> b.replicationSubnetGroupIdentifier(g.identifier())));
                    return "deleting";
                }, Waits.gone(), "deleted"));
                instanceNodes.forEach(n::after);
                taskNodes.forEach(n::after);
                groupNodes.add(n);
                deleted.add(Item.key(ResourceKind.SUBNET_GROUP, g.identifier()));
            });
        }
        all.addAll(taskNodes);
        all.addAll(middle);
        all.addAll(instanceNodes);
        all.addAll(groupNodes);
        if (options.deletesManagedSecrets()) {
            for (Map.Entry<String, Observed.SecretState> s : o.secrets.entrySet()) {
                if (s.getValue().scheduledForDeletion()) {
                    continue;
                }
                Node n = new Node(ResourceKind.SECRET, s.getKey(), "destroy").then(deleteSecret(s.getKey(),
                    s.getValue().arn(), options));
                middle.forEach(n::after);
                all.add(n);
                deleted.add(Item.key(ResourceKind.SECRET, s.getKey()));
            }
        }
        LOG.info("destroy pipeline '{}': {} resources", p.name(), deleted.size());
        ctx.reconciler().run(all);
        return deleted;
    }

    private Step deleteSecret(String name, String arn, DestroyOptions options) {
        return new Step("delete", () -> {
            ctx.aws().call("DeleteSecret", name, () -> ctx.secrets().deleteSecret(b -> {
                b.secretId(arn);
                if (options.forceDeleteWithoutRecovery()) {
                    b.forceDeleteWithoutRecovery(true);
                } else {
                    b.recoveryWindowInDays((long) options.recoveryWindowInDays().getAsInt());
                }
            }));
            return "deleted";
        }, null, "deleted");
    }
}
