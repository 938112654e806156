package io.dmskit.testkit.fakedms;

import static io.dmskit.testkit.fakedms.Fixtures.filter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.testkit.FakeDms;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.ComputeConfig;
import software.amazon.awssdk.services.databasemigration.model.CreateReplicationConfigRequest;
import software.amazon.awssdk.services.databasemigration.model.DatabaseMigrationException;
import software.amazon.awssdk.services.databasemigration.model.Replication;
import software.amazon.awssdk.services.databasemigration.model.ReplicationConfig;
import software.amazon.awssdk.services.databasemigration.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.databasemigration.model.ResourceNotFoundException;

/**
 * Request rules of the serverless operations through the SDK interface: identifiers, compute config, start types,
 * CDC positions, missing and duplicate resources, filters and Marker/MaxRecords pagination.
 */
class FakeDmsServerlessRulesTest {

    private final DatabaseMigrationClient dms = FakeDms.create();
    private final String source = Fixtures.mysqlSource(dms, "src");
    private final String target = Fixtures.s3Target(dms, "tgt");

    private CreateReplicationConfigRequest.Builder request(String id) {
        return CreateReplicationConfigRequest.builder().replicationConfigIdentifier(id).sourceEndpointArn(source)
                .targetEndpointArn(target).replicationType("full-load-and-cdc").tableMappings(Fixtures.MAPPINGS)
                .computeConfig(c -> c.maxCapacityUnits(8));
    }

    private String create(String id) {
        return dms.createReplicationConfig(request(id).build()).replicationConfig().replicationConfigArn();
    }

    private DatabaseMigrationException error(Runnable call) {
        try {
            call.run();
        } catch (DatabaseMigrationException e) {
            return e;
        }
        throw new AssertionError("expected a DMS error");
    }

    private String createError(Consumer<CreateReplicationConfigRequest.Builder> change) {
        CreateReplicationConfigRequest.Builder b = request("cfg");
        change.accept(b);
        DatabaseMigrationException e = error(() -> dms.createReplicationConfig(b.build()));
        return e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
    }

    @Test
    @DisplayName("every documented capacity value is accepted, MinCapacityUnits defaults to 1")
    void capacityValues() {
        int n = 0;
        for (int dcu : List.of(1, 2, 4, 8, 16, 32, 64, 128, 192, 256, 384)) {
            int units = dcu;
            ReplicationConfig c = dms.createReplicationConfig(request("cfg" + n++)
                    .computeConfig(cc -> cc.maxCapacityUnits(units)).build()).replicationConfig();
            assertThat(c.computeConfig().maxCapacityUnits()).isEqualTo(dcu);
            assertThat(c.computeConfig().minCapacityUnits()).isEqualTo(1);
            assertThat(c.computeConfig().preferredMaintenanceWindow()).matches("[a-z]{3}:\\d\\d:\\d\\d-[a-z]{3}:\\d\\d:\\d\\d");
        }
    }

    @Test
    @DisplayName("a bad compute config is rejected with every problem named at once, and nothing is created")
    void computeConfigProblems() {
        String message = createError(b -> b.computeConfig(ComputeConfig.builder().maxCapacityUnits(3)
                .minCapacityUnits(5).multiAZ(true).availabilityZone("us-east-1a")
                .dnsNameServers("1.1.1.1,2.2.2.2,3.3.3.3,4.4.4.4,5.5.5.5").preferredMaintenanceWindow("sun:06:00-sun:06:10")
                .build()));
        assertThat(message).startsWith("InvalidParameterValueException: ")
                .contains("MaxCapacityUnits must be one of [1, 2, 4, 8, 16, 32, 64, 128, 192, 256, 384] (Received: 3)")
                .contains("MinCapacityUnits must be one of").contains("AvailabilityZone cannot be set when MultiAZ")
                .contains("at most 4").contains("at least 30 minutes");
        assertThat(createError(b -> b.computeConfig(c -> c.minCapacityUnits(2))))
                .contains("MaxCapacityUnits is required");
        assertThat(createError(b -> b.computeConfig(c -> c.maxCapacityUnits(4).minCapacityUnits(8))))
                .contains("must not be greater than MaxCapacityUnits");
        assertThat(createError(b -> b.computeConfig((ComputeConfig) null))).contains("ComputeConfig must be provided");
        assertThat(createError(b -> b.computeConfig(c -> c.maxCapacityUnits(2).replicationSubnetGroupId("nope"))))
                .startsWith("ResourceNotFoundFault");
        assertThat(dms.describeReplicationConfigs(b -> { }).replicationConfigs()).isEmpty();
    }

    @Test
    @DisplayName("identifiers, types, endpoints and mappings are checked; duplicates are ResourceAlreadyExistsFault")
    void createRules() {
        assertThat(createError(b -> b.replicationConfigIdentifier("1bad"))).startsWith("InvalidParameterValueException");
        assertThat(createError(b -> b.replicationConfigIdentifier("bad--id"))).startsWith("InvalidParameterValueException");
        assertThat(createError(b -> b.replicationConfigIdentifier("bad-"))).startsWith("InvalidParameterValueException");
        assertThat(createError(b -> b.replicationType("full-load-cdc"))).startsWith("InvalidParameterValueException");
        assertThat(createError(b -> b.tableMappings(null))).startsWith("InvalidParameterValueException");
        assertThat(createError(b -> b.sourceEndpointArn(target).targetEndpointArn(source)))
                .startsWith("InvalidParameterValueException").contains("not a source endpoint");
        assertThat(createError(b -> b.sourceEndpointArn(source.replace("endpoint:", "endpoint:X"))))
                .startsWith("ResourceNotFoundFault");
        create("cfg");
        assertThatThrownBy(() -> create("CFG")).isInstanceOf(ResourceAlreadyExistsException.class);
        ReplicationConfig named = dms.createReplicationConfig(request("other").resourceIdentifier("my-config-1")
                .build()).replicationConfig();
        assertThat(named.replicationConfigArn()).endsWith(":replication-config:MY-CONFIG-1");
    }

    @Test
    @DisplayName("start types follow the API reference: first run start-replication, CdcStartTime xor Position")
    void startRules() {
        String arn = create("cfg");
        assertThat(error(() -> dms.startReplication(b -> b.replicationConfigArn(arn)
                .startReplicationType("resume-processing"))).awsErrorDetails().errorCode())
                .isEqualTo("InvalidResourceStateFault");
        assertThat(error(() -> dms.startReplication(b -> b.replicationConfigArn(arn)
                .startReplicationType("reload-target"))).awsErrorDetails().errorCode())
                .isEqualTo("InvalidResourceStateFault");
        assertThat(error(() -> dms.startReplication(b -> b.replicationConfigArn(arn)
                .startReplicationType("start"))).awsErrorDetails().errorCode())
                .isEqualTo("InvalidParameterValueException");
        assertThat(error(() -> dms.startReplication(b -> b.replicationConfigArn(arn)
                .startReplicationType("start-replication").cdcStartTime(Instant.parse("2026-01-01T00:00:00Z"))
                .cdcStartPosition("mysql-bin.000001:4"))).awsErrorDetails().errorCode())
                .isEqualTo("InvalidParameterCombinationException");
        assertThat(error(() -> dms.startReplication(b -> b.replicationConfigArn(arn)
                .startReplicationType("start-replication").cdcStopPosition("tomorrow"))).awsErrorDetails()
                .errorCode()).isEqualTo("InvalidParameterValueException");
        assertThat(dms.describeReplications(b -> { }).replications().get(0).status()).isEqualTo("created");
        Replication started = dms.startReplication(b -> b.replicationConfigArn(arn)
                .startReplicationType("start-replication").cdcStartTime(Instant.parse("2026-01-01T00:00:00Z")))
                .replication();
        assertThat(started.cdcStartTime()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        dms.stopReplication(b -> b.replicationConfigArn(arn));
        dms.describeReplications(b -> { });
        assertThat(error(() -> dms.startReplication(b -> b.replicationConfigArn(arn)
                .startReplicationType("start-replication"))).awsErrorDetails().errorCode())
                .isEqualTo("InvalidResourceStateFault");
    }

    @Test
    @DisplayName("every operation on an unknown config answers ResourceNotFoundFault")
    void notFound() {
        String arn = "arn:aws:dms:us-east-1:123456789012:replication-config:NOPE";
        List<Runnable> calls = List.of(
                () -> dms.modifyReplicationConfig(b -> b.replicationConfigArn(arn)),
                () -> dms.deleteReplicationConfig(b -> b.replicationConfigArn(arn)),
                () -> dms.startReplication(b -> b.replicationConfigArn(arn).startReplicationType("start-replication")),
                () -> dms.stopReplication(b -> b.replicationConfigArn(arn)),
                () -> dms.describeReplicationTableStatistics(b -> b.replicationConfigArn(arn)),
                () -> dms.reloadReplicationTables(b -> b.replicationConfigArn(arn)
                        .tablesToReload(t -> t.schemaName("shop").tableName("orders"))),
                () -> dms.describeReplications(b -> b.filters(filter("replication-config-arn", arn))),
                () -> dms.describeReplicationConfigs(b -> b.filters(filter("replication-config-id", "nope"))));
        for (Runnable call : calls) {
            assertThatThrownBy(call::run).isInstanceOf(ResourceNotFoundException.class)
                    .satisfies(e -> assertThat(((DatabaseMigrationException) e).awsErrorDetails().errorCode())
                            .isEqualTo("ResourceNotFoundFault"));
        }
    }

    @Test
    @DisplayName("filters: the documented names, values OR-ed; an unknown name is InvalidParameterValueException")
    void filters() {
        String a = create("alpha");
        create("beta");
        String c = create("gamma");
        assertThat(dms.describeReplications(b -> b.filters(filter("replication-config-arn", a, c))).replications())
                .extracting(Replication::replicationConfigIdentifier).containsExactly("alpha", "gamma");
        assertThat(dms.describeReplicationConfigs(b -> b.filters(filter("replication-config-id", "beta")))
                .replicationConfigs()).extracting(ReplicationConfig::replicationConfigIdentifier)
                .containsExactly("beta");
        assertThat(error(() -> dms.describeReplications(b -> b.filters(filter("replication-task-arn", a))))
                .awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValueException");
        assertThat(error(() -> dms.describeReplicationTableStatistics(b -> b.replicationConfigArn(a)
                .filters(filter("status", "x")))).awsErrorDetails().errorCode())
                .isEqualTo("InvalidParameterValueException");
    }

    @Test
    @DisplayName("Marker/MaxRecords: pages of 20 to 100, the SDK paginators see every item once")
    void pagination() {
        for (int i = 0; i < 45; i++) {
            create("cfg-" + i);
        }
        var first = dms.describeReplicationConfigs(b -> b.maxRecords(20));
        assertThat(first.replicationConfigs()).hasSize(20);
        assertThat(first.marker()).isNotNull();
        var second = dms.describeReplicationConfigs(b -> b.maxRecords(20).marker(first.marker()));
        assertThat(second.replicationConfigs().get(0).replicationConfigIdentifier()).isEqualTo("cfg-20");
        assertThat(dms.describeReplicationConfigs(b -> { }).replicationConfigs()).hasSize(45);
        List<String> all = new ArrayList<>();
        dms.describeReplicationsPaginator(b -> b.maxRecords(20)).stream()
                .flatMap(p -> p.replications().stream()).forEach(r -> all.add(r.replicationConfigIdentifier()));
        assertThat(all).hasSize(45).doesNotHaveDuplicates();
        assertThat(dms.describeReplicationConfigsPaginator(b -> b.maxRecords(20)).stream()).hasSize(3);
        for (int bad : new int[] {19, 101}) {
            assertThat(error(() -> dms.describeReplications(b -> b.maxRecords(bad))).awsErrorDetails().errorCode())
                    .isEqualTo("InvalidParameterValueException");
            assertThat(error(() -> dms.describeReplicationConfigs(b -> b.maxRecords(bad))).awsErrorDetails()
                    .errorCode()).isEqualTo("InvalidParameterValueException");
        }
        assertThat(error(() -> dms.describeReplications(b -> b.marker("garbage"))).awsErrorDetails().errorCode())
                .isEqualTo("InvalidParameterValueException");
    }
}
