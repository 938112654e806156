package io.dmskit.local.internal;

import io.dmskit.testkit.FakeClock;
import io.dmskit.testkit.FakeCloudWatch;
import io.dmskit.testkit.FakeCloudWatchLogs;
import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.FakeSecretsManager;
import io.dmskit.testkit.Timings;
import io.dmskit.testkit.dataplane.ReplicationEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fakes behind the endpoint, one {@link FakeDms} and one {@link FakeSecretsManager} per region (created on the
 * first request that names the region), all on one clock; DMS endpoints read their secrets from the same region's
 * fake Secrets Manager, and with the local engine each region's tasks replicate.
 */
public final class LocalCloud implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalCloud.class);
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");

    private final FakeClock clock;
    private final Timings timings;
    private final Supplier<ReplicationEngine> engineFactory;
    private final Map<String, Region> regions = new ConcurrentHashMap<>();

    /**
     * The fakes of one region.
     *
     * @param dms the fake DMS
     * @param secrets its Secrets Manager
     * @param logs the CloudWatch Logs its tasks write to
     * @param cloudWatch the CloudWatch its metrics go to
     * @param engine the replication engine, or null
     * @param owned whether the server made them (and closes them)
     */
    public record Region(FakeDms dms, FakeSecretsManager secrets, FakeCloudWatchLogs logs, FakeCloudWatch cloudWatch,
                         ReplicationEngine engine, boolean owned) {
    }

    /**
     * @param clock the clock of every fake
     * @param timings DMS's transition delays
     * @param engineFactory makes a region's replication engine, or null for the scripted data plane
     */
    public LocalCloud(FakeClock clock, Timings timings, Supplier<ReplicationEngine> engineFactory) {
        this.clock = clock;
        this.timings = timings;
        this.engineFactory = engineFactory;
    }

    /**
     * Serves existing fakes for their region (the quickstart's).
     *
     * @param dms the fake DMS
     * @param secrets its Secrets Manager
     */
    public void adopt(FakeDms dms, FakeSecretsManager secrets) {
        regions.put(dms.region(), new Region(dms, secrets, FakeCloudWatchLogs.builder().clock(dms.clock())
                .region(dms.region()).build(), null, null, false));
    }

    /**
     * @param region a region name from the request's signature
     * @return that region's fakes
     * @throws LocalAwsException for a name that is not a region
     */
    public Region region(String region) {
        Region r = regions.get(region);
        if (r != null) {
            return r;
        }
        if (!REGION.matcher(region).matches()) {
            throw new LocalAwsException(new AwsError(400, "InvalidClientTokenId",
                    "The credential scope names region '" + region + "', which does not look like us-east-1"));
        }
        return regions.computeIfAbsent(region, this::create);
    }

    private Region create(String region) {
        FakeSecretsManager secrets = FakeSecretsManager.builder().clock(clock).region(region).seed(region.hashCode())
                .build();
        FakeCloudWatchLogs logs = FakeCloudWatchLogs.builder().clock(clock).region(region).build();
        FakeCloudWatch cloudWatch = FakeCloudWatch.builder().clock(clock).region(region).build();
        FakeDms.Builder b = FakeDms.builder().clock(clock).timings(timings).region(region).secretsManager(secrets)
                .cloudWatchLogs(logs).cloudWatch(cloudWatch);
        ReplicationEngine engine = engineFactory == null ? null : new LazyEngine(engineFactory);
        if (engine != null) {
            b.replicationEngine(engine);
        }
        LOG.debug("dms-local: serving region {}", region);
        return new Region(b.build(), secrets, logs, cloudWatch, engine, true);
    }

    /** @return the regions served so far */
    public List<String> regionNames() {
        return new ArrayList<>(regions.keySet());
    }

    /** Stops every replication and forgets every region. */
    @Override
    public void close() {
        for (Region r : regions.values()) {
            if (!r.owned()) {
                continue; // the caller's fakes: the caller closes them
            }
            r.dms().close();
            if (r.engine() instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.warn("dms-local: closing the replication engine failed: {}", e.getMessage());
                }
            }
        }
        regions.clear();
    }
}
