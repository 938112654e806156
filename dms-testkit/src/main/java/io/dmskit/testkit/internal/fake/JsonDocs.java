package io.dmskit.testkit.internal.fake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dmskit.mappings.InvalidTableMappingsException;
import io.dmskit.mappings.MappingProblem;
import io.dmskit.mappings.Severity;
import io.dmskit.mappings.TableMappings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The two JSON documents of a task: table mappings (checked with dms-mappings, as DMS checks them on create and
 * modify) and task settings (merged over DMS's defaults, as DescribeReplicationTasks shows them).
 */
final class JsonDocs {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectNode DEFAULT_SETTINGS;

    static {
        try (InputStream in = JsonDocs.class.getResourceAsStream("default-task-settings.json")) {
            DEFAULT_SETTINGS = (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonDocs() {
    }

    /** @throws software.amazon.awssdk.services.databasemigration.model.DatabaseMigrationException when invalid */
    static void checkTableMappings(String json) {
        Validate.required("TableMappings", json);
        TableMappings mappings;
        try {
            mappings = TableMappings.fromJson(json);
        } catch (InvalidTableMappingsException e) {
            throw Errors.invalidParameter("Invalid table mappings JSON: " + describe(e.problems(), e.getMessage()));
        } catch (RuntimeException e) {
            throw Errors.invalidParameter("Invalid table mappings JSON: " + e.getMessage());
        }
        List<MappingProblem> errors = mappings.validate().stream()
                .filter(p -> p.severity() == Severity.ERROR).toList();
        if (!errors.isEmpty()) {
            throw Errors.invalidParameter("Invalid table mappings JSON: " + describe(errors, ""));
        }
    }

    private static String describe(List<MappingProblem> problems, String fallback) {
        if (problems == null || problems.isEmpty()) {
            return fallback;
        }
        StringBuilder sb = new StringBuilder();
        for (MappingProblem p : problems) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            if (p.ruleName() != null || p.ruleId() != null) {
                sb.append("rule ").append(p.ruleName() != null ? p.ruleName() : "").append(p.ruleId() != null
                        ? " (rule-id " + p.ruleId() + ")" : "").append(": ");
            }
            sb.append(p.message());
            if (p.path() != null && !p.path().isEmpty()) {
                sb.append(" at ").append(p.path());
            }
        }
        return sb.toString();
    }

    /**
     * @param given the settings JSON given on create/modify, or null
     * @param base the current settings (defaults on create)
     * @return {@code given} merged over {@code base}, as compact JSON
     */
    static String mergeSettings(String given, String base) {
        ObjectNode result;
        try {
            result = base == null ? DEFAULT_SETTINGS.deepCopy() : (ObjectNode) JSON.readTree(base);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (given != null && !given.isBlank()) {
            JsonNode node;
            try {
                node = JSON.readTree(given);
            } catch (JsonProcessingException e) {
                throw Errors.invalidParameter("Invalid task settings JSON: " + e.getOriginalMessage());
            }
            if (node == null || !node.isObject()) {
                throw Errors.invalidParameter("Invalid task settings JSON: the settings must be a JSON object.");
            }
            merge(result, (ObjectNode) node, "");
            checkRanges(result);
        }
        return result.toString();
    }

    private static void merge(ObjectNode target, ObjectNode update, String path) {
        Iterator<Map.Entry<String, JsonNode>> it = update.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode value = e.getValue();
            JsonNode current = DEFAULT_SETTINGS.at(path + "/" + key);
            if (!current.isMissingNode() && !current.isNull() && !value.isNull()) {
                boolean ok = current.isObject() ? value.isObject()
                        : current.isBoolean() ? value.isBoolean() || value.isTextual()
                        && (value.asText().equalsIgnoreCase("true") || value.asText().equalsIgnoreCase("false"))
                        : !current.isNumber() || value.isNumber() || value.isTextual() && value.asText()
                        .matches("-?\\d+(\\.\\d+)?");
                if (ok && current.isIntegralNumber() && !fitsInt(value)) {
                    throw Errors.invalidParameter("Invalid task settings JSON: " + (path + "/" + key).substring(1)
                            .replace('/', '.') + " must be a whole number from " + Integer.MIN_VALUE + " to "
                            + Integer.MAX_VALUE + ", got " + shorten(value.toString()) + ".");
                }
                if (!ok) {
                    throw Errors.invalidParameter("Invalid task settings JSON: " + (path + "/" + key).substring(1)
                            .replace('/', '.') + " must be " + (current.isObject() ? "an object"
                            : current.isBoolean() ? "true or false" : "a number") + ", got " + value + ".");
                }
            }
            if (value.isObject() && target.get(key) instanceof ObjectNode child) {
                merge(child, (ObjectNode) value, path + "/" + key);
            } else {
                target.set(key, value.deepCopy());
            }
        }
    }

    /** Whether a number (or numeric text) is a whole number DMS can hold in its 32-bit settings. */
    private static boolean fitsInt(JsonNode value) {
        if (value.isNumber()) {
            return value.isIntegralNumber() ? value.canConvertToInt()
                    : Double.isFinite(value.doubleValue()) && value.doubleValue() == Math.rint(value.doubleValue())
                    && value.canConvertToInt();
        }
        if (value.isTextual()) {
            String t = value.asText();
            if (t.length() > 12) {
                return false;
            }
            try {
                return new java.math.BigDecimal(t).stripTrailingZeros().scale() <= 0
                        && new java.math.BigDecimal(t).abs().compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return true;
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    private static void checkRanges(ObjectNode settings) {
        JsonNode sub = settings.at("/FullLoadSettings/MaxFullLoadSubTasks");
        if (sub.isNumber() && (sub.asInt() < 1 || sub.asInt() > 49)) {
            throw Errors.invalidParameter("Invalid task settings JSON: FullLoadSettings.MaxFullLoadSubTasks must be "
                    + "between 1 and 49, got " + sub.asInt() + ".");
        }
        JsonNode mode = settings.at("/FullLoadSettings/TargetTablePrepMode");
        if (mode.isTextual() && !List.of("DO_NOTHING", "DROP_AND_CREATE", "TRUNCATE_BEFORE_LOAD")
                .contains(mode.asText())) {
            throw Errors.invalidParameter("Invalid task settings JSON: FullLoadSettings.TargetTablePrepMode must be "
                    + "DO_NOTHING, DROP_AND_CREATE or TRUNCATE_BEFORE_LOAD, got " + mode.asText() + ".");
        }
    }

    /**
     * Adds the CloudWatch log group and stream DMS assigns when logging is enabled.
     */
    static String withLogTargets(String settings, String instanceId, String taskResourceId) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(settings);
            JsonNode logging = node.get("Logging");
            if (logging instanceof ObjectNode l && l.path("EnableLogging").asBoolean(false)) {
                l.put("CloudWatchLogGroup", "dms-tasks-" + instanceId);
                l.put("CloudWatchLogStream", "dms-task-" + taskResourceId);
            }
            return node.toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return whether two settings documents differ only inside {@code Logging} */
    static boolean onlyLoggingDiffers(String a, String b) {
        try {
            ObjectNode x = (ObjectNode) JSON.readTree(a);
            ObjectNode y = (ObjectNode) JSON.readTree(b);
            x.remove("Logging");
            y.remove("Logging");
            return x.equals(y);
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    static boolean flag(String settings, String pointer) {
        try {
            JsonNode v = JSON.readTree(settings).at(pointer);
            return v.asBoolean(false) || v.isTextual() && v.asText().equalsIgnoreCase("true");
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
