package io.dmskit.examples.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ServerSourceTest {

    @Test
    @DisplayName("a MariaDB URL without user, port or database falls back to root, 3306 and the scenario's database")
    void mariadbDefaults() {
        ServerSource s = ServerSource.parse("mariadb://db.internal", "dmskit_ecommerce");
        assertThat(s.engine()).isEqualTo(SourceEngine.MARIADB);
        assertThat(s.host()).isEqualTo("db.internal");
        assertThat(s.port()).isEqualTo(3306);
        assertThat(s.endpointDatabaseName()).isEqualTo("dmskit_ecommerce");
        assertThat(s.engine().dmsEngineName()).isEqualTo("mariadb");
        assertThat(s.embedded()).isFalse();
    }

    @Test
    @DisplayName("a JDBC PostgreSQL URL gives engine, user, port and database")
    void postgresJdbcUrl() {
        ServerSource s = ServerSource.parse("jdbc:postgresql://app@10.0.0.5:6543/shop", "ignored");
        assertThat(s.engine()).isEqualTo(SourceEngine.POSTGRESQL);
        assertThat(s.port()).isEqualTo(6543);
        assertThat(s.endpointDatabaseName()).isEqualTo("shop");
        assertThat(s.describe()).contains("app@10.0.0.5:6543/shop");
        assertThat(ServerSource.parse("postgres://h", "x").endpointDatabaseName()).isEqualTo("postgres");
    }

    @Test
    @DisplayName("a password in the URL never shows in descriptions, and is redacted from error messages")
    void passwordStaysHidden() {
        ServerSource s = ServerSource.parse("mysql://admin:p%40ss-w0rd@db:3307", "shop");
        assertThat(s.engine()).isEqualTo(SourceEngine.MYSQL);
        assertThat(s.describe()).doesNotContain("p@ss-w0rd").doesNotContain("p%40ss");
        assertThat(s.toString()).doesNotContain("p@ss-w0rd");
        assertThat(ServerSource.redact("mysql://admin:secret@db:3307")).isEqualTo("mysql://admin:***@db:3307");
        assertThatThrownBy(() -> ServerSource.parse("mysql://admin:secret@", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("secret");
    }

    @Test
    @DisplayName("an unknown scheme is rejected listing the accepted ones")
    void unknownScheme() {
        assertThatThrownBy(() -> ServerSource.parse("oracle://db:1521/XE", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("oracle").hasMessageContaining("mariadb://")
                .hasMessageContaining("postgresql://");
    }

    @Test
    @DisplayName("the DMS login must be prepared before it is read")
    void dmsLoginNeedsPreparation() {
        ServerSource s = ServerSource.parse("mariadb://127.0.0.1:3306", "x");
        assertThatThrownBy(s::dmsUsername).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("prepareDmsLogin");
    }

    @Test
    @DisplayName("JDBC query parameters user and password are understood, the password redacted")
    void jdbcQueryCredentials() {
        ServerSource s = ServerSource.parse("jdbc:mariadb://127.0.0.1:3306/test?user=app&password=pw1", "x");
        assertThat(s.describe()).contains("app@127.0.0.1:3306/test").doesNotContain("pw1");
        assertThat(ServerSource.redact("jdbc:mariadb://h/test?user=a&password=pw1")).doesNotContain("pw1");
    }
}
