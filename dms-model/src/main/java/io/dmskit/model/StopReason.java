package io.dmskit.model;

import java.util.Locale;
import java.util.Optional;

/**
 * Why a replication task stopped ({@code StopReason} in DescribeReplicationTasks). DMS writes them as
 * {@code "Stop Reason FULL_LOAD_ONLY_FINISHED"}; {@link #parse(String)} accepts that prefix, spaces for underscores
 * and any case, and {@link #text()} writes DMS's exact form.
 *
 * <pre>{@code
 * StopReason.parse(task.stopReason()).filter(StopReason::isError).ifPresent(r -> alert(r));
 * }</pre>
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
    /** A reason this version of dmskit does not know (a newer DMS); the raw text is kept by whoever parsed it. */
    UNKNOWN;

    private static final String PREFIX = "Stop Reason ";

    /** {@return the text DMS shows, e.g. {@code "Stop Reason FULL_LOAD_ONLY_FINISHED"}} */
    public String text() {
        return PREFIX + name();
    }

    /**
     * Reads a stop reason as DMS writes it (with or without the {@code "Stop Reason "} prefix, any case, spaces or
     * hyphens for underscores).
     *
     * @param text the StopReason text; null or blank means the task has no stop reason
     * @return empty for null or blank text, {@link #UNKNOWN} for a reason this version does not know
     */
    public static Optional<StopReason> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim();
        if (t.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            t = t.substring(PREFIX.length());
        }
        String key = t.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (StopReason r : values()) {
            if (r.name().equals(key)) {
                return Optional.of(r);
            }
        }
        return Optional.of(UNKNOWN);
    }

    /** {@return true when the task ended as asked: a finished full load, a planned stop point, or a user's stop} */
    public boolean isSuccessfulEnd() {
        return this == FULL_LOAD_ONLY_FINISHED || this == STOPPED_AFTER_FULL_LOAD || this == STOPPED_AFTER_CACHED_EVENTS
            || this == STOPPED_AT_SERVER_TIME || this == STOPPED_AT_COMMIT_TIME || this == NORMAL;
    }

    /** {@return true when an error or a resource limit stopped the task} */
    public boolean isError() {
        return this == RECOVERABLE_ERROR || this == FATAL_ERROR || this == STOPPED_DUE_TO_LOW_MEMORY
            || this == STOPPED_DUE_TO_LOW_DISK || this == EXPRESS_LICENSE_LIMITS_REACHED;
    }
}
