package io.dmskit.testkit.internal.fake;

import io.dmskit.model.DmsEngine;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.databasemigration.model.AccountQuota;
import software.amazon.awssdk.services.databasemigration.model.DescribeAccountAttributesResponse;
import software.amazon.awssdk.services.databasemigration.model.DescribeEndpointTypesRequest;
import software.amazon.awssdk.services.databasemigration.model.DescribeEndpointTypesResponse;
import software.amazon.awssdk.services.databasemigration.model.DescribeOrderableReplicationInstancesRequest;
import software.amazon.awssdk.services.databasemigration.model.DescribeOrderableReplicationInstancesResponse;
import software.amazon.awssdk.services.databasemigration.model.OrderableReplicationInstance;
import software.amazon.awssdk.services.databasemigration.model.SupportedEndpointType;

/** Read-only catalog calls: endpoint types, orderable instances, account quotas. */
final class CatalogOps {

    private record EndpointType(DmsEngine engine, String type) {
    }

    private static final Page.Filters<EndpointType> FILTERS = new Page.Filters<EndpointType>()
            .one("engine-name", e -> e.engine().name())
            .on("endpoint-type", e -> List.of(e.type(), e.type().toLowerCase(java.util.Locale.ROOT)));

    private final World w;

    /** @param world state */
    public CatalogOps(World world) {
        this.w = world;
    }

    /** DescribeEndpointTypes (filters engine-name, endpoint-type). */
    public DescribeEndpointTypesResponse endpointTypes(DescribeEndpointTypesRequest r) {
        FILTERS.check(r.filters());
        List<EndpointType> all = new ArrayList<>();
        for (DmsEngine e : DmsEngine.all()) {
            if (e.source()) {
                all.add(new EndpointType(e, "SOURCE"));
            }
            if (e.target()) {
                all.add(new EndpointType(e, "TARGET"));
            }
        }
        List<EndpointType> matched = all.stream().filter(e -> FILTERS.matches(r.filters(), e)).toList();
        Page<EndpointType> page = Page.of(matched, r.maxRecords(), r.marker(), 100);
        return DescribeEndpointTypesResponse.builder().supportedEndpointTypes(page.items.stream()
                        .map(e -> SupportedEndpointType.builder().engineName(e.engine().name())
                                .engineDisplayName(e.engine().displayName()).endpointType(e.type())
                                .supportsCDC(true)
                                .replicationInstanceEngineMinimumVersion("3.4.6").build()).toList())
                .marker(page.nextMarker).build();
    }

    /** DescribeOrderableReplicationInstances. */
    public DescribeOrderableReplicationInstancesResponse orderable(DescribeOrderableReplicationInstancesRequest r) {
        List<OrderableReplicationInstance> all = new ArrayList<>();
        for (String version : InstanceOps.ENGINE_VERSIONS) {
            for (String klass : InstanceOps.CLASSES) {
                all.add(OrderableReplicationInstance.builder().engineVersion(version).replicationInstanceClass(klass)
                        .storageType("gp2").minAllocatedStorage(5).maxAllocatedStorage(6144)
                        .defaultAllocatedStorage(50).includedAllocatedStorage(klass.contains(".t") ? 50 : 100)
                        .availabilityZones(w.region + "a", w.region + "b", w.region + "c")
                        .releaseStatus(version.equals("3.6.1") ? "beta" : null).build());
            }
        }
        Page<OrderableReplicationInstance> page = Page.of(all, r.maxRecords(), r.marker(), 100);
        return DescribeOrderableReplicationInstancesResponse.builder().orderableReplicationInstances(page.items)
                .marker(page.nextMarker).build();
    }

    /** DescribeEngineVersions: the replication engine versions CreateReplicationInstance accepts. */
    public software.amazon.awssdk.services.databasemigration.model.DescribeEngineVersionsResponse engineVersions(
            software.amazon.awssdk.services.databasemigration.model.DescribeEngineVersionsRequest r) {
        List<String> versions = InstanceOps.ENGINE_VERSIONS.stream().sorted().toList();
        List<software.amazon.awssdk.services.databasemigration.model.EngineVersion> all = new ArrayList<>();
        for (String v : versions) {
            all.add(software.amazon.awssdk.services.databasemigration.model.EngineVersion.builder().version(v)
                    .lifecycle(v.startsWith("3.4") ? "deprecated" : "active")
                    .releaseStatus(v.equals("3.6.1") ? "beta" : "prod")
                    .availableUpgrades(versions.stream().filter(x -> x.compareTo(v) > 0).toList()).build());
        }
        Page<software.amazon.awssdk.services.databasemigration.model.EngineVersion> page =
                Page.of(all, r.maxRecords(), r.marker(), 100);
        return software.amazon.awssdk.services.databasemigration.model.DescribeEngineVersionsResponse.builder()
                .engineVersions(page.items).marker(page.nextMarker).build();
    }

    /** DescribeAccountAttributes: DMS's default quotas and current usage. */
    public DescribeAccountAttributesResponse accountAttributes() {
        int storage = w.instances.values().stream().mapToInt(i -> i.model.allocatedStorage()).sum();
        return DescribeAccountAttributesResponse.builder()
                .accountQuotas(
                        quota("ReplicationInstances", w.instances.size(), 60),
                        quota("AllocatedStorage", storage, 30000),
                        quota("Endpoints", w.endpoints.size(), 1000),
                        quota("ReplicationTasks", w.tasks.size(), 600),
                        quota("ReplicationSubnetGroups", w.subnetGroups.size(), 60),
                        quota("EventSubscriptions", 0, 60),
                        quota("Certificates", 0, 100))
                .uniqueAccountIdentifier(Integer.toHexString(w.accountId.hashCode()))
                .build();
    }

    private static AccountQuota quota(String name, long used, long max) {
        return AccountQuota.builder().accountQuotaName(name).used(used).max(max).build();
    }
}
