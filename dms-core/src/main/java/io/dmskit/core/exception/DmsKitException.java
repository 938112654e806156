package io.dmskit.core.exception;

import java.util.Optional;

/**
 * Root of every unchecked exception dmskit throws. Each names the resource and the operation it concerns and, where
 * AWS answered, its error code and request id. Messages never contain secrets.
 */
public class DmsKitException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String resource;
    private final String operation;
    private final String awsErrorCode;
    private final String awsRequestId;
    private transient volatile PartialOutcome partialResult;

    /**
     * Creates a {@code DmsKitException}.
     *
     * @param message what went wrong, in a sentence a user can act on
     * @param resource the resource concerned (identifier or ARN), or null
     * @param operation the operation (e.g. {@code CreateEndpoint}, {@code apply}), or null
     * @param awsErrorCode AWS's error code when AWS answered, or null
     * @param awsRequestId AWS's request id when AWS answered, or null
     * @param cause the underlying exception, or null
     */
    public DmsKitException(String message, String resource, String operation, String awsErrorCode,
                           String awsRequestId, Throwable cause) {
        super(message, cause);
        this.resource = resource;
        this.operation = operation;
        this.awsErrorCode = awsErrorCode;
        this.awsRequestId = awsRequestId;
    }

    /**
     * Creates a {@code DmsKitException}.
     *
     * @param message what went wrong
     * @param cause the underlying exception, or null
     */
    public DmsKitException(String message, Throwable cause) {
        this(message, null, null, null, null, cause);
    }

    /**
     * Creates a {@code DmsKitException}.
     *
     * @param message what went wrong
     */
    public DmsKitException(String message) {
        this(message, null, null, null, null, null);
    }

    /** {@return the resource concerned (identifier or ARN), if known} */
    public Optional<String> resource() {
        return Optional.ofNullable(resource);
    }

    /** {@return the operation that failed, if known} */
    public Optional<String> operation() {
        return Optional.ofNullable(operation);
    }

    /** {@return AWS's error code, when AWS answered} */
    public Optional<String> awsErrorCode() {
        return Optional.ofNullable(awsErrorCode);
    }

    /**
     * What {@code DmsProvisioner.apply} had done when this failure stopped it; read it typed with
     * {@code ApplyResult.partialResultOf(e)} (io.dmskit.core.provision), which returns the {@code ApplyResult} with
     * {@code complete() == false}. Empty for failures outside apply and for failures before any change, such as
     * {@link ChangeNotAllowedException} or {@link InvalidDefinitionException}.
     *
     * <pre>{@code
     * try {
     *     dms.apply(pipeline);
     * } catch (WaitTimeoutException e) {
     *     ApplyResult.partialResultOf(e).ifPresent(r -> System.out.println("finished before the timeout: " + r.finished()));
     * }
     * }</pre>
     *
     * @return the partial outcome of the apply this failure stopped
     */
    public Optional<PartialOutcome> partialOutcome() {
        return Optional.ofNullable(partialResult);
    }

    /**
     * Records what apply had done when this failure stopped it; the provisioner calls it once before rethrowing.
     * Later calls are ignored, so the first (innermost) apply's result stays.
     *
     * @param result the partial outcome
     * @return this exception
     */
    public DmsKitException recordPartialOutcome(PartialOutcome result) {
        if (partialResult == null) {
            partialResult = result;
        }
        return this;
    }

    /** {@return AWS's request id, when AWS answered} */
    public Optional<String> awsRequestId() {
        return Optional.ofNullable(awsRequestId);
    }
}
