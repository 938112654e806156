package io.dmskit.testkit.dataplane;

/** A task's replication in progress, as returned by {@link ReplicationEngine#start}. */
public interface RunningReplication {

    /**
     * Stops replication (StopReplicationTask, DeleteReplicationTask or FakeDms shutdown). Returns once no more data
     * moves; the engine records its CDC position through {@link ReplicationContext#checkpoint(String)} before it
     * returns, so that a later {@code resume-processing} start continues from there.
     */
    void stop();
}
