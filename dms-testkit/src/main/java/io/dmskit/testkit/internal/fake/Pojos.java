package io.dmskit.testkit.internal.fake;

import java.util.Map;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.utils.builder.CopyableBuilder;
import software.amazon.awssdk.utils.builder.ToCopyableBuilder;

/**
 * Field-level access to SDK model objects through their own {@link SdkField} metadata (the mechanism the SDK's
 * marshallers use), so settings objects can be echoed, merged and redacted without one hand-written method per
 * settings class. Fields are named by their wire name, e.g. {@code ServerName}.
 */
final class Pojos {

    private Pojos() {
    }

    static Object get(Object pojo, String field) {
        SdkField<?> f = ((SdkPojo) pojo).sdkFieldNameToField().get(field);
        return f == null ? null : f.getValueOrDefault(pojo);
    }

    static boolean has(Object pojo, String field) {
        return ((SdkPojo) pojo).sdkFieldNameToField().containsKey(field);
    }

    /** @return a copy of {@code model} with the fields set as given (null clears); unknown names are ignored */
    @SuppressWarnings("unchecked")
    static <T> T with(T model, Map<String, Object> values) {
        CopyableBuilder<?, ?> b = ((ToCopyableBuilder<?, ?>) model).toBuilder();
        Map<String, SdkField<?>> fields = ((SdkPojo) b).sdkFieldNameToField();
        values.forEach((name, value) -> {
            SdkField<?> f = fields.get(name);
            if (f != null) {
                f.set(b, value);
            }
        });
        return (T) b.build();
    }

    /**
     * Converts a text value (from extra connection attributes) to the type of a field.
     *
     * @return the value, or null when the field does not exist or the text does not fit its type
     */
    static Object parse(Object pojo, String field, String text) {
        SdkField<?> f = ((SdkPojo) pojo).sdkFieldNameToField().get(field);
        if (f == null) {
            return null;
        }
        var type = f.marshallingType();
        try {
            if (type == software.amazon.awssdk.core.protocol.MarshallingType.STRING) {
                return text;
            }
            if (type == software.amazon.awssdk.core.protocol.MarshallingType.BOOLEAN) {
                return text.equalsIgnoreCase("true") || text.equalsIgnoreCase("y")
                        ? Boolean.TRUE : text.equalsIgnoreCase("false") || text.equalsIgnoreCase("n") ? Boolean.FALSE
                        : null;
            }
            if (type == software.amazon.awssdk.core.protocol.MarshallingType.INTEGER) {
                return Integer.valueOf(text.trim());
            }
            if (type == software.amazon.awssdk.core.protocol.MarshallingType.LONG) {
                return Long.valueOf(text.trim());
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    /** @return {@code base} with every non-null field of {@code update} copied over it */
    @SuppressWarnings("unchecked")
    static <T> T merge(T base, T update) {
        if (base == null) {
            return update;
        }
        if (update == null) {
            return base;
        }
        CopyableBuilder<?, ?> b = ((ToCopyableBuilder<?, ?>) base).toBuilder();
        for (SdkField<?> f : ((SdkPojo) update).sdkFields()) {
            Object v = f.getValueOrDefault(update);
            if (v != null && !isAbsentList(v)) {
                ((SdkPojo) b).sdkFieldNameToField().get(f.locationName()).set(b, v);
            }
        }
        return (T) b.build();
    }

    private static boolean isAbsentList(Object v) {
        return v instanceof software.amazon.awssdk.core.util.SdkAutoConstructList
                || v instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap;
    }

    /** @return a copy with every field whose name matches set to null */
    @SuppressWarnings("unchecked")
    static <T> T without(T model, Predicate<String> fieldName) {
        if (model == null) {
            return null;
        }
        CopyableBuilder<?, ?> b = ((ToCopyableBuilder<?, ?>) model).toBuilder();
        boolean changed = false;
        for (SdkField<?> f : ((SdkPojo) b).sdkFields()) {
            if (fieldName.test(f.locationName()) && f.getValueOrDefault(model) != null) {
                f.set(b, null);
                changed = true;
            }
        }
        return changed ? (T) b.build() : model;
    }
}
