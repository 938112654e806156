package io.dmskit.testkit.internal.fake;

import io.dmskit.model.StopReason;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.databasemigration.model.ComputeConfig;
import software.amazon.awssdk.services.databasemigration.model.CreateReplicationConfigRequest;
import software.amazon.awssdk.services.databasemigration.model.CreateReplicationConfigResponse;
import software.amazon.awssdk.services.databasemigration.model.DeleteReplicationConfigRequest;
import software.amazon.awssdk.services.databasemigration.model.DeleteReplicationConfigResponse;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationConfigsRequest;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationConfigsResponse;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationTableStatisticsRequest;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationTableStatisticsResponse;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationsRequest;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationsResponse;
import software.amazon.awssdk.services.databasemigration.model.ModifyReplicationConfigRequest;
import software.amazon.awssdk.services.databasemigration.model.ModifyReplicationConfigResponse;
import software.amazon.awssdk.services.databasemigration.model.ProvisionData;
import software.amazon.awssdk.services.databasemigration.model.ReloadReplicationTablesRequest;
import software.amazon.awssdk.services.databasemigration.model.ReloadReplicationTablesResponse;
import software.amazon.awssdk.services.databasemigration.model.Replication;
import software.amazon.awssdk.services.databasemigration.model.ReplicationConfig;
import software.amazon.awssdk.services.databasemigration.model.ReplicationStats;
import software.amazon.awssdk.services.databasemigration.model.StartReplicationRequest;
import software.amazon.awssdk.services.databasemigration.model.StartReplicationResponse;
import software.amazon.awssdk.services.databasemigration.model.StopReplicationRequest;
import software.amazon.awssdk.services.databasemigration.model.StopReplicationResponse;
import software.amazon.awssdk.services.databasemigration.model.TableStatistics;
import software.amazon.awssdk.services.databasemigration.model.TableToReload;

/**
 * DMS Serverless: replication configs and their replications ({@code initializing → ... → running},
 * {@code stopping → stopped}). The control plane only: no data plane is attached to serverless replications.
 */
final class ConfigOps {

    private static final Set<Integer> DCU = Set.of(1, 2, 4, 8, 16, 32, 64, 128, 192, 256, 384);
    private static final Set<String> RUNNING_STATES = Set.of("initializing", "preparing_metadata_resources",
            "testing_connection", "fetching_metadata", "calculating_capacity", "provisioning_capacity",
            "replication_starting", "running", "stopping");

    private static final Page.Filters<ConfigRecord> FILTERS = new Page.Filters<ConfigRecord>()
            .one("replication-config-arn", c -> c.arn)
            .one("replication-config-id", c -> c.model.replicationConfigIdentifier());

    private static final Page.Filters<TableStatistics> TABLE_FILTERS = new Page.Filters<TableStatistics>()
            .one("schema-name", TableStatistics::schemaName)
            .one("table-name", TableStatistics::tableName)
            .one("table-state", TableStatistics::tableState);

    private final World w;
    private final TagOps tags;
    private final EndpointOps endpoints;
    private final Map<String, Map<String, TableStatistics>> tables = new LinkedHashMap<>();

    /** @param world state @param tags tags @param endpoints endpoints */
    public ConfigOps(World world, TagOps tags, EndpointOps endpoints) {
        this.w = world;
        this.tags = tags;
        this.endpoints = endpoints;
    }

    private ConfigRecord find(String arn) {
        Validate.required("ReplicationConfigArn", arn);
        ConfigRecord c = w.configs.get(arn);
        if (c == null) {
            throw Errors.notFound("Replication config " + arn + " not found");
        }
        return c;
    }

    private static void checkCompute(ComputeConfig c) {
        if (c == null) {
            throw Errors.invalidParameter("The parameter ComputeConfig must be provided.");
        }
        if (c.maxCapacityUnits() == null || !DCU.contains(c.maxCapacityUnits())) {
            throw Errors.invalidParameter("ComputeConfig.MaxCapacityUnits must be one of 1, 2, 4, 8, 16, 32, 64, "
                    + "128, 192, 256, 384 (Received: " + c.maxCapacityUnits() + ").");
        }
        if (c.minCapacityUnits() != null && (!DCU.contains(c.minCapacityUnits())
                || c.minCapacityUnits() > c.maxCapacityUnits())) {
            throw Errors.invalidParameter("ComputeConfig.MinCapacityUnits must be a valid capacity not above "
                    + "MaxCapacityUnits (Received: " + c.minCapacityUnits() + ").");
        }
    }

    private boolean running(ConfigRecord c) {
        return c.replication != null && RUNNING_STATES.contains(c.replication.status());
    }

    /** CreateReplicationConfig. */
    public CreateReplicationConfigResponse create(CreateReplicationConfigRequest r) {
        String id = Validate.identifier("ReplicationConfigIdentifier", r.replicationConfigIdentifier(), 255);
        EndpointRecord source = endpoints.find(Validate.required("SourceEndpointArn", r.sourceEndpointArn()));
        EndpointRecord target = endpoints.find(Validate.required("TargetEndpointArn", r.targetEndpointArn()));
        if (!"SOURCE".equals(source.model.endpointTypeAsString())
                || !"TARGET".equals(target.model.endpointTypeAsString())) {
            throw Errors.invalidParameter("SourceEndpointArn must name a source endpoint and TargetEndpointArn a "
                    + "target endpoint.");
        }
        checkCompute(r.computeConfig());
        String type = Validate.oneOf("ReplicationType", r.replicationTypeAsString(), TaskRules.MIGRATION_TYPES);
        JsonDocs.checkTableMappings(r.tableMappings());
        String settings = JsonDocs.mergeSettings(r.replicationSettings(), null);
        for (ConfigRecord other : w.configs.values()) {
            if (other.model.replicationConfigIdentifier().equalsIgnoreCase(id)) {
                throw Errors.alreadyExists("Replication config " + id + " already exists.");
            }
        }
        String arn = w.arn("replication-config", r.resourceIdentifier() != null
                ? r.resourceIdentifier().toUpperCase(Locale.ROOT) : w.newResourceId());
        ReplicationConfig model = ReplicationConfig.builder().replicationConfigIdentifier(id)
                .replicationConfigArn(arn).sourceEndpointArn(source.arn).targetEndpointArn(target.arn)
                .replicationType(type).computeConfig(r.computeConfig()).replicationSettings(settings)
                .supplementalSettings(r.supplementalSettings()).tableMappings(r.tableMappings())
                .replicationConfigCreateTime(w.now()).replicationConfigUpdateTime(w.now()).build();
        ConfigRecord c = new ConfigRecord(arn, model);
        tags.putInitial(arn, r.tags());
        c.invisibleDescribes = w.invisibility.applyAsInt("CreateReplicationConfig");
        w.configs.put(arn, c);
        tables.put(arn, new LinkedHashMap<>());
        World.log().debug("Created replication config {}", id);
        return CreateReplicationConfigResponse.builder().replicationConfig(model).build();
    }

    /** ModifyReplicationConfig: not while its replication runs. */
    public ModifyReplicationConfigResponse modify(ModifyReplicationConfigRequest r) {
        ConfigRecord c = find(r.replicationConfigArn());
        if (running(c)) {
            throw Errors.invalidState("Replication config " + c.arn + " cannot be modified while its replication is "
                    + c.replication.status() + ".");
        }
        ReplicationConfig.Builder b = c.model.toBuilder();
        if (r.replicationConfigIdentifier() != null) {
            b.replicationConfigIdentifier(Validate.identifier("ReplicationConfigIdentifier",
                    r.replicationConfigIdentifier(), 255));
        }
        if (r.replicationTypeAsString() != null) {
            b.replicationType(Validate.oneOf("ReplicationType", r.replicationTypeAsString(),
                    TaskRules.MIGRATION_TYPES));
        }
        if (r.tableMappings() != null) {
            JsonDocs.checkTableMappings(r.tableMappings());
            b.tableMappings(r.tableMappings());
        }
        if (r.replicationSettings() != null) {
            b.replicationSettings(JsonDocs.mergeSettings(r.replicationSettings(), c.model.replicationSettings()));
        }
        if (r.supplementalSettings() != null) {
            b.supplementalSettings(r.supplementalSettings());
        }
        if (r.computeConfig() != null) {
            ComputeConfig merged = Pojos.merge(c.model.computeConfig(), r.computeConfig());
            checkCompute(merged);
            b.computeConfig(merged);
        }
        if (r.sourceEndpointArn() != null) {
            b.sourceEndpointArn(endpoints.find(r.sourceEndpointArn()).arn);
        }
        if (r.targetEndpointArn() != null) {
            b.targetEndpointArn(endpoints.find(r.targetEndpointArn()).arn);
        }
        c.model = b.replicationConfigUpdateTime(w.now()).build();
        c.bump();
        return ModifyReplicationConfigResponse.builder().replicationConfig(c.model).build();
    }

    /** DeleteReplicationConfig: not while its replication runs. */
    public DeleteReplicationConfigResponse delete(DeleteReplicationConfigRequest r) {
        ConfigRecord c = find(r.replicationConfigArn());
        if (running(c)) {
            throw Errors.invalidState("Replication config " + c.arn + " cannot be deleted while its replication is "
                    + c.replication.status() + "; stop it first.");
        }
        w.configs.remove(c.arn);
        tables.remove(c.arn);
        tags.forget(c.arn);
        c.gone = true;
        return DeleteReplicationConfigResponse.builder().replicationConfig(c.model).build();
    }

    /** DescribeReplicationConfigs. */
    public DescribeReplicationConfigsResponse describe(DescribeReplicationConfigsRequest r) {
        FILTERS.check(r.filters());
        List<ConfigRecord> matched = new ArrayList<>();
        for (ConfigRecord c : w.configs.values()) {
            if (c.visibleToDescribe() && FILTERS.matches(r.filters(), c)) {
                matched.add(c);
            }
        }
        if (matched.isEmpty() && r.hasFilters() && !r.filters().isEmpty()) {
            throw Errors.notFound("No replication configs found matching provided filters");
        }
        Page<ConfigRecord> page = Page.of(matched, r.maxRecords(), r.marker(), 100);
        return DescribeReplicationConfigsResponse.builder()
                .replicationConfigs(page.items.stream().map(c -> c.model).toList()).marker(page.nextMarker).build();
    }

    /** StartReplication: {@code initializing → running} after {@code Timings.replicationStart}. */
    public StartReplicationResponse start(StartReplicationRequest r) {
        ConfigRecord c = find(r.replicationConfigArn());
        String type = Validate.oneOf("StartReplicationType", r.startReplicationType(),
                Set.of("start-replication", "resume-processing", "reload-target"));
        if (running(c)) {
            throw Errors.invalidState("Replication " + c.arn + " is already " + c.replication.status() + ".");
        }
        if (type.equals("start-replication") && c.replication != null) {
            throw Errors.invalidState("Start type start-replication is valid only for the first run of a "
                    + "replication; use resume-processing or reload-target.");
        }
        if (type.equals("resume-processing") && c.replication == null) {
            throw Errors.invalidState("Replication " + c.arn + " has never run: use start-replication.");
        }
        Replication.Builder b = (c.replication == null ? Replication.builder()
                .replicationCreateTime(w.now()) : c.replication.toBuilder())
                .replicationConfigIdentifier(c.model.replicationConfigIdentifier())
                .replicationConfigArn(c.arn).sourceEndpointArn(c.model.sourceEndpointArn())
                .targetEndpointArn(c.model.targetEndpointArn()).replicationType(c.model.replicationTypeAsString())
                .status("initializing").stopReason(null).failureMessages(List.of())
                .startReplicationType(type).cdcStartTime(r.cdcStartTime()).cdcStartPosition(r.cdcStartPosition())
                .cdcStopPosition(r.cdcStopPosition()).replicationUpdateTime(w.now())
                .provisionData(ProvisionData.builder().provisionState("provisioning").build())
                .replicationStats(ReplicationStats.builder().fullLoadProgressPercent(0).elapsedTimeMillis(0L)
                        .tablesLoaded(0).tablesLoading(0).tablesQueued(0).tablesErrored(0).startDate(w.now())
                        .freshStartDate(type.equals("resume-processing") ? null : w.now()).build());
        if (type.equals("reload-target") || type.equals("start-replication")) {
            tables.get(c.arn).clear();
        }
        c.replication = b.build();
        c.bump();
        w.schedule(w.timings.replicationStart(), c, () -> {
            c.replication = c.replication.toBuilder().status("running").replicationUpdateTime(w.now())
                    .provisionData(ProvisionData.builder().provisionState("provisioned")
                            .provisionedCapacityUnits(c.model.computeConfig().maxCapacityUnits())
                            .dateProvisioned(w.now()).isNewProvisioningAvailable(false).build()).build();
            c.bump();
        });
        World.log().debug("Starting serverless replication {}", c.model.replicationConfigIdentifier());
        return StartReplicationResponse.builder().replication(c.replication).build();
    }

    /** StopReplication: {@code stopping → stopped}. */
    public StopReplicationResponse stop(StopReplicationRequest r) {
        ConfigRecord c = find(r.replicationConfigArn());
        if (c.replication == null || !RUNNING_STATES.contains(c.replication.status())
                || "stopping".equals(c.replication.status())) {
            throw Errors.invalidState("Replication " + c.arn + " is currently not running.");
        }
        c.replication = c.replication.toBuilder().status("stopping").replicationUpdateTime(w.now()).build();
        c.bump();
        w.schedule(w.timings.replicationStop(), c, () -> {
            c.replication = c.replication.toBuilder().status("stopped").stopReason(StopReason.NORMAL.text())
                    .replicationLastStopTime(w.now()).replicationUpdateTime(w.now())
                    .replicationStats(c.replication.replicationStats().toBuilder().stopDate(w.now()).build())
                    .provisionData(c.replication.provisionData().toBuilder().provisionState("deprovisioned")
                            .build())
                    .replicationDeprovisionTime(w.now()).build();
            c.bump();
        });
        return StopReplicationResponse.builder().replication(c.replication).build();
    }

    /** DescribeReplications (filters replication-config-arn, replication-config-id). */
    public DescribeReplicationsResponse describeReplications(DescribeReplicationsRequest r) {
        FILTERS.check(r.filters());
        List<Replication> matched = new ArrayList<>();
        for (ConfigRecord c : w.configs.values()) {
            if (c.replication != null && FILTERS.matches(r.filters(), c)) {
                matched.add(c.replication);
            }
        }
        if (matched.isEmpty() && r.hasFilters() && !r.filters().isEmpty()) {
            throw Errors.notFound("No replications found matching provided filters");
        }
        Page<Replication> page = Page.of(matched, r.maxRecords(), r.marker(), 100);
        return DescribeReplicationsResponse.builder().replications(page.items).marker(page.nextMarker).build();
    }

    /** DescribeReplicationTableStatistics. */
    public DescribeReplicationTableStatisticsResponse tableStatistics(DescribeReplicationTableStatisticsRequest r) {
        ConfigRecord c = find(r.replicationConfigArn());
        TABLE_FILTERS.check(r.filters());
        List<TableStatistics> matched = tables.get(c.arn).values().stream()
                .filter(s -> TABLE_FILTERS.matches(r.filters(), s)).toList();
        Page<TableStatistics> page = Page.of(matched, r.maxRecords(), r.marker(), 500);
        return DescribeReplicationTableStatisticsResponse.builder().replicationConfigArn(c.arn)
                .replicationTableStatistics(page.items).marker(page.nextMarker).build();
    }

    /** ReloadReplicationTables: the replication must be running. */
    public ReloadReplicationTablesResponse reload(ReloadReplicationTablesRequest r) {
        ConfigRecord c = find(r.replicationConfigArn());
        Validate.requiredList("TablesToReload", r.tablesToReload());
        if (c.replication == null || !"running".equals(c.replication.status())) {
            throw Errors.invalidState("Replication " + c.arn + " is currently not running.");
        }
        for (TableToReload t : r.tablesToReload()) {
            tables.get(c.arn).put(TaskRecord.tableKey(t.schemaName(), t.tableName()),
                    TaskStatistics.freshTable(t.schemaName(), t.tableName()).tableState("Table is being reloaded")
                            .fullLoadReloaded(true).lastUpdateTime(w.now()).build());
        }
        return ReloadReplicationTablesResponse.builder().replicationConfigArn(c.arn).build();
    }
}
