package io.dmskit.verify.target;

import io.dmskit.core.exception.DmsKitException;

/** Reading the target (S3 objects or a target database) failed; the message names the location. */
public final class TargetReadException extends DmsKitException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates a {@code TargetReadException}.
     *
     * @param message what failed and where
     * @param cause the underlying error
     */
    public TargetReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
