package io.dmskit.testkit.internal.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.services.databasemigration.model.ComputeConfig;
import software.amazon.awssdk.services.databasemigration.model.CreateReplicationConfigRequest;
import software.amazon.awssdk.services.databasemigration.model.CreateReplicationConfigResponse;
import software.amazon.awssdk.services.databasemigration.model.DeleteReplicationConfigRequest;
import software.amazon.awssdk.services.databasemigration.model.DeleteReplicationConfigResponse;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationConfigsRequest;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationConfigsResponse;
import software.amazon.awssdk.services.databasemigration.model.ModifyReplicationConfigRequest;
import software.amazon.awssdk.services.databasemigration.model.ModifyReplicationConfigResponse;
import software.amazon.awssdk.services.databasemigration.model.ReplicationConfig;

/**
 * DMS Serverless replication configs: CreateReplicationConfig, ModifyReplicationConfig (only while the replication
 * is {@code created} or {@code failed}: once started, a config cannot be modified, even after a stop),
 * DeleteReplicationConfig (not while the replication is starting, running or stopping) and
 * DescribeReplicationConfigs. The replication itself is {@link ReplicationOps}'s.
 */
final class ConfigOps {

    /** Replication statuses that allow ModifyReplicationConfig (API reference: CREATED and FAILED). */
    static final Set<String> MODIFIABLE = Set.of("created", "failed");
    /** Replication statuses that allow DeleteReplicationConfig (API reference: not RUNNING nor STARTING). */
    static final Set<String> DELETABLE = Set.of("created", "stopped", "failed");

    static final Page.Filters<ConfigRecord> FILTERS = new Page.Filters<ConfigRecord>()
            .one("replication-config-arn", c -> c.arn)
            .one("replication-config-id", ConfigRecord::id);

    private final World w;
    private final TagOps tags;
    private final EndpointOps endpoints;
    private final SubnetGroupOps subnetGroups;

    /** @param world state @param tags tags @param endpoints endpoints @param subnetGroups subnet groups */
    ConfigOps(World world, TagOps tags, EndpointOps endpoints, SubnetGroupOps subnetGroups) {
        this.w = world;
        this.tags = tags;
        this.endpoints = endpoints;
        this.subnetGroups = subnetGroups;
    }

    /** @return the config, or ResourceNotFoundFault */
    ConfigRecord find(String arn) {
        Validate.required("ReplicationConfigArn", arn);
        ConfigRecord c = w.configs.get(arn);
        if (c == null) {
            throw Errors.notFound("Replication config " + arn + " not found.");
        }
        return c;
    }

    /** Finds a config by ARN or identifier (for test scripting). */
    ConfigRecord findByArnOrId(String arnOrId) {
        ConfigRecord c = w.configs.get(arnOrId);
        if (c != null) {
            return c;
        }
        for (ConfigRecord other : w.configs.values()) {
            if (other.id().equals(arnOrId)) {
                return other;
            }
        }
        throw new IllegalArgumentException("No replication config with ARN or identifier '" + arnOrId + "'. Known: "
                + w.configs.values().stream().map(ConfigRecord::id).toList());
    }

    private ComputeConfig compute(ComputeConfig c) {
        ComputeConfig checked = ComputeConfigRules.check(c);
        if (checked.replicationSubnetGroupId() != null) {
            subnetGroups.find(checked.replicationSubnetGroupId());
        }
        return checked;
    }

    private void checkEndpoints(EndpointRecord source, EndpointRecord target) {
        List<String> problems = new ArrayList<>();
        if (!"SOURCE".equals(source.model.endpointTypeAsString())) {
            problems.add("SourceEndpointArn " + source.arn + " is a " + source.model.endpointTypeAsString()
                    + " endpoint, not a source endpoint");
        }
        if (!"TARGET".equals(target.model.endpointTypeAsString())) {
            problems.add("TargetEndpointArn " + target.arn + " is a " + target.model.endpointTypeAsString()
                    + " endpoint, not a target endpoint");
        }
        if (!problems.isEmpty()) {
            throw Errors.invalidParameter(String.join("; ", problems) + ".");
        }
    }

    /** CreateReplicationConfig: its replication appears at once in DescribeReplications, {@code created}. */
    CreateReplicationConfigResponse create(CreateReplicationConfigRequest r) {
        String id = Validate.identifier("ReplicationConfigIdentifier", r.replicationConfigIdentifier(), 255);
        String type = Validate.oneOf("ReplicationType", r.replicationTypeAsString(), TaskRules.MIGRATION_TYPES);
        JsonDocs.checkTableMappings(r.tableMappings());
        ComputeConfig compute = compute(r.computeConfig());
        EndpointRecord source = endpoints.find(Validate.required("SourceEndpointArn", r.sourceEndpointArn()));
        EndpointRecord target = endpoints.find(Validate.required("TargetEndpointArn", r.targetEndpointArn()));
        checkEndpoints(source, target);
        String settings = JsonDocs.mergeSettings(r.replicationSettings(), null);
        for (ConfigRecord other : w.configs.values()) {
            if (other.id().equalsIgnoreCase(id)) {
                throw Errors.alreadyExists("Replication config " + id + " already exists.");
            }
        }
        String resourceId = r.resourceIdentifier() != null ? r.resourceIdentifier().toUpperCase(Locale.ROOT)
                : w.newResourceId();
        String arn = w.arn("replication-config", resourceId);
        if (w.configs.containsKey(arn)) {
            throw Errors.alreadyExists("A replication config with ResourceIdentifier " + r.resourceIdentifier()
                    + " already exists.");
        }
        ReplicationConfig model = ReplicationConfig.builder().replicationConfigIdentifier(id)
                .replicationConfigArn(arn).sourceEndpointArn(source.arn).targetEndpointArn(target.arn)
                .replicationType(type).computeConfig(compute).replicationSettings(settings)
                .supplementalSettings(r.supplementalSettings()).tableMappings(r.tableMappings())
                .replicationConfigCreateTime(w.now()).replicationConfigUpdateTime(w.now()).build();
        ConfigRecord c = new ConfigRecord(arn, model, w.now());
        tags.putInitial(arn, r.tags());
        c.invisibleDescribes = w.invisibility.applyAsInt("CreateReplicationConfig");
        w.configs.put(arn, c);
        World.log().debug("Created replication config {}", id);
        return CreateReplicationConfigResponse.builder().replicationConfig(model).build();
    }

    /** ModifyReplicationConfig: only before the first start, or when the replication failed. */
    ModifyReplicationConfigResponse modify(ModifyReplicationConfigRequest r) {
        ConfigRecord c = find(r.replicationConfigArn());
        String status = c.status();
        if (!MODIFIABLE.contains(status)) {
            throw Errors.invalidState("Replication config " + c.arn + " cannot be modified: its replication is "
                    + status + ". A configuration can be modified only before its replication first starts, or "
                    + "when the replication has failed (status created or failed).");
        }
        ReplicationConfig.Builder b = c.model.toBuilder();
        if (r.replicationConfigIdentifier() != null) {
            String id = Validate.identifier("ReplicationConfigIdentifier", r.replicationConfigIdentifier(), 255);
            for (ConfigRecord other : w.configs.values()) {
                if (other != c && other.id().equalsIgnoreCase(id)) {
                    throw Errors.alreadyExists("Replication config " + id + " already exists.");
                }
            }
            b.replicationConfigIdentifier(id);
        }
        if (r.replicationTypeAsString() != null) {
            b.replicationType(Validate.oneOf("ReplicationType", r.replicationTypeAsString(),
                    TaskRules.MIGRATION_TYPES));
        }
        if (r.tableMappings() != null) {
            JsonDocs.checkTableMappings(r.tableMappings());
            b.tableMappings(r.tableMappings());
        }
        if (r.computeConfig() != null) {
            b.computeConfig(compute(Pojos.merge(c.model.computeConfig(), r.computeConfig())));
        }
        EndpointRecord source = endpoints.find(r.sourceEndpointArn() != null ? r.sourceEndpointArn()
                : c.model.sourceEndpointArn());
        EndpointRecord target = endpoints.find(r.targetEndpointArn() != null ? r.targetEndpointArn()
                : c.model.targetEndpointArn());
        if (r.sourceEndpointArn() != null || r.targetEndpointArn() != null) {
            checkEndpoints(source, target);
            b.sourceEndpointArn(source.arn).targetEndpointArn(target.arn);
        }
        if (r.replicationSettings() != null) {
            b.replicationSettings(JsonDocs.mergeSettings(r.replicationSettings(), c.model.replicationSettings()));
        }
        if (r.supplementalSettings() != null) {
            b.supplementalSettings(r.supplementalSettings());
        }
        c.model = b.replicationConfigUpdateTime(w.now()).build();
        c.syncRun();
        c.updateTime = w.now();
        World.log().debug("Modified replication config {}", c.id());
        return ModifyReplicationConfigResponse.builder().replicationConfig(c.model).build();
    }

    /** DeleteReplicationConfig: not while the replication starts, runs or stops; drops its capacity. */
    DeleteReplicationConfigResponse delete(DeleteReplicationConfigRequest r) {
        ConfigRecord c = find(r.replicationConfigArn());
        String status = c.status();
        if (!DELETABLE.contains(status)) {
            throw Errors.invalidState("Replication config " + c.arn + " cannot be deleted while its replication is "
                    + status + "; stop the replication first (it can be deleted when created, stopped or failed).");
        }
        w.configs.remove(c.arn);
        tags.forget(c.arn);
        c.gone = true;
        c.run.gone = true;
        c.bump();
        c.run.bump();
        World.log().debug("Deleted replication config {}", c.id());
        return DeleteReplicationConfigResponse.builder().replicationConfig(c.model).build();
    }

    /** DescribeReplicationConfigs (filters replication-config-arn, replication-config-id; MaxRecords 20–100). */
    DescribeReplicationConfigsResponse describe(DescribeReplicationConfigsRequest r) {
        FILTERS.check(r.filters());
        List<ConfigRecord> matched = new ArrayList<>();
        for (ConfigRecord c : w.configs.values()) {
            if (c.visibleToDescribe() && FILTERS.matches(r.filters(), c)) {
                matched.add(c);
            }
        }
        if (matched.isEmpty() && r.hasFilters() && !r.filters().isEmpty()) {
            throw Errors.notFound("No replication configs found matching provided filters.");
        }
        Page<ConfigRecord> page = Page.of(matched, r.maxRecords(), r.marker(), 100);
        return DescribeReplicationConfigsResponse.builder()
                .replicationConfigs(page.items.stream().map(c -> c.model).toList()).marker(page.nextMarker).build();
    }
}
