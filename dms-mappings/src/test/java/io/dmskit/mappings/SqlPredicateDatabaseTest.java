package io.dmskit.mappings;

import static io.dmskit.mappings.FilterCondition.between;
import static io.dmskit.mappings.FilterCondition.eq;
import static io.dmskit.mappings.FilterCondition.gte;
import static io.dmskit.mappings.FilterCondition.isNull;
import static io.dmskit.mappings.FilterCondition.lte;
import static io.dmskit.mappings.FilterCondition.notBetween;
import static io.dmskit.mappings.FilterCondition.notNull;
import static io.dmskit.mappings.FilterCondition.noteq;
import static io.dmskit.mappings.Rules.include;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Executes rendered source-filter predicates on real MariaDB/MySQL and PostgreSQL (URLs overridable with
 * DMSKIT_MYSQL_URL and DMSKIT_POSTGRES_URL), with hostile identifiers and literals.
 */
class SqlPredicateDatabaseTest {
    private static final String COL = "we`ird \"col";
    private static final String[] NAMES = {"O'Brien", "back\\slash", "plain", "quote\"d", null};

    private static Connection connect(SqlDialect dialect) {
        String url = dialect == SqlDialect.MYSQL
                ? System.getenv().getOrDefault("DMSKIT_MYSQL_URL", "jdbc:mariadb://127.0.0.1:3306/test?user=root")
                : System.getenv().getOrDefault("DMSKIT_POSTGRES_URL",
                        "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        try {
            return DriverManager.getConnection(url);
        } catch (SQLException e) {
            assumeTrue(false, dialect + " database not reachable at " + url + " (" + e.getMessage() + "); skipping");
            return null;
        }
    }

    private static List<Integer> ids(Connection c, String table, SqlDialect d, TableResolution r) throws SQLException {
        String where = r.sqlPredicate(d).orElse("1=1");
        List<Integer> out = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM " + table + " WHERE " + where + " ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(SqlDialect.class)
    @DisplayName("rendered predicates select exactly the rows the filter describes, with hostile names and values")
    void predicatesRunOnRealDatabases(SqlDialect dialect) throws SQLException {
        try (Connection c = connect(dialect)) {
            String table = "dmskit_mappings_filter_" + UUID.randomUUID().toString().substring(0, 8);
            String col = SqlPredicates.identifier(COL, dialect);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + table + " (id INT PRIMARY KEY, amount INT, " + col + " VARCHAR(40))");
            }
            try {
                try (PreparedStatement p = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?)")) {
                    for (int i = 1; i <= 10; i++) {
                        p.setInt(1, i);
                        p.setInt(2, i * 10);
                        p.setString(3, NAMES[i % NAMES.length]);
                        p.addBatch();
                    }
                    p.executeBatch();
                }
                TableMappings m = TableMappings.builder()
                        .rule(include("s", "ranges").where("amount", lte("20"), between("50", "60"), gte("100")))
                        .rule(include("s", "quoted").where(COL, eq("O'Brien"), eq("back\\slash")))
                        .rule(include("s", "negative").where(COL, noteq("plain")).where("amount", notBetween("30", "80")))
                        .rule(include("s", "nulls").where(COL, isNull()))
                        .rule(include("s", "notnulls").where(COL, notNull()).where("amount", lte("50")))
                        .build();
                assertThat(ids(c, table, dialect, m.resolve("s", "ranges"))).containsExactly(1, 2, 5, 6, 10);
                assertThat(ids(c, table, dialect, m.resolve("s", "quoted"))).containsExactly(1, 5, 6, 10);
                assertThat(ids(c, table, dialect, m.resolve("s", "negative"))).containsExactly(1, 10);
                assertThat(ids(c, table, dialect, m.resolve("s", "nulls"))).containsExactly(4, 9);
                assertThat(ids(c, table, dialect, m.resolve("s", "notnulls"))).containsExactly(1, 2, 3, 5);
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("DROP TABLE " + table);
                }
            }
        }
    }
}
