package io.dmskit.testkit;

import io.dmskit.testkit.internal.Args;
import io.dmskit.testkit.dataplane.ReplicationEngine;
import io.dmskit.testkit.internal.fake.DmsRegion;
import io.dmskit.testkit.internal.fake.CallLog;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationServiceClientConfiguration;
import software.amazon.awssdk.services.databasemigration.model.*;
import software.amazon.awssdk.services.databasemigration.waiters.DatabaseMigrationWaiter;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * An in-memory AWS Database Migration Service for tests: a {@link DatabaseMigrationClient} that keeps state, moves
 * resources through DMS's states on a controllable clock, validates requests and fails with DMS's error codes, and
 * records every call. Code written against {@code DatabaseMigrationClient} runs against it unchanged.
 *
 * <pre>{@code
 * FakeDms dms = FakeDms.create();                       // account 123456789012, us-east-1, instant transitions
 * String arn = dms.createReplicationInstance(b -> b.replicationInstanceIdentifier("ri")
 *         .replicationInstanceClass("dms.t3.medium")).replicationInstance().replicationInstanceArn();
 * dms.waiter().waitUntilReplicationInstanceAvailable(b -> b.filters(f -> f.name("replication-instance-arn").values(arn)));
 * dms.faults().throttle("CreateEndpoint").times(3);
 * assertThat(dms.calls("CreateReplicationInstance")).hasSize(1);
 * }</pre>
 *
 * <p><b>Time.</b> Every transition ({@code creating → available}, {@code starting → running} ...) is due a
 * {@link Timings} delay after the call that began it, on the fake's {@link FakeClock}, and is applied by the next
 * call that reaches the fake. With {@link Timings#instant()} the next call sees the settled state; the response to
 * the call itself still shows the transitional state, as on AWS. With {@link Timings#realistic()} time passes only
 * when the clock is moved: {@link FakeClock#sleep(Duration)}, {@link FakeClock#advance(Duration)}, or
 * {@link #waiter()}, whose waiters are the SDK's own with their pauses taken on the fake clock (virtual time:
 * waiting 10 simulated minutes for an instance takes microseconds).
 *
 * <p><b>Data plane.</b> Without a {@link ReplicationEngine}, tests script table statistics and task outcomes with
 * {@link #task(String)} (and serverless replications with {@link #replication(String)}); with one, the engine is
 * started when a task or a serverless replication enters {@code running} and stopped when it leaves it.
 *
 * <p>Thread-safe: every call is applied atomically. {@link #close()} stops running engines.
 */
public final class FakeDms implements DatabaseMigrationClient {

    private final FakeClock clock;
    private final Timings timings;
    private final String accountId;
    private final String region;
    private final Faults faults;
    private final DmsRegion state;
    private final CallLog calls = new CallLog();
    private final Duration advanceOnDescribe;

    private FakeDms(Builder b) {
        this.clock = b.clock != null ? b.clock : FakeClock.create();
        this.timings = b.timings;
        this.accountId = b.accountId;
        this.region = b.region;
        this.advanceOnDescribe = b.advanceOnDescribe;
        this.faults = new Faults(new DmsFaultTarget());
        this.state = new DmsRegion(clock, timings, accountId, region, b.secretsManager, b.engine,
                faults::invisibilityFor, b.seed);
        attachTelemetry(b);
    }

    /**
     * {@return a fake with instant transitions, account {@code 123456789012}, region {@code us-east-1}, a {@link
     * FakeClock} at the current time, no Secrets Manager and no replication engine}
     */
    public static FakeDms create() {
        return builder().build();
    }

    /** {@return a builder for a configured fake} */
    public static Builder builder() {
        return new Builder();
    }

    /** Publishes AWS/DMS metrics and task logs into the CloudWatch clients of the builder, if any. */
    private void attachTelemetry(Builder b) {
        if (b.cloudWatch == null && b.cloudWatchLogs == null) {
            return;
        }
        state.attachTelemetry(new DmsTelemetrySink(b.cloudWatch, b.cloudWatchLogs), b.metricPeriod);
        if (b.cloudWatch instanceof FakeCloudWatch fake) {
            fake.beforeEachCall(state::publishDue);
        }
        if (b.cloudWatchLogs instanceof FakeCloudWatchLogs fake) {
            fake.beforeEachCall(state::publishDue);
        }
    }

    // ------------------------------------------------------------------------------------------------ test API

    /** {@return the fake's clock} */
    public FakeClock clock() {
        return clock;
    }

    /** {@return the transition delays in use} */
    public Timings timings() {
        return timings;
    }

    /** {@return the account id used in ARNs} */
    public String accountId() {
        return accountId;
    }

    /** {@return the region used in ARNs} */
    public String region() {
        return region;
    }

    /** {@return the fault injection rules of this fake} */
    public Faults faults() {
        return faults;
    }

    /** {@return every call so far, in arrival order} */
    public List<CallRecord> calls() {
        return calls.all();
    }

    /**
     * {@return the calls of that operation, in arrival order}
     *
     * @param operationName a DMS operation name, e.g. {@code CreateEndpoint}
     */
    public List<CallRecord> calls(String operationName) {
        return calls.of(operationName);
    }

    /** {@return how many calls of state-changing operations were made (including failed ones)} */
    public long mutatingCallCount() {
        return calls.mutatingCount();
    }

    /** Forgets the call log (state is kept). */
    public void clearCalls() {
        calls.clear();
    }

    /** {@return the names of the operations this fake implements} */
    public static List<String> supportedOperations() {
        return List.copyOf(DmsRegion.operations());
    }

    /**
     * The scripted data plane of a task.
     *
     * @param taskArnOrIdentifier the task's ARN or its ReplicationTaskIdentifier
     * @return the task's control
     * @throws IllegalArgumentException when there is no such task
     */
    public TaskControl task(String taskArnOrIdentifier) {
        return state.task(taskArnOrIdentifier);
    }

    /**
     * The scripted data plane of a DMS Serverless replication (table statistics, end of full load, failure, stop).
     *
     * @param configArnOrIdentifier the replication config's ARN or its ReplicationConfigIdentifier
     * @return the replication's control
     * @throws IllegalArgumentException when there is no such replication config
     */
    public ReplicationControl replication(String configArnOrIdentifier) {
        return state.replication(configArnOrIdentifier);
    }

    /**
     * Declares the schemas a RefreshSchemas of this endpoint finds (DescribeSchemas then lists them), for tests
     * without a replication engine that can list them.
     *
     * @param endpointArnOrIdentifier the endpoint's ARN or EndpointIdentifier
     * @param schemaNames the schemas
     * @throws IllegalArgumentException when there is no such endpoint
     */
    public void endpointSchemas(String endpointArnOrIdentifier, String... schemaNames) {
        Args.required(endpointArnOrIdentifier, "FakeDms: endpointArnOrIdentifier");
        state.declareSchemas(endpointArnOrIdentifier, List.of(schemaNames));
    }

    /**
     * The SDK's {@link DatabaseMigrationWaiter} for this fake, pausing on the fake clock instead of sleeping: each
     * pause advances {@link #clock()} by the waiter's delay (15 s for tasks, 60 s for instance availability, 5 s for
     * endpoints and connections). Acceptors and attempt counts are the SDK's, including the known too-eager ones.
     */
    @Override
    public DatabaseMigrationWaiter waiter() {
        return state.waiter(this);
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public DatabaseMigrationServiceClientConfiguration serviceClientConfiguration() {
        return DatabaseMigrationServiceClientConfiguration.builder()
                .region(software.amazon.awssdk.regions.Region.of(region)).build();
    }

    /** Stops every running replication engine. The fake's state stays readable. */
    @Override
    public void close() {
        state.close();
    }

    @Override
    public String toString() {
        return "FakeDms[" + accountId + ", " + region + ", " + clock.instant() + "]";
    }

    // -------------------------------------------------------------------------------------------------- calls

    private <T extends SdkResponse> T call(String operation, SdkRequest request, Class<T> responseType) {
        Args.required(request, "FakeDms: request");
        if (!advanceOnDescribe.isZero() && (operation.startsWith("Describe") || operation.startsWith("List"))) {
            clock.advance(advanceOnDescribe);
        }
        var time = clock.instant();
        Duration latency = faults.latencyFor(operation);
        if (!latency.isZero()) {
            clock.advance(latency);
        }
        Optional<RuntimeException> fault = faults.errorFor(operation);
        if (fault.isPresent()) {
            calls.record(operation, request, null, fault.get(), time);
            throw fault.get();
        }
        T response;
        try {
            response = responseType.cast(state.handle(operation, request));
        } catch (RuntimeException e) {
            calls.record(operation, request, null, e, time);
            throw e;
        }
        calls.record(operation, request, response, null, time);
        return response;
    }

    // ------------------------------------------------------------------------------------------ subnet groups

    @Override
    public CreateReplicationSubnetGroupResponse createReplicationSubnetGroup(CreateReplicationSubnetGroupRequest r) {
        return call("CreateReplicationSubnetGroup", r, CreateReplicationSubnetGroupResponse.class);
    }

    @Override
    public ModifyReplicationSubnetGroupResponse modifyReplicationSubnetGroup(ModifyReplicationSubnetGroupRequest r) {
        return call("ModifyReplicationSubnetGroup", r, ModifyReplicationSubnetGroupResponse.class);
    }

    @Override
    public DeleteReplicationSubnetGroupResponse deleteReplicationSubnetGroup(DeleteReplicationSubnetGroupRequest r) {
        return call("DeleteReplicationSubnetGroup", r, DeleteReplicationSubnetGroupResponse.class);
    }

    @Override
    public DescribeReplicationSubnetGroupsResponse describeReplicationSubnetGroups(DescribeReplicationSubnetGroupsRequest r) {
        return call("DescribeReplicationSubnetGroups", r, DescribeReplicationSubnetGroupsResponse.class);
    }

    // ------------------------------------------------------------------------------------------------ instances

    @Override
    public CreateReplicationInstanceResponse createReplicationInstance(CreateReplicationInstanceRequest r) {
        return call("CreateReplicationInstance", r, CreateReplicationInstanceResponse.class);
    }

    @Override
    public ModifyReplicationInstanceResponse modifyReplicationInstance(ModifyReplicationInstanceRequest r) {
        return call("ModifyReplicationInstance", r, ModifyReplicationInstanceResponse.class);
    }

    @Override
    public RebootReplicationInstanceResponse rebootReplicationInstance(RebootReplicationInstanceRequest r) {
        return call("RebootReplicationInstance", r, RebootReplicationInstanceResponse.class);
    }

    @Override
    public DeleteReplicationInstanceResponse deleteReplicationInstance(DeleteReplicationInstanceRequest r) {
        return call("DeleteReplicationInstance", r, DeleteReplicationInstanceResponse.class);
    }

    @Override
    public DescribeReplicationInstancesResponse describeReplicationInstances(DescribeReplicationInstancesRequest r) {
        return call("DescribeReplicationInstances", r, DescribeReplicationInstancesResponse.class);
    }

    @Override
    public DescribeReplicationInstancesResponse describeReplicationInstances() {
        return describeReplicationInstances(DescribeReplicationInstancesRequest.builder().build());
    }

    // ------------------------------------------------------------------------------------------------ endpoints

    @Override
    public CreateEndpointResponse createEndpoint(CreateEndpointRequest r) {
        return call("CreateEndpoint", r, CreateEndpointResponse.class);
    }

    @Override
    public ModifyEndpointResponse modifyEndpoint(ModifyEndpointRequest r) {
        return call("ModifyEndpoint", r, ModifyEndpointResponse.class);
    }

    @Override
    public DeleteEndpointResponse deleteEndpoint(DeleteEndpointRequest r) {
        return call("DeleteEndpoint", r, DeleteEndpointResponse.class);
    }

    @Override
    public DescribeEndpointsResponse describeEndpoints(DescribeEndpointsRequest r) {
        return call("DescribeEndpoints", r, DescribeEndpointsResponse.class);
    }

    @Override
    public DescribeEndpointsResponse describeEndpoints() {
        return describeEndpoints(DescribeEndpointsRequest.builder().build());
    }

    @Override
    public DescribeEndpointTypesResponse describeEndpointTypes(DescribeEndpointTypesRequest r) {
        return call("DescribeEndpointTypes", r, DescribeEndpointTypesResponse.class);
    }

    @Override
    public DescribeEndpointTypesResponse describeEndpointTypes() {
        return describeEndpointTypes(DescribeEndpointTypesRequest.builder().build());
    }

    // ---------------------------------------------------------------------------------------------- connections

    @Override
    public TestConnectionResponse testConnection(TestConnectionRequest r) {
        return call("TestConnection", r, TestConnectionResponse.class);
    }

    @Override
    public DescribeConnectionsResponse describeConnections(DescribeConnectionsRequest r) {
        return call("DescribeConnections", r, DescribeConnectionsResponse.class);
    }

    @Override
    public DescribeConnectionsResponse describeConnections() {
        return describeConnections(DescribeConnectionsRequest.builder().build());
    }

    @Override
    public DeleteConnectionResponse deleteConnection(DeleteConnectionRequest r) {
        return call("DeleteConnection", r, DeleteConnectionResponse.class);
    }

    // ---------------------------------------------------------------------------------------------------- tasks

    @Override
    public CreateReplicationTaskResponse createReplicationTask(CreateReplicationTaskRequest r) {
        return call("CreateReplicationTask", r, CreateReplicationTaskResponse.class);
    }

    @Override
    public ModifyReplicationTaskResponse modifyReplicationTask(ModifyReplicationTaskRequest r) {
        return call("ModifyReplicationTask", r, ModifyReplicationTaskResponse.class);
    }

    @Override
    public StartReplicationTaskResponse startReplicationTask(StartReplicationTaskRequest r) {
        return call("StartReplicationTask", r, StartReplicationTaskResponse.class);
    }

    @Override
    public StopReplicationTaskResponse stopReplicationTask(StopReplicationTaskRequest r) {
        return call("StopReplicationTask", r, StopReplicationTaskResponse.class);
    }

    @Override
    public DeleteReplicationTaskResponse deleteReplicationTask(DeleteReplicationTaskRequest r) {
        return call("DeleteReplicationTask", r, DeleteReplicationTaskResponse.class);
    }

    @Override
    public MoveReplicationTaskResponse moveReplicationTask(MoveReplicationTaskRequest r) {
        return call("MoveReplicationTask", r, MoveReplicationTaskResponse.class);
    }

    @Override
    public StartReplicationTaskAssessmentResponse startReplicationTaskAssessment(StartReplicationTaskAssessmentRequest r) {
        return call("StartReplicationTaskAssessment", r, StartReplicationTaskAssessmentResponse.class);
    }

    @Override
    public DescribeReplicationTaskAssessmentResultsResponse describeReplicationTaskAssessmentResults(DescribeReplicationTaskAssessmentResultsRequest r) {
        return call("DescribeReplicationTaskAssessmentResults", r, DescribeReplicationTaskAssessmentResultsResponse.class);
    }

    @Override
    public ReloadTablesResponse reloadTables(ReloadTablesRequest r) {
        return call("ReloadTables", r, ReloadTablesResponse.class);
    }

    @Override
    public DescribeReplicationTasksResponse describeReplicationTasks(DescribeReplicationTasksRequest r) {
        return call("DescribeReplicationTasks", r, DescribeReplicationTasksResponse.class);
    }

    @Override
    public DescribeReplicationTasksResponse describeReplicationTasks() {
        return describeReplicationTasks(DescribeReplicationTasksRequest.builder().build());
    }

    @Override
    public DescribeTableStatisticsResponse describeTableStatistics(DescribeTableStatisticsRequest r) {
        return call("DescribeTableStatistics", r, DescribeTableStatisticsResponse.class);
    }

    // ----------------------------------------------------------------------------------------------------- tags

    @Override
    public AddTagsToResourceResponse addTagsToResource(AddTagsToResourceRequest r) {
        return call("AddTagsToResource", r, AddTagsToResourceResponse.class);
    }

    @Override
    public RemoveTagsFromResourceResponse removeTagsFromResource(RemoveTagsFromResourceRequest r) {
        return call("RemoveTagsFromResource", r, RemoveTagsFromResourceResponse.class);
    }

    @Override
    public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest r) {
        return call("ListTagsForResource", r, ListTagsForResourceResponse.class);
    }

    // -------------------------------------------------------------------------------------------------- catalog

    @Override
    public DescribeOrderableReplicationInstancesResponse describeOrderableReplicationInstances(DescribeOrderableReplicationInstancesRequest r) {
        return call("DescribeOrderableReplicationInstances", r, DescribeOrderableReplicationInstancesResponse.class);
    }

    @Override
    public DescribeOrderableReplicationInstancesResponse describeOrderableReplicationInstances() {
        return describeOrderableReplicationInstances(DescribeOrderableReplicationInstancesRequest.builder().build());
    }

    @Override
    public DescribeEngineVersionsResponse describeEngineVersions(DescribeEngineVersionsRequest r) {
        return call("DescribeEngineVersions", r, DescribeEngineVersionsResponse.class);
    }

    @Override
    public DescribeAccountAttributesResponse describeAccountAttributes(DescribeAccountAttributesRequest r) {
        return call("DescribeAccountAttributes", r, DescribeAccountAttributesResponse.class);
    }

    @Override
    public DescribeAccountAttributesResponse describeAccountAttributes() {
        return describeAccountAttributes(DescribeAccountAttributesRequest.builder().build());
    }

    @Override
    public ImportCertificateResponse importCertificate(ImportCertificateRequest r) {
        return call("ImportCertificate", r, ImportCertificateResponse.class);
    }

    @Override
    public DescribeCertificatesResponse describeCertificates(DescribeCertificatesRequest r) {
        return call("DescribeCertificates", r, DescribeCertificatesResponse.class);
    }

    @Override
    public DescribeCertificatesResponse describeCertificates() {
        return describeCertificates(DescribeCertificatesRequest.builder().build());
    }

    @Override
    public DeleteCertificateResponse deleteCertificate(DeleteCertificateRequest r) {
        return call("DeleteCertificate", r, DeleteCertificateResponse.class);
    }

    @Override
    public RefreshSchemasResponse refreshSchemas(RefreshSchemasRequest r) {
        return call("RefreshSchemas", r, RefreshSchemasResponse.class);
    }

    @Override
    public DescribeRefreshSchemasStatusResponse describeRefreshSchemasStatus(DescribeRefreshSchemasStatusRequest r) {
        return call("DescribeRefreshSchemasStatus", r, DescribeRefreshSchemasStatusResponse.class);
    }

    @Override
    public DescribeSchemasResponse describeSchemas(DescribeSchemasRequest r) {
        return call("DescribeSchemas", r, DescribeSchemasResponse.class);
    }

    @Override
    public CreateEventSubscriptionResponse createEventSubscription(CreateEventSubscriptionRequest r) {
        return call("CreateEventSubscription", r, CreateEventSubscriptionResponse.class);
    }

    @Override
    public ModifyEventSubscriptionResponse modifyEventSubscription(ModifyEventSubscriptionRequest r) {
        return call("ModifyEventSubscription", r, ModifyEventSubscriptionResponse.class);
    }

    @Override
    public DeleteEventSubscriptionResponse deleteEventSubscription(DeleteEventSubscriptionRequest r) {
        return call("DeleteEventSubscription", r, DeleteEventSubscriptionResponse.class);
    }

    @Override
    public DescribeEventSubscriptionsResponse describeEventSubscriptions(DescribeEventSubscriptionsRequest r) {
        return call("DescribeEventSubscriptions", r, DescribeEventSubscriptionsResponse.class);
    }

    @Override
    public DescribeEventSubscriptionsResponse describeEventSubscriptions() {
        return describeEventSubscriptions(DescribeEventSubscriptionsRequest.builder().build());
    }

    @Override
    public DescribeEventsResponse describeEvents(DescribeEventsRequest r) {
        return call("DescribeEvents", r, DescribeEventsResponse.class);
    }

    @Override
    public DescribeEventsResponse describeEvents() {
        return describeEvents(DescribeEventsRequest.builder().build());
    }

    // ----------------------------------------------------------------------------------------------- serverless

    @Override
    public CreateReplicationConfigResponse createReplicationConfig(CreateReplicationConfigRequest r) {
        return call("CreateReplicationConfig", r, CreateReplicationConfigResponse.class);
    }

    @Override
    public ModifyReplicationConfigResponse modifyReplicationConfig(ModifyReplicationConfigRequest r) {
        return call("ModifyReplicationConfig", r, ModifyReplicationConfigResponse.class);
    }

    @Override
    public DeleteReplicationConfigResponse deleteReplicationConfig(DeleteReplicationConfigRequest r) {
        return call("DeleteReplicationConfig", r, DeleteReplicationConfigResponse.class);
    }

    @Override
    public DescribeReplicationConfigsResponse describeReplicationConfigs(DescribeReplicationConfigsRequest r) {
        return call("DescribeReplicationConfigs", r, DescribeReplicationConfigsResponse.class);
    }

    @Override
    public StartReplicationResponse startReplication(StartReplicationRequest r) {
        return call("StartReplication", r, StartReplicationResponse.class);
    }

    @Override
    public StopReplicationResponse stopReplication(StopReplicationRequest r) {
        return call("StopReplication", r, StopReplicationResponse.class);
    }

    @Override
    public DescribeReplicationsResponse describeReplications(DescribeReplicationsRequest r) {
        return call("DescribeReplications", r, DescribeReplicationsResponse.class);
    }

    @Override
    public DescribeReplicationTableStatisticsResponse describeReplicationTableStatistics(DescribeReplicationTableStatisticsRequest r) {
        return call("DescribeReplicationTableStatistics", r, DescribeReplicationTableStatisticsResponse.class);
    }

    @Override
    public ReloadReplicationTablesResponse reloadReplicationTables(ReloadReplicationTablesRequest r) {
        return call("ReloadReplicationTables", r, ReloadReplicationTablesResponse.class);
    }

    // ---------------------------------------------------------------------------------------------------- build

    /** Builds a {@link FakeDms}. */
    public static final class Builder {
        private FakeClock clock;
        private Timings timings = Timings.instant();
        private String accountId = "123456789012";
        private String region = "us-east-1";
        private SecretsManagerClient secretsManager;
        private ReplicationEngine engine;
        private long seed = 1;
        private Duration advanceOnDescribe = Duration.ZERO;
        private software.amazon.awssdk.services.cloudwatch.CloudWatchClient cloudWatch;
        private software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient cloudWatchLogs;
        private Duration metricPeriod = Duration.ofMinutes(1);

        private Builder() {
        }

        /**
         * Publishes DMS's metrics into this CloudWatch: the {@code AWS/DMS} namespace, with the metric names and
         * dimensions AWS documents, sampled once per {@link #metricPeriod(Duration)} on the fake's clock and when a
         * task starts, loads a table, ends its full load or the replication engine reports a CDC latency. Use a
         * {@link FakeCloudWatch} on the same clock (as {@link DmsSandbox} does); any other client gets the same
         * PutMetricData calls.
         *
         * @param cloudWatch where metrics go, or null for none (the default)
         * @return this builder
         */
        public Builder cloudWatch(software.amazon.awssdk.services.cloudwatch.CloudWatchClient cloudWatch) {
            this.cloudWatch = cloudWatch;
            return this;
        }

        /**
         * Writes task logs into this CloudWatch Logs, as DMS does for tasks whose settings enable logging: log group
         * {@code dms-tasks-<replication instance identifier>}, stream {@code dms-task-<task resource id>}, lines in
         * DMS's format ({@code 2026-01-01T10:00:00 [TASK_MANAGER    ]I:  message  (file.c:123)}).
         *
         * @param cloudWatchLogs where task logs go, or null for none (the default)
         * @return this builder
         */
        public Builder cloudWatchLogs(software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient cloudWatchLogs) {
            this.cloudWatchLogs = cloudWatchLogs;
            return this;
        }

        /**
         * Sets {@code metricPeriod}: how often metrics are sampled on the fake's clock: DMS's one minute by default; whole
         * seconds, at least one.
         *
         * @param period how often metrics are sampled on the fake's clock: DMS's one minute by default; whole
         *     seconds, at least one
         * @return this builder
         * @throws IllegalArgumentException when the period is shorter than a second or not whole seconds
         */
        public Builder metricPeriod(Duration period) {
            if (period == null) {
                period = Duration.ofMinutes(1);
            }
            if (period.getSeconds() < 1 || period.getNano() != 0) {
                throw new IllegalArgumentException("metricPeriod must be whole seconds, at least 1 s, got " + period);
            }
            this.metricPeriod = period;
            return this;
        }

        /**
         * Auto-advancing time for code that polls without the fake's clock (for example a waiter built directly with
         * {@code DatabaseMigrationWaiter.builder().client(fake)} with a short real backoff): every Describe/List call
         * moves the fake clock forward by {@code step} before it is answered. Off (zero) by default.
         *
         * @param step how far each Describe/List call moves the clock
         * @return this builder
         */
        public Builder advanceOnDescribe(Duration step) {
            if (step == null) {
                step = Duration.ZERO;
            }
            if (step.isNegative()) {
                throw new IllegalArgumentException("step must not be negative, got " + step);
            }
            this.advanceOnDescribe = step;
            return this;
        }

        /**
         * Sets {@code clock}: the clock of every transition (shared with the code under test).
         *
         * @param clock the clock of every transition (shared with the code under test)
         * @return this builder
         */
        public Builder clock(FakeClock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Sets {@code timings}: transition delays, e.g. {@link Timings#realistic()}.
         *
         * @param timings transition delays, e.g. {@link Timings#realistic()}
         * @return this builder
         */
        public Builder timings(Timings timings) {
            this.timings = timings == null ? Timings.instant() : timings;
            return this;
        }

        /**
         * Sets {@code accountId}: the 12-digit account in ARNs.
         *
         * @param accountId the 12-digit account in ARNs
         * @return this builder
         */
        public Builder accountId(String accountId) {
            if (accountId == null) {
                accountId = "123456789012";
            }
            if (!accountId.matches("\\d{12}")) {
                throw new IllegalArgumentException("accountId must be 12 digits, got '" + accountId + "'");
            }
            this.accountId = accountId;
            return this;
        }

        /**
         * Sets {@code region}: the region in ARNs, e.g. {@code eu-west-1}.
         *
         * @param region the region in ARNs, e.g. {@code eu-west-1}
         * @return this builder
         */
        public Builder region(String region) {
            if (region == null) {
                region = "us-east-1";
            }
            if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
                throw new IllegalArgumentException("region must look like us-east-1, got '" + region + "'");
            }
            this.region = region;
            return this;
        }

        /**
         * Sets {@code secretsManager}: the client used to read the Secrets Manager secrets endpoints name ({@code
         * SecretsManagerSecretId}) for TestConnection and the replication engine.
         *
         * @param secretsManager the client used to read the Secrets Manager secrets endpoints name
         *     ({@code SecretsManagerSecretId}) for TestConnection and the replication engine
         * @return this builder
         */
        public Builder secretsManager(SecretsManagerClient secretsManager) {
            this.secretsManager = secretsManager;
            return this;
        }

        /**
         * Sets {@code replicationEngine}: the data plane started when a task runs.
         *
         * @param engine the data plane started when a task runs
         * @return this builder
         */
        public Builder replicationEngine(ReplicationEngine engine) {
            this.engine = engine;
            return this;
        }

        /**
         * Sets {@code seed}: seed of generated resource ids and addresses (ARNs are reproducible per seed).
         *
         * @param seed seed of generated resource ids and addresses (ARNs are reproducible per seed)
         * @return this
         */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** {@return the fake} */
        public FakeDms build() {
            return new FakeDms(this);
        }
    }
}
