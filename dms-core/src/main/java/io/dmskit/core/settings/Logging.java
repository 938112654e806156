package io.dmskit.core.settings;

import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.core.internal.Validate;
import io.dmskit.core.internal.json.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Task settings section {@code Logging}. {@code CloudWatchLogGroup} and {@code CloudWatchLogStream} are read-only:
 * DMS fills them in and rejects them on create; they are kept when read from DMS but cannot be set here.
 *
 * <pre>{@code
 * Logging logging = Logging.builder().enableLogging(true)
 *     .logComponent(LogComponent.SOURCE_CAPTURE, LogSeverity.DEBUG).build();
 * }</pre>
 */
public final class Logging {

    private final Boolean enableLogging;
    private final Boolean enableLogContext;
    private final Boolean deleteTaskLogs;
    private final List<LogComponent> logComponents;
    private final String cloudWatchLogGroup;
    private final String cloudWatchLogStream;
    private final Map<String, Object> otherFields;

    private Logging(Builder b) {
        this.enableLogging = b.enableLogging;
        this.enableLogContext = b.enableLogContext;
        this.deleteTaskLogs = b.deleteTaskLogs;
        this.logComponents = b.logComponents == null ? null : List.copyOf(b.logComponents.values());
        this.cloudWatchLogGroup = b.cloudWatchLogGroup;
        this.cloudWatchLogStream = b.cloudWatchLogStream;
        this.otherFields = Collections.unmodifiableMap(new LinkedHashMap<>(b.otherFields));
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder with this section's fields} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.enableLogging = enableLogging;
        b.enableLogContext = enableLogContext;
        b.deleteTaskLogs = deleteTaskLogs;
        if (logComponents != null) {
            b.logComponents = new LinkedHashMap<>();
            logComponents.forEach(c -> b.logComponents.put(c.id(), c));
        }
        b.cloudWatchLogGroup = cloudWatchLogGroup;
        b.cloudWatchLogStream = cloudWatchLogStream;
        b.otherFields.putAll(otherFields);
        return b;
    }

    /** {@return {@code EnableLogging}} */
    public Optional<Boolean> enableLogging() {
        return Optional.ofNullable(enableLogging);
    }

    /** {@return {@code EnableLogContext}} */
    public Optional<Boolean> enableLogContext() {
        return Optional.ofNullable(enableLogContext);
    }

    /** {@return {@code DeleteTaskLogs}} */
    public Optional<Boolean> deleteTaskLogs() {
        return Optional.ofNullable(deleteTaskLogs);
    }

    /** {@return {@code LogComponents}, empty when unset} */
    public Optional<List<LogComponent>> logComponents() {
        return Optional.ofNullable(logComponents);
    }

    /** {@return the CloudWatch log group DMS reported (read-only)} */
    public Optional<String> cloudWatchLogGroup() {
        return Optional.ofNullable(cloudWatchLogGroup);
    }

    /** {@return the CloudWatch log stream DMS reported (read-only)} */
    public Optional<String> cloudWatchLogStream() {
        return Optional.ofNullable(cloudWatchLogStream);
    }

    /** {@return members dmskit does not model} */
    public Map<String, Object> otherFields() {
        return otherFields;
    }

    /** {@return every problem with this section} */
    public List<DefinitionProblem> problems() {
        List<DefinitionProblem> problems = new ArrayList<>();
        if (Boolean.TRUE.equals(enableLogContext) && !Boolean.TRUE.equals(enableLogging)) {
            problems.add(DefinitionProblem.of("Logging.EnableLogContext",
                "EnableLogContext is not allowed unless EnableLogging is true"));
        }
        return problems;
    }

    /** {@return the section as task-settings JSON members} */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (enableLogging != null) {
            m.put("EnableLogging", enableLogging);
        }
        if (enableLogContext != null) {
            m.put("EnableLogContext", enableLogContext);
        }
        if (deleteTaskLogs != null) {
            m.put("DeleteTaskLogs", deleteTaskLogs);
        }
        if (logComponents != null) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (LogComponent c : logComponents) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("Id", c.id());
                e.put("Severity", c.severity().wireValue());
                list.add(e);
            }
            m.put("LogComponents", list);
        }
        if (cloudWatchLogGroup != null) {
            m.put("CloudWatchLogGroup", cloudWatchLogGroup);
        }
        if (cloudWatchLogStream != null) {
            m.put("CloudWatchLogStream", cloudWatchLogStream);
        }
        otherFields.forEach(m::putIfAbsent);
        return m;
    }

    /**
     * {@return the section}
     *
     * @param map the members of a {@code Logging} JSON object, or null
     * @throws InvalidDefinitionException when the map holds something that is not JSON
     */
    public static Logging fromMap(Map<String, ?> map) {
        Builder b = new Builder();
        if (map == null) {
            return b.buildUnchecked();
        }
        String notJson = Validate.jsonValueProblem(map);
        if (notJson != null) {
            throw new InvalidDefinitionException(List.of(DefinitionProblem.of("Logging", "not JSON: " + notJson)));
        }
        map.forEach((k, v) -> {
            switch (k) {
                case "EnableLogging" -> b.enableLogging = keepIfNot(b, k, v, Values.asBoolean(v));
                case "EnableLogContext" -> b.enableLogContext = keepIfNot(b, k, v, Values.asBoolean(v));
                case "DeleteTaskLogs" -> b.deleteTaskLogs = keepIfNot(b, k, v, Values.asBoolean(v));
                case "CloudWatchLogGroup" -> b.cloudWatchLogGroup = keepIfNot(b, k, v, Values.asString(v));
                case "CloudWatchLogStream" -> b.cloudWatchLogStream = keepIfNot(b, k, v, Values.asString(v));
                case "LogComponents" -> {
                    if (v instanceof List<?> list && list.stream().allMatch(Logging::isComponent)) {
                        b.logComponents = new LinkedHashMap<>();
                        for (Object o : list) {
                            Map<?, ?> e = (Map<?, ?>) o;
                            String id = String.valueOf(e.get("Id"));
                            b.logComponents.put(id, new LogComponent(id,
                                LogSeverity.fromWire(String.valueOf(e.get("Severity"))).orElseThrow())); // isComponent checked it
                        }
                    } else {
                        b.otherFields.put(k, v);
                    }
                }
                default -> b.otherFields.put(k, v);
            }
        });
        return b.buildUnchecked();
    }

    /** A value that does not convert is kept as read in otherFields (sent back unchanged), never dropped. */
    private static <T> T keepIfNot(Builder b, String key, Object raw, T converted) {
        if (converted == null && raw != null) {
            b.otherFields.put(key, raw);
        }
        return converted;
    }

    private static boolean isComponent(Object o) {
        return o instanceof Map<?, ?> e && e.get("Id") instanceof String id && !id.isBlank()
            && LogSeverity.fromWire(String.valueOf(e.get("Severity"))).isPresent();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Logging l && Objects.equals(enableLogging, l.enableLogging)
            && Objects.equals(enableLogContext, l.enableLogContext) && Objects.equals(deleteTaskLogs, l.deleteTaskLogs)
            && Objects.equals(logComponents, l.logComponents) && Objects.equals(cloudWatchLogGroup, l.cloudWatchLogGroup)
            && Objects.equals(cloudWatchLogStream, l.cloudWatchLogStream) && otherFields.equals(l.otherFields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(enableLogging, enableLogContext, logComponents);
    }

    @Override
    public String toString() {
        return "Logging" + toMap();
    }

    /** Fluent builder for {@link Logging}. */
    public static final class Builder {
        private Boolean enableLogging;
        private Boolean enableLogContext;
        private Boolean deleteTaskLogs;
        private LinkedHashMap<String, LogComponent> logComponents;
        private String cloudWatchLogGroup;
        private String cloudWatchLogStream;
        private final Map<String, Object> otherFields = new LinkedHashMap<>();
        private final Map<String, DefinitionProblem> rejected = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets {@code enableLogging}: {@code EnableLogging}.
         *
         * @param v {@code EnableLogging}
         * @return this builder
         */
        public Builder enableLogging(Boolean v) {
            this.enableLogging = v;
            return this;
        }

        /**
         * Sets {@code enableLogContext}: {@code EnableLogContext} (needs EnableLogging).
         *
         * @param v {@code EnableLogContext} (needs EnableLogging)
         * @return this builder
         */
        public Builder enableLogContext(Boolean v) {
            this.enableLogContext = v;
            return this;
        }

        /**
         * Sets {@code deleteTaskLogs}: {@code DeleteTaskLogs}.
         *
         * @param v {@code DeleteTaskLogs}
         * @return this builder
         */
        public Builder deleteTaskLogs(Boolean v) {
            this.deleteTaskLogs = v;
            return this;
        }

        /**
         * Sets (or replaces) one component's severity. A null or blank id or a null severity is reported by
         * {@link #build()}.
         *
         * @param id component id, e.g. {@link LogComponent#SOURCE_CAPTURE}
         * @param severity severity
         * @return this builder
         */
        public Builder logComponent(String id, LogSeverity severity) {
            String field = "Logging.LogComponents[" + id + "]";
            rejected.remove(field);
            if (id == null || id.isBlank() || Validate.hasControl(id) || severity == null) {
                rejected.put(field, DefinitionProblem.of(field, id == null || id.isBlank() || Validate.hasControl(id)
                    ? "a log component id is required (e.g. SOURCE_CAPTURE), was " + Validate.show(id)
                    : "the severity is null"));
                return this;
            }
            if (logComponents == null) {
                logComponents = new LinkedHashMap<>();
            }
            logComponents.put(id, new LogComponent(id, severity));
            return this;
        }

        /**
         * Sets {@code otherField}: member name.
         *
         * @param key member name
         * @param value a JSON value sent as given (String, Number, Boolean, List, Map); null removes the member;
         *     anything else is reported by {@link #build()}
         * @return this builder
         */
        public Builder otherField(String key, Object value) {
            String field = "Logging." + key;
            rejected.remove(field);
            if (key == null) {
                rejected.put(field, DefinitionProblem.of("Logging", "otherField: the member name is null"));
            } else if (value == null) {
                otherFields.remove(key);
            } else {
                String problem = Validate.jsonValueProblem(value);
                if (problem == null) {
                    otherFields.put(key, value);
                } else {
                    rejected.put(field, DefinitionProblem.of(field, "cannot be written as JSON: " + problem));
                }
            }
            return this;
        }

        /**
         * {@return the section}
         *
         * @throws InvalidDefinitionException listing every problem
         */
        public Logging build() {
            Logging l = new Logging(this);
            List<DefinitionProblem> p = new ArrayList<>(rejected.values());
            p.addAll(l.problems());
            if (!p.isEmpty()) {
                throw new InvalidDefinitionException(p);
            }
            return l;
        }

        Logging buildUnchecked() {
            return new Logging(this);
        }
    }
}
