package io.dmskit.testkit.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.services.secretsmanager.model.InternalServiceErrorException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/**
 * Fault injection for a {@link io.dmskit.testkit.FakeSecretsManager}, read as sentences:
 *
 * <pre>{@code
 * secrets.faults().throttle("GetSecretValue").times(2);      // the next two reads are throttled
 * secrets.faults().serverError("*").rate(0.1);               // one call in ten fails with HTTP 500
 * secrets.faults().error("PutSecretValue", "LimitExceededException", 400, "Too many versions").once();
 * }</pre>
 *
 * <p>A faulted call fails before it reaches the store (nothing changes) and is recorded in the call log with its
 * error. Rules apply in the order they were added. Thread-safe.
 */
public final class SecretsFaults {

    private final Set<String> operations;
    private final List<ErrorRule> rules = new ArrayList<>();
    private Random random = new Random(20171017L);

    /**
     * @param operations the operation names the fake implements (for checking rule names)
     */
    public SecretsFaults(Set<String> operations) {
        this.operations = Set.copyOf(operations);
    }

    /**
     * @param operation an operation such as {@code GetSecretValue}, or {@code "*"}
     * @return a rule failing it with error code {@code ThrottlingException} (HTTP 400, "Rate exceeded"), which the
     *     SDK's retry strategies treat as throttling
     */
    public Rule throttle(String operation) {
        return new Rule(check(operation), () -> error(SecretsManagerException.builder(), "ThrottlingException",
                400, "Rate exceeded"));
    }

    /**
     * @param operation an operation, or {@code "*"}
     * @return a rule failing it with {@code InternalServiceErrorException} (HTTP 500)
     */
    public Rule serverError(String operation) {
        return new Rule(check(operation), () -> error(InternalServiceErrorException.builder(),
                "InternalServiceError", 500, "An error occurred on the server side."));
    }

    /**
     * @param operation an operation, or {@code "*"}
     * @param errorCode the AWS error code, e.g. {@code LimitExceededException}
     * @param statusCode the HTTP status
     * @param message the error message
     * @return a rule failing it with a {@code SecretsManagerException} carrying that code and status
     */
    public Rule error(String operation, String errorCode, int statusCode, String message) {
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(message, "message");
        if (statusCode < 400 || statusCode > 599) {
            throw new IllegalArgumentException("statusCode must be 4xx or 5xx, was " + statusCode);
        }
        return new Rule(check(operation), () -> error(SecretsManagerException.builder(), errorCode, statusCode,
                message));
    }

    /**
     * @param seed makes {@link Rule#rate(double)} rules reproducible
     * @return this
     */
    public synchronized SecretsFaults seed(long seed) {
        this.random = new Random(seed);
        return this;
    }

    /** @return this, with every rule removed */
    public synchronized SecretsFaults clear() {
        rules.clear();
        return this;
    }

    /**
     * Decides the fault of one call, consuming one count of a {@code times(n)} rule. Used by the fake.
     *
     * @param operation the operation being called
     * @return the exception to throw, if any
     */
    public synchronized Optional<RuntimeException> errorFor(String operation) {
        for (ErrorRule r : rules) {
            if (!(r.operation.equals("*") || r.operation.equals(operation)) || r.remaining == 0) {
                continue;
            }
            if (r.rate >= 0) {
                if (random.nextDouble() < r.rate) {
                    return Optional.of(r.error.get());
                }
                continue;
            }
            if (r.remaining > 0) {
                r.remaining--;
            }
            return Optional.of(r.error.get());
        }
        return Optional.empty();
    }

    private String check(String operation) {
        Objects.requireNonNull(operation, "operation");
        if (!operation.equals("*") && !operations.contains(operation)) {
            throw new IllegalArgumentException("Unknown Secrets Manager operation '" + operation
                    + "': use the API name, e.g. GetSecretValue, or \"*\"; supported: " + operations);
        }
        return operation;
    }

    private synchronized SecretsFaults add(ErrorRule rule) {
        rules.add(rule);
        return this;
    }

    private static RuntimeException error(AwsServiceException.Builder builder, String code, int status,
                                          String message) {
        return builder.message(message).statusCode(status).requestId(UUID.randomUUID().toString())
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message)
                        .serviceName("SecretsManager")
                        .sdkHttpResponse(SdkHttpResponse.builder().statusCode(status).build()).build())
                .build();
    }

    /** An error rule waiting to be told how often it applies. */
    public final class Rule {
        private final String operation;
        private final Supplier<RuntimeException> error;

        private Rule(String operation, Supplier<RuntimeException> error) {
            this.operation = operation;
            this.error = error;
        }

        /**
         * @param n how many matching calls fail (at least 1)
         * @return the faults
         */
        public SecretsFaults times(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("times must be at least 1, was " + n);
            }
            return add(new ErrorRule(operation, error, n, -1));
        }

        /** @return the faults, with the next matching call failing */
        public SecretsFaults once() {
            return times(1);
        }

        /** @return the faults, with every matching call failing until {@link SecretsFaults#clear()} */
        public SecretsFaults always() {
            return add(new ErrorRule(operation, error, -1, -1));
        }

        /**
         * @param probability the chance, between 0 and 1, that a matching call fails
         * @return the faults
         */
        public SecretsFaults rate(double probability) {
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("rate must be between 0 and 1, was " + probability);
            }
            return add(new ErrorRule(operation, error, -1, probability));
        }
    }

    private static final class ErrorRule {
        final String operation;
        final Supplier<RuntimeException> error;
        int remaining;
        final double rate;

        ErrorRule(String operation, Supplier<RuntimeException> error, int remaining, double rate) {
            this.operation = operation;
            this.error = error;
            this.remaining = remaining;
            this.rate = rate;
        }
    }
}
