package io.dmskit.testkit.internal.fake;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.databasemigration.model.AvailabilityZone;
import software.amazon.awssdk.services.databasemigration.model.CreateReplicationSubnetGroupRequest;
import software.amazon.awssdk.services.databasemigration.model.CreateReplicationSubnetGroupResponse;
import software.amazon.awssdk.services.databasemigration.model.DeleteReplicationSubnetGroupRequest;
import software.amazon.awssdk.services.databasemigration.model.DeleteReplicationSubnetGroupResponse;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationSubnetGroupsRequest;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationSubnetGroupsResponse;
import software.amazon.awssdk.services.databasemigration.model.ModifyReplicationSubnetGroupRequest;
import software.amazon.awssdk.services.databasemigration.model.ModifyReplicationSubnetGroupResponse;
import software.amazon.awssdk.services.databasemigration.model.ReplicationSubnetGroup;
import software.amazon.awssdk.services.databasemigration.model.Subnet;

/** Replication subnet groups. Call with the world's lock held. */
final class SubnetGroupOps {
    private static final Page.Filters<SubnetGroupRecord> FILTERS = new Page.Filters<SubnetGroupRecord>()
            .one("replication-subnet-group-id", SubnetGroupRecord::id);

    private final World w;
    private final TagOps tags;

    /** @param world state @param tags tag store */
    public SubnetGroupOps(World world, TagOps tags) {
        this.w = world;
        this.tags = tags;
    }

    private String arnOf(String id) {
        return w.arn("subgrp", id);
    }

    SubnetGroupRecord find(String id) {
        SubnetGroupRecord g = w.subnetGroups.get(id.toLowerCase(java.util.Locale.ROOT));
        if (g == null) {
            throw Errors.notFound("Replication subnet group '" + id + "' not found.");
        }
        return g;
    }

    /** The group named on CreateReplicationInstance, or the account's "default" group, made on first use. */
    SubnetGroupRecord findOrDefault(String id) {
        if (id != null && !id.isBlank()) {
            return find(id);
        }
        SubnetGroupRecord g = w.subnetGroups.get("default");
        if (g == null) {
            String vpc = "vpc-" + hex(8);
            g = new SubnetGroupRecord(arnOf("default"), model("default", "default", vpc,
                    List.of("subnet-" + hex(17), "subnet-" + hex(17))));
            w.subnetGroups.put("default", g);
            w.tags.put(g.arn, new java.util.LinkedHashMap<>());
        }
        return g;
    }

    private String hex(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(Character.forDigit(w.random().nextInt(16), 16));
        }
        return sb.toString();
    }

    private ReplicationSubnetGroup model(String id, String description, String vpcId, List<String> subnetIds) {
        List<Subnet> subnets = new ArrayList<>();
        for (int i = 0; i < subnetIds.size(); i++) {
            subnets.add(Subnet.builder().subnetIdentifier(subnetIds.get(i))
                    .subnetAvailabilityZone(AvailabilityZone.builder().name(w.region + (char) ('a' + i % 6)).build())
                    .subnetStatus("Active").build());
        }
        return ReplicationSubnetGroup.builder().replicationSubnetGroupIdentifier(id)
                .replicationSubnetGroupDescription(description).vpcId(vpcId).subnetGroupStatus("Complete")
                .subnets(subnets).supportedNetworkTypes("IPV4").build();
    }

    private static List<String> checkSubnets(List<String> subnetIds) {
        Validate.requiredList("SubnetIds", subnetIds);
        Set<String> unique = new LinkedHashSet<>();
        for (String s : subnetIds) {
            if (s == null || !s.matches("subnet-[0-9A-Za-z]{1,32}")) {
                throw Errors.invalidSubnet("The subnet ID '" + s + "' does not exist.");
            }
            unique.add(s);
        }
        if (unique.size() < 2) {
            throw Errors.notEnoughAzs("The replication subnet group does not cover enough Availability Zones (AZs). "
                    + "Edit the replication subnet group and add more AZs.");
        }
        return List.copyOf(unique);
    }

    private String vpcFor(List<String> subnets) {
        return "vpc-" + String.format("%017x", Math.abs((long) subnets.get(0).hashCode() * 2654435761L) % (1L << 60))
                .substring(0, 17);
    }

    /** CreateReplicationSubnetGroup. */
    public CreateReplicationSubnetGroupResponse create(CreateReplicationSubnetGroupRequest r) {
        String id = Validate.subnetGroupIdentifier(r.replicationSubnetGroupIdentifier());
        Validate.required("ReplicationSubnetGroupDescription", r.replicationSubnetGroupDescription());
        List<String> subnets = checkSubnets(r.subnetIds());
        if (w.subnetGroups.containsKey(id)) {
            throw Errors.alreadyExists("Replication subnet group '" + id + "' already exists");
        }
        SubnetGroupRecord g = new SubnetGroupRecord(arnOf(id),
                model(id, r.replicationSubnetGroupDescription(), vpcFor(subnets), subnets));
        tags.putInitial(g.arn, r.tags());
        g.invisibleDescribes = w.invisibility.applyAsInt("CreateReplicationSubnetGroup");
        w.subnetGroups.put(id, g);
        World.log().debug("Created replication subnet group {}", id);
        return CreateReplicationSubnetGroupResponse.builder().replicationSubnetGroup(g.model).build();
    }

    /** ModifyReplicationSubnetGroup. */
    public ModifyReplicationSubnetGroupResponse modify(ModifyReplicationSubnetGroupRequest r) {
        SubnetGroupRecord g = find(Validate.required("ReplicationSubnetGroupIdentifier",
                r.replicationSubnetGroupIdentifier()));
        List<String> subnets = r.hasSubnetIds() ? checkSubnets(r.subnetIds())
                : g.model.subnets().stream().map(Subnet::subnetIdentifier).toList();
        String description = r.replicationSubnetGroupDescription() != null ? r.replicationSubnetGroupDescription()
                : g.model.replicationSubnetGroupDescription();
        g.model = model(g.id(), description, g.model.vpcId(), subnets);
        for (InstanceRecord i : w.instances.values()) {
            if (g.id().equals(i.model.replicationSubnetGroup().replicationSubnetGroupIdentifier())) {
                i.model = i.model.toBuilder().replicationSubnetGroup(g.model).build();
            }
        }
        World.log().debug("Modified replication subnet group {}", g.id());
        return ModifyReplicationSubnetGroupResponse.builder().replicationSubnetGroup(g.model).build();
    }

    /** DeleteReplicationSubnetGroup. */
    public DeleteReplicationSubnetGroupResponse delete(DeleteReplicationSubnetGroupRequest r) {
        SubnetGroupRecord g = find(Validate.required("ReplicationSubnetGroupIdentifier",
                r.replicationSubnetGroupIdentifier()));
        for (InstanceRecord i : w.instances.values()) {
            if (g.id().equals(i.model.replicationSubnetGroup().replicationSubnetGroupIdentifier())) {
                throw Errors.invalidState("Cannot delete replication subnet group '" + g.id()
                        + "' because it is in use by replication instance '" + i.id() + "'.");
            }
        }
        w.subnetGroups.remove(g.id());
        g.gone = true;
        tags.forget(g.arn);
        World.log().debug("Deleted replication subnet group {}", g.id());
        return DeleteReplicationSubnetGroupResponse.builder().build();
    }

    /** DescribeReplicationSubnetGroups. */
    public DescribeReplicationSubnetGroupsResponse describe(DescribeReplicationSubnetGroupsRequest r) {
        FILTERS.check(r.filters());
        List<SubnetGroupRecord> matched = new ArrayList<>();
        for (SubnetGroupRecord g : w.subnetGroups.values()) {
            if (g.visibleToDescribe() && FILTERS.matches(r.filters(), g)) {
                matched.add(g);
            }
        }
        if (matched.isEmpty() && r.hasFilters() && !r.filters().isEmpty()) {
            throw Errors.notFound("No replication subnet groups found matching provided filters");
        }
        Page<SubnetGroupRecord> page = Page.of(matched, r.maxRecords(), r.marker(), 100);
        return DescribeReplicationSubnetGroupsResponse.builder()
                .replicationSubnetGroups(page.items.stream().map(g -> g.model).toList())
                .marker(page.nextMarker).build();
    }
}
