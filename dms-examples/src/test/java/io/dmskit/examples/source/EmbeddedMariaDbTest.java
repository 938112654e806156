package io.dmskit.examples.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;

/** Starts one embedded MariaDB for the class (a few seconds); the last test closes it. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedMariaDbTest {

    private static EmbeddedMariaDb db;

    @BeforeAll
    static void start() {
        db = EmbeddedMariaDb.start("shop");
    }

    @AfterAll
    static void stop() {
        if (db != null) {
            db.close();
        }
    }

    private static Connection connect(String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + db.port() + "/shop?connectTimeout=5000",
                user, password);
    }

    @Test
    @DisplayName("the server runs MariaDB 11.4 with the binary log in ROW format, as DMS needs for CDC")
    void binlogInRowFormat() throws Exception {
        try (Connection c = db.adminDataSource().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT VERSION(), @@log_bin, @@binlog_format, @@binlog_row_image")) {
            rs.next();
            assertThat(rs.getString(1)).startsWith(EmbeddedMariaDb.VERSION);
            assertThat(rs.getInt(2)).isEqualTo(1);
            assertThat(rs.getString(3)).isEqualTo("ROW");
            assertThat(rs.getString(4)).isEqualTo("FULL");
        }
        assertThat(db.port()).isPositive();
        assertThat(db.describe()).contains("127.0.0.1:" + db.port()).doesNotContain(db.dmsPassword());
    }

    @Test
    @DisplayName("passwords are checked: the DMS user logs in with its password only")
    void passwordsAreChecked() throws Exception {
        try (Connection c = connect(db.dmsUsername(), db.dmsPassword())) {
            assertThat(c.isValid(2)).isTrue();
        }
        assertThatThrownBy(() -> connect(db.dmsUsername(), "wrong-" + db.dmsPassword()).close())
                .isInstanceOf(SQLException.class).hasMessageContaining("Access denied");
    }

    @Test
    @DisplayName("the DMS user has the guide's rights: it reads and reads the binlog, but cannot write")
    void dmsUserIsReadOnly() throws Exception {
        try (Connection admin = db.adminDataSource().getConnection(); Statement s = admin.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS shop.t (id INT PRIMARY KEY)");
            s.execute("REPLACE INTO shop.t VALUES (1)");
        }
        try (Connection c = connect(db.dmsUsername(), db.dmsPassword()); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM shop.t")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            try (ResultSet rs = s.executeQuery("SHOW BINARY LOGS")) {
                assertThat(rs.next()).isTrue();
            }
            assertThatThrownBy(() -> s.execute("INSERT INTO shop.t VALUES (2)")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("denied");
        }
    }

    @Test
    @Order(Integer.MAX_VALUE)
    @DisplayName("close() stops the server and deletes its folder")
    void closeCleansUp() {
        Path dir = db.workDir();
        assertThat(Files.isDirectory(dir)).isTrue();
        int port = db.port();
        db.close();
        assertThat(Files.exists(dir)).isFalse();
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port
                + "/?connectTimeout=2000", "x", "y").close()).isInstanceOf(SQLException.class);
    }
}
