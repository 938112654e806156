package io.dmskit.verify.content;

import io.dmskit.testkit.DmsSandbox;
import io.dmskit.verify.ContentVerifier;
import io.dmskit.verify.VerificationReport;
import io.dmskit.verify.Verifier;
import io.dmskit.verify.report.ContentDifference;
import io.dmskit.verify.report.ContentDifference.ColumnDifference;
import io.dmskit.verify.report.TableContent;
import io.dmskit.verify.report.TableVerification;
import io.dmskit.verify.report.VerificationStatus;
import io.dmskit.verify.support.Await;
import io.dmskit.verify.support.SandboxTask;
import io.dmskit.verify.support.TestDatabases;
import io.dmskit.verify.target.JdbcTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;

import java.net.URI;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * End to end: the local replication engine runs a full-load task MariaDB -> PostgreSQL whose table mappings retype,
 * mask, rename, remove and add columns and filter rows (the engine creates the target tables with the new types and
 * writes what DMS writes); content verification of that target, with the same mappings, matches; a corruption of a
 * transformed column afterwards is found with its key and column.
 */
@DisplayName("Content verification of a JDBC target loaded by the local engine with the task's transformations")
class LocalEngineTransformationsContentTest {

    private static final DataSource MY = TestDatabases.mariadb();
    private static final DataSource PG = TestDatabases.postgres();

    @RegisterExtension
    DmsSandbox sandbox = DmsSandbox.builder().withLocalReplicationEngine().build();

    private String src;
    private String tgt;

    @AfterEach
    void drop() {
        TestDatabases.dropSchema(MY, src, false);
        TestDatabases.dropSchema(PG, tgt, true);
    }

    private String mappings() {
        return """
                {"rules":[
                 {"rule-type":"selection","rule-id":"1","rule-name":"acct","object-locator":{"schema-name":"S","table-name":"acct"},"rule-action":"include",
                  "filters":[{"filter-type":"source","column-name":"id","filter-conditions":[{"filter-operator":"lte","value":"150"}]}]},
                 {"rule-type":"selection","rule-id":"2","rule-name":"hk","object-locator":{"schema-name":"S","table-name":"hk"},"rule-action":"include"},
                 {"rule-type":"transformation","rule-id":"10","rule-name":"schema","rule-target":"schema","object-locator":{"schema-name":"S"},"rule-action":"rename","value":"T"},
                 {"rule-type":"transformation","rule-id":"11","rule-name":"c1","rule-target":"column","object-locator":{"schema-name":"S","table-name":"acct","column-name":"amount"},"rule-action":"change-data-type","data-type":{"type":"int4"}},
                 {"rule-type":"transformation","rule-id":"12","rule-name":"c2","rule-target":"column","object-locator":{"schema-name":"S","table-name":"acct","column-name":"price"},"rule-action":"change-data-type","data-type":{"type":"numeric","precision":8,"scale":1}},
                 {"rule-type":"transformation","rule-id":"13","rule-name":"c3","rule-target":"column","object-locator":{"schema-name":"S","table-name":"acct","column-name":"code"},"rule-action":"change-data-type","data-type":{"type":"string","length":5}},
                 {"rule-type":"transformation","rule-id":"14","rule-name":"c4","rule-target":"column","object-locator":{"schema-name":"S","table-name":"acct","column-name":"txt"},"rule-action":"change-data-type","data-type":{"type":"int8"}},
                 {"rule-type":"transformation","rule-id":"15","rule-name":"c5","rule-target":"column","object-locator":{"schema-name":"S","table-name":"acct","column-name":"d"},"rule-action":"change-data-type","data-type":{"type":"date"}},
                 {"rule-type":"transformation","rule-id":"16","rule-name":"c6","rule-target":"column","object-locator":{"schema-name":"S","table-name":"acct","column-name":"ts"},"rule-action":"change-data-type","data-type":{"type":"date"}},
                 {"rule-type":"transformation","rule-id":"17","rule-name":"c7","rule-target":"column","object-locator":{"schema-name":"S","table-name":"acct","column-name":"qty"},"rule-action":"change-data-type","data-type":{"type":"string","length":10}},
                 {"rule-type":"transformation","rule-id":"18","rule-name":"c8","rule-target":"column","object-locator":{"schema-name":"S","table-name":"acct","column-name":"score"},"rule-action":"change-data-type","data-type":{"type":"string","length":10}},
                 {"rule-type":"transformation","rule-id":"19","rule-name":"c9","rule-target":"column","object-locator":{"schema-name":"S","table-name":"acct","column-name":"ts2"},"rule-action":"change-data-type","data-type":{"type":"string","length":30}},
                 {"rule-type":"transformation","rule-id":"20","rule-name":"m1","rule-target":"column","object-locator":{"schema-name":"S","table-name":"acct","column-name":"card"},"rule-action":"data-masking-digits-mask","value":"#"},
                 {"rule-type":"transformation","rule-id":"21","rule-name":"m2","rule-target":"column","object-locator":{"schema-name":"S","table-name":"acct","column-name":"email"},"rule-action":"data-masking-hash-mask"},
                 {"rule-type":"transformation","rule-id":"30","rule-name":"r1","rule-target":"column","object-locator":{"schema-name":"S","table-name":"acct","column-name":"fname"},"rule-action":"rename","value":"first_name"},
                 {"rule-type":"transformation","rule-id":"31","rule-name":"r2","rule-target":"column","object-locator":{"schema-name":"S","table-name":"acct","column-name":"secret"},"rule-action":"remove-column"},
                 {"rule-type":"transformation","rule-id":"32","rule-name":"r3","rule-target":"column","object-locator":{"schema-name":"S","table-name":"acct"},"rule-action":"add-column","value":"full_name","expression":"$fname || ' ' || $code","data-type":{"type":"string","length":80}},
                 {"rule-type":"transformation","rule-id":"40","rule-name":"k1","rule-target":"column","object-locator":{"schema-name":"S","table-name":"hk","column-name":"code"},"rule-action":"change-data-type","data-type":{"type":"string","length":64}},
                 {"rule-type":"transformation","rule-id":"41","rule-name":"k2","rule-target":"column","object-locator":{"schema-name":"S","table-name":"hk","column-name":"code"},"rule-action":"data-masking-hash-mask"}
                ]}""".replace("\"S\"", "\"" + src + "\"").replace("\"T\"", "\"" + tgt + "\"");
    }

    @Test
    @DisplayName("the engine's transformed load matches; a corrupted transformed column is found")
    void engineLoadMatches() {
        src = TestDatabases.uniqueName("dmskit_jdbcxform_es");
        tgt = TestDatabases.uniqueName("dmskit_jdbcxform_et");
        TestDatabases.createSchema(MY, src);
        TestDatabases.exec(MY, "CREATE TABLE " + src + ".acct (id INT PRIMARY KEY, amount DECIMAL(10,3),"
                        + " price DECIMAL(10,4), code VARCHAR(40), txt VARCHAR(20), d VARCHAR(10), ts DATETIME,"
                        + " qty INT, card VARCHAR(30), email VARCHAR(80), fname VARCHAR(20), secret VARCHAR(20), score DECIMAL(6,2), ts2 DATETIME)",
                "INSERT INTO " + src + ".acct SELECT seq, IF(seq % 17 = 0, NULL, (CAST(seq AS SIGNED) - 100) * 1.375),"
                        + " seq * 1.0375, CONCAT(seq, '-abcdefgh'), CONCAT(seq * 3, '.7'),"
                        + " DATE_FORMAT(DATE '2024-02-01' + INTERVAL seq DAY, '%Y-%m-%d'),"
                        + " TIMESTAMP '2024-01-01 00:00:00' + INTERVAL seq * 5 HOUR, seq * 7,"
                        + " CONCAT('4111-', LPAD(seq, 4, '0')), IF(seq = 5, NULL, CONCAT('user', seq, '@example.com')),"
                        + " CONCAT('f', seq), CONCAT('pw', seq), seq * 0.5,"
                        + " TIMESTAMP '2024-01-01 00:00:00' + INTERVAL seq * 7 MINUTE FROM seq_1_to_200",
                "CREATE TABLE " + src + ".hk (code VARCHAR(20) PRIMARY KEY, label VARCHAR(20))",
                "INSERT INTO " + src + ".hk SELECT CONCAT('K', seq), CONCAT('label', seq) FROM seq_1_to_120");
        TestDatabases.createSchema(PG, tgt);
        String task = startFullLoad(mappings());
        Await.until("the full load", Duration.ofSeconds(90), () -> loaded(task, "acct") && loaded(task, "hk"),
                () -> SandboxTask.describe(sandbox.dms(), task).toString());

        VerificationReport ok = verify();
        for (String t : List.of("acct", "hk")) {
            TableVerification v = ok.table(src, t).orElseThrow();
            assertThat(v.status()).as(t + ": " + v.error() + " " + v.content().map(TableContent::samples))
                    .isEqualTo(VerificationStatus.CONTENT_MATCH);
        }
        assertThat(ok.table(src, "acct").orElseThrow().content().orElseThrow().sourceRows()).isEqualTo(150);

        TestDatabases.exec(PG, "UPDATE " + tgt + ".acct SET txt = txt + 1 WHERE id = 7",
                "UPDATE " + tgt + ".acct SET amount = amount - 1 WHERE id = 9",
                "UPDATE " + tgt + ".acct SET email = lower(email) WHERE id = 10", // the same hash in other case
                "UPDATE " + tgt + ".acct SET email = 'ab' || substr(email, 3) WHERE id = 11",
                "UPDATE " + tgt + ".acct SET card = '####-###0' WHERE id = 12",
                "UPDATE " + tgt + ".acct SET first_name = 'x' WHERE id = 13",
                "UPDATE " + tgt + ".acct SET full_name = 'y' WHERE id = 14");
        VerificationReport bad = verify();
        TableVerification acct = bad.table(src, "acct").orElseThrow();
        assertThat(acct.status()).isEqualTo(VerificationStatus.CONTENT_MISMATCH);
        Map<String, List<String>> got = new TreeMap<>();
        for (ContentDifference d : acct.content().orElseThrow().samples()) {
            got.put(d.key().get("id"), d.columns().stream().map(ColumnDifference::column).toList());
        }
        assertThat(got).containsExactlyEntriesOf(new TreeMap<>(Map.of("7", List.of("txt"), "9", List.of("amount"),
                "11", List.of("email"), "12", List.of("card"), "13", List.of("first_name"), "14", List.of("full_name"))));
        assertThat(acct.content().orElseThrow().samples().toString()).doesNotContain("4111").doesNotContain("user11@");
    }

    private VerificationReport verify() {
        Verifier verifier = Verifier.builder().source(MY).tableMappings(mappings())
                .target(JdbcTarget.of(PG, "postgresql://127.0.0.1/test")).queryTimeout(Duration.ofSeconds(60))
                .checkExtraTables(false).build();
        return ContentVerifier.of(b -> b.verifier(verifier).rowThreshold(16).segments(8).splitFactor(4)).verify();
    }

    private boolean loaded(String task, String table) {
        return SandboxTask.statistics(sandbox.dms(), task).stream()
                .anyMatch(s -> s.tableName().equals(table) && "Table completed".equals(s.tableState()));
    }

    private String startFullLoad(String mappings) {
        DatabaseMigrationClient dms = sandbox.dms();
        SandboxTask.Source my = source(MY, false);
        SandboxTask.Source pg = source(PG, true);
        String instance = dms.createReplicationInstance(b -> b.replicationInstanceIdentifier("ri")
                .replicationInstanceClass("dms.t3.medium")).replicationInstance().replicationInstanceArn();
        String secret = sandbox.secrets().seedDatabaseSecret("dms/source", my.host(), my.port(), my.user(),
                my.password());
        String sourceArn = dms.createEndpoint(b -> b.endpointIdentifier("src").endpointType("source")
                .engineName("mariadb").mySQLSettings(m -> m.secretsManagerSecretId(secret)
                        .secretsManagerAccessRoleArn("arn:aws:iam::123456789012:role/sm"))).endpoint().endpointArn();
        String targetArn = dms.createEndpoint(b -> b.endpointIdentifier("dst").endpointType("target")
                .engineName("postgres").serverName(pg.host()).port(pg.port()).username(pg.user())
                .password(pg.password()).databaseName(pg.database())).endpoint().endpointArn();
        dms.waiter().waitUntilReplicationInstanceAvailable(b -> b.filters(
                f -> f.name("replication-instance-arn").values(instance)));
        String task = dms.createReplicationTask(b -> b.replicationTaskIdentifier("xform-task")
                .migrationType("full-load").replicationInstanceArn(instance).sourceEndpointArn(sourceArn)
                .targetEndpointArn(targetArn).tableMappings(mappings)).replicationTask().replicationTaskArn();
        dms.waiter().waitUntilReplicationTaskReady(b -> b.filters(f -> f.name("replication-task-arn").values(task)));
        dms.startReplicationTask(b -> b.replicationTaskArn(task).startReplicationTaskType("start-replication"));
        return task;
    }

    private static SandboxTask.Source source(DataSource ds, boolean onPostgres) {
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
}
