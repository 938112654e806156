package io.dmskit.verify;

import io.dmskit.verify.probe.OperationResult;
import io.dmskit.verify.support.PostgresApplier;
import io.dmskit.verify.support.TestDatabases;
import io.dmskit.verify.target.JdbcTarget;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("CDC probe against a PostgreSQL target")
class CdcProbeJdbcTest {

    private static final DataSource PG = TestDatabases.postgres();
    private static String src;
    private static String tgt;

    @BeforeAll
    static void setUp() {
        src = TestDatabases.uniqueName("dmskit_psrc");
        tgt = TestDatabases.uniqueName("dmskit_ptgt");
        TestDatabases.createSchema(PG, src);
        TestDatabases.createSchema(PG, tgt);
        for (String s : new String[]{src, tgt}) {
            TestDatabases.exec(PG, "CREATE TABLE " + s + ".dmskit_probe (id VARCHAR(64) PRIMARY KEY, note VARCHAR(200),"
                    + " committed_at TIMESTAMP(6))");
        }
    }

    @AfterAll
    static void tearDown() {
        TestDatabases.dropSchema(PG, src, true);
        TestDatabases.dropSchema(PG, tgt, true);
    }

    @Test
    @DisplayName("each change is waited for in turn on the target table and measured")
    void probeThroughDatabase() {
        String mappings = """
                {"rules":[{"rule-type":"selection","rule-id":"1","rule-name":"1","object-locator":
                {"schema-name":"%s","table-name":"%%"},"rule-action":"include"},
                {"rule-type":"transformation","rule-id":"2","rule-name":"2","rule-target":"schema","object-locator":
                {"schema-name":"%s"},"rule-action":"rename","value":"%s"}]}""".formatted(src, src, tgt);
        Verifier v = Verifier.builder().source(PG).tableMappings(mappings).target(JdbcTarget.of(PG, "pg-target"))
                .build();
        CdcProbeResult r;
        try (PostgresApplier applier = PostgresApplier.start(PG, src, tgt, "dmskit_probe", 200)) {
            r = v.probeCdc(o -> o.timeout(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)));
        }
        r.assertSucceeded();
        assertThat(r.probeTable()).isEqualTo(src + ".dmskit_probe");
        assertThat(r.targetLocation()).isEqualTo("pg-target: " + tgt + ".dmskit_probe");
        assertThat(r.operations()).allSatisfy(o -> assertThat(o.seen()).isTrue());
        OperationResult insert = r.operations().get(0);
        OperationResult delete = r.operations().get(2);
        assertThat(delete.committedAt()).isAfterOrEqualTo(insert.detectedAt().orElseThrow());
        assertThat(r.cleanedUp()).isTrue();
    }
}
