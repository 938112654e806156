package io.dmskit.core.internal;

import io.dmskit.core.DmsKitException;
import io.dmskit.core.Pipeline;
import io.dmskit.core.endpoint.Credentials;
import java.util.ArrayList;
import java.util.Collection;
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
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/**
 * Reads the current state of a pipeline's resources: one filtered, paginated Describe per resource type (none when
 * the pipeline has no resource of that type), run in parallel, plus one GetSecretValue per managed secret.
 */
public final class StateReader {

    private static final int PAGE = 100;

    private final DatabaseMigrationClient dms;
    private final SecretsManagerClient secrets;
    private final AwsCaller aws;

    /**
     * @param dms DMS client
     * @param secrets Secrets Manager client (may be null when no managed secret is used)
     * @param aws the retrying caller
     */
    public StateReader(DatabaseMigrationClient dms, SecretsManagerClient secrets, AwsCaller aws) {
        this.dms = dms;
        this.secrets = secrets;
        this.aws = aws;
    }

    /**
     * @param pipeline the pipeline
     * @param pool where the four reads run in parallel
     * @return what DMS reports
     */
    public Observed read(Pipeline pipeline, ExecutorService pool) {
        Observed o = new Observed();
        Set<String> groupIds = new LinkedHashSet<>();
        pipeline.subnetGroups().forEach(g -> groupIds.add(g.identifier()));
        List<String> instanceIds = pipeline.instances().stream().map(i -> i.identifier()).toList();
        List<String> endpointIds = pipeline.endpoints().stream().map(e -> e.identifier()).toList();
        List<String> taskIds = pipeline.tasks().stream().map(t -> t.identifier()).toList();
        List<Future<?>> futures = new ArrayList<>();
        futures.add(pool.submit(() -> subnetGroups(groupIds).forEach(o::put)));
        futures.add(pool.submit(() -> instances(instanceIds).forEach(o::put)));
        futures.add(pool.submit(() -> endpoints(endpointIds).forEach(o::put)));
        futures.add(pool.submit(() -> tasks(taskIds, false).forEach(o::put)));
        for (SecretName e : managedSecrets(pipeline)) {
            secret(e.name).ifPresent(s -> o.secrets.put(e.name, s));
        }
        for (Future<?> f : futures) {
            Concurrency.await(f);
        }
        return o;
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
    public Optional<Observed.SecretState> secret(String name) {
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
        } catch (io.dmskit.core.DmsApiException e) {
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
     * @param ids identifiers
     * @return the subnet groups DMS reports for them
     */
    public List<ReplicationSubnetGroup> subnetGroups(Collection<String> ids) {
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
     * @param ids identifiers
     * @return the instances DMS reports for them
     */
    public List<ReplicationInstance> instances(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return aws.call("DescribeReplicationInstances", String.join(",", ids), () -> {
            List<ReplicationInstance> out = new ArrayList<>();
            try {
                for (DescribeReplicationInstancesResponse page : dms.describeReplicationInstancesPaginator(b -> b
                    .filters(filter("replication-instance-id", ids)).maxRecords(PAGE))) {
                    out.addAll(page.replicationInstances());
                }
            } catch (ResourceNotFoundException e) {
                return out;
            }
            return out;
        });
    }

    /**
     * @param ids identifiers
     * @return the endpoints DMS reports for them
     */
    public List<Endpoint> endpoints(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return aws.call("DescribeEndpoints", String.join(",", ids), () -> {
            List<Endpoint> out = new ArrayList<>();
            try {
                for (DescribeEndpointsResponse page : dms.describeEndpointsPaginator(b -> b
                    .filters(filter("endpoint-id", ids)).maxRecords(PAGE))) {
                    out.addAll(page.endpoints());
                }
            } catch (ResourceNotFoundException e) {
                return out;
            }
            return out;
        });
    }

    /**
     * @param ids identifiers
     * @param withoutSettings omit mappings and settings (cheaper polling)
     * @return the tasks DMS reports for them
     */
    public List<ReplicationTask> tasks(Collection<String> ids, boolean withoutSettings) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return aws.call("DescribeReplicationTasks", String.join(",", ids), () -> {
            List<ReplicationTask> out = new ArrayList<>();
            try {
                for (DescribeReplicationTasksResponse page : dms.describeReplicationTasksPaginator(b -> b
                    .filters(filter("replication-task-id", ids)).maxRecords(PAGE).withoutSettings(withoutSettings))) {
                    out.addAll(page.replicationTasks());
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
