package io.dmskit.verify.content;

import io.dmskit.verify.ContentVerifier;
import io.dmskit.verify.VerificationReport;
import io.dmskit.verify.Verifier;
import io.dmskit.verify.report.ContentDifference;
import io.dmskit.verify.report.TableContent;
import io.dmskit.verify.report.TableVerification;
import io.dmskit.verify.source.SourceTable;
import io.dmskit.verify.support.TestDatabases;
import io.dmskit.verify.target.JdbcTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Integer keys: range buckets computed in SQL at the ends of BIGINT and across zero")
class IntegerKeyBucketsTest {

    private static final DataSource MY = TestDatabases.mariadb();
    private static final DataSource PG = TestDatabases.postgres();
    private static final String KEYS = "-4000000000000000000, -1000, -1, 0, 1, 2, 999, 1000, 3000000000000000000";
    private static final String HUGE = "-9223372036854775808, -9223372036854775807, -5, 5, 9223372036854775806,"
            + " 9223372036854775807";
    private static String schema;
    private static VerificationReport report;

    @BeforeAll
    static void setUp() {
        schema = TestDatabases.uniqueName("dmskit_ib");
        TestDatabases.createSchema(MY, schema);
        TestDatabases.createSchema(PG, schema);
        for (DataSource ds : List.of(MY, PG)) {
            for (String t : List.of("wide", "huge")) {
                TestDatabases.exec(ds, "CREATE TABLE " + schema + "." + t + " (id BIGINT PRIMARY KEY, v VARCHAR(40))");
                for (String id : (t.equals("wide") ? KEYS : HUGE).split(",")) {
                    TestDatabases.exec(ds, "INSERT INTO " + schema + "." + t + " VALUES (" + id.trim() + ", 'v"
                            + id.trim() + "')");
                }
            }
        }
        // one lost update next to zero, one at each end of BIGINT
        TestDatabases.exec(PG, "UPDATE " + schema + ".wide SET v = 'lost' WHERE id IN (-1, 3000000000000000000)",
                "UPDATE " + schema + ".huge SET v = 'lost' WHERE id IN (-9223372036854775808, 9223372036854775807)");
        Verifier verifier = Verifier.builder().source(MY)
                .tables(SourceTable.of(schema, "wide"), SourceTable.of(schema, "huge"))
                .target(JdbcTarget.of(PG, "postgresql")).build();
        report = ContentVerifier.of(b -> b.verifier(verifier).rowThreshold(1).segments(4).splitFactor(2)).verify();
    }

    @AfterAll
    static void tearDown() {
        TestDatabases.dropSchema(MY, schema, false);
        TestDatabases.dropSchema(PG, schema, true);
    }

    private static List<Map<String, String>> different(String table) {
        TableVerification t = report.table(schema, table).orElseThrow();
        assertThat(t.error()).as(table).isEmpty();
        TableContent c = t.content().orElseThrow();
        assertThat(c.totalDifferences()).as(table).isEqualTo(2);
        return c.samples().stream().filter(d -> d.kind() == ContentDifference.Kind.DIFFERENT)
                .map(ContentDifference::key).toList();
    }

    @Test
    @DisplayName("keys on both sides of zero, within 64-bit bucket arithmetic")
    void acrossZero() {
        assertThat(different("wide")).containsExactly(Map.of("id", "-1"), Map.of("id", "3000000000000000000"));
    }

    @Test
    @DisplayName("keys at Long.MIN_VALUE and Long.MAX_VALUE (numeric bucket arithmetic)")
    void endsOfBigint() {
        assertThat(different("huge")).containsExactly(Map.of("id", "-9223372036854775808"),
                Map.of("id", "9223372036854775807"));
    }
}
