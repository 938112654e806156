package io.dmskit.verify.internal;

import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.core.exception.InvalidDefinitionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * dms-verify's argument checks, following dms-core's null policy: a builder's {@code build()} reports every problem
 * in one {@link InvalidDefinitionException}; an entry point with nothing to defer to (a constructor, a factory, a
 * method) throws it at once, naming the parameter. Messages quote user text with control characters escaped and long
 * values shortened. Not API.
 */
public final class Checks {

    private static final int SHOW_MAX = 64;

    private Checks() {
    }

    /**
     * @param value an argument
     * @param parameter its name
     * @param where the entry point, e.g. {@code SourceTable}
     * @param <T> its type
     * @return value
     * @throws InvalidDefinitionException naming the parameter when value is null
     */
    public static <T> T require(T value, String parameter, String where) {
        if (value == null) {
            throw new InvalidDefinitionException(List.of(new DefinitionProblem(where, parameter, "is null")));
        }
        return value;
    }

    /**
     * @param values a collection argument
     * @param parameter its name
     * @param where the entry point
     * @param <T> element type
     * @return an immutable copy
     * @throws InvalidDefinitionException naming the parameter when values is null, and each null element
     */
    public static <T> List<T> copyOf(java.util.Collection<? extends T> values, String parameter, String where) {
        require(values, parameter, where);
        List<DefinitionProblem> problems = new ArrayList<>();
        int i = 0;
        for (Object v : values) {
            if (v == null) {
                problems.add(new DefinitionProblem(where, parameter + "[" + i + "]", "is null"));
            }
            i++;
        }
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException(problems);
        }
        return List.copyOf(values);
    }

    /**
     * @param values a map argument
     * @param parameter its name
     * @param where the entry point
     * @param <K> key type
     * @param <V> value type
     * @return an immutable copy
     * @throws InvalidDefinitionException naming the parameter when values is null or holds a null key or value
     */
    public static <K, V> java.util.Map<K, V> copyOf(java.util.Map<? extends K, ? extends V> values, String parameter,
                                                  String where) {
        require(values, parameter, where);
        if (values.entrySet().stream().anyMatch(e -> e.getKey() == null || e.getValue() == null)) {
            throw invalid(where, parameter, "holds a null key or value");
        }
        return java.util.Map.copyOf(values);
    }

    /**
     * @param where the entry point
     * @param parameter the parameter's name
     * @param message what is wrong
     * @return the exception to throw
     */
    public static InvalidDefinitionException invalid(String where, String parameter, String message) {
        return new InvalidDefinitionException(List.of(new DefinitionProblem(where, parameter, message)));
    }

    /**
     * Collects the problems of one {@code build()}.
     */
    public static final class Problems {
        private final String resource;
        private final List<DefinitionProblem> problems = new ArrayList<>();

        /** @param resource what is being built, e.g. {@code Verifier} */
        public Problems(String resource) {
            this.resource = resource;
        }

        /**
         * @param present whether the problem is present
         * @param field the setting
         * @param message what is wrong
         * @return this
         */
        public Problems add(boolean present, String field, String message) {
            if (present) {
                problems.add(new DefinitionProblem(resource, field, message));
            }
            return this;
        }

        /** @return whether a problem was found */
        public boolean any() {
            return !problems.isEmpty();
        }

        /** @throws InvalidDefinitionException listing every problem, when there is one */
        public void throwIfAny() {
            if (!problems.isEmpty()) {
                throw new InvalidDefinitionException(problems);
            }
        }
    }

    /**
     * @param value user text, or null
     * @return it quoted for a message: control characters escaped, shortened to about 64 characters
     */
    public static String show(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder s = new StringBuilder("'");
        for (int i = 0; i < Math.min(value.length(), SHOW_MAX); i++) {
            char c = value.charAt(i);
            s.append(Character.isISOControl(c) ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
        }
        s.append('\'');
        if (value.length() > SHOW_MAX) {
            s.insert(s.length() - 1, "...").append(" (").append(value.length()).append(" characters)");
        }
        return s.toString();
    }
}
