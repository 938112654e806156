package io.dmskit.testkit.internal.fake;

import io.dmskit.model.DmsEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.databasemigration.model.Connection;
import software.amazon.awssdk.services.databasemigration.model.DeleteConnectionRequest;
import software.amazon.awssdk.services.databasemigration.model.DeleteConnectionResponse;
import software.amazon.awssdk.services.databasemigration.model.DescribeConnectionsRequest;
import software.amazon.awssdk.services.databasemigration.model.DescribeConnectionsResponse;
import software.amazon.awssdk.services.databasemigration.model.TestConnectionRequest;
import software.amazon.awssdk.services.databasemigration.model.TestConnectionResponse;

/**
 * TestConnection ({@code testing → successful | failed}), DescribeConnections, DeleteConnection. The outcome comes
 * from the replication engine when one is configured; otherwise the endpoint's secret (if any) must be readable and
 * complete.
 */
final class ConnectionOps {

    private static final Page.Filters<ConnectionRecord> FILTERS = new Page.Filters<ConnectionRecord>()
            .one("endpoint-arn", c -> c.model.endpointArn())
            .one("replication-instance-arn", c -> c.model.replicationInstanceArn());

    private final World w;
    private final InstanceOps instances;
    private final EndpointOps endpoints;

    /** @param world state @param instances instances @param endpoints endpoints */
    public ConnectionOps(World world, InstanceOps instances, EndpointOps endpoints) {
        this.w = world;
        this.instances = instances;
        this.endpoints = endpoints;
    }

    /** TestConnection. */
    public TestConnectionResponse test(TestConnectionRequest r) {
        InstanceRecord i = instances.find(r.replicationInstanceArn());
        EndpointRecord e = endpoints.find(r.endpointArn());
        if (!"available".equals(i.status())) {
            throw Errors.invalidState("Replication instance " + i.arn + " is not in available state (current state: "
                    + i.status() + ").");
        }
        if (!"active".equals(e.model.status())) {
            throw Errors.invalidState("Endpoint " + e.arn + " is not active (current state: " + e.model.status()
                    + ").");
        }
        String key = ConnectionRecord.key(i.arn, e.arn);
        ConnectionRecord c = w.connections.get(key);
        if (c != null && "testing".equals(c.model.status())) {
            throw Errors.invalidState("Connection is already being tested for endpoint " + e.arn
                    + " and replication instance " + i.arn + ".");
        }
        if (c == null) {
            c = new ConnectionRecord(key, null);
            w.connections.put(key, c);
        }
        c.model = Connection.builder().replicationInstanceArn(i.arn).endpointArn(e.arn).status("testing")
                .endpointIdentifier(e.id()).replicationInstanceIdentifier(i.id()).build();
        c.outcome = null;
        c.due = false;
        c.bump();
        ConnectionRecord conn = c;
        long generation = c.generation;
        Credentials.Source source = Credentials.sourceOf(e);
        var endpointModel = e.model;
        var engine = w.engine;
        var secrets = w.secrets;
        w.afterUnlock(() -> {
            Optional<String> outcome;
            try {
                Credentials creds = Credentials.resolve(source, secrets);
                if (creds.secretId().isPresent() && secrets != null && DmsEngine.find(endpointModel.engineName())
                        .map(x -> x.kind() == DmsEngine.Kind.RELATIONAL).orElse(false) && creds.missing() != null) {
                    outcome = Optional.of("Secret " + creds.secretId().get() + " does not contain the "
                            + creds.missing() + " of the database.");
                } else if (engine != null) {
                    outcome = engine.testConnection(endpointModel, creds);
                    if (outcome == null) {
                        outcome = Optional.empty();
                    }
                } else {
                    outcome = Optional.empty();
                }
            } catch (IllegalStateException ex) {
                outcome = Optional.of(ex.getMessage());
            } catch (RuntimeException ex) {
                outcome = Optional.of("Test connection failed: " + ex);
            }
            Optional<String> result = outcome;
            w.run(() -> {
                if (conn.generation == generation && !conn.gone) {
                    conn.outcome = result;
                    if (conn.due) {
                        settle(conn);
                    }
                }
            });
        });
        w.schedule(w.timings.connectionTest(), c, () -> {
            conn.due = true;
            if (conn.outcome != null) {
                settle(conn);
            }
        });
        World.log().debug("Testing connection of endpoint {} from replication instance {}", e.id(), i.id());
        return TestConnectionResponse.builder().connection(c.model).build();
    }

    private void settle(ConnectionRecord c) {
        Connection.Builder b = c.model.toBuilder();
        if (c.outcome.isEmpty()) {
            b.status("successful").lastFailureMessage(null);
        } else {
            b.status("failed").lastFailureMessage(c.outcome.get());
        }
        c.model = b.build();
        c.bump();
        World.log().debug("Connection test of endpoint {}: {}", c.model.endpointIdentifier(), c.model.status());
    }

    /** DescribeConnections. */
    public DescribeConnectionsResponse describe(DescribeConnectionsRequest r) {
        FILTERS.check(r.filters());
        List<ConnectionRecord> matched = new ArrayList<>();
        for (ConnectionRecord c : w.connections.values()) {
            if (FILTERS.matches(r.filters(), c)) {
                matched.add(c);
            }
        }
        Page<ConnectionRecord> page = Page.of(matched, r.maxRecords(), r.marker(), 100);
        return DescribeConnectionsResponse.builder().connections(page.items.stream().map(c -> c.model).toList())
                .marker(page.nextMarker).build();
    }

    /** DeleteConnection. */
    public DeleteConnectionResponse delete(DeleteConnectionRequest r) {
        Validate.required("EndpointArn", r.endpointArn());
        Validate.required("ReplicationInstanceArn", r.replicationInstanceArn());
        String key = ConnectionRecord.key(r.replicationInstanceArn(), r.endpointArn());
        ConnectionRecord c = w.connections.get(key);
        if (c == null) {
            throw Errors.notFound("Connection between endpoint " + r.endpointArn() + " and replication instance "
                    + r.replicationInstanceArn() + " not found");
        }
        if ("testing".equals(c.model.status())) {
            throw Errors.invalidState("Connection is being tested and cannot be deleted now.");
        }
        w.connections.remove(key);
        c.gone = true;
        return DeleteConnectionResponse.builder().connection(c.model.toBuilder().status("deleting").build()).build();
    }
}
