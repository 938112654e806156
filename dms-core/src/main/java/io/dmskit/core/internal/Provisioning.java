package io.dmskit.core.internal;

import io.dmskit.core.ChangeNotAllowedException;
import io.dmskit.core.DmsApiException;
import io.dmskit.core.DmsKitException;
import io.dmskit.core.Endpoint;
import io.dmskit.core.Pipeline;
import io.dmskit.core.ReplicationInstance;
import io.dmskit.core.ReplicationSubnetGroup;
import io.dmskit.core.ReplicationTask;
import io.dmskit.core.ResourceFailedException;
import io.dmskit.core.WaitTimeoutException;
import io.dmskit.core.endpoint.Credentials;
import io.dmskit.core.provision.ApplyPolicy;
import io.dmskit.core.provision.ApplyResult;
import io.dmskit.core.provision.ChangeAction;
import io.dmskit.core.provision.ConnectionTest;
import io.dmskit.core.provision.FieldDiff;
import io.dmskit.core.provision.Plan;
import io.dmskit.core.provision.ProgressListener;
import io.dmskit.core.provision.ResourceChange;
import io.dmskit.core.provision.ResourceKind;
import io.dmskit.core.provision.Sleeper;
import io.dmskit.core.task.MigrationType;
import io.dmskit.core.task.StartType;
import io.dmskit.model.StopReason;
import io.dmskit.core.task.TableRef;
import io.dmskit.core.task.TaskState;
import io.dmskit.model.TaskStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.Connection;
import software.amazon.awssdk.services.databasemigration.model.Filter;
import software.amazon.awssdk.services.databasemigration.model.TableToReload;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/** The provisioner's machinery behind {@link io.dmskit.core.DmsProvisioner}: plan, apply, operate, destroy. */
public final class Provisioning {

    private static final Logger LOG = LoggerFactory.getLogger("io.dmskit.core.provision");

    private final DatabaseMigrationClient dms;
    private final SecretsManagerClient secrets;
    private final AwsCaller aws;
    private final StateReader reader;
    private final ExecutorService pool;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ProgressListener listener;
    private final Duration pollInterval;
    private final Duration maxPollInterval;
    private final Duration timeout;

    /**
     * @param dms DMS client
     * @param secrets Secrets Manager client or null
     * @param aws retrying caller
     * @param pool bounded pool for parallel work
     * @param clock clock
     * @param sleeper sleeper
     * @param listener progress listener
     * @param pollInterval poll interval
     * @param maxPollInterval longest poll interval during long waits
     * @param timeout wait timeout
     */
    public Provisioning(DatabaseMigrationClient dms, SecretsManagerClient secrets, AwsCaller aws, ExecutorService pool,
                        Clock clock, Sleeper sleeper, ProgressListener listener, Duration pollInterval,
                        Duration maxPollInterval, Duration timeout) {
        this.dms = dms;
        this.secrets = secrets;
        this.aws = aws;
        this.reader = new StateReader(dms, secrets, aws);
        this.pool = pool;
        this.clock = clock;
        this.sleeper = sleeper;
        this.listener = listener;
        this.pollInterval = pollInterval;
        this.maxPollInterval = maxPollInterval;
        this.timeout = timeout;
    }

    private Reconciler reconciler() {
        return new Reconciler(reader, pool, clock, sleeper, listener, pollInterval, maxPollInterval, timeout);
    }

    static String key(ResourceKind kind, String id) {
        return kind.name() + ":" + id.toLowerCase(Locale.ROOT);
    }

    // ======================================================================== plan

    /** One planned change with what the executor needs. */
    static final class Item {
        final ResourceKind kind;
        final String id;
        ChangeAction action = ChangeAction.NO_OP;
        String state;
        final List<FieldDiff> diffs = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        Object desired;
        Object actual;
        boolean running;
        boolean settle;
        /** Tags to add or overwrite (AddTagsToResource). */
        final Map<String, String> tagAdd = new LinkedHashMap<>();
        /** Tag keys to remove (RemoveTagsFromResource). */
        final List<String> tagRemove = new ArrayList<>();
        /** The only differences are tags: no modify call, no restart. */
        boolean tagsOnly;

        Item(ResourceKind kind, String id) {
            this.kind = kind;
            this.id = id;
        }

        ResourceChange change() {
            return new ResourceChange(kind, id, action, state, diffs, notes);
        }
    }

    /** A plan with the data apply needs. */
    public record Planned(Plan plan, List<Item> items, Observed observed) {
    }

    /**
     * @param p the pipeline
     * @return the plan
     */
    public Planned plan(Pipeline p) {
        Observed o = reader.read(p, pool);
        List<Item> items = new ArrayList<>();
        Map<String, Item> byKey = new LinkedHashMap<>();
        // secrets
        Map<String, Endpoint> secretOwners = new LinkedHashMap<>();
        for (Endpoint e : p.endpoints()) {
            if (e.credentials().orElse(null) instanceof Credentials.ManagedSecret m) {
                secretOwners.putIfAbsent(m.secretName(), e);
            }
        }
        for (Map.Entry<String, Endpoint> s : secretOwners.entrySet()) {
            Item it = new Item(ResourceKind.SECRET, s.getKey());
            it.desired = s.getValue();
            Optional<Observed.SecretState> a = o.secret(s.getKey());
            if (a.isEmpty()) {
                it.action = ChangeAction.CREATE;
            } else {
                it.actual = a.get();
                it.state = a.get().scheduledForDeletion() ? "scheduled for deletion" : "present";
                Credentials.ManagedSecret m = (Credentials.ManagedSecret) s.getValue().credentials().orElseThrow();
                Map<String, Object> v = a.get().value();
                cmpSecret(it.diffs, "username", v.get("username"), m.username());
                cmpSecret(it.diffs, "host", v.get("host"), s.getValue().serverName().orElse(null));
                cmpSecret(it.diffs, "port", v.get("port"), s.getValue().port().map(String::valueOf).orElse(null));
                Object pw = v.get("password");
                if (pw == null || !m.password().matches(String.valueOf(pw))) {
                    it.diffs.add(FieldDiff.sensitive("password"));
                }
                if (a.get().scheduledForDeletion()) {
                    it.notes.add("the secret is scheduled for deletion: it will be restored");
                }
                if (it.diffs.stream().anyMatch(FieldDiff::sensitive)) {
                    it.notes.add("running tasks using endpoint '" + s.getValue().identifier()
                        + "' read the new password when they restart");
                }
                if (!it.diffs.isEmpty() || a.get().scheduledForDeletion()) {
                    it.action = ChangeAction.MODIFY;
                }
            }
            add(items, byKey, it);
        }
        // subnet groups
        for (ReplicationSubnetGroup g : p.subnetGroups()) {
            Item it = new Item(ResourceKind.SUBNET_GROUP, g.identifier());
            it.desired = g;
            var a = o.subnetGroup(g.identifier());
            if (a.isEmpty()) {
                it.action = ChangeAction.CREATE;
            } else {
                it.actual = a.get();
                it.state = Reconciler.stateOf(a.get());
                it.diffs.addAll(Specs.diffs(g, a.get()));
                it.action = it.diffs.isEmpty() ? ChangeAction.NO_OP : ChangeAction.MODIFY;
            }
            add(items, byKey, it);
        }
        // instances
        for (ReplicationInstance i : p.instances()) {
            Item it = new Item(ResourceKind.REPLICATION_INSTANCE, i.identifier());
            it.desired = i;
            var a = o.instance(i.identifier());
            if (a.isEmpty()) {
                it.action = ChangeAction.CREATE;
            } else {
                it.actual = a.get();
                it.state = a.get().replicationInstanceStatus();
                List<FieldDiff> replace = Specs.replaceDiffs(i, a.get());
                it.diffs.addAll(replace);
                it.diffs.addAll(Specs.diffs(i, a.get()));
                if (!replace.isEmpty()) {
                    it.action = ChangeAction.REPLACE;
                    it.notes.add("DMS cannot change " + replace.stream().map(FieldDiff::field).toList()
                        + " in place: the instance is deleted and created again (its tasks too)");
                } else if (!it.diffs.isEmpty()) {
                    it.action = ChangeAction.MODIFY;
                    it.notes.add("ModifyReplicationInstance with ApplyImmediately=true");
                } else if (!"available".equalsIgnoreCase(it.state)) {
                    it.settle = true;
                    it.notes.add("waits until it is available");
                }
                tagDiffs(it, i.tags(), o);
            }
            add(items, byKey, it);
        }
        // endpoints
        for (Endpoint e : p.endpoints()) {
            Item it = new Item(ResourceKind.ENDPOINT, e.identifier());
            it.desired = e;
            var a = o.endpoint(e.identifier());
            if (a.isEmpty()) {
                it.action = ChangeAction.CREATE;
            } else {
                it.actual = a.get();
                it.state = Reconciler.stateOf(a.get());
                String secretArn = secretName(e).flatMap(o::secret).map(Observed.SecretState::arn)
                    .orElse(secretName(e).orElse(null));
                List<FieldDiff> replace = Specs.replaceDiffs(e, a.get());
                it.diffs.addAll(replace);
                it.diffs.addAll(Specs.diffs(e, a.get(), secretArn));
                if (!replace.isEmpty()) {
                    it.action = ChangeAction.REPLACE;
                    it.notes.add("DMS cannot change the KMS key of an endpoint: it is deleted and created again "
                        + "(its tasks too)");
                } else if (!it.diffs.isEmpty()) {
                    it.action = ChangeAction.MODIFY;
                }
                tagDiffs(it, e.tags(), o);
            }
            add(items, byKey, it);
        }
        // tasks
        for (ReplicationTask t : p.tasks()) {
            Item it = new Item(ResourceKind.REPLICATION_TASK, t.identifier());
            it.desired = t;
            var a = o.task(t.identifier());
            if (a.isEmpty()) {
                it.action = ChangeAction.CREATE;
                add(items, byKey, it);
                continue;
            }
            var at = a.get();
            it.actual = at;
            it.state = at.status();
            TaskStatus status = TaskStatus.parse(at.status()).orElse(null);
            it.running = status == TaskStatus.RUNNING || status == TaskStatus.STARTING;
            List<String> replaceReasons = new ArrayList<>();
            Item src = byKey.get(key(ResourceKind.ENDPOINT, t.sourceEndpoint()));
            Item tgt = byKey.get(key(ResourceKind.ENDPOINT, t.targetEndpoint()));
            Item inst = byKey.get(key(ResourceKind.REPLICATION_INSTANCE, t.replicationInstance()));
            checkRef(replaceReasons, it.diffs, "SourceEndpointArn", src, at.sourceEndpointArn());
            checkRef(replaceReasons, it.diffs, "TargetEndpointArn", tgt, at.targetEndpointArn());
            checkRef(replaceReasons, it.diffs, "ReplicationInstanceArn", inst, at.replicationInstanceArn());
            List<FieldDiff> d = Specs.diffs(t, at);
            it.diffs.addAll(d);
            if (!replaceReasons.isEmpty()) {
                it.action = ChangeAction.REPLACE;
                it.notes.addAll(replaceReasons);
                it.notes.add(it.running
                    ? "the task is " + at.status() + ": stopped, replaced, then started again (start-replication: a "
                        + "replacement task starts from scratch)"
                    : "a replacement task starts from scratch: start it again after apply");
            } else if (!d.isEmpty()) {
                it.action = ChangeAction.MODIFY;
                if (it.running) {
                    it.notes.add("the task is " + at.status() + ": stop -> modify -> start ("
                        + restartType(it).wireValue() + ")");
                }
            } else if (it.running && ((src != null && src.action == ChangeAction.MODIFY && !src.tagsOnly)
                || (tgt != null && tgt.action == ChangeAction.MODIFY && !tgt.tagsOnly))) {
                it.action = ChangeAction.RESTART;
                it.notes.add("an endpoint of this running task changes: stop -> start (" + restartType(it).wireValue()
                    + ") after it");
            } else if (status != null && status.isTransitional() && status != TaskStatus.STARTING
                && status != TaskStatus.STOPPING) {
                it.settle = true;
            }
            tagDiffs(it, t.tags(), o);
            add(items, byKey, it);
        }
        // resources this pipeline created (tagged with its name) that it no longer defines
        for (Object r : o.removed()) {
            ResourceKind kind = r instanceof software.amazon.awssdk.services.databasemigration.model.ReplicationTask
                ? ResourceKind.REPLICATION_TASK
                : r instanceof software.amazon.awssdk.services.databasemigration.model.Endpoint
                ? ResourceKind.ENDPOINT : ResourceKind.REPLICATION_INSTANCE;
            Item it = new Item(kind, identifierOf(r));
            it.action = ChangeAction.DELETE;
            it.actual = r;
            it.state = Reconciler.stateOf(r);
            it.notes.add("no longer in pipeline '" + p.name() + "' (tagged " + Specs.PIPELINE_TAG + "=" + p.name()
                + "); deleted only when ApplyPolicy.withAllowDeletes(true)");
            if (kind == ResourceKind.REPLICATION_TASK && isActive(TaskStatus.parse(it.state).orElse(null))) {
                it.running = true;
                it.notes.add("the task is " + it.state + ": stopped first");
            }
            add(items, byKey, it);
        }
        List<ResourceChange> changes = items.stream().map(Item::change).toList();
        return new Planned(new Plan(p.name(), changes), items, o);
    }

    private static boolean isActive(TaskStatus s) {
        return s == TaskStatus.RUNNING || s == TaskStatus.STARTING || s == TaskStatus.STOPPING;
    }

    private static String identifierOf(Object sdk) {
        if (sdk instanceof software.amazon.awssdk.services.databasemigration.model.Endpoint e) {
            return e.endpointIdentifier();
        }
        if (sdk instanceof software.amazon.awssdk.services.databasemigration.model.ReplicationInstance i) {
            return i.replicationInstanceIdentifier();
        }
        if (sdk instanceof software.amazon.awssdk.services.databasemigration.model.ReplicationTask t) {
            return t.replicationTaskIdentifier();
        }
        throw new IllegalStateException(String.valueOf(sdk));
    }

    /**
     * Compares the tags the definition sets with the tags DMS reports: keys set to another value or missing are
     * added, keys DMS has and the definition does not are removed. The {@code dmskit:pipeline} tag and AWS's own
     * {@code aws:} tags are never compared, added or removed. Resources being created or replaced get their tags on
     * creation. When only tags differ the resource is a tags-only update: no modify call, no task restart.
     */
    private static void tagDiffs(Item it, Map<String, String> desired, Observed o) {
        if (it.action == ChangeAction.CREATE || it.action == ChangeAction.REPLACE) {
            return;
        }
        Optional<Map<String, String>> actual = o.tags(arnOf(it.actual));
        if (actual.isEmpty()) {
            return;
        }
        Map<String, String> a = actual.get();
        List<FieldDiff> diffs = new ArrayList<>();
        desired.forEach((k, v) -> {
            if (!k.equals(Specs.PIPELINE_TAG) && !v.equals(a.get(k))) {
                it.tagAdd.put(k, v);
                diffs.add(FieldDiff.of("Tags." + k, a.get(k), v));
            }
        });
        a.forEach((k, v) -> {
            if (!desired.containsKey(k) && !k.equals(Specs.PIPELINE_TAG) && !k.startsWith("aws:")) {
                it.tagRemove.add(k);
                diffs.add(FieldDiff.of("Tags." + k, v, null));
            }
        });
        if (diffs.isEmpty()) {
            return;
        }
        it.diffs.addAll(diffs);
        if (it.action == ChangeAction.NO_OP) {
            it.action = ChangeAction.MODIFY;
            it.tagsOnly = true;
            it.notes.add("tags only: AddTagsToResource / RemoveTagsFromResource" + (it.running ? ", the task keeps "
                + "running" : ""));
        }
    }

    private static void checkRef(List<String> reasons, List<FieldDiff> diffs, String field, Item ref, String actualArn) {
        if (ref == null) {
            return;
        }
        if (ref.action == ChangeAction.REPLACE || ref.action == ChangeAction.CREATE) {
            reasons.add(field + ": " + ref.kind + " '" + ref.id + "' is " + (ref.action == ChangeAction.CREATE
                ? "created" : "replaced") + ", and a task's endpoints and instance cannot change in place");
            diffs.add(FieldDiff.of(field, actualArn, "(new " + ref.kind + " '" + ref.id + "')"));
            return;
        }
        String arn = arnOf(ref.actual);
        if (arn != null && actualArn != null && !arn.equals(actualArn)) {
            reasons.add(field + " points to another " + ref.kind + "; a task's endpoints cannot change in place");
            diffs.add(FieldDiff.of(field, actualArn, arn));
        }
    }

    private static String arnOf(Object sdk) {
        if (sdk instanceof software.amazon.awssdk.services.databasemigration.model.Endpoint e) {
            return e.endpointArn();
        }
        if (sdk instanceof software.amazon.awssdk.services.databasemigration.model.ReplicationInstance i) {
            return i.replicationInstanceArn();
        }
        if (sdk instanceof software.amazon.awssdk.services.databasemigration.model.ReplicationTask t) {
            return t.replicationTaskArn();
        }
        if (sdk instanceof Observed.SecretState s) {
            return s.arn();
        }
        return null;
    }

    private static void add(List<Item> items, Map<String, Item> byKey, Item it) {
        items.add(it);
        byKey.put(key(it.kind, it.id), it);
    }

    private static void cmpSecret(List<FieldDiff> d, String field, Object actual, String desired) {
        String a = actual == null ? null : String.valueOf(actual);
        if (desired != null && !desired.equals(a)) {
            d.add(FieldDiff.of(field, a, desired));
        }
    }

    private static Optional<String> secretName(Endpoint e) {
        return e.credentials().orElse(null) instanceof Credentials.ManagedSecret m ? Optional.of(m.secretName())
            : Optional.empty();
    }

    // ======================================================================== apply

    /**
     * @param p pipeline
     * @param policy what apply may do
     * @return the result
     */
    public ApplyResult apply(Pipeline p, ApplyPolicy policy) {
        Instant start = clock.instant();
        long callsBefore = aws.calls();
        long mutationsBefore = aws.mutatingCalls();
        Planned planned = plan(p);
        Plan plan = planned.plan();
        checkPolicy(planned, policy);
        LOG.info("apply pipeline '{}': {}", p.name(), summary(plan));
        Map<String, String> arns = new ConcurrentHashMap<>();
        for (Item it : planned.items()) {
            String arn = arnOf(it.actual);
            if (arn != null && it.action != ChangeAction.REPLACE && it.action != ChangeAction.DELETE) {
                arns.put(key(it.kind, it.id), arn);
            }
        }
        List<ResourceChange> skipped = new ArrayList<>();
        if (!policy.allowDeletes()) {
            planned.items().stream().filter(i -> i.action == ChangeAction.DELETE).forEach(i -> {
                skipped.add(i.change());
                LOG.warn("{} '{}' is no longer in pipeline '{}': not deleted (allow it with "
                    + "ApplyPolicy.withAllowDeletes(true))", i.kind, i.id, p.name());
            });
        }
        List<Node> nodes = nodes(p, planned, arns, policy);
        reconciler().run(nodes);
        Duration elapsed = Duration.between(start, clock.instant());
        LOG.info("apply pipeline '{}' finished in {}s", p.name(), elapsed.toSeconds());
        return new ApplyResult(plan, arns, elapsed, aws.calls() - callsBefore, aws.mutatingCalls() - mutationsBefore,
            skipped);
    }

    private static String summary(Plan plan) {
        return plan.hasChanges() ? plan.summary().toString() : "no changes";
    }

    private void checkPolicy(Planned planned, ApplyPolicy policy) {
        List<String> refused = new ArrayList<>();
        for (Item it : planned.items()) {
            if (it.action == ChangeAction.REPLACE && !policy.allowReplace()) {
                refused.add(it.kind + " '" + it.id + "' must be replaced (" + it.diffs.stream().map(FieldDiff::field)
                    .toList() + "); allow it with ApplyPolicy.withAllowReplace(true)");
            }
            if (it.running && ((it.action == ChangeAction.MODIFY && !it.tagsOnly) || it.action == ChangeAction.RESTART)
                && !policy.restartRunningTasks()) {
                refused.add(it.kind + " '" + it.id + "' is " + it.state + " and must be stopped to apply "
                    + it.diffs.stream().map(FieldDiff::field).toList()
                    + "; allow stop -> modify -> resume with ApplyPolicy.withRestartRunningTasks(true)");
            }
            if (it.running && it.action == ChangeAction.REPLACE && policy.allowReplace() && !policy.restartRunningTasks()) {
                refused.add(it.kind + " '" + it.id + "' is running and must be stopped to be replaced; allow it with "
                    + "ApplyPolicy.withRestartRunningTasks(true)");
            }
        }
        if (!refused.isEmpty()) {
            throw new ChangeNotAllowedException(refused);
        }
    }

    private List<Node> nodes(Pipeline p, Planned planned, Map<String, String> arns, ApplyPolicy policy) {
        Map<String, Node> main = new LinkedHashMap<>();
        Map<String, Node> deletes = new LinkedHashMap<>();
        List<Node> all = new ArrayList<>();
        Map<String, Item> byKey = new LinkedHashMap<>();
        planned.items().forEach(i -> byKey.put(key(i.kind, i.id), i));
        List<Node> removedTasks = new ArrayList<>();
        List<Node> removedOthers = new ArrayList<>();
        for (Item it : planned.items()) {
            String k = key(it.kind, it.id);
            String name = it.kind + " '" + it.id + "'";
            if (it.action == ChangeAction.DELETE) {
                if (policy.allowDeletes()) {
                    Node del = new Node(it.kind, it.id, "delete");
                    if (it.kind == ResourceKind.REPLICATION_TASK && it.running) {
                        del.then(stopStep(name, arnOf(it.actual)));
                    }
                    if ("deleting".equalsIgnoreCase(it.state)) {
                        del.then(new Step("delete", null, Waits.gone(), "deleted"));
                    } else {
                        del.then(deleteStep(it.kind, name, arnOf(it.actual)));
                    }
                    (it.kind == ResourceKind.REPLICATION_TASK ? removedTasks : removedOthers).add(del);
                    all.add(del);
                }
                continue;
            }
            if (it.action == ChangeAction.REPLACE) {
                Node del = new Node(it.kind, it.id, "delete");
                if (it.kind == ResourceKind.REPLICATION_TASK && it.running) {
                    del.then(stopStep(name, arnOf(it.actual)));
                }
                del.then(deleteStep(it.kind, name, arnOf(it.actual)));
                deletes.put(k, del);
                all.add(del);
            }
            Node n = new Node(it.kind, it.id, null);
            switch (it.action) {
                case CREATE -> n.then(createStep(p, it, name, arns));
                case REPLACE -> {
                    n.then(createStep(p, it, name, arns));
                    if (it.kind == ResourceKind.REPLICATION_TASK && it.running && policy.restartRunningTasks()) {
                        // it was running: the replacement starts from scratch (nothing to resume from)
                        n.then(startStep(name, () -> require(arns, it.kind, it.id), StartType.START_REPLICATION));
                    }
                }
                case MODIFY -> {
                    if (it.tagsOnly) {
                        if (it.settle) {
                            n.then(settleStep(it, name));
                        }
                    } else {
                        modifySteps(n, it, name, arns);
                    }
                    n.then(tagStep(it, name));
                }
                case RESTART -> {
                    String arn = arnOf(it.actual);
                    n.then(stopStep(name, arn)).then(startStep(name, arn, restartType(it)));
                    if (!it.tagAdd.isEmpty() || !it.tagRemove.isEmpty()) {
                        n.then(tagStep(it, name));
                    }
                }
                case NO_OP -> {
                    if (it.settle) {
                        n.then(settleStep(it, name));
                    } else {
                        continue;
                    }
                }
                default -> throw new IllegalStateException(it.action.toString());
            }
            main.put(k, n);
            all.add(n);
        }
        // removed endpoints and instances go after removed tasks and after tasks deleted to be replaced
        for (Node n : removedOthers) {
            removedTasks.forEach(n::after);
            deletes.forEach((k, d) -> {
                if (k.startsWith(ResourceKind.REPLICATION_TASK.name() + ":")) {
                    n.after(d);
                }
            });
        }
        // dependencies
        for (Item it : planned.items()) {
            String k = key(it.kind, it.id);
            Node n = main.get(k);
            Node del = deletes.get(k);
            if (n != null) {
                n.after(del);
            }
            if (it.desired instanceof ReplicationInstance i) {
                i.subnetGroup().ifPresent(g -> after(n, main.get(key(ResourceKind.SUBNET_GROUP, g))));
            }
            if (it.desired instanceof Endpoint e) {
                secretName(e).ifPresent(s -> after(n, main.get(key(ResourceKind.SECRET, s))));
            }
            if (it.desired instanceof ReplicationTask t) {
                after(n, main.get(key(ResourceKind.ENDPOINT, t.sourceEndpoint())));
                after(n, main.get(key(ResourceKind.ENDPOINT, t.targetEndpoint())));
                after(n, main.get(key(ResourceKind.REPLICATION_INSTANCE, t.replicationInstance())));
                // an endpoint or instance being replaced is deleted only after the tasks using it
                if (del != null) {
                    for (String ref : List.of(key(ResourceKind.ENDPOINT, t.sourceEndpoint()),
                        key(ResourceKind.ENDPOINT, t.targetEndpoint()),
                        key(ResourceKind.REPLICATION_INSTANCE, t.replicationInstance()))) {
                        Node refDel = deletes.get(ref);
                        if (refDel != null) {
                            refDel.after(del);
                        }
                    }
                }
            }
        }
        return all;
    }

    private static void after(Node n, Node dep) {
        if (n != null) {
            n.after(dep);
        }
    }

    /** A wait for a resource DMS is still changing (it refuses modifications meanwhile); a no-op step otherwise. */
    private Step settleIfBusy(Item it, String name) {
        boolean busy = switch (it.kind) {
            case REPLICATION_INSTANCE -> it.state != null && !"available".equalsIgnoreCase(it.state);
            case REPLICATION_TASK -> {
                TaskStatus s = TaskStatus.parse(it.state).orElse(null);
                yield s != null && s.isTransitional();
            }
            default -> false;
        };
        return busy ? settleStep(it, name) : new Step("check", () -> null, null, "");
    }

    private Step settleStep(Item it, String name) {
        if (it.kind == ResourceKind.REPLICATION_INSTANCE) {
            return new Step("settle", null, Waits.instanceAvailable(name, "settle"), "available");
        }
        return new Step("settle", null, Waits.taskModified(name, "settle"), "ready or stopped");
    }

    private Step createStep(Pipeline p, Item it, String name, Map<String, String> arns) {
        String pipeline = p.name();
        return switch (it.kind) {
            case SECRET -> new Step("create", () -> {
                Endpoint e = (Endpoint) it.desired;
                Credentials.ManagedSecret m = (Credentials.ManagedSecret) e.credentials().orElseThrow();
                String arn = aws.create("CreateSecret", it.id, () -> secrets.createSecret(b -> {
                    b.name(m.secretName()).secretString(secretJson(e, m))
                        .description("DMS endpoint credentials managed by dmskit (pipeline " + pipeline + ")")
                        .tags(Tag.builder().key(Specs.PIPELINE_TAG).value(pipeline).build());
                    if (m.kmsKeyId() != null) {
                        b.kmsKeyId(m.kmsKeyId());
                    }
                }).arn(), () -> reader.secret(m.secretName()).map(Observed.SecretState::arn));
                arns.put(key(ResourceKind.SECRET, it.id), arn);
                LOG.info("secret '{}' created", it.id);
                return "created";
            }, null, "created");
            case SUBNET_GROUP -> new Step("create", () -> {
                ReplicationSubnetGroup g = (ReplicationSubnetGroup) it.desired;
                var r = aws.create("CreateReplicationSubnetGroup", it.id,
                    () -> dms.createReplicationSubnetGroup(Specs.create(g, pipeline)).replicationSubnetGroup(),
                    () -> reader.subnetGroups(List.of(it.id)).stream().findFirst());
                return Reconciler.stateOf(r);
            }, Waits.exists(), "visible");
            case REPLICATION_INSTANCE -> new Step("create", () -> {
                ReplicationInstance i = (ReplicationInstance) it.desired;
                var r = aws.create("CreateReplicationInstance", it.id,
                    () -> dms.createReplicationInstance(Specs.create(i, pipeline)).replicationInstance(),
                    () -> reader.instances(List.of(it.id)).stream().findFirst());
                arns.put(key(it.kind, it.id), r.replicationInstanceArn());
                return r.replicationInstanceStatus();
            }, Waits.instanceAvailable(name, "create"), "available");
            case ENDPOINT -> new Step("create", () -> {
                Endpoint e = (Endpoint) it.desired;
                String secretArn = secretName(e).map(s -> arns.get(key(ResourceKind.SECRET, s))).orElse(null);
                var r = aws.create("CreateEndpoint", it.id,
                    () -> dms.createEndpoint(Specs.create(e, secretArn, pipeline)).endpoint(),
                    () -> reader.endpoints(List.of(it.id)).stream().findFirst());
                arns.put(key(it.kind, it.id), r.endpointArn());
                return Reconciler.stateOf(r);
            }, Waits.endpointUsable(name, "create"), "visible");
            case REPLICATION_TASK -> new Step("create", () -> {
                ReplicationTask t = (ReplicationTask) it.desired;
                String src = require(arns, ResourceKind.ENDPOINT, t.sourceEndpoint());
                String tgt = require(arns, ResourceKind.ENDPOINT, t.targetEndpoint());
                String inst = require(arns, ResourceKind.REPLICATION_INSTANCE, t.replicationInstance());
                var r = aws.create("CreateReplicationTask", it.id,
                    () -> dms.createReplicationTask(Specs.create(t, src, tgt, inst, pipeline)).replicationTask(),
                    () -> reader.tasks(List.of(it.id), true).stream().findFirst());
                arns.put(key(it.kind, it.id), r.replicationTaskArn());
                return r.status();
            }, Waits.taskCreated(name, "create"), "ready");
        };
    }

    private static String require(Map<String, String> arns, ResourceKind kind, String id) {
        String arn = arns.get(key(kind, id));
        if (arn == null) {
            throw new DmsKitException("no ARN known for " + kind + " '" + id + "'", id, "apply", null, null, null);
        }
        return arn;
    }

    private static String secretJson(Endpoint e, Credentials.ManagedSecret m) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("username", m.username());
        v.put("password", m.password().reveal());
        v.put("host", e.serverName().orElse(null));
        v.put("port", e.port().map(String::valueOf).orElse(null));
        v.put("engine", e.engine().wireValue());
        return JsonSemantics.write(v);
    }

    private void modifySteps(Node n, Item it, String name, Map<String, String> arns) {
        String arn = arnOf(it.actual);
        switch (it.kind) {
            case SECRET -> n.then(new Step("update", () -> {
                Endpoint e = (Endpoint) it.desired;
                Credentials.ManagedSecret m = (Credentials.ManagedSecret) e.credentials().orElseThrow();
                Observed.SecretState s = (Observed.SecretState) it.actual;
                if (s.scheduledForDeletion()) {
                    aws.call("RestoreSecret", it.id, () -> secrets.restoreSecret(b -> b.secretId(s.arn())));
                }
                if (!it.diffs.isEmpty()) {
                    aws.call("PutSecretValue", it.id, () -> secrets.putSecretValue(b -> b.secretId(s.arn())
                        .secretString(secretJson(e, m))));
                }
                LOG.info("secret '{}' updated: {}", it.id, it.diffs.stream().map(FieldDiff::field).toList());
                return "updated";
            }, null, "updated"));
            case SUBNET_GROUP -> n.then(new Step("modify", () -> {
                aws.call("ModifyReplicationSubnetGroup", it.id,
                    () -> dms.modifyReplicationSubnetGroup(Specs.modify((ReplicationSubnetGroup) it.desired)));
                return null;
            }, null, "modified"));
            case REPLICATION_INSTANCE -> n.then(settleIfBusy(it, name)).then(new Step("modify", () -> {
                var r = aws.call("ModifyReplicationInstance", it.id, () -> dms.modifyReplicationInstance(
                    Specs.modify((ReplicationInstance) it.desired, arn,
                        (software.amazon.awssdk.services.databasemigration.model.ReplicationInstance) it.actual)))
                    .replicationInstance();
                return r == null ? null : r.replicationInstanceStatus();
            }, Waits.instanceAvailable(name, "modify"), "available"));
            case ENDPOINT -> n.then(new Step("modify", () -> {
                Endpoint e = (Endpoint) it.desired;
                String secretArn = secretName(e).map(s -> arns.get(key(ResourceKind.SECRET, s))).orElse(null);
                var r = aws.call("ModifyEndpoint", it.id, () -> dms.modifyEndpoint(Specs.modify(e, arn, secretArn)))
                    .endpoint();
                return r == null ? null : Reconciler.stateOf(r);
            }, Waits.endpointUsable(name, "modify"), "visible"));
            case REPLICATION_TASK -> {
                if (it.running) {
                    n.then(stopStep(name, arn));
                } else {
                    n.then(settleIfBusy(it, name));
                }
                n.then(new Step("modify", () -> {
                    var r = tolerateState("ModifyReplicationTask", it.id, () -> dms.modifyReplicationTask(
                        Specs.modify((ReplicationTask) it.desired, arn, it.diffs)).replicationTask());
                    return r == null ? null : r.status();
                }, Waits.taskModified(name, "modify"), "ready or stopped"));
                if (it.running) {
                    n.then(startStep(name, arn, restartType(it)));
                }
            }
            default -> throw new IllegalStateException(it.kind.toString());
        }
    }

    /** A full-load task cannot resume a partial load: it is reloaded; other tasks resume where they stopped. */
    private static StartType restartType(Item it) {
        return it.actual instanceof software.amazon.awssdk.services.databasemigration.model.ReplicationTask t
            && MigrationType.FULL_LOAD.wireValue().equalsIgnoreCase(t.migrationTypeAsString())
            ? StartType.RELOAD_TARGET : StartType.RESUME_PROCESSING;
    }

    /** Calls that DMS refuses while a resource is still settling (InvalidResourceStateFault) are tried again. */
    private <T> T tolerateState(String operation, String id, Supplier<T> call) {
        int attempts = 0;
        while (true) {
            try {
                return aws.call(operation, id, call);
            } catch (DmsApiException e) {
                if (!e.awsErrorCode().orElse("").startsWith("InvalidResourceState") || ++attempts >= 10) {
                    throw e;
                }
                LOG.debug("{} {}: {}; trying again in {}", operation, id, e.awsErrorCode().orElse(""), pollInterval);
                sleep(pollInterval);
            }
        }
    }

    private void sleep(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DmsKitException("interrupted", e);
        }
    }

    /**
     * Stops a task. DMS refuses to stop a task that is still {@code starting} ("not running"): the step then waits
     * until the task runs and stops it then, or until it reaches a state with nothing to stop (stopped, ready,
     * failed, or a full load that finished on its own).
     */
    private Step stopStep(String name, String arn) {
        java.util.concurrent.atomic.AtomicBoolean sent = new java.util.concurrent.atomic.AtomicBoolean();
        var stopped = Waits.taskStopped(name, "stop");
        return new Step("stop", () -> {
            String state = requestStop(name, arn);
            sent.set(state != null);
            return state;
        }, probe -> {
            if (!sent.get() && probe.resource()
                instanceof software.amazon.awssdk.services.databasemigration.model.ReplicationTask t) {
                TaskStatus s = TaskStatus.parse(t.status()).orElse(null);
                if (s == TaskStatus.STARTING) {
                    return Step.WAIT;
                }
                if (s == TaskStatus.RUNNING) {
                    LOG.info("{} is running now: stopping it", name);
                    sent.set(requestStop(name, arn) != null);
                    return Step.WAIT;
                }
            }
            return stopped.apply(probe);
        }, "stopped");
    }

    /** @return the state after StopReplicationTask, or null when DMS says the task is not running */
    private String requestStop(String name, String arn) {
        try {
            var r = aws.call("StopReplicationTask", name, () -> dms.stopReplicationTask(b -> b.replicationTaskArn(arn)))
                .replicationTask();
            return r == null || r.status() == null ? "stopping" : r.status();
        } catch (DmsApiException e) {
            if (e.awsErrorCode().orElse("").startsWith("InvalidResourceState")
                && String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("not running")) {
                LOG.info("{} is not running (yet): nothing to stop now", name);
                return null;
            }
            throw e;
        }
    }

    private Step tagStep(Item it, String name) {
        String arn = arnOf(it.actual);
        return new Step("tag", () -> {
            if (!it.tagAdd.isEmpty()) {
                List<software.amazon.awssdk.services.databasemigration.model.Tag> add = new ArrayList<>();
                it.tagAdd.forEach((k, v) -> add.add(software.amazon.awssdk.services.databasemigration.model.Tag.builder()
                    .key(k).value(v).build()));
                aws.call("AddTagsToResource", name, () -> dms.addTagsToResource(b -> b.resourceArn(arn).tags(add)));
            }
            if (!it.tagRemove.isEmpty()) {
                aws.call("RemoveTagsFromResource", name, () -> dms.removeTagsFromResource(b -> b.resourceArn(arn)
                    .tagKeys(it.tagRemove)));
            }
            LOG.info("{}: tags {} set, {} removed", name, it.tagAdd.keySet(), it.tagRemove);
            return null;
        }, null, "tagged");
    }

    private Step startStep(String name, String arn, StartType type) {
        return startStep(name, () -> arn, type);
    }

    private Step startStep(String name, Supplier<String> arnSupplier, StartType type) {
        return new Step("start (" + type.wireValue() + ")", () -> {
            String arn = arnSupplier.get();
            var r = tolerateState("StartReplicationTask", name, () -> dms.startReplicationTask(b -> b
                .replicationTaskArn(arn).startReplicationTaskType(type.wireValue()))).replicationTask();
            return r == null ? null : r.status();
        }, Waits.taskRunning(name, "start"), "running");
    }

    private Step deleteStep(ResourceKind kind, String name, String arn) {
        return switch (kind) {
            case REPLICATION_TASK -> new Step("delete", () -> {
                tolerateState("DeleteReplicationTask", name, () -> dms.deleteReplicationTask(b -> b.replicationTaskArn(arn)));
                return "deleting";
            }, Waits.gone(), "deleted");
            case ENDPOINT -> new Step("delete", () -> {
                tolerateState("DeleteEndpoint", name, () -> dms.deleteEndpoint(b -> b.endpointArn(arn)));
                return "deleting";
            }, Waits.gone(), "deleted");
            case REPLICATION_INSTANCE -> new Step("delete", () -> {
                tolerateState("DeleteReplicationInstance", name,
                    () -> dms.deleteReplicationInstance(b -> b.replicationInstanceArn(arn)));
                return "deleting";
            }, Waits.gone(), "deleted");
            default -> throw new IllegalStateException("cannot delete " + kind + " here");
        };
    }

    // ======================================================================== operations

    /**
     * @param taskId task identifier
     * @return the task's state, empty when it does not exist
     */
    public Optional<TaskState> describeTask(String taskId) {
        return reader.tasks(List.of(taskId), true).stream().findFirst().map(Provisioning::state);
    }

    static TaskState state(software.amazon.awssdk.services.databasemigration.model.ReplicationTask t) {
        Instant started = t.replicationTaskStartDate();
        if (started == null && t.replicationTaskStats() != null) {
            started = t.replicationTaskStats().startDate();
        }
        Integer pct = t.replicationTaskStats() == null ? null : t.replicationTaskStats().fullLoadProgressPercent();
        return new TaskState(t.replicationTaskIdentifier(), t.replicationTaskArn(), TaskStatus.parse(t.status()).orElse(null),
            t.status(), StopReason.parse(t.stopReason()).orElse(null), t.lastFailureMessage(), started, pct,
            MigrationType.fromWire(t.migrationTypeAsString()));
    }

    private TaskState requireTask(String taskId, String operation) {
        return describeTask(taskId).orElseThrow(() -> new DmsApiException("replication task '" + taskId
            + "' does not exist", taskId, operation, "ResourceNotFoundFault", null, null, null));
    }

    /**
     * @param taskIds tasks
     * @param type start type, or null to choose from each task's history
     * @return the start type used per task
     */
    public Map<String, StartType> start(List<String> taskIds, StartType type) {
        Map<String, StartType> used = new LinkedHashMap<>();
        List<Node> nodes = new ArrayList<>();
        for (String id : taskIds) {
            TaskState s = requireTask(id, "start");
            if (s.status() == TaskStatus.RUNNING) {
                LOG.info("replication task '{}' is already running", id);
                continue;
            }
            StartType t = type != null ? type : s.naturalStartType();
            used.put(id, t);
            String name = ResourceKind.REPLICATION_TASK + " '" + id + "'";
            Node n = new Node(ResourceKind.REPLICATION_TASK, id, "start");
            if (s.status() != null && s.status().isTransitional()) {
                n.then(new Step("settle", null, Waits.taskModified(name, "settle"), "ready or stopped"));
            }
            nodes.add(n.then(startStep(name, s.arn(), t)));
        }
        reconciler().run(nodes);
        return used;
    }

    /**
     * Stops tasks; a task that is not running is already stopped.
     *
     * @param taskIds tasks
     */
    public void stop(List<String> taskIds) {
        List<Node> nodes = new ArrayList<>();
        for (String id : taskIds) {
            TaskState s = requireTask(id, "stop");
            if (s.status() == TaskStatus.STOPPED || s.status() == TaskStatus.READY || s.status() == TaskStatus.FAILED) {
                LOG.info("replication task '{}' is {}: nothing to stop", id, s.rawStatus());
                continue;
            }
            String name = ResourceKind.REPLICATION_TASK + " '" + id + "'";
            nodes.add(new Node(ResourceKind.REPLICATION_TASK, id, "stop").then(stopStep(name, s.arn())));
        }
        reconciler().run(nodes);
    }

    /**
     * @param taskId task
     * @param tables tables to reload
     * @param validateOnly reload validation only
     */
    public void reload(String taskId, List<TableRef> tables, boolean validateOnly) {
        TaskState s = requireTask(taskId, "reload");
        List<TableToReload> list = tables.stream().map(t -> TableToReload.builder().schemaName(t.schema())
            .tableName(t.table()).build()).toList();
        aws.call("ReloadTables", taskId, () -> dms.reloadTables(b -> b.replicationTaskArn(s.arn()).tablesToReload(list)
            .reloadOption(validateOnly ? "validate-only" : "data-reload")));
        LOG.info("replication task '{}': reload of {} requested", taskId, tables);
    }

    /**
     * @param taskId task
     * @param wanted wanted statuses
     * @param waitTimeout timeout
     * @return the state reached
     */
    public TaskState waitForTask(String taskId, Set<TaskStatus> wanted, Duration waitTimeout) {
        Instant start = clock.instant();
        String last = null;
        while (true) {
            Optional<TaskState> s = describeTask(taskId);
            String now = s.map(TaskState::rawStatus).orElse("(not found)");
            if (!now.equals(last)) {
                LOG.info("replication task '{}' (wait for {}): {}{}", taskId, wanted, last == null ? "" : last + " -> ",
                    now);
                listener.onProgress(new io.dmskit.core.provision.ProgressEvent(ResourceKind.REPLICATION_TASK, taskId,
                    "wait", last, now, Duration.between(start, clock.instant()), clock.instant()));
                last = now;
            }
            if (s.isPresent() && wanted.contains(s.get().status())) {
                return s.get();
            }
            if (s.isPresent() && s.get().status() == TaskStatus.FAILED) {
                throw new ResourceFailedException("replication task '" + taskId + "'", "wait", s.get().rawStatus(),
                    s.get().stopReason() == null ? null : s.get().stopReason().name(), s.get().lastFailureMessage());
            }
            Duration waited = Duration.between(start, clock.instant());
            if (waited.compareTo(waitTimeout) > 0) {
                throw new WaitTimeoutException("replication task '" + taskId + "'", "wait", wanted.toString(), now, waited);
            }
            sleep(pollInterval);
        }
    }

    /**
     * @param p pipeline
     * @param deleteSecrets whether managed secrets would be deleted
     * @return what {@link #destroy} would delete, in order
     */
    public Plan planDestroy(Pipeline p, boolean deleteSecrets) {
        Observed o = reader.read(p, pool);
        List<ResourceChange> changes = new ArrayList<>();
        for (ReplicationTask t : p.tasks()) {
            o.task(t.identifier()).ifPresent(a -> changes.add(new ResourceChange(ResourceKind.REPLICATION_TASK,
                t.identifier(), ChangeAction.DELETE, a.status(), List.of(),
                TaskStatus.parse(a.status()).orElse(null) == TaskStatus.RUNNING ? List.of("stopped first") : List.of())));
        }
        for (Endpoint e : p.endpoints()) {
            o.endpoint(e.identifier()).ifPresent(a -> changes.add(new ResourceChange(ResourceKind.ENDPOINT,
                e.identifier(), ChangeAction.DELETE, Reconciler.stateOf(a), List.of(), List.of())));
        }
        for (ReplicationInstance i : p.instances()) {
            o.instance(i.identifier()).ifPresent(a -> changes.add(new ResourceChange(ResourceKind.REPLICATION_INSTANCE,
                i.identifier(), ChangeAction.DELETE, a.replicationInstanceStatus(), List.of(), List.of())));
        }
        for (ReplicationSubnetGroup g : p.subnetGroups()) {
            o.subnetGroup(g.identifier()).ifPresent(a -> changes.add(new ResourceChange(ResourceKind.SUBNET_GROUP,
                g.identifier(), ChangeAction.DELETE, Reconciler.stateOf(a), List.of(), List.of())));
        }
        for (Map.Entry<String, Observed.SecretState> s : o.secrets.entrySet()) {
            changes.add(new ResourceChange(ResourceKind.SECRET, s.getKey(), deleteSecrets && !s.getValue()
                .scheduledForDeletion() ? ChangeAction.DELETE : ChangeAction.NO_OP, "present", List.of(),
                deleteSecrets ? List.of() : List.of("kept (managed secrets are deleted only on request)")));
        }
        return new Plan(p.name(), changes);
    }

    /**
     * Deletes a pipeline's resources: tasks (stopped first), then endpoints and instances, then subnet groups, and,
     * when asked, managed secrets.
     *
     * @param p pipeline
     * @param deleteSecrets also delete managed secrets
     * @param recoveryWindowDays Secrets Manager recovery window (7..30), or 0 to delete at once
     * @return what was deleted (kind:identifier)
     */
    public List<String> destroy(Pipeline p, boolean deleteSecrets, int recoveryWindowDays) {
        Observed o = reader.read(p, pool);
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
                    n.then(stopStep(name, a.replicationTaskArn()));
                }
                if (s != TaskStatus.DELETING) {
                    n.then(deleteStep(ResourceKind.REPLICATION_TASK, name, a.replicationTaskArn()));
                } else {
                    n.then(new Step("delete", null, Waits.gone(), "deleted"));
                }
                taskNodes.add(n);
                deleted.add(key(ResourceKind.REPLICATION_TASK, t.identifier()));
            });
        }
        for (Endpoint e : p.endpoints()) {
            o.endpoint(e.identifier()).ifPresent(a -> {
                Node n = new Node(ResourceKind.ENDPOINT, e.identifier(), "destroy").then(deleteStep(ResourceKind.ENDPOINT,
                    ResourceKind.ENDPOINT + " '" + e.identifier() + "'", a.endpointArn()));
                taskNodes.forEach(n::after);
                middle.add(n);
                deleted.add(key(ResourceKind.ENDPOINT, e.identifier()));
            });
        }
        List<Node> instanceNodes = new ArrayList<>();
        for (ReplicationInstance i : p.instances()) {
            o.instance(i.identifier()).ifPresent(a -> {
                Node n = new Node(ResourceKind.REPLICATION_INSTANCE, i.identifier(), "destroy").then(deleteStep(
                    ResourceKind.REPLICATION_INSTANCE, ResourceKind.REPLICATION_INSTANCE + " '" + i.identifier() + "'",
                    a.replicationInstanceArn()));
                taskNodes.forEach(n::after);
                instanceNodes.add(n);
                deleted.add(key(ResourceKind.REPLICATION_INSTANCE, i.identifier()));
            });
        }
        List<Node> groupNodes = new ArrayList<>();
        for (ReplicationSubnetGroup g : p.subnetGroups()) {
            o.subnetGroup(g.identifier()).ifPresent(a -> {
                Node n = new Node(ResourceKind.SUBNET_GROUP, g.identifier(), "destroy").then(new Step("delete", () -> {
                    tolerateState("DeleteReplicationSubnetGroup", g.identifier(), () -> dms.deleteReplicationSubnetGroup(
                        b -> b.replicationSubnetGroupIdentifier(g.identifier())));
                    return "deleting";
                }, Waits.gone(), "deleted"));
                instanceNodes.forEach(n::after);
                groupNodes.add(n);
                deleted.add(key(ResourceKind.SUBNET_GROUP, g.identifier()));
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
                Node n = new Node(ResourceKind.SECRET, s.getKey(), "destroy").then(new Step("delete", () -> {
                    aws.call("DeleteSecret", s.getKey(), () -> secrets.deleteSecret(b -> {
                        b.secretId(s.getValue().arn());
                        if (recoveryWindowDays == 0) {
                            b.forceDeleteWithoutRecovery(true);
                        } else {
                            b.recoveryWindowInDays((long) recoveryWindowDays);
                        }
                    }));
                    return "deleted";
                }, null, "deleted"));
                middle.forEach(n::after);
                all.add(n);
                deleted.add(key(ResourceKind.SECRET, s.getKey()));
            }
        }
        LOG.info("destroy pipeline '{}': {} resources", p.name(), deleted.size());
        reconciler().run(all);
        return deleted;
    }

    /**
     * Tests every (instance, endpoint) pair the pipeline's tasks use and waits for the results.
     *
     * @param p pipeline
     * @return one result per pair
     */
    public List<ConnectionTest> testConnections(Pipeline p) {
        Observed o = reader.read(p, pool);
        record Pair(String endpoint, String instance, String endpointArn, String instanceArn) {
        }
        Map<String, Pair> pairs = new LinkedHashMap<>();
        for (ReplicationTask t : p.tasks()) {
            var inst = o.instance(t.replicationInstance()).orElseThrow(() -> missing("replication instance",
                t.replicationInstance()));
            for (String eid : List.of(t.sourceEndpoint(), t.targetEndpoint())) {
                var ep = o.endpoint(eid).orElseThrow(() -> missing("endpoint", eid));
                pairs.putIfAbsent(ep.endpointArn() + "|" + inst.replicationInstanceArn(), new Pair(eid,
                    t.replicationInstance(), ep.endpointArn(), inst.replicationInstanceArn()));
            }
        }
        List<java.util.concurrent.Callable<Void>> calls = new ArrayList<>();
        for (Pair pr : pairs.values()) {
            calls.add(() -> {
                try {
                    aws.call("TestConnection", pr.endpoint(), () -> dms.testConnection(b -> b
                        .endpointArn(pr.endpointArn()).replicationInstanceArn(pr.instanceArn())));
                } catch (DmsApiException e) {
                    if (!String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("already being tested")) {
                        throw e;
                    }
                }
                return null;
            });
        }
        try {
            pool.invokeAll(calls).forEach(Concurrency::await);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DmsKitException("interrupted", e);
        }
        Instant start = clock.instant();
        Map<String, ConnectionTest> results = new LinkedHashMap<>();
        while (true) {
            List<String> endpointArns = pairs.values().stream().map(Pair::endpointArn).distinct().toList();
            List<Connection> conns = aws.call("DescribeConnections", p.name(), () -> {
                List<Connection> out = new ArrayList<>();
                for (var page : dms.describeConnectionsPaginator(b -> b.filters(Filter.builder().name("endpoint-arn")
                    .values(endpointArns).build()).maxRecords(100))) {
                    out.addAll(page.connections());
                }
                return out;
            });
            boolean pending = false;
            for (Map.Entry<String, Pair> e : pairs.entrySet()) {
                Pair pr = e.getValue();
                Connection c = conns.stream().filter(x -> pr.endpointArn().equals(x.endpointArn())
                    && pr.instanceArn().equals(x.replicationInstanceArn())).findFirst().orElse(null);
                String status = c == null ? "testing" : c.status();
                ConnectionTest prev = results.get(e.getKey());
                ConnectionTest now = new ConnectionTest(pr.endpoint(), pr.instance(), status,
                    c == null ? null : c.lastFailureMessage());
                if (prev == null || !prev.status().equals(status)) {
                    LOG.info("connection {} -> {}: {}", pr.instance(), pr.endpoint(), status);
                }
                results.put(e.getKey(), now);
                if ("testing".equalsIgnoreCase(status)) {
                    pending = true;
                }
            }
            if (!pending) {
                return List.copyOf(results.values());
            }
            Duration waited = Duration.between(start, clock.instant());
            if (waited.compareTo(timeout) > 0) {
                throw new WaitTimeoutException("connections of pipeline '" + p.name() + "'", "testConnections",
                    "successful or failed", "testing", waited);
            }
            sleep(pollInterval);
        }
    }

    private static DmsKitException missing(String kind, String id) {
        return new DmsKitException(kind + " '" + id + "' does not exist: apply the pipeline first", id,
            "testConnections", null, null, null);
    }
}
