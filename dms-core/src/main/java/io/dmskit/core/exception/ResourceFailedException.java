package io.dmskit.core.exception;

import io.dmskit.model.StopReason;
import java.util.Optional;

/**
 * A resource reached a failure state while dmskit waited for it (a task {@code failed} or stopped with an error, an
 * instance {@code failed} or {@code incompatible-network}, a connection test {@code failed}). Carries DMS's status,
 * {@code StopReason} and {@code LastFailureMessage}.
 */
public class ResourceFailedException extends DmsKitException {

    private static final long serialVersionUID = 1L;

    private final String status;
    private final String stopReason;
    private final String lastFailureMessage;

    /**
     * Creates a {@code ResourceFailedException}.
     *
     * @param resource resource identifier
     * @param operation what dmskit was doing, e.g. {@code start}
     * @param status the status DMS reported
     * @param stopReason the StopReason, or null
     * @param lastFailureMessage the LastFailureMessage, or null
     */
    public ResourceFailedException(String resource, String operation, String status, String stopReason,
                                   String lastFailureMessage) {
        super(resource + " is " + status + " during " + operation
            + (stopReason == null ? "" : "; StopReason: " + stopReason)
            + (lastFailureMessage == null ? "" : "; LastFailureMessage: " + lastFailureMessage),
            resource, operation, null, null, null);
        this.status = status;
        this.stopReason = stopReason;
        this.lastFailureMessage = lastFailureMessage;
    }

    /** {@return the status DMS reported} */
    public String status() {
        return status;
    }

    /** {@return the raw StopReason text} */
    public Optional<String> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    /** {@return the StopReason parsed} */
    public Optional<StopReason> parsedStopReason() {
        return StopReason.parse(stopReason);
    }

    /** {@return DMS's LastFailureMessage} */
    public Optional<String> lastFailureMessage() {
        return Optional.ofNullable(lastFailureMessage);
    }
}
