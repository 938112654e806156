package io.dmskit.core.task;

/** How a replication task is started ({@code StartReplicationTaskType}). */
public enum StartType {
    /** First run of a task (full load from the beginning, or CDC from the given start point). */
    START_REPLICATION("start-replication"),
    /** Continue from where the task stopped. */
    RESUME_PROCESSING("resume-processing"),
    /** Reload all tables on the target and continue. */
    RELOAD_TARGET("reload-target");

    private final String wireValue;

    StartType(String wireValue) {
        this.wireValue = wireValue;
    }

    /** {@return the DMS value} */
    public String wireValue() {
        return wireValue;
    }

    @Override
    public String toString() {
        return wireValue;
    }
}
