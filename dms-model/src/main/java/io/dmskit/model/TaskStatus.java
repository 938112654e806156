package io.dmskit.model;

import java.util.Locale;
import java.util.Optional;

/** Replication task status ({@code ReplicationTask.Status}, a free string in the API). */
public enum TaskStatus {
    /** Being created. */
    CREATING,
    /** Created, never started, modifiable. */
    READY,
    /** Starting. */
    STARTING,
    /** Running. */
    RUNNING,
    /** Stopping. */
    STOPPING,
    /** Stopped (see the StopReason). */
    STOPPED,
    /** Failed (see the LastFailureMessage). */
    FAILED,
    /** Being modified. */
    MODIFYING,
    /** Being moved to another instance. */
    MOVING,
    /** A move failed. */
    FAILED_MOVE,
    /** Being tested (assessment). */
    TESTING,
    /** Being deleted. */
    DELETING,
    /** A status this version does not know. */
    UNKNOWN;

    /**
     * {@return the status; empty when text is null or blank, {@link #UNKNOWN} when not recognised}
     *
     * @param text status as DMS reports it ({@code "running"}, {@code "failed-move"}, ...)
     */
    public static Optional<TaskStatus> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (TaskStatus s : values()) {
            if (s.name().equals(key)) {
                return Optional.of(s);
            }
        }
        return Optional.of(UNKNOWN);
    }

    /** {@return whether the task settles from here by itself (creating, starting, stopping, modifying, ...)} */
    public boolean isTransitional() {
        return this == CREATING || this == STARTING || this == STOPPING || this == MODIFYING || this == MOVING
            || this == TESTING || this == DELETING;
    }

    /** {@return whether ModifyReplicationTask is accepted in this status (stopped, ready, failed)} */
    public boolean isModifiable() {
        return this == READY || this == STOPPED || this == FAILED;
    }

    /** {@return the DMS spelling} */
    public String wireValue() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
