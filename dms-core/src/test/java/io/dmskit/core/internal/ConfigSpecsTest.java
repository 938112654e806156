package io.dmskit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.core.ReplicationConfig;
import io.dmskit.core.provision.FieldDiff;
import io.dmskit.core.task.MigrationType;
import io.dmskit.mappings.TableMappings;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.model.ComputeConfig;

@DisplayName("Replication config diffs: what DMS only echoes back is no difference")
class ConfigSpecsTest {

    private static final String MAPPINGS = "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\","
        + "\"rule-name\":\"shop\",\"object-locator\":{\"schema-name\":\"shop\",\"table-name\":\"%\"},"
        + "\"rule-action\":\"include\"}]}";

    private static ReplicationConfig desired() {
        return ReplicationConfig.of("orders", c -> c.source("src").target("lake")
            .replicationType(MigrationType.FULL_LOAD_AND_CDC).tableMappings(TableMappings.fromJson(MAPPINGS))
            .compute(k -> k.maxCapacityUnits(16).subnetGroup("Shop-Subnets").vpcSecurityGroupIds("sg-2", "sg-1")
                .dnsNameServers("10.0.0.2", "10.0.0.3"))
            .settings(s -> s.fullLoadSettings(f -> f.maxFullLoadSubTasks(8)).logging(l -> l.enableLogging(true)))
            .supplementalSettings("{\"a\":1,\"b\":{\"c\":\"x\"}}"));
    }

    /** The config as DMS describes it: defaults filled in, identifiers lower-cased, JSON members reordered. */
    private static software.amazon.awssdk.services.databasemigration.model.ReplicationConfig echoed() {
        return software.amazon.awssdk.services.databasemigration.model.ReplicationConfig.builder()
            .replicationConfigIdentifier("orders")
            .replicationConfigArn("arn:aws:dms:us-east-1:123456789012:replication-config:ABCDEF")
            .replicationType("full-load-and-cdc")
            .tableMappings("{\"rules\":[{\"rule-action\":\"include\",\"object-locator\":{\"table-name\":\"%\","
                + "\"schema-name\":\"shop\"},\"rule-name\":\"shop\",\"rule-id\":\"1\",\"rule-type\":\"selection\"}]}")
            .replicationSettings("{\"Logging\":{\"LogComponents\":[],\"EnableLogging\":true},\"TargetMetadata\":"
                + "{\"TargetSchema\":\"\",\"SupportLobs\":true},\"FullLoadSettings\":{\"CommitRate\":10000,"
                + "\"MaxFullLoadSubTasks\":\"8\"}}")
            .supplementalSettings("{\"b\":{\"c\":\"x\"},\"a\":1}")
            .computeConfig(ComputeConfig.builder().maxCapacityUnits(16).minCapacityUnits(1).multiAZ(false)
                .replicationSubnetGroupId("shop-subnets").vpcSecurityGroupIds("sg-1", "sg-2")
                .kmsKeyId("arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab")
                .availabilityZone("us-east-1b").dnsNameServers("10.0.0.3, 10.0.0.2")
                .preferredMaintenanceWindow("sun:06:00-sun:06:30").build())
            .build();
    }

    @Test
    @DisplayName("filled-in defaults, reordered JSON and lists, case of identifiers, numbers as text: no diff")
    void echoedDefaultsAreNoDiff() {
        assertThat(ConfigSpecs.diffs(desired(), echoed())).isEmpty();
        assertThat(ConfigSpecs.replaceDiffs(desired(), echoed())).isEmpty();
    }

    @Test
    @DisplayName("a setting the definition sets differently is one diff, named by DMS's field")
    void realChangesAreDiffs() {
        ReplicationConfig changed = desired().toBuilder()
            .compute(k -> k.maxCapacityUnits(32).minCapacityUnits(2))
            .settings(s -> s.fullLoadSettings(f -> f.maxFullLoadSubTasks(4)))
            .supplementalSettings("{\"a\":2}").resourceIdentifier("other").build();

        assertThat(ConfigSpecs.diffs(changed, echoed())).extracting(FieldDiff::field).containsExactlyInAnyOrder(
            "ComputeConfig.MaxCapacityUnits", "ComputeConfig.MinCapacityUnits",
            "ReplicationSettings.FullLoadSettings.MaxFullLoadSubTasks", "SupplementalSettings.a");
        assertThat(ConfigSpecs.replaceDiffs(changed, echoed())).extracting(FieldDiff::field)
            .containsExactly("ResourceIdentifier");
        assertThat(ConfigSpecs.modify(changed, "arn", "s", "t", ConfigSpecs.diffs(changed, echoed())))
            .satisfies(r -> {
                assertThat(r.computeConfig().maxCapacityUnits()).isEqualTo(32);
                assertThat(r.tableMappings()).isNull();
                assertThat(r.sourceEndpointArn()).isNull();
                assertThat(r.replicationSettings()).contains("MaxFullLoadSubTasks");
            });
    }
}
