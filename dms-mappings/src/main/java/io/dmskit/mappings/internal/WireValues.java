package io.dmskit.mappings.internal;

import java.util.Optional;
import java.util.function.Function;

/** Lookup of enum constants by the exact value DMS writes in its JSON, shared by the mapping enums. Not API. */
public final class WireValues {

    private WireValues() {
    }

    /**
     * @param values the enum's constants
     * @param wireValue how a constant is written in DMS JSON
     * @param value a value as written in a DMS JSON document (exact, case-sensitive)
     * @param <E> the enum type
     * @return the constant, or empty when DMS does not know the value
     */
    public static <E extends Enum<E>> Optional<E> find(E[] values, Function<E, String> wireValue, String value) {
        for (E v : values) {
            if (wireValue.apply(v).equals(value)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
