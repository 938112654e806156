package io.dmskit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class QuickstartOptionsTest {

    private static Properties props(String... kv) {
        Properties p = new Properties();
        for (int i = 0; i < kv.length; i += 2) {
            p.setProperty(kv[i], kv[i + 1]);
        }
        return p;
    }

    @Test
    @DisplayName("without arguments, properties or environment the quickstart runs the embedded source at scale 1")
    void defaults() {
        QuickstartOptions o = QuickstartOptions.parse(new String[0], new Properties(), Map.of());
        assertThat(o.embedded()).isTrue();
        assertThat(o.scale()).isEqualTo(1);
        assertThat(o.report()).isEqualTo(Path.of("dmskit-report.html"));
        assertThat(o.effectiveSchemaPrefix()).isEmpty();
        assertThat(o.fullLoadTimeout()).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    @DisplayName("arguments win over system properties, which win over environment variables")
    void precedence() {
        Map<String, String> env = Map.of("DMSKIT_SOURCE_URL", "postgresql://postgres@h:5432/db", "DMSKIT_SCALE", "3",
                "DMSKIT_REPORT", "env.html");
        Properties p = props("dmskit.source", "mariadb://127.0.0.1:3306", "dmskit.scale", "2");
        QuickstartOptions o = QuickstartOptions.parse(new String[] {"--scale=5"}, p, env);
        assertThat(o.source()).isEqualTo("mariadb://127.0.0.1:3306");
        assertThat(o.scale()).isEqualTo(5);
        assertThat(o.report()).isEqualTo(Path.of("env.html"));
        assertThat(o.embedded()).isFalse();
        assertThat(o.effectiveSchemaPrefix()).as("servers the quickstart does not own get prefixed schemas")
                .isEqualTo("dmskit_");
    }

    @Test
    @DisplayName("--serverless, -Ddmskit.serverless=true or DMSKIT_SERVERLESS=true runs replication configs")
    void serverless() {
        assertThat(QuickstartOptions.parse(new String[0], new Properties(), Map.of()).serverless()).isFalse();
        assertThat(QuickstartOptions.parse(new String[] {"--serverless"}, new Properties(), Map.of()).serverless())
            .isTrue();
        assertThat(QuickstartOptions.parse(new String[0], props("dmskit.serverless", "true"), Map.of()).serverless())
            .isTrue();
        assertThat(QuickstartOptions.parse(new String[0], new Properties(), Map.of("DMSKIT_SERVERLESS", "true"))
            .serverless()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> QuickstartOptions.parse(
            new String[] {"--serverless=yes"}, new Properties(), Map.of()))
            .hasMessageContaining("'yes' is neither true nor false");
    }

    @Test
    @DisplayName("a bare argument is the source URL, and timeouts accept a trailing s")
    void positionalSourceAndSeconds() {
        QuickstartOptions o = QuickstartOptions.parse(new String[] {"mysql://db:3307", "--timeout=90s",
            "--probe-timeout=20", "--schema-prefix=qa_"}, new Properties(), Map.of());
        assertThat(o.source()).isEqualTo("mysql://db:3307");
        assertThat(o.fullLoadTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(o.probeTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(o.effectiveSchemaPrefix()).isEqualTo("qa_");
    }

    @Test
    @DisplayName("unknown options, missing values and bad numbers are rejected naming where they came from")
    void badInput() {
        assertThatThrownBy(() -> QuickstartOptions.parse(new String[] {"--sauce=x"}, new Properties(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--sauce")
                .hasMessageContaining("--source");
        assertThatThrownBy(() -> QuickstartOptions.parse(new String[] {"--scale"}, new Properties(), Map.of()))
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> QuickstartOptions.parse(new String[0], props("dmskit.scale", "many"), Map.of()))
                .hasMessageContaining("system property dmskit.scale").hasMessageContaining("'many'");
        assertThatThrownBy(() -> QuickstartOptions.parse(new String[0], new Properties(),
                Map.of("DMSKIT_SCALE", "0"))).hasMessageContaining("scale must be 1..1000, was 0");
        assertThatThrownBy(() -> QuickstartOptions.defaults().with(m -> m.schemaPrefix("Bad-Prefix")))
                .hasMessageContaining("schema prefix");
    }
}
