package io.dmskit.core;

import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.core.internal.Identifiers;
import io.dmskit.core.internal.Validate;
import io.dmskit.core.internal.Mappings;
import io.dmskit.core.settings.TargetTablePrepMode;
import io.dmskit.core.task.MigrationType;
import io.dmskit.mappings.TableMappings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A DMS replication task: source and target endpoint, replication instance (by identifier, resolved within a
 * {@link Pipeline}), migration type, table mappings (a dms-mappings {@link TableMappings}) and typed
 * {@link TaskSettings}.
 *
 * <pre>{@code
 * ReplicationTask task = ReplicationTask.builder("market-intelligence-hub-replication")
 *     .source("ecommerce-mysql-source").target("market-intelligence-hub-target").replicationInstance("ecommerce-dms")
 *     .migrationType(MigrationType.FULL_LOAD_AND_CDC)
 *     .tableMappings(mappings)
 *     .settings(s -> s.logging(l -> l.enableLogging(true)))
 *     .build();
 * }</pre>
 */
public final class ReplicationTask {

    private final String identifier;
    private final String sourceEndpoint;
    private final String targetEndpoint;
    private final String replicationInstance;
    private final MigrationType migrationType;
    private final TableMappings tableMappings;
    private final TaskSettings settings;
    private final Instant cdcStartTime;
    private final String cdcStartPosition;
    private final String cdcStopPosition;
    private final Map<String, String> tags;

    private ReplicationTask(Builder b, TaskSettings settings) {
        this.identifier = b.identifier;
        this.sourceEndpoint = b.sourceEndpoint;
        this.targetEndpoint = b.targetEndpoint;
        this.replicationInstance = b.replicationInstance;
        this.migrationType = b.migrationType;
        this.tableMappings = b.tableMappings;
        this.settings = settings;
        this.cdcStartTime = b.cdcStartTime;
        this.cdcStartPosition = b.cdcStartPosition;
        this.cdcStopPosition = b.cdcStopPosition;
        this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(b.tags));
    }

    /**
     * {@return a builder}
     *
     * @param identifier task identifier
     */
    public static Builder builder(String identifier) {
        return new Builder(identifier);
    }

    /**
     * {@return the task}
     *
     * @param identifier task identifier
     * @param spec fills in the builder
     * @throws InvalidDefinitionException listing every problem (also when spec is null)
     */
    public static ReplicationTask of(String identifier, Consumer<Builder> spec) {
        Validate.requireSpec(spec, "ReplicationTask");
        Builder b = builder(identifier);
        spec.accept(b);
        return b.build();
    }

    /** {@return a builder with this task's fields} */
    public Builder toBuilder() {
        Builder b = new Builder(identifier);
        b.sourceEndpoint = sourceEndpoint;
        b.targetEndpoint = targetEndpoint;
        b.replicationInstance = replicationInstance;
        b.migrationType = migrationType;
        b.tableMappings = tableMappings;
        b.settings = settings == null ? null : settings.toBuilder();
        b.cdcStartTime = cdcStartTime;
        b.cdcStartPosition = cdcStartPosition;
        b.cdcStopPosition = cdcStopPosition;
        b.tags.putAll(tags);
        return b;
    }

    /** {@return the task identifier} */
    public String identifier() {
        return identifier;
    }

    /** {@return the source endpoint identifier} */
    public String sourceEndpoint() {
        return sourceEndpoint;
    }

    /** {@return the target endpoint identifier} */
    public String targetEndpoint() {
        return targetEndpoint;
    }

    /** {@return the replication instance identifier} */
    public String replicationInstance() {
        return replicationInstance;
    }

    /** {@return the migration type} */
    public MigrationType migrationType() {
        return migrationType;
    }

    /** {@return the table mappings} */
    public TableMappings tableMappings() {
        return tableMappings;
    }

    /** {@return the task settings (empty: DMS defaults)} */
    public TaskSettings settings() {
        return settings == null ? TaskSettings.empty() : settings;
    }

    /** {@return where CDC starts (a time)} */
    public Optional<Instant> cdcStartTime() {
        return Optional.ofNullable(cdcStartTime);
    }

    /** {@return where CDC starts (a native position or checkpoint)} */
    public Optional<String> cdcStartPosition() {
        return Optional.ofNullable(cdcStartPosition);
    }

    /** {@return where CDC stops ({@code server_time:...} or {@code commit_time:...})} */
    public Optional<String> cdcStopPosition() {
        return Optional.ofNullable(cdcStopPosition);
    }

    /** {@return tags applied on creation} */
    public Map<String, String> tags() {
        return tags;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReplicationTask t && identifier.equals(t.identifier)
            && Objects.equals(sourceEndpoint, t.sourceEndpoint) && Objects.equals(targetEndpoint, t.targetEndpoint)
            && Objects.equals(replicationInstance, t.replicationInstance) && migrationType == t.migrationType
            && Objects.equals(tableMappings, t.tableMappings) && Objects.equals(settings, t.settings)
            && Objects.equals(cdcStartTime, t.cdcStartTime) && Objects.equals(cdcStartPosition, t.cdcStartPosition)
            && Objects.equals(cdcStopPosition, t.cdcStopPosition) && tags.equals(t.tags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(identifier, sourceEndpoint, targetEndpoint, replicationInstance, migrationType);
    }

    @Override
    public String toString() {
        return "ReplicationTask{" + identifier + ", " + migrationType + ", source=" + sourceEndpoint + ", target="
            + targetEndpoint + ", instance=" + replicationInstance
            + ", rules=" + Mappings.ruleCount(tableMappings)
            + (settings == null || settings.isEmpty() ? "" : ", settings=" + settings.toJson())
            + (cdcStartTime == null ? "" : ", cdcStartTime=" + cdcStartTime)
            + (cdcStartPosition == null ? "" : ", cdcStartPosition=" + cdcStartPosition)
            + (cdcStopPosition == null ? "" : ", cdcStopPosition=" + cdcStopPosition)
            + (tags.isEmpty() ? "" : ", tags=" + tags) + "}";
    }

    /** Fluent builder for {@link ReplicationTask}. */
    public static final class Builder {
        private final String identifier;
        private String sourceEndpoint;
        private String targetEndpoint;
        private String replicationInstance;
        private MigrationType migrationType;
        private TableMappings tableMappings;
        private String invalidMappingsJson;
        private RuntimeException mappingsError;
        private TaskSettings.Builder settings;
        private Instant cdcStartTime;
        private String cdcStartPosition;
        private String cdcStopPosition;
        private final Map<String, String> tags = new LinkedHashMap<>();
        private boolean nullSpec;

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
         * Sets {@code replicationInstance}: the replication instance's identifier.
         *
         * @param instanceIdentifier the replication instance's identifier
         * @return this builder
         */
        public Builder replicationInstance(String instanceIdentifier) {
            this.replicationInstance = instanceIdentifier;
            return this;
        }

        /**
         * Sets {@code replicationInstance}: the replication instance; null unsets.
         *
         * @param instance the replication instance; null unsets
         * @return this builder
         */
        public Builder replicationInstance(ReplicationInstance instance) {
            return replicationInstance(instance == null ? null : instance.identifier());
        }

        /**
         * Sets {@code migrationType}: full-load, cdc or full-load-and-cdc.
         *
         * @param type full-load, cdc or full-load-and-cdc
         * @return this builder
         */
        public Builder migrationType(MigrationType type) {
            this.migrationType = type;
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
         * Sets {@code settings}: task settings.
         *
         * @param settings task settings
         * @return this builder
         */
        public Builder settings(TaskSettings settings) {
            this.settings = settings == null ? null : settings.toBuilder();
            return this;
        }

        /**
         * Sets {@code settings}: edits the task settings (null is reported by {@link #build()}).
         *
         * @param spec edits the task settings (null is reported by {@link #build()})
         * @return this builder
         */
        public Builder settings(Consumer<TaskSettings.Builder> spec) {
            if (settings == null) {
                settings = TaskSettings.builder();
            }
            if (spec == null) {
                nullSpec = true;
            } else {
                spec.accept(settings);
            }
            return this;
        }

        /**
         * Sets {@code cdcStartTime}: where CDC starts.
         *
         * @param time where CDC starts
         * @return this builder
         */
        public Builder cdcStartTime(Instant time) {
            this.cdcStartTime = time;
            return this;
        }

        /**
         * Sets {@code cdcStartPosition}: native CDC start position or checkpoint.
         *
         * @param position native CDC start position or checkpoint
         * @return this builder
         */
        public Builder cdcStartPosition(String position) {
            this.cdcStartPosition = position;
            return this;
        }

        /**
         * Sets {@code cdcStopPosition}: {@code server_time:2026-01-01T00:00:00} or {@code commit_time:...}.
         *
         * @param position {@code server_time:2026-01-01T00:00:00} or {@code commit_time:...}
         * @return this builder
         */
        public Builder cdcStopPosition(String position) {
            this.cdcStopPosition = position;
            return this;
        }

        /**
         * Adds a tag, or replaces the value of a tag with that key. Null keys or values, and keys and values AWS
         * refuses, are reported by {@link #build()}.
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
         * Sets {@code removeTag}: the key of a tag to remove (nothing happens when there is none).
         *
         * @param key the key of a tag to remove (nothing happens when there is none)
         * @return this builder
         */
        public Builder removeTag(String key) {
            tags.remove(key);
            return this;
        }

        /** {@return this builder, without tags} */
        public Builder clearTags() {
            tags.clear();
            return this;
        }

        /** {@return the identifier this builder was started with (for the pipeline's reference checks)} */
        String identifier() {
            return identifier;
        }

        /**
         * {@return the task}
         *
         * @throws InvalidDefinitionException listing every problem
         */
        public ReplicationTask build() {
            List<DefinitionProblem> problems = new ArrayList<>();
            Identifiers.check(problems, "ReplicationTaskIdentifier", identifier, 255);
            if (sourceEndpoint == null) {
                problems.add(DefinitionProblem.of("SourceEndpoint", "is required: source(endpoint)"));
            }
            if (targetEndpoint == null) {
                problems.add(DefinitionProblem.of("TargetEndpoint", "is required: target(endpoint)"));
            }
            if (sourceEndpoint != null && sourceEndpoint.equals(targetEndpoint)) {
                problems.add(DefinitionProblem.of("TargetEndpoint", "source and target are the same endpoint"));
            }
            if (replicationInstance == null) {
                problems.add(DefinitionProblem.of("ReplicationInstance", "is required: replicationInstance(id)"));
            }
            if (migrationType == null) {
                problems.add(DefinitionProblem.of("MigrationType", "is required: full-load, cdc or full-load-and-cdc"));
            }
            if (mappingsError != null) {
                problems.addAll(Mappings.problemsOf(mappingsError, invalidMappingsJson));
            } else if (tableMappings == null) {
                problems.add(DefinitionProblem.of("TableMappings", "is required: tableMappings(TableMappings)"));
            } else {
                problems.addAll(Mappings.errors(tableMappings));
            }
            TaskSettings built = null;
            if (settings != null) {
                try {
                    built = settings.build();
                } catch (InvalidDefinitionException e) {
                    problems.addAll(e.problems());
                }
            }
            if (built != null) {
                checkSettings(problems, built);
            }
            if (migrationType == MigrationType.FULL_LOAD) {
                if (cdcStartTime != null || cdcStartPosition != null || cdcStopPosition != null) {
                    problems.add(DefinitionProblem.of("CdcStartPosition", "CDC start/stop positions do not apply to a "
                        + "full-load task; use cdc or full-load-and-cdc"));
                }
            }
            if (cdcStartTime != null && cdcStartPosition != null) {
                problems.add(DefinitionProblem.of("CdcStartTime", "set either CdcStartTime or CdcStartPosition, not both"));
            }
            if (cdcStopPosition != null && (Validate.hasControl(cdcStopPosition) || cdcStopPosition.length() > 256
                || !cdcStopPosition.matches("(?i)(server_time|commit_time):.+"))) {
                problems.add(DefinitionProblem.of("CdcStopPosition", "must be server_time:<time> or commit_time:<time>, was "
                    + Validate.show(cdcStopPosition)));
            }
            if (cdcStartPosition != null && (cdcStartPosition.isBlank() || Validate.hasControl(cdcStartPosition))) {
                problems.add(DefinitionProblem.of("CdcStartPosition", "must be a native start position or checkpoint, was "
                    + Validate.show(cdcStartPosition)));
            }
            if (nullSpec) {
                problems.add(DefinitionProblem.of("ReplicationTaskSettings", "the settings spec (Consumer) is null"));
            }
            Validate.tags(problems, tags, Validate.PIPELINE_TAG);
            if (!problems.isEmpty()) {
                String name = "replication task " + Validate.show(identifier);
                throw new InvalidDefinitionException(problems.stream().map(p -> p.in(name)).toList());
            }
            return new ReplicationTask(this, built);
        }

        private void checkSettings(List<DefinitionProblem> problems, TaskSettings s) {
            s.logging().ifPresent(l -> {
                if (l.cloudWatchLogGroup().isPresent() || l.cloudWatchLogStream().isPresent()) {
                    problems.add(DefinitionProblem.of("ReplicationTaskSettings.Logging.CloudWatchLogGroup",
                        "CloudWatchLogGroup and CloudWatchLogStream are set by DMS and cannot be set on create; "
                            + "remove them"));
                }
            });
            s.beforeImageSettings().ifPresent(b -> {
                if (Boolean.TRUE.equals(b.enableBeforeImage().orElse(false)) && migrationType == MigrationType.FULL_LOAD) {
                    problems.add(DefinitionProblem.of("ReplicationTaskSettings.BeforeImageSettings",
                        "before-images need a task with CDC"));
                }
            });
            s.validationSettings().ifPresent(v -> {
                if (Boolean.TRUE.equals(v.validationOnly().orElse(false))) {
                    if (migrationType == MigrationType.FULL_LOAD_AND_CDC) {
                        problems.add(DefinitionProblem.of("ReplicationTaskSettings.ValidationSettings.ValidationOnly",
                            "a validation-only task must be full-load or cdc"));
                    }
                    s.fullLoadSettings().flatMap(f -> f.targetTablePrepMode()).ifPresent(mode -> {
                        if (mode != TargetTablePrepMode.DO_NOTHING) {
                            problems.add(DefinitionProblem.of("ReplicationTaskSettings.FullLoadSettings.TargetTablePrepMode",
                                "a validation-only task needs TargetTablePrepMode DO_NOTHING"));
                        }
                    });
                }
            });
        }
    }
}
