package io.dmskit.core.provision;

import java.time.Duration;
import java.time.Instant;

/**
 * A resource changed state while dmskit worked on it.
 *
 * @param kind resource kind
 * @param identifier resource identifier
 * @param operation what dmskit is doing, e.g. {@code create}, {@code stop}, {@code modify}, {@code start}
 * @param oldState the previous state (null at the start of an operation)
 * @param newState the new state ({@code (gone)} once deleted)
 * @param elapsed time since the operation began
 * @param at when it was observed (provisioner clock)
 */
public record ProgressEvent(ResourceKind kind, String identifier, String operation, String oldState, String newState,
                            Duration elapsed, Instant at) {

    /** {@return e.g. {@code replication task 'x' (start): starting -> running after PT42S}} */
    @Override
    public String toString() {
        return kind + " '" + identifier + "' (" + operation + "): " + (oldState == null ? "" : oldState + " -> ")
            + newState + " after " + elapsed;
    }
}
