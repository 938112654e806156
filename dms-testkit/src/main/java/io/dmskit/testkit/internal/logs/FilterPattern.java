package io.dmskit.testkit.internal.logs;

import java.util.ArrayList;
import java.util.List;

/**
 * The unstructured filter pattern syntax of CloudWatch Logs: terms separated by spaces must all occur (AND), a
 * {@code ?} before terms makes them alternatives (OR), a {@code -} before a term excludes events holding it, and a
 * double-quoted phrase matches as written (with spaces and punctuation). Matching is case-sensitive. An empty pattern
 * matches every event. JSON ({@code { $.x = ... }}) and space-delimited ({@code [a, b]}) patterns are refused with
 * InvalidParameterException as not modelled.
 */
final class FilterPattern {

    private final List<String> required = new ArrayList<>();
    private final List<String> anyOf = new ArrayList<>();
    private final List<String> excluded = new ArrayList<>();

    private FilterPattern() {
    }

    static FilterPattern parse(String pattern) {
        FilterPattern p = new FilterPattern();
        if (pattern == null || pattern.isBlank()) {
            return p;
        }
        String s = pattern.trim();
        if (s.startsWith("{") || s.startsWith("[") || s.startsWith("%")) {
            throw LogsErrors.invalid("Invalid filter pattern '" + pattern + "': FakeCloudWatchLogs supports"
                    + " unstructured patterns only (terms, \"quoted phrases\", ?alternatives and -exclusions), not"
                    + " JSON, space-delimited or regular-expression patterns.");
        }
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ') {
                i++;
                continue;
            }
            char kind = ' ';
            if (c == '?' || c == '-') {
                kind = c;
                i++;
                if (i >= s.length()) {
                    throw LogsErrors.invalid("Invalid filter pattern '" + pattern + "': '" + c + "' must precede"
                            + " a term.");
                }
            }
            String term;
            if (s.charAt(i) == '"') {
                int end = s.indexOf('"', i + 1);
                if (end < 0) {
                    throw LogsErrors.invalid("Invalid filter pattern '" + pattern + "': unterminated quoted phrase.");
                }
                term = s.substring(i + 1, end);
                i = end + 1;
            } else {
                int end = s.indexOf(' ', i);
                end = end < 0 ? s.length() : end;
                term = s.substring(i, end);
                i = end;
            }
            if (term.isEmpty()) {
                continue;
            }
            (kind == '?' ? p.anyOf : kind == '-' ? p.excluded : p.required).add(term);
        }
        return p;
    }

    boolean matches(String message) {
        for (String t : required) {
            if (!message.contains(t)) {
                return false;
            }
        }
        for (String t : excluded) {
            if (message.contains(t)) {
                return false;
            }
        }
        if (!anyOf.isEmpty()) {
            for (String t : anyOf) {
                if (message.contains(t)) {
                    return true;
                }
            }
            return false;
        }
        return true;
    }
}
