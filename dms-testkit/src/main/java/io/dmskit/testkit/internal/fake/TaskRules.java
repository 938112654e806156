package io.dmskit.testkit.internal.fake;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.services.databasemigration.model.TableToReload;

/** The request rules of replication tasks: migration and start types, CDC positions, the states that allow a change. */
final class TaskRules {

    static final Set<String> MIGRATION_TYPES = Set.of("full-load", "cdc", "full-load-and-cdc");
    static final int MAX_RELOAD_TABLES = 10;
    static final Set<String> START_TYPES = Set.of("start-replication", "resume-processing", "reload-target");
    static final Set<String> MODIFIABLE = Set.of("ready", "stopped", "failed");
    static final Set<String> DELETABLE = Set.of("ready", "stopped", "failed", "failed-move");

    private TaskRules() {
    }

    static String migrationType(String given) {
        return Validate.oneOf("MigrationType", given, MIGRATION_TYPES);
    }

    static void checkCdcStop(String stop) {
        if (stop == null) {
            return;
        }
        int colon = stop.indexOf(':');
        String kind = colon < 0 ? "" : stop.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        if (!kind.equals("server_time") && !kind.equals("commit_time")
                || parseTime(stop.substring(colon + 1).trim()) == null) {
            throw Errors.invalidParameter("Invalid CdcStopPosition '" + stop + "': expected server_time:<time> or "
                    + "commit_time:<time>, e.g. server_time:2026-02-09T12:12:12.");
        }
    }

    static void checkCdcStart(Instant time, String position, String migrationType) {
        if (time != null && position != null) {
            throw Errors.invalidCombination("Specify either CdcStartTime or CdcStartPosition, not both.");
        }
        if ((time != null || position != null) && "full-load".equals(migrationType)) {
            throw Errors.invalidCombination("CdcStartTime and CdcStartPosition apply only to cdc and "
                    + "full-load-and-cdc tasks.");
        }
    }

    static Instant parseTime(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    /**
     * DMS's start-type rules: start-replication only on the first run, resume-processing not for full-load tasks
     * and only after a run, reload-target not for cdc tasks.
     */
    static void checkStartType(TaskRecord t, String startType, String type) {
        switch (startType) {
            case "start-replication" -> {
                if (t.everStarted) {
                    throw Errors.invalidState("Start type start-replication is valid only for the first run of a "
                            + "task. Task " + t.arn + " has run before: use resume-processing or reload-target.");
                }
            }
            case "resume-processing" -> {
                if ("full-load".equals(type)) {
                    throw Errors.invalidCombination("Start type resume-processing is not valid for a full-load "
                            + "task; use reload-target to run the full load again.");
                }
                if (!t.everStarted) {
                    throw Errors.invalidState("Task " + t.arn + " has never been started: use start-replication.");
                }
            }
            default -> {
                if ("cdc".equals(type)) {
                    throw Errors.invalidCombination("Start type reload-target is not valid for a cdc task.");
                }
            }
        }
    }

    /** The ReloadTables list's checks: names given, no duplicates, at most ten tables. */
    static void checkTablesToReload(List<TableToReload> tables) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < tables.size(); i++) {
            TableToReload tr = tables.get(i);
            if (tr == null || tr.schemaName() == null || tr.schemaName().isBlank()) {
                problems.add("TablesToReload[" + i + "].SchemaName is required");
            }
            if (tr == null || tr.tableName() == null || tr.tableName().isBlank()) {
                problems.add("TablesToReload[" + i + "].TableName is required");
            }
            if (tr != null && tr.schemaName() != null && tr.tableName() != null
                    && !seen.add(TaskRecord.tableKey(tr.schemaName(), tr.tableName()))) {
                problems.add("TablesToReload names " + tr.schemaName() + "." + tr.tableName() + " more than once");
            }
        }
        if (tables.size() > MAX_RELOAD_TABLES) {
            problems.add("TablesToReload holds " + tables.size() + " tables; at most "
                    + MAX_RELOAD_TABLES + " can be reloaded at a time");
        }
        if (!problems.isEmpty()) {
            throw Errors.invalidParameter(String.join("; ", problems) + ".");
        }
    }
}
