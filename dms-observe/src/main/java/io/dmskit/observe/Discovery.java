package io.dmskit.observe;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link DmsObserver#discover(DiscoveryFilter)} found, in the order DMS listed it, per kind.
 *
 * @param tasks replication tasks
 * @param replicationConfigs DMS Serverless replication configs
 * @param endpoints endpoints
 * @param instances replication instances
 */
public record Discovery(List<DiscoveredResource> tasks, List<DiscoveredResource> replicationConfigs,
                        List<DiscoveredResource> endpoints, List<DiscoveredResource> instances) {

    /** Copies the lists. */
    public Discovery {
        tasks = List.copyOf(Objects.requireNonNull(tasks, "tasks"));
        replicationConfigs = List.copyOf(Objects.requireNonNull(replicationConfigs, "replicationConfigs"));
        endpoints = List.copyOf(Objects.requireNonNull(endpoints, "endpoints"));
        instances = List.copyOf(Objects.requireNonNull(instances, "instances"));
    }

    /**
     * {@return every resource found, tasks first, then configs, endpoints and instances}
     */
    public List<DiscoveredResource> all() {
        return java.util.stream.Stream.of(tasks, replicationConfigs, endpoints, instances)
            .flatMap(List::stream).toList();
    }

    /**
     * {@return the task found with that identifier}
     *
     * @param identifier a task identifier
     */
    public Optional<DiscoveredResource> task(String identifier) {
        return tasks.stream().filter(t -> t.identifier().equals(identifier)).findFirst();
    }

    /**
     * {@return the identifiers of the tasks found}
     */
    public List<String> taskIdentifiers() {
        return tasks.stream().map(DiscoveredResource::identifier).toList();
    }

    @Override
    public String toString() {
        return "Discovery{tasks=" + taskIdentifiers() + ", replicationConfigs="
            + replicationConfigs.stream().map(DiscoveredResource::identifier).toList() + ", endpoints="
            + endpoints.stream().map(DiscoveredResource::identifier).toList() + ", instances="
            + instances.stream().map(DiscoveredResource::identifier).toList() + "}";
    }
}
