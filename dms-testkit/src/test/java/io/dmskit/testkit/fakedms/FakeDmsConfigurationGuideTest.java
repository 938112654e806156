package io.dmskit.testkit.fakedms;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.FakeSecretsManager;
import io.dmskit.testkit.Timings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.model.Endpoint;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;
import software.amazon.awssdk.services.databasemigration.model.TableStatistics;

@DisplayName("A configuration-guide pipeline written against DatabaseMigrationClient runs unchanged on FakeDms")
class FakeDmsConfigurationGuideTest {

    @Test
    @DisplayName("FakeDms.create(): every step shows what AWS would show, and everything is gone at the end")
    void pipelineOnInstantFake() {
        FakeDms dms = FakeDms.create();
        FakeSecretsManager secrets = FakeSecretsManager.create();
        ConfigurationGuidePipeline.Observed o = new ConfigurationGuidePipeline(dms, secrets, arns -> { }).run();

        assertThat(o.instanceAtCreate.replicationInstanceStatus()).isEqualTo("creating");
        assertThat(o.instanceAtCreate.replicationInstanceArn())
                .matches("arn:aws:dms:us-east-1:123456789012:rep:[A-Z2-7]{26}");
        assertThat(o.instanceWhenAvailable.replicationInstanceStatus()).isEqualTo("available");
        assertThat(o.instanceWhenAvailable.allocatedStorage()).isEqualTo(200);
        assertThat(o.instanceWhenAvailable.replicationSubnetGroup().replicationSubnetGroupIdentifier())
                .isEqualTo("ecommerce-ai-platform-dev-dms");
        assertThat(o.instanceWhenAvailable.publiclyAccessible()).isFalse();
        assertThat(o.instanceWhenAvailable.replicationInstancePublicIpAddress()).isNull();

        assertThat(o.source.endpointTypeAsString()).isEqualTo("SOURCE");
        assertThat(o.source.engineDisplayName()).isEqualTo("MySQL");
        assertThat(o.source.status()).isEqualTo("active");
        assertThat(o.source.mySQLSettings().secretsManagerSecretId()).isEqualTo(o.secretArn);
        assertThat(o.source.toString()).doesNotContain("Srikar@123");
        assertThat(o.targets).hasSize(5).allSatisfy(t -> {
            assertThat(t.endpointTypeAsString()).isEqualTo("TARGET");
            assertThat(t.engineName()).isEqualTo("s3");
            assertThat(t.s3Settings().dataFormatAsString()).isEqualTo("parquet");
            assertThat(t.serviceAccessRoleArn()).isEqualTo("arn:aws:iam::123456789012:role/dms-s3-access");
            assertThat(t.extraConnectionAttributes()).contains("bucketName=" + t.s3Settings().bucketName());
        });
        assertThat(o.connections).hasSize(6).allSatisfy(c -> assertThat(c.status()).isEqualTo("successful"));

        assertThat(o.tasksAtCreate).allSatisfy(t -> assertThat(t.status()).isEqualTo("creating"));
        assertThat(o.tasksReady).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo("ready");
            assertThat(t.migrationTypeAsString()).isEqualTo("full-load-and-cdc");
            assertThat(t.replicationTaskSettings()).contains("\"CloudWatchLogGroup\":\"dms-tasks-"
                    + "ecommerce-ai-platform-dev-dms\"").contains("\"MaxFullLoadSubTasks\":8");
        });
        assertThat(o.tasksAtStart).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo("starting");
            assertThat(t.replicationTaskStartDate()).isNotNull();
        });
        assertThat(o.tasksRunning).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo("running");
            assertThat(t.replicationTaskStats().fullLoadProgressPercent()).isEqualTo(100);
        });
        assertThat(o.tableStatistics).hasSize(5).allSatisfy((arn, stats) -> assertThat(stats).isEmpty());
        assertThat(o.tasksAtStop).allSatisfy(t -> assertThat(t.status()).isEqualTo("stopping"));
        assertThat(o.tasksStopped).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo("stopped");
            assertThat(t.stopReason()).isEqualTo("Stop Reason NORMAL");
        });
        assertThat(o.tasksAtDelete).allSatisfy(t -> assertThat(t.status()).isEqualTo("deleting"));
        assertThat(o.tasksLeft).isZero();
        assertThat(o.endpointsLeft).isZero();
        assertThat(o.instancesLeft).isZero();
        assertThat(o.subnetGroupsLeft).isZero();
        assertThat(dms.calls("CreateReplicationTask")).hasSize(5).allSatisfy(c -> assertThat(c.succeeded()).isTrue());
        assertThat(dms.calls().stream().filter(c -> !c.succeeded()).map(c -> c.operation()))
                .as("only the deletion waiters see ResourceNotFoundFault")
                .allMatch(op -> op.startsWith("Describe"));
    }

    @Test
    @DisplayName("Realistic timings: the waiters poll through creating/starting/stopping in virtual time")
    void pipelineOnRealisticFake() {
        FakeSecretsManager secrets = FakeSecretsManager.create();
        FakeDms dms = FakeDms.builder().timings(Timings.realistic()).secretsManager(secrets).build();
        Instant start = dms.clock().instant();
        ConfigurationGuidePipeline.Observed o = new ConfigurationGuidePipeline(dms, secrets, arns -> {
            for (String arn : arns) {
                dms.task(arn).tableStatistics("ecommerce", "orders", s -> s.tableState("Full load")
                        .fullLoadRows(1200L));
                dms.task(arn).tableStatistics("ecommerce", "customers", s -> s.tableState("Table completed")
                        .fullLoadRows(300L));
            }
        }).run();

        Duration simulated = Duration.between(start, dms.clock().instant());
        assertThat(simulated).as("instance creation alone takes 8 simulated minutes")
                .isGreaterThan(Duration.ofMinutes(8));
        assertThat(o.instanceWhenAvailable.instanceCreateTime()).isAfter(start.plus(Duration.ofMinutes(7)));
        assertThat(o.connections).allSatisfy(c -> assertThat(c.status()).isEqualTo("successful"));
        assertThat(o.tasksRunning).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo("running");
            assertThat(t.replicationTaskStats().fullLoadProgressPercent()).isZero();
        });
        List<TableStatistics> first = o.tableStatistics.values().iterator().next();
        assertThat(first).extracting(TableStatistics::tableName).containsExactly("orders", "customers");
        assertThat(first.get(0).fullLoadRows()).isEqualTo(1200L);
        assertThat(o.tasksStopped).allSatisfy(t -> assertThat(t.status()).isEqualTo("stopped"));
        assertThat(o.tasksLeft).isZero();
        assertThat(o.instancesLeft).isZero();
        Endpoint source = o.source;
        assertThat(source.mySQLSettings().secretsManagerAccessRoleArn()).endsWith("dms-secrets-access");
        ReplicationTask stopped = o.tasksStopped.get(0);
        assertThat(stopped.replicationTaskStats().stopDate()).isAfter(stopped.replicationTaskStartDate());
    }
}
