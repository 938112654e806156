package io.dmskit.core.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.databasemigration.model.Endpoint;
import software.amazon.awssdk.services.databasemigration.model.ReplicationInstance;
import software.amazon.awssdk.services.databasemigration.model.ReplicationSubnetGroup;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;

/** What DMS and Secrets Manager report for a pipeline's identifiers (keys in lower case: DMS lower-cases ids). */
final class Observed {

    /**
     * A managed secret as Secrets Manager reports it.
     *
     * @param name its name
     * @param arn its ARN
     * @param value its JSON value (empty when unreadable or scheduled for deletion)
     * @param scheduledForDeletion whether it is scheduled for deletion (it can be restored)
     */
    record SecretState(String name, String arn, Map<String, Object> value, boolean scheduledForDeletion) {
    }

    /**
     * A resource that carries a pipeline's tag although the pipeline no longer defines it.
     *
     * @param type what it is, and how it is deleted
     * @param id its identifier
     * @param arn its ARN
     * @param state its state
     */
    record Removed(Deletable type, String id, String arn, String state) {
    }

    /**
     * @param e an endpoint
     * @return its status ({@code active} when DMS reports none)
     */
    static String stateOf(Endpoint e) {
        return e.status() == null ? "active" : e.status();
    }

    /**
     * @param g a subnet group
     * @return its status ({@code Complete} when DMS reports none)
     */
    static String stateOf(ReplicationSubnetGroup g) {
        return g.subnetGroupStatus() == null ? "Complete" : g.subnetGroupStatus();
    }

    final Map<String, ReplicationSubnetGroup> subnetGroups = new HashMap<>();
    final Map<String, ReplicationInstance> instances = new HashMap<>();
    final Map<String, Endpoint> endpoints = new HashMap<>();
    final Map<String, ReplicationTask> tasks = new HashMap<>();
    /** Replication configs by identifier (lower case). */
    final Map<String, software.amazon.awssdk.services.databasemigration.model.ReplicationConfig> configs =
        new HashMap<>();
    /** Replications by their config's ARN: only configs whose replication started have one. */
    final Map<String, software.amazon.awssdk.services.databasemigration.model.Replication> replications =
        new HashMap<>();
    /** Subnet groups that configs name and the pipeline does not define, as DMS reports them (lower case). */
    final Map<String, ReplicationSubnetGroup> externalSubnetGroups = new HashMap<>();
    final Map<String, SecretState> secrets = new HashMap<>();
    /** Tags by resource ARN, for the resources whose tags were listed (absent: not known). */
    final Map<String, Map<String, String>> tagsByArn = new HashMap<>();
    /** Resources tagged with this pipeline's name that the pipeline no longer defines (tasks, endpoints, instances). */
    final List<Removed> removed = new ArrayList<>();

    /**
     * @param arn a resource ARN
     * @return its tags, empty when they were not read
     */
    Optional<Map<String, String>> tags(String arn) {
        return arn == null ? Optional.empty() : Optional.ofNullable(tagsByArn.get(arn));
    }

    /** @return resources carrying this pipeline's {@code dmskit:pipeline} tag that it no longer defines */
    List<Removed> removed() {
        return List.copyOf(removed);
    }

    static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }

    /**
     * @param id identifier
     * @return the subnet group
     */
    Optional<ReplicationSubnetGroup> subnetGroup(String id) {
        return Optional.ofNullable(subnetGroups.get(key(id)));
    }

    /**
     * @param id identifier
     * @return the instance
     */
    Optional<ReplicationInstance> instance(String id) {
        return Optional.ofNullable(instances.get(key(id)));
    }

    /**
     * @param id identifier
     * @return the endpoint
     */
    Optional<Endpoint> endpoint(String id) {
        return Optional.ofNullable(endpoints.get(key(id)));
    }

    /**
     * @param id identifier
     * @return the task
     */
    Optional<ReplicationTask> task(String id) {
        return Optional.ofNullable(tasks.get(key(id)));
    }

    /**
     * @param id identifier
     * @return the replication config
     */
    Optional<software.amazon.awssdk.services.databasemigration.model.ReplicationConfig> config(String id) {
        return Optional.ofNullable(configs.get(key(id)));
    }

    /**
     * @param configArn a replication config's ARN
     * @return its replication, empty when it never started
     */
    Optional<software.amazon.awssdk.services.databasemigration.model.Replication> replication(String configArn) {
        return configArn == null ? Optional.empty() : Optional.ofNullable(replications.get(configArn));
    }

    /**
     * @param name secret name
     * @return the secret
     */
    Optional<SecretState> secret(String name) {
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
