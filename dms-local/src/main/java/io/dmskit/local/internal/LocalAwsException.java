package io.dmskit.local.internal;

/** Carries the AWS error an HTTP request is answered with, from where it is found to the handler that writes it. */
final class LocalAwsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The error to answer. */
    private final transient AwsError error;

    /** @param error the error to answer */
    public LocalAwsException(AwsError error) {
        super(error.code() + ": " + error.message(), null, false, false);
        this.error = error;
    }

    /** @return the error to answer */
    public AwsError error() {
        return error;
    }
}
