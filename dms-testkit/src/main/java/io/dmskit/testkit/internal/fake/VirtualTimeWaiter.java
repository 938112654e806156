package io.dmskit.testkit.internal.fake;

import io.dmskit.testkit.FakeClock;
import java.time.Duration;
import java.util.function.Function;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.core.waiters.WaiterResponse;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.DescribeConnectionsRequest;
import software.amazon.awssdk.services.databasemigration.model.DescribeConnectionsResponse;
import software.amazon.awssdk.services.databasemigration.model.DescribeEndpointsRequest;
import software.amazon.awssdk.services.databasemigration.model.DescribeEndpointsResponse;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationInstancesRequest;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationInstancesResponse;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationTasksRequest;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationTasksResponse;
import software.amazon.awssdk.services.databasemigration.waiters.DatabaseMigrationWaiter;

/**
 * The SDK's own {@link DatabaseMigrationWaiter} (same acceptors, same attempt counts) whose pauses between polls
 * happen on a {@link FakeClock}: each pause advances the fake clock by the waiter's delay (15 s for tasks, 60 s for
 * instance availability ...) and returns at once. A waiter that would poll for 15 minutes on AWS finishes in
 * milliseconds, and sees exactly the states AWS would show at each poll.
 */
final class VirtualTimeWaiter implements DatabaseMigrationWaiter {

    private final DatabaseMigrationClient client;
    private final FakeClock clock;

    /** @param client the fake @param clock its clock */
    public VirtualTimeWaiter(DatabaseMigrationClient client, FakeClock clock) {
        this.client = client;
        this.clock = clock;
    }

    private BackoffStrategy virtual(BackoffStrategy real) {
        return attempt -> {
            clock.sleep(real.computeDelay(attempt));
            return Duration.ZERO;
        };
    }

    private <T> T with(Duration defaultDelay, WaiterOverrideConfiguration user,
                       Function<DatabaseMigrationWaiter, T> call) {
        WaiterOverrideConfiguration.Builder b = WaiterOverrideConfiguration.builder();
        BackoffStrategy real = BackoffStrategy.fixedDelayWithoutJitter(defaultDelay);
        if (user != null) {
            user.maxAttempts().ifPresent(b::maxAttempts);
            user.waitTimeout().ifPresent(b::waitTimeout);
            if (user.backoffStrategyV2().isPresent()) {
                real = user.backoffStrategyV2().get();
            }
        }
        b.backoffStrategyV2(virtual(real));
        try (DatabaseMigrationWaiter waiter = DatabaseMigrationWaiter.builder().client(client)
                .overrideConfiguration(b.build()).build()) {
            return call.apply(waiter);
        }
    }

    @Override
    public WaiterResponse<DescribeEndpointsResponse> waitUntilEndpointDeleted(DescribeEndpointsRequest r) {
        return waitUntilEndpointDeleted(r, null);
    }

    @Override
    public WaiterResponse<DescribeEndpointsResponse> waitUntilEndpointDeleted(DescribeEndpointsRequest r,
                                                                             WaiterOverrideConfiguration c) {
        return with(Duration.ofSeconds(5), c, x -> x.waitUntilEndpointDeleted(r));
    }

    @Override
    public WaiterResponse<DescribeReplicationInstancesResponse> waitUntilReplicationInstanceAvailable(
            DescribeReplicationInstancesRequest r) {
        return waitUntilReplicationInstanceAvailable(r, null);
    }

    @Override
    public WaiterResponse<DescribeReplicationInstancesResponse> waitUntilReplicationInstanceAvailable(
            DescribeReplicationInstancesRequest r, WaiterOverrideConfiguration c) {
        return with(Duration.ofSeconds(60), c, x -> x.waitUntilReplicationInstanceAvailable(r));
    }

    @Override
    public WaiterResponse<DescribeReplicationInstancesResponse> waitUntilReplicationInstanceDeleted(
            DescribeReplicationInstancesRequest r) {
        return waitUntilReplicationInstanceDeleted(r, null);
    }

    @Override
    public WaiterResponse<DescribeReplicationInstancesResponse> waitUntilReplicationInstanceDeleted(
            DescribeReplicationInstancesRequest r, WaiterOverrideConfiguration c) {
        return with(Duration.ofSeconds(15), c, x -> x.waitUntilReplicationInstanceDeleted(r));
    }

    @Override
    public WaiterResponse<DescribeReplicationTasksResponse> waitUntilReplicationTaskDeleted(
            DescribeReplicationTasksRequest r) {
        return waitUntilReplicationTaskDeleted(r, null);
    }

    @Override
    public WaiterResponse<DescribeReplicationTasksResponse> waitUntilReplicationTaskDeleted(
            DescribeReplicationTasksRequest r, WaiterOverrideConfiguration c) {
        return with(Duration.ofSeconds(15), c, x -> x.waitUntilReplicationTaskDeleted(r));
    }

    @Override
    public WaiterResponse<DescribeReplicationTasksResponse> waitUntilReplicationTaskReady(
            DescribeReplicationTasksRequest r) {
        return waitUntilReplicationTaskReady(r, null);
    }

    @Override
    public WaiterResponse<DescribeReplicationTasksResponse> waitUntilReplicationTaskReady(
            DescribeReplicationTasksRequest r, WaiterOverrideConfiguration c) {
        return with(Duration.ofSeconds(15), c, x -> x.waitUntilReplicationTaskReady(r));
    }

    @Override
    public WaiterResponse<DescribeReplicationTasksResponse> waitUntilReplicationTaskRunning(
            DescribeReplicationTasksRequest r) {
        return waitUntilReplicationTaskRunning(r, null);
    }

    @Override
    public WaiterResponse<DescribeReplicationTasksResponse> waitUntilReplicationTaskRunning(
            DescribeReplicationTasksRequest r, WaiterOverrideConfiguration c) {
        return with(Duration.ofSeconds(15), c, x -> x.waitUntilReplicationTaskRunning(r));
    }

    @Override
    public WaiterResponse<DescribeReplicationTasksResponse> waitUntilReplicationTaskStopped(
            DescribeReplicationTasksRequest r) {
        return waitUntilReplicationTaskStopped(r, null);
    }

    @Override
    public WaiterResponse<DescribeReplicationTasksResponse> waitUntilReplicationTaskStopped(
            DescribeReplicationTasksRequest r, WaiterOverrideConfiguration c) {
        return with(Duration.ofSeconds(15), c, x -> x.waitUntilReplicationTaskStopped(r));
    }

    @Override
    public WaiterResponse<DescribeConnectionsResponse> waitUntilTestConnectionSucceeds(DescribeConnectionsRequest r) {
        return waitUntilTestConnectionSucceeds(r, null);
    }

    @Override
    public WaiterResponse<DescribeConnectionsResponse> waitUntilTestConnectionSucceeds(DescribeConnectionsRequest r,
                                                                                      WaiterOverrideConfiguration c) {
        return with(Duration.ofSeconds(5), c, x -> x.waitUntilTestConnectionSucceeds(r));
    }

    @Override
    public void close() {
        // nothing to release: the SDK waiters are made per call
    }
}
