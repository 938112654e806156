package io.dmskit.core.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Lenient lookup of enum constants by the value DMS (or a user) writes, shared by the settings enums. DMS is not
 * consistent about case and separators ({@code SSE_KMS} in its docs, {@code sse-kms} on the wire), so the lookup
 * ignores case, surrounding blanks and the difference between {@code _} and {@code -}, and accepts the constant's
 * Java name as well as its wire value. Not API.
 */
public final class WireValues {

    private WireValues() {
    }

    /**
     * @param type the enum type
     * @param value the text as DMS or a user wrote it, or null
     * @param wireValue how a constant is written on the wire
     * @param <E> the enum type
     * @return the constant whose wire value or name matches, or empty when value is null or unknown
     */
    public static <E extends Enum<E>> Optional<E> fromWire(Class<E> type, String value, Function<E, String> wireValue) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = normalize(value);
        for (E v : type.getEnumConstants()) {
            if (normalize(wireValue.apply(v)).equals(wanted) || normalize(v.name()).equals(wanted)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /**
     * @param type the enum type
     * @param field DMS's name of the field being set, for the message
     * @param value the text as DMS or a user wrote it (not null)
     * @param wireValue how a constant is written on the wire
     * @param <E> the enum type
     * @return the matching constant
     * @throws IllegalArgumentException naming the field and the values DMS knows when nothing matches
     */
    public static <E extends Enum<E>> E require(Class<E> type, String field, String value,
                                                Function<E, String> wireValue) {
        return fromWire(type, value, wireValue).orElseThrow(() -> new IllegalArgumentException(field
            + ": unknown value '" + value + "'; expected one of " + Arrays.toString(type.getEnumConstants())));
    }

    private static String normalize(String s) {
        return s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
