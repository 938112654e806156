package io.dmskit.testkit.internal.fake;

import io.dmskit.testkit.CallRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/**
 * Internal: the log of every call a {@link io.dmskit.testkit.FakeDms} received, in arrival order, with its own lock
 * (readers never wait for a DMS operation). Not API.
 */
public final class CallLog {

    private final List<CallRecord> calls = new ArrayList<>();
    private long callSequence;

    /** Creates an empty log. */
    public CallLog() {
    }

    /**
     * Appends one call; exactly one of response and error is given.
     *
     * @param operation the DMS operation name
     * @param request the request as received
     * @param response the response, or null when the call threw
     * @param error the exception thrown, or null when the call succeeded
     * @param time the fake clock's time when the call arrived
     */
    public void record(String operation, SdkRequest request, SdkResponse response, RuntimeException error,
                       Instant time) {
        synchronized (calls) {
            calls.add(new CallRecord(++callSequence, operation, request, response, error, time,
                    DmsRegion.isMutating(operation), Thread.currentThread().getName()));
        }
    }

    /** @return every call so far, in arrival order */
    public List<CallRecord> all() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /**
     * @param operationName a DMS operation name, e.g. {@code CreateEndpoint}
     * @return the calls of that operation, in arrival order
     * @throws IllegalArgumentException when DMS has no such operation
     */
    public List<CallRecord> of(String operationName) {
        Objects.requireNonNull(operationName, "operationName");
        if (!DmsRegion.operations().contains(operationName)) {
            throw new IllegalArgumentException("Unknown DMS operation '" + operationName + "'");
        }
        synchronized (calls) {
            return calls.stream().filter(c -> c.operation().equals(operationName)).toList();
        }
    }

    /** @return how many calls of state-changing operations were made (including failed ones) */
    public long mutatingCount() {
        synchronized (calls) {
            return calls.stream().filter(CallRecord::mutating).count();
        }
    }

    /** Forgets every call. */
    public void clear() {
        synchronized (calls) {
            calls.clear();
        }
    }
}
