package io.dmskit.core.internal;

import io.dmskit.core.exception.DmsApiException;
import io.dmskit.core.exception.DmsKitException;
import io.dmskit.core.Pipeline;
import io.dmskit.core.ReplicationTask;
import io.dmskit.core.exception.WaitTimeoutException;
import io.dmskit.core.provision.ConnectionTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.databasemigration.model.Connection;
import software.amazon.awssdk.services.databasemigration.model.Filter;

/** Tests the connections a pipeline's tasks need: every (replication instance, endpoint) pair, in parallel. */
final class ConnectionTester {

    private static final Logger LOG = LoggerFactory.getLogger("io.dmskit.core.provision");

    private final Context ctx;

    ConnectionTester(Context ctx) {
        this.ctx = ctx;
    }

    /** One connection to test, by identifiers (for results) and ARNs (for DMS). */
    private record Pair(String endpoint, String instance, String endpointArn, String instanceArn) {
    }

    /**
     * Tests every (instance, endpoint) pair the pipeline's tasks use and waits for the results.
     *
     * @param p pipeline
     * @return one result per pair
     */
    List<ConnectionTest> test(Pipeline p) {
        Map<String, Pair> pairs = pairs(p);
        List<Callable<Void>> calls = new ArrayList<>();
        for (Pair pr : pairs.values()) {
            calls.add(() -> {
                try {
                    ctx.aws().call("TestConnection", pr.endpoint(), () -> ctx.dms().testConnection(b -> b
                        .endpointArn(pr.endpointArn()).replicationInstanceArn(pr.instanceArn())));
                } catch (DmsApiException e) {
                    if (!String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("already being tested")) {
                        throw e;
                    }
                }
                return null;
            });
        }
        try {
            ctx.pool().invokeAll(calls).forEach(Concurrency::await);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DmsKitException("interrupted", e);
        }
        return awaitResults(p, pairs);
    }

    private Map<String, Pair> pairs(Pipeline p) {
        Observed o = ctx.reader().read(p, ctx.pool());
        Map<String, Pair> pairs = new LinkedHashMap<>();
        for (ReplicationTask t : p.tasks()) {
            var inst = o.instance(t.replicationInstance()).orElseThrow(() -> missing("replication instance",
                t.replicationInstance()));
            for (String eid : List.of(t.sourceEndpoint(), t.targetEndpoint())) {
                var ep = o.endpoint(eid).orElseThrow(() -> missing("endpoint", eid));
                pairs.putIfAbsent(ep.endpointArn() + "|" + inst.replicationInstanceArn(), new Pair(eid,
                    t.replicationInstance(), ep.endpointArn(), inst.replicationInstanceArn()));
            }
        }
        return pairs;
    }

    private List<ConnectionTest> awaitResults(Pipeline p, Map<String, Pair> pairs) {
        Instant start = ctx.clock().instant();
        Map<String, ConnectionTest> results = new LinkedHashMap<>();
        List<String> endpointArns = pairs.values().stream().map(Pair::endpointArn).distinct().toList();
        while (true) {
            List<Connection> conns = ctx.aws().call("DescribeConnections", p.name(), () -> {
                List<Connection> out = new ArrayList<>();
                for (var page : ctx.dms().describeConnectionsPaginator(b -> b.filters(Filter.builder()
                    .name("endpoint-arn").values(endpointArns).build()).maxRecords(100))) {
                    out.addAll(page.connections());
                }
                return out;
            });
            boolean pending = false;
            for (Map.Entry<String, Pair> e : pairs.entrySet()) {
                Pair pr = e.getValue();
                Connection c = conns.stream().filter(x -> pr.endpointArn().equals(x.endpointArn())
                    && pr.instanceArn().equals(x.replicationInstanceArn())).findFirst().orElse(null);
                String status = c == null ? "testing" : c.status();
                ConnectionTest prev = results.get(e.getKey());
                if (prev == null || !prev.status().equals(status)) {
                    LOG.info("connection {} -> {}: {}", pr.instance(), pr.endpoint(), status);
                }
                results.put(e.getKey(), new ConnectionTest(pr.endpoint(), pr.instance(), status,
                    c == null ? null : c.lastFailureMessage()));
                if ("testing".equalsIgnoreCase(status)) {
                    pending = true;
                }
            }
            if (!pending) {
                return List.copyOf(results.values());
            }
            Duration waited = Duration.between(start, ctx.clock().instant());
            if (waited.compareTo(ctx.timeout()) > 0) {
                throw new WaitTimeoutException("connections of pipeline '" + p.name() + "'", "testConnections",
                    "successful or failed", "testing", waited);
            }
            ctx.sleep(ctx.pollInterval());
        }
    }

    private static DmsKitException missing(String kind, String id) {
        return new DmsKitException(kind + " '" + id + "' does not exist: apply the pipeline first", id,
            "testConnections", null, null, null);
    }
}
