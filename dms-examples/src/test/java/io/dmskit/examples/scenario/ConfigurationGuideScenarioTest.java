package io.dmskit.examples.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.core.Endpoint;
import io.dmskit.core.Pipeline;
import io.dmskit.core.ReplicationTask;
import io.dmskit.core.endpoint.Secret;
import io.dmskit.core.endpoint.Credentials;
import io.dmskit.core.endpoint.S3DataFormat;
import io.dmskit.core.task.MigrationType;
import io.dmskit.examples.data.ScenarioSchemas;
import io.dmskit.examples.source.SourceEngine;
import io.dmskit.mappings.TableMappings;
import io.dmskit.mappings.TableResolution;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConfigurationGuideScenarioTest {

    private static final String PASSWORD = "Tr0ub4dor-and-3";

    private final ConfigurationGuideScenario scenario = ConfigurationGuideScenario.builder()
            .sourceEngine(SourceEngine.MARIADB).serverName("127.0.0.1").port(3306).databaseName("ecommerce")
            .username("dms_user").password(Secret.of(PASSWORD)).build();

    @Test
    @DisplayName("the pipeline has the guide's shape: a subnet group, an instance, one source, five S3 targets, "
            + "five full-load-and-cdc tasks")
    void guideShape() {
        Pipeline p = scenario.pipeline();
        assertThat(p.subnetGroups()).hasSize(1);
        assertThat(p.instances()).singleElement().satisfies(i -> {
            assertThat(i.instanceClass()).isEqualTo("dms.c5.xlarge");
            assertThat(i.subnetGroup()).contains(ConfigurationGuideScenario.SUBNET_GROUP);
        });
        assertThat(p.endpoints()).hasSize(6);
        assertThat(p.tasks()).extracting(ReplicationTask::identifier).containsExactly(
                "market-intelligence-hub-replication", "demand-insights-engine-replication",
                "compliance-guardian-replication", "retail-copilot-replication", "global-market-pulse-replication");
        assertThat(p.tasks()).allSatisfy(t -> {
            assertThat(t.migrationType()).isEqualTo(MigrationType.FULL_LOAD_AND_CDC);
            assertThat(t.sourceEndpoint()).isEqualTo(ConfigurationGuideScenario.SOURCE_ENDPOINT);
        });
    }

    @Test
    @DisplayName("the source's credentials go through the guide's Secrets Manager secret and never print")
    void credentialsThroughSecretsManager() {
        Endpoint source = scenario.sourceEndpoint();
        assertThat(source.credentials()).get().isInstanceOfSatisfying(Credentials.ManagedSecret.class, m -> {
            assertThat(m.secretName()).isEqualTo("ecommerce/onprem-mysql-password");
            assertThat(m.username()).isEqualTo("dms_user");
            assertThat(m.password().matches(PASSWORD)).isTrue();
        });
        assertThat(source.toString()).doesNotContain(PASSWORD);
        assertThat(scenario.pipeline().toString()).doesNotContain(PASSWORD);
    }

    @Test
    @DisplayName("targets: one raw bucket per system, Parquet for retail-copilot and global-market-pulse, 1 s CDC batches")
    void targets() {
        assertThat(scenario.buckets()).hasSize(5).allMatch(b -> b.startsWith("ecommerce-") && b.endsWith("-raw"));
        assertThat(scenario.targetEndpoint("retail-copilot").s3Settings().orElseThrow().dataFormat())
                .contains(S3DataFormat.PARQUET);
        assertThat(scenario.targetEndpoint("market-intelligence-hub").s3Settings().orElseThrow().dataFormat())
                .contains(S3DataFormat.CSV);
        assertThat(scenario.targetEndpoint("compliance-guardian").s3Settings().orElseThrow().cdcMaxBatchInterval())
                .contains(1);
    }

    @Test
    @DisplayName("market-intelligence-hub replicates both schemas with the guide's schema_ table prefix")
    void guideMappings() {
        TableMappings m = scenario.tableMappings("market-intelligence-hub");
        TableResolution orders = m.resolve("ecommerce", "orders");
        assertThat(orders.included()).isTrue();
        assertThat(orders.targetTable()).isEqualTo("schema_orders");
        assertThat(m.resolve("market_intelligence_schema", "market_trends").targetTable())
                .isEqualTo("schema_market_trends");
        assertThat(m.resolve("ecommerce", ConfigurationGuideScenario.PROBE_TABLE).included())
                .as("the CDC probe table is replicated by the first task").isTrue();
        assertThat(m.resolve("marketXintelligence_schema", "market_trends").included())
                .as("'_' in schema names is matched literally").isFalse();
    }

    @Test
    @DisplayName("the other systems select, rename, filter and drop columns as documented")
    void otherSystems() {
        TableMappings demand = scenario.tableMappings("demand-insights-engine");
        assertThat(demand.resolve("ecommerce", "order_items").targetSchema()).isEqualTo("demand");
        assertThat(demand.resolve("ecommerce", "customers").included()).isFalse();

        TableMappings compliance = scenario.tableMappings("compliance-guardian");
        assertThat(compliance.resolve("ecommerce", "customers").targetColumn("email")).isEmpty();
        assertThat(compliance.resolve("ecommerce", "customers").targetColumn("city")).contains("city");

        TableResolution reviews = scenario.tableMappings("retail-copilot").resolve("ecommerce", "reviews");
        assertThat(reviews.filters()).hasSize(1);

        TableMappings pulse = scenario.tableMappings("global-market-pulse");
        assertThat(pulse.resolve("market_intelligence_schema", "competitor_prices").targetSchema())
                .isEqualTo("pulse");
        assertThat(pulse.resolve("ecommerce", "reviews").included()).isFalse();
        assertThatThrownBy(() -> scenario.tableMappings("nope")).hasMessageContaining("market-intelligence-hub");
    }

    @Test
    @DisplayName("prefixed schemas are used in every task's mappings")
    void prefixedSchemas() {
        ConfigurationGuideScenario prefixed = ConfigurationGuideScenario.builder()
                .password(Secret.of("x1")).schemas(ScenarioSchemas.withPrefix("qa_")).build();
        for (String system : ConfigurationGuideScenario.SYSTEMS) {
            TableMappings m = prefixed.tableMappings(system);
            assertThat(m.resolve("ecommerce", "orders").included()).as(system).isFalse();
        }
        assertThat(prefixed.tableMappings("compliance-guardian").resolve("qa_ecommerce", "orders").included())
                .isTrue();
    }

    @Test
    @DisplayName("a scenario without a password or with a bad port is rejected listing every problem")
    void validation() {
        assertThatThrownBy(() -> ConfigurationGuideScenario.builder().port(0).bucketPrefix("Bad_Prefix").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port must be 1..65535")
                .hasMessageContaining("bucketPrefix")
                .hasMessageContaining("password(Secret) is required");
    }
}
