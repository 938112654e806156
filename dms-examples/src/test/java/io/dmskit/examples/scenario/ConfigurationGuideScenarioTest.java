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
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    @ParameterizedTest(name = "{0}")
    @MethodSource("guideDocuments")
    @DisplayName("each system's mappings, written with the DSL, mean the same as the guide's JSON document")
    void sameMeaningAsTheGuideDocuments(String system, String guideJson) {
        ConfigurationGuideScenario prefixed = ConfigurationGuideScenario.builder()
                .password(Secret.of("x1")).schemas(ScenarioSchemas.withPrefix("qa_")).build();
        TableMappings expected = TableMappings.fromJson(guideJson);
        TableMappings actual = prefixed.tableMappings(system);
        assertThat(actual.sameMeaningAs(expected)).as("%s differs: %s", system, actual.changesFrom(expected))
                .isTrue();
    }

    /** The JSON documents the scenario used to hold, for schemas qa_ecommerce and qa_market_intelligence_schema. */
    static Stream<Arguments> guideDocuments() {
        return Stream.of(
                Arguments.of("market-intelligence-hub", """
                    {"rules": [
                      {"rule-type": "selection", "rule-id": "1", "rule-name": "include-ecommerce-tables",
                       "object-locator": {"schema-name": "qa[_]ecommerce", "table-name": "%"}, "rule-action": "include"},
                      {"rule-type": "selection", "rule-id": "2", "rule-name": "include-market-intelligence-tables",
                       "object-locator": {"schema-name": "qa[_]market[_]intelligence[_]schema", "table-name": "%"}, "rule-action": "include"},
                      {"rule-type": "transformation", "rule-id": "3", "rule-name": "add-schema-prefix",
                       "rule-target": "table", "object-locator": {"schema-name": "%", "table-name": "%"},
                       "rule-action": "add-prefix", "value": "schema_", "old-value": null}
                    ]}"""),
                Arguments.of("demand-insights-engine", """
                    {"rules": [
                      {"rule-type": "selection", "rule-id": "1", "rule-name": "orders",
                       "object-locator": {"schema-name": "qa[_]ecommerce", "table-name": "order%"}, "rule-action": "include"},
                      {"rule-type": "selection", "rule-id": "2", "rule-name": "products",
                       "object-locator": {"schema-name": "qa[_]ecommerce", "table-name": "products"}, "rule-action": "include"},
                      {"rule-type": "selection", "rule-id": "3", "rule-name": "inventory",
                       "object-locator": {"schema-name": "qa[_]ecommerce", "table-name": "inventory"}, "rule-action": "include"},
                      {"rule-type": "transformation", "rule-id": "4", "rule-name": "rename-schema",
                       "rule-target": "schema", "object-locator": {"schema-name": "qa[_]ecommerce"},
                       "rule-action": "rename", "value": "demand"}
                    ]}"""),
                Arguments.of("compliance-guardian", """
                    {"rules": [
                      {"rule-type": "selection", "rule-id": "1", "rule-name": "customers",
                       "object-locator": {"schema-name": "qa[_]ecommerce", "table-name": "customers"}, "rule-action": "include"},
                      {"rule-type": "selection", "rule-id": "2", "rule-name": "orders",
                       "object-locator": {"schema-name": "qa[_]ecommerce", "table-name": "orders"}, "rule-action": "include"},
                      {"rule-type": "transformation", "rule-id": "3", "rule-name": "drop-email",
                       "rule-target": "column",
                       "object-locator": {"schema-name": "qa[_]ecommerce", "table-name": "customers", "column-name": "email"},
                       "rule-action": "remove-column"},
                      {"rule-type": "transformation", "rule-id": "4", "rule-name": "drop-phone",
                       "rule-target": "column",
                       "object-locator": {"schema-name": "qa[_]ecommerce", "table-name": "customers", "column-name": "phone"},
                       "rule-action": "remove-column"}
                    ]}"""),
                Arguments.of("retail-copilot", """
                    {"rules": [
                      {"rule-type": "selection", "rule-id": "1", "rule-name": "products",
                       "object-locator": {"schema-name": "qa[_]ecommerce", "table-name": "products"}, "rule-action": "include"},
                      {"rule-type": "selection", "rule-id": "2", "rule-name": "good-reviews",
                       "object-locator": {"schema-name": "qa[_]ecommerce", "table-name": "reviews"}, "rule-action": "include",
                       "filters": [{"filter-type": "source", "column-name": "rating",
                                    "filter-conditions": [{"filter-operator": "gte", "value": "4"}]}]},
                      {"rule-type": "transformation", "rule-id": "3", "rule-name": "lower-case-tables",
                       "rule-target": "table", "object-locator": {"schema-name": "qa[_]ecommerce", "table-name": "%"},
                       "rule-action": "convert-lowercase"}
                    ]}"""),
                Arguments.of("global-market-pulse", """
                    {"rules": [
                      {"rule-type": "selection", "rule-id": "1", "rule-name": "market-intelligence",
                       "object-locator": {"schema-name": "qa[_]market[_]intelligence[_]schema", "table-name": "%"}, "rule-action": "include"},
                      {"rule-type": "selection", "rule-id": "2", "rule-name": "orders",
                       "object-locator": {"schema-name": "qa[_]ecommerce", "table-name": "orders"}, "rule-action": "include"},
                      {"rule-type": "transformation", "rule-id": "3", "rule-name": "pulse-schema",
                       "rule-target": "schema", "object-locator": {"schema-name": "%"},
                       "rule-action": "rename", "value": "pulse"}
                    ]}"""));
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
