package io.dmskit.testkit.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.testkit.FakeDms;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.databasemigration.model.DatabaseMigrationException;
import software.amazon.awssdk.services.databasemigration.model.Filter;
import software.amazon.awssdk.services.databasemigration.model.Tag;

/** Issue 15: the hostile requests the issue names, each answered with DMS's own error code and HTTP 400. */
@DisplayName("FakeDms answers hostile requests as DMS does")
class FakeDmsHostileCasesTest {

    private static final String MAPPINGS = "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":"
            + "\"all\",\"object-locator\":{\"schema-name\":\"shop\",\"table-name\":\"%\"},\"rule-action\":\"include\"}]}";

    private final FakeDms dms = FakeDms.create();

    private static void assertCode(ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DatabaseMigrationException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.requestId()).isNotBlank();
        });
    }

    private String[] task() {
        String ri = dms.createReplicationInstance(b -> b.replicationInstanceIdentifier("ri")
                .replicationInstanceClass("dms.t3.medium")).replicationInstance().replicationInstanceArn();
        dms.describeReplicationInstances();
        String src = dms.createEndpoint(b -> b.endpointIdentifier("src").endpointType("source").engineName("mysql")
                .serverName("h").port(3306).username("u").password("p")).endpoint().endpointArn();
        String tgt = dms.createEndpoint(b -> b.endpointIdentifier("tgt").endpointType("target").engineName("s3")
                .s3Settings(s -> s.bucketName("b").serviceAccessRoleArn("arn:aws:iam::123456789012:role/r")))
                .endpoint().endpointArn();
        return new String[] {ri, src, tgt};
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a\u0000b", "tab\tid", "\ud83d\ude00"})
    @DisplayName("identifiers that are empty or hold control characters are InvalidParameterValueException")
    void badIdentifiers(String id) {
        assertCode(() -> dms.createReplicationInstance(b -> b.replicationInstanceIdentifier(id)
                .replicationInstanceClass("dms.t3.medium")), "InvalidParameterValueException");
    }

    @Test
    @DisplayName("a 10,000-character identifier is InvalidParameterValueException")
    void hugeIdentifier() {
        assertCode(() -> dms.createEndpoint(b -> b.endpointIdentifier("a".repeat(10_000)).endpointType("source")
                .engineName("mysql").serverName("h").port(3306).username("u").password("p")),
                "InvalidParameterValueException");
    }

    @Test
    @DisplayName("a missing required member is InvalidParameterValueException, not an NPE")
    void missingMembers() {
        assertCode(() -> dms.createEndpoint(b -> b.endpointType("source").engineName("mysql")),
                "InvalidParameterValueException");
        assertCode(() -> dms.createReplicationTask(b -> b.replicationTaskIdentifier("t")),
                "InvalidParameterValueException");
        assertCode(() -> dms.startReplicationTask(b -> b.startReplicationTaskType("start-replication")),
                "InvalidParameterValueException");
    }

    @ParameterizedTest
    @ValueSource(strings = {"arn:", "arn:aws:dms:us-east-1:123456789012:endpoint:", "not-an-arn",
        "arn:aws:dms:us-east-1:123456789012:endpoint:a\u0000b"})
    @DisplayName("malformed ARNs are refused with a DMS error")
    void malformedArns(String arn) {
        assertThatThrownBy(() -> dms.deleteEndpoint(b -> b.endpointArn(arn)))
                .isInstanceOfSatisfying(DatabaseMigrationException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode())
                                .isIn("InvalidParameterValueException", "ResourceNotFoundFault"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "[]", "null", "{\"rules\":[],\"x\":1E2147483648}", "{\"rules\":[],\"x\":1e999999999}",
        "{\"rules\":[{}]}"})
    @DisplayName("table mappings that are not valid JSON, or not valid mappings, are InvalidParameterValueException")
    void badTableMappings(String mappings) {
        String[] a = task();
        assertCode(() -> dms.createReplicationTask(b -> b.replicationTaskIdentifier("t").migrationType("full-load")
                .replicationInstanceArn(a[0]).sourceEndpointArn(a[1]).targetEndpointArn(a[2])
                .tableMappings(mappings)), "InvalidParameterValueException");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "[]", "{\"TargetMetadata\":{\"LobChunkSize\":99999999999999999999999}}",
        "{\"FullLoadSettings\":[]}"})
    @DisplayName("task settings that are not a JSON object of DMS sections are InvalidParameterValueException")
    void badTaskSettings(String settings) {
        String[] a = task();
        assertCode(() -> dms.createReplicationTask(b -> b.replicationTaskIdentifier("t").migrationType("full-load")
                .replicationInstanceArn(a[0]).sourceEndpointArn(a[1]).targetEndpointArn(a[2])
                .tableMappings(MAPPINGS).replicationTaskSettings(settings)), "InvalidParameterValueException");
    }

    @Test
    @DisplayName("unknown enum values are InvalidParameterValueException")
    void unknownEnums() {
        String[] a = task();
        assertCode(() -> dms.createReplicationTask(b -> b.replicationTaskIdentifier("t").migrationType("bogus")
                .replicationInstanceArn(a[0]).sourceEndpointArn(a[1]).targetEndpointArn(a[2])
                .tableMappings(MAPPINGS)), "InvalidParameterValueException");
        assertCode(() -> dms.createEndpoint(b -> b.endpointIdentifier("e").endpointType("sideways")
                .engineName("mysql").serverName("h").port(3306).username("u").password("p")),
                "InvalidParameterValueException");
        assertCode(() -> dms.createEndpoint(b -> b.endpointIdentifier("e").endpointType("source")
                .engineName("nosuchdb").serverName("h").port(3306).username("u").password("p")),
                "InvalidParameterValueException");
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 4, 6145, Integer.MAX_VALUE})
    @DisplayName("AllocatedStorage outside 5..6144 GB is InvalidParameterValueException")
    void allocatedStorage(int gb) {
        assertCode(() -> dms.createReplicationInstance(b -> b.replicationInstanceIdentifier("ri")
                .replicationInstanceClass("dms.t3.medium").allocatedStorage(gb)), "InvalidParameterValueException");
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 19, 101, Integer.MAX_VALUE})
    @DisplayName("MaxRecords outside 20..100 is InvalidParameterValueException")
    void maxRecords(int n) {
        assertCode(() -> dms.describeEndpoints(b -> b.maxRecords(n)), "InvalidParameterValueException");
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "%%%", "ZG1za2l0LXBhZ2U6LTE", "ZG1za2l0LXBhZ2U6OTk5OTk5OTk5OTk5"})
    @DisplayName("a Marker this service never issued is InvalidParameterValueException")
    void badMarker(String marker) {
        assertCode(() -> dms.describeEndpoints(b -> b.marker(marker)), "InvalidParameterValueException");
    }

    @Test
    @DisplayName("filters with unknown names, no values or null elements are InvalidParameterValueException")
    void badFilters() {
        assertCode(() -> dms.describeEndpoints(b -> b.filters(Filter.builder().name("bogus").values("x").build())),
                "InvalidParameterValueException");
        assertCode(() -> dms.describeEndpoints(b -> b.filters(Filter.builder().name("endpoint-arn").build())),
                "InvalidParameterValueException");
        assertCode(() -> dms.describeReplicationConfigs(b -> b.filters(Arrays.asList((Filter) null))),
                "InvalidParameterValueException");
    }

    @Test
    @DisplayName("tags with null elements or characters AWS does not allow are InvalidParameterValueException")
    void badTags() {
        String ri = task()[0];
        assertCode(() -> dms.addTagsToResource(b -> b.resourceArn(ri).tags(Arrays.asList(
                Tag.builder().key("k").value("v").build(), null))), "InvalidParameterValueException");
        assertCode(() -> dms.addTagsToResource(b -> b.resourceArn(ri).tags(List.of(
                Tag.builder().key("k").value("line\nbreak").build()))), "InvalidParameterValueException");
        assertCode(() -> dms.addTagsToResource(b -> b.resourceArn(ri).tags(List.of(
                Tag.builder().key("k{").value("v").build()))), "InvalidParameterValueException");
    }
}
