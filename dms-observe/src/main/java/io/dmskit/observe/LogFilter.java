package io.dmskit.observe;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which task log entries to keep: components (any, when empty), the least severe level kept, and text the message
 * must contain (any, when empty).
 *
 * <pre>{@code
 * LogFilter f = LogFilter.all().components("SOURCE_CAPTURE", "TARGET_APPLY").atLeast(LogSeverity.WARNING);
 * }</pre>
 *
 * @param components components to keep (upper case), empty for all
 * @param minimum the least severe level kept
 * @param contains text the message must contain (case-insensitive), empty for any
 */
public record LogFilter(Set<String> components, LogSeverity minimum, String contains) {

    /** Checks and copies the components. */
    public LogFilter {
        components = Objects.requireNonNull(components, "components").stream()
            .map(c -> Objects.requireNonNull(c, "component").strip().toUpperCase(Locale.ROOT))
            .collect(Collectors.toUnmodifiableSet());
        Objects.requireNonNull(minimum, "minimum");
        contains = contains == null ? "" : contains;
    }

    /**
     * {@return a filter keeping every entry}
     */
    public static LogFilter all() {
        return new LogFilter(Set.of(), LogSeverity.DETAILED_DEBUG, "");
    }

    /**
     * {@return a copy keeping only those components}
     *
     * @param names components to keep, e.g. {@code SOURCE_CAPTURE}
     */
    public LogFilter components(String... names) {
        return new LogFilter(Set.of(names), minimum, contains);
    }

    /**
     * {@return a copy}
     *
     * @param level the least severe level kept
     */
    public LogFilter atLeast(LogSeverity level) {
        return new LogFilter(components, level, contains);
    }

    /**
     * {@return a copy}
     *
     * @param text text the message must contain
     */
    public LogFilter containing(String text) {
        return new LogFilter(components, minimum, text);
    }

    /**
     * {@return whether the filter keeps it}
     *
     * @param e an entry
     */
    public boolean test(LogEntry e) {
        return (components.isEmpty() || components.contains(e.component())) && e.severity().atLeast(minimum)
            && (contains.isEmpty() || e.message().toLowerCase(Locale.ROOT).contains(contains.toLowerCase(Locale.ROOT)));
    }
}
