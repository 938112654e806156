package io.dmskit.core.task;

import io.dmskit.model.StopReason;
import io.dmskit.model.TaskStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * A replication task as DMS reports it now.
 *
 * @param identifier task identifier
 * @param arn task ARN
 * @param status the status
 * @param rawStatus the status text as DMS wrote it
 * @param stopReason why it stopped, or null
 * @param lastFailureMessage DMS's last failure message, or null
 * @param startDate when it was last started, or null if never
 * @param fullLoadProgressPercent full-load progress, or null
 * @param migrationType the task's migration type, or null when DMS did not report it
 */
public record TaskState(String identifier, String arn, TaskStatus status, String rawStatus, StopReason stopReason,
                        String lastFailureMessage, Instant startDate, Integer fullLoadProgressPercent,
                        MigrationType migrationType) {

    /** {@return the StopReason} */
    public Optional<StopReason> stopReasonValue() {
        return Optional.ofNullable(stopReason);
    }

    /**
     * The start type {@code start} chooses: {@code start-replication} for a task that never ran;
     * {@code reload-target} for a full-load task that ran before (DMS cannot resume a partial full load);
     * {@code resume-processing} otherwise (continue CDC from where it stopped).
     *
     * @return the start type
     */
    public StartType naturalStartType() {
        if (startDate == null && (status == TaskStatus.READY || status == TaskStatus.CREATING)) {
            return StartType.START_REPLICATION;
        }
        if (migrationType == MigrationType.FULL_LOAD || stopReason == StopReason.FULL_LOAD_ONLY_FINISHED) {
            return StartType.RELOAD_TARGET;
        }
        return startDate == null && status != TaskStatus.STOPPED && status != TaskStatus.FAILED
            ? StartType.START_REPLICATION : StartType.RESUME_PROCESSING;
    }
}
