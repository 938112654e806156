package io.dmskit.core.serverless;

import io.dmskit.core.task.MigrationType;
import io.dmskit.core.task.StartType;
import io.dmskit.model.StopReason;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A DMS Serverless replication config and its replication as DMS reports them now ({@code DescribeReplications}).
 * Before the first {@code StartReplication} a config has no replication: {@link #status()} is then {@code created}
 * and {@link #hasStarted()} false.
 *
 * @param identifier the replication config's identifier
 * @param configArn the replication config's ARN
 * @param status the replication's status as DMS wrote it ({@code created} when it never started)
 * @param provisionState the capacity's provision state ({@code provisioning}, {@code provisioned},
 *     {@code deprovisioning}, {@code deprovisioned}, ...), or null
 * @param provisionedCapacityUnits the DCU provisioned now, or null
 * @param stopReason why it stopped, or null
 * @param failureMessages DMS's failure messages (empty when none)
 * @param startDate when it last started, or null if never
 * @param startType how it last started, or null if never
 * @param fullLoadProgressPercent full-load progress, or null
 * @param replicationType the replication type, or null when DMS did not report it
 */
public record ReplicationState(String identifier, String configArn, String status, String provisionState,
                               Integer provisionedCapacityUnits, StopReason stopReason, List<String> failureMessages,
                               Instant startDate, StartType startType, Integer fullLoadProgressPercent,
                               MigrationType replicationType) {

    /** The status of a config whose replication never started. */
    public static final String NEVER_STARTED = "created";

    private static final Set<String> RUNNING = Set.of("initializing", "preparing_metadata_resources",
        "testing_connection", "fetching_metadata", "calculating_capacity", "provisioning_capacity",
        "replication_starting", "running");

    /** Copies the list. */
    public ReplicationState {
        failureMessages = failureMessages == null ? List.of() : List.copyOf(failureMessages);
    }

    /**
     * {@return whether a replication of this config ever started (then DMS no longer lets the config change)}
     */
    public boolean hasStarted() {
        return startType != null || startDate != null || !(NEVER_STARTED.equals(lower()) || "ready".equals(lower()));
    }

    /**
     * {@return whether the replication runs or is on its way to running (initializing, provisioning capacity,
     * starting, running)}
     */
    public boolean isRunning() {
        return RUNNING.contains(lower());
    }

    /**
     * {@return whether it is stopping}
     */
    public boolean isStopping() {
        return "stopping".equals(lower());
    }

    /**
     * {@return whether it failed}
     */
    public boolean isFailed() {
        return "failed".equals(lower());
    }

    /**
     * {@return the first failure message, if any}
     */
    public Optional<String> lastFailureMessage() {
        return failureMessages.isEmpty() ? Optional.empty() : Optional.of(failureMessages.get(failureMessages.size() - 1));
    }

    /**
     * The start type a plain start uses: {@code start-replication} the first time; {@code reload-target} for a
     * full-load replication that ran before (DMS cannot resume a partial full load); {@code resume-processing}
     * otherwise (CDC continues from its checkpoint).
     *
     * @return the start type
     */
    public StartType naturalStartType() {
        if (!hasStarted()) {
            return StartType.START_REPLICATION;
        }
        return replicationType == MigrationType.FULL_LOAD || stopReason == StopReason.FULL_LOAD_ONLY_FINISHED
            ? StartType.RELOAD_TARGET : StartType.RESUME_PROCESSING;
    }

    private String lower() {
        return status == null ? "" : status.toLowerCase(Locale.ROOT);
    }
}
