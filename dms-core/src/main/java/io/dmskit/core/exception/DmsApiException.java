package io.dmskit.core.exception;

import java.util.Optional;

/**
 * An AWS call failed after retries (or with an error that is not retried). Names the resource, the operation and
 * AWS's error code, request id and HTTP status.
 */
public class DmsApiException extends DmsKitException {

    private static final long serialVersionUID = 1L;

    private final Integer statusCode;

    /**
     * Creates a {@code DmsApiException}.
     *
     * @param message what failed
     * @param resource resource identifier
     * @param operation AWS operation, e.g. {@code CreateEndpoint}
     * @param awsErrorCode error code, e.g. {@code ResourceAlreadyExistsFault}
     * @param awsRequestId request id
     * @param statusCode HTTP status or null
     * @param cause the SDK exception
     */
    public DmsApiException(String message, String resource, String operation, String awsErrorCode,
                           String awsRequestId, Integer statusCode, Throwable cause) {
        super(message, resource, operation, awsErrorCode, awsRequestId, cause);
        this.statusCode = statusCode;
    }

    /** {@return the HTTP status code, when AWS answered} */
    public Optional<Integer> statusCode() {
        return Optional.ofNullable(statusCode);
    }
}
