package io.dmskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.core.exception.ChangeNotAllowedException;
import io.dmskit.core.exception.WaitTimeoutException;
import io.dmskit.core.provision.ApplyPolicy;
import io.dmskit.core.provision.ApplyResult;
import io.dmskit.core.provision.ChangeAction;
import io.dmskit.core.provision.FieldDiff;
import io.dmskit.core.provision.Plan;
import io.dmskit.core.provision.ProgressEvent;
import io.dmskit.core.provision.ResourceKind;
import io.dmskit.core.serverless.ReplicationStart;
import io.dmskit.core.task.StartType;
import io.dmskit.mappings.TableMappings;
import io.dmskit.testkit.CallRecord;
import io.dmskit.testkit.FakeClock;
import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.Timings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("DMS Serverless replication configs: plan, apply, operate and destroy through the real SDK model on FakeDms")
class ServerlessProvisionerTest {

    private static final List<String> TWO = List.of("market-intelligence-hub", "retail-copilot");

    private FakeClock clock;
    private FakeDms fake;
    private DmsProvisioner dms;
    private final List<ProgressEvent> events = new CopyOnWriteArrayList<>();
    private Pipeline pipeline;

    @BeforeEach
    void setUp() {
        clock = FakeClock.create();
        fake = FakeDms.builder().clock(clock).timings(Timings.realistic()).build();
        dms = DmsProvisioner.builder().dms(fake).clock(clock).sleeper(clock::sleep)
            .pollInterval(Duration.ofSeconds(15)).progressListener(events::add).build();
        pipeline = ServerlessPipeline.build(TWO);
        dms.apply(pipeline);
        fake.clearCalls();
    }

    @AfterEach
    void tearDown() {
        dms.close();
        fake.close();
    }

    private List<String> mutations() {
        return fake.calls().stream().filter(CallRecord::mutating).map(CallRecord::operation).toList();
    }

    private Pipeline withMappings(Pipeline p, String config, String extraSchema) {
        ReplicationConfig c = p.replicationConfig(config).orElseThrow();
        String json = GuidePipeline.mappingsJson(config).replaceFirst(java.util.regex.Pattern.quote(
            "\"rule-action\":\"include\"},"), "\"rule-action\":\"include\"},{\"rule-type\":\"selection\",\"rule-id\":\"9\",\"rule-name\":\"more\","
                + "\"object-locator\":{\"schema-name\":\"" + extraSchema + "\",\"table-name\":\"%\"},"
                + "\"rule-action\":\"include\"},");
        return p.withReplicationConfig(c.toBuilder().tableMappings(TableMappings.fromJson(json)).build());
    }

    @Test
    @DisplayName("re-applying an unchanged pipeline makes no mutating call and at most one Describe per type")
    void noOpReapply() {
        ApplyResult again = dms.apply(pipeline);

        assertThat(again.changed()).isFalse();
        assertThat(mutations()).isEmpty();
        Map<String, Long> describes = fake.calls().stream().map(CallRecord::operation)
            .filter(o -> o.startsWith("Describe")).collect(Collectors.groupingBy(Function.identity(),
                Collectors.counting()));
        assertThat(describes).containsEntry("DescribeReplicationConfigs", 1L).containsEntry("DescribeReplications", 1L)
            .allSatisfy((op, n) -> assertThat(n).as(op).isEqualTo(1L));
    }

    @Test
    @DisplayName("what DMS echoes back (filled-in settings and compute defaults, reordered JSON) is no difference")
    void echoesAreNoDifference() {
        ReplicationConfig c = pipeline.replicationConfig("retail-copilot").orElseThrow();
        // the same mappings with members in another order, and supplemental settings reordered
        String reordered = "{\"rules\":[" + GuidePipeline.mappingsJson("retail-copilot")
            .replaceAll("(?s)^\\s*\\{\"rules\":\\[", "").replace("\"rule-type\":\"selection\",\"rule-id\":\"1\"",
                "\"rule-id\":\"1\",\"rule-type\":\"selection\"");
        Pipeline same = pipeline.withReplicationConfig(c.toBuilder().tableMappings(reordered).build());

        Plan plan = dms.plan(same);

        assertThat(plan.hasChanges()).as(plan.render()).isFalse();
        assertThat(fake.describeReplicationConfigs(b -> { }).replicationConfigs().get(0).replicationSettings())
            .as("DMS filled in settings the definition does not set").contains("TargetMetadata");
    }

    @Test
    @DisplayName("a config whose replication never started is modified in place with one ModifyReplicationConfig")
    void modifyBeforeFirstStart() {
        Pipeline changed = withMappings(pipeline, "retail-copilot", "loyalty");
        ReplicationConfig c = changed.replicationConfig("retail-copilot").orElseThrow();
        changed = changed.withReplicationConfig(c.toBuilder().compute(k -> k.maxCapacityUnits(16)).build());

        Plan plan = dms.plan(changed);

        assertThat(plan.effectiveChanges()).singleElement().satisfies(ch -> {
            assertThat(ch.kind()).isEqualTo(ResourceKind.REPLICATION_CONFIG);
            assertThat(ch.action()).isEqualTo(ChangeAction.MODIFY);
            assertThat(ch.diffs()).extracting(FieldDiff::field)
                .containsExactlyInAnyOrder("TableMappings", "ComputeConfig.MaxCapacityUnits");
        });
        dms.apply(changed);
        assertThat(mutations()).containsExactly("ModifyReplicationConfig");
        assertThat(dms.plan(changed).hasChanges()).isFalse();
    }

    @Test
    @DisplayName("after its first start a changed config must be replaced: refused by default, naming the config")
    void replaceAfterStartIsRefusedByDefault() {
        dms.startReplication("retail-copilot");
        dms.stopReplication("retail-copilot");
        fake.clearCalls();
        Pipeline changed = withMappings(pipeline, "retail-copilot", "loyalty");

        Plan plan = dms.plan(changed);

        assertThat(plan.effectiveChanges()).singleElement().satisfies(ch -> {
            assertThat(ch.action()).isEqualTo(ChangeAction.REPLACE);
            assertThat(String.join(" ", ch.notes())).contains("CHECKPOINT IS LOST");
        });
        assertThatThrownBy(() -> dms.apply(changed, ApplyPolicy.all()))
            .isInstanceOf(ChangeNotAllowedException.class)
            .hasMessageContaining("replication config 'retail-copilot'")
            .hasMessageContaining("withDiscardCheckpoints(true)");
        assertThat(mutations()).isEmpty();

        dms.apply(changed, ApplyPolicy.all().withDiscardCheckpoints(true));
        assertThat(mutations()).containsExactly("DeleteReplicationConfig", "CreateReplicationConfig");
        assertThat(dms.describeReplication("retail-copilot").orElseThrow().hasStarted()).isFalse();
    }

    @Test
    @DisplayName("a running replication is stopped, replaced and started again only with restarts allowed too")
    void runningReplicationReplacement() {
        dms.startReplication("retail-copilot");
        fake.clearCalls();
        Pipeline changed = withMappings(pipeline, "retail-copilot", "loyalty");

        assertThatThrownBy(() -> dms.apply(changed, ApplyPolicy.safe().withAllowReplace(true)
            .withDiscardCheckpoints(true))).isInstanceOf(ChangeNotAllowedException.class)
            .hasMessageContaining("must be stopped");

        dms.apply(changed, ApplyPolicy.all().withDiscardCheckpoints(true));

        assertThat(mutations()).containsExactly("StopReplication", "DeleteReplicationConfig",
            "CreateReplicationConfig", "StartReplication");
        assertThat(dms.describeReplication("retail-copilot").orElseThrow().status()).isEqualTo("running");
    }

    @Test
    @DisplayName("start chooses start-replication, then resume-processing; waits report provisioning progress")
    void startStopResume() {
        assertThat(dms.startReplication("retail-copilot")).isEqualTo(StartType.START_REPLICATION);
        assertThat(events).anySatisfy(e -> {
            assertThat(e.kind()).isEqualTo(ResourceKind.REPLICATION_CONFIG);
            assertThat(e.newState()).startsWith("running");
        });
        assertThat(events.stream().map(ProgressEvent::newState).distinct().count()).isGreaterThan(1);
        dms.reloadReplicationTables("retail-copilot", io.dmskit.core.task.TableRef.of("ecommerce", "orders"));
        dms.stopReplication("retail-copilot");
        assertThat(dms.describeReplication("retail-copilot").orElseThrow().status()).isEqualTo("stopped");

        assertThat(dms.startReplication("retail-copilot")).isEqualTo(StartType.RESUME_PROCESSING);
        var start = fake.calls().stream().filter(c -> c.operation().equals("StartReplication")).toList();
        assertThat(start).hasSize(2);
    }

    @Test
    @DisplayName("a CDC start time is passed to StartReplication")
    void cdcStartTime() {
        java.time.Instant since = clock.instant().minus(Duration.ofHours(1));
        dms.startReplication("market-intelligence-hub", ReplicationStart.startReplication().withCdcStartTime(since));

        var r = fake.calls().stream().filter(c -> c.operation().equals("StartReplication")).findFirst().orElseThrow()
            .request(software.amazon.awssdk.services.databasemigration.model.StartReplicationRequest.class);
        assertThat(r.cdcStartTime()).isEqualTo(since);
        assertThat(r.startReplicationType()).isEqualTo("start-replication");
    }

    @Test
    @DisplayName("a wait that times out names the last state it saw")
    void timeoutNamesLastState() {
        try (DmsProvisioner impatient = DmsProvisioner.builder().dms(fake).clock(clock).sleeper(clock::sleep)
            .pollInterval(Duration.ofSeconds(15)).replicationWaitTimeout(Duration.ofMinutes(1)).build()) {
            assertThatThrownBy(() -> impatient.startReplication("retail-copilot"))
                .isInstanceOf(WaitTimeoutException.class).hasMessageContaining("replication config 'retail-copilot'")
                .satisfies(e -> assertThat(((WaitTimeoutException) e).getMessage()).containsPattern(
                    "initializing|preparing|testing|fetching|calculating|provisioning|starting"));
        }
    }

    @Test
    @DisplayName("destroy stops a running replication, then deletes configs before their endpoints")
    void destroy() {
        dms.startReplication("retail-copilot");
        fake.clearCalls();

        List<String> deleted = dms.destroy(pipeline);

        assertThat(deleted).contains("REPLICATION_CONFIG:retail-copilot", "REPLICATION_CONFIG:market-intelligence-hub");
        List<String> ops = mutations();
        assertThat(ops.indexOf("StopReplication")).isLessThan(ops.lastIndexOf("DeleteReplicationConfig"));
        assertThat(ops.lastIndexOf("DeleteReplicationConfig")).isLessThan(ops.indexOf("DeleteEndpoint"));
        assertThat(fake.describeReplicationConfigs(b -> { }).replicationConfigs()).isEmpty();
    }
}
