package io.dmskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.core.provision.ApplyPolicy;
import io.dmskit.core.provision.ResourceKind;
import io.dmskit.core.serverless.ComputeConfig;
import io.dmskit.core.serverless.ReplicationStart;
import io.dmskit.core.task.MigrationType;
import io.dmskit.mappings.TableMappings;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ReplicationConfig: DMS's documented rules, every problem at once; the pipeline's references")
class ReplicationConfigDefinitionTest {

    private static final TableMappings MAPPINGS = TableMappings.fromJson(GuidePipeline.mappingsJson("retail-copilot"));

    @Test
    @DisplayName("a config breaking many rules reports each, naming DMS's field")
    void everyProblemAtOnce() {
        assertThatThrownBy(() -> ReplicationConfig.builder("bad--id-").source("src").target("src")
            .compute(c -> c.maxCapacityUnits(3).minCapacityUnits(512).multiAz(true).availabilityZone("us-east-1a")
                .dnsNameServers("1.1.1.1", "2.2.2.2", "3.3.3.3", "4.4.4.4", "not-an-ip").vpcSecurityGroupIds("web")
                .preferredMaintenanceWindow("sun:06:00-sun:06:10"))
            .supplementalSettings("[1]").resourceIdentifier("1-starts-with-digit")
            .build())
            .isInstanceOf(InvalidDefinitionException.class)
            .satisfies(e -> assertThat(((InvalidDefinitionException) e).problems()).extracting(DefinitionProblem::field)
                .contains("ReplicationConfigIdentifier", "TargetEndpointArn", "ReplicationType",
                    "ComputeConfig.MaxCapacityUnits", "ComputeConfig.MinCapacityUnits", "ComputeConfig.AvailabilityZone",
                    "ComputeConfig.DnsNameServers", "ComputeConfig.VpcSecurityGroupIds",
                    "ComputeConfig.PreferredMaintenanceWindow", "TableMappings", "SupplementalSettings",
                    "ResourceIdentifier"))
            .hasMessageContaining("replication config 'bad--id-'")
            .hasMessageContaining("1, 2, 4, 8, 16, 32, 64, 128, 192, 256 or 384");
    }

    @Test
    @DisplayName("the minimum capacity may not exceed the maximum; the compute config is required")
    void capacity() {
        assertThatThrownBy(() -> ComputeConfig.builder().maxCapacityUnits(4).minCapacityUnits(8).build())
            .hasMessageContaining("ComputeConfig.MinCapacityUnits").hasMessageContaining("above MaxCapacityUnits 4");
        assertThatThrownBy(() -> ReplicationConfig.of("c", b -> b.source("a").target("b")
            .replicationType(MigrationType.CDC).tableMappings(MAPPINGS)))
            .hasMessageContaining("ComputeConfig: is required");
        assertThat(ComputeConfig.CAPACITY_UNITS).contains(1, 384).doesNotContain(0, 3, 512);
    }

    @Test
    @DisplayName("a valid config is immutable and round-trips through toBuilder()")
    void roundTrip() {
        ReplicationConfig c = ReplicationConfig.of("orders", b -> b.source("src").target("lake")
            .replicationType(MigrationType.FULL_LOAD_AND_CDC).tableMappings(MAPPINGS)
            .compute(k -> k.maxCapacityUnits(16).minCapacityUnits(2).dnsNameServers("10.0.0.2"))
            .settings(s -> s.logging(l -> l.enableLogging(true))).resourceIdentifier("orders-config-1")
            .tag("team", "data"));
        assertThat(c.toBuilder().build()).isEqualTo(c);
        assertThat(c.compute().minCapacityUnits()).hasValue(2);
        assertThat(c.toString()).contains("orders").contains("maxCapacityUnits=16");
    }

    @Test
    @DisplayName("the pipeline checks that a config's endpoints exist and have the right roles")
    void pipelineReferences() {
        assertThatThrownBy(() -> Pipeline.builder("p")
            .endpoint(Endpoint.s3("lake").s3Settings(s -> s.bucketName("dms-lake")
                .serviceAccessRoleArn(GuidePipeline.S3_ROLE)))
            .replicationConfig("c", b -> b.source("lake").target("missing")
                .replicationType(MigrationType.CDC).tableMappings(MAPPINGS).compute(k -> k.maxCapacityUnits(2)))
            .build())
            .isInstanceOf(InvalidDefinitionException.class)
            .hasMessageContaining("endpoint 'lake' is a target endpoint")
            .hasMessageContaining("refers to endpoint 'missing', which this pipeline does not define");
        Pipeline ok = ServerlessPipeline.build(java.util.List.of("retail-copilot"));
        assertThat(ok.replicationConfigs()).hasSize(1);
        assertThat(ok.withoutReplicationConfig("retail-copilot").replicationConfigs()).isEmpty();
    }

    @Test
    @DisplayName("a start may not name both a CDC start time and position; policies and kinds read as code")
    void startAndPolicy() {
        assertThatThrownBy(() -> ReplicationStart.startReplication().withCdcStartTime(Instant.EPOCH)
            .withCdcStartPosition("mysql-bin.000001:4"))
            .hasMessageContaining("set either CdcStartTime or CdcStartPosition, not both");
        assertThat(ApplyPolicy.all().discardCheckpoints()).isFalse();
        assertThat(ApplyPolicy.all().withDiscardCheckpoints(true).allowReplace()).isTrue();
        assertThat(new ApplyPolicy(true, true, false)).isEqualTo(ApplyPolicy.all());
        assertThat(ResourceKind.parse("config")).isEqualTo(ResourceKind.REPLICATION_CONFIG);
        assertThat(ResourceKind.parse("ReplicationConfig")).isEqualTo(ResourceKind.REPLICATION_CONFIG);
    }
}
