package io.dmskit.core.internal;

import io.dmskit.core.Pipeline;
import io.dmskit.core.ReplicationConfig;
import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.core.internal.Item.ConfigItem;
import io.dmskit.core.internal.Item.EndpointItem;
import io.dmskit.core.provision.ApplyPolicy;
import io.dmskit.core.provision.ChangeAction;
import io.dmskit.core.provision.FieldDiff;
import io.dmskit.core.provision.ResourceKind;
import io.dmskit.core.serverless.ReplicationState;
import io.dmskit.core.task.MigrationType;
import io.dmskit.core.task.StartType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.databasemigration.model.Replication;

/**
 * Plans a DMS Serverless replication config. DMS modifies a config only before its replication first starts (or
 * while its run status is {@code failed}, or its capacity failed to provision): a changed config whose replication
 * has run is deleted and created again, which loses its checkpoint, and the plan says so.
 */
final class ConfigPlanner {

    /** Statuses in which a replication runs or is on its way to running (stopping included: it must finish). */
    private static final Set<String> RUNNING = Set.of("initializing", "preparing_metadata_resources",
        "testing_connection", "fetching_metadata", "calculating_capacity", "provisioning_capacity",
        "replication_starting", "running", "stopping");

    private ConfigPlanner() {
    }

    /**
     * @param status a replication's status
     * @return whether it runs, starts or stops
     */
    static boolean runs(String status) {
        return status != null && RUNNING.contains(status.toLowerCase(Locale.ROOT));
    }

    /**
     * @param r a replication (null: the config never started)
     * @return whether DMS still lets its config change: never started, run status failed or created, or capacity
     *     that failed to provision
     */
    static boolean modifiable(Replication r) {
        if (r == null) {
            return true;
        }
        String s = r.status() == null ? "" : r.status().toLowerCase(Locale.ROOT);
        String provision = r.provisionData() == null || r.provisionData().provisionState() == null ? ""
            : r.provisionData().provisionState().toLowerCase(Locale.ROOT);
        return s.equals("failed") || s.equals("created") || provision.equals("failed_provision");
    }

    /**
     * A subnet group a config names and the pipeline does not define must exist in DMS ({@code default} is taken to).
     */
    static void checkSubnetGroup(ReplicationConfig c, Pipeline p, Observed o, List<DefinitionProblem> problems) {
        c.compute().subnetGroup().ifPresent(g -> {
            if (p.subnetGroup(g).isEmpty() && !"default".equalsIgnoreCase(g)
                && !o.externalSubnetGroups.containsKey(Observed.key(g))) {
                problems.add(new DefinitionProblem("replication config '" + c.identifier() + "'",
                    "ComputeConfig.ReplicationSubnetGroupId", "refers to subnet group '" + g + "', which neither "
                    + "pipeline '" + p.name() + "' defines nor DMS has: define it in the pipeline or create it"));
            }
        });
    }

    static ConfigItem config(ReplicationConfig c, Observed o, Map<String, EndpointItem> endpoints) {
        var a = o.config(c.identifier()).orElse(null);
        if (a == null) {
            Decision.Draft d = new Decision.Draft();
            d.action = ChangeAction.CREATE;
            return new ConfigItem(c, null, null, d.done());
        }
        Replication r = o.replication(a.replicationConfigArn()).orElse(null);
        Decision.Draft d = new Decision.Draft();
        d.state = r == null ? ReplicationState.NEVER_STARTED : r.status();
        d.running = r != null && runs(r.status());
        boolean fullLoad = MigrationType.FULL_LOAD.wireValue().equalsIgnoreCase(a.replicationTypeAsString());
        d.restartType = fullLoad ? StartType.RELOAD_TARGET : StartType.RESUME_PROCESSING;
        EndpointItem src = endpoints.get(Item.key(ResourceKind.ENDPOINT, c.sourceEndpoint()));
        EndpointItem tgt = endpoints.get(Item.key(ResourceKind.ENDPOINT, c.targetEndpoint()));
        endpointRef(d.diffs, "SourceEndpointArn", src, a.sourceEndpointArn());
        endpointRef(d.diffs, "TargetEndpointArn", tgt, a.targetEndpointArn());
        d.diffs.addAll(ConfigSpecs.diffs(c, a));
        Mappings.diff(a.tableMappings(), c.tableMappings()).ifPresent(m -> d.mappingDiff = m);
        List<FieldDiff> replace = ConfigSpecs.replaceDiffs(c, a);
        d.diffs.addAll(replace);
        boolean modifiable = modifiable(r);
        if (!replace.isEmpty() || !d.diffs.isEmpty() && !modifiable) {
            d.action = ChangeAction.REPLACE;
            if (!replace.isEmpty()) {
                d.notes.add("DMS cannot change " + replace.stream().map(FieldDiff::field).toList()
                    + " of a replication config: it is deleted and created again");
            }
            if (!modifiable) {
                d.losesCheckpoint = true;
                d.notes.add("DMS cannot modify a replication config once its replication has started (status "
                    + r.status() + "), even stopped: it is deleted and created again, and THE REPLICATION'S "
                    + "CHECKPOINT IS LOST: the new replication starts from scratch (start-replication: full load "
                    + "again, or CDC from now or from a CdcStartTime/CdcStartPosition you give); allowed only with "
                    + Advice.code(ApplyPolicy.all().withDiscardCheckpoints(true)));
            }
            if (d.running) {
                d.notes.add("the replication is " + r.status() + ": stopped, replaced, then started again "
                    + "(start-replication)");
            }
        } else if (!d.diffs.isEmpty()) {
            d.action = ChangeAction.MODIFY;
            d.notes.add(r == null ? "its replication never started: ModifyReplicationConfig in place"
                : "its replication " + r.status() + ": ModifyReplicationConfig in place");
        } else if (d.running && (changesInPlace(src) || changesInPlace(tgt))) {
            d.action = ChangeAction.RESTART;
            d.notes.add("an endpoint of this running replication changes: stop -> start (" + d.restartType.wireValue()
                + ") after it");
        }
        Planner.tags(d, c.tags(), a.replicationConfigArn(), o);
        return new ConfigItem(c, a, r, d.done());
    }

    private static boolean changesInPlace(EndpointItem e) {
        return e != null && e.action() == ChangeAction.MODIFY && !e.decision().tagsOnly();
    }

    private static void endpointRef(List<FieldDiff> diffs, String field, EndpointItem ref, String actualArn) {
        if (ref == null) {
            return;
        }
        if (ref.action() == ChangeAction.REPLACE || ref.action() == ChangeAction.CREATE) {
            diffs.add(FieldDiff.of(field, actualArn, "(new " + ref.name() + ")"));
            return;
        }
        String arn = ref.actualArn();
        if (arn != null && actualArn != null && !arn.equals(actualArn)) {
            diffs.add(FieldDiff.of(field, actualArn, arn));
        }
    }
}
