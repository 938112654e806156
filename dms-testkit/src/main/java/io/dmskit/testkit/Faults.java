package io.dmskit.testkit;

import io.dmskit.testkit.internal.Args;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Fault injection for the fakes of this testkit ({@link FakeDms#faults()}, {@link FakeSecretsManager#faults()}), per
 * operation, written as sentences:
 *
 * <pre>{@code
 * dms.faults().throttle("CreateEndpoint").times(3);          // next 3 calls: ThrottlingException
 * dms.faults().throttle("DescribeReplicationTasks").rate(0.2); // 20% of calls, seeded
 * dms.faults().serverError("StartReplicationTask").once();    // HTTP 500
 * dms.faults().serviceUnavailable("*").always();              // HTTP 503 until clear()
 * dms.faults().latency("DescribeEndpoints", Duration.ofSeconds(2)); // fake clock moves 2 s per call
 * dms.faults().eventualConsistency("CreateReplicationTask").invisibleFor(2); // 2 Describe calls miss new tasks
 * secrets.faults().error("PutSecretValue", "LimitExceededException", 400, "Too many versions").once();
 * }</pre>
 *
 * <p>The rules are the same for every fake; each fake answers with its own service's exceptions: for DMS a
 * {@code DatabaseMigrationException} ({@code ThrottlingException}, {@code InternalFailure}, {@code ServiceUnavailable}),
 * for Secrets Manager a {@code SecretsManagerException} ({@code ThrottlingException}, {@code InternalServiceError} as
 * an {@code InternalServiceErrorException}, {@code ServiceUnavailable}). Operation names are the service's (e.g.
 * {@code CreateEndpoint}, {@code GetSecretValue}); {@code "*"} means every operation. Error rules apply in the order
 * they were added. A faulted call fails before it changes anything and is still recorded in the fake's
 * {@code calls()}. Latency needs the fake to run on a {@link FakeClock}; eventual consistency is modelled by
 * {@link FakeDms} only. Thread-safe.
 */
public final class Faults {

    /** Seed of the random numbers of {@link Rule#rate(double)} rules until {@link #seed(long)} is called. */
    private static final long DEFAULT_SEED = 20160101L;

    private final FaultTarget target;
    private final List<ErrorRule> errors = new ArrayList<>();
    private final List<LatencyRule> latencies = new ArrayList<>();
    private final List<ConsistencyRule> consistency = new ArrayList<>();
    private Random random = new Random(DEFAULT_SEED);

    Faults(FaultTarget target) {
        this.target = Args.required(target, "Faults: target");
    }

    private String checkOperation(String operation) {
        Args.required(operation, "Faults: operation");
        if (!operation.equals("*") && !target.operations().contains(operation)) {
            throw new IllegalArgumentException("Unknown " + target.serviceName() + " operation '" + operation
                    + "': use the operation name as in the " + target.serviceName() + " API, e.g. "
                    + target.exampleOperation() + ", or \"*\"; supported: " + new TreeSet<>(target.operations()));
        }
        return operation;
    }

    /**
     * {@return the start of a rule making that operation fail with error code {@code ThrottlingException} (HTTP 400,
     * "Rate exceeded"), which the SDK's retry strategies and resilience4j treat as throttling}
     *
     * @param operation the operation, or {@code "*"}
     */
    public Rule throttle(String operation) {
        return new Rule(checkOperation(operation), target::throttling);
    }

    /**
     * {@return the start of a rule making that operation fail with the service's internal error (HTTP 500: {@code
     * InternalFailure} for DMS, {@code InternalServiceError} for Secrets Manager)}
     *
     * @param operation the operation, or {@code "*"}
     */
    public Rule serverError(String operation) {
        return new Rule(checkOperation(operation), target::serverError);
    }

    /**
     * {@return the start of a rule making that operation fail with HTTP 503 {@code ServiceUnavailable}}
     *
     * @param operation the operation, or {@code "*"}
     */
    public Rule serviceUnavailable(String operation) {
        return new Rule(checkOperation(operation), target::serviceUnavailable);
    }

    /**
     * {@return the start of a rule making that operation fail with this error (as the service's base exception, {@code
     * DatabaseMigrationException} or {@code SecretsManagerException}, carrying that code and status)}
     *
     * @param operation the operation, or {@code "*"}
     * @param errorCode the AWS error code, e.g. {@code AccessDeniedFault}
     * @param statusCode the HTTP status code, 4xx or 5xx
     * @param message the error message
     */
    public Rule error(String operation, String errorCode, int statusCode, String message) {
        Args.required(errorCode, "Faults: errorCode");
        Args.required(message, "Faults: message");
        if (statusCode < 400 || statusCode > 599) {
            throw new IllegalArgumentException("statusCode must be 4xx or 5xx, got " + statusCode);
        }
        return new Rule(checkOperation(operation), () -> target.error(errorCode, statusCode, message));
    }

    /**
     * Every call of the operation takes this long in fake time: the fake's clock moves forward by {@code latency}
     * before the call is handled (no real waiting).
     *
     * @param operation the operation, or {@code "*"}
     * @param latency how long each call takes
     * @return these faults
     * @throws IllegalStateException when the fake does not run on a {@link FakeClock}
     */
    public Faults latency(String operation, Duration latency) {
        Args.required(latency, "Faults: latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, got " + latency);
        }
        target.whyNoLatency().ifPresent(why -> {
            throw new IllegalStateException(why);
        });
        synchronized (this) {
            latencies.add(new LatencyRule(checkOperation(operation), latency));
        }
        return this;
    }

    /**
     * {@return the start of a rule hiding resources created by any Create operation from Describe calls}
     *
     * @throws UnsupportedOperationException when the fake does not model eventual consistency
     */
    public Consistency eventualConsistency() {
        return eventualConsistency("*");
    }

    /**
     * {@return the start of a rule hiding resources created by that operation from Describe calls}
     *
     * @param createOperation a Create operation, e.g. {@code CreateReplicationTask}, or {@code "*"}
     * @throws UnsupportedOperationException when the fake does not model eventual consistency
     */
    public Consistency eventualConsistency(String createOperation) {
        String operation = checkOperation(createOperation);
        target.whyNoEventualConsistency().ifPresent(why -> {
            throw new UnsupportedOperationException(why);
        });
        return new Consistency(operation);
    }

    /**
     * {@return these faults}
     *
     * @param seed the seed of the random numbers used by {@link Rule#rate(double)} rules
     */
    public synchronized Faults seed(long seed) {
        random = new Random(seed);
        return this;
    }

    /** Removes every fault rule. @return these faults */
    public synchronized Faults clear() {
        errors.clear();
        latencies.clear();
        consistency.clear();
        return this;
    }

    /** {@return whether no rule is active} */
    public synchronized boolean isEmpty() {
        errors.removeIf(r -> r.remaining == 0);
        return errors.isEmpty() && latencies.isEmpty() && consistency.isEmpty();
    }

    /**
     * Decides the fault of one call; consumes one count of a {@code times(n)} rule.
     *
     * @param operation the operation being called
     * @return the exception to throw, if any
     */
    synchronized Optional<RuntimeException> errorFor(String operation) {
        // First matching rule wins; a rate rule that does not fire lets later rules decide.
        for (ErrorRule r : errors) {
            if (!r.matches(operation) || r.remaining == 0) {
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

    /**
     * {@return how far the fake's clock moves before the call is handled (the sum of the matching latency rules)}
     *
     * @param operation the operation being called
     */
    synchronized Duration latencyFor(String operation) {
        Duration total = Duration.ZERO;
        for (LatencyRule r : latencies) {
            if (r.operation.equals("*") || r.operation.equals(operation)) {
                total = total.plus(r.latency);
            }
        }
        return total;
    }

    /**
     * {@return how many Describe calls miss that resource (the longest matching rule; 0 for none)}
     *
     * @param createOperation the Create operation that made a resource
     */
    synchronized int invisibilityFor(String createOperation) {
        int n = 0;
        for (ConsistencyRule r : consistency) {
            if (r.operation.equals("*") || r.operation.equals(createOperation)) {
                n = Math.max(n, r.describeCalls);
            }
        }
        return n;
    }

    private synchronized Faults add(ErrorRule rule) {
        errors.add(rule);
        return this;
    }

    @Override
    public synchronized String toString() {
        return "Faults[" + target.serviceName() + ": " + errors.size() + " error, " + latencies.size() + " latency, "
                + consistency.size() + " consistency rules]";
    }

    /** An error rule waiting for how often it applies. */
    public final class Rule {
        private final String operation;
        private final Supplier<RuntimeException> error;

        private Rule(String operation, Supplier<RuntimeException> error) {
            this.operation = operation;
            this.error = error;
        }

        /**
         * {@return the faults, to add more rules}
         *
         * @param n how many of the next calls fail; must be positive
         */
        public Faults times(int n) {
            if (n <= 0) {
                throw new IllegalArgumentException("times must be positive, got " + n);
            }
            return add(new ErrorRule(operation, error, n, -1));
        }

        /** {@return the faults; the next call fails} */
        public Faults once() {
            return times(1);
        }

        /** {@return the faults; every call fails until {@link Faults#clear()}} */
        public Faults always() {
            return add(new ErrorRule(operation, error, -1, -1));
        }

        /**
         * {@return the faults}
         *
         * @param probability the share of calls that fail, in [0, 1], drawn from a seeded random (see
         *     {@link Faults#seed(long)})
         */
        public Faults rate(double probability) {
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("rate must be between 0 and 1, got " + probability);
            }
            return add(new ErrorRule(operation, error, -1, probability));
        }
    }

    /** An eventual-consistency rule waiting for its length. */
    public final class Consistency {
        private final String operation;

        private Consistency(String operation) {
            this.operation = operation;
        }

        /**
         * A resource created from now on stays out of the results of the next {@code describeCalls} Describe calls
         * of its kind (a Describe filtered on it answers {@code ResourceNotFoundFault}, as AWS does right after a
         * create).
         *
         * @param describeCalls how many Describe calls miss the new resource; must be positive
         * @return the faults
         */
        public Faults invisibleFor(int describeCalls) {
            if (describeCalls <= 0) {
                throw new IllegalArgumentException("describeCalls must be positive, got " + describeCalls);
            }
            synchronized (Faults.this) {
                consistency.add(new ConsistencyRule(operation, describeCalls));
            }
            return Faults.this;
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

        boolean matches(String op) {
            return operation.equals("*") || operation.equals(op);
        }
    }

    private record LatencyRule(String operation, Duration latency) {
    }

    private record ConsistencyRule(String operation, int describeCalls) {
    }
}
