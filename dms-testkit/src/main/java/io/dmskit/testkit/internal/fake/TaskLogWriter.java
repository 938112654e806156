package io.dmskit.testkit.internal.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dmskit.testkit.dataplane.TaskLogSeverity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;

/**
 * A task's log as DMS writes it to CloudWatch Logs: log group {@code dms-tasks-<replication instance identifier>},
 * stream {@code dms-task-<task resource id>} (the names DMS puts into the task settings' {@code Logging} section), one
 * event per line in DMS's format {@code 2026-01-01T10:00:00 [SOURCE_CAPTURE  ]I:  message  (file.c:123)}: the time
 * (UTC, seconds), the component padded to 16 characters in brackets, the severity letter, two spaces, the message,
 * two spaces and the source location. Written only when the task settings enable logging
 * ({@code Logging.EnableLogging}); each component's {@code LogComponents} severity decides which lines show
 * ({@code LOGGER_SEVERITY_DEFAULT}: errors, warnings and information). Called with the region's lock held.
 */
final class TaskLogWriter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    /** A destination stream. */
    record Target(String group, String stream, String instanceId) {
    }

    private final World w;
    private final BiConsumer<Target, InputLogEvent> out;
    /** Table ids DMS numbers tables with in its messages, per task ARN. */
    private final Map<String, Map<String, Integer>> tableIds = new HashMap<>();
    /** The last settings document parsed, per task ARN (settings change only by ModifyReplicationTask). */
    private final Map<String, Map.Entry<String, JsonNode>> settingsCache = new HashMap<>();

    TaskLogWriter(World w, BiConsumer<Target, InputLogEvent> out) {
        this.w = w;
        this.out = out;
    }

    /**
     * @param t the task
     * @param severity the severity
     * @param component the DMS component, e.g. {@code TASK_MANAGER}
     * @param message one line
     * @param source the source location DMS prints, e.g. {@code replicationtask.c:1381}
     */
    void line(TaskRecord t, TaskLogSeverity severity, String component, String message, String source) {
        String c = component == null ? "TASK_MANAGER" : component.toUpperCase(Locale.ROOT).replaceAll("[^A-Z_]", "_");
        if (c.length() > 16) {
            c = c.substring(0, 16);
        }
        JsonNode settings = settings(t);
        if (settings == null || !settings.path("Logging").path("EnableLogging").asBoolean(false)
                || !shows(settings.path("Logging").path("LogComponents"), c, severity)) {
            return;
        }
        InstanceRecord instance = w.instances.get(t.model.replicationInstanceArn());
        if (instance == null) {
            return;
        }
        Instant at = w.now();
        String text = TIME.format(at) + " [" + String.format("%-16s", c) + "]" + severity.letter() + ":  "
                + (message == null ? "" : message.replace('\n', ' ').replace('\r', ' ')) + "  ("
                + (source == null ? c.toLowerCase(Locale.ROOT) + ".c:0" : source) + ")";
        String resourceId = t.arn.substring(t.arn.lastIndexOf(':') + 1);
        out.accept(new Target("dms-tasks-" + instance.id(), "dms-task-" + resourceId, instance.id()),
                InputLogEvent.builder().timestamp(at.toEpochMilli()).message(text).build());
    }

    /** @return DMS's number for a table of a task (1, 2, ... in the order the task first reports them) */
    int tableId(TaskRecord t, String schema, String table) {
        Map<String, Integer> ids = tableIds.computeIfAbsent(t.arn, a -> new HashMap<>());
        return ids.computeIfAbsent(schema + "." + table, k -> ids.size() + 1);
    }

    void forget(TaskRecord t) {
        tableIds.remove(t.arn);
        settingsCache.remove(t.arn);
    }

    private JsonNode settings(TaskRecord t) {
        String text = t.model.replicationTaskSettings();
        if (text == null) {
            return null;
        }
        Map.Entry<String, JsonNode> cached = settingsCache.get(t.arn);
        if (cached != null && cached.getKey().equals(text)) {
            return cached.getValue();
        }
        try {
            JsonNode node = JSON.readTree(text);
            settingsCache.put(t.arn, Map.entry(text, node));
            return node;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static int eventBytes(InputLogEvent e) {
        return e.message().getBytes(StandardCharsets.UTF_8).length + 26;
    }

    private static boolean shows(JsonNode components, String component, TaskLogSeverity severity) {
        String level = "LOGGER_SEVERITY_DEFAULT";
        if (components.isArray()) {
            for (JsonNode n : components) {
                if (component.equals(n.path("Id").asText())) {
                    level = n.path("Severity").asText(level);
                }
            }
        }
        List<TaskLogSeverity> shown = switch (level) {
            case "LOGGER_SEVERITY_ERROR" -> List.of(TaskLogSeverity.ERROR);
            case "LOGGER_SEVERITY_WARNING" -> List.of(TaskLogSeverity.ERROR, TaskLogSeverity.WARNING);
            case "LOGGER_SEVERITY_DEBUG" -> List.of(TaskLogSeverity.ERROR, TaskLogSeverity.WARNING,
                    TaskLogSeverity.INFO, TaskLogSeverity.DEBUG);
            case "LOGGER_SEVERITY_DETAILED_DEBUG" -> List.of(TaskLogSeverity.values());
            default -> List.of(TaskLogSeverity.ERROR, TaskLogSeverity.WARNING, TaskLogSeverity.INFO);
        };
        return shown.contains(severity);
    }
}
