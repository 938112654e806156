package io.dmskit.testkit.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.FakeSecretsManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.DatabaseMigrationException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * Issue 15: hostile requests through every operation of {@link FakeDms} and {@link FakeSecretsManager}, used as the
 * SDK clients they are, come back either as a response or as the service's own exception with an AWS error code and
 * a 4xx status, never as an NPE, ISE, ClassCastException, NumberFormatException or a 5xx.
 */
class FakeDmsHostileRequestProperties {

    private static final String MAPPINGS = "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":"
            + "\"all\",\"object-locator\":{\"schema-name\":\"shop\",\"table-name\":\"%\"},\"rule-action\":\"include\"}]}";

    @Property(tries = 40, shrinking = ShrinkingMode.OFF)
    void everyFakeDmsOperationAnswersHostileRequestsWithDmsErrors(@ForAll long seed) {
        FakeSecretsManager secrets = FakeSecretsManager.create();
        try (FakeDms dms = FakeDms.builder().secretsManager(secrets).build()) {
            List<String> known = world(dms, secrets);
            HostileRequests requests = new HostileRequests(known);
            Random random = new Random(seed);
            List<String> violations = new ArrayList<>();
            for (String op : FakeDms.supportedOperations().stream().sorted().toList()) {
                for (int i = 0; i < 3; i++) {
                    HostileRequests.Outcome o = requests.call(dms, DatabaseMigrationClient.class, op, random);
                    if (o.error() != null && !isServiceError(o.error(), DatabaseMigrationException.class)) {
                        violations.add(o.describe());
                    }
                }
            }
            assertThat(violations).as("calls that did not fail with a DMS error code (seed %d)", seed).isEmpty();
        }
    }

    @Property(tries = 40, shrinking = ShrinkingMode.OFF)
    void everyFakeSecretsManagerOperationAnswersHostileRequestsWithItsErrors(@ForAll long seed) {
        FakeSecretsManager secrets = FakeSecretsManager.create();
        String arn = secrets.createSecret(b -> b.name("app/db").secretString("{\"password\":\"pw\"}")).arn();
        HostileRequests requests = new HostileRequests(List.of(arn, "app/db", "AWSCURRENT"));
        Random random = new Random(seed);
        List<String> violations = new ArrayList<>();
        for (String op : secretsOperations()) {
            for (int i = 0; i < 3; i++) {
                HostileRequests.Outcome o = requests.call(secrets, SecretsManagerClient.class, op, random);
                if (o.error() != null && !isServiceError(o.error(), SecretsManagerException.class)) {
                    violations.add(o.describe());
                }
            }
        }
        assertThat(violations).as("calls that did not fail with a Secrets Manager error code (seed %d)", seed)
                .isEmpty();
    }

    /**
     * The operations FakeSecretsManager implements: those it overrides, except RotateSecret, which its javadoc
     * documents as not modelled (it throws UnsupportedOperationException, as the SDK's default methods do).
     */
    private static List<String> secretsOperations() {
        return java.util.Arrays.stream(FakeSecretsManager.class.getDeclaredMethods())
                .filter(m -> java.lang.reflect.Modifier.isPublic(m.getModifiers()) && m.getParameterCount() == 1
                        && software.amazon.awssdk.core.SdkRequest.class.isAssignableFrom(m.getParameterTypes()[0]))
                .map(m -> Character.toUpperCase(m.getName().charAt(0)) + m.getName().substring(1))
                .filter(op -> !op.equals("RotateSecret"))
                .distinct().sorted().toList();
    }

    /** The service's exception type, with an error code, a 4xx status and a request id. */
    private static boolean isServiceError(Throwable e, Class<? extends AwsServiceException> type) {
        if (!type.isInstance(e)) {
            return false;
        }
        AwsServiceException a = (AwsServiceException) e;
        return a.awsErrorDetails() != null && a.awsErrorDetails().errorCode() != null
                && !a.awsErrorDetails().errorCode().isBlank() && a.statusCode() >= 400 && a.statusCode() < 500
                && a.requestId() != null;
    }

    /** A few real resources, so hostile requests also meet existing ones; returns their ARNs and names. */
    private static List<String> world(FakeDms dms, FakeSecretsManager secrets) {
        List<String> known = new ArrayList<>();
        String secret = secrets.createSecret(b -> b.name("dms/src").secretString(
                "{\"username\":\"u\",\"password\":\"p\",\"host\":\"h\",\"port\":3306}")).arn();
        String instance = dms.createReplicationInstance(b -> b.replicationInstanceIdentifier("ri")
                .replicationInstanceClass("dms.t3.medium")).replicationInstance().replicationInstanceArn();
        dms.describeReplicationInstances();
        String source = dms.createEndpoint(b -> b.endpointIdentifier("src").endpointType("source")
                .engineName("mysql").serverName("db.example.com").port(3306).username("u").password("p"))
                .endpoint().endpointArn();
        String target = dms.createEndpoint(b -> b.endpointIdentifier("tgt").endpointType("target").engineName("s3")
                .s3Settings(s -> s.bucketName("b").serviceAccessRoleArn("arn:aws:iam::123456789012:role/r")))
                .endpoint().endpointArn();
        String task = dms.createReplicationTask(b -> b.replicationTaskIdentifier("task").migrationType("full-load")
                .sourceEndpointArn(source).targetEndpointArn(target).replicationInstanceArn(instance)
                .tableMappings(MAPPINGS)).replicationTask().replicationTaskArn();
        dms.describeReplicationTasks();
        known.addAll(List.of(secret, instance, source, target, task, "ri", "src", "tgt", "task", MAPPINGS,
                "arn:aws:iam::123456789012:role/dms-access"));
        return known;
    }
}
