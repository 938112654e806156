package io.dmskit.engine.internal;

import java.time.Duration;
import java.util.List;

/** Captures a source's committed row changes for the selected tables, from a position on. */
interface ChangeCapture extends AutoCloseable {

    /**
     * Returns the changes committed since the previous call, waiting at most {@code timeout} for the first one.
     *
     * @param timeout how long to wait when nothing has changed
     * @return the changes, in commit order; empty when nothing changed
     * @throws Exception when the source cannot be read (the caller retries and eventually fails the task)
     */
    List<Change> poll(Duration timeout) throws Exception;

    /** @return the position reached, for {@code ReplicationContext.checkpoint} (after the last polled change) */
    String position();

    /** @return a short description for logs and the README ("binlog", "polling") */
    String mode();

    @Override
    void close();
}
