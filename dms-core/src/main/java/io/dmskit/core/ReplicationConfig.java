package io.dmskit.core;

import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.core.internal.Identifiers;
import io.dmskit.core.internal.Mappings;
import io.dmskit.core.internal.Validate;
import io.dmskit.core.internal.json.JsonSemantics;
import io.dmskit.core.serverless.ComputeConfig;
import io.dmskit.core.task.MigrationType;
import io.dmskit.mappings.TableMappings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A DMS Serverless replication config: source and target endpoint (by identifier, resolved within a
 * {@link Pipeline}), replication type, the compute DMS provisions when the replication starts
 * ({@link ComputeConfig}), table mappings (a dms-mappings {@link TableMappings}), replication settings (the same typed
 * {@link TaskSettings} a task takes), supplemental settings, an optional resource identifier for its ARN, and tags.
 * It takes the place of a replication instance and a task.
 *
 * <pre>{@code
 * ReplicationConfig config = ReplicationConfig.builder("market-intelligence-hub")
 *     .source("ecommerce-mysql-source").target("market-intelligence-hub-target")
 *     .replicationType(MigrationType.FULL_LOAD_AND_CDC)
 *     .compute(c -> c.maxCapacityUnits(16).minCapacityUnits(2).subnetGroup("ecommerce-subnets"))
 *     .tableMappings(mappings)
 *     .settings(s -> s.logging(l -> l.enableLogging(true)))
 *     .build();
 * }</pre>
 *
 * <p>DMS lets a config change only until its replication first starts (or while it failed); after that a change
 * means deleting and creating the config again, which loses the replication's checkpoint.
 * {@link DmsProvisioner#plan(Pipeline)} says so, and {@link DmsProvisioner#apply} does it only when the
 * {@link io.dmskit.core.provision.ApplyPolicy} allows it.
 */
public final class ReplicationConfig {

    /** The longest resource identifier DMS accepts. */
    private static final int RESOURCE_ID_MAX = 31;
    private static final Pattern RESOURCE_ID = Pattern.compile("[A-Za-z](?:[A-Za-z0-9]|-(?!-))*");

    private final String identifier;
    private final String sourceEndpoint;
    private final String targetEndpoint;
    private final MigrationType replicationType;
    private final ComputeConfig compute;
    private final TableMappings tableMappings;
    private final TaskSettings settings;
    private final String supplementalSettings;
    private final String resourceIdentifier;
    private final Map<String, String> tags;

    private ReplicationConfig(Builder b, ComputeConfig compute, TaskSettings settings) {
        this.identifier = b.identifier;
        this.sourceEndpoint = b.sourceEndpoint;
        this.targetEndpoint = b.targetEndpoint;
        this.replicationType = b.replicationType;
        this.compute = compute;
        this.tableMappings = b.tableMappings;
        this.settings = settings;
        this.supplementalSettings = b.supplementalSettings;
        this.resourceIdentifier = b.resourceIdentifier;
        this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(b.tags));
    }

    /**
     * {@return a builder}
     *
     * @param identifier the replication config's identifier ({@code ReplicationConfigIdentifier})
     */
    public static Builder builder(String identifier) {
        return new Builder(identifier);
    }

    /**
     * {@return the replication config}
     *
     * @param identifier the replication config's identifier
     * @param spec fills in the builder
     * @throws InvalidDefinitionException listing every problem (also when spec is null)
     */
    public static ReplicationConfig of(String identifier, Consumer<Builder> spec) {
        Validate.requireSpec(spec, "ReplicationConfig");
        Builder b = builder(identifier);
        spec.accept(b);
        return b.build();
    }

    /**
     * {@return a builder with this config's fields}
     */
    public Builder toBuilder() {
        Builder b = new Builder(identifier);
        b.sourceEndpoint = sourceEndpoint;
        b.targetEndpoint = targetEndpoint;
        b.replicationType = replicationType;
        b.compute = compute.toBuilder();
        b.tableMappings = tableMappings;
        b.settings = settings == null ? null : settings.toBuilder();
        b.supplementalSettings = supplementalSettings;
        b.resourceIdentifier = resourceIdentifier;
        b.tags.putAll(tags);
        return b;
    }

    /**
     * {@return the replication config's identifier}
     */
    public String identifier() {
        return identifier;
    }

    /**
     * {@return the source endpoint's identifier}
     */
    public String sourceEndpoint() {
        return sourceEndpoint;
    }

    /**
     * {@return the target endpoint's identifier}
     */
    public String targetEndpoint() {
        return targetEndpoint;
    }

    /**
     * {@return the replication type}
     */
    public MigrationType replicationType() {
        return replicationType;
    }

    /**
     * {@return the compute DMS provisions}
     */
    public ComputeConfig compute() {
        return compute;
    }

    /**
     * {@return the table mappings}
     */
    public TableMappings tableMappings() {
        return tableMappings;
    }

    /**
     * {@return the replication settings (empty: DMS defaults)}
     */
    public TaskSettings settings() {
        return settings == null ? TaskSettings.empty() : settings;
    }

    /**
     * {@return the supplemental settings JSON document}
     */
    public Optional<String> supplementalSettings() {
        return Optional.ofNullable(supplementalSettings);
    }

    /**
     * {@return the resource identifier at the end of the config's ARN; empty: DMS generates one}
     */
    public Optional<String> resourceIdentifier() {
        return Optional.ofNullable(resourceIdentifier);
    }

    /**
     * {@return tags applied on creation and kept in step by apply}
     */
    public Map<String, String> tags() {
        return tags;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReplicationConfig c && identifier.equals(c.identifier)
            && Objects.equals(sourceEndpoint, c.sourceEndpoint) && Objects.equals(targetEndpoint, c.targetEndpoint)
            && replicationType == c.replicationType && compute.equals(c.compute)
            && Objects.equals(tableMappings, c.tableMappings) && Objects.equals(settings, c.settings)
            && Objects.equals(supplementalSettings, c.supplementalSettings)
            && Objects.equals(resourceIdentifier, c.resourceIdentifier) && tags.equals(c.tags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(identifier, sourceEndpoint, targetEndpoint, replicationType, compute);
    }

    @Override
    public String toString() {
        return "ReplicationConfig{" + identifier + ", " + replicationType + ", source=" + sourceEndpoint + ", target="
            + targetEndpoint + ", " + compute + ", rules=" + Mappings.ruleCount(tableMappings)
            + (settings == null || settings.isEmpty() ? "" : ", settings=" + settings.toJson())
            + (supplementalSettings == null ? "" : ", supplementalSettings=" + supplementalSettings)
            + (resourceIdentifier == null ? "" : ", resourceIdentifier=" + resourceIdentifier)
            + (tags.isEmpty() ? "" : ", tags=" + tags) + "}";
    }

    /** Fluent builder for {@link ReplicationConfig}; {@link #build()} reports every problem at once. */
    public static final class Builder {
        private final String identifier;
        private String sourceEndpoint;
        private String targetEndpoint;
        private MigrationType replicationType;
        private ComputeConfig.Builder compute;
        private TableMappings tableMappings;
        private String invalidMappingsJson;
        private RuntimeException mappingsError;
        private TaskSettings.Builder settings;
        private String supplementalSettings;
        private String resourceIdentifier;
        private final Map<String, String> tags = new LinkedHashMap<>();
        private final List<String> nullSpecs = new ArrayList<>();

        private Builder(String identifier) {
            this.identifier = identifier;
        }

        /**
         * Sets {@code source}: the source endpoint's identifier.
         *
         * @param endpointIdentifier the source endpoint's identifier
         * @return this builder
         */
        public Builder source(String endpointIdentifier) {
            this.sourceEndpoint = endpointIdentifier;
            return this;
        }

        /**
         * Sets {@code source}: the source endpoint; null unsets.
         *
         * @param endpoint the source endpoint; null unsets
         * @return this builder
         */
        public Builder source(Endpoint endpoint) {
            return source(endpoint == null ? null : endpoint.identifier());
        }

        /**
         * Sets {@code target}: the target endpoint's identifier.
         *
         * @param endpointIdentifier the target endpoint's identifier
         * @return this builder
         */
        public Builder target(String endpointIdentifier) {
            this.targetEndpoint = endpointIdentifier;
            return this;
        }

        /**
         * Sets {@code target}: the target endpoint; null unsets.
         *
         * @param endpoint the target endpoint; null unsets
         * @return this builder
         */
        public Builder target(Endpoint endpoint) {
            return target(endpoint == null ? null : endpoint.identifier());
        }

        /**
         * Sets {@code replicationType}: full-load, cdc or full-load-and-cdc ({@code ReplicationType}).
         *
         * @param type full-load, cdc or full-load-and-cdc ({@code ReplicationType})
         * @return this builder
         */
        public Builder replicationType(MigrationType type) {
            this.replicationType = type;
            return this;
        }

        /**
         * Sets {@code compute}: the compute DMS provisions (required).
         *
         * @param compute the compute DMS provisions (required)
         * @return this builder
         */
        public Builder compute(ComputeConfig compute) {
            this.compute = compute == null ? null : compute.toBuilder();
            return this;
        }

        /**
         * Sets {@code compute}: edits the compute config (null is reported by {@link #build()}).
         *
         * @param spec edits the compute config (null is reported by {@link #build()})
         * @return this builder
         */
        public Builder compute(Consumer<ComputeConfig.Builder> spec) {
            if (compute == null) {
                compute = ComputeConfig.builder();
            }
            if (spec == null) {
                nullSpecs.add("ComputeConfig");
            } else {
                spec.accept(compute);
            }
            return this;
        }

        /**
         * Sets {@code tableMappings}: the table mappings.
         *
         * @param mappings the table mappings
         * @return this builder
         */
        public Builder tableMappings(TableMappings mappings) {
            this.tableMappings = mappings;
            this.mappingsError = null;
            return this;
        }

        /**
         * Table mappings as JSON; problems in it are reported by {@link #build()} with the others.
         *
         * @param json a table-mapping document; null unsets
         * @return this builder
         */
        public Builder tableMappings(String json) {
            if (json == null) {
                return tableMappings((TableMappings) null);
            }
            try {
                this.tableMappings = Mappings.parse(json);
                this.mappingsError = null;
            } catch (RuntimeException e) {
                this.tableMappings = null;
                this.invalidMappingsJson = json;
                this.mappingsError = e;
            }
            return this;
        }

        /**
         * Sets {@code settings}: replication settings (the task settings document).
         *
         * @param settings replication settings (the task settings document)
         * @return this builder
         */
        public Builder settings(TaskSettings settings) {
            this.settings = settings == null ? null : settings.toBuilder();
            return this;
        }

        /**
         * Sets {@code settings}: edits the replication settings (null is reported by {@link #build()}).
         *
         * @param spec edits the replication settings (null is reported by {@link #build()})
         * @return this builder
         */
        public Builder settings(Consumer<TaskSettings.Builder> spec) {
            if (settings == null) {
                settings = TaskSettings.builder();
            }
            if (spec == null) {
                nullSpecs.add("ReplicationSettings");
            } else {
                spec.accept(settings);
            }
            return this;
        }

        /**
         * Sets {@code supplementalSettings}: supplemental settings, a JSON object (null unsets).
         *
         * @param json supplemental settings, a JSON object (null unsets)
         * @return this builder
         */
        public Builder supplementalSettings(String json) {
            this.supplementalSettings = json;
            return this;
        }

        /**
         * Sets {@code resourceIdentifier}: the name at the end of the config's ARN: up to 31 ASCII letters, digits and
         * hyphens, starting with a letter, not ending with a hyphen nor holding two in a row (null: DMS generates one).
         * DMS cannot change it later: a changed one means a new config.
         *
         * @param id the name at the end of the config's ARN: up to 31 ASCII letters, digits and hyphens, starting
         *     with a letter, not ending with a hyphen nor holding two in a row (null: DMS generates one). DMS cannot
         *     change it later: a changed one means a new config.
         * @return this builder
         */
        public Builder resourceIdentifier(String id) {
            this.resourceIdentifier = id;
            return this;
        }

        /**
         * Adds a tag, or replaces the value of a tag with that key; problems are reported by {@link #build()}.
         *
         * @param key tag key
         * @param value tag value
         * @return this builder
         */
        public Builder tag(String key, String value) {
            tags.put(key, value);
            return this;
        }

        /**
         * Replaces every tag with these (set semantics: tags not in the map are removed, also from AWS on apply).
         *
         * @param tags the tags; null removes every tag
         * @return this builder
         */
        public Builder tags(Map<String, String> tags) {
            this.tags.clear();
            if (tags != null) {
                this.tags.putAll(tags);
            }
            return this;
        }

        /**
         * Sets {@code removeTag}: the key of a tag to remove.
         *
         * @param key the key of a tag to remove
         * @return this builder
         */
        public Builder removeTag(String key) {
            tags.remove(key);
            return this;
        }

        /**
         * {@return the identifier this builder was started with (for the pipeline's reference checks)}
         */
        String identifier() {
            return identifier;
        }

        /**
         * {@return the replication config}
         *
         * @throws InvalidDefinitionException listing every problem, each naming DMS's field
         */
        public ReplicationConfig build() {
            List<DefinitionProblem> problems = new ArrayList<>();
            Identifiers.check(problems, "ReplicationConfigIdentifier", identifier, 255);
            if (sourceEndpoint == null) {
                problems.add(DefinitionProblem.of("SourceEndpointArn", "is required: source(endpoint)"));
            }
            if (targetEndpoint == null) {
                problems.add(DefinitionProblem.of("TargetEndpointArn", "is required: target(endpoint)"));
            }
            if (sourceEndpoint != null && sourceEndpoint.equals(targetEndpoint)) {
                problems.add(DefinitionProblem.of("TargetEndpointArn", "source and target are the same endpoint"));
            }
            if (replicationType == null) {
                problems.add(DefinitionProblem.of("ReplicationType", "is required: full-load, cdc or "
                    + "full-load-and-cdc"));
            }
            ComputeConfig builtCompute = null;
            if (compute == null) {
                problems.add(DefinitionProblem.of("ComputeConfig", "is required: compute(c -> c.maxCapacityUnits(dcu))"));
            } else {
                try {
                    builtCompute = compute.build();
                } catch (InvalidDefinitionException e) {
                    problems.addAll(e.problems());
                }
            }
            if (mappingsError != null) {
                problems.addAll(Mappings.problemsOf(mappingsError, invalidMappingsJson));
            } else if (tableMappings == null) {
                problems.add(DefinitionProblem.of("TableMappings", "is required: tableMappings(TableMappings)"));
            } else {
                problems.addAll(Mappings.errors(tableMappings));
            }
            TaskSettings builtSettings = null;
            if (settings != null) {
                try {
                    builtSettings = settings.build();
                } catch (InvalidDefinitionException e) {
                    problems.addAll(e.problems().stream().map(p -> new DefinitionProblem(p.resource(),
                        p.field().replace("ReplicationTaskSettings", "ReplicationSettings"), p.message())).toList());
                }
            }
            if (builtSettings != null) {
                checkSettings(problems, builtSettings);
            }
            if (supplementalSettings != null) {
                try {
                    JsonSemantics.parseObject(supplementalSettings);
                } catch (IllegalArgumentException e) {
                    problems.add(DefinitionProblem.of("SupplementalSettings", "must be a JSON object: "
                        + e.getMessage()));
                }
            }
            if (resourceIdentifier != null && (resourceIdentifier.length() > RESOURCE_ID_MAX
                || !RESOURCE_ID.matcher(resourceIdentifier).matches() || resourceIdentifier.endsWith("-"))) {
                problems.add(DefinitionProblem.of("ResourceIdentifier", Validate.show(resourceIdentifier) + " must be "
                    + "1.." + RESOURCE_ID_MAX + " ASCII letters, digits and hyphens, start with a letter, and neither "
                    + "end with a hyphen nor hold two in a row"));
            }
            for (String spec : nullSpecs) {
                problems.add(DefinitionProblem.of(spec, "the spec (Consumer) is null"));
            }
            Validate.tags(problems, tags, Validate.PIPELINE_TAG);
            if (!problems.isEmpty()) {
                String name = "replication config " + Validate.show(identifier);
                throw new InvalidDefinitionException(problems.stream().map(p -> p.in(name)).toList());
            }
            return new ReplicationConfig(this, builtCompute, builtSettings);
        }

        private void checkSettings(List<DefinitionProblem> problems, TaskSettings s) {
            s.logging().ifPresent(l -> {
                if (l.cloudWatchLogGroup().isPresent() || l.cloudWatchLogStream().isPresent()) {
                    problems.add(DefinitionProblem.of("ReplicationSettings.Logging.CloudWatchLogGroup",
                        "CloudWatchLogGroup and CloudWatchLogStream are set by DMS and cannot be set; remove them"));
                }
            });
            s.beforeImageSettings().ifPresent(b -> {
                if (Boolean.TRUE.equals(b.enableBeforeImage().orElse(false))
                    && replicationType == MigrationType.FULL_LOAD) {
                    problems.add(DefinitionProblem.of("ReplicationSettings.BeforeImageSettings",
                        "before-images need a replication with CDC"));
                }
            });
        }
    }
}
