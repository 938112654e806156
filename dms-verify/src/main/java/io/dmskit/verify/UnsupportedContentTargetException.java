package io.dmskit.verify;

import io.dmskit.core.exception.DmsKitException;

/**
 * Content verification cannot compare with this kind of target in this build (the message names the target and
 * what is supported).
 */
public final class UnsupportedContentTargetException extends DmsKitException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an {@code UnsupportedContentTargetException}.
     *
     * @param message what is not supported and what is
     */
    public UnsupportedContentTargetException(String message) {
        super(message, null, "verifyContent", null, null, null);
    }
}
