package io.dmskit.core.internal;

import io.dmskit.core.Endpoint;
import io.dmskit.core.endpoint.Credentials;
import io.dmskit.core.internal.Item.EndpointItem;
import io.dmskit.core.internal.Item.InstanceItem;
import io.dmskit.core.internal.Item.SecretItem;
import io.dmskit.core.internal.Item.SubnetGroupItem;
import io.dmskit.core.internal.Item.TaskItem;
import io.dmskit.core.internal.json.JsonSemantics;
import io.dmskit.core.provision.FieldDiff;
import io.dmskit.core.provision.ResourceKind;
import io.dmskit.model.TaskStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/** What creating, modifying, tagging and settling means for each kind of resource, as steps of a node. */
final class ChangeSteps {

    private static final Logger LOG = LoggerFactory.getLogger("io.dmskit.core.provision");

    private final Context ctx;
    private final Steps steps;
    private final ConfigSteps configs;

    ChangeSteps(Context ctx, Steps steps) {
        this.ctx = ctx;
        this.steps = steps;
        this.configs = new ConfigSteps(ctx, steps);
    }

    /** @return the steps of DMS Serverless replication configs */
    ConfigSteps configs() {
        return configs;
    }

    /**
     * @param it the item
     * @param pipeline the pipeline's name (tagged on what is created)
     * @param arns ARNs known so far; the created resource's ARN is added
     * @return a step that creates the resource and waits until it can be used
     */
    Step create(Item it, String pipeline, Arns arns) {
        return it.accept(new Item.Visitor<>() {
            @Override
            public Step secret(SecretItem s) {
                return new Step("create", () -> {
                    Credentials.ManagedSecret m = s.secret();
                    String arn = ctx.aws().create("CreateSecret", s.id(), () -> ctx.secrets().createSecret(b -> {
                        b.name(m.secretName()).secretString(secretJson(s.owner(), m))
                            .description("DMS endpoint credentials managed by dmskit (pipeline " + pipeline + ")")
                            .tags(Tag.builder().key(Specs.PIPELINE_TAG).value(pipeline).build());
                        if (m.kmsKeyId() != null) {
                            b.kmsKeyId(m.kmsKeyId());
                        }
                    }).arn(), () -> ctx.reader().secret(m.secretName()).map(Observed.SecretState::arn));
                    arns.put(ResourceKind.SECRET, s.id(), arn);
                    LOG.debug("secret '{}' created", s.id());   // the reconciler logs the state change
                    return "created";
                }, null, "created");
            }

            @Override
            public Step subnetGroup(SubnetGroupItem g) {
                return new Step("create", () -> {
                    var r = ctx.aws().create("CreateReplicationSubnetGroup", g.id(),
                        () -> ctx.dms().createReplicationSubnetGroup(Specs.create(g.desired(), pipeline))
                            .replicationSubnetGroup(),
                        () -> ctx.reader().subnetGroups(List.of(g.id())).stream().findFirst());
                    return Observed.stateOf(r);
                }, Waits.exists(), "visible");
            }

            @Override
            public Step instance(InstanceItem i) {
                return new Step("create", () -> {
                    var r = ctx.aws().create("CreateReplicationInstance", i.id(),
                        () -> ctx.dms().createReplicationInstance(Specs.create(i.desired(), pipeline))
                            .replicationInstance(),
                        () -> ctx.reader().instances(List.of(i.id())).stream().findFirst());
                    arns.put(i.kind(), i.id(), r.replicationInstanceArn());
                    return r.replicationInstanceStatus();
                }, Waits.instanceAvailable(i.name(), "create"), "available");
            }

            @Override
            public Step endpoint(EndpointItem e) {
                return new Step("create", () -> {
                    String secretArn = secretArn(e, arns);
                    var r = ctx.aws().create("CreateEndpoint", e.id(),
                        () -> ctx.dms().createEndpoint(Specs.create(e.desired(), secretArn, pipeline)).endpoint(),
                        () -> ctx.reader().endpoints(List.of(e.id())).stream().findFirst());
                    arns.put(e.kind(), e.id(), r.endpointArn());
                    return Observed.stateOf(r);
                }, Waits.endpointUsable(e.name(), "create"), "visible");
            }

            @Override
            public Step task(TaskItem t) {
                return new Step("create", () -> {
                    String src = arns.require(ResourceKind.ENDPOINT, t.desired().sourceEndpoint());
                    String tgt = arns.require(ResourceKind.ENDPOINT, t.desired().targetEndpoint());
                    String inst = arns.require(ResourceKind.REPLICATION_INSTANCE, t.desired().replicationInstance());
                    var r = ctx.aws().create("CreateReplicationTask", t.id(),
                        () -> ctx.dms().createReplicationTask(Specs.create(t.desired(), src, tgt, inst, pipeline))
                            .replicationTask(),
                        () -> ctx.reader().tasks(List.of(t.id()), true).stream().findFirst());
                    arns.put(t.kind(), t.id(), r.replicationTaskArn());
                    return r.status();
                }, Waits.taskCreated(t.name(), "create"), "ready");
            }

            @Override
            public Step config(Item.ConfigItem c) {
                return configs.create(c, pipeline, arns);
            }
        });
    }

    /**
     * @param it an existing item
     * @param arns ARNs known so far
     * @return the steps that modify it in place (a running task is stopped first and started again after)
     */
    List<Step> modify(Item it, Arns arns) {
        String arn = it.actualArn();
        return it.accept(new Item.Visitor<>() {
            @Override
            public List<Step> secret(SecretItem s) {
                return List.of(new Step("update", () -> {
                    Observed.SecretState a = s.actual();
                    if (a.scheduledForDeletion()) {
                        ctx.aws().call("RestoreSecret", s.id(), () -> ctx.secrets().restoreSecret(b -> b
                            .secretId(a.arn())));
                    }
                    List<FieldDiff> diffs = s.decision().diffs();
                    if (!diffs.isEmpty()) {
                        ctx.aws().call("PutSecretValue", s.id(), () -> ctx.secrets().putSecretValue(b -> b
                            .secretId(a.arn()).secretString(secretJson(s.owner(), s.secret()))));
                    }
                    LOG.info("secret '{}' updated: {}", s.id(), diffs.stream().map(FieldDiff::field).toList());
                    return "updated";
                }, null, "updated"));
            }

            @Override
            public List<Step> subnetGroup(SubnetGroupItem g) {
                return List.of(new Step("modify", () -> {
                    ctx.aws().call("ModifyReplicationSubnetGroup", g.id(),
                        () -> ctx.dms().modifyReplicationSubnetGroup(Specs.modify(g.desired())));
                    return null;
                }, null, "modified"));
            }

            @Override
            public List<Step> instance(InstanceItem i) {
                String state = i.decision().state();
                boolean busy = state != null && !"available".equalsIgnoreCase(state);
                return List.of(busy ? settle(i) : noCheck(), new Step("modify", () -> {
                    var r = ctx.aws().call("ModifyReplicationInstance", i.id(), () -> ctx.dms()
                        .modifyReplicationInstance(Specs.modify(i.desired(), arn, i.actual()))).replicationInstance();
                    return r == null ? null : r.replicationInstanceStatus();
                }, Waits.instanceAvailable(i.name(), "modify"), "available"));
            }

            @Override
            public List<Step> endpoint(EndpointItem e) {
                return List.of(new Step("modify", () -> {
                    String secretArn = secretArn(e, arns);
                    var r = ctx.aws().call("ModifyEndpoint", e.id(), () -> ctx.dms().modifyEndpoint(
                        Specs.modify(e.desired(), arn, secretArn))).endpoint();
                    return r == null ? null : Observed.stateOf(r);
                }, Waits.endpointUsable(e.name(), "modify"), "visible"));
            }

            @Override
            public List<Step> task(TaskItem t) {
                Decision d = t.decision();
                List<Step> out = new ArrayList<>();
                if (d.running()) {
                    out.add(steps.stop(t.name(), arn));
                } else {
                    TaskStatus s = TaskStatus.parse(d.state()).orElse(null);
                    out.add(s != null && s.isTransitional() ? settle(t) : noCheck());
                }
                out.add(new Step("modify", () -> {
                    var r = steps.tolerateState("ModifyReplicationTask", t.id(), () -> ctx.dms().modifyReplicationTask(
                        Specs.modify(t.desired(), arn, d.diffs())).replicationTask());
                    return r == null ? null : r.status();
                }, Waits.taskModified(t.name(), "modify"), "ready or stopped"));
                if (d.running()) {
                    out.add(steps.start(t.name(), arn, d.restartType()));
                }
                return out;
            }

            @Override
            public List<Step> config(Item.ConfigItem c) {
                // planning modifies only a config whose replication never started (or failed): nothing to stop
                return List.of(configs.modify(c, arns));
            }
        });
    }

    /**
     * @param it an item whose state DMS is still changing (instances and tasks)
     * @return a wait until DMS is done with it: available for an instance, ready or stopped for a task
     */
    Step settle(Item it) {
        if (it.kind() == ResourceKind.REPLICATION_INSTANCE) {
            return new Step("settle", null, Waits.instanceAvailable(it.name(), "settle"), "available");
        }
        return new Step("settle", null, Waits.taskModified(it.name(), "settle"), "ready or stopped");
    }

    /** A resource that DMS is not changing needs no wait before its modification. */
    private static Step noCheck() {
        return new Step("check", () -> null, null, "");
    }

    /**
     * @param it an existing item
     * @return a step that adds and removes the tags planning found different
     */
    Step tags(Item it) {
        String arn = it.actualArn();
        String name = it.name();
        Decision d = it.decision();
        return new Step("tag", () -> {
            if (!d.tagAdd().isEmpty()) {
                List<software.amazon.awssdk.services.databasemigration.model.Tag> add = new ArrayList<>();
                d.tagAdd().forEach((k, v) -> add.add(software.amazon.awssdk.services.databasemigration.model.Tag
                    .builder().key(k).value(v).build()));
                ctx.aws().call("AddTagsToResource", name, () -> ctx.dms().addTagsToResource(b -> b.resourceArn(arn)
                    .tags(add)));
            }
            if (!d.tagRemove().isEmpty()) {
                ctx.aws().call("RemoveTagsFromResource", name, () -> ctx.dms().removeTagsFromResource(b -> b
                    .resourceArn(arn).tagKeys(d.tagRemove())));
            }
            LOG.info("{}: tags {} set, {} removed", name, d.tagAdd().keySet(), d.tagRemove());
            return null;
        }, null, "tagged");
    }

    private static String secretArn(EndpointItem e, Arns arns) {
        return EndpointItem.secretName(e.desired()).map(s -> arns.get(ResourceKind.SECRET, s)).orElse(null);
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
}
