package io.dmskit.testkit.internal.fake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.databasemigration.model.DescribeRefreshSchemasStatusRequest;
import software.amazon.awssdk.services.databasemigration.model.DescribeRefreshSchemasStatusResponse;
import software.amazon.awssdk.services.databasemigration.model.DescribeSchemasRequest;
import software.amazon.awssdk.services.databasemigration.model.DescribeSchemasResponse;
import software.amazon.awssdk.services.databasemigration.model.RefreshSchemasRequest;
import software.amazon.awssdk.services.databasemigration.model.RefreshSchemasResponse;
import software.amazon.awssdk.services.databasemigration.model.RefreshSchemasStatus;

/**
 * RefreshSchemas ({@code refreshing → successful | failed}), DescribeRefreshSchemasStatus, DescribeSchemas. The
 * schemas come from the replication engine when it can list them, otherwise from what the test declared with
 * {@code FakeDms.endpointSchemas}.
 */
final class SchemaOps {

    private final World w;
    private final InstanceOps instances;
    private final EndpointOps endpoints;
    /** Per endpoint ARN: the last refresh and the schemas it found. */
    private final Map<String, RefreshSchemasStatus> status = new LinkedHashMap<>();
    private final Map<String, List<String>> found = new LinkedHashMap<>();
    private final Map<String, List<String>> declared = new LinkedHashMap<>();
    private final Map<String, Long> refreshRun = new LinkedHashMap<>();

    /** @param world state @param instances instances @param endpoints endpoints */
    public SchemaOps(World world, InstanceOps instances, EndpointOps endpoints) {
        this.w = world;
        this.instances = instances;
        this.endpoints = endpoints;
    }

    /** Declares what a refresh of this endpoint finds when no engine lists schemas (test API). */
    public void declare(String endpointArnOrId, List<String> schemas) {
        EndpointRecord e = w.endpoints.get(endpointArnOrId);
        if (e == null) {
            for (EndpointRecord c : w.endpoints.values()) {
                if (c.id().equals(endpointArnOrId)) {
                    e = c;
                }
            }
        }
        if (e == null) {
            throw new IllegalArgumentException("No endpoint with ARN or identifier '" + endpointArnOrId + "'");
        }
        declared.put(e.arn, List.copyOf(schemas));
    }

    /** RefreshSchemas. */
    public RefreshSchemasResponse refresh(RefreshSchemasRequest r) {
        EndpointRecord e = endpoints.find(r.endpointArn());
        InstanceRecord i = instances.find(r.replicationInstanceArn());
        if (!"available".equals(i.status())) {
            throw Errors.invalidState("Replication instance " + i.arn + " is not in available state (current state: "
                    + i.status() + ").");
        }
        RefreshSchemasStatus current = status.get(e.arn);
        if (current != null && "refreshing".equals(current.statusAsString())) {
            throw Errors.invalidState("Schemas of endpoint " + e.arn + " are already being refreshed.");
        }
        long run = refreshRun.merge(e.arn, 1L, Long::sum);
        RefreshSchemasStatus refreshing = RefreshSchemasStatus.builder().endpointArn(e.arn)
                .replicationInstanceArn(i.arn).status("refreshing")
                .lastRefreshDate(current == null ? null : current.lastRefreshDate()).build();
        status.put(e.arn, refreshing);
        Credentials.Source source = Credentials.sourceOf(e);
        var model = e.model;
        String arn = e.arn;
        List<String> fallback = declared.getOrDefault(arn, List.of());
        w.afterUnlock(() -> {
            List<String> schemas;
            String failure = null;
            try {
                Optional<List<String>> listed = w.engine == null ? Optional.empty()
                        : w.engine.listSchemas(model, Credentials.resolve(source, w.secrets));
                schemas = listed == null || listed.isEmpty() ? fallback : List.copyOf(listed.get());
            } catch (RuntimeException ex) {
                schemas = List.of();
                failure = ex.getMessage();
            }
            List<String> result = schemas;
            String message = failure;
            w.run(() -> {
                if (refreshRun.get(arn) == run) {
                    w.schedule(w.timings.connectionTest(), null, () -> {
                        if (refreshRun.get(arn) != run) {
                            return;
                        }
                        status.put(arn, refreshing.toBuilder().status(message == null ? "successful" : "failed")
                                .lastFailureMessage(message).lastRefreshDate(w.now()).build());
                        if (message == null) {
                            found.put(arn, result);
                        }
                    });
                }
            });
        });
        return RefreshSchemasResponse.builder().refreshSchemasStatus(refreshing).build();
    }

    /** DescribeRefreshSchemasStatus. */
    public DescribeRefreshSchemasStatusResponse refreshStatus(DescribeRefreshSchemasStatusRequest r) {
        EndpointRecord e = endpoints.find(r.endpointArn());
        RefreshSchemasStatus s = status.get(e.arn);
        if (s == null) {
            throw Errors.notFound("No refresh schemas status found for endpoint " + e.arn + ".");
        }
        return DescribeRefreshSchemasStatusResponse.builder().refreshSchemasStatus(s).build();
    }

    /** DescribeSchemas: the schemas of the last successful refresh. */
    public DescribeSchemasResponse describe(DescribeSchemasRequest r) {
        EndpointRecord e = endpoints.find(r.endpointArn());
        List<String> schemas = found.get(e.arn);
        if (schemas == null) {
            throw Errors.invalidState("The schemas of endpoint " + e.arn + " have not been refreshed: call "
                    + "RefreshSchemas first.");
        }
        Page<String> page = Page.of(new ArrayList<>(schemas), r.maxRecords(), r.marker(), 100);
        return DescribeSchemasResponse.builder().schemas(page.items).marker(page.nextMarker).build();
    }
}
