package io.dmskit.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dmskit.testkit.DmsSandbox;
import io.dmskit.testkit.server.MotoServer;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.waiters.DatabaseMigrationWaiter;

/**
 * The DMS conformance suite against {@code moto_server} (moto 5.x), for the subset moto implements. moto's
 * differences from AWS are listed in {@link #DEVIATIONS}; the suite reports those tests as skipped with the reason,
 * and the tests of this class pin the deviations down, so a moto upgrade that fixes one is noticed.
 */
class MotoDmsConformanceTest extends DmsConformanceSuite {

    static final Map<Behaviour, String> DEVIATIONS = Map.ofEntries(
            Map.entry(Behaviour.TASK_BECOMES_READY, "moto leaves new tasks in 'creating' forever (its ready() is "
                    + "never called), so ReplicationTaskReady times out"),
            Map.entry(Behaviour.TASK_STARTS_THROUGH_STARTING, "moto answers StartReplicationTask with 'running' at "
                    + "once"),
            Map.entry(Behaviour.VALIDATES_MIGRATION_TYPE, "moto accepts any MigrationType"),
            Map.entry(Behaviour.VALIDATES_TABLE_MAPPINGS, "moto does not parse TableMappings"),
            Map.entry(Behaviour.REJECTS_DUPLICATE_ENDPOINT, "moto silently overwrites an endpoint with the same "
                    + "identifier"),
            Map.entry(Behaviour.MARKER_PAGINATION, "moto ignores MaxRecords on DescribeEndpoints (all results in "
                    + "one page) and never returns a Marker"),
            Map.entry(Behaviour.VALIDATES_MAX_RECORDS, "moto accepts any MaxRecords"),
            Map.entry(Behaviour.TABLE_STATISTICS, "moto does not implement DescribeTableStatistics (HTTP 500)"),
            Map.entry(Behaviour.MODIFY_TASK, "moto does not implement ModifyReplicationTask (HTTP 500)"),
            Map.entry(Behaviour.TAG_EDITING, "moto does not implement AddTagsToResource/RemoveTagsFromResource"),
            Map.entry(Behaviour.ENDPOINT_ACTIVE, "moto leaves endpoints in 'creating'"),
            Map.entry(Behaviour.FILTER_MISS_IS_NOT_FOUND, "moto answers an empty list, so the SDK's Deleted waiters "
                    + "never succeed"),
            Map.entry(Behaviour.VALIDATES_TASK_REFERENCES, "moto accepts a task on a replication instance that does "
                    + "not exist"),
            Map.entry(Behaviour.REJECTS_START_WHILE_RUNNING, "moto starts a task from any state"));

    private static MotoServer moto;
    private static DmsSandbox.Remote remote;

    @BeforeAll
    static void startMoto() {
        assumeTrue(MotoServer.isAvailable(), MotoServer::unavailableReason);
        moto = MotoServer.start();
        remote = DmsSandbox.forEndpoint(moto.endpoint(), r -> r.maxAttempts(1));
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

    @BeforeEach
    void reset() {
        moto.reset();
    }

    @Override
    protected DatabaseMigrationClient dms() {
        return remote.dms();
    }

    @Override
    protected Optional<String> deviation(Behaviour behaviour) {
        if (Boolean.getBoolean("dmskit.conformance.ignoreDeviations")) {
            // re-check every documented deviation against the installed moto: the suite then fails where moto
            // still differs from AWS
            return Optional.empty();
        }
        return Optional.ofNullable(DEVIATIONS.get(behaviour));
    }

    @Override
    protected DatabaseMigrationWaiter waiter() {
        return DatabaseMigrationWaiter.builder().client(remote.dms()).overrideConfiguration(
                WaiterOverrideConfiguration.builder().maxAttempts(5)
                        .backoffStrategyV2(BackoffStrategy.fixedDelayWithoutJitter(SHORT)).build()).build();
    }

    // ---------------------------------------------------------------- moto's deviations, pinned down

    @Test
    @DisplayName("moto deviation: a new task stays 'creating'")
    void motoTaskNeverReady() {
        String arn = task("conf-task", instance("conf-ri"), "cdc");
        assertThat(poll(() -> describeTask(arn).status(), "ready", 5)).isEqualTo("creating");
    }

    @Test
    @DisplayName("moto deviation: MigrationType and instance references are not validated")
    void motoAcceptsBadTask() {
        String arn = task("conf-task", "arn:aws:dms:us-east-1:123456789012:rep:NOSUCHINSTANCE", "nonsense");
        assertThat(describeTask(arn).migrationTypeAsString()).isEqualTo("nonsense");
    }

    @Test
    @DisplayName("moto deviation: DescribeTableStatistics is not implemented (HTTP 500)")
    void motoNoTableStatistics() {
        assertThatThrownBy(() -> dms().describeTableStatistics(b -> b.replicationTaskArn(
                "arn:aws:dms:us-east-1:123456789012:task:X"))).isInstanceOfSatisfying(AwsServiceException.class,
                e -> assertThat(e.statusCode()).isEqualTo(500));
    }

    @Test
    @DisplayName("moto deviation: DescribeEndpoints ignores MaxRecords and returns no Marker")
    void motoNoMarker() {
        for (int i = 0; i < 25; i++) {
            target("conf-tgt-" + i);
        }
        var page = dms().describeEndpoints(b -> b.maxRecords(20));
        assertThat(page.endpoints()).hasSize(25);
        assertThat(page.marker()).isNull();
    }
}
