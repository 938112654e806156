package io.dmskit.testkit.internal.fake;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import software.amazon.awssdk.services.databasemigration.model.Filter;

/**
 * Describe-call mechanics shared by every resource: filter names as documented per operation (values OR-ed, filters
 * AND-ed), {@code MaxRecords} bounds and opaque {@code Marker} pagination. Internal.
 *
 * @param <T> the item type
 */
final class Page<T> {

    final List<T> items;
    final String nextMarker;

    private Page(List<T> items, String nextMarker) {
        this.items = items;
        this.nextMarker = nextMarker;
    }

    /** Filter definitions of one Describe operation: filter name → values of an item. */
    static final class Filters<T> {
        private final Map<String, Function<T, List<String>>> byName = new LinkedHashMap<>();

        Filters<T> on(String name, Function<T, List<String>> values) {
            byName.put(name, values);
            return this;
        }

        Filters<T> one(String name, Function<T, String> value) {
            return on(name, t -> {
                String v = value.apply(t);
                return v == null ? List.of() : List.of(v);
            });
        }

        void check(List<Filter> filters) {
            if (filters == null) {
                return;
            }
            for (Filter f : filters) {
                if (f == null) {
                    throw Errors.invalidParameter("Filters must not contain a null filter.");
                }
                if (f.name() == null || !byName.containsKey(f.name())) {
                    throw Errors.invalidParameter("Invalid filter name: '" + f.name() + "'. Valid filter names: "
                            + String.join(", ", byName.keySet()) + ".");
                }
                if (f.values() == null || f.values().isEmpty()) {
                    throw Errors.invalidParameter("The filter " + f.name() + " must have at least one value.");
                }
            }
        }

        boolean matches(List<Filter> filters, T item) {
            if (filters == null) {
                return true;
            }
            for (Filter f : filters) {
                List<String> actual = byName.get(f.name()).apply(item);
                boolean any = false;
                for (String v : f.values()) {
                    if (actual.contains(v)) {
                        any = true;
                        break;
                    }
                }
                if (!any) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * @param all every item in order, filters already applied
     * @param maxRecords requested page size, or null for the default
     * @param marker the marker of a previous page, or null
     * @param max the operation's largest page
     */
    static <T> Page<T> of(List<T> all, Integer maxRecords, String marker, int max) {
        Validate.range("MaxRecords", maxRecords, 20, max);
        int size = maxRecords == null ? 100 : maxRecords;
        int from = marker == null || marker.isEmpty() ? 0 : decode(marker);
        if (from > all.size()) {
            from = all.size();
        }
        int to = Math.min(all.size(), from + size);
        String next = to < all.size() ? encode(to) : null;
        return new Page<>(new ArrayList<>(all.subList(from, to)), next);
    }

    private static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("dmskit-page:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String marker) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(marker), StandardCharsets.UTF_8);
            if (text.startsWith("dmskit-page:")) {
                int n = Integer.parseInt(text.substring("dmskit-page:".length()));
                if (n >= 0) {
                    return n;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw Errors.invalidParameter("Invalid Marker: '" + Objects.toString(marker) + "'.");
    }
}
