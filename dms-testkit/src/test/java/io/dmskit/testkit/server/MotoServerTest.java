package io.dmskit.testkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dmskit.testkit.DmsSandbox;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.ReplicationInstance;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;
import software.amazon.awssdk.services.databasemigration.model.ResourceNotFoundException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

@DisplayName("DmsSandbox.forEndpoint: real SDK clients against a real moto_server process")
class MotoServerTest {

    private static final String MAPPINGS = "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\","
            + "\"rule-name\":\"1\",\"object-locator\":{\"schema-name\":\"shop\",\"table-name\":\"%\"},"
            + "\"rule-action\":\"include\"}]}";

    private static MotoServer moto;
    private static DmsSandbox.Remote aws;

    @BeforeAll
    static void startMoto() {
        assumeTrue(MotoServer.isAvailable(), MotoServer.unavailableReason());
        moto = MotoServer.start();
        aws = DmsSandbox.forEndpoint(moto.endpoint());
    }

    @AfterAll
    static void stopMoto() {
        if (aws != null) {
            aws.close();
        }
        if (moto != null) {
            moto.close();
            assertThat(moto.isRunning()).isFalse();
        }
    }

    @BeforeEach
    void cleanState() {
        moto.reset();
    }

    @Test
    @DisplayName("moto_server runs on a free port of 127.0.0.1 and reset() forgets all resources")
    void serverLifecycle() {
        assertThat(moto.endpoint()).isEqualTo(URI.create("http://127.0.0.1:" + moto.port()));
        aws.secrets().createSecret(b -> b.name("before-reset").secretString("x"));
        assertThat(aws.secrets().listSecrets().secretList()).hasSize(1);
        moto.reset();
        assertThat(aws.secrets().listSecrets().secretList()).isEmpty();
        assertThat(moto.output()).contains("POST /moto-api/reset");
    }

    @Test
    @DisplayName("DMS instances and tasks, whose timestamps moto writes in ISO form, are read by the SDK")
    void dmsTimestampsAreReadable() {
        DatabaseMigrationClient dms = aws.dms();
        Instant before = Instant.now().minusSeconds(5);
        ReplicationInstance instance = dms.createReplicationInstance(b -> b.replicationInstanceIdentifier("ri-1")
                .replicationInstanceClass("dms.t3.micro")).replicationInstance();
        assertThat(instance.instanceCreateTime()).isAfter(before);
        String source = dms.createEndpoint(b -> b.endpointIdentifier("src").endpointType("source")
                .engineName("mysql").serverName("db").port(3306).username("u").password("p"))
                .endpoint().endpointArn();
        String target = dms.createEndpoint(b -> b.endpointIdentifier("dst").endpointType("target")
                .engineName("s3")).endpoint().endpointArn();
        ReplicationTask task = dms.createReplicationTask(b -> b.replicationTaskIdentifier("task-1")
                .replicationInstanceArn(instance.replicationInstanceArn()).sourceEndpointArn(source)
                .targetEndpointArn(target).migrationType("full-load-and-cdc").tableMappings(MAPPINGS))
                .replicationTask();
        assertThat(task.replicationTaskCreationDate()).isAfter(before);
        assertThat(task.status()).isEqualTo("creating"); // moto never reaches "ready" (see the reference notes)

        ReplicationTask started = dms.startReplicationTask(b -> b.replicationTaskArn(task.replicationTaskArn())
                .startReplicationTaskType("start-replication")).replicationTask();
        assertThat(started.status()).isEqualTo("running");
        assertThat(started.replicationTaskStartDate()).isAfter(before);
        ReplicationTask described = dms.describeReplicationTasks().replicationTasks().get(0);
        assertThat(described.replicationTaskStats().fullLoadProgressPercent()).isEqualTo(100);
        dms.stopReplicationTask(b -> b.replicationTaskArn(task.replicationTaskArn()));
        dms.deleteReplicationTask(b -> b.replicationTaskArn(task.replicationTaskArn()));
        assertThatThrownBy(() -> dms.deleteReplicationTask(b -> b.replicationTaskArn(task.replicationTaskArn())))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    @DisplayName("without the interceptor the SDK cannot read moto's timestamps (why the interceptor exists)")
    void withoutInterceptorTheSdkFails() {
        try (DmsSandbox.Remote raw = DmsSandbox.forEndpoint(moto.endpoint(), r -> r.fixTimestamps(false))) {
            assertThatThrownBy(() -> raw.dms().createReplicationInstance(b -> b.replicationInstanceIdentifier("ri-2")
                    .replicationInstanceClass("dms.t3.micro")))
                    .isInstanceOf(SdkClientException.class)
                    .hasMessageContaining("Unable to unmarshall response");
        }
    }

    @Test
    @DisplayName("Secrets Manager through moto stores and returns secret values")
    void secrets() {
        SecretsManagerClient secrets = aws.secrets();
        String arn = secrets.createSecret(b -> b.name("dms/src").secretString("{\"username\":\"u\"}")).arn();
        assertThat(arn).startsWith("arn:aws:secretsmanager:us-east-1:");
        assertThat(secrets.getSecretValue(b -> b.secretId("dms/src")).secretString())
                .isEqualTo("{\"username\":\"u\"}");
        assertThat(secrets.describeSecret(b -> b.secretId(arn)).createdDate()).isNotNull();
    }

    @Test
    @DisplayName("S3 through moto, path-style: put, list with StartAfter, suffix range")
    void s3() {
        S3Client s3 = aws.s3();
        s3.createBucket(b -> b.bucket("moto-bucket"));
        for (String key : new String[] {"a/1", "a/2", "a/3"}) {
            s3.putObject(b -> b.bucket("moto-bucket").key(key), RequestBody.fromString("0123456789"));
        }
        assertThat(s3.listObjectsV2(b -> b.bucket("moto-bucket").startAfter("a/1")).contents())
                .extracting(S3Object::key).containsExactly("a/2", "a/3");
        assertThat(s3.getObjectAsBytes(b -> b.bucket("moto-bucket").key("a/2").range("bytes=-4")).asUtf8String())
                .isEqualTo("6789");
    }

    @Test
    @DisplayName("retries are tuned: an operation moto lacks (HTTP 500) is tried maxAttempts times, quickly")
    void retriesTuned() {
        AtomicInteger attempts = new AtomicInteger();
        ExecutionInterceptor counter = new ExecutionInterceptor() {
            @Override
            public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
                attempts.incrementAndGet();
            }
        };
        try (DmsSandbox.Remote counted = DmsSandbox.forEndpoint(moto.endpoint(),
                r -> r.maxAttempts(2).apiCallTimeout(Duration.ofSeconds(20)).addInterceptor(counter))) {
            assertThatThrownBy(() -> counted.dms().describeTableStatistics(b -> b.replicationTaskArn(
                    "arn:aws:dms:us-east-1:123456789012:task:NOPE")))
                    .isInstanceOfSatisfying(SdkServiceException.class,
                            e -> assertThat(e.statusCode()).isGreaterThanOrEqualTo(400));
        }
        assertThat(attempts.get()).isBetween(1, 2);
    }

    @Test
    @DisplayName("invalid remote settings are all reported at once")
    void invalidSettings() {
        assertThatThrownBy(() -> DmsSandbox.forEndpoint(URI.create("localhost"),
                r -> r.maxAttempts(0).apiCallTimeout(Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("endpoint").hasMessageContaining("maxAttempts")
                .hasMessageContaining("apiCallTimeout");
    }
}
