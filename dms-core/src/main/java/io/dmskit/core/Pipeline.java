package io.dmskit.core;

import io.dmskit.core.endpoint.Credentials;
import io.dmskit.core.endpoint.EndpointType;
import io.dmskit.core.endpoint.EngineName;
import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.core.exception.InvalidDefinitionException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A named desired state: replication subnet groups, instances, endpoints and tasks, with references between them
 * by identifier (task → endpoints and instance, instance → subnet group). {@link DmsProvisioner} plans and applies
 * it. A subnet group an instance names but the pipeline does not define (for example {@code default}) is taken to
 * exist already.
 *
 * <pre>{@code
 * Pipeline pipeline = Pipeline.builder("ecommerce")
 *     .subnetGroup(subnets).instance(instance).endpoint(mysqlSource).endpoint(s3Target)
 *     .task(t -> t.identifier("market-intelligence-hub-replication") ...)
 *     .build();
 * }</pre>
 */
public final class Pipeline {

    private final String name;
    private final Map<String, ReplicationSubnetGroup> subnetGroups;
    private final Map<String, ReplicationInstance> instances;
    private final Map<String, Endpoint> endpoints;
    private final Map<String, ReplicationTask> tasks;

    private Pipeline(String name, Map<String, ReplicationSubnetGroup> subnetGroups,
                     Map<String, ReplicationInstance> instances, Map<String, Endpoint> endpoints,
                     Map<String, ReplicationTask> tasks) {
        this.name = name;
        this.subnetGroups = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(subnetGroups));
        this.instances = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(instances));
        this.endpoints = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(endpoints));
        this.tasks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tasks));
    }

    /**
     * @param name the pipeline's name (tagged on every resource it creates as {@code dmskit:pipeline})
     * @return a builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** @return a builder holding this pipeline */
    public Builder toBuilder() {
        Builder b = new Builder(name);
        subnetGroups.values().forEach(b::subnetGroup);
        instances.values().forEach(b::instance);
        endpoints.values().forEach(b::endpoint);
        tasks.values().forEach(b::task);
        return b;
    }

    /**
     * @param task a task; replaces the task with the same identifier, or is added
     * @return the changed pipeline (validated)
     */
    public Pipeline withTask(ReplicationTask task) {
        Builder b = toBuilder();
        b.tasks.removeIf(t -> t.identifier().equals(task.identifier()));
        b.tasks.add(task);
        return b.build();
    }

    /**
     * @param endpoint an endpoint; replaces the endpoint with the same identifier, or is added
     * @return the changed pipeline (validated)
     */
    public Pipeline withEndpoint(Endpoint endpoint) {
        Builder b = toBuilder();
        b.endpoints.removeIf(e -> e.identifier().equals(endpoint.identifier()));
        b.endpoints.add(endpoint);
        return b.build();
    }

    /**
     * @param instance an instance; replaces the one with the same identifier, or is added
     * @return the changed pipeline (validated)
     */
    public Pipeline withInstance(ReplicationInstance instance) {
        Builder b = toBuilder();
        b.instances.removeIf(e -> e.identifier().equals(instance.identifier()));
        b.instances.add(instance);
        return b.build();
    }

    /** @return the name */
    public String name() {
        return name;
    }

    /** @return subnet groups in definition order */
    public List<ReplicationSubnetGroup> subnetGroups() {
        return List.copyOf(subnetGroups.values());
    }

    /** @return replication instances in definition order */
    public List<ReplicationInstance> instances() {
        return List.copyOf(instances.values());
    }

    /** @return endpoints in definition order */
    public List<Endpoint> endpoints() {
        return List.copyOf(endpoints.values());
    }

    /** @return tasks in definition order */
    public List<ReplicationTask> tasks() {
        return List.copyOf(tasks.values());
    }

    /**
     * @param id identifier
     * @return the subnet group
     */
    public Optional<ReplicationSubnetGroup> subnetGroup(String id) {
        return Optional.ofNullable(subnetGroups.get(id));
    }

    /**
     * @param id identifier
     * @return the instance
     */
    public Optional<ReplicationInstance> instance(String id) {
        return Optional.ofNullable(instances.get(id));
    }

    /**
     * @param id identifier
     * @return the endpoint
     */
    public Optional<Endpoint> endpoint(String id) {
        return Optional.ofNullable(endpoints.get(id));
    }

    /**
     * @param id identifier
     * @return the task
     */
    public Optional<ReplicationTask> task(String id) {
        return Optional.ofNullable(tasks.get(id));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pipeline p && name.equals(p.name) && subnetGroups.equals(p.subnetGroups)
            && instances.equals(p.instances) && endpoints.equals(p.endpoints) && tasks.equals(p.tasks);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, subnetGroups.keySet(), instances.keySet(), endpoints.keySet(), tasks.keySet());
    }

    @Override
    public String toString() {
        return "Pipeline{" + name + ", subnetGroups=" + subnetGroups.keySet() + ", instances=" + instances.keySet()
            + ", endpoints=" + endpoints.keySet() + ", tasks=" + tasks.keySet() + "}";
    }

    /** Fluent builder for {@link Pipeline}. */
    public static final class Builder {
        private final String name;
        private final List<ReplicationSubnetGroup> subnetGroups = new ArrayList<>();
        private final List<ReplicationInstance> instances = new ArrayList<>();
        private final List<Endpoint> endpoints = new ArrayList<>();
        private final List<ReplicationTask> tasks = new ArrayList<>();
        private final List<DefinitionProblem> deferred = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /**
         * @param group a subnet group
         * @return this builder
         */
        public Builder subnetGroup(ReplicationSubnetGroup group) {
            subnetGroups.add(Objects.requireNonNull(group, "group"));
            return this;
        }

        /**
         * @param instance a replication instance
         * @return this builder
         */
        public Builder instance(ReplicationInstance instance) {
            instances.add(Objects.requireNonNull(instance, "instance"));
            return this;
        }

        /**
         * @param endpoint an endpoint
         * @return this builder
         */
        public Builder endpoint(Endpoint endpoint) {
            endpoints.add(Objects.requireNonNull(endpoint, "endpoint"));
            return this;
        }

        /**
         * @param task a task
         * @return this builder
         */
        public Builder task(ReplicationTask task) {
            tasks.add(Objects.requireNonNull(task, "task"));
            return this;
        }

        /**
         * Defines a task in place; its problems are reported by {@link #build()} together with the pipeline's.
         *
         * @param identifier task identifier
         * @param spec fills in the task builder
         * @return this builder
         */
        public Builder task(String identifier, Consumer<ReplicationTask.Builder> spec) {
            ReplicationTask.Builder b = ReplicationTask.builder(identifier);
            spec.accept(b);
            try {
                tasks.add(b.build());
            } catch (InvalidDefinitionException e) {
                deferred.addAll(e.problems());
            }
            return this;
        }

        /**
         * @return the pipeline
         * @throws InvalidDefinitionException listing every problem (duplicates, broken references, conflicts)
         */
        public Pipeline build() {
            List<DefinitionProblem> problems = new ArrayList<>(deferred);
            String self = "pipeline '" + name + "'";
            if (name == null || name.isBlank()) {
                problems.add(new DefinitionProblem("pipeline", "name", "a pipeline needs a name"));
            }
            Map<String, ReplicationSubnetGroup> sg = index(problems, subnetGroups, ReplicationSubnetGroup::identifier,
                "subnet group");
            Map<String, ReplicationInstance> ri = index(problems, instances, ReplicationInstance::identifier,
                "replication instance");
            Map<String, Endpoint> ep = index(problems, endpoints, Endpoint::identifier, "endpoint");
            Map<String, ReplicationTask> rt = index(problems, tasks, ReplicationTask::identifier, "replication task");
            for (ReplicationTask t : rt.values()) {
                String where = "replication task '" + t.identifier() + "'";
                Endpoint src = ep.get(t.sourceEndpoint());
                Endpoint tgt = ep.get(t.targetEndpoint());
                if (src == null) {
                    problems.add(new DefinitionProblem(where, "SourceEndpoint", "refers to endpoint '"
                        + t.sourceEndpoint() + "', which this pipeline does not define"));
                } else if (src.type() != EndpointType.SOURCE) {
                    problems.add(new DefinitionProblem(where, "SourceEndpoint", "endpoint '" + src.identifier()
                        + "' is a target endpoint"));
                }
                if (tgt == null) {
                    problems.add(new DefinitionProblem(where, "TargetEndpoint", "refers to endpoint '"
                        + t.targetEndpoint() + "', which this pipeline does not define"));
                } else if (tgt.type() != EndpointType.TARGET) {
                    problems.add(new DefinitionProblem(where, "TargetEndpoint", "endpoint '" + tgt.identifier()
                        + "' is a source endpoint"));
                }
                if (!ri.containsKey(t.replicationInstance())) {
                    problems.add(new DefinitionProblem(where, "ReplicationInstance", "refers to instance '"
                        + t.replicationInstance() + "', which this pipeline does not define"));
                }
                if (tgt != null && tgt.engine() == EngineName.S3) {
                    checkS3Target(problems, where, t);
                }
            }
            Map<String, Credentials.ManagedSecret> secrets = new HashMap<>();
            Map<String, String> secretOwner = new HashMap<>();
            for (Endpoint e : ep.values()) {
                if (e.credentials().orElse(null) instanceof Credentials.ManagedSecret m) {
                    Credentials.ManagedSecret prev = secrets.putIfAbsent(m.secretName(), m);
                    if (prev != null && (!Objects.equals(prev.username(), m.username())
                        || !prev.password().equals(m.password()))) {
                        problems.add(new DefinitionProblem("endpoint '" + e.identifier() + "'", "SecretName",
                            "managed secret '" + m.secretName() + "' is also used by endpoint '"
                                + secretOwner.get(m.secretName()) + "' with other credentials"));
                    }
                    secretOwner.putIfAbsent(m.secretName(), e.identifier());
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidDefinitionException(problems.stream().map(p -> p.in(self)).toList());
            }
            return new Pipeline(name, sg, ri, ep, rt);
        }

        private static void checkS3Target(List<DefinitionProblem> problems, String where, ReplicationTask t) {
            TaskSettings s = t.settings();
            s.beforeImageSettings().flatMap(b -> b.enableBeforeImage()).filter(Boolean.TRUE::equals).ifPresent(x ->
                problems.add(new DefinitionProblem(where, "ReplicationTaskSettings.BeforeImageSettings",
                    "BeforeImageSettings are not supported for S3 targets; use an add-before-image-columns rule")));
            s.targetMetadata().flatMap(m -> m.batchApplyEnabled()).filter(Boolean.TRUE::equals).ifPresent(x ->
                problems.add(new DefinitionProblem(where, "ReplicationTaskSettings.TargetMetadata.BatchApplyEnabled",
                    "batch apply is not supported for S3 targets")));
            s.targetMetadata().flatMap(m -> m.fullLobMode()).filter(Boolean.TRUE::equals).ifPresent(x ->
                problems.add(new DefinitionProblem(where, "ReplicationTaskSettings.TargetMetadata.FullLobMode",
                    "full LOB mode is not supported for S3 targets")));
        }

        private static <T> Map<String, T> index(List<DefinitionProblem> problems, List<T> items,
                                                Function<T, String> id, String kind) {
            Map<String, T> out = new LinkedHashMap<>();
            Set<String> reported = new HashSet<>();
            for (T item : items) {
                String key = id.apply(item);
                if (out.putIfAbsent(key, item) != null && reported.add(key)) {
                    problems.add(new DefinitionProblem(kind + " '" + key + "'", "identifier",
                        "defined more than once in the pipeline"));
                }
            }
            return out;
        }
    }
}
