package io.dmskit.observe.internal;

import io.dmskit.observe.DiscoveredResource;
import io.dmskit.observe.Discovery;
import io.dmskit.observe.DiscoveryFilter;
import io.dmskit.observe.ResourceType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.DescribeEndpointsResponse;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationConfigsResponse;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationInstancesResponse;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationTasksResponse;
import software.amazon.awssdk.services.databasemigration.model.Tag;

/**
 * Discovery: each Describe* call paginated with {@code MaxRecords} 100 and {@code Marker}, names filtered locally,
 * then tags read in batches of ARNs ({@code ListTagsForResource} with {@code ResourceArnList}, which answers each tag
 * with its {@code ResourceArn}). Calls grow with pages, never with resources.
 */
public final class Discoverer {

    /** Page size of the Describe* calls (DMS's default and, for most, maximum is 100). */
    static final int PAGE = 100;

    private final DatabaseMigrationClient dms;
    private final AwsCalls aws;

    /**
     * @param dms DMS client
     * @param aws call counter
     */
    public Discoverer(DatabaseMigrationClient dms, AwsCalls aws) {
        this.dms = dms;
        this.aws = aws;
    }

    /**
     * @param f the filter
     * @return what matched
     */
    public Discovery discover(DiscoveryFilter f) {
        List<DiscoveredResource> tasks = f.types().contains(ResourceType.TASK) ? tasks(f) : List.of();
        List<DiscoveredResource> configs = f.types().contains(ResourceType.REPLICATION_CONFIG) ? configs(f) : List.of();
        List<DiscoveredResource> endpoints = f.types().contains(ResourceType.ENDPOINT) ? endpoints(f) : List.of();
        List<DiscoveredResource> instances = f.types().contains(ResourceType.INSTANCE) ? instances(f) : List.of();
        if (!f.readsTags()) {
            return new Discovery(tasks, configs, endpoints, instances);
        }
        List<DiscoveredResource> named = new ArrayList<>();
        named.addAll(tasks);
        named.addAll(configs);
        named.addAll(endpoints);
        named.addAll(instances);
        Map<String, Map<String, String>> tags = tags(named.stream().map(DiscoveredResource::arn).toList(),
            f.tagBatchSize());
        return new Discovery(tagged(tasks, tags, f), tagged(configs, tags, f), tagged(endpoints, tags, f),
            tagged(instances, tags, f));
    }

    /**
     * @return every replication instance's identifier by ARN (one call per page), for the CloudWatch dimension
     *     {@code ReplicationInstanceIdentifier}
     */
    public Map<String, String> instanceIdentifiersByArn() {
        Map<String, String> out = new HashMap<>();
        String marker = null;
        do {
            String m = marker;
            DescribeReplicationInstancesResponse r = aws.call("DescribeReplicationInstances", "replication instances",
                () -> dms.describeReplicationInstances(b -> b.maxRecords(PAGE).marker(m)));
            r.replicationInstances().forEach(i -> out.put(i.replicationInstanceArn(),
                i.replicationInstanceIdentifier()));
            marker = r.marker();
        } while (marker != null && !marker.isEmpty());
        return out;
    }

    private List<DiscoveredResource> tasks(DiscoveryFilter f) {
        List<DiscoveredResource> out = new ArrayList<>();
        String marker = null;
        do {
            String m = marker;
            DescribeReplicationTasksResponse r = aws.call("DescribeReplicationTasks", "replication tasks",
                () -> dms.describeReplicationTasks(b -> b.maxRecords(PAGE).marker(m).withoutSettings(true)));
            r.replicationTasks().stream().filter(t -> f.matchesName(t.replicationTaskIdentifier()))
                .forEach(t -> out.add(new DiscoveredResource(ResourceType.TASK, t.replicationTaskIdentifier(),
                    t.replicationTaskArn(), t.status(), Map.of())));
            marker = r.marker();
        } while (marker != null && !marker.isEmpty());
        return out;
    }

    private List<DiscoveredResource> configs(DiscoveryFilter f) {
        List<DiscoveredResource> out = new ArrayList<>();
        String marker = null;
        do {
            String m = marker;
            DescribeReplicationConfigsResponse r = aws.call("DescribeReplicationConfigs", "replication configs",
                () -> dms.describeReplicationConfigs(b -> b.maxRecords(PAGE).marker(m)));
            r.replicationConfigs().stream().filter(c -> f.matchesName(c.replicationConfigIdentifier()))
                .forEach(c -> out.add(new DiscoveredResource(ResourceType.REPLICATION_CONFIG,
                    c.replicationConfigIdentifier(), c.replicationConfigArn(), "", Map.of())));
            marker = r.marker();
        } while (marker != null && !marker.isEmpty());
        return out;
    }

    private List<DiscoveredResource> endpoints(DiscoveryFilter f) {
        List<DiscoveredResource> out = new ArrayList<>();
        String marker = null;
        do {
            String m = marker;
            DescribeEndpointsResponse r = aws.call("DescribeEndpoints", "endpoints",
                () -> dms.describeEndpoints(b -> b.maxRecords(PAGE).marker(m)));
            r.endpoints().stream().filter(e -> f.matchesName(e.endpointIdentifier()))
                .forEach(e -> out.add(new DiscoveredResource(ResourceType.ENDPOINT, e.endpointIdentifier(),
                    e.endpointArn(), e.status(), Map.of())));
            marker = r.marker();
        } while (marker != null && !marker.isEmpty());
        return out;
    }

    private List<DiscoveredResource> instances(DiscoveryFilter f) {
        List<DiscoveredResource> out = new ArrayList<>();
        String marker = null;
        do {
            String m = marker;
            DescribeReplicationInstancesResponse r = aws.call("DescribeReplicationInstances", "replication instances",
                () -> dms.describeReplicationInstances(b -> b.maxRecords(PAGE).marker(m)));
            r.replicationInstances().stream().filter(i -> f.matchesName(i.replicationInstanceIdentifier()))
                .forEach(i -> out.add(new DiscoveredResource(ResourceType.INSTANCE, i.replicationInstanceIdentifier(),
                    i.replicationInstanceArn(), i.replicationInstanceStatus(), Map.of())));
            marker = r.marker();
        } while (marker != null && !marker.isEmpty());
        return out;
    }

    private Map<String, Map<String, String>> tags(List<String> arns, int batch) {
        Map<String, Map<String, String>> out = new HashMap<>();
        for (int i = 0; i < arns.size(); i += batch) {
            List<String> slice = arns.subList(i, Math.min(arns.size(), i + batch));
            List<Tag> tags = aws.call("ListTagsForResource", slice.size() + " resources",
                () -> dms.listTagsForResource(b -> b.resourceArnList(slice))).tagList();
            for (Tag t : tags) {
                if (t.resourceArn() != null) {
                    out.computeIfAbsent(t.resourceArn(), k -> new HashMap<>()).put(t.key(), t.value() == null ? ""
                        : t.value());
                }
            }
        }
        return out;
    }

    private static List<DiscoveredResource> tagged(List<DiscoveredResource> found,
                                                   Map<String, Map<String, String>> tags, DiscoveryFilter f) {
        List<DiscoveredResource> out = new ArrayList<>();
        for (DiscoveredResource r : found) {
            Map<String, String> t = tags.getOrDefault(r.arn(), Map.of());
            if (f.matchesTags(t)) {
                out.add(new DiscoveredResource(r.type(), r.identifier(), r.arn(), r.status(), t));
            }
        }
        return out;
    }
}
