package io.dmskit.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.core.endpoint.AuthenticationMethod;
import io.dmskit.core.endpoint.CharLengthSemantics;
import io.dmskit.core.endpoint.KinesisMessageFormat;
import io.dmskit.core.endpoint.MySqlTargetDbType;
import io.dmskit.core.endpoint.PostgresPluginName;
import io.dmskit.core.endpoint.SafeguardPolicy;
import io.dmskit.core.endpoint.Secret;
import io.dmskit.core.endpoint.SslMode;
import io.dmskit.core.instance.NetworkType;
import io.dmskit.core.provision.Plan;
import io.dmskit.core.settings.ErrorPolicy;
import io.dmskit.core.task.MigrationType;
import io.dmskit.testkit.FakeClock;
import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.FakeSecretsManager;
import io.dmskit.testkit.Timings;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.model.CreateEndpointRequest;

@DisplayName("Every engine family applies, and re-applies without a diff")
class EngineFamiliesTest {

    static final String ROLE = "arn:aws:iam::123456789012:role/dms";

    static Pipeline pipeline(String secretArn) {
        return Pipeline.builder("families")
            .instance(ReplicationInstance.builder("fam-instance").instanceClass("dms.r5.large").allocatedStorage(100)
                .engineVersion("3.5.3").autoMinorVersionUpgrade(true).networkType(NetworkType.IPV4)
                .preferredMaintenanceWindow("sun:06:00-sun:06:30").publiclyAccessible(false).build())
            .endpoint(Endpoint.auroraPostgres("pg-source").source().sslMode(SslMode.REQUIRE)
                .secretsManager(secretArn, ROLE).databaseName("shop")
                .postgreSqlSettings(s -> s.pluginName(PostgresPluginName.PGLOGICAL).heartbeatEnable(true)
                    .heartbeatFrequency(5).slotName("dms_slot").captureDdls(false))
                .build())
            .endpoint(Endpoint.oracle("ora-source").source().serverName("ora.internal").port(1521)
                .databaseName("ORCL").password("dms", Secret.of("oracle-pw"))
                .oracleSettings(s -> s.useLogminerReader(true).charLengthSemantics(CharLengthSemantics.CHAR)
                    .addSupplementalLogging(true))
                .build())
            .endpoint(Endpoint.mariadb("maria-target").target().serverName("maria.internal").port(3306)
                .password("dms", Secret.of("maria-pw"))
                .mySqlSettings(s -> s.targetDbType(MySqlTargetDbType.MULTIPLE_DATABASES).parallelLoadThreads(4)
                    .authenticationMethod(AuthenticationMethod.PASSWORD))
                .build())
            .endpoint(Endpoint.sqlServer("mssql-target").target().serverName("mssql.internal").port(1433)
                .databaseName("dw").password("dms", Secret.of("mssql-pw"))
                .sqlServerSettings(s -> s.safeguardPolicy(SafeguardPolicy.RELY_ON_SQL_SERVER_REPLICATION_AGENT)
                    .useBcpFullLoad(true))
                .build())
            .endpoint(Endpoint.kinesis("stream-target").kinesisSettings(s -> s
                .streamArn("arn:aws:kinesis:us-east-1:123456789012:stream/orders").serviceAccessRoleArn(ROLE)
                .messageFormat(KinesisMessageFormat.JSON).includeTransactionDetails(true)).build())
            .task("pg-to-kinesis", t -> t.source("pg-source").target("stream-target").replicationInstance("fam-instance")
                .migrationType(MigrationType.CDC).cdcStartTime(Instant.parse("2026-01-01T00:00:00Z"))
                .tableMappings(BuilderValidationTest.MAPPINGS)
                .settings(s -> s.targetMetadata(m -> m.parallelApplyThreads(8).parallelApplyBufferSize(100))
                    .errorBehavior(e -> e.applyErrorInsertPolicy(ErrorPolicy.INSERT_RECORD))))
            .task("ora-to-maria", t -> t.source("ora-source").target("maria-target").replicationInstance("fam-instance")
                .migrationType(MigrationType.FULL_LOAD_AND_CDC).tableMappings(BuilderValidationTest.MAPPINGS)
                .settings(s -> s.validationSettings(v -> v.enableValidation(true).threadCount(8))
                    .beforeImageSettings(b -> b.enableBeforeImage(true).fieldName("before"))))
            .task("ora-to-mssql", t -> t.source("ora-source").target("mssql-target").replicationInstance("fam-instance")
                .migrationType(MigrationType.FULL_LOAD).tableMappings(BuilderValidationTest.MAPPINGS))
            .build();
    }

    @Test
    @DisplayName("PostgreSQL (secret reference), Oracle, MariaDB, SQL Server and Kinesis: apply, then no changes")
    void everyFamilyIsIdempotent() {
        FakeClock clock = FakeClock.create();
        FakeSecretsManager secrets = FakeSecretsManager.create();
        String secretArn = secrets.seedDatabaseSecret("shop/pg", "pg.internal", 5432, "dms", "pg-pw");
        FakeDms fake = FakeDms.builder().clock(clock).timings(Timings.realistic()).secretsManager(secrets).build();
        Pipeline pipeline = pipeline(secretArn);
        try (DmsProvisioner p = DmsProvisioner.builder().dms(fake).secrets(secrets).clock(clock).sleeper(clock::sleep)
            .pollInterval(Duration.ofSeconds(5)).build()) {
            p.apply(pipeline);

            CreateEndpointRequest pg = fake.calls("CreateEndpoint").stream().map(c -> c.request(CreateEndpointRequest.class))
                .filter(r -> r.endpointIdentifier().equals("pg-source")).findFirst().orElseThrow();
            assertThat(pg.engineName()).isEqualTo("aurora-postgresql");
            assertThat(pg.postgreSQLSettings().secretsManagerSecretId()).isEqualTo(secretArn);
            assertThat(pg.postgreSQLSettings().pluginNameAsString()).isEqualTo("pglogical");
            assertThat(pg.serverName()).isNull();
            CreateEndpointRequest ora = fake.calls("CreateEndpoint").stream().map(c -> c.request(CreateEndpointRequest.class))
                .filter(r -> r.endpointIdentifier().equals("ora-source")).findFirst().orElseThrow();
            assertThat(ora.password()).isEqualTo("oracle-pw");
            assertThat(ora.oracleSettings().charLengthSemanticsAsString()).isEqualTo("char");

            fake.clearCalls();
            Plan again = p.plan(pipeline);
            assertThat(again.hasChanges()).as(again.render()).isFalse();
            assertThat(fake.mutatingCallCount()).isZero();
        } finally {
            fake.close();
        }
    }
}
