package io.dmskit.testkit;

import java.util.Locale;
import java.util.Optional;

/**
 * Why a replication task stopped, as DMS reports it in {@code ReplicationTask.StopReason}. DMS's text carries the
 * literal prefix {@code "Stop Reason "}; {@link #text()} gives it exactly.
 */
public enum StopReason {
    /** Stopped by StopReplicationTask. */
    NORMAL,
    /** Stopped by an error DMS may recover from. */
    RECOVERABLE_ERROR,
    /** Stopped by an error DMS cannot recover from (the task is {@code failed}). */
    FATAL_ERROR,
    /** A {@code full-load} task finished its full load. */
    FULL_LOAD_ONLY_FINISHED,
    /** Stopped after full load as the task settings ask, cached changes not applied. */
    STOPPED_AFTER_FULL_LOAD,
    /** Stopped after full load as the task settings ask, cached changes applied. */
    STOPPED_AFTER_CACHED_EVENTS,
    /** Express license limits reached. */
    EXPRESS_LICENSE_LIMITS_REACHED,
    /** Stopped after applying a DDL change. */
    STOPPED_AFTER_DDL_APPLY,
    /** Stopped because the replication instance ran low on memory. */
    STOPPED_DUE_TO_LOW_MEMORY,
    /** Stopped because the replication instance ran low on disk. */
    STOPPED_DUE_TO_LOW_DISK,
    /** Reached the CdcStopPosition given as a server time. */
    STOPPED_AT_SERVER_TIME,
    /** Reached the CdcStopPosition given as a commit time. */
    STOPPED_AT_COMMIT_TIME,
    /** Restarted for a reconfiguration. */
    RECONFIGURATION_RESTART,
    /** Recycled by DMS. */
    RECYCLE_TASK;

    private static final String PREFIX = "Stop Reason ";

    /** @return the text DMS shows, for example {@code "Stop Reason FULL_LOAD_ONLY_FINISHED"} */
    public String text() {
        return PREFIX + name();
    }

    /**
     * Reads DMS's text leniently: with or without the {@code "Stop Reason "} prefix, any case, spaces or underscores.
     *
     * @param text a StopReason as DMS reports it, may be null
     * @return the reason, or empty when the text is null, blank or unknown
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
        return Optional.empty();
    }
}
