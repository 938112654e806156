package io.dmskit.testkit;

import io.dmskit.testkit.internal.Args;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/**
 * One call made to a {@link FakeDms}: the operation, the request, what came back (a response or an exception) and
 * the fake's clock time when the call arrived. Immutable; {@link #toString()} shows no passwords (the SDK's request
 * {@code toString()} redacts sensitive fields).
 */
public final class CallRecord {

    private final long sequence;
    private final String operation;
    private final SdkRequest request;
    private final SdkResponse response;
    private final RuntimeException exception;
    private final Instant time;
    private final boolean mutating;
    private final String thread;

    /**
     * Creates a {@code CallRecord}.
     *
     * @param sequence position of the call in the fake's log, from 1
     * @param operation the DMS operation name, e.g. {@code CreateEndpoint}
     * @param request the request as received
     * @param response the response, or null when the call threw
     * @param exception the exception thrown, or null when the call succeeded
     * @param time the fake clock's time when the call arrived
     * @param mutating whether the operation changes state (Create/Modify/Delete/Start/Stop ...)
     * @param thread the name of the calling thread
     */
    public CallRecord(long sequence, String operation, SdkRequest request, SdkResponse response,
                      RuntimeException exception, Instant time, boolean mutating, String thread) {
        if ((response == null) == (exception == null)) {
            throw new IllegalArgumentException("exactly one of response and exception must be given");
        }
        this.sequence = sequence;
        this.operation = Args.required(operation, "CallRecord: operation");
        this.request = Args.required(request, "CallRecord: request");
        this.response = response;
        this.exception = exception;
        this.time = Args.required(time, "CallRecord: time");
        this.mutating = mutating;
        this.thread = thread;
    }

    /** {@return position of the call in the fake's log, from 1} */
    public long sequence() { return sequence; }

    /** {@return the DMS operation name, e.g. {@code CreateEndpoint}} */
    public String operation() { return operation; }

    /** {@return the request as received} */
    public SdkRequest request() { return request; }

    /**
     * {@return the request as that type}
     *
     * @param type the request class, e.g. {@code CreateEndpointRequest.class}
     * @param <T> the request type
     * @throws ClassCastException when the call was another operation
     */
    public <T extends SdkRequest> T request(Class<T> type) { return type.cast(request); }

    /** {@return the response, empty when the call threw} */
    public Optional<SdkResponse> response() { return Optional.ofNullable(response); }

    /** {@return the exception thrown, empty when the call succeeded} */
    public Optional<RuntimeException> exception() { return Optional.ofNullable(exception); }

    /** {@return whether the call returned a response} */
    public boolean succeeded() { return response != null; }

    /** {@return the AWS error code of the failure (e.g. {@code ThrottlingException}), empty on success} */
    public Optional<String> errorCode() {
        if (exception instanceof AwsServiceException ase && ase.awsErrorDetails() != null) {
            return Optional.ofNullable(ase.awsErrorDetails().errorCode());
        }
        return Optional.empty();
    }

    /** {@return the fake clock's time when the call arrived} */
    public Instant time() { return time; }

    /** {@return whether the operation changes state (Create, Modify, Delete, Start, Stop, Add/Remove tags ...)} */
    public boolean mutating() { return mutating; }

    /** {@return the name of the thread that made the call} */
    public String thread() { return thread; }

    @Override
    public String toString() {
        return "#" + sequence + " " + time + " " + operation + " "
                + (response != null ? "OK" : "FAILED " + errorCode().orElse(exception.getClass().getSimpleName()))
                + " " + request;
    }
}
