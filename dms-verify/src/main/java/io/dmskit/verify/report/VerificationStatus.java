package io.dmskit.verify.report;

/** Outcome for one table. */
public enum VerificationStatus {
    /** Source and target agree (exactly, or within the configured CDC-lag tolerance). */
    MATCH,
    /**
     * Both sides were counted and differ by more than the tolerance, and nothing says DMS is still on its way:
     * no DMS task is known, or the task is stopped or failed (the reason says so), or it is active but the table
     * shows none of the signs listed under {@link #PENDING}.
     */
    MISMATCH,
    /**
     * The task replicates the table and the source has rows (or the target is a database), but nothing is on the
     * target, and nothing says DMS is still on its way (the same rules as {@link #MISMATCH}).
     */
    MISSING_ON_TARGET,
    /** The target has the table but the task's mappings select no such source table. */
    EXTRA_ON_TARGET,
    /**
     * The counts differ (or the target has nothing yet) while DMS is still loading the table or applying changes
     * to it, so the difference is expected for now. Only with a DMS task ({@code dms(..).taskArn(..)}), and only
     * while the task is active (not {@code stopping}, {@code stopped}, {@code failed}, {@code failed-move} or
     * {@code deleting}). A table is PENDING when, checked in this order:
     * <ol>
     *   <li>its {@code TableState} is {@code Before load} (queued), {@code Full load} or
     *       {@code Table is being reloaded};</li>
     *   <li>DMS does not list it yet and the task's full load has not finished;</li>
     *   <li>the task applies CDC ({@code cdc}, {@code full-load-and-cdc}) and the table's counters (FullLoadRows,
     *       Inserts, Updates, Deletes) moved between two reads of the statistics: the one before counting and the
     *       one after (or the previous round of {@code verifyWhenCaughtUp});</li>
     *   <li>the task applies CDC and DMS's counters account for the difference: the rows they imply (full load +
     *       inserts − deletes) lie on the source's side of the target's count, i.e. DMS captured changes the
     *       target does not show yet (an S3 batch not yet written, a database not yet applied);</li>
     *   <li>the task applies CDC and the configured {@code CdcLatency} reports a latency above zero.</li>
     * </ol>
     * {@link io.dmskit.verify.report.TableVerification#statusReason()} says which rule applied.
     */
    PENDING,
    /** Counting failed (timeout, permissions, unreadable object); the message says why. */
    ERROR,
    /**
     * Content verification ({@code ContentVerifier}): the target holds exactly the source's rows, every value equal
     * as DMS renders it.
     */
    CONTENT_MATCH,
    /**
     * Content verification: keys missing on the target, extra on the target, or with differing values;
     * {@link TableVerification#content()} has the totals and samples.
     */
    CONTENT_MISMATCH,
    /**
     * Content verification: the only differences are LOB values the target holds cut short, as DMS does in limited
     * LOB mode; {@link TableContent#lobMaxSizeKb()} names the limit when the task settings were given.
     */
    LOB_TRUNCATED;

    /** {@return whether this status counts as success for {@code assertAllMatch()}} */
    public boolean isSuccess() {
        return this == MATCH || this == CONTENT_MATCH;
    }

    /**
     * {@return whether this status is a failure whatever the timing: not a success and not {@link #PENDING}; what
     * {@code assertNoMismatch()} fails on}
     */
    public boolean isFailure() {
        return !isSuccess() && this != PENDING;
    }
}
