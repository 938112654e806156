package io.dmskit.core.internal;

import io.dmskit.core.ReplicationConfig;
import io.dmskit.core.internal.json.JsonSemantics;
import io.dmskit.core.provision.FieldDiff;
import io.dmskit.mappings.MappingDiff;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.databasemigration.model.ComputeConfig;
import software.amazon.awssdk.services.databasemigration.model.CreateReplicationConfigRequest;
import software.amazon.awssdk.services.databasemigration.model.ModifyReplicationConfigRequest;

/**
 * DMS Serverless replication configs as DMS requests, and their differences from what DMS reports. Only what the
 * definition sets is compared: the compute fields DMS fills in (minimum capacity, multi-AZ, subnet group, KMS key,
 * zone, maintenance window), the settings it adds to the replication settings and the order of JSON members never
 * count as differences.
 */
final class ConfigSpecs {

    private ConfigSpecs() {
    }

    static ComputeConfig compute(io.dmskit.core.serverless.ComputeConfig c) {
        ComputeConfig.Builder b = ComputeConfig.builder().maxCapacityUnits(c.maxCapacityUnits());
        c.minCapacityUnits().ifPresent(b::minCapacityUnits);
        c.multiAz().ifPresent(b::multiAZ);
        c.subnetGroup().ifPresent(b::replicationSubnetGroupId);
        c.vpcSecurityGroupIds().ifPresent(b::vpcSecurityGroupIds);
        c.kmsKeyId().ifPresent(b::kmsKeyId);
        c.availabilityZone().ifPresent(b::availabilityZone);
        c.dnsNameServers().ifPresent(l -> b.dnsNameServers(String.join(",", l)));
        c.preferredMaintenanceWindow().ifPresent(b::preferredMaintenanceWindow);
        return b.build();
    }

    static CreateReplicationConfigRequest create(ReplicationConfig c, String sourceArn, String targetArn,
                                                 String pipeline) {
        CreateReplicationConfigRequest.Builder b = CreateReplicationConfigRequest.builder()
            .replicationConfigIdentifier(c.identifier()).sourceEndpointArn(sourceArn).targetEndpointArn(targetArn)
            .replicationType(c.replicationType().wireValue()).computeConfig(compute(c.compute()))
            .tableMappings(Mappings.toJson(c.tableMappings())).tags(Specs.tags(c.tags(), pipeline));
        if (!c.settings().isEmpty()) {
            b.replicationSettings(c.settings().toJson());
        }
        c.supplementalSettings().ifPresent(b::supplementalSettings);
        c.resourceIdentifier().ifPresent(b::resourceIdentifier);
        return b.build();
    }

    /**
     * @param c the desired config
     * @param arn the config's ARN
     * @param sourceArn the source endpoint's ARN
     * @param targetArn the target endpoint's ARN
     * @param diffs what planning found different: only those parts are sent
     * @return the request
     */
    static ModifyReplicationConfigRequest modify(ReplicationConfig c, String arn, String sourceArn, String targetArn,
                                                 List<FieldDiff> diffs) {
        ModifyReplicationConfigRequest.Builder b = ModifyReplicationConfigRequest.builder().replicationConfigArn(arn);
        if (changed(diffs, "ReplicationType")) {
            b.replicationType(c.replicationType().wireValue());
        }
        if (changed(diffs, "TableMappings")) {
            b.tableMappings(Mappings.toJson(c.tableMappings()));
        }
        if (changed(diffs, "ReplicationSettings")) {
            b.replicationSettings(c.settings().toJson());
        }
        if (changed(diffs, "SupplementalSettings")) {
            c.supplementalSettings().ifPresent(b::supplementalSettings);
        }
        if (changed(diffs, "ComputeConfig")) {
            b.computeConfig(compute(c.compute()));
        }
        if (changed(diffs, "SourceEndpointArn")) {
            b.sourceEndpointArn(sourceArn);
        }
        if (changed(diffs, "TargetEndpointArn")) {
            b.targetEndpointArn(targetArn);
        }
        return b.build();
    }

    private static boolean changed(List<FieldDiff> diffs, String prefix) {
        return diffs.stream().anyMatch(d -> d.field().equals(prefix) || d.field().startsWith(prefix + "."));
    }

    /**
     * @return the differences DMS can modify in place (before the replication first starts), current to desired
     */
    static List<FieldDiff> diffs(ReplicationConfig c,
                                 software.amazon.awssdk.services.databasemigration.model.ReplicationConfig a) {
        List<FieldDiff> d = new ArrayList<>();
        if (!c.replicationType().wireValue().equalsIgnoreCase(a.replicationTypeAsString())) {
            d.add(FieldDiff.of("ReplicationType", a.replicationTypeAsString(), c.replicationType().wireValue()));
        }
        Optional<MappingDiff> rules = Mappings.diff(a.tableMappings(), c.tableMappings());
        if (rules.isEmpty()) {
            if (!Mappings.sameMeaning(c.tableMappings(), a.tableMappings())) {
                d.add(FieldDiff.of("TableMappings", a.tableMappings(), Mappings.toJson(c.tableMappings())));
            }
        } else if (!rules.get().isEmpty()) {
            d.add(Mappings.summary(a.tableMappings(), c.tableMappings(), rules.get()));
        }
        if (!c.settings().isEmpty()) {
            c.settings().differencesFrom(a.replicationSettings()).forEach(x -> d.add(new FieldDiff(
                x.field().replaceFirst("^ReplicationTaskSettings", "ReplicationSettings"), x.before(), x.after(),
                x.sensitive())));
        }
        c.supplementalSettings().ifPresent(s -> d.addAll(JsonSemantics.differences("SupplementalSettings.",
            JsonSemantics.parseObject(s), parseOrEmpty(a.supplementalSettings()))));
        d.addAll(computeDiffs(c.compute(), a.computeConfig() == null ? ComputeConfig.builder().build()
            : a.computeConfig()));
        return d;
    }

    private static Map<String, Object> parseOrEmpty(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JsonSemantics.parseObject(json);
        } catch (IllegalArgumentException e) {
            return Map.of();
        }
    }

    private static List<FieldDiff> computeDiffs(io.dmskit.core.serverless.ComputeConfig c, ComputeConfig a) {
        List<FieldDiff> d = new ArrayList<>();
        String p = "ComputeConfig.";
        cmp(d, p + "MaxCapacityUnits", a.maxCapacityUnits(), c.maxCapacityUnits());
        c.minCapacityUnits().ifPresent(v -> cmp(d, p + "MinCapacityUnits", a.minCapacityUnits(), v));
        c.multiAz().ifPresent(v -> cmp(d, p + "MultiAZ", a.multiAZ() == null ? Boolean.FALSE : a.multiAZ(), v));
        c.subnetGroup().ifPresent(v -> {
            if (!v.equalsIgnoreCase(Objects.toString(a.replicationSubnetGroupId(), ""))) {
                d.add(FieldDiff.of(p + "ReplicationSubnetGroupId", a.replicationSubnetGroupId(), v));
            }
        });
        c.vpcSecurityGroupIds().ifPresent(v -> {
            Set<String> actual = new TreeSet<>(a.vpcSecurityGroupIds());
            if (!actual.equals(new TreeSet<>(v))) {
                d.add(FieldDiff.of(p + "VpcSecurityGroupIds", actual, new TreeSet<>(v)));
            }
        });
        c.kmsKeyId().ifPresent(v -> {
            if (!Specs.sameKey(a.kmsKeyId(), v)) {
                d.add(FieldDiff.of(p + "KmsKeyId", a.kmsKeyId(), v));
            }
        });
        c.availabilityZone().ifPresent(v -> cmp(d, p + "AvailabilityZone", a.availabilityZone(), v));
        c.dnsNameServers().ifPresent(v -> {
            Set<String> actual = a.dnsNameServers() == null ? Set.of() : Arrays.stream(a.dnsNameServers().split(","))
                .map(String::strip).filter(x -> !x.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
            if (!actual.equals(new TreeSet<>(v))) {
                d.add(FieldDiff.of(p + "DnsNameServers", a.dnsNameServers(), String.join(",", v)));
            }
        });
        c.preferredMaintenanceWindow().ifPresent(v -> {
            if (!v.equalsIgnoreCase(Objects.toString(a.preferredMaintenanceWindow(), ""))) {
                d.add(FieldDiff.of(p + "PreferredMaintenanceWindow", a.preferredMaintenanceWindow(), v));
            }
        });
        return d;
    }

    /**
     * @return the differences DMS cannot modify at all: the resource identifier at the end of the ARN
     */
    static List<FieldDiff> replaceDiffs(ReplicationConfig c,
                                        software.amazon.awssdk.services.databasemigration.model.ReplicationConfig a) {
        List<FieldDiff> d = new ArrayList<>();
        c.resourceIdentifier().ifPresent(r -> {
            String arn = Objects.toString(a.replicationConfigArn(), "");
            String actual = arn.substring(arn.lastIndexOf(':') + 1);
            if (!actual.toLowerCase(Locale.ROOT).equals(r.toLowerCase(Locale.ROOT))) {
                d.add(FieldDiff.of("ResourceIdentifier", actual, r));
            }
        });
        return d;
    }

    private static void cmp(List<FieldDiff> d, String field, Object actual, Object desired) {
        if (!Objects.equals(actual, desired)) {
            d.add(FieldDiff.of(field, actual, desired));
        }
    }
}
