package io.dmskit.core.provision;

import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.core.exception.InvalidDefinitionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Retries of AWS calls that failed with throttling, a 5xx or a network error: exponential backoff with jitter
 * (resilience4j). Immutable. Start from {@link #defaults()} and change what differs with the {@code with...} methods
 * rather than the positional constructor:
 *
 * <pre>{@code
 * RetrySettings.defaults().withMaxAttempts(12).withMaxBackoff(Duration.ofSeconds(60))
 * }</pre>
 *
 * @param maxAttempts attempts including the first (at least 1)
 * @param initialBackoff the first backoff
 * @param multiplier growth factor per attempt (at least 1)
 * @param jitter randomization factor 0..1 (0.5: each backoff is 50%..150% of the nominal value)
 * @param maxBackoff cap of a single backoff
 */
public record RetrySettings(int maxAttempts, Duration initialBackoff, double multiplier, double jitter,
                            Duration maxBackoff) {

    /**
     * Validates the components.
     *
     * @throws InvalidDefinitionException listing every invalid component (nulls, NaN and out-of-range values)
     */
    public RetrySettings {
        List<DefinitionProblem> problems = new ArrayList<>();
        if (maxAttempts < 1) {
            problems.add(DefinitionProblem.of("maxAttempts", "must be at least 1, was " + maxAttempts));
        }
        if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
            problems.add(DefinitionProblem.of("multiplier", "must be a finite number of at least 1, was " + multiplier));
        }
        if (!(jitter >= 0 && jitter < 1)) {
            problems.add(DefinitionProblem.of("jitter", "must be in [0, 1), was " + jitter));
        }
        if (initialBackoff == null || initialBackoff.isNegative() || initialBackoff.isZero()) {
            problems.add(DefinitionProblem.of("initialBackoff", "must be positive, was " + initialBackoff));
        }
        if (maxBackoff == null) {
            problems.add(DefinitionProblem.of("maxBackoff", "is required"));
        } else if (initialBackoff != null && maxBackoff.compareTo(initialBackoff) < 0) {
            problems.add(DefinitionProblem.of("maxBackoff", "must not be shorter than initialBackoff"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException(problems.stream().map(p -> p.in("RetrySettings")).toList());
        }
    }

    /** {@return 8 attempts, 500 ms doubling with 50% jitter, at most 20 s per wait} */
    public static RetrySettings defaults() {
        return new RetrySettings(8, Duration.ofMillis(500), 2.0, 0.5, Duration.ofSeconds(20));
    }

    /** {@return a single attempt (no retries)} */
    public static RetrySettings none() {
        return new RetrySettings(1, Duration.ofMillis(1), 1.0, 0.0, Duration.ofMillis(1));
    }

    /**
     * {@return a copy}
     *
     * @param attempts attempts including the first
     */
    public RetrySettings withMaxAttempts(int attempts) {
        return new RetrySettings(attempts, initialBackoff, multiplier, jitter, maxBackoff);
    }

    /**
     * Named alternative to the five positional components:
     * {@code RetrySettings.defaults().withInitialBackoff(Duration.ofSeconds(1)).withMaxBackoff(Duration.ofMinutes(1))}.
     *
     * @param backoff the first backoff
     * @return a copy
     */
    public RetrySettings withInitialBackoff(Duration backoff) {
        return new RetrySettings(maxAttempts, backoff, multiplier, jitter, maxBackoff);
    }

    /**
     * {@return a copy}
     *
     * @param factor growth factor per attempt (at least 1)
     */
    public RetrySettings withMultiplier(double factor) {
        return new RetrySettings(maxAttempts, initialBackoff, factor, jitter, maxBackoff);
    }

    /**
     * {@return a copy}
     *
     * @param randomization randomization factor in [0, 1)
     */
    public RetrySettings withJitter(double randomization) {
        return new RetrySettings(maxAttempts, initialBackoff, multiplier, randomization, maxBackoff);
    }

    /**
     * {@return a copy}
     *
     * @param backoff cap of a single backoff (not shorter than the initial backoff)
     */
    public RetrySettings withMaxBackoff(Duration backoff) {
        return new RetrySettings(maxAttempts, initialBackoff, multiplier, jitter, backoff);
    }
}
