package io.dmskit.core.internal;

import io.dmskit.core.exception.DmsKitException;
import io.dmskit.core.Pipeline;
import io.dmskit.core.endpoint.Credentials;
import io.dmskit.core.internal.json.JsonSemantics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.DescribeEndpointsResponse;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationInstancesResponse;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationSubnetGroupsResponse;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationTasksResponse;
import software.amazon.awssdk.services.databasemigration.model.Endpoint;
import software.amazon.awssdk.services.databasemigration.model.Filter;
import software.amazon.awssdk.services.databasemigration.model.ReplicationInstance;
import software.amazon.awssdk.services.databasemigration.model.ReplicationSubnetGroup;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;
import software.amazon.awssdk.services.databasemigration.model.ResourceNotFoundException;
import software.amazon.awssdk.services.databasemigration.model.Tag;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/**
 * Reads the current state of a pipeline's resources: one filtered, paginated Describe per resource type (none when
 * the pipeline has no resource of that type), run in parallel, plus one GetSecretValue per managed secret.
 */
final class StateReader {

    private static final int PAGE = 100;

    private final DatabaseMigrationClient dms;
    private final SecretsManagerClient secrets;
    private final AwsCaller aws;

    /**
     * @param dms DMS client
     * @param secrets Secrets Manager client (may be null when no managed secret is used)
     * @param aws the retrying caller
     */
    StateReader(DatabaseMigrationClient dms, SecretsManagerClient secrets, AwsCaller aws) {
        this.dms = dms;
        this.secrets = secrets;
        this.aws = aws;
    }

    /**
     * @param pipeline the pipeline
     * @param pool where the four reads run in parallel
     * @return what DMS reports
     */
    Observed read(Pipeline pipeline, ExecutorService pool) {
        Observed o = new Observed();
        Set<String> groupIds = new LinkedHashSet<>();
        pipeline.subnetGroups().forEach(g -> groupIds.add(g.identifier()));
        Set<String> externalGroups = new LinkedHashSet<>();
        for (io.dmskit.core.ReplicationConfig c : pipeline.replicationConfigs()) {
            c.compute().subnetGroup().filter(g -> pipeline.subnetGroup(g).isEmpty() && !"default".equalsIgnoreCase(g))
                .ifPresent(externalGroups::add);
        }
        groupIds.addAll(externalGroups);
        boolean serverless = !pipeline.replicationConfigs().isEmpty();
        Set<String> configIds = lower(pipeline.replicationConfigs().stream().map(c -> c.identifier()).toList());
        List<software.amazon.awssdk.services.databasemigration.model.ReplicationConfig> configs = new ArrayList<>();
        Set<String> instanceIds = lower(pipeline.instances().stream().map(i -> i.identifier()).toList());
        Set<String> endpointIds = lower(pipeline.endpoints().stream().map(e -> e.identifier()).toList());
        Set<String> taskIds = lower(pipeline.tasks().stream().map(t -> t.identifier()).toList());
        // instances, endpoints and tasks are described without a filter (still one Describe per type) so that
        // resources this pipeline created and no longer defines are found by their dmskit:pipeline tag
        List<ReplicationInstance> instances = new ArrayList<>();
        List<Endpoint> endpoints = new ArrayList<>();
        List<ReplicationTask> tasks = new ArrayList<>();
        List<Future<?>> futures = new ArrayList<>();
        futures.add(pool.submit(() -> subnetGroups(groupIds).forEach(o::put)));
        futures.add(pool.submit(() -> instances.addAll(instances(null))));
        futures.add(pool.submit(() -> endpoints.addAll(endpoints(null))));
        futures.add(pool.submit(() -> tasks.addAll(tasks(null, false))));
        if (serverless) {
            // configs and their replications are read only for a pipeline that has configs: a pipeline of tasks
            // costs no serverless call (and works where the serverless API does not, e.g. moto)
            futures.add(pool.submit(() -> configs.addAll(configs(null))));
            futures.add(pool.submit(() -> replications(null).forEach(r -> o.replications.put(
                r.replicationConfigArn(), r))));
        }
        for (SecretName e : managedSecrets(pipeline)) {
            secret(e.name).ifPresent(s -> o.secrets.put(e.name, s));
        }
        for (Future<?> f : futures) {
            Concurrency.await(f);
        }
        List<ReplicationInstance> otherInstances = new ArrayList<>();
        List<Endpoint> otherEndpoints = new ArrayList<>();
        List<ReplicationTask> otherTasks = new ArrayList<>();
        List<software.amazon.awssdk.services.databasemigration.model.ReplicationConfig> otherConfigs = new ArrayList<>();
        for (var c : configs) {
            if (configIds.contains(Observed.key(c.replicationConfigIdentifier()))) {
                o.configs.put(Observed.key(c.replicationConfigIdentifier()), c);
            } else {
                otherConfigs.add(c);
            }
        }
        for (String g : externalGroups) {
            o.subnetGroup(g).ifPresent(x -> o.externalSubnetGroups.put(Observed.key(g), x));
        }
        for (ReplicationInstance i : instances) {
            if (instanceIds.contains(Observed.key(i.replicationInstanceIdentifier()))) {
                o.put(i);
            } else {
                otherInstances.add(i);
            }
        }
        for (Endpoint e : endpoints) {
            if (endpointIds.contains(Observed.key(e.endpointIdentifier()))) {
                o.put(e);
            } else {
                otherEndpoints.add(e);
            }
        }
        for (ReplicationTask t : tasks) {
            if (taskIds.contains(Observed.key(t.replicationTaskIdentifier()))) {
                o.put(t);
            } else {
                otherTasks.add(t);
            }
        }
        // removed resources in dependency order of deletion: tasks, endpoints, instances
        List<Observed.Removed> others = new ArrayList<>();
        otherTasks.forEach(t -> others.add(new Observed.Removed(Deletable.REPLICATION_TASK,
            t.replicationTaskIdentifier(), t.replicationTaskArn(), t.status())));
        otherConfigs.forEach(c -> others.add(new Observed.Removed(Deletable.REPLICATION_CONFIG,
            c.replicationConfigIdentifier(), c.replicationConfigArn(), o.replication(c.replicationConfigArn())
                .map(r -> r.status()).orElse("created"))));
        otherEndpoints.forEach(e -> others.add(new Observed.Removed(Deletable.ENDPOINT, e.endpointIdentifier(),
            e.endpointArn(), Observed.stateOf(e))));
        otherInstances.forEach(i -> others.add(new Observed.Removed(Deletable.REPLICATION_INSTANCE,
            i.replicationInstanceIdentifier(), i.replicationInstanceArn(), i.replicationInstanceStatus())));
        List<String> arns = new ArrayList<>();
        o.instances.values().forEach(i -> arns.add(i.replicationInstanceArn()));
        o.endpoints.values().forEach(e -> arns.add(e.endpointArn()));
        o.tasks.values().forEach(t -> arns.add(t.replicationTaskArn()));
        o.configs.values().forEach(c -> arns.add(c.replicationConfigArn()));
        Set<String> otherArns = new LinkedHashSet<>();
        otherInstances.forEach(i -> otherArns.add(i.replicationInstanceArn()));
        otherEndpoints.forEach(e -> otherArns.add(e.endpointArn()));
        otherTasks.forEach(t -> otherArns.add(t.replicationTaskArn()));
        otherConfigs.forEach(c -> otherArns.add(c.replicationConfigArn()));
        arns.addAll(otherArns);
        o.tagsByArn.putAll(tags(arns));
        for (Observed.Removed r : others) {
            Map<String, String> tags = o.tagsByArn.get(r.arn());
            if (tags != null && pipeline.name().equals(tags.get(Specs.PIPELINE_TAG))) {
                o.removed.add(r);
            }
        }
        return o;
    }

    private static Set<String> lower(Collection<String> ids) {
        Set<String> out = new LinkedHashSet<>();
        ids.forEach(i -> out.add(Observed.key(i)));
        return out;
    }

    /** ARNs per ListTagsForResource call (ResourceArnList). */
    private static final int TAG_BATCH = 100;

    /**
     * Lists the tags of many resources with ListTagsForResource's ResourceArnList: one call per 100 ARNs. A resource
     * deleted meanwhile makes DMS refuse the batch: the batch is then listed one ARN at a time, skipping the gone.
     *
     * @param arns resource ARNs
     * @return tags by ARN (every listed ARN present, possibly with no tags)
     */
    Map<String, Map<String, String>> tags(List<String> arns) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (int from = 0; from < arns.size(); from += TAG_BATCH) {
            List<String> batch = arns.subList(from, Math.min(arns.size(), from + TAG_BATCH));
            try {
                out.putAll(listTags(batch));
            } catch (io.dmskit.core.exception.DmsApiException e) {
                if (!e.awsErrorCode().orElse("").startsWith("ResourceNotFound")) {
                    throw e;
                }
                for (String arn : batch) {
                    try {
                        out.putAll(listTags(List.of(arn)));
                    } catch (io.dmskit.core.exception.DmsApiException gone) {
                        if (!gone.awsErrorCode().orElse("").startsWith("ResourceNotFound")) {
                            throw gone;
                        }
                    }
                }
            }
        }
        return out;
    }

    private Map<String, Map<String, String>> listTags(List<String> arns) {
        var r = aws.call("ListTagsForResource", arns.size() == 1 ? arns.get(0) : arns.size() + " resources",
            () -> dms.listTagsForResource(b -> b.resourceArnList(arns)));
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        arns.forEach(a -> out.put(a, new LinkedHashMap<>()));
        for (Tag t : r.tagList()) {
            String arn = t.resourceArn() != null ? t.resourceArn() : arns.size() == 1 ? arns.get(0) : null;
            if (arn != null && out.containsKey(arn)) {
                out.get(arn).put(t.key(), t.value() == null ? "" : t.value());
            }
        }
        return out;
    }

    private record SecretName(String name) {
    }

    private static List<SecretName> managedSecrets(Pipeline p) {
        Set<String> names = new LinkedHashSet<>();
        for (io.dmskit.core.Endpoint e : p.endpoints()) {
            if (e.credentials().orElse(null) instanceof Credentials.ManagedSecret m) {
                names.add(m.secretName());
            }
        }
        return names.stream().map(SecretName::new).toList();
    }

    /**
     * @param name secret name or ARN
     * @return the secret's state, empty when it does not exist
     */
    Optional<Observed.SecretState> secret(String name) {
        if (secrets == null) {
            throw new DmsKitException("a managed secret needs a Secrets Manager client: DmsProvisioner.builder()"
                + ".secrets(client)", name, "GetSecretValue", null, null, null);
        }
        try {
            GetSecretValueResponse r = aws.call("GetSecretValue", name, () -> secrets.getSecretValue(b -> b.secretId(name)));
            Map<String, Object> value;
            try {
                value = r.secretString() == null ? Map.of() : JsonSemantics.parseObject(r.secretString());
            } catch (IllegalArgumentException e) {
                value = Map.of();
            }
            return Optional.of(new Observed.SecretState(name, r.arn(), value, false));
        } catch (io.dmskit.core.exception.DmsApiException e) {
            String code = e.awsErrorCode().orElse("");
            if (code.equals("ResourceNotFoundException")) {
                return Optional.empty();
            }
            if (code.equals("InvalidRequestException") && String.valueOf(e.getMessage()).toLowerCase().contains("delet")) {
                String arn = aws.call("DescribeSecret", name, () -> secrets.describeSecret(b -> b.secretId(name))).arn();
                return Optional.of(new Observed.SecretState(name, arn, Map.of(), true));
            }
            throw e;
        }
    }

    /**
     * @param ids identifiers, or null for every resource of the type
     * @return the subnet groups DMS reports for them
     */
    List<ReplicationSubnetGroup> subnetGroups(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return aws.call("DescribeReplicationSubnetGroups", String.join(",", ids), () -> {
            List<ReplicationSubnetGroup> out = new ArrayList<>();
            try {
                for (DescribeReplicationSubnetGroupsResponse page : dms.describeReplicationSubnetGroupsPaginator(b -> b
                    .filters(filter("replication-subnet-group-id", ids)).maxRecords(PAGE))) {
                    out.addAll(page.replicationSubnetGroups());
                }
            } catch (ResourceNotFoundException e) {
                return out;
            }
            return out;
        });
    }

    /**
     * @param ids identifiers, or null for every resource of the type
     * @return the instances DMS reports for them
     */
    List<ReplicationInstance> instances(Collection<String> ids) {
        if (ids != null && ids.isEmpty()) {
            return List.of();
        }
        return aws.call("DescribeReplicationInstances", ids == null ? "*" : String.join(",", ids), () -> {
            List<ReplicationInstance> out = new ArrayList<>();
            try {
                for (DescribeReplicationInstancesResponse page : dms.describeReplicationInstancesPaginator(b -> {
                    b.maxRecords(PAGE);
                    if (ids != null) {
                        b.filters(filter("replication-instance-id", ids));
                    }
                })) {
                    out.addAll(page.replicationInstances());
                }
            } catch (ResourceNotFoundException e) {
                return out;
            }
            return out;
        });
    }

    /**
     * @param ids identifiers, or null for every resource of the type
     * @return the endpoints DMS reports for them
     */
    List<Endpoint> endpoints(Collection<String> ids) {
        if (ids != null && ids.isEmpty()) {
            return List.of();
        }
        return aws.call("DescribeEndpoints", ids == null ? "*" : String.join(",", ids), () -> {
            List<Endpoint> out = new ArrayList<>();
            try {
                for (DescribeEndpointsResponse page : dms.describeEndpointsPaginator(b -> {
                    b.maxRecords(PAGE);
                    if (ids != null) {
                        b.filters(filter("endpoint-id", ids));
                    }
                })) {
                    out.addAll(page.endpoints());
                }
            } catch (ResourceNotFoundException e) {
                return out;
            }
            return out;
        });
    }

    /**
     * @param ids identifiers, or null for every resource of the type
     * @param withoutSettings omit mappings and settings (cheaper polling)
     * @return the tasks DMS reports for them
     */
    List<ReplicationTask> tasks(Collection<String> ids, boolean withoutSettings) {
        if (ids != null && ids.isEmpty()) {
            return List.of();
        }
        return aws.call("DescribeReplicationTasks", ids == null ? "*" : String.join(",", ids), () -> {
            List<ReplicationTask> out = new ArrayList<>();
            try {
                for (DescribeReplicationTasksResponse page : dms.describeReplicationTasksPaginator(b -> {
                    b.maxRecords(PAGE).withoutSettings(withoutSettings);
                    if (ids != null) {
                        b.filters(filter("replication-task-id", ids));
                    }
                })) {
                    out.addAll(page.replicationTasks());
                }
            } catch (ResourceNotFoundException e) {
                return out;
            }
            return out;
        });
    }

    /**
     * @param ids identifiers, or null for every replication config
     * @return the replication configs DMS reports for them
     */
    List<software.amazon.awssdk.services.databasemigration.model.ReplicationConfig> configs(Collection<String> ids) {
        if (ids != null && ids.isEmpty()) {
            return List.of();
        }
        return aws.call("DescribeReplicationConfigs", ids == null ? "*" : String.join(",", ids), () -> {
            List<software.amazon.awssdk.services.databasemigration.model.ReplicationConfig> out = new ArrayList<>();
            try {
                for (var page : dms.describeReplicationConfigsPaginator(b -> {
                    b.maxRecords(PAGE);
                    if (ids != null) {
                        b.filters(filter("replication-config-id", ids));
                    }
                })) {
                    out.addAll(page.replicationConfigs());
                }
            } catch (ResourceNotFoundException e) {
                return out;
            }
            return out;
        });
    }

    /**
     * @param ids replication config identifiers, or null for every replication
     * @return the replications DMS reports for them (a config that never started has none)
     */
    List<software.amazon.awssdk.services.databasemigration.model.Replication> replications(Collection<String> ids) {
        if (ids != null && ids.isEmpty()) {
            return List.of();
        }
        return aws.call("DescribeReplications", ids == null ? "*" : String.join(",", ids), () -> {
            List<software.amazon.awssdk.services.databasemigration.model.Replication> out = new ArrayList<>();
            try {
                for (var page : dms.describeReplicationsPaginator(b -> {
                    b.maxRecords(PAGE);
                    if (ids != null) {
                        b.filters(filter("replication-config-id", ids));
                    }
                })) {
                    out.addAll(page.replications());
                }
            } catch (ResourceNotFoundException e) {
                return out;
            }
            return out;
        });
    }

    private static Filter filter(String name, Collection<String> values) {
        // DMS stores some identifiers in lower case: ask for both spellings
        Set<String> all = new LinkedHashSet<>(values);
        values.forEach(v -> all.add(v.toLowerCase(java.util.Locale.ROOT)));
        return Filter.builder().name(name).values(new ArrayList<>(all)).build();
    }
}
