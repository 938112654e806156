package io.dmskit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.testkit.DmsSandbox;
import io.dmskit.verify.probe.ProbeOperation;
import io.dmskit.verify.probe.ProbeOutcome;
import io.dmskit.verify.support.SandboxTask;
import io.dmskit.verify.support.TestDatabases;
import java.net.URI;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.databasemigration.model.TableStatistics;

/**
 * The dms-verify README's probe example, as a user runs it on {@code DmsSandbox.withLocalReplicationEngine()}
 * against the shared MariaDB and PostgreSQL (binlog off, wal_level=replica: the engine captures by polling). The probe
 * creates {@code dmskit_probe} after the task started; the engine must pick it up as DMS does.
 */
@DisplayName("README CDC probe on the local engine (polling capture)")
class ReadmeProbeOnLocalEngineTest {

    private static final DataSource MARIADB = TestDatabases.mariadb();
    private static final DataSource POSTGRES = TestDatabases.postgres();

    @RegisterExtension
    DmsSandbox sandbox = DmsSandbox.builder().withLocalReplicationEngine().build();

    private String schema;
    private boolean postgres;

    @AfterEach
    void dropSchema() {
        if (schema != null) {
            TestDatabases.dropSchema(postgres ? POSTGRES : MARIADB, schema, postgres);
        }
    }

    private String sourceSchema(boolean onPostgres, String prefix) {
        postgres = onPostgres;
        schema = TestDatabases.uniqueName(prefix);
        DataSource ds = onPostgres ? POSTGRES : MARIADB;
        TestDatabases.createSchema(ds, schema);
        TestDatabases.createTable(ds, schema, "orders", 20, onPostgres);
        return schema;
    }

    static SandboxTask.Source source(DataSource ds, boolean onPostgres) {
        try (Connection c = ds.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            URI uri = URI.create(md.getURL().substring("jdbc:".length()));
            int port = uri.getPort() >= 0 ? uri.getPort() : onPostgres ? 5432 : 3306;
            if (onPostgres) {
                return SandboxTask.Source.postgres(uri.getHost(), port, md.getUserName(), c.getCatalog());
            }
            String url = System.getenv().getOrDefault("DMSKIT_MYSQL_URL", "");
            int i = url.indexOf("password=");
            String password = i < 0 ? "" : url.substring(i + 9).split("&")[0];
            return SandboxTask.Source.mariadb(uri.getHost(), port, md.getUserName().replaceAll("@.*", ""), password);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The README's call, with a test-sized timeout. */
    static CdcProbeResult readmeProbe(Verifier verifier, String schema) {
        return verifier.probeCdc(o -> o.schema(schema).createTableIfMissing(true)
                .timeout(Duration.ofSeconds(30)));
    }

    private void assertProbeSucceeded(DataSource ds, boolean onPostgres, String prefix) {
        String s = sourceSchema(onPostgres, prefix);
        String task = SandboxTask.start(sandbox, source(ds, onPostgres), "probe-" + s.replace('_', '-'),
                SandboxTask.includeSchema(s), "orders");
        Verifier verifier = Verifier.builder().source(ds).dms(sandbox.dms()).taskArn(task).s3(sandbox.s3()).build();

        CdcProbeResult probe = readmeProbe(verifier, s);

        probe.assertSucceeded();
        System.out.println(probe.toText());
        assertThat(probe.tableCreated()).isTrue();
        assertThat(probe.outcome()).isEqualTo(ProbeOutcome.SUCCEEDED);
        assertThat(probe.operation(ProbeOperation.INSERT).orElseThrow().where().orElseThrow())
                .contains("/raw/" + s + "/dmskit_probe/");
        assertThat(SandboxTask.statistics(sandbox.dms(), task)).as("DescribeTableStatistics")
                .anySatisfy(t -> {
                    assertThat(t.tableName()).isEqualTo("dmskit_probe");
                    assertThat(t.inserts()).isEqualTo(1L);
                    assertThat(t.deletes()).isEqualTo(1L);
                });
    }

    @Test
    @DisplayName("MariaDB: the probe table created after the task started is captured; all three changes reach S3")
    void mariadb() {
        assertProbeSucceeded(MARIADB, false, "probe_my");
    }

    @Test
    @DisplayName("PostgreSQL: the probe table created after the task started is captured; all three changes reach S3")
    void postgres() {
        assertProbeSucceeded(POSTGRES, true, "probe_pg");
    }

    @Test
    @DisplayName("a probe table the task does not select: the result says the task is not capturing it (TABLE_NOT_IN_TASK)")
    void probeTableNotSelectedByTheTask() {
        String s = sourceSchema(false, "probe_sel");
        String task = SandboxTask.start(sandbox, source(MARIADB, false), "probe-" + s.replace('_', '-'),
                SandboxTask.include(s, "orders"), "orders");
        // the user's verifier selects more than the task does
        Verifier verifier = Verifier.builder().source(MARIADB).dms(sandbox.dms()).taskArn(task).s3(sandbox.s3())
                .tableMappings(SandboxTask.includeSchema(s)).build();

        CdcProbeResult probe = verifier.probeCdc(o -> o.schema(s).createTableIfMissing(true)
                .timeout(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(250)));

        assertThat(probe.succeeded()).isFalse();
        assertThat(probe.outcome()).isEqualTo(ProbeOutcome.TABLE_NOT_IN_TASK);
        assertThat(probe.failureMessage().orElseThrow())
                .contains("do not list " + s + ".dmskit_probe")
                .contains("not capturing the probe table")
                .doesNotContain("CdcMaxBatchInterval");
        assertThat(SandboxTask.statistics(sandbox.dms(), task)).extracting(TableStatistics::tableName)
                .containsExactly("orders");
    }

    @Test
    @DisplayName("a stopped task: the result says the task is not running (TASK_NOT_RUNNING)")
    void taskNotRunning() {
        String s = sourceSchema(false, "probe_stop");
        String task = SandboxTask.start(sandbox, source(MARIADB, false), "probe-" + s.replace('_', '-'),
                SandboxTask.includeSchema(s), "orders");
        sandbox.dms().stopReplicationTask(b -> b.replicationTaskArn(task));
        Verifier verifier = Verifier.builder().source(MARIADB).dms(sandbox.dms()).taskArn(task).s3(sandbox.s3()).build();

        CdcProbeResult probe = verifier.probeCdc(o -> o.schema(s).createTableIfMissing(true)
                .timeout(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(250)));

        assertThat(probe.outcome()).isEqualTo(ProbeOutcome.TASK_NOT_RUNNING);
        assertThat(probe.failureMessage().orElseThrow()).contains("is stopped");
        assertThat(probe.toText()).contains("FAILED TASK_NOT_RUNNING");
    }
}
