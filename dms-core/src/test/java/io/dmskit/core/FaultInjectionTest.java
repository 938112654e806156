package io.dmskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.core.exception.DmsApiException;
import io.dmskit.core.exception.ResourceFailedException;
import io.dmskit.core.provision.RetrySettings;
import io.dmskit.testkit.CallRecord;
import io.dmskit.testkit.FakeClock;
import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.FakeSecretsManager;
import io.dmskit.testkit.Timings;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.CreateEndpointRequest;
import software.amazon.awssdk.services.databasemigration.model.CreateReplicationInstanceRequest;
import software.amazon.awssdk.services.databasemigration.model.CreateReplicationTaskRequest;

@DisplayName("Apply converges under throttling bursts, server errors and eventual consistency, with no duplicates")
class FaultInjectionTest {

    private FakeClock clock;
    private FakeSecretsManager secrets;
    private FakeDms fake;

    @BeforeEach
    void setUp() {
        clock = FakeClock.create();
        secrets = FakeSecretsManager.create();
        fake = FakeDms.builder().clock(clock).timings(Timings.realistic()).secretsManager(secrets).build();
    }

    @AfterEach
    void tearDown() {
        fake.close();
    }

    private DmsProvisioner provisioner(DatabaseMigrationClient client) {
        return DmsProvisioner.builder().dms(client).secrets(secrets).clock(clock).sleeper(clock::sleep)
            .pollInterval(Duration.ofSeconds(5)).retry(RetrySettings.defaults().withMaxAttempts(12)).build();
    }

    private Map<String, Long> successfulCreates(String operation, Function<CallRecord, String> id) {
        return fake.calls(operation).stream().filter(CallRecord::succeeded)
            .collect(Collectors.groupingBy(id, Collectors.counting()));
    }

    private void assertExactlyThePipelineExists() {
        assertThat(fake.describeEndpoints().endpoints()).hasSize(6);
        assertThat(fake.describeReplicationInstances().replicationInstances()).hasSize(1);
        assertThat(fake.describeReplicationTasks().replicationTasks()).hasSize(5);
        assertThat(secrets.secretNames()).containsExactly(GuidePipeline.SECRET_NAME);
        assertThat(successfulCreates("CreateEndpoint", c -> c.request(CreateEndpointRequest.class).endpointIdentifier()))
            .hasSize(6).allSatisfy((k, v) -> assertThat(v).as(k).isEqualTo(1));
        assertThat(successfulCreates("CreateReplicationTask",
            c -> c.request(CreateReplicationTaskRequest.class).replicationTaskIdentifier()))
            .hasSize(5).allSatisfy((k, v) -> assertThat(v).as(k).isEqualTo(1));
        assertThat(successfulCreates("CreateReplicationInstance",
            c -> c.request(CreateReplicationInstanceRequest.class).replicationInstanceIdentifier())).hasSize(1);
    }

    @Test
    @DisplayName("throttling bursts on creates and describes plus invisible new resources still converge")
    void throttlingAndEventualConsistencyConverge() {
        fake.faults().seed(7)
            .throttle("CreateEndpoint").times(4)
            .throttle("CreateReplicationTask").times(6)
            .throttle("DescribeReplicationTasks").times(3)
            .throttle("DescribeReplicationInstances").rate(0.3)
            .serviceUnavailable("CreateReplicationSubnetGroup").times(2)
            .eventualConsistency().invisibleFor(2);
        try (DmsProvisioner p = provisioner(fake)) {
            p.apply(GuidePipeline.build());

            assertThat(p.retryCount()).isGreaterThanOrEqualTo(15);
        }
        assertThat(fake.calls().stream().filter(c -> c.errorCode().orElse("").startsWith("Throttling"))).hasSizeGreaterThanOrEqualTo(13);
        assertExactlyThePipelineExists();
        fake.faults().clear();
        try (DmsProvisioner p = provisioner(fake)) {
            assertThat(p.plan(GuidePipeline.build()).hasChanges()).isFalse();
        }
    }

    @Test
    @DisplayName("a random 20% of all calls throttled: apply, re-apply and destroy still converge")
    void randomThrottlingEverywhere() {
        fake.faults().seed(42).throttle("*").rate(0.2).eventualConsistency().invisibleFor(1);
        Pipeline pipeline = GuidePipeline.build();
        try (DmsProvisioner p = provisioner(fake)) {
            p.apply(pipeline);
            fake.faults().clear();
            assertExactlyThePipelineExists();
            fake.faults().seed(43).throttle("*").rate(0.2);
            assertThat(p.apply(pipeline).plan().hasChanges()).isFalse();
            p.start(pipeline);
            p.destroy(pipeline);
        }
        fake.faults().clear();
        assertThat(fake.describeEndpoints().endpoints()).isEmpty();
        assertThat(fake.describeReplicationTasks().replicationTasks()).isEmpty();
        assertThat(fake.describeReplicationInstances().replicationInstances()).isEmpty();
    }

    @Test
    @DisplayName("a create that succeeded but whose answer was lost is found by describing, not created twice")
    void unknownOutcomeOfACreateIsSettledByDescribing() {
        AtomicInteger lost = new AtomicInteger();
        DatabaseMigrationClient flaky = (DatabaseMigrationClient) Proxy.newProxyInstance(
            DatabaseMigrationClient.class.getClassLoader(), new Class<?>[] {DatabaseMigrationClient.class},
            (proxy, method, args) -> {
                Object result;
                try {
                    result = method.invoke(fake, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
                if (method.getName().matches("createEndpoint|createReplicationTask|createReplicationInstance")
                    && lost.getAndIncrement() % 2 == 0) {
                    throw SdkClientException.create("Unable to execute HTTP request: Read timed out");
                }
                return result;
            });
        try (DmsProvisioner p = provisioner(flaky)) {
            p.apply(GuidePipeline.build());
        }
        assertThat(lost.get()).isEqualTo(12);
        assertExactlyThePipelineExists();
        assertThat(fake.calls("CreateEndpoint")).hasSize(6);
        assertThat(fake.calls("CreateReplicationTask")).hasSize(5);
    }

    @Test
    @DisplayName("a resource an interrupted apply created, not yet visible to Describe, is adopted, not duplicated")
    void alreadyExistsIsAdopted() {
        Pipeline pipeline = GuidePipeline.build();
        Endpoint target = pipeline.endpoint("retail-copilot-target").orElseThrow();
        fake.faults().eventualConsistency("CreateEndpoint").invisibleFor(3);
        fake.createEndpoint(b -> b.endpointIdentifier(target.identifier()).endpointType("target").engineName("s3")
            .s3Settings(target.s3Settings().orElseThrow().toSdkBuilder().build()));
        try (DmsProvisioner p = provisioner(fake)) {
            assertThat(p.plan(pipeline).change(io.dmskit.core.provision.ResourceKind.ENDPOINT, target.identifier()))
                .get().extracting(c -> c.action()).isEqualTo(io.dmskit.core.provision.ChangeAction.CREATE);
            p.apply(pipeline);
        }
        fake.faults().clear();
        assertThat(fake.calls("CreateEndpoint").stream()
            .filter(c -> c.request(CreateEndpointRequest.class).endpointIdentifier().equals(target.identifier())))
            .hasSize(2).filteredOn(c -> c.errorCode().isPresent()).singleElement()
            .matches(c -> c.errorCode().get().startsWith("ResourceAlreadyExists"));
        assertThat(fake.describeEndpoints().endpoints()).hasSize(6);
        assertThat(fake.describeReplicationTasks().replicationTasks()).hasSize(5);
    }

    @Test
    @DisplayName("errors that are not transient fail at once and name resource, operation, code and request id")
    void permanentErrorsAreReportedWithAwsDetails() {
        fake.faults().error("CreateReplicationInstance", "InsufficientResourceCapacityFault", 400,
            "Insufficient capacity for dms.c5.xlarge").always();
        try (DmsProvisioner p = provisioner(fake)) {
            assertThatThrownBy(() -> p.apply(GuidePipeline.build()))
                .isInstanceOfSatisfying(DmsApiException.class, e -> {
                    assertThat(e.resource()).contains("ecommerce-dms");
                    assertThat(e.operation()).contains("CreateReplicationInstance");
                    assertThat(e.awsErrorCode()).contains("InsufficientResourceCapacityFault");
                    assertThat(e.awsRequestId()).isPresent();
                    assertThat(e.getMessage()).contains("Insufficient capacity");
                });
        }
        assertThat(fake.calls("CreateReplicationInstance")).hasSize(1);
        assertThat(fake.calls("CreateReplicationTask")).isEmpty();
    }

    @Test
    @DisplayName("a task failing on start raises ResourceFailedException with StopReason and LastFailureMessage")
    void failedTaskCarriesStopReasonAndMessage() {
        Pipeline pipeline = GuidePipeline.build();
        try (DmsProvisioner p = provisioner(fake)) {
            p.apply(pipeline);
            p.start("retail-copilot-replication");
            fake.task("retail-copilot-replication").fail("Last Error Access denied for user 'root'@'10.0.0.5'");
            p.stop("retail-copilot-replication");
            assertThatThrownBy(() -> p.awaitTask("retail-copilot-replication",
                io.dmskit.model.TaskStatus.RUNNING))
                .isInstanceOfSatisfying(ResourceFailedException.class, e -> {
                    assertThat(e.status()).isEqualTo("failed");
                    assertThat(e.parsedStopReason()).contains(io.dmskit.model.StopReason.FATAL_ERROR);
                    assertThat(e.lastFailureMessage()).get().asString().contains("Access denied");
                });
        }
    }

    @Test
    @DisplayName("the connection tests report success per instance and endpoint pair")
    void connectionTests() {
        Pipeline pipeline = GuidePipeline.build();
        try (DmsProvisioner p = provisioner(fake)) {
            p.apply(pipeline);
            List<io.dmskit.core.provision.ConnectionTest> results = p.testConnections(pipeline);
            assertThat(results).hasSize(6).extracting(io.dmskit.core.provision.ConnectionTest::endpoint)
                .contains("ecommerce-mysql-source", "retail-copilot-target");
            assertThat(results).allSatisfy(r -> assertThat(r.status()).isIn("successful", "failed"));
        }
    }
}
