package io.dmskit.core.internal;

import io.dmskit.core.Endpoint;
import io.dmskit.core.Pipeline;
import io.dmskit.core.ReplicationInstance;
import io.dmskit.core.ReplicationSubnetGroup;
import io.dmskit.core.ReplicationTask;
import io.dmskit.core.provision.ChangeAction;
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
 * Deletes a pipeline's resources in the reverse order of their creation: tasks (stopped first), then endpoints and
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
     * @param deleteSecrets whether managed secrets would be deleted
     * @return what {@link #destroy} would delete, in order
     */
    Plan plan(Pipeline p, boolean deleteSecrets) {
        Observed o = ctx.reader().read(p, ctx.pool());
        List<ResourceChange> changes = new ArrayList<>();
        for (ReplicationTask t : p.tasks()) {
            o.task(t.identifier()).ifPresent(a -> changes.add(delete(ResourceKind.REPLICATION_TASK, t.identifier(),
                a.status(), TaskStatus.parse(a.status()).orElse(null) == TaskStatus.RUNNING ? List.of("stopped first")
                    : List.of())));
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
            changes.add(new ResourceChange(ResourceKind.SECRET, s.getKey(), deleteSecrets && !s.getValue()
                .scheduledForDeletion() ? ChangeAction.DELETE : ChangeAction.NO_OP, "present", List.of(),
                deleteSecrets ? List.of() : List.of("kept (managed secrets are deleted only on request)")));
        }
        return new Plan(p.name(), changes);
    }

    private static ResourceChange delete(ResourceKind kind, String id, String state, List<String> notes) {
        return new ResourceChange(kind, id, ChangeAction.DELETE, state, List.of(), notes);
    }

    /**
     * @param p pipeline
     * @param deleteSecrets also delete managed secrets
     * @param recoveryWindowDays Secrets Manager recovery window (7..30), or 0 to delete at once
     * @return what was deleted (kind:identifier)
     */
    List<String> destroy(Pipeline p, boolean deleteSecrets, int recoveryWindowDays) {
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
                if (s == TaskStatus.RUNNING || s == TaskStatus.STARTING || s == TaskStatus.STOPPING) {
                    n.then(steps.stop(name, a.replicationTaskArn()));
                }
                n.then(s != TaskStatus.DELETING ? steps.delete(Deletable.REPLICATION_TASK, name, a.replicationTaskArn())
                    : Steps.awaitGone());
                taskNodes.add(n);
                deleted.add(Item.key(ResourceKind.REPLICATION_TASK, t.identifier()));
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
                groupNodes.add(n);
                deleted.add(Item.key(ResourceKind.SUBNET_GROUP, g.identifier()));
            });
        }
        all.addAll(taskNodes);
        all.addAll(middle);
        all.addAll(instanceNodes);
        all.addAll(groupNodes);
        if (deleteSecrets) {
            for (Map.Entry<String, Observed.SecretState> s : o.secrets.entrySet()) {
                if (s.getValue().scheduledForDeletion()) {
                    continue;
                }
                Node n = new Node(ResourceKind.SECRET, s.getKey(), "destroy").then(deleteSecret(s.getKey(),
                    s.getValue().arn(), recoveryWindowDays));
                middle.forEach(n::after);
                all.add(n);
                deleted.add(Item.key(ResourceKind.SECRET, s.getKey()));
            }
        }
        LOG.info("destroy pipeline '{}': {} resources", p.name(), deleted.size());
        ctx.reconciler().run(all);
        return deleted;
    }

    private Step deleteSecret(String name, String arn, int recoveryWindowDays) {
        return new Step("delete", () -> {
            ctx.aws().call("DeleteSecret", name, () -> ctx.secrets().deleteSecret(b -> {
                b.secretId(arn);
                if (recoveryWindowDays == 0) {
                    b.forceDeleteWithoutRecovery(true);
                } else {
                    b.recoveryWindowInDays((long) recoveryWindowDays);
                }
            }));
            return "deleted";
        }, null, "deleted");
    }
}
