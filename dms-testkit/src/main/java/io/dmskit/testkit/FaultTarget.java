package io.dmskit.testkit;

import java.util.Optional;
import java.util.Set;

/**
 * What {@link Faults} needs from the fake of one AWS service: the service's name and operations, and how that service
 * shapes the errors a rule injects (exception class, error code, HTTP status, service name in
 * {@code awsErrorDetails()}). Each fake supplies one; the rules and the decision which call fails belong to
 * {@link Faults} alone.
 */
interface FaultTarget {

    /** {@return the service as users name it in messages, e.g. {@code DMS}} */
    String serviceName();

    /** {@return the operation names the fake implements, as in the service's API} */
    Set<String> operations();

    /** {@return an operation named in the hint for an unknown one, e.g. {@code CreateEndpoint}} */
    String exampleOperation();

    /** {@return the service's throttling error (error code {@code ThrottlingException}, HTTP 400)} */
    RuntimeException throttling();

    /** {@return the service's internal error (HTTP 500)} */
    RuntimeException serverError();

    /** {@return the service's "unavailable" error (HTTP 503)} */
    RuntimeException serviceUnavailable();

    /**
     * {@return the service's exception for that code}
     *
     * @param errorCode the AWS error code
     * @param statusCode the HTTP status
     * @param message the message
     */
    RuntimeException error(String errorCode, int statusCode, String message);

    /** {@return why the fake cannot honour latency rules, or empty when it can} */
    default Optional<String> whyNoLatency() {
        return Optional.empty();
    }

    /** {@return why the fake cannot honour eventual-consistency rules, or empty when it can} */
    default Optional<String> whyNoEventualConsistency() {
        return Optional.empty();
    }
}
