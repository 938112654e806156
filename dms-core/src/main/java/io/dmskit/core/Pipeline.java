package io.dmskit.core;

import io.dmskit.core.alarm.Alarm;
import io.dmskit.core.endpoint.Credentials;
import io.dmskit.core.endpoint.EndpointType;
import io.dmskit.core.endpoint.EngineName;
import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.core.internal.Validate;
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
 * A named desired state: replication subnet groups, instances, endpoints, tasks and DMS Serverless replication
 * configs, with references between them by identifier (task → endpoints and instance, instance → subnet group,
 * replication config → endpoints and subnet group), and CloudWatch alarms on its tasks
 * ({@link io.dmskit.core.alarm.CdcLatencyAlarm}, {@link io.dmskit.core.alarm.TaskStateAlarm}; alarm → task).
 * {@link DmsProvisioner} plans and applies
 * it. A subnet group an instance names but the pipeline does not define (for example {@code default}) is taken to
 * exist already.
 *
 * <p>The builder takes resources built already, or their builders (not built yet), or a spec to fill in a new one.
 * Give it builders (or specs) to have {@link Builder#build()} report every problem of every resource in one
 * {@link InvalidDefinitionException}, each naming its resource and field; a resource you build yourself throws its
 * own problems at its {@code build()} call.
 *
 * <pre>{@code
 * Pipeline pipeline = Pipeline.builder("ecommerce")
 *     .subnetGroup(ReplicationSubnetGroup.builder("ecommerce-subnets").description("dms").subnetIds("subnet-0a1"))
 *     .instance(ReplicationInstance.builder("ecommerce-dms").instanceClass("dms.t3.medium"))
 *     .endpoint(Endpoint.mysql("ecommerce-mysql").source().serverName("10.0.0.4").port(3306)
 *         .secretsManager(secretArn, roleArn))
 *     .endpoint(Endpoint.s3("ecommerce-lake").s3Settings(s -> s.bucketName("lake").serviceAccessRoleArn(roleArn)))
 *     .task("ecommerce-replication", t -> t.source("ecommerce-mysql").target("ecommerce-lake")
 *         .replicationInstance("ecommerce-dms").migrationType(MigrationType.FULL_LOAD_AND_CDC).tableMappings(mappings))
 *     .build();                                  // every problem of every resource at once
 * Pipeline smaller = pipeline.withoutTask("ecommerce-replication").withoutEndpoint("ecommerce-lake");
 * }</pre>
 *
 * <p>A pipeline is immutable: {@code with*} and {@code without*} return a validated copy. The name becomes the value
 * of the {@code dmskit:pipeline} tag, so it follows AWS's rules for tag values (at most 256 letters, digits, white
 * space and {@code _ . : / = + - @}).
 */
public final class Pipeline {

    private final String name;
    private final Map<String, ReplicationSubnetGroup> subnetGroups;
    private final Map<String, ReplicationInstance> instances;
    private final Map<String, Endpoint> endpoints;
    private final Map<String, ReplicationTask> tasks;
    private final Map<String, ReplicationConfig> configs;
    private final Map<String, Alarm> alarms;

    private Pipeline(String name, Map<String, ReplicationSubnetGroup> subnetGroups,
                     Map<String, ReplicationInstance> instances, Map<String, Endpoint> endpoints,
                     Map<String, ReplicationTask> tasks, Map<String, ReplicationConfig> configs,
                     Map<String, Alarm> alarms) {
        this.name = name;
        this.subnetGroups = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(subnetGroups));
        this.instances = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(instances));
        this.endpoints = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(endpoints));
        this.tasks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tasks));
        this.configs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(configs));
        this.alarms = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(alarms));
    }

    /**
     * {@return a builder}
     *
     * @param name the pipeline's name (tagged on every resource it creates as {@code dmskit:pipeline}, so at most 256
     *     characters AWS accepts in tag values; a bad or null name is reported by {@link Builder#build()})
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * {@return a builder holding this pipeline}
     */
    public Builder toBuilder() {
        Builder b = new Builder(name);
        subnetGroups.values().forEach(b::subnetGroup);
        instances.values().forEach(b::instance);
        endpoints.values().forEach(b::endpoint);
        tasks.values().forEach(b::task);
        configs.values().forEach(b::replicationConfig);
        alarms.values().forEach(b::alarm);
        return b;
    }

    /**
     * {@return the changed pipeline (validated)}
     *
     * @param config a DMS Serverless replication config; replaces the one with the same identifier, or is added
     * @throws InvalidDefinitionException when the changed pipeline is invalid (also when the argument is null)
     */
    public Pipeline withReplicationConfig(ReplicationConfig config) {
        Builder b = toBuilder();
        if (config != null) {
            b.configs.removeIf(c -> c.identifier().equals(config.identifier()));
        }
        b.replicationConfig(config);
        return b.build();
    }

    /**
     * {@return the changed pipeline (validated)}
     *
     * @param alarm a CloudWatch alarm on one of the pipeline's tasks; replaces the alarm with the same name, or is added
     * @throws InvalidDefinitionException when the changed pipeline is invalid (also when the argument is null)
     */
    public Pipeline withAlarm(Alarm alarm) {
        Builder b = toBuilder();
        if (alarm != null) {
            b.alarms.removeIf(a -> a.name().equals(alarm.name()));
        }
        b.alarm(alarm);
        return b.build();
    }

    /**
     * {@return the changed pipeline (validated)}
     *
     * @param id the identifier of a replication config to remove (nothing changes when the pipeline has none)
     */
    public Pipeline withoutReplicationConfig(String id) {
        Builder b = toBuilder();
        b.configs.removeIf(c -> c.identifier().equals(id));
        return b.build();
    }

    /**
     * {@return the changed pipeline (validated)}
     *
     * @param alarmName the name of an alarm to remove (nothing changes when the pipeline has none); apply deletes the
     *     alarm from CloudWatch when the policy allows deletes
     */
    public Pipeline withoutAlarm(String alarmName) {
        Builder b = toBuilder();
        b.alarms.removeIf(a -> a.name().equals(alarmName));
        return b.build();
    }

    /**
     * {@return the changed pipeline (validated)}
     *
     * @param task a task; replaces the task with the same identifier, or is added
     * @throws InvalidDefinitionException when the changed pipeline is invalid (also when the argument is null)
     */
    public Pipeline withTask(ReplicationTask task) {
        Builder b = toBuilder();
        if (task != null) {
            b.tasks.removeIf(t -> t.identifier().equals(task.identifier()));
        }
        b.task(task);
        return b.build();
    }

    /**
     * {@return the changed pipeline (validated)}
     *
     * @param endpoint an endpoint; replaces the endpoint with the same identifier, or is added
     * @throws InvalidDefinitionException when the changed pipeline is invalid (also when the argument is null)
     */
    public Pipeline withEndpoint(Endpoint endpoint) {
        Builder b = toBuilder();
        if (endpoint != null) {
            b.endpoints.removeIf(e -> e.identifier().equals(endpoint.identifier()));
        }
        b.endpoint(endpoint);
        return b.build();
    }

    /**
     * {@return the changed pipeline (validated)}
     *
     * @param instance an instance; replaces the one with the same identifier, or is added
     * @throws InvalidDefinitionException when the changed pipeline is invalid (also when the argument is null)
     */
    public Pipeline withInstance(ReplicationInstance instance) {
        Builder b = toBuilder();
        if (instance != null) {
            b.instances.removeIf(e -> e.identifier().equals(instance.identifier()));
        }
        b.instance(instance);
        return b.build();
    }

    /**
     * {@return the changed pipeline (validated)}
     *
     * @param group a subnet group; replaces the one with the same identifier, or is added
     * @throws InvalidDefinitionException when the changed pipeline is invalid (also when group is null)
     */
    public Pipeline withSubnetGroup(ReplicationSubnetGroup group) {
        Builder b = toBuilder();
        if (group != null) {
            b.subnetGroups.removeIf(g -> g.identifier().equals(group.identifier()));
        }
        b.subnetGroup(group);
        return b.build();
    }

    /**
     * {@return the changed pipeline (validated)}
     *
     * @param id the identifier of a task to remove (nothing changes when the pipeline has none)
     */
    public Pipeline withoutTask(String id) {
        Builder b = toBuilder();
        b.tasks.removeIf(t -> t.identifier().equals(id));
        return b.build();
    }

    /**
     * Removes an endpoint. A task that still refers to it makes the result invalid: remove the task first.
     *
     * @param id the identifier of an endpoint to remove (nothing changes when the pipeline has none)
     * @return the changed pipeline (validated)
     * @throws InvalidDefinitionException when a task still refers to the endpoint
     */
    public Pipeline withoutEndpoint(String id) {
        Builder b = toBuilder();
        b.endpoints.removeIf(e -> e.identifier().equals(id));
        return b.build();
    }

    /**
     * Removes a replication instance. A task that still refers to it makes the result invalid: remove the task first.
     *
     * @param id the identifier of an instance to remove (nothing changes when the pipeline has none)
     * @return the changed pipeline (validated)
     * @throws InvalidDefinitionException when a task still refers to the instance
     */
    public Pipeline withoutInstance(String id) {
        Builder b = toBuilder();
        b.instances.removeIf(i -> i.identifier().equals(id));
        return b.build();
    }

    /**
     * Removes a subnet group from the definition. An instance naming it then refers to a subnet group taken to
     * exist already (as for {@code default}).
     *
     * @param id the identifier of a subnet group to remove (nothing changes when the pipeline has none)
     * @return the changed pipeline (validated)
     */
    public Pipeline withoutSubnetGroup(String id) {
        Builder b = toBuilder();
        b.subnetGroups.removeIf(g -> g.identifier().equals(id));
        return b.build();
    }

    /**
     * {@return the name}
     */
    public String name() {
        return name;
    }

    /**
     * {@return subnet groups in definition order}
     */
    public List<ReplicationSubnetGroup> subnetGroups() {
        return List.copyOf(subnetGroups.values());
    }

    /**
     * {@return replication instances in definition order}
     */
    public List<ReplicationInstance> instances() {
        return List.copyOf(instances.values());
    }

    /**
     * {@return endpoints in definition order}
     */
    public List<Endpoint> endpoints() {
        return List.copyOf(endpoints.values());
    }

    /**
     * {@return tasks in definition order}
     */
    public List<ReplicationTask> tasks() {
        return List.copyOf(tasks.values());
    }

    /**
     * {@return DMS Serverless replication configs in definition order}
     */
    public List<ReplicationConfig> replicationConfigs() {
        return List.copyOf(configs.values());
    }

    /**
     * {@return the replication config}
     *
     * @param id identifier
     */
    public Optional<ReplicationConfig> replicationConfig(String id) {
        return Optional.ofNullable(configs.get(id));
    }

    /**
     * {@return CloudWatch alarms in definition order}
     */
    public List<Alarm> alarms() {
        return List.copyOf(alarms.values());
    }

    /**
     * {@return the alarm}
     *
     * @param alarmName an alarm name
     */
    public Optional<Alarm> alarm(String alarmName) {
        return Optional.ofNullable(alarms.get(alarmName));
    }

    /**
     * {@return the subnet group}
     *
     * @param id identifier
     */
    public Optional<ReplicationSubnetGroup> subnetGroup(String id) {
        return Optional.ofNullable(subnetGroups.get(id));
    }

    /**
     * {@return the instance}
     *
     * @param id identifier
     */
    public Optional<ReplicationInstance> instance(String id) {
        return Optional.ofNullable(instances.get(id));
    }

    /**
     * {@return the endpoint}
     *
     * @param id identifier
     */
    public Optional<Endpoint> endpoint(String id) {
        return Optional.ofNullable(endpoints.get(id));
    }

    /**
     * {@return the task}
     *
     * @param id identifier
     */
    public Optional<ReplicationTask> task(String id) {
        return Optional.ofNullable(tasks.get(id));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pipeline p && name.equals(p.name) && subnetGroups.equals(p.subnetGroups)
            && instances.equals(p.instances) && endpoints.equals(p.endpoints) && tasks.equals(p.tasks)
            && configs.equals(p.configs)
            && alarms.equals(p.alarms);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, subnetGroups.keySet(), instances.keySet(), endpoints.keySet(), tasks.keySet(),
            configs.keySet(), alarms.keySet());
    }

    @Override
    public String toString() {
        return "Pipeline{" + name + ", subnetGroups=" + subnetGroups.keySet() + ", instances=" + instances.keySet()
            + ", endpoints=" + endpoints.keySet() + ", tasks=" + tasks.keySet()
            + (configs.isEmpty() ? "" : ", replicationConfigs=" + configs.keySet())
            + (alarms.isEmpty() ? "" : ", alarms=" + alarms.keySet()) + "}";
    }

    /**
     * Fluent builder for {@link Pipeline}. Resources can be given built, as builders, or as specs; problems of
     * builders and specs (and nulls) are reported by {@link #build()} with the pipeline's own.
     */
    public static final class Builder {
        private final String name;
        private final List<ReplicationSubnetGroup> subnetGroups = new ArrayList<>();
        private final List<ReplicationInstance> instances = new ArrayList<>();
        private final List<Endpoint> endpoints = new ArrayList<>();
        private final List<ReplicationTask> tasks = new ArrayList<>();
        private final List<ReplicationConfig> configs = new ArrayList<>();
        private final List<Alarm> alarms = new ArrayList<>();
        private final List<DefinitionProblem> deferred = new ArrayList<>();
        /** Identifiers of resources given as builders that did not build: references to them are not reported. */
        private final Set<String> invalidIds = new HashSet<>();

        private Builder(String name) {
            this.name = name;
        }

        /**
         * Sets {@code subnetGroup}: a subnet group (null is reported by {@link #build()}).
         *
         * @param group a subnet group (null is reported by {@link #build()})
         * @return this builder
         */
        public Builder subnetGroup(ReplicationSubnetGroup group) {
            add(subnetGroups, group, "subnet group");
            return this;
        }

        /**
         * Sets {@code subnetGroup}: a subnet group's builder, built now; its problems are reported by {@link #build()}.
         *
         * @param group a subnet group's builder, built now; its problems are reported by {@link #build()}
         * @return this builder
         */
        public Builder subnetGroup(ReplicationSubnetGroup.Builder group) {
            if (group == null) {
                return subnetGroup((ReplicationSubnetGroup) null);
            }
            addBuilt(subnetGroups, group.identifier(), group::build);
            return this;
        }

        /**
         * Sets {@code subnetGroup}: subnet group identifier.
         *
         * @param identifier subnet group identifier
         * @param spec fills in the subnet group's builder; problems are reported by {@link #build()}
         * @return this builder
         */
        public Builder subnetGroup(String identifier, Consumer<ReplicationSubnetGroup.Builder> spec) {
            ReplicationSubnetGroup.Builder b = specified(ReplicationSubnetGroup.builder(identifier), spec, "subnet group");
            return b == null ? this : subnetGroup(b);
        }

        /**
         * Sets {@code instance}: a replication instance (null is reported by {@link #build()}).
         *
         * @param instance a replication instance (null is reported by {@link #build()})
         * @return this builder
         */
        public Builder instance(ReplicationInstance instance) {
            add(instances, instance, "replication instance");
            return this;
        }

        /**
         * Sets {@code instance}: a replication instance's builder, built now; its problems are reported by {@link
         * #build()}.
         *
         * @param instance a replication instance's builder, built now; its problems are reported by {@link #build()}
         * @return this builder
         */
        public Builder instance(ReplicationInstance.Builder instance) {
            if (instance == null) {
                return instance((ReplicationInstance) null);
            }
            addBuilt(instances, instance.identifier(), instance::build);
            return this;
        }

        /**
         * Sets {@code instance}: instance identifier.
         *
         * @param identifier instance identifier
         * @param spec fills in the instance's builder; problems are reported by {@link #build()}
         * @return this builder
         */
        public Builder instance(String identifier, Consumer<ReplicationInstance.Builder> spec) {
            ReplicationInstance.Builder b = specified(ReplicationInstance.builder(identifier), spec, "replication instance");
            return b == null ? this : instance(b);
        }

        /**
         * Sets {@code endpoint}: an endpoint (null is reported by {@link #build()}).
         *
         * @param endpoint an endpoint (null is reported by {@link #build()})
         * @return this builder
         */
        public Builder endpoint(Endpoint endpoint) {
            add(endpoints, endpoint, "endpoint");
            return this;
        }

        /**
         * Sets {@code endpoint}: an endpoint's builder ({@code Endpoint.mysql(id)...}), built now; its problems are
         * reported by {@link #build()}.
         *
         * @param endpoint an endpoint's builder ({@code Endpoint.mysql(id)...}), built now; its problems are reported
         *     by {@link #build()}
         * @return this builder
         */
        public Builder endpoint(Endpoint.Builder endpoint) {
            if (endpoint == null) {
                return endpoint((Endpoint) null);
            }
            addBuilt(endpoints, endpoint.identifier(), endpoint::build);
            return this;
        }

        /**
         * Sets {@code task}: a task (null is reported by {@link #build()}).
         *
         * @param task a task (null is reported by {@link #build()})
         * @return this builder
         */
        public Builder task(ReplicationTask task) {
            add(tasks, task, "replication task");
            return this;
        }

        /**
         * Sets {@code task}: a task's builder, built now; its problems are reported by {@link #build()}.
         *
         * @param task a task's builder, built now; its problems are reported by {@link #build()}
         * @return this builder
         */
        public Builder task(ReplicationTask.Builder task) {
            if (task == null) {
                return task((ReplicationTask) null);
            }
            addBuilt(tasks, task.identifier(), task::build);
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
            ReplicationTask.Builder b = specified(ReplicationTask.builder(identifier), spec, "replication task");
            return b == null ? this : task(b);
        }

        /**
         * Sets {@code replicationConfig}: a DMS Serverless replication config (null is reported by {@link #build()}).
         *
         * @param config a DMS Serverless replication config (null is reported by {@link #build()})
         * @return this builder
         */
        public Builder replicationConfig(ReplicationConfig config) {
            add(configs, config, "replication config");
            return this;
        }

        /**
         * Adds a CloudWatch alarm on one of the pipeline's tasks ({@link io.dmskit.core.alarm.CdcLatencyAlarm},
         * {@link io.dmskit.core.alarm.TaskStateAlarm}); the provisioner then needs a CloudWatch client.
         *
         * @param alarm the alarm (null is reported by {@link #build()})
         * @return this builder
         */
        public Builder alarm(Alarm alarm) {
            add(alarms, alarm, "alarm");
            return this;
        }

        /**
         * Sets {@code replicationConfig}: a replication config's builder, built now; its problems are reported by {@link
         * #build()}.
         *
         * @param config a replication config's builder, built now; its problems are reported by {@link #build()}
         * @return this builder
         */
        public Builder replicationConfig(ReplicationConfig.Builder config) {
            if (config == null) {
                return replicationConfig((ReplicationConfig) null);
            }
            addBuilt(configs, config.identifier(), config::build);
            return this;
        }

        /**
         * Defines a DMS Serverless replication config in place; its problems are reported by {@link #build()}.
         *
         * @param identifier replication config identifier
         * @param spec fills in the replication config's builder
         * @return this builder
         */
        public Builder replicationConfig(String identifier, Consumer<ReplicationConfig.Builder> spec) {
            ReplicationConfig.Builder b = specified(ReplicationConfig.builder(identifier), spec, "replication config");
            return b == null ? this : replicationConfig(b);
        }

        /**
         * Sets {@code alarm}: an alarm's builder, built now; its problems are reported by {@link #build()}.
         *
         * @param alarm an alarm's builder, built now; its problems are reported by {@link #build()}
         * @return this builder
         */
        public Builder alarm(Alarm.Builder<?, ?> alarm) {
            if (alarm == null) {
                return alarm((Alarm) null);
            }
            addBuilt(alarms, null, alarm::build);
            return this;
        }

        private <T> void add(List<T> list, T item, String kind) {
            if (item == null) {
                deferred.add(DefinitionProblem.of(kind, "a null " + kind + " was added to the pipeline"));
            } else {
                list.add(item);
            }
        }

        private <T> void addBuilt(List<T> list, String id, java.util.function.Supplier<T> build) {
            try {
                list.add(build.get());
            } catch (InvalidDefinitionException e) {
                deferred.addAll(e.problems());
                if (id != null) {
                    invalidIds.add(id);
                }
            }
        }

        private <B> B specified(B builder, Consumer<B> spec, String kind) {
            String identifier = builder instanceof ReplicationTask.Builder t ? t.identifier()
                : builder instanceof ReplicationConfig.Builder c ? c.identifier()
                : builder instanceof ReplicationInstance.Builder i ? i.identifier()
                : ((ReplicationSubnetGroup.Builder) builder).identifier();
            if (spec == null) {
                deferred.add(new DefinitionProblem(kind + " " + Validate.show(identifier), "spec",
                    "the spec (Consumer) is null"));
                if (identifier != null) {
                    invalidIds.add(identifier);
                }
                return null;
            }
            spec.accept(builder);
            return builder;
        }

        /**
         * {@return the pipeline}
         *
         * @throws InvalidDefinitionException listing every problem (duplicates, broken references, conflicts)
         */
        public Pipeline build() {
            List<DefinitionProblem> problems = new ArrayList<>(deferred);
            String self = "pipeline " + Validate.show(name);
            if (name == null || name.isBlank()) {
                problems.add(new DefinitionProblem("pipeline", "name", "a pipeline needs a name"));
            } else {
                for (String p : Validate.tagValueProblems(name)) {
                    problems.add(DefinitionProblem.of("name", "the pipeline name " + Validate.show(name) + " becomes "
                        + "the value of the " + Validate.PIPELINE_TAG + " tag on every resource, and AWS would refuse "
                        + "it: " + p));
                }
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
                // a reference to a resource given to this builder that did not build is not reported again
                if (src == null) {
                    if (!invalidIds.contains(t.sourceEndpoint())) {
                        problems.add(new DefinitionProblem(where, "SourceEndpoint", "refers to endpoint '"
                            + t.sourceEndpoint() + "', which this pipeline does not define"));
                    }
                } else if (src.type() != EndpointType.SOURCE) {
                    problems.add(new DefinitionProblem(where, "SourceEndpoint", "endpoint '" + src.identifier()
                        + "' is a target endpoint"));
                }
                if (tgt == null) {
                    if (!invalidIds.contains(t.targetEndpoint())) {
                        problems.add(new DefinitionProblem(where, "TargetEndpoint", "refers to endpoint '"
                            + t.targetEndpoint() + "', which this pipeline does not define"));
                    }
                } else if (tgt.type() != EndpointType.TARGET) {
                    problems.add(new DefinitionProblem(where, "TargetEndpoint", "endpoint '" + tgt.identifier()
                        + "' is a source endpoint"));
                }
                if (!ri.containsKey(t.replicationInstance()) && !invalidIds.contains(t.replicationInstance())) {
                    problems.add(new DefinitionProblem(where, "ReplicationInstance", "refers to instance '"
                        + t.replicationInstance() + "', which this pipeline does not define"));
                }
                if (tgt != null && tgt.engine() == EngineName.S3) {
                    checkS3Target(problems, where, t);
                }
            }
            Map<String, ReplicationConfig> rc = index(problems, configs, ReplicationConfig::identifier,
                "replication config");
            PipelineReferences.checkConfigs(problems, rc.values(), ep, sg, rt.keySet(), invalidIds);
            Map<String, Alarm> al = index(problems, alarms, Alarm::name, "alarm");
            for (Alarm a : al.values()) {
                if (!rt.containsKey(a.task()) && !invalidIds.contains(a.task())) {
                    problems.add(new DefinitionProblem("alarm '" + a.name() + "'", "task", "refers to task '"
                        + a.task() + "', which this pipeline does not define (remove the alarm with the task)"));
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
            return new Pipeline(name, sg, ri, ep, rt, rc, al);
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
