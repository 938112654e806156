package io.dmskit.core.task;

import java.util.Locale;

/**
 * Why a replication task stopped ({@code StopReason}). DMS writes them as {@code "Stop Reason FULL_LOAD_ONLY_FINISHED"};
 * {@link #parse(String)} accepts the prefix, spaces and any case.
 */
public enum StopReason {
    /** Stopped by a user. */
    NORMAL,
    /** A recoverable error stopped the task. */
    RECOVERABLE_ERROR,
    /** A fatal error stopped the task. */
    FATAL_ERROR,
    /** A full-load task finished: success. */
    FULL_LOAD_ONLY_FINISHED,
    /** Stopped after the full load, cached changes not applied (FullLoadSettings asked for it). */
    STOPPED_AFTER_FULL_LOAD,
    /** Stopped after the full load, cached changes applied (FullLoadSettings asked for it). */
    STOPPED_AFTER_CACHED_EVENTS,
    /** Express edition limits reached. */
    EXPRESS_LICENSE_LIMITS_REACHED,
    /** Stopped after applying a DDL. */
    STOPPED_AFTER_DDL_APPLY,
    /** Low memory. */
    STOPPED_DUE_TO_LOW_MEMORY,
    /** Low disk. */
    STOPPED_DUE_TO_LOW_DISK,
    /** Reached the requested server time. */
    STOPPED_AT_SERVER_TIME,
    /** Reached the requested commit time. */
    STOPPED_AT_COMMIT_TIME,
    /** Restarted for reconfiguration. */
    RECONFIGURATION_RESTART,
    /** Recycled. */
    RECYCLE_TASK,
    /** A reason this version does not know. */
    UNKNOWN;

    /**
     * @param text the StopReason as DMS reports it, or null
     * @return the reason, null when text is null or blank, {@link #UNKNOWN} when not recognised
     */
    public static StopReason parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.startsWith("STOP REASON")) {
            t = t.substring("STOP REASON".length()).trim();
        }
        t = t.replace(' ', '_').replace('-', '_');
        for (StopReason r : values()) {
            if (r.name().equals(t)) {
                return r;
            }
        }
        return UNKNOWN;
    }

    /** @return whether a task that stopped for this reason did what it was asked to do */
    public boolean isSuccessfulEnd() {
        return this == FULL_LOAD_ONLY_FINISHED || this == STOPPED_AFTER_FULL_LOAD || this == STOPPED_AFTER_CACHED_EVENTS
            || this == STOPPED_AT_SERVER_TIME || this == STOPPED_AT_COMMIT_TIME || this == NORMAL;
    }

    /** @return whether this reason is an error */
    public boolean isError() {
        return this == RECOVERABLE_ERROR || this == FATAL_ERROR || this == STOPPED_DUE_TO_LOW_MEMORY
            || this == STOPPED_DUE_TO_LOW_DISK || this == EXPRESS_LICENSE_LIMITS_REACHED;
    }
}
