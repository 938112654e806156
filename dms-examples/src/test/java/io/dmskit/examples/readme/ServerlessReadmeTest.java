package io.dmskit.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.core.DmsProvisioner;
import io.dmskit.core.Endpoint;
import io.dmskit.core.Pipeline;
import io.dmskit.core.provision.ApplyPolicy;
import io.dmskit.core.provision.ApplyResult;
import io.dmskit.core.serverless.ReplicationState;
import io.dmskit.core.task.MigrationType;
import io.dmskit.core.task.StartType;
import io.dmskit.mappings.Rules;
import io.dmskit.mappings.TableMappings;
import io.dmskit.testkit.FakeClock;
import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.Timings;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("docs/serverless.md: a pipeline of replication configs is applied, started, changed and destroyed")
class ServerlessReadmeTest {

    @Test
    void serverlessPipeline() {
        FakeClock clock = FakeClock.create();
        try (FakeDms fake = FakeDms.builder().clock(clock).timings(Timings.realistic()).build();
             DmsProvisioner dms = DmsProvisioner.builder().dms(fake).clock(clock).sleeper(clock::sleep)
                 .pollInterval(Duration.ofSeconds(15)).build()) {
            String role = "arn:aws:iam::123456789012:role/dms";
            String secretArn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:shop-AbCdEf";
            // region readme:serverless
            Pipeline pipeline = Pipeline.builder("shop")
                .endpoint(Endpoint.mysql("shop-source").source().secretsManager(secretArn, role))
                .endpoint(Endpoint.s3("lake").s3Settings(s -> s.bucketName("lake").serviceAccessRoleArn(role)))
                .replicationConfig("shop-to-lake", c -> c.source("shop-source").target("lake")
                    .replicationType(MigrationType.FULL_LOAD_AND_CDC)
                    .compute(k -> k.maxCapacityUnits(16).minCapacityUnits(2))     // DCU: 1, 2, 4, 8, 16, 32, ... 384
                    .tableMappings(TableMappings.builder().rule(Rules.include("shop", "%")).build())
                    .settings(s -> s.logging(l -> l.enableLogging(true))))
                .build();                                  // every problem of every resource at once

            dms.apply(pipeline);                           // CreateReplicationConfig (no capacity yet)
            StartType first = dms.startReplication("shop-to-lake");   // start-replication; waits through provisioning
            ReplicationState state = dms.describeReplication("shop-to-lake").orElseThrow();

            // DMS cannot modify a config once its replication started: a change replaces it and loses the checkpoint
            Pipeline changed = pipeline.withReplicationConfig(pipeline.replicationConfig("shop-to-lake").orElseThrow()
                .toBuilder().compute(k -> k.maxCapacityUnits(32)).build());
            System.out.println(dms.plan(changed).render());           // -/+ ... THE REPLICATION'S CHECKPOINT IS LOST
            ApplyResult replaced = dms.apply(changed, ApplyPolicy.all().withDiscardCheckpoints(true));
            dms.destroy(changed);                          // stop, wait, delete; then the endpoints
            // endregion
            assertThat(first).isEqualTo(StartType.START_REPLICATION);
            assertThat(state.status()).isEqualTo("running");
            assertThat(replaced.changed()).isTrue();
            assertThat(fake.describeReplicationConfigs(b -> { }).replicationConfigs()).isEmpty();
        }
    }
}
