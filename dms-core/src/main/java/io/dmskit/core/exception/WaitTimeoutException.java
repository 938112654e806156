package io.dmskit.core.exception;

import java.time.Duration;

/** A resource did not reach the wanted state within the timeout; names the last state seen. */
public class WaitTimeoutException extends DmsKitException {

    private static final long serialVersionUID = 1L;

    private final String lastState;
    private final Duration waited;

    /**
     * Creates a {@code WaitTimeoutException}.
     *
     * @param resource resource identifier
     * @param operation what dmskit waited for, e.g. {@code wait for running}
     * @param wanted the wanted state(s)
     * @param lastState the last state seen (or "not found")
     * @param waited how long dmskit waited
     */
    public WaitTimeoutException(String resource, String operation, String wanted, String lastState, Duration waited) {
        super(resource + " did not become " + wanted + " within " + waited + " (last state: " + lastState + ")",
            resource, operation, null, null, null);
        this.lastState = lastState;
        this.waited = waited;
    }

    /** {@return the last state seen} */
    public String lastState() {
        return lastState;
    }

    /** {@return how long dmskit waited} */
    public Duration waited() {
        return waited;
    }
}
