package io.dmskit.core.internal;

import io.dmskit.core.Endpoint;
import io.dmskit.core.Pipeline;
import io.dmskit.core.ReplicationInstance;
import io.dmskit.core.ReplicationSubnetGroup;
import io.dmskit.core.ReplicationTask;
import io.dmskit.core.endpoint.Credentials;
import io.dmskit.core.internal.Item.EndpointItem;
import io.dmskit.core.internal.Item.InstanceItem;
import io.dmskit.core.internal.Item.SecretItem;
import io.dmskit.core.internal.Item.SubnetGroupItem;
import io.dmskit.core.internal.Item.TaskItem;
import io.dmskit.core.provision.ApplyPolicy;
import io.dmskit.core.provision.ChangeAction;
import io.dmskit.core.provision.FieldDiff;
import io.dmskit.core.provision.Plan;
import io.dmskit.core.provision.ResourceChange;
import io.dmskit.core.provision.ResourceKind;
import io.dmskit.core.task.MigrationType;
import io.dmskit.core.task.StartType;
import io.dmskit.model.TaskStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Compares a pipeline with what DMS and Secrets Manager report and decides, per resource, what apply must do: create,
 * modify, replace, restart, delete or nothing, with the differences and how the change is carried out.
 */
final class Planner {

    private final Context ctx;

    Planner(Context ctx) {
        this.ctx = ctx;
    }

    /**
     * A plan with the data apply needs.
     *
     * @param plan the plan as users see it
     * @param items the pipeline's resources, in creation order (secrets, subnet groups, instances, endpoints, tasks)
     * @param removals resources the pipeline created and no longer defines (tasks, endpoints, instances)
     */
    record Planned(Plan plan, List<Item> items, List<Removal> removals) {
    }

    /**
     * @param p the pipeline
     * @return the plan
     */
    Planned plan(Pipeline p) {
        Observed o = ctx.reader().read(p, ctx.pool());
        List<Item> items = new ArrayList<>(secrets(p, o));
        p.subnetGroups().forEach(g -> items.add(subnetGroup(g, o)));
        Map<String, InstanceItem> instances = new LinkedHashMap<>();
        for (ReplicationInstance i : p.instances()) {
            InstanceItem it = instance(i, o);
            instances.put(it.key(), it);
            items.add(it);
        }
        Map<String, EndpointItem> endpoints = new LinkedHashMap<>();
        for (Endpoint e : p.endpoints()) {
            EndpointItem it = endpoint(e, o);
            endpoints.put(it.key(), it);
            items.add(it);
        }
        for (ReplicationTask t : p.tasks()) {
            items.add(task(t, o, endpoints, instances));
        }
        List<io.dmskit.core.exception.DefinitionProblem> missing = new ArrayList<>();
        for (io.dmskit.core.ReplicationConfig c : p.replicationConfigs()) {
            ConfigPlanner.checkSubnetGroup(c, p, o, missing);
            items.add(ConfigPlanner.config(c, o, endpoints));
        }
        if (!missing.isEmpty()) {
            throw new io.dmskit.core.exception.InvalidDefinitionException(missing);
        }
        List<Removal> removals = o.removed().stream().map(r -> removal(r, p)).toList();
        List<ResourceChange> changes = Stream.concat(items.stream().map(Item::change),
            removals.stream().map(Removal::change)).toList();
        return new Planned(new Plan(p.name(), changes), List.copyOf(items), removals);
    }

    private static List<SecretItem> secrets(Pipeline p, Observed o) {
        record Owner(Endpoint endpoint, Credentials.ManagedSecret secret) {
        }
        Map<String, Owner> owners = new LinkedHashMap<>();
        for (Endpoint e : p.endpoints()) {
            if (e.credentials().orElse(null) instanceof Credentials.ManagedSecret m) {
                owners.putIfAbsent(m.secretName(), new Owner(e, m));
            }
        }
        List<SecretItem> out = new ArrayList<>();
        owners.forEach((name, w) -> {
            Optional<Observed.SecretState> a = o.secret(name);
            out.add(new SecretItem(w.endpoint(), w.secret(), a.orElse(null),
                a.map(s -> secret(w.endpoint(), w.secret(), s)).orElseGet(() -> create().done())));
        });
        return out;
    }

    private static Decision secret(Endpoint e, Credentials.ManagedSecret m, Observed.SecretState a) {
        Decision.Draft d = new Decision.Draft();
        d.state = a.scheduledForDeletion() ? "scheduled for deletion" : "present";
        Map<String, Object> v = a.value();
        compareSecretField(d.diffs, "username", v.get("username"), m.username());
        compareSecretField(d.diffs, "host", v.get("host"), e.serverName().orElse(null));
        compareSecretField(d.diffs, "port", v.get("port"), e.port().map(String::valueOf).orElse(null));
        Object pw = v.get("password");
        if (pw == null || !m.password().matches(String.valueOf(pw))) {
            d.diffs.add(FieldDiff.sensitive("password"));
        }
        if (a.scheduledForDeletion()) {
            d.notes.add("the secret is scheduled for deletion: it will be restored");
        }
        if (d.diffs.stream().anyMatch(FieldDiff::sensitive)) {
            d.notes.add("running tasks using endpoint '" + e.identifier() + "' read the new password when they "
                + "restart");
        }
        if (!d.diffs.isEmpty() || a.scheduledForDeletion()) {
            d.action = ChangeAction.MODIFY;
        }
        return d.done();
    }

    private static void compareSecretField(List<FieldDiff> d, String field, Object actual, String desired) {
        String a = actual == null ? null : String.valueOf(actual);
        if (desired != null && !desired.equals(a)) {
            d.add(FieldDiff.of(field, a, desired));
        }
    }

    private static Decision.Draft create() {
        Decision.Draft d = new Decision.Draft();
        d.action = ChangeAction.CREATE;
        return d;
    }

    private static SubnetGroupItem subnetGroup(ReplicationSubnetGroup g, Observed o) {
        var a = o.subnetGroup(g.identifier()).orElse(null);
        if (a == null) {
            return new SubnetGroupItem(g, null, create().done());
        }
        Decision.Draft d = new Decision.Draft();
        d.state = Observed.stateOf(a);
        d.diffs.addAll(Specs.diffs(g, a));
        d.action = d.diffs.isEmpty() ? ChangeAction.NO_OP : ChangeAction.MODIFY;
        return new SubnetGroupItem(g, a, d.done());
    }

    private static InstanceItem instance(ReplicationInstance i, Observed o) {
        var a = o.instance(i.identifier()).orElse(null);
        if (a == null) {
            return new InstanceItem(i, null, create().done());
        }
        Decision.Draft d = new Decision.Draft();
        d.state = a.replicationInstanceStatus();
        List<FieldDiff> replace = Specs.replaceDiffs(i, a);
        d.diffs.addAll(replace);
        d.diffs.addAll(Specs.diffs(i, a));
        if (!replace.isEmpty()) {
            d.action = ChangeAction.REPLACE;
            d.notes.add("DMS cannot change " + replace.stream().map(FieldDiff::field).toList()
                + " in place: the instance is deleted and created again (its tasks too)");
        } else if (!d.diffs.isEmpty()) {
            d.action = ChangeAction.MODIFY;
            d.notes.add("ModifyReplicationInstance with ApplyImmediately=true");
        } else if (!"available".equalsIgnoreCase(d.state)) {
            d.settle = true;
            d.notes.add("waits until it is available");
        }
        tagDiffs(d, i.tags(), a.replicationInstanceArn(), o);
        return new InstanceItem(i, a, d.done());
    }

    private static EndpointItem endpoint(Endpoint e, Observed o) {
        var a = o.endpoint(e.identifier()).orElse(null);
        if (a == null) {
            return new EndpointItem(e, null, create().done());
        }
        Decision.Draft d = new Decision.Draft();
        d.state = Observed.stateOf(a);
        Optional<String> secretName = EndpointItem.secretName(e);
        String secretArn = secretName.flatMap(o::secret).map(Observed.SecretState::arn).orElse(secretName.orElse(null));
        List<FieldDiff> replace = Specs.replaceDiffs(e, a);
        d.diffs.addAll(replace);
        d.diffs.addAll(Specs.diffs(e, a, secretArn));
        if (!replace.isEmpty()) {
            d.action = ChangeAction.REPLACE;
            d.notes.add("DMS cannot change the KMS key of an endpoint: it is deleted and created again "
                + "(its tasks too)");
        } else if (!d.diffs.isEmpty()) {
            d.action = ChangeAction.MODIFY;
        }
        tagDiffs(d, e.tags(), a.endpointArn(), o);
        return new EndpointItem(e, a, d.done());
    }

    /**
     * Tags of a resource that exists, compared as for every other kind.
     *
     * @param d the decision being made
     * @param desired the tags the definition sets
     * @param arn the resource's ARN
     * @param o what DMS reports
     */
    static void tags(Decision.Draft d, Map<String, String> desired, String arn, Observed o) {
        tagDiffs(d, desired, arn, o);
    }

    private static TaskItem task(ReplicationTask t, Observed o, Map<String, EndpointItem> endpoints,
                                 Map<String, InstanceItem> instances) {
        var a = o.task(t.identifier()).orElse(null);
        if (a == null) {
            return new TaskItem(t, null, create().done());
        }
        Decision.Draft d = new Decision.Draft();
        d.state = a.status();
        TaskStatus status = TaskStatus.parse(a.status()).orElse(null);
        d.running = status == TaskStatus.RUNNING || status == TaskStatus.STARTING;
        // a full-load task cannot resume a partial load: it is reloaded; other tasks resume where they stopped
        d.restartType = MigrationType.FULL_LOAD.wireValue().equalsIgnoreCase(a.migrationTypeAsString())
            ? StartType.RELOAD_TARGET : StartType.RESUME_PROCESSING;
        List<String> replaceReasons = new ArrayList<>();
        EndpointItem src = endpoints.get(Item.key(ResourceKind.ENDPOINT, t.sourceEndpoint()));
        EndpointItem tgt = endpoints.get(Item.key(ResourceKind.ENDPOINT, t.targetEndpoint()));
        InstanceItem inst = instances.get(Item.key(ResourceKind.REPLICATION_INSTANCE, t.replicationInstance()));
        checkRef(replaceReasons, d.diffs, "SourceEndpointArn", src, a.sourceEndpointArn());
        checkRef(replaceReasons, d.diffs, "TargetEndpointArn", tgt, a.targetEndpointArn());
        checkRef(replaceReasons, d.diffs, "ReplicationInstanceArn", inst, a.replicationInstanceArn());
        List<FieldDiff> own = Specs.diffs(t, a);
        d.diffs.addAll(own);
        Specs.mappingDiff(t, a).ifPresent(m -> d.mappingDiff = m);
        if (!replaceReasons.isEmpty()) {
            d.action = ChangeAction.REPLACE;
            d.notes.addAll(replaceReasons);
            d.notes.add(d.running
                ? "the task is " + a.status() + ": stopped, replaced, then started again (start-replication: a "
                    + "replacement task starts from scratch)"
                : "a replacement task starts from scratch: start it again after apply");
        } else if (!own.isEmpty()) {
            if (d.running) {
                // DMS modifies only a stopped task: the task is stopped, modified and started again, a restart
                d.action = ChangeAction.RESTART;
                d.modifiesTask = true;
                d.notes.add("the task is " + a.status() + ": stop -> modify -> start (" + d.restartType.wireValue()
                    + ")");
            } else {
                d.action = ChangeAction.MODIFY;
            }
        } else if (d.running && (changesInPlace(src) || changesInPlace(tgt))) {
            d.action = ChangeAction.RESTART;
            d.notes.add("an endpoint of this running task changes: stop -> start (" + d.restartType.wireValue()
                + ") after it");
        } else if (status != null && status.isTransitional() && status != TaskStatus.STARTING
            && status != TaskStatus.STOPPING) {
            d.settle = true;
        }
        tagDiffs(d, t.tags(), a.replicationTaskArn(), o);
        return new TaskItem(t, a, d.done());
    }

    /** @return whether the endpoint is modified in place (beyond its tags): running tasks must restart to see it */
    private static boolean changesInPlace(EndpointItem e) {
        return e != null && e.action() == ChangeAction.MODIFY && !e.decision().tagsOnly();
    }

    private static void checkRef(List<String> reasons, List<FieldDiff> diffs, String field, Item ref, String actualArn) {
        if (ref == null) {
            return;
        }
        if (ref.action() == ChangeAction.REPLACE || ref.action() == ChangeAction.CREATE) {
            reasons.add(field + ": " + ref.name() + " is " + (ref.action() == ChangeAction.CREATE
                ? "created" : "replaced") + ", and a task's endpoints and instance cannot change in place");
            diffs.add(FieldDiff.of(field, actualArn, "(new " + ref.name() + ")"));
            return;
        }
        String arn = ref.actualArn();
        if (arn != null && actualArn != null && !arn.equals(actualArn)) {
            reasons.add(field + " points to another " + ref.kind() + "; a task's endpoints cannot change in place");
            diffs.add(FieldDiff.of(field, actualArn, arn));
        }
    }

    /**
     * Compares the tags the definition sets with the tags DMS reports: keys set to another value or missing are
     * added, keys DMS has and the definition does not are removed. The {@code dmskit:pipeline} tag and AWS's own
     * {@code aws:} tags are never compared, added or removed. Resources being created or replaced get their tags on
     * creation. When only tags differ the resource is a tags-only update: no modify call, no task restart.
     */
    private static void tagDiffs(Decision.Draft d, Map<String, String> desired, String arn, Observed o) {
        if (d.action == ChangeAction.CREATE || d.action == ChangeAction.REPLACE) {
            return;
        }
        Optional<Map<String, String>> actual = o.tags(arn);
        if (actual.isEmpty()) {
            return;
        }
        Map<String, String> a = actual.get();
        List<FieldDiff> diffs = new ArrayList<>();
        desired.forEach((k, v) -> {
            if (!k.equals(Specs.PIPELINE_TAG) && !v.equals(a.get(k))) {
                d.tagAdd.put(k, v);
                diffs.add(FieldDiff.of("Tags." + k, a.get(k), v));
            }
        });
        a.forEach((k, v) -> {
            if (!desired.containsKey(k) && !k.equals(Specs.PIPELINE_TAG) && !k.startsWith("aws:")) {
                d.tagRemove.add(k);
                diffs.add(FieldDiff.of("Tags." + k, v, null));
            }
        });
        if (diffs.isEmpty()) {
            return;
        }
        d.diffs.addAll(diffs);
        if (d.action == ChangeAction.NO_OP) {
            d.action = ChangeAction.MODIFY;
            d.tagsOnly = true;
            d.notes.add("tags only: AddTagsToResource / RemoveTagsFromResource" + (d.running ? ", the task keeps "
                + "running" : ""));
        }
    }

    private static Removal removal(Observed.Removed r, Pipeline p) {
        Decision.Draft d = new Decision.Draft();
        d.action = ChangeAction.DELETE;
        d.state = r.state();
        d.notes.add("no longer in pipeline '" + p.name() + "' (tagged " + Specs.PIPELINE_TAG + "=" + p.name()
            + "); deleted only when applied with " + Advice.code(ApplyPolicy.safe().withAllowDeletes(true)));
        TaskStatus s = TaskStatus.parse(r.state()).orElse(null);
        if (r.type() == Deletable.REPLICATION_CONFIG && ConfigPlanner.runs(r.state())) {
            d.running = true;
            d.notes.add("the replication is " + r.state() + ": stopped first");
        }
        if (r.type() == Deletable.REPLICATION_TASK
            && (s == TaskStatus.RUNNING || s == TaskStatus.STARTING || s == TaskStatus.STOPPING)) {
            d.running = true;
            d.notes.add("the task is " + r.state() + ": stopped first");
        }
        return new Removal(r, d.done());
    }
}
