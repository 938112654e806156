package io.dmskit.observe;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a DMS task log, in the format DMS writes to CloudWatch Logs: an optional thread id, a UTC timestamp
 * (seconds, optionally {@code :micros}), the component padded in brackets, the severity letter, the message and,
 * usually, the source location in parentheses:
 *
 * <pre>
 * 00012345: 2026-03-01T10:15:30 [SOURCE_CAPTURE  ]I:  Started capturing changes  (mysql_endpoint_capture.c:123)
 * </pre>
 *
 * @param timestamp when the line was written (from the line; the CloudWatch event time when the line has none)
 * @param threadId the thread id DMS prefixes some lines with, or empty text
 * @param component the component, e.g. {@code SOURCE_CAPTURE}, {@code TARGET_APPLY}, {@code TASK_MANAGER}
 * @param severity the severity
 * @param message the message, without the source location
 * @param location the source location, e.g. {@code mysql_endpoint_capture.c:123}, or empty text
 * @param raw the line as read
 */
public record LogEntry(Instant timestamp, String threadId, String component, LogSeverity severity, String message,
                       String location, String raw) {

    private static final Pattern LINE = Pattern.compile(
        "^\\s*(?:([0-9A-Fa-f]{1,16}):\\s+)?(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})(?:[:.](\\d{1,9}))?\\s+"
            + "\\[([A-Z0-9_]+)\\s*\\]([A-Z]):\\s?(.*?)(?:\\s+\\(([\\w.\\-]+:\\d+)\\))?\\s*$",
        Pattern.DOTALL);

    /** Checks the components. */
    public LogEntry {
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(severity, "severity");
        threadId = threadId == null ? "" : threadId;
        message = message == null ? "" : message;
        location = location == null ? "" : location;
        raw = raw == null ? "" : raw;
    }

    /**
     * Parses one line.
     *
     * @param line a log line
     * @return the entry, empty when the line is not in DMS's format (such as a continuation of a multi-line message)
     */
    public static Optional<LogEntry> parse(String line) {
        if (line == null) {
            return Optional.empty();
        }
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        Optional<LogSeverity> sev = LogSeverity.ofLetter(m.group(5).charAt(0));
        if (sev.isEmpty()) {
            return Optional.empty();
        }
        Instant ts = LocalDateTime.parse(m.group(2)).toInstant(ZoneOffset.UTC);
        if (m.group(3) != null) {
            String frac = (m.group(3) + "000000000").substring(0, 9);
            ts = ts.plusNanos(Long.parseLong(frac));
        }
        return Optional.of(new LogEntry(ts, m.group(1), m.group(4), sev.get(), m.group(6).strip(), m.group(7),
            line.strip()));
    }

    /**
     * {@return the source location, when the line has one}
     */
    public Optional<String> sourceLocation() {
        return location.isEmpty() ? Optional.empty() : Optional.of(location);
    }

    @Override
    public String toString() {
        return raw;
    }
}
