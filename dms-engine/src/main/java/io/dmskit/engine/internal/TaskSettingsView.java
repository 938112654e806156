package io.dmskit.engine.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;

/**
 * The task settings the local engine honours (dms-json-formats.md §8), read from the task's
 * ReplicationTaskSettings JSON with DMS's defaults for missing fields.
 *
 * @param targetSchema TargetMetadata.TargetSchema, empty for "use the source schema"
 * @param prepMode FullLoadSettings.TargetTablePrepMode (DROP_AND_CREATE when omitted, like the console)
 * @param maxFullLoadSubTasks FullLoadSettings.MaxFullLoadSubTasks (tables loaded in parallel)
 * @param commitRate FullLoadSettings.CommitRate (rows per commit on database targets)
 */
record TaskSettingsView(String targetSchema, JdbcTarget.PrepMode prepMode, int maxFullLoadSubTasks,
                               int commitRate) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param json the ReplicationTaskSettings document, null or blank for defaults
     * @return the settings
     * @throws EngineException when the document is not JSON or a value is invalid
     */
    public static TaskSettingsView parse(String json) {
        JsonNode root;
        try {
            root = json == null || json.isBlank() ? JSON.createObjectNode() : JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new EngineException("ReplicationTaskSettings is not valid JSON: " + e.getMessage(), e);
        }
        String targetSchema = root.path("TargetMetadata").path("TargetSchema").asText("");
        JsonNode fl = root.path("FullLoadSettings");
        String mode = fl.path("TargetTablePrepMode").asText("DROP_AND_CREATE").toUpperCase(Locale.ROOT);
        JdbcTarget.PrepMode prep;
        try {
            prep = JdbcTarget.PrepMode.valueOf(mode);
        } catch (IllegalArgumentException e) {
            throw new EngineException("FullLoadSettings.TargetTablePrepMode '" + mode
                    + "' is not one of DROP_AND_CREATE, TRUNCATE_BEFORE_LOAD, DO_NOTHING");
        }
        int subTasks = Math.max(1, Math.min(49, fl.path("MaxFullLoadSubTasks").asInt(8)));
        int commitRate = Math.max(1, Math.min(50_000, fl.path("CommitRate").asInt(10_000)));
        return new TaskSettingsView(targetSchema, prep, subTasks, commitRate);
    }
}
