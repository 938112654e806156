package io.dmskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dmskit.core.endpoint.S3DataFormat;
import io.dmskit.core.endpoint.Secret;
import io.dmskit.core.provision.ApplyResult;
import io.dmskit.core.provision.ChangeAction;
import io.dmskit.core.provision.Plan;
import io.dmskit.core.provision.ResourceKind;
import io.dmskit.core.provision.RetrySettings;
import io.dmskit.testkit.DmsSandbox;
import io.dmskit.testkit.server.MotoServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The provisioner's requests go through the real AWS SDK clients (JSON protocol marshalling, filters) to moto_server.
 * moto implements no Modify operations and never readies tasks, so this covers secrets, instances and endpoints.
 */
@DisplayName("Against moto_server through real SDK clients: secrets, instance, endpoints apply and re-apply cleanly")
class MotoCompatibilityTest {

    private static MotoServer moto;
    private static DmsSandbox.Remote remote;

    @BeforeAll
    static void startMoto() {
        assumeTrue(MotoServer.isAvailable(), MotoServer::unavailableReason);
        moto = MotoServer.start();
        remote = DmsSandbox.forEndpoint(moto.endpoint());
    }

    @AfterAll
    static void stopMoto() {
        if (remote != null) {
            remote.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    @Test
    @DisplayName("managed secret, instance and endpoints are created once and then planned as unchanged")
    void applyAndReapply() {
        String suffix = Long.toString(System.nanoTime(), 36);
        Pipeline pipeline = Pipeline.builder("moto-" + suffix)
            .instance(ReplicationInstance.builder("moto-ri-" + suffix).instanceClass("dms.t3.medium")
                .allocatedStorage(50).build())
            .endpoint(Endpoint.mysql("moto-src-" + suffix).source().serverName("10.1.2.3").port(3306)
                .managedSecret("moto/" + suffix + "/mysql", BuilderValidationTest.ROLE, "root",
                    Secret.of(GuidePipeline.PASSWORD)).build())
            .endpoint(Endpoint.s3("moto-tgt-" + suffix).s3Settings(s -> s.bucketName("moto-" + suffix)
                .serviceAccessRoleArn(BuilderValidationTest.ROLE).dataFormat(S3DataFormat.PARQUET))
                .tag("owner", "moto-test").build())
            .build();
        try (DmsProvisioner p = DmsProvisioner.builder().dms(remote.dms()).secrets(remote.secrets())
            .pollInterval(Duration.ofMillis(200)).waitTimeout(Duration.ofSeconds(60))
            .retry(RetrySettings.defaults().withMaxAttempts(3)).build()) {
            Plan first = p.plan(pipeline);
            assertThat(first.effectiveChanges()).hasSize(4).allMatch(c -> c.action() == ChangeAction.CREATE);

            ApplyResult result = p.apply(pipeline);
            assertThat(result.arn(ResourceKind.ENDPOINT, "moto-src-" + suffix)).startsWith("arn:aws:dms:");
            assertThat(result.arn(ResourceKind.SECRET, "moto/" + suffix + "/mysql")).contains(":secret:");

            // unchanged, tags included: ListTagsForResource(ResourceArnList) round-trips through the SDK
            Plan again = p.plan(pipeline);
            assertThat(again.hasChanges()).as(again.render()).isFalse();
            assertThat(again.render()).doesNotContain(GuidePipeline.PASSWORD);

            // the S3 endpoint removed from the pipeline: found by its dmskit:pipeline tag, deleted when allowed
            Pipeline smaller = Pipeline.builder(pipeline.name())
                .instance(pipeline.instances().get(0)).endpoint(pipeline.endpoint("moto-src-" + suffix).orElseThrow())
                .build();
            Plan removal = p.plan(smaller);
            assertThat(removal.effectiveChanges()).singleElement().satisfies(c -> {
                assertThat(c.identifier()).isEqualTo("moto-tgt-" + suffix);
                assertThat(c.action()).isEqualTo(ChangeAction.DELETE);
            });
            assertThat(p.apply(smaller).skippedDeletions()).hasSize(1);
            p.apply(smaller, io.dmskit.core.provision.ApplyPolicy.safe().withAllowDeletes(true));
            assertThat(p.plan(smaller).hasChanges()).isFalse();
        }
    }
}
