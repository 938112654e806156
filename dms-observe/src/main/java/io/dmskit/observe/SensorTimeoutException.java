package io.dmskit.observe;

import io.dmskit.core.exception.WaitTimeoutException;
import java.time.Duration;
import java.util.Optional;

/** A {@link TaskSensor} wait ran out of time; the message and {@link #lastSnapshot()} say what was last seen. */
public class SensorTimeoutException extends WaitTimeoutException {

    private static final long serialVersionUID = 1L;

    private final transient TaskSnapshot lastSnapshot;

    /**
     * Creates a {@code SensorTimeoutException}.
     *
     * @param task the task identifier
     * @param condition the condition waited for
     * @param lastSeen what was last seen, in words
     * @param lastSnapshot the last snapshot, or null when none was taken
     * @param waited how long the sensor waited
     */
    public SensorTimeoutException(String task, String condition, String lastSeen, TaskSnapshot lastSnapshot,
                                  Duration waited) {
        super(task, "sensor", condition, lastSeen, waited);
        this.lastSnapshot = lastSnapshot;
    }

    /**
     * {@return the last snapshot taken before the timeout}
     */
    public Optional<TaskSnapshot> lastSnapshot() {
        return Optional.ofNullable(lastSnapshot);
    }
}
