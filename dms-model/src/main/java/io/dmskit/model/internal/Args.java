package io.dmskit.model.internal;

import io.dmskit.model.DmsModelException;

/**
 * The one argument check of dms-model's factories and value constructors: a missing required argument fails at once
 * with a {@link DmsModelException} naming the parameter.
 */
public final class Args {

    private Args() {
    }

    /**
     * @param value the argument
     * @param parameter where and what, for example {@code "S3ObjectNames.kindOf(key)"}
     * @return value, when not null
     * @throws DmsModelException when value is null
     */
    public static <T> T required(T value, String parameter) {
        if (value == null) {
            throw new DmsModelException(parameter + " is required: got null");
        }
        return value;
    }

    /**
     * @param values the argument
     * @param parameter where and what
     * @return an unmodifiable copy
     * @throws DmsModelException when values or one of its elements is null
     */
    public static <T> java.util.List<T> list(java.util.Collection<? extends T> values, String parameter) {
        required(values, parameter);
        int i = 0;
        for (T v : values) {
            if (v == null) {
                throw new DmsModelException(parameter + "[" + i + "] is null: leave the element out instead");
            }
            i++;
        }
        return java.util.List.copyOf(values);
    }
}
