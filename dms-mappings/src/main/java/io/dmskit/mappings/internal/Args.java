package io.dmskit.mappings.internal;

import io.dmskit.mappings.InvalidTableMappingsException;
import io.dmskit.mappings.MappingProblem;
import io.dmskit.mappings.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The one argument check of dms-mappings' factories, DSL steps and value constructors (those without a
 * {@code build()} to report from): a missing required value or a null element fails at once with an
 * {@link InvalidTableMappingsException} whose problem names the parameter (and the element's index).
 */
public final class Args {

    private Args() {
    }

    /**
     * @param value the argument
     * @param parameter how the caller named it, for example {@code "FilterCondition.between(start, ...)"}
     * @return value, when not null
     * @throws InvalidTableMappingsException when value is null
     */
    public static <T> T required(T value, String parameter) {
        if (value == null) {
            throw invalid(parameter + " is required: got null");
        }
        return value;
    }

    /**
     * @param values the argument; null means none
     * @param parameter how the caller named it
     * @return an unmodifiable copy
     * @throws InvalidTableMappingsException when an element is null
     */
    public static <T> List<T> list(Collection<? extends T> values, String parameter) {
        if (values == null) {
            return List.of();
        }
        List<T> out = new ArrayList<>(values.size());
        int i = 0;
        for (T v : values) {
            if (v == null) {
                throw invalid(parameter + "[" + i + "] is null: leave the element out instead");
            }
            out.add(v);
            i++;
        }
        return List.copyOf(out);
    }

    /**
     * @param values a varargs argument; null means none
     * @param parameter how the caller named it
     * @return an unmodifiable copy
     * @throws InvalidTableMappingsException when an element is null
     */
    @SafeVarargs
    public static <T> List<T> list(String parameter, T... values) {
        return values == null ? List.of() : list(Arrays.asList(values), parameter);
    }

    /**
     * @param message a sentence naming the parameter and what to do
     * @return a document-level error carrying it
     */
    public static InvalidTableMappingsException invalid(String message) {
        return new InvalidTableMappingsException(List.of(new MappingProblem(Severity.ERROR, null, null, null, message,
                -1, -1)));
    }
}
