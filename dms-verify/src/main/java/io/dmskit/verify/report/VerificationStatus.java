package io.dmskit.verify.report;

/** Outcome for one table. */
public enum VerificationStatus {
    /** Source and target agree (exactly, or within the configured CDC-lag tolerance). */
    MATCH,
    /** Both sides were counted and differ by more than the tolerance. */
    MISMATCH,
    /** The task replicates the table and the source has rows, but nothing is on the target. */
    MISSING_ON_TARGET,
    /** The target has the table but the task's mappings select no such source table. */
    EXTRA_ON_TARGET,
    /** DMS still loads the table (table statistics say so), so a difference is expected for now. */
    PENDING,
    /** Counting failed (timeout, permissions, unreadable object); the message says why. */
    ERROR;

    /** @return whether this status counts as success for {@code assertAllMatch()} */
    public boolean isSuccess() {
        return this == MATCH;
    }
}
