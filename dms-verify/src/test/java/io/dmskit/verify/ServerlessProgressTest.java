package io.dmskit.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.core.DmsProvisioner;
import io.dmskit.core.Endpoint;
import io.dmskit.core.Pipeline;
import io.dmskit.core.provision.ApplyResult;
import io.dmskit.core.task.MigrationType;
import io.dmskit.model.TaskStatus;
import io.dmskit.testkit.FakeClock;
import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.Timings;
import io.dmskit.verify.support.TestDatabases;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A DMS Serverless replication config provisioned with dms-core: the verifier finds it in the apply result and reads
 * its replication's status and DescribeReplicationTableStatistics (scripted on FakeDms) as a task's progress.
 */
@DisplayName("Verifier.replicationConfig(applyResult, id): a serverless replication's progress and table statistics")
class ServerlessProgressTest {

    private static final String MAPPINGS = """
            {"rules":[{"rule-type":"selection","rule-id":"1","rule-name":"shop","object-locator":
            {"schema-name":"shop","table-name":"%"},"rule-action":"include"}]}""";

    private FakeClock clock;
    private FakeDms fake;
    private DmsProvisioner provisioner;
    private ApplyResult applied;

    @BeforeEach
    void setUp() {
        clock = FakeClock.create();
        fake = FakeDms.builder().clock(clock).timings(Timings.instant().with(b -> b.fullLoadScripted())).build();
        provisioner = DmsProvisioner.builder().dms(fake).clock(clock).sleeper(clock::sleep)
                .pollInterval(Duration.ofSeconds(5)).build();
        String role = "arn:aws:iam::123456789012:role/dms";
        Pipeline pipeline = Pipeline.builder("sless-verify")
                .endpoint(Endpoint.mysql("src").source()
                        .secretsManager("arn:aws:secretsmanager:us-east-1:123456789012:secret:src-AbCdEf", role))
                .endpoint(Endpoint.s3("lake").s3Settings(s -> s.bucketName("sless-lake").serviceAccessRoleArn(role)))
                .replicationConfig("orders", c -> c.source("src").target("lake")
                        .replicationType(MigrationType.FULL_LOAD_AND_CDC).compute(k -> k.maxCapacityUnits(2))
                        .tableMappings(MAPPINGS))
                .build();
        applied = provisioner.apply(pipeline);
    }

    @AfterEach
    void tearDown() {
        provisioner.close();
        fake.close();
    }

    private Verifier verifier() {
        return Verifier.builder().source(TestDatabases.mariadb()).dms(fake).replicationConfig(applied, "orders")
                .clock(clock).build();
    }

    @Test
    @DisplayName("before the first start it reads as ready; running, its table statistics are the replication's")
    void progress() {
        assertThat(verifier().taskProgress().status()).isEqualTo(TaskStatus.READY);

        provisioner.startReplication("orders");
        fake.replication("orders").tableStatistics("shop", "orders", s -> s.tableState("Full load").fullLoadRows(40L));

        TaskProgress p = verifier().taskProgress();
        assertThat(p.status()).isEqualTo(TaskStatus.RUNNING);
        assertThat(p.taskIdentifier()).contains("orders");
        assertThat(p.tables()).singleElement().satisfies(t -> {
            assertThat(t.table()).isEqualTo("orders");
            assertThat(t.fullLoadRows()).isEqualTo(40L);
        });
    }

    @Test
    @DisplayName("a config the apply result does not hold is named when the verifier is built")
    void unknownConfig() {
        assertThatThrownBy(() -> Verifier.builder().source(TestDatabases.mariadb()).dms(fake)
                .replicationConfig(applied, "nope").build())
                .hasMessageContaining("the apply result has no replication config 'nope'");
        assertThatThrownBy(() -> Verifier.builder().source(TestDatabases.mariadb()).dms(fake)
                .replicationConfigArn("arn:aws:dms:us-east-1:123456789012:task:X").build())
                .hasMessageContaining("is not a replication config ARN");
    }
}
