package io.dmskit.testkit.fakedms;

import static io.dmskit.testkit.fakedms.Fixtures.filter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.testkit.FakeDms;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.databasemigration.model.DatabaseMigrationException;
import software.amazon.awssdk.services.databasemigration.model.InvalidResourceStateException;
import software.amazon.awssdk.services.databasemigration.model.ReplicationSubnetGroupDoesNotCoverEnoughAZsException;
import software.amazon.awssdk.services.databasemigration.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.databasemigration.model.ResourceNotFoundException;

class FakeDmsErrorsTest {

    private final FakeDms dms = FakeDms.create();

    private static void assertCode(ThrowingCallable call, String code, String messagePart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DatabaseMigrationException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.awsErrorDetails().serviceName()).isEqualTo("Database Migration Service");
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.requestId()).isNotBlank();
            assertThat(e.awsErrorDetails().errorMessage()).contains(messagePart);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"1abc", "ab--c", "abc-", "a_b", "", "tâche"})
    @DisplayName("identifiers must start with a letter, hold letters/digits/hyphens, no '--', no trailing '-'")
    void identifierRules(String id) {
        assertCode(() -> dms.createEndpoint(b -> b.endpointIdentifier(id).endpointType("source")
                .engineName("mysql").serverName("h").port(3306).username("u").password("p")),
                "InvalidParameterValueException", "EndpointIdentifier");
    }

    @Test
    @DisplayName("identifiers longer than the limit are refused; 255 characters is fine for endpoints")
    void identifierLength() {
        String ok = "a" + "b".repeat(254);
        dms.createEndpoint(b -> b.endpointIdentifier(ok).endpointType("source").engineName("mysql")
                .serverName("h").port(3306).username("u").password("p"));
        assertCode(() -> dms.createReplicationInstance(b -> b.replicationInstanceIdentifier("a" + "b".repeat(63))
                .replicationInstanceClass("dms.t3.small")), "InvalidParameterValueException", "63");
    }

    @Test
    @DisplayName("duplicates answer ResourceAlreadyExistsFault")
    void duplicates() {
        Fixtures.instance(dms, "ri");
        assertThatThrownBy(() -> Fixtures.instance(dms, "RI")).isInstanceOfSatisfying(
                ResourceAlreadyExistsException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceAlreadyExistsFault"));
        Fixtures.mysqlSource(dms, "src");
        assertThatThrownBy(() -> Fixtures.mysqlSource(dms, "src")).isInstanceOf(ResourceAlreadyExistsException.class);
    }

    @Test
    @DisplayName("unknown ARNs answer ResourceNotFoundFault")
    void notFound() {
        String arn = "arn:aws:dms:us-east-1:123456789012:task:NOPE";
        assertThatThrownBy(() -> dms.startReplicationTask(b -> b.replicationTaskArn(arn)
                .startReplicationTaskType("start-replication"))).isInstanceOfSatisfying(
                ResourceNotFoundException.class,
                e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceNotFoundFault"));
        assertThatThrownBy(() -> dms.describeEndpoints(b -> b.filters(filter("endpoint-id", "nope"))))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThat(dms.describeEndpoints().endpoints()).isEmpty();
    }

    @Test
    @DisplayName("bad engine names, endpoint types, roles and missing connection fields are InvalidParameterValue")
    void endpointValidation() {
        assertCode(() -> dms.createEndpoint(b -> b.endpointIdentifier("e").endpointType("source")
                .engineName("mysql8").serverName("h").port(1).username("u").password("p")),
                "InvalidParameterValueException", "EngineName");
        assertCode(() -> dms.createEndpoint(b -> b.endpointIdentifier("e").endpointType("both")
                .engineName("mysql")), "InvalidParameterValueException", "EndpointType");
        assertCode(() -> dms.createEndpoint(b -> b.endpointIdentifier("e").endpointType("source")
                .engineName("kinesis")), "InvalidParameterValueException", "not supported as a source");
        assertCode(() -> dms.createEndpoint(b -> b.endpointIdentifier("e").endpointType("source")
                .engineName("postgres").serverName("h").port(5432).username("u")),
                "InvalidParameterValueException", "Password");
        assertCode(() -> dms.createEndpoint(b -> b.endpointIdentifier("e").endpointType("target")
                .engineName("s3").s3Settings(s -> s.bucketName("b"))),
                "InvalidParameterValueException", "ServiceAccessRoleArn");
        assertCode(() -> dms.createEndpoint(b -> b.endpointIdentifier("e").endpointType("source")
                .engineName("mysql").mySQLSettings(m -> m.secretsManagerSecretId("s"))),
                "InvalidParameterValueException", "SecretsManagerAccessRoleArn");
        assertThat(dms.describeEndpoints().endpoints()).as("nothing half-created").isEmpty();
    }

    @Test
    @DisplayName("task validation: table mappings via dms-mappings, settings JSON, migration type, endpoint roles")
    void taskValidation() {
        String instance = Fixtures.instance(dms, "ri");
        dms.describeReplicationInstances();
        String src = Fixtures.mysqlSource(dms, "src");
        String tgt = Fixtures.s3Target(dms, "tgt");
        assertCode(() -> dms.createReplicationTask(b -> b.replicationTaskIdentifier("t").migrationType("full-load")
                .sourceEndpointArn(src).targetEndpointArn(tgt).replicationInstanceArn(instance)
                .tableMappings("{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"a\","
                        + "\"rule-action\":\"include\"}]}")), "InvalidParameterValueException", "table mappings");
        assertCode(() -> dms.createReplicationTask(b -> b.replicationTaskIdentifier("t").migrationType("full-load")
                .sourceEndpointArn(src).targetEndpointArn(tgt).replicationInstanceArn(instance)
                .tableMappings("not json")), "InvalidParameterValueException", "table mappings");
        assertCode(() -> dms.createReplicationTask(b -> b.replicationTaskIdentifier("t").migrationType("full-load")
                .sourceEndpointArn(src).targetEndpointArn(tgt).replicationInstanceArn(instance)
                .tableMappings(Fixtures.MAPPINGS).replicationTaskSettings("{\"FullLoadSettings\": [")),
                "InvalidParameterValueException", "Invalid task settings JSON");
        assertCode(() -> dms.createReplicationTask(b -> b.replicationTaskIdentifier("t").migrationType("full-load")
                .sourceEndpointArn(src).targetEndpointArn(tgt).replicationInstanceArn(instance)
                .tableMappings(Fixtures.MAPPINGS)
                .replicationTaskSettings("{\"FullLoadSettings\":{\"MaxFullLoadSubTasks\":100}}")),
                "InvalidParameterValueException", "MaxFullLoadSubTasks");
        assertCode(() -> dms.createReplicationTask(b -> b.replicationTaskIdentifier("t").migrationType("full")
                .sourceEndpointArn(src).targetEndpointArn(tgt).replicationInstanceArn(instance)
                .tableMappings(Fixtures.MAPPINGS)), "InvalidParameterValueException", "MigrationType");
        assertCode(() -> dms.createReplicationTask(b -> b.replicationTaskIdentifier("t").migrationType("cdc")
                .sourceEndpointArn(tgt).targetEndpointArn(src).replicationInstanceArn(instance)
                .tableMappings(Fixtures.MAPPINGS)), "InvalidParameterValueException", "not a source endpoint");
        assertThat(dms.describeReplicationTasks().replicationTasks()).isEmpty();
    }

    @Test
    @DisplayName("deleting an endpoint or instance a task uses answers InvalidResourceStateFault")
    void deleteInUse() {
        String task = Fixtures.task(dms, "t", "cdc");
        var t = dms.describeReplicationTasks().replicationTasks().get(0);
        assertThatThrownBy(() -> dms.deleteEndpoint(b -> b.endpointArn(t.sourceEndpointArn())))
                .isInstanceOf(InvalidResourceStateException.class).hasMessageContaining(task);
        assertThatThrownBy(() -> dms.deleteReplicationInstance(b -> b.replicationInstanceArn(
                t.replicationInstanceArn()))).isInstanceOf(InvalidResourceStateException.class);
        assertThat(dms.describeEndpoints().endpoints()).allSatisfy(e -> assertThat(e.status()).isEqualTo("active"));
    }

    @Test
    @DisplayName("tasks need an available instance; subnet groups need two subnets")
    void instanceAndSubnetRules() {
        assertThatThrownBy(() -> dms.createReplicationSubnetGroup(b -> b.replicationSubnetGroupIdentifier("g")
                .replicationSubnetGroupDescription("d").subnetIds("subnet-0123456789abcdef0")))
                .isInstanceOf(ReplicationSubnetGroupDoesNotCoverEnoughAZsException.class);
        assertCode(() -> dms.createReplicationSubnetGroup(b -> b.replicationSubnetGroupIdentifier("default")
                .replicationSubnetGroupDescription("d").subnetIds("subnet-01234567", "subnet-89abcdef")),
                "InvalidParameterValueException", "default");
        assertCode(() -> dms.createReplicationInstance(b -> b.replicationInstanceIdentifier("ri")
                .replicationInstanceClass("m5.large")), "InvalidParameterValueException", "class");
        assertCode(() -> dms.createReplicationInstance(b -> b.replicationInstanceIdentifier("ri")
                .replicationInstanceClass("dms.t3.small").engineVersion("2.0")), "InvalidParameterValueException",
                "version");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 19, 101})
    @DisplayName("MaxRecords outside 20-100 is InvalidParameterValue")
    void maxRecords(int max) {
        assertCode(() -> dms.describeReplicationTasks(b -> b.maxRecords(max)), "InvalidParameterValueException",
                "MaxRecords");
    }

    @Test
    @DisplayName("unknown filter names and bad markers are InvalidParameterValue")
    void filterNames() {
        assertCode(() -> dms.describeReplicationTasks(b -> b.filters(filter("task-id", "x"))),
                "InvalidParameterValueException", "replication-task-id");
        assertCode(() -> dms.describeEndpoints(b -> b.marker("garbage!")), "InvalidParameterValueException",
                "Marker");
    }

    @Test
    @DisplayName("TestConnection twice while testing says 'already being tested'")
    void connectionAlreadyTesting() {
        FakeDms slow = FakeDms.builder().timings(io.dmskit.testkit.Timings.instant().with(t ->
                t.connectionTest(java.time.Duration.ofSeconds(30)))).build();
        String instance = Fixtures.instance(slow, "ri");
        slow.describeReplicationInstances();
        String src = Fixtures.mysqlSource(slow, "src");
        slow.testConnection(b -> b.replicationInstanceArn(instance).endpointArn(src));
        assertThatThrownBy(() -> slow.testConnection(b -> b.replicationInstanceArn(instance).endpointArn(src)))
                .isInstanceOf(InvalidResourceStateException.class).hasMessageContaining("already being tested");
    }
}
