package io.dmskit.testkit.internal.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.services.databasemigration.model.CreateReplicationInstanceRequest;
import software.amazon.awssdk.services.databasemigration.model.CreateReplicationInstanceResponse;
import software.amazon.awssdk.services.databasemigration.model.DeleteReplicationInstanceRequest;
import software.amazon.awssdk.services.databasemigration.model.DeleteReplicationInstanceResponse;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationInstancesRequest;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationInstancesResponse;
import software.amazon.awssdk.services.databasemigration.model.ModifyReplicationInstanceRequest;
import software.amazon.awssdk.services.databasemigration.model.ModifyReplicationInstanceResponse;
import software.amazon.awssdk.services.databasemigration.model.RebootReplicationInstanceRequest;
import software.amazon.awssdk.services.databasemigration.model.RebootReplicationInstanceResponse;
import software.amazon.awssdk.services.databasemigration.model.ReplicationInstance;
import software.amazon.awssdk.services.databasemigration.model.ReplicationPendingModifiedValues;
import software.amazon.awssdk.services.databasemigration.model.VpcSecurityGroupMembership;

/** Replication instances: {@code creating → available}, {@code modifying}, {@code rebooting}, {@code deleting}. */
final class InstanceOps {

    /** Instance classes DMS offers (DescribeOrderableReplicationInstances lists the same). */
    static final List<String> CLASSES = List.of(
            "dms.t2.micro", "dms.t2.small", "dms.t2.medium", "dms.t2.large",
            "dms.t3.micro", "dms.t3.small", "dms.t3.medium", "dms.t3.large",
            "dms.c4.large", "dms.c4.xlarge", "dms.c4.2xlarge", "dms.c4.4xlarge",
            "dms.c5.large", "dms.c5.xlarge", "dms.c5.2xlarge", "dms.c5.4xlarge", "dms.c5.9xlarge",
            "dms.c5.12xlarge", "dms.c5.18xlarge", "dms.c5.24xlarge",
            "dms.c6i.large", "dms.c6i.xlarge", "dms.c6i.2xlarge", "dms.c6i.4xlarge", "dms.c6i.8xlarge",
            "dms.c6i.12xlarge", "dms.c6i.16xlarge", "dms.c6i.24xlarge", "dms.c6i.32xlarge",
            "dms.r4.large", "dms.r4.xlarge", "dms.r4.2xlarge", "dms.r4.4xlarge", "dms.r4.8xlarge",
            "dms.r5.large", "dms.r5.xlarge", "dms.r5.2xlarge", "dms.r5.4xlarge", "dms.r5.8xlarge",
            "dms.r5.12xlarge", "dms.r5.16xlarge", "dms.r5.24xlarge",
            "dms.r6i.large", "dms.r6i.xlarge", "dms.r6i.2xlarge", "dms.r6i.4xlarge", "dms.r6i.8xlarge",
            "dms.r6i.12xlarge", "dms.r6i.16xlarge", "dms.r6i.24xlarge", "dms.r6i.32xlarge");
    /** Replication engine versions accepted; the first is the default. */
    static final List<String> ENGINE_VERSIONS = List.of("3.5.4", "3.5.3", "3.5.2", "3.5.1", "3.4.7", "3.4.6",
            "3.6.1");
    /** Classes of newer families follow the same naming. */
    private static final java.util.regex.Pattern CLASS_PATTERN = java.util.regex.Pattern.compile(
            "dms\\.[a-z][0-9]+[a-z]*\\.(micro|small|medium|large|[0-9]*xlarge)");
    private static final Set<String> NETWORK_TYPES = Set.of("IPV4", "DUAL");

    private static final Page.Filters<InstanceRecord> FILTERS = new Page.Filters<InstanceRecord>()
            .one("replication-instance-arn", i -> i.arn)
            .one("replication-instance-id", InstanceRecord::id)
            .one("replication-instance-class", i -> i.model.replicationInstanceClass())
            .one("engine-version", i -> i.model.engineVersion());

    private final World w;
    private final TagOps tags;
    private final SubnetGroupOps subnetGroups;

    /** @param world state @param tags tags @param subnetGroups subnet groups */
    public InstanceOps(World world, TagOps tags, SubnetGroupOps subnetGroups) {
        this.w = world;
        this.tags = tags;
        this.subnetGroups = subnetGroups;
    }

    InstanceRecord find(String arn) {
        Validate.required("ReplicationInstanceArn", arn);
        InstanceRecord i = w.instances.get(arn);
        if (i == null) {
            throw Errors.notFound("Replication instance " + arn + " not found");
        }
        return i;
    }

    private static void checkClass(String klass) {
        Validate.required("ReplicationInstanceClass", klass);
        if (!CLASSES.contains(klass) && !CLASS_PATTERN.matcher(klass).matches()) {
            throw Errors.invalidParameter("Invalid replication instance class: " + klass + ". Valid classes look like "
                    + "dms.t3.medium or dms.c5.xlarge.");
        }
    }

    private static String checkVersion(String version) {
        if (version == null) {
            return ENGINE_VERSIONS.get(0);
        }
        if (!ENGINE_VERSIONS.contains(version) && !version.matches("3\\.[56]\\.[0-9]+")) {
            throw Errors.invalidParameter("No replication engine found with version: " + version);
        }
        return version;
    }

    /** CreateReplicationInstance. */
    public CreateReplicationInstanceResponse create(CreateReplicationInstanceRequest r) {
        String id = Validate.identifier("ReplicationInstanceIdentifier", r.replicationInstanceIdentifier(), 63)
                .toLowerCase(Locale.ROOT);
        checkClass(r.replicationInstanceClass());
        Validate.range("AllocatedStorage", r.allocatedStorage(), 5, 6144);
        String version = checkVersion(r.engineVersion());
        if (r.networkType() != null) {
            Validate.oneOf("NetworkType", r.networkType(), NETWORK_TYPES);
        }
        String az = r.availabilityZone();
        if (az != null && !az.startsWith(w.region)) {
            throw Errors.invalidParameter("Invalid AvailabilityZone: " + az + " is not in region " + w.region + ".");
        }
        if (Boolean.TRUE.equals(r.multiAZ()) && az != null) {
            throw Errors.invalidCombination("Requesting a specific availability zone is not valid for Multi-AZ "
                    + "instances.");
        }
        for (InstanceRecord other : w.instances.values()) {
            if (other.id().equals(id)) {
                throw Errors.alreadyExists("ReplicationInstance " + id + " already exists");
            }
        }
        SubnetGroupRecord group = subnetGroups.findOrDefault(r.replicationSubnetGroupIdentifier());
        String arn = w.arn("rep", r.resourceIdentifier() != null
                ? Validate.identifier("ResourceIdentifier", r.resourceIdentifier(), 63).toUpperCase(Locale.ROOT)
                : w.newResourceId());
        if (w.instances.containsKey(arn)) {
            throw Errors.alreadyExists("A replication instance with ResourceIdentifier " + r.resourceIdentifier()
                    + " already exists.");
        }
        List<VpcSecurityGroupMembership> sgs = new ArrayList<>();
        if (r.hasVpcSecurityGroupIds() && !r.vpcSecurityGroupIds().isEmpty()) {
            for (String sg : r.vpcSecurityGroupIds()) {
                sgs.add(VpcSecurityGroupMembership.builder().vpcSecurityGroupId(sg).status("active").build());
            }
        } else {
            sgs.add(VpcSecurityGroupMembership.builder().vpcSecurityGroupId("sg-" + hex(17)).status("active")
                    .build());
        }
        boolean multiAz = Boolean.TRUE.equals(r.multiAZ());
        boolean publiclyAccessible = r.publiclyAccessible() == null || r.publiclyAccessible();
        String privateIp = "10.0." + w.random().nextInt(256) + "." + (1 + w.random().nextInt(250));
        ReplicationInstance.Builder b = ReplicationInstance.builder()
                .replicationInstanceIdentifier(id)
                .replicationInstanceClass(r.replicationInstanceClass())
                .replicationInstanceStatus("creating")
                .allocatedStorage(r.allocatedStorage() == null ? 50 : r.allocatedStorage())
                .vpcSecurityGroups(sgs)
                .availabilityZone(az != null ? az : w.region + "a")
                .replicationSubnetGroup(group.model)
                .preferredMaintenanceWindow(r.preferredMaintenanceWindow() != null ? r.preferredMaintenanceWindow()
                        : "sun:06:00-sun:06:30")
                .pendingModifiedValues(ReplicationPendingModifiedValues.builder().build())
                .multiAZ(multiAz)
                .engineVersion(version)
                .autoMinorVersionUpgrade(r.autoMinorVersionUpgrade() == null || r.autoMinorVersionUpgrade())
                .kmsKeyId(r.kmsKeyId() != null ? r.kmsKeyId() : w.defaultKmsKeyArn)
                .replicationInstanceArn(arn)
                .replicationInstancePrivateIpAddress(privateIp)
                .replicationInstancePrivateIpAddresses(privateIp)
                .publiclyAccessible(publiclyAccessible)
                .networkType(r.networkType() != null ? r.networkType() : "IPV4");
        if (publiclyAccessible) {
            String publicIp = "3." + (200 + w.random().nextInt(50)) + "." + w.random().nextInt(256) + "."
                    + (1 + w.random().nextInt(250));
            b.replicationInstancePublicIpAddress(publicIp).replicationInstancePublicIpAddresses(publicIp);
        }
        if (multiAz) {
            b.secondaryAvailabilityZone(w.region + "b");
        }
        if (r.dnsNameServers() != null) {
            b.dnsNameServers(r.dnsNameServers());
        }
        InstanceRecord i = new InstanceRecord(arn, b.build());
        tags.putInitial(arn, r.tags());
        i.invisibleDescribes = w.invisibility.applyAsInt("CreateReplicationInstance");
        w.instances.put(arn, i);
        ReplicationInstance response = i.model;
        // instanceCreateTime appears once the instance is up, as on AWS
        w.schedule(w.timings.instanceCreate(), i, () -> {
            i.model = i.model.toBuilder().instanceCreateTime(w.now()).build();
            i.status("available");
            w.event("replication-instance", id, "creation", "Replication instance created");
            World.log().debug("Replication instance {} is available", id);
        });
        w.event("replication-instance", id, "creation", "Replication instance creation started");
        World.log().debug("Creating replication instance {} ({})", id, arn);
        return CreateReplicationInstanceResponse.builder().replicationInstance(response).build();
    }

    private String hex(int n) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < n; k++) {
            sb.append(Character.forDigit(w.random().nextInt(16), 16));
        }
        return sb.toString();
    }

    private void requireAvailable(InstanceRecord i, String action) {
        if (!"available".equals(i.status())) {
            throw Errors.invalidState("Replication instance " + i.arn + " is not in available state (current state: "
                    + i.status() + "), cannot " + action + ".");
        }
    }

    /** ModifyReplicationInstance. */
    public ModifyReplicationInstanceResponse modify(ModifyReplicationInstanceRequest r) {
        InstanceRecord i = find(r.replicationInstanceArn());
        requireAvailable(i, "modify");
        if (r.replicationInstanceClass() != null) {
            checkClass(r.replicationInstanceClass());
        }
        Validate.range("AllocatedStorage", r.allocatedStorage(), 5, 6144);
        if (r.allocatedStorage() != null && r.allocatedStorage() < i.model.allocatedStorage()) {
            throw Errors.invalidParameter("Allocated storage can only be increased (current: "
                    + i.model.allocatedStorage() + " GB, requested: " + r.allocatedStorage() + " GB).");
        }
        if (r.engineVersion() != null) {
            checkVersion(r.engineVersion());
            String current = i.model.engineVersion();
            boolean major = !r.engineVersion().substring(0, 3).equals(current.substring(0, 3));
            if (major && !Boolean.TRUE.equals(r.allowMajorVersionUpgrade())) {
                throw Errors.invalidParameter("The AllowMajorVersionUpgrade flag must be present when upgrading to a "
                        + "new major version (" + current + " → " + r.engineVersion() + ").");
            }
        }
        String newId = null;
        if (r.replicationInstanceIdentifier() != null) {
            newId = Validate.identifier("ReplicationInstanceIdentifier", r.replicationInstanceIdentifier(), 63)
                    .toLowerCase(Locale.ROOT);
            for (InstanceRecord other : w.instances.values()) {
                if (other != i && other.id().equals(newId)) {
                    throw Errors.alreadyExists("ReplicationInstance " + newId + " already exists");
                }
            }
        }
        ReplicationInstance.Builder immediate = i.model.toBuilder();
        if (newId != null) {
            immediate.replicationInstanceIdentifier(newId);
        }
        if (r.preferredMaintenanceWindow() != null) {
            immediate.preferredMaintenanceWindow(r.preferredMaintenanceWindow());
        }
        if (r.autoMinorVersionUpgrade() != null) {
            immediate.autoMinorVersionUpgrade(r.autoMinorVersionUpgrade());
        }
        if (r.hasVpcSecurityGroupIds() && !r.vpcSecurityGroupIds().isEmpty()) {
            immediate.vpcSecurityGroups(r.vpcSecurityGroupIds().stream().map(sg ->
                    VpcSecurityGroupMembership.builder().vpcSecurityGroupId(sg).status("active").build()).toList());
        }
        ReplicationPendingModifiedValues pending = ReplicationPendingModifiedValues.builder()
                .replicationInstanceClass(r.replicationInstanceClass())
                .allocatedStorage(r.allocatedStorage())
                .multiAZ(r.multiAZ())
                .engineVersion(r.engineVersion())
                .networkType(r.networkType())
                .build();
        boolean anyPending = pending.replicationInstanceClass() != null || pending.allocatedStorage() != null
                || pending.multiAZ() != null || pending.engineVersion() != null || pending.networkType() != null;
        i.model = immediate.pendingModifiedValues(pending).build();
        i.bump();
        if (anyPending && Boolean.TRUE.equals(r.applyImmediately())) {
            i.status("modifying");
            w.schedule(w.timings.instanceModify(), i, () -> {
                ReplicationInstance.Builder b = i.model.toBuilder();
                if (pending.replicationInstanceClass() != null) {
                    b.replicationInstanceClass(pending.replicationInstanceClass());
                }
                if (pending.allocatedStorage() != null) {
                    b.allocatedStorage(pending.allocatedStorage());
                }
                if (pending.multiAZ() != null) {
                    b.multiAZ(pending.multiAZ());
                    b.secondaryAvailabilityZone(pending.multiAZ() ? w.region + "b" : null);
                }
                if (pending.engineVersion() != null) {
                    b.engineVersion(pending.engineVersion());
                }
                if (pending.networkType() != null) {
                    b.networkType(pending.networkType());
                }
                i.model = b.pendingModifiedValues(ReplicationPendingModifiedValues.builder().build()).build();
                i.status("available");
                w.event("replication-instance", i.id(), "configuration change",
                        "Replication instance modification completed");
                World.log().debug("Replication instance {} modified", i.id());
            });
        }
        World.log().debug("Modifying replication instance {}", i.id());
        return ModifyReplicationInstanceResponse.builder().replicationInstance(i.model).build();
    }

    /** RebootReplicationInstance. */
    public RebootReplicationInstanceResponse reboot(RebootReplicationInstanceRequest r) {
        InstanceRecord i = find(r.replicationInstanceArn());
        requireAvailable(i, "reboot");
        if (Boolean.TRUE.equals(r.forceFailover()) && !Boolean.TRUE.equals(i.model.multiAZ())) {
            throw Errors.invalidParameter("ForceFailover is only valid for Multi-AZ replication instances.");
        }
        if (Boolean.TRUE.equals(r.forceFailover()) && Boolean.TRUE.equals(r.forcePlannedFailover())) {
            throw Errors.invalidCombination("ForceFailover and ForcePlannedFailover cannot both be true.");
        }
        i.status("rebooting");
        w.event("replication-instance", i.id(), "maintenance", "Replication instance rebooting");
        w.schedule(w.timings.instanceReboot(), i, () -> {
            i.status("available");
            w.event("replication-instance", i.id(), "maintenance", "Replication instance rebooted");
        });
        World.log().debug("Rebooting replication instance {}", i.id());
        return RebootReplicationInstanceResponse.builder().replicationInstance(i.model).build();
    }

    /** DeleteReplicationInstance. */
    public DeleteReplicationInstanceResponse delete(DeleteReplicationInstanceRequest r) {
        InstanceRecord i = find(r.replicationInstanceArn());
        for (TaskRecord t : w.tasks.values()) {
            if (i.arn.equals(t.model.replicationInstanceArn()) || i.arn.equals(t.model.targetReplicationInstanceArn())) {
                throw Errors.invalidState("Replication instance " + i.arn + " cannot be deleted: it is used by "
                        + "replication task " + t.arn + ". Delete the task first.");
            }
        }
        if ("deleting".equals(i.status())) {
            throw Errors.invalidState("Replication instance " + i.arn + " is already being deleted.");
        }
        i.status("deleting");
        w.schedule(w.timings.instanceDelete(), i, () -> {
            w.instances.remove(i.arn);
            w.connections.values().removeIf(c -> i.arn.equals(c.model.replicationInstanceArn()));
            tags.forget(i.arn);
            i.gone = true;
            w.event("replication-instance", i.id(), "deletion", "Replication instance deleted");
            World.log().debug("Replication instance {} deleted", i.id());
        });
        World.log().debug("Deleting replication instance {}", i.id());
        return DeleteReplicationInstanceResponse.builder().replicationInstance(i.model).build();
    }

    /** DescribeReplicationInstances. */
    public DescribeReplicationInstancesResponse describe(DescribeReplicationInstancesRequest r) {
        FILTERS.check(r.filters());
        List<InstanceRecord> matched = new ArrayList<>();
        for (InstanceRecord i : w.instances.values()) {
            if (i.visibleToDescribe() && FILTERS.matches(r.filters(), i)) {
                matched.add(i);
            }
        }
        if (matched.isEmpty() && r.hasFilters() && !r.filters().isEmpty()) {
            throw Errors.notFound("No replication instances found matching provided filters");
        }
        Page<InstanceRecord> page = Page.of(matched, r.maxRecords(), r.marker(), 100);
        return DescribeReplicationInstancesResponse.builder()
                .replicationInstances(page.items.stream().map(i -> i.model).toList())
                .marker(page.nextMarker).build();
    }
}
