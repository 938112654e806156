package io.dmskit.verify.probe;

/**
 * What a CDC probe could establish, from what the target showed and, when the verifier knows the DMS task
 * ({@code dms(..).taskArn(..)}), from the task's status and table statistics at the end of the wait.
 *
 * <pre>{@code
 * CdcProbeResult r = verifier.probeCdc(o -> o.schema("sales").createTableIfMissing(true));
 * if (r.outcome() == ProbeOutcome.TABLE_NOT_IN_TASK) {
 *     // fix the table mappings (or restart the task): waiting longer will not help
 * }
 * }</pre>
 */
public enum ProbeOutcome {

    /** Every change was seen on the target in time. */
    SUCCEEDED,

    /** The task is not {@code running} (stopped, failed, ...): no change can reach the target. */
    TASK_NOT_RUNNING,

    /**
     * The task is running but its table statistics do not list the probe table: the task is not capturing it (its
     * table mappings do not select it, or the replication did not pick up a table created after the task started).
     * Waiting longer or a shorter batch interval would not help.
     */
    TABLE_NOT_IN_TASK,

    /**
     * The task lists the probe table, but its statistics have not counted the probe's changes: they were not captured
     * from the source (yet): source latency, or a capture that does not see them.
     */
    NOT_CAPTURED,

    /**
     * The task's statistics count the probe's changes, but the target did not show them in time: target latency,
     * e.g. an S3 {@code CdcMaxBatchInterval} that does not fit in the timeout.
     */
    NOT_AT_TARGET,

    /** Not every change was seen in time, and there was no DMS task to ask why (the verifier has no task ARN). */
    TIMED_OUT,

    /** A change of the marker row failed on the source. */
    SOURCE_CHANGE_FAILED,

    /** The probe was interrupted while waiting. */
    INTERRUPTED
}
