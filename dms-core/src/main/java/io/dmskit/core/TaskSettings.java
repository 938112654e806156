package io.dmskit.core;

import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.core.internal.Validate;
import io.dmskit.core.internal.json.JsonSemantics;
import io.dmskit.core.provision.FieldDiff;
import io.dmskit.core.settings.BeforeImageSettings;
import io.dmskit.core.settings.ChangeProcessingDdlHandlingPolicy;
import io.dmskit.core.settings.ChangeProcessingTuning;
import io.dmskit.core.settings.ControlTablesSettings;
import io.dmskit.core.settings.ErrorBehavior;
import io.dmskit.core.settings.FullLoadSettings;
import io.dmskit.core.settings.Logging;
import io.dmskit.core.settings.TargetMetadata;
import io.dmskit.core.settings.ValidationSettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Replication task settings ({@code ReplicationTaskSettings}) with typed sections; sections dmskit does not model
 * ({@code StreamBufferSettings}, {@code CharacterSetSettings}, {@code LoopbackPreventionSettings}, {@code TTSettings},
 * ...) pass through unchanged. Only what is set is sent: DMS fills in its defaults, and
 * {@link #differencesFrom(String)} ignores those defaults, the read-only members DMS adds on echo and the order of
 * {@code LogComponents}, so an unchanged task never shows a perpetual diff.
 *
 * <pre>{@code
 * TaskSettings settings = TaskSettings.builder()
 *     .fullLoadSettings(f -> f.targetTablePrepMode(TargetTablePrepMode.DO_NOTHING).maxFullLoadSubTasks(16))
 *     .logging(l -> l.enableLogging(true).logComponent(LogComponent.SOURCE_CAPTURE, LogSeverity.DEFAULT))
 *     .validationSettings(v -> v.enableValidation(true))
 *     .build();
 * String json = settings.toJson();
 * }</pre>
 */
public final class TaskSettings {

    private static final List<String> SECTIONS = List.of("TargetMetadata", "FullLoadSettings", "Logging",
        "ControlTablesSettings", "ChangeProcessingTuning", "ChangeProcessingDdlHandlingPolicy", "ErrorBehavior",
        "ValidationSettings", "BeforeImageSettings");

    private final TargetMetadata targetMetadata;
    private final FullLoadSettings fullLoadSettings;
    private final Logging logging;
    private final ControlTablesSettings controlTablesSettings;
    private final ChangeProcessingTuning changeProcessingTuning;
    private final ChangeProcessingDdlHandlingPolicy changeProcessingDdlHandlingPolicy;
    private final ErrorBehavior errorBehavior;
    private final ValidationSettings validationSettings;
    private final BeforeImageSettings beforeImageSettings;
    private final Map<String, Object> otherSections;

    private TaskSettings(Builder b, Sections s) {
        this.targetMetadata = s.targetMetadata;
        this.fullLoadSettings = s.fullLoadSettings;
        this.logging = s.logging;
        this.controlTablesSettings = s.controlTablesSettings;
        this.changeProcessingTuning = s.changeProcessingTuning;
        this.changeProcessingDdlHandlingPolicy = s.changeProcessingDdlHandlingPolicy;
        this.errorBehavior = s.errorBehavior;
        this.validationSettings = s.validationSettings;
        this.beforeImageSettings = s.beforeImageSettings;
        this.otherSections = Collections.unmodifiableMap(new LinkedHashMap<>(b.otherSections));
    }

    /** {@return an empty builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return settings with nothing set (DMS uses its defaults)} */
    public static TaskSettings empty() {
        return builder().build();
    }

    /**
     * Reads task-settings JSON (as written by a person, exported from the console, or echoed by DMS). Unknown
     * sections and members are kept.
     *
     * A member whose value has the wrong type (a string where DMS wants a number, ...) is kept as read in the
     * section's {@code otherFields()} and written back unchanged. Reading is linear in the text, in time and memory:
     * one streaming pass builds the values (arrays as exactly sized immutable lists, objects as maps in the order
     * read), numbers are not expanded, and nesting deeper than 200 levels, numbers longer than 1000 digits, a member
     * given twice and text after the object are rejected. {@link #sameMeaning(String, String)} and
     * {@link #differencesFrom(String)} compare without copying either document.
     *
     * @param json the JSON object
     * @return the settings
     * @throws InvalidDefinitionException when the text is null or not one JSON object
     */
    @SuppressWarnings("unchecked")
    public static TaskSettings fromJson(String json) {
        Map<String, Object> m = parse(json, "ReplicationTaskSettings");
        Builder b = new Builder();
        Sections s = new Sections();
        m.forEach((k, v) -> {
            Map<String, ?> sec = v instanceof Map<?, ?> mm ? (Map<String, ?>) mm : null;
            if (sec == null && SECTIONS.contains(k)) {
                b.otherSections.put(k, v);
                return;
            }
            switch (k) {
                case "TargetMetadata" -> s.targetMetadata = TargetMetadata.fromMap(sec);
                case "FullLoadSettings" -> s.fullLoadSettings = FullLoadSettings.fromMap(sec);
                case "Logging" -> s.logging = Logging.fromMap(sec);
                case "ControlTablesSettings" -> s.controlTablesSettings = ControlTablesSettings.fromMap(sec);
                case "ChangeProcessingTuning" -> s.changeProcessingTuning = ChangeProcessingTuning.fromMap(sec);
                case "ChangeProcessingDdlHandlingPolicy" ->
                    s.changeProcessingDdlHandlingPolicy = ChangeProcessingDdlHandlingPolicy.fromMap(sec);
                case "ErrorBehavior" -> s.errorBehavior = ErrorBehavior.fromMap(sec);
                case "ValidationSettings" -> s.validationSettings = ValidationSettings.fromMap(sec);
                case "BeforeImageSettings" -> s.beforeImageSettings = BeforeImageSettings.fromMap(sec);
                default -> b.otherSections.put(k, v);
            }
        });
        return new TaskSettings(b, s);
    }

    private static Map<String, Object> parse(String json, String field) {
        try {
            return JsonSemantics.parseObject(json);
        } catch (IllegalArgumentException e) {
            throw new InvalidDefinitionException(List.of(DefinitionProblem.of(field, e.getMessage())));
        }
    }

    /** {@return a builder with these settings} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.targetMetadata = targetMetadata == null ? null : targetMetadata.toBuilder();
        b.fullLoadSettings = fullLoadSettings == null ? null : fullLoadSettings.toBuilder();
        b.logging = logging == null ? null : logging.toBuilder();
        b.controlTablesSettings = controlTablesSettings == null ? null : controlTablesSettings.toBuilder();
        b.changeProcessingTuning = changeProcessingTuning == null ? null : changeProcessingTuning.toBuilder();
        b.changeProcessingDdlHandlingPolicy = changeProcessingDdlHandlingPolicy == null ? null
            : changeProcessingDdlHandlingPolicy.toBuilder();
        b.errorBehavior = errorBehavior == null ? null : errorBehavior.toBuilder();
        b.validationSettings = validationSettings == null ? null : validationSettings.toBuilder();
        b.beforeImageSettings = beforeImageSettings == null ? null : beforeImageSettings.toBuilder();
        b.otherSections.putAll(otherSections);
        return b;
    }

    /** {@return {@code TargetMetadata}} */
    public Optional<TargetMetadata> targetMetadata() {
        return Optional.ofNullable(targetMetadata);
    }

    /** {@return {@code FullLoadSettings}} */
    public Optional<FullLoadSettings> fullLoadSettings() {
        return Optional.ofNullable(fullLoadSettings);
    }

    /** {@return {@code Logging}} */
    public Optional<Logging> logging() {
        return Optional.ofNullable(logging);
    }

    /** {@return {@code ControlTablesSettings}} */
    public Optional<ControlTablesSettings> controlTablesSettings() {
        return Optional.ofNullable(controlTablesSettings);
    }

    /** {@return {@code ChangeProcessingTuning}} */
    public Optional<ChangeProcessingTuning> changeProcessingTuning() {
        return Optional.ofNullable(changeProcessingTuning);
    }

    /** {@return {@code ChangeProcessingDdlHandlingPolicy}} */
    public Optional<ChangeProcessingDdlHandlingPolicy> changeProcessingDdlHandlingPolicy() {
        return Optional.ofNullable(changeProcessingDdlHandlingPolicy);
    }

    /** {@return {@code ErrorBehavior}} */
    public Optional<ErrorBehavior> errorBehavior() {
        return Optional.ofNullable(errorBehavior);
    }

    /** {@return {@code ValidationSettings}} */
    public Optional<ValidationSettings> validationSettings() {
        return Optional.ofNullable(validationSettings);
    }

    /** {@return {@code BeforeImageSettings}} */
    public Optional<BeforeImageSettings> beforeImageSettings() {
        return Optional.ofNullable(beforeImageSettings);
    }

    /** {@return sections dmskit does not model, as read (maps, lists, scalars; lists read from JSON are immutable)} */
    public Map<String, Object> otherSections() {
        return otherSections;
    }

    /** {@return whether nothing is set} */
    public boolean isEmpty() {
        return toMap().isEmpty();
    }

    /** {@return every problem with these settings} */
    public List<DefinitionProblem> problems() {
        List<DefinitionProblem> p = new ArrayList<>();
        if (targetMetadata != null) {
            p.addAll(targetMetadata.problems());
        }
        if (fullLoadSettings != null) {
            p.addAll(fullLoadSettings.problems());
        }
        if (logging != null) {
            p.addAll(logging.problems());
        }
        if (controlTablesSettings != null) {
            p.addAll(controlTablesSettings.problems());
        }
        if (changeProcessingTuning != null) {
            p.addAll(changeProcessingTuning.problems());
        }
        if (changeProcessingDdlHandlingPolicy != null) {
            p.addAll(changeProcessingDdlHandlingPolicy.problems());
        }
        if (errorBehavior != null) {
            p.addAll(errorBehavior.problems());
        }
        if (validationSettings != null) {
            p.addAll(validationSettings.problems());
        }
        if (beforeImageSettings != null) {
            p.addAll(beforeImageSettings.problems());
        }
        return p;
    }

    /** {@return the settings as JSON members (sections in DMS's order, then other sections)} */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "TargetMetadata", targetMetadata == null ? null : targetMetadata.toMap());
        put(m, "FullLoadSettings", fullLoadSettings == null ? null : fullLoadSettings.toMap());
        put(m, "Logging", logging == null ? null : logging.toMap());
        put(m, "ControlTablesSettings", controlTablesSettings == null ? null : controlTablesSettings.toMap());
        put(m, "ChangeProcessingTuning", changeProcessingTuning == null ? null : changeProcessingTuning.toMap());
        put(m, "ChangeProcessingDdlHandlingPolicy", changeProcessingDdlHandlingPolicy == null ? null
            : changeProcessingDdlHandlingPolicy.toMap());
        put(m, "ErrorBehavior", errorBehavior == null ? null : errorBehavior.toMap());
        put(m, "ValidationSettings", validationSettings == null ? null : validationSettings.toMap());
        put(m, "BeforeImageSettings", beforeImageSettings == null ? null : beforeImageSettings.toMap());
        otherSections.forEach(m::putIfAbsent);
        return m;
    }

    private static void put(Map<String, Object> m, String k, Map<String, Object> v) {
        if (v != null) {
            m.put(k, v);
        }
    }

    /** {@return compact JSON as DMS expects in {@code ReplicationTaskSettings}} */
    public String toJson() {
        return JsonSemantics.write(toMap());
    }

    /** {@return indented JSON for people} */
    public String toPrettyJson() {
        return JsonSemantics.writePretty(toMap());
    }

    /**
     * Compares these (desired) settings with what DMS reports: only members set here are compared, read-only
     * members and LogComponents order are ignored, {@code 5} equals {@code "5"}.
     *
     * @param actualJson the task's {@code ReplicationTaskSettings} as DMS reports it (null: nothing reported)
     * @return the members whose meaning differs, empty when DMS's settings satisfy these
     * @throws InvalidDefinitionException when actualJson is not a JSON object
     */
    public List<FieldDiff> differencesFrom(String actualJson) {
        Map<String, Object> actual = actualJson == null || actualJson.isBlank() ? Map.of()
            : parse(actualJson, "ReplicationTaskSettings (actual)");
        return JsonSemantics.differences("ReplicationTaskSettings.", toMap(), actual);
    }

    /**
     * {@return whether both documents mean the same (read-only members ignored, LogComponents compared as a map,
     * scalars by their text)}
     *
     * @param other other settings (null means nothing set)
     */
    public boolean sameMeaningAs(TaskSettings other) {
        return JsonSemantics.sameMeaning(toMap(), other == null ? Map.of() : other.toMap());
    }

    /**
     * {@return whether they mean the same}
     *
     * @param jsonA one task-settings document
     * @param jsonB another
     * @throws InvalidDefinitionException when either is null or not a JSON object
     */
    public static boolean sameMeaning(String jsonA, String jsonB) {
        return JsonSemantics.sameMeaning(parse(jsonA, "ReplicationTaskSettings (a)"),
            parse(jsonB, "ReplicationTaskSettings (b)"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskSettings t && toMap().equals(t.toMap());
    }

    @Override
    public int hashCode() {
        return toMap().hashCode();
    }

    @Override
    public String toString() {
        return "TaskSettings" + toJson();
    }

    private static final class Sections {
        TargetMetadata targetMetadata;
        FullLoadSettings fullLoadSettings;
        Logging logging;
        ControlTablesSettings controlTablesSettings;
        ChangeProcessingTuning changeProcessingTuning;
        ChangeProcessingDdlHandlingPolicy changeProcessingDdlHandlingPolicy;
        ErrorBehavior errorBehavior;
        ValidationSettings validationSettings;
        BeforeImageSettings beforeImageSettings;
    }

    /** Fluent builder for {@link TaskSettings}; each section has a value and a consumer-builder overload. */
    public static final class Builder {
        private TargetMetadata.Builder targetMetadata;
        private FullLoadSettings.Builder fullLoadSettings;
        private Logging.Builder logging;
        private ControlTablesSettings.Builder controlTablesSettings;
        private ChangeProcessingTuning.Builder changeProcessingTuning;
        private ChangeProcessingDdlHandlingPolicy.Builder changeProcessingDdlHandlingPolicy;
        private ErrorBehavior.Builder errorBehavior;
        private ValidationSettings.Builder validationSettings;
        private BeforeImageSettings.Builder beforeImageSettings;
        private final Map<String, Object> otherSections = new LinkedHashMap<>();
        private final Map<String, DefinitionProblem> rejected = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets {@code targetMetadata}: section.
         *
         * @param v section
         * @return this builder
         */
        public Builder targetMetadata(TargetMetadata v) {
            targetMetadata = v == null ? null : v.toBuilder();
            return this;
        }

        /**
         * Sets {@code targetMetadata}: edits the section.
         *
         * @param spec edits the section
         * @return this builder
         */
        public Builder targetMetadata(Consumer<TargetMetadata.Builder> spec) {
            targetMetadata = edit(targetMetadata, TargetMetadata::builder, spec, "TargetMetadata");
            return this;
        }

        /**
         * Sets {@code fullLoadSettings}: section.
         *
         * @param v section
         * @return this builder
         */
        public Builder fullLoadSettings(FullLoadSettings v) {
            fullLoadSettings = v == null ? null : v.toBuilder();
            return this;
        }

        /**
         * Sets {@code fullLoadSettings}: edits the section.
         *
         * @param spec edits the section
         * @return this builder
         */
        public Builder fullLoadSettings(Consumer<FullLoadSettings.Builder> spec) {
            fullLoadSettings = edit(fullLoadSettings, FullLoadSettings::builder, spec, "FullLoadSettings");
            return this;
        }

        /**
         * Sets {@code logging}: section.
         *
         * @param v section
         * @return this builder
         */
        public Builder logging(Logging v) {
            logging = v == null ? null : v.toBuilder();
            return this;
        }

        /**
         * Sets {@code logging}: edits the section.
         *
         * @param spec edits the section
         * @return this builder
         */
        public Builder logging(Consumer<Logging.Builder> spec) {
            logging = edit(logging, Logging::builder, spec, "Logging");
            return this;
        }

        /**
         * Sets {@code controlTablesSettings}: section.
         *
         * @param v section
         * @return this builder
         */
        public Builder controlTablesSettings(ControlTablesSettings v) {
            controlTablesSettings = v == null ? null : v.toBuilder();
            return this;
        }

        /**
         * Sets {@code controlTablesSettings}: edits the section.
         *
         * @param spec edits the section
         * @return this builder
         */
        public Builder controlTablesSettings(Consumer<ControlTablesSettings.Builder> spec) {
            controlTablesSettings = edit(controlTablesSettings, ControlTablesSettings::builder, spec, "ControlTablesSettings");
            return this;
        }

        /**
         * Sets {@code changeProcessingTuning}: section.
         *
         * @param v section
         * @return this builder
         */
        public Builder changeProcessingTuning(ChangeProcessingTuning v) {
            changeProcessingTuning = v == null ? null : v.toBuilder();
            return this;
        }

        /**
         * Sets {@code changeProcessingTuning}: edits the section.
         *
         * @param spec edits the section
         * @return this builder
         */
        public Builder changeProcessingTuning(Consumer<ChangeProcessingTuning.Builder> spec) {
            changeProcessingTuning = edit(changeProcessingTuning, ChangeProcessingTuning::builder, spec, "ChangeProcessingTuning");
            return this;
        }

        /**
         * Sets {@code changeProcessingDdlHandlingPolicy}: section.
         *
         * @param v section
         * @return this builder
         */
        public Builder changeProcessingDdlHandlingPolicy(ChangeProcessingDdlHandlingPolicy v) {
            changeProcessingDdlHandlingPolicy = v == null ? null : v.toBuilder();
            return this;
        }

        /**
         * Sets {@code changeProcessingDdlHandlingPolicy}: edits the section.
         *
         * @param spec edits the section
         * @return this builder
         */
        public Builder changeProcessingDdlHandlingPolicy(Consumer<ChangeProcessingDdlHandlingPolicy.Builder> spec) {
            changeProcessingDdlHandlingPolicy = edit(changeProcessingDdlHandlingPolicy,
                ChangeProcessingDdlHandlingPolicy::builder, spec, "ChangeProcessingDdlHandlingPolicy");
            return this;
        }

        /**
         * Sets {@code errorBehavior}: section.
         *
         * @param v section
         * @return this builder
         */
        public Builder errorBehavior(ErrorBehavior v) {
            errorBehavior = v == null ? null : v.toBuilder();
            return this;
        }

        /**
         * Sets {@code errorBehavior}: edits the section.
         *
         * @param spec edits the section
         * @return this builder
         */
        public Builder errorBehavior(Consumer<ErrorBehavior.Builder> spec) {
            errorBehavior = edit(errorBehavior, ErrorBehavior::builder, spec, "ErrorBehavior");
            return this;
        }

        /**
         * Sets {@code validationSettings}: section.
         *
         * @param v section
         * @return this builder
         */
        public Builder validationSettings(ValidationSettings v) {
            validationSettings = v == null ? null : v.toBuilder();
            return this;
        }

        /**
         * Sets {@code validationSettings}: edits the section.
         *
         * @param spec edits the section
         * @return this builder
         */
        public Builder validationSettings(Consumer<ValidationSettings.Builder> spec) {
            validationSettings = edit(validationSettings, ValidationSettings::builder, spec, "ValidationSettings");
            return this;
        }

        /**
         * Sets {@code beforeImageSettings}: section.
         *
         * @param v section
         * @return this builder
         */
        public Builder beforeImageSettings(BeforeImageSettings v) {
            beforeImageSettings = v == null ? null : v.toBuilder();
            return this;
        }

        /**
         * Sets {@code beforeImageSettings}: edits the section.
         *
         * @param spec edits the section
         * @return this builder
         */
        public Builder beforeImageSettings(Consumer<BeforeImageSettings.Builder> spec) {
            beforeImageSettings = edit(beforeImageSettings, BeforeImageSettings::builder, spec, "BeforeImageSettings");
            return this;
        }

        /**
         * A section dmskit does not model (e.g. {@code StreamBufferSettings}), sent as given. A value that cannot be
         * written as JSON (an arbitrary object, NaN, a cycle, nesting deeper than 200) or a null name is reported by
         * {@link #build()}, naming the section.
         *
         * @param name the section name
         * @param value a JSON value: Map with String keys, List, String, Number, Boolean; null removes the section
         * @return this builder
         */
        public Builder otherSection(String name, Object value) {
            String field = "ReplicationTaskSettings." + name;
            rejected.remove(field);
            if (name == null) {
                rejected.put(field, DefinitionProblem.of("ReplicationTaskSettings", "otherSection: the section name is null"));
            } else if (value == null) {
                otherSections.remove(name);
            } else {
                String problem = Validate.jsonValueProblem(value);
                if (problem == null) {
                    otherSections.put(name, value);
                } else {
                    otherSections.remove(name);
                    rejected.put(field, DefinitionProblem.of(field, "section " + Validate.show(name)
                        + " cannot be written as JSON: " + problem));
                }
            }
            return this;
        }

        private <B> B edit(B current, java.util.function.Supplier<B> fresh, Consumer<B> spec, String section) {
            B b = current == null ? fresh.get() : current;
            rejected.remove(section + " spec");
            if (spec == null) {
                rejected.put(section + " spec", DefinitionProblem.of(section, "the spec (Consumer) is null"));
            } else {
                spec.accept(b);
            }
            return b;
        }

        /**
         * {@return the settings}
         *
         * @throws InvalidDefinitionException listing every problem in every section
         */
        public TaskSettings build() {
            List<DefinitionProblem> problems = new ArrayList<>(rejected.values());
            Sections s = new Sections();
            s.targetMetadata = section(problems, targetMetadata, TargetMetadata.Builder::build);
            s.fullLoadSettings = section(problems, fullLoadSettings, FullLoadSettings.Builder::build);
            s.logging = section(problems, logging, Logging.Builder::build);
            s.controlTablesSettings = section(problems, controlTablesSettings, ControlTablesSettings.Builder::build);
            s.changeProcessingTuning = section(problems, changeProcessingTuning, ChangeProcessingTuning.Builder::build);
            s.changeProcessingDdlHandlingPolicy = section(problems, changeProcessingDdlHandlingPolicy,
                ChangeProcessingDdlHandlingPolicy.Builder::build);
            s.errorBehavior = section(problems, errorBehavior, ErrorBehavior.Builder::build);
            s.validationSettings = section(problems, validationSettings, ValidationSettings.Builder::build);
            s.beforeImageSettings = section(problems, beforeImageSettings, BeforeImageSettings.Builder::build);
            Map<String, Object> typed = new TaskSettings(this, s).toMap();
            for (String name : otherSections.keySet()) {
                if (SECTIONS.contains(name) && typed.get(name) != otherSections.get(name)) {
                    problems.add(DefinitionProblem.of("ReplicationTaskSettings." + name, "set either the typed section "
                        + "or otherSection(\"" + name + "\", ...), not both (the typed section wins)"));
                }
            }
            if (!problems.isEmpty()) {
                throw new InvalidDefinitionException(problems);
            }
            return new TaskSettings(this, s);
        }

        private static <B, T> T section(List<DefinitionProblem> problems, B b, Function<B, T> build) {
            if (b == null) {
                return null;
            }
            try {
                return build.apply(b);
            } catch (InvalidDefinitionException e) {
                problems.addAll(e.problems());
                return null;
            }
        }
    }
}
