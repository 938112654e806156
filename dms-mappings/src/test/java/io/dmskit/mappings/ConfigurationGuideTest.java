package io.dmskit.mappings;

import static io.dmskit.mappings.JsonAssert.assertSameJson;
import static io.dmskit.mappings.Rules.include;
import static io.dmskit.mappings.Rules.table;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConfigurationGuideTest {

    /** Step 4 of the configuration guide ("Market Intelligence Hub"), written with the DSL. */
    static TableMappings marketIntelligenceHub() {
        return TableMappings.builder()
                .rule(include("ecommerce", "%").name("include-ecommerce-tables"))
                .rule(include("market_intelligence_schema", "%").name("include-market-intelligence-tables"))
                .rule(table("%", "%").addPrefix("schema_").name("add-schema-prefix"))
                .build();
    }

    static String guideJson() throws IOException {
        try (InputStream in = ConfigurationGuideTest.class.getResourceAsStream("/mappings/configuration-guide-step4.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    @DisplayName("the DSL version of the guide's step-4 mapping produces the guide's JSON (as JSON)")
    void dslEqualsGuideJson() throws IOException {
        assertSameJson(marketIntelligenceHub().toJson(), guideJson());
        assertSameJson(marketIntelligenceHub().toPrettyJson(), guideJson());
    }

    @Test
    @DisplayName("the guide's JSON, read back, equals the DSL mappings in meaning and resolves as the guide intends")
    void guideJsonReadsBackToTheSameMappings() throws IOException {
        TableMappings fromGuide = TableMappings.fromJson(guideJson());
        assertThat(fromGuide.sameMeaningAs(marketIntelligenceHub())).isTrue();
        assertThat(fromGuide.toJson()).doesNotContain("null");
        TableResolution orders = fromGuide.resolve("ecommerce", "orders");
        assertThat(orders.included()).isTrue();
        assertThat(orders.targetSchema()).isEqualTo("ecommerce");
        assertThat(orders.targetTable()).isEqualTo("schema_orders");
        assertThat(fromGuide.resolve("hr", "employees").included()).isFalse();
    }

    @Test
    @DisplayName("the fixture is the guide's step-4 block when the seed document is available")
    void fixtureMatchesSeedDocument() throws IOException {
        Path beside = Path.of("../../shared/seeds/dms-configuration-guide.md");   // CI: shared/ beside the clone
        Path seed = Files.exists(beside) ? beside : Path.of("/work/shared/seeds/dms-configuration-guide.md");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(seed), "seed guide not available at " + seed);
        String md = Files.readString(seed);
        int step = md.indexOf("## Step 4");
        int start = md.indexOf("```json", step) + "```json".length();
        int end = md.indexOf("```", start);
        assertSameJson(md.substring(start, end), guideJson());
    }
}
