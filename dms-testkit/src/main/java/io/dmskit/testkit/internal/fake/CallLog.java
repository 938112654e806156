package io.dmskit.testkit.internal.fake;

import io.dmskit.testkit.CallRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;

/**
 * Internal: the log of every call a fake ({@link io.dmskit.testkit.FakeDms}, the CloudWatch fakes) received, in arrival order, with its own lock
 * (readers never wait for a DMS operation). Not API.
 */
public final class CallLog {

    private final List<CallRecord> calls = new ArrayList<>();
    private final String service;
    private final Set<String> operations;
    private final Predicate<String> mutating;
    private long callSequence;

    /** Creates an empty log of DMS calls. */
    public CallLog() {
        this("DMS", DmsRegion.operations(), DmsRegion::isMutating);
    }

    private CallLog(String service, Set<String> operations, Predicate<String> mutating) {
        this.service = service;
        this.operations = operations;
        this.mutating = mutating;
    }

    /**
     * Creates an empty log for the fake of another service: its operations are the SDK client interface's request
     * types ({@code PutMetricDataRequest} is {@code PutMetricData}); an operation changes state when its name starts
     * with a verb that does ({@code Put}, {@code Create}, {@code Delete}, {@code Set}, ...).
     *
     * @param service the service's name, for error messages (e.g. {@code CloudWatch})
     * @param clientInterface the SDK's client interface, e.g. {@code CloudWatchClient.class}
     * @return the log
     */
    public static CallLog forClient(String service, Class<?> clientInterface) {
        Set<String> ops = new TreeSet<>();
        for (java.lang.reflect.Method m : clientInterface.getMethods()) {
            if (m.getParameterCount() == 1 && SdkRequest.class.isAssignableFrom(m.getParameterTypes()[0])) {
                String n = m.getParameterTypes()[0].getSimpleName();
                ops.add(n.substring(0, n.length() - "Request".length()));
            }
        }
        return new CallLog(service, Set.copyOf(ops), op -> op.matches(
            "(Put|Create|Delete|Set|Enable|Disable|Start|Stop|Tag|Untag|Associate|Disassociate|Update|Cancel)[A-Z].*"));
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
                    mutating.test(operation), Thread.currentThread().getName()));
        }
    }

    /** @return every call so far, in arrival order */
    public List<CallRecord> all() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /**
     * @param operationName an operation name of the service, e.g. {@code CreateEndpoint}
     * @return the calls of that operation, in arrival order
     * @throws IllegalArgumentException when the service has no such operation
     */
    public List<CallRecord> of(String operationName) {
        Objects.requireNonNull(operationName, "operationName");
        if (!operations.contains(operationName)) {
            throw new IllegalArgumentException("Unknown " + service + " operation '" + operationName + "'");
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
