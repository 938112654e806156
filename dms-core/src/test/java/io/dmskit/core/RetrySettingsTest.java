package io.dmskit.core;

import io.dmskit.core.exception.InvalidDefinitionException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.core.provision.RetrySettings;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("RetrySettings change by name, not by five positional values, and still validate")
class RetrySettingsTest {

    @Test
    @DisplayName("each with... changes one component and keeps the others")
    void namedCopies() {
        RetrySettings r = RetrySettings.defaults().withMaxAttempts(12).withInitialBackoff(Duration.ofSeconds(1))
            .withMultiplier(3).withJitter(0.25).withMaxBackoff(Duration.ofMinutes(1));

        assertThat(r).isEqualTo(new RetrySettings(12, Duration.ofSeconds(1), 3.0, 0.25, Duration.ofMinutes(1)));
        assertThat(RetrySettings.defaults().withJitter(0)).extracting(RetrySettings::maxAttempts)
            .isEqualTo(RetrySettings.defaults().maxAttempts());
    }

    @Test
    @DisplayName("a copy is validated like the constructor: the message names the component")
    void validated() {
        assertThatThrownBy(() -> RetrySettings.defaults().withJitter(1.5))
            .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("jitter");
        assertThatThrownBy(() -> RetrySettings.defaults().withMaxBackoff(Duration.ofMillis(10)))
            .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("maxBackoff");
    }
}
