package io.dmskit.testkit.internal.fake;

import io.dmskit.testkit.FakeClock;
import io.dmskit.testkit.TaskControl;
import io.dmskit.testkit.Timings;
import io.dmskit.testkit.dataplane.ReplicationEngine;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.*;
import software.amazon.awssdk.services.databasemigration.waiters.DatabaseMigrationWaiter;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The fake DMS region behind {@code FakeDms}: its state ({@link World}), one handler per resource kind, and the one
 * table that routes each DMS operation to its handler. The only entry of this package for {@code FakeDms}, which
 * keeps what belongs to the client (faults, call log, clock moves) and hands every request to {@link #handle}.
 */
public final class DmsRegion implements AutoCloseable {

    /** Every operation the fake implements, in a stable order: request in, work on a region out. */
    private static final Map<String, Route> ROUTES = routes();

    private final World world;
    private final SubnetGroupOps subnetGroups;
    private final InstanceOps instances;
    private final EndpointOps endpoints;
    private final ConnectionOps connections;
    private final TaskOps tasks;
    private final TagOps tags;
    private final CatalogOps catalog;
    private final ConfigOps configs;
    private final EventOps events;
    private final CertificateOps certificates;
    private final SchemaOps schemas;
    private final AssessmentOps assessments;
    private final EventSubscriptionOps subscriptions;

    /**
     * @param clock the clock of every transition
     * @param timings the transition delays
     * @param accountId the account in ARNs
     * @param region the region in ARNs
     * @param secrets the Secrets Manager endpoints' secrets are read from, or null
     * @param engine the data plane, or null for the scripted one
     * @param invisibility for a Create operation, how many Describe calls miss what it created
     * @param seed seed of generated ids
     */
    public DmsRegion(FakeClock clock, Timings timings, String accountId, String region, SecretsManagerClient secrets,
                     ReplicationEngine engine, ToIntFunction<String> invisibility, long seed) {
        this.world = new World(clock, timings, accountId, region, secrets, engine, invisibility, seed);
        this.tags = new TagOps(world);
        this.subnetGroups = new SubnetGroupOps(world, tags);
        this.instances = new InstanceOps(world, tags, subnetGroups);
        this.endpoints = new EndpointOps(world, tags);
        this.connections = new ConnectionOps(world, instances, endpoints);
        this.tasks = new TaskOps(world, tags, instances, endpoints);
        this.catalog = new CatalogOps(world);
        this.configs = new ConfigOps(world, tags, endpoints);
        this.events = new EventOps(world);
        this.certificates = new CertificateOps(world, tags);
        this.schemas = new SchemaOps(world, instances, endpoints);
        this.assessments = new AssessmentOps(world, tasks);
        this.subscriptions = new EventSubscriptionOps(world, tags);
    }

    /** @return the names of the operations the fake implements, as in the DMS API */
    public static Set<String> operations() {
        return ROUTES.keySet();
    }

    /**
     * @param operation a DMS operation name
     * @return whether it can change state (everything but {@code Describe*} and {@code List*})
     */
    public static boolean isMutating(String operation) {
        return !(operation.startsWith("Describe") || operation.startsWith("List"));
    }

    /**
     * Applies one request atomically: the transitions that are due first, then the operation.
     *
     * @param operation the DMS operation name
     * @param request its request
     * @return the response
     * @throws IllegalArgumentException for an operation the fake does not implement
     */
    public SdkResponse handle(String operation, SdkRequest request) {
        Objects.requireNonNull(request, "request");
        Route route = ROUTES.get(operation);
        if (route == null) {
            throw new IllegalArgumentException("Unknown DMS operation '" + operation + "'");
        }
        Validate.noNullElements(request);
        Function<DmsRegion, SdkResponse> work = route.bind(request);
        return world.locked(() -> {
            world.telemetry.catchUp();
            return work.apply(this);
        });
    }

    /**
     * Publishes DMS's CloudWatch metrics and task logs through {@code sink} from now on.
     *
     * @param sink the CloudWatch and CloudWatch Logs the region writes to
     * @param metricPeriod how often metrics are sampled on the clock (DMS: one minute)
     */
    public void attachTelemetry(TelemetrySink sink, java.time.Duration metricPeriod) {
        world.run(() -> world.telemetry = Telemetry.of(world, sink, metricPeriod));
    }

    /** Samples the metric periods that have passed on the clock and publishes what is pending. */
    public void publishDue() {
        world.run(() -> world.telemetry.catchUp());
    }

    /**
     * @param taskArnOrIdentifier a task's ARN or identifier
     * @return the scripted data plane of that task
     * @throws IllegalArgumentException when there is no such task
     */
    public TaskControl task(String taskArnOrIdentifier) {
        return new ScriptedTask(world, tasks, taskArnOrIdentifier);
    }

    /**
     * @param endpointArnOrIdentifier an endpoint's ARN or identifier
     * @param schemaNames the schemas a RefreshSchemas of it finds
     * @throws IllegalArgumentException when there is no such endpoint
     */
    public void declareSchemas(String endpointArnOrIdentifier, List<String> schemaNames) {
        world.run(() -> schemas.declare(endpointArnOrIdentifier, schemaNames));
    }

    /**
     * @param client the client the waiter polls (the fake itself)
     * @return the SDK's waiter, pausing on this region's fake clock
     */
    public DatabaseMigrationWaiter waiter(DatabaseMigrationClient client) {
        return new VirtualTimeWaiter(client, world.clock);
    }

    /** Stops every running replication engine; the state stays readable. */
    @Override
    public void close() {
        world.close();
    }

    /** One operation: checks the request's type and binds it to the handler. */
    private interface Route {
        Function<DmsRegion, SdkResponse> bind(SdkRequest request);
    }

    private static <R extends SdkRequest> void route(Map<String, Route> routes, String operation,
                                                     Class<R> requestType,
                                                     BiFunction<DmsRegion, R, ? extends SdkResponse> handler) {
        routes.put(operation, request -> {
            R typed = requestType.cast(request);
            return region -> handler.apply(region, typed);
        });
    }

    private static Map<String, Route> routes() {
        Map<String, Route> routes = new LinkedHashMap<>();
        route(routes, "CreateReplicationSubnetGroup", CreateReplicationSubnetGroupRequest.class,
                (d, r) -> d.subnetGroups.create(r));
        route(routes, "ModifyReplicationSubnetGroup", ModifyReplicationSubnetGroupRequest.class,
                (d, r) -> d.subnetGroups.modify(r));
        route(routes, "DeleteReplicationSubnetGroup", DeleteReplicationSubnetGroupRequest.class,
                (d, r) -> d.subnetGroups.delete(r));
        route(routes, "DescribeReplicationSubnetGroups", DescribeReplicationSubnetGroupsRequest.class,
                (d, r) -> d.subnetGroups.describe(r));
        route(routes, "CreateReplicationInstance", CreateReplicationInstanceRequest.class,
                (d, r) -> d.instances.create(r));
        route(routes, "ModifyReplicationInstance", ModifyReplicationInstanceRequest.class,
                (d, r) -> d.instances.modify(r));
        route(routes, "RebootReplicationInstance", RebootReplicationInstanceRequest.class,
                (d, r) -> d.instances.reboot(r));
        route(routes, "DeleteReplicationInstance", DeleteReplicationInstanceRequest.class,
                (d, r) -> d.instances.delete(r));
        route(routes, "DescribeReplicationInstances", DescribeReplicationInstancesRequest.class,
                (d, r) -> d.instances.describe(r));
        route(routes, "CreateEndpoint", CreateEndpointRequest.class, (d, r) -> d.endpoints.create(r));
        route(routes, "ModifyEndpoint", ModifyEndpointRequest.class, (d, r) -> d.endpoints.modify(r));
        route(routes, "DeleteEndpoint", DeleteEndpointRequest.class, (d, r) -> d.endpoints.delete(r));
        route(routes, "DescribeEndpoints", DescribeEndpointsRequest.class, (d, r) -> d.endpoints.describe(r));
        route(routes, "DescribeEndpointTypes", DescribeEndpointTypesRequest.class,
                (d, r) -> d.catalog.endpointTypes(r));
        route(routes, "TestConnection", TestConnectionRequest.class, (d, r) -> d.connections.test(r));
        route(routes, "DescribeConnections", DescribeConnectionsRequest.class, (d, r) -> d.connections.describe(r));
        route(routes, "DeleteConnection", DeleteConnectionRequest.class, (d, r) -> d.connections.delete(r));
        route(routes, "CreateReplicationTask", CreateReplicationTaskRequest.class, (d, r) -> d.tasks.create(r));
        route(routes, "ModifyReplicationTask", ModifyReplicationTaskRequest.class, (d, r) -> d.tasks.modify(r));
        route(routes, "StartReplicationTask", StartReplicationTaskRequest.class, (d, r) -> d.tasks.start(r));
        route(routes, "StopReplicationTask", StopReplicationTaskRequest.class, (d, r) -> d.tasks.stop(r));
        route(routes, "DeleteReplicationTask", DeleteReplicationTaskRequest.class, (d, r) -> d.tasks.delete(r));
        route(routes, "MoveReplicationTask", MoveReplicationTaskRequest.class, (d, r) -> d.tasks.move(r));
        route(routes, "StartReplicationTaskAssessment", StartReplicationTaskAssessmentRequest.class,
                (d, r) -> d.assessments.assess(r));
        route(routes, "DescribeReplicationTaskAssessmentResults", DescribeReplicationTaskAssessmentResultsRequest.class,
                (d, r) -> d.assessments.assessmentResults(r));
        route(routes, "ReloadTables", ReloadTablesRequest.class, (d, r) -> d.tasks.reload(r));
        route(routes, "DescribeReplicationTasks", DescribeReplicationTasksRequest.class, (d, r) -> d.tasks.describe(r));
        route(routes, "DescribeTableStatistics", DescribeTableStatisticsRequest.class,
                (d, r) -> d.tasks.tableStatistics(r));
        route(routes, "AddTagsToResource", AddTagsToResourceRequest.class, (d, r) -> d.tags.add(r));
        route(routes, "RemoveTagsFromResource", RemoveTagsFromResourceRequest.class, (d, r) -> d.tags.remove(r));
        route(routes, "ListTagsForResource", ListTagsForResourceRequest.class, (d, r) -> d.tags.list(r));
        route(routes, "DescribeOrderableReplicationInstances", DescribeOrderableReplicationInstancesRequest.class,
                (d, r) -> d.catalog.orderable(r));
        route(routes, "DescribeEngineVersions", DescribeEngineVersionsRequest.class,
                (d, r) -> d.catalog.engineVersions(r));
        route(routes, "DescribeAccountAttributes", DescribeAccountAttributesRequest.class,
                (d, r) -> d.catalog.accountAttributes());
        route(routes, "ImportCertificate", ImportCertificateRequest.class,
                (d, r) -> d.certificates.importCertificate(r));
        route(routes, "DescribeCertificates", DescribeCertificatesRequest.class, (d, r) -> d.certificates.describe(r));
        route(routes, "DeleteCertificate", DeleteCertificateRequest.class, (d, r) -> d.certificates.delete(r));
        route(routes, "RefreshSchemas", RefreshSchemasRequest.class, (d, r) -> d.schemas.refresh(r));
        route(routes, "DescribeRefreshSchemasStatus", DescribeRefreshSchemasStatusRequest.class,
                (d, r) -> d.schemas.refreshStatus(r));
        route(routes, "DescribeSchemas", DescribeSchemasRequest.class, (d, r) -> d.schemas.describe(r));
        route(routes, "CreateEventSubscription", CreateEventSubscriptionRequest.class,
                (d, r) -> d.subscriptions.create(r));
        route(routes, "ModifyEventSubscription", ModifyEventSubscriptionRequest.class,
                (d, r) -> d.subscriptions.modify(r));
        route(routes, "DeleteEventSubscription", DeleteEventSubscriptionRequest.class,
                (d, r) -> d.subscriptions.delete(r));
        route(routes, "DescribeEventSubscriptions", DescribeEventSubscriptionsRequest.class,
                (d, r) -> d.subscriptions.describe(r));
        route(routes, "DescribeEvents", DescribeEventsRequest.class, (d, r) -> d.events.describe(r));
        route(routes, "CreateReplicationConfig", CreateReplicationConfigRequest.class, (d, r) -> d.configs.create(r));
        route(routes, "ModifyReplicationConfig", ModifyReplicationConfigRequest.class, (d, r) -> d.configs.modify(r));
        route(routes, "DeleteReplicationConfig", DeleteReplicationConfigRequest.class, (d, r) -> d.configs.delete(r));
        route(routes, "DescribeReplicationConfigs", DescribeReplicationConfigsRequest.class,
                (d, r) -> d.configs.describe(r));
        route(routes, "StartReplication", StartReplicationRequest.class, (d, r) -> d.configs.start(r));
        route(routes, "StopReplication", StopReplicationRequest.class, (d, r) -> d.configs.stop(r));
        route(routes, "DescribeReplications", DescribeReplicationsRequest.class,
                (d, r) -> d.configs.describeReplications(r));
        route(routes, "DescribeReplicationTableStatistics", DescribeReplicationTableStatisticsRequest.class,
                (d, r) -> d.configs.tableStatistics(r));
        route(routes, "ReloadReplicationTables", ReloadReplicationTablesRequest.class, (d, r) -> d.configs.reload(r));
        return Collections.unmodifiableMap(routes);
    }
}
