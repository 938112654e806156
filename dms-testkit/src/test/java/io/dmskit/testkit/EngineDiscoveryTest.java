package io.dmskit.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("dms-testkit alone carries no replication engine and says which artifact brings one")
class EngineDiscoveryTest {

    @Test
    @DisplayName("withLocalReplicationEngine() without dms-engine on the class path names the dependency to add")
    void missingEngineNamesTheArtifact() {
        assertThatThrownBy(() -> DmsSandbox.builder().withLocalReplicationEngine())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("io.dmskit:dms-engine");
    }

    @Test
    @DisplayName("no JDBC driver or binlog connector is on dms-testkit's own class path")
    void noDriversOnTheTestkitClassPath() {
        for (String cls : new String[] {"org.mariadb.jdbc.Driver", "org.postgresql.Driver",
                "com.github.shyiko.mysql.binlog.BinaryLogClient"}) {
            assertThatThrownBy(() -> Class.forName(cls)).as(cls).isInstanceOf(ClassNotFoundException.class);
        }
    }
}
