package io.dmskit.core.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.databasemigration.model.Endpoint;
import software.amazon.awssdk.services.databasemigration.model.ReplicationInstance;
import software.amazon.awssdk.services.databasemigration.model.ReplicationSubnetGroup;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;

/** What DMS and Secrets Manager report for a pipeline's identifiers (keys in lower case: DMS lower-cases ids). */
public final class Observed {

    /** A managed secret as Secrets Manager reports it. */
    public record SecretState(String name, String arn, Map<String, Object> value, boolean scheduledForDeletion) {
    }

    final Map<String, ReplicationSubnetGroup> subnetGroups = new HashMap<>();
    final Map<String, ReplicationInstance> instances = new HashMap<>();
    final Map<String, Endpoint> endpoints = new HashMap<>();
    final Map<String, ReplicationTask> tasks = new HashMap<>();
    final Map<String, SecretState> secrets = new HashMap<>();
    /** Tags by resource ARN, for the resources whose tags were listed (absent: not known). */
    final Map<String, Map<String, String>> tagsByArn = new HashMap<>();
    /** Resources tagged with this pipeline's name that the pipeline no longer defines (tasks, endpoints, instances). */
    final java.util.List<Object> removed = new java.util.ArrayList<>();

    /**
     * @param arn a resource ARN
     * @return its tags, empty when they were not read
     */
    public Optional<Map<String, String>> tags(String arn) {
        return arn == null ? Optional.empty() : Optional.ofNullable(tagsByArn.get(arn));
    }

    /** @return resources carrying this pipeline's {@code dmskit:pipeline} tag that it no longer defines (SDK objects) */
    public java.util.List<Object> removed() {
        return java.util.List.copyOf(removed);
    }

    static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    /**
     * @param id identifier
     * @return the subnet group
     */
    public Optional<ReplicationSubnetGroup> subnetGroup(String id) {
        return Optional.ofNullable(subnetGroups.get(key(id)));
    }

    /**
     * @param id identifier
     * @return the instance
     */
    public Optional<ReplicationInstance> instance(String id) {
        return Optional.ofNullable(instances.get(key(id)));
    }

    /**
     * @param id identifier
     * @return the endpoint
     */
    public Optional<Endpoint> endpoint(String id) {
        return Optional.ofNullable(endpoints.get(key(id)));
    }

    /**
     * @param id identifier
     * @return the task
     */
    public Optional<ReplicationTask> task(String id) {
        return Optional.ofNullable(tasks.get(key(id)));
    }

    /**
     * @param name secret name
     * @return the secret
     */
    public Optional<SecretState> secret(String name) {
        return Optional.ofNullable(secrets.get(name));
    }

    void put(ReplicationSubnetGroup g) {
        subnetGroups.put(key(g.replicationSubnetGroupIdentifier()), g);
    }

    void put(ReplicationInstance i) {
        instances.put(key(i.replicationInstanceIdentifier()), i);
    }

    void put(Endpoint e) {
        endpoints.put(key(e.endpointIdentifier()), e);
    }

    void put(ReplicationTask t) {
        tasks.put(key(t.replicationTaskIdentifier()), t);
    }
}
