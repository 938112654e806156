package io.dmskit.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.testkit.dataplane.ReplicationEngineProvider;
import java.util.ServiceLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("dms-engine registers itself for DmsSandbox.withLocalReplicationEngine()")
class EngineDiscoveryTest {

    @Test
    @DisplayName("ServiceLoader finds the local engine's provider")
    void providerIsRegistered() {
        assertThat(ServiceLoader.load(ReplicationEngineProvider.class).stream().map(ServiceLoader.Provider::type))
                .containsExactly((Class) LocalEngineProvider.class);
    }
}
