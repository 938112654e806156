package io.dmskit.core.internal;

import io.dmskit.core.exception.DmsApiException;
import io.dmskit.core.exception.DmsKitException;
import io.dmskit.core.provision.RetrySettings;
import io.dmskit.core.provision.Sleeper;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Runs AWS calls under a resilience4j {@link Retry} (throttling, 5xx and network errors; exponential backoff with
 * jitter), sleeping through the injected {@link Sleeper}, and turns the final failure into a
 * {@link DmsApiException} naming resource, operation, error code and request id. Creates go through
 * {@link #create}, which settles an unknown outcome by looking the resource up before trying again.
 */
public final class AwsCaller {

    private static final Logger LOG = LoggerFactory.getLogger("io.dmskit.core.aws");
    private static final Set<String> THROTTLING = Set.of("Throttling", "ThrottlingException", "TooManyRequestsException",
        "RequestLimitExceeded", "RequestThrottled", "RequestThrottledException", "SlowDown", "ProvisionedThroughputExceededException");
    private static final Set<String> TRANSIENT = Set.of("InternalFailure", "InternalServerError", "ServiceUnavailable",
        "ServiceUnavailableException", "InternalServiceError", "RequestTimeout", "RequestTimeoutException");

    private final Retry retry;
    private final Sleeper sleeper;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong mutations = new AtomicLong();

    /**
     * @param settings retry settings
     * @param sleeper how to wait between attempts
     */
    public AwsCaller(RetrySettings settings, Sleeper sleeper) {
        this.sleeper = sleeper;
        IntervalFunction interval = settings.jitter() == 0
            ? IntervalFunction.ofExponentialBackoff(settings.initialBackoff(), settings.multiplier(), settings.maxBackoff())
            : IntervalFunction.ofExponentialRandomBackoff(settings.initialBackoff(), settings.multiplier(),
                settings.jitter(), settings.maxBackoff());
        this.retry = Retry.of("dmskit-aws", RetryConfig.custom()
            .maxAttempts(settings.maxAttempts())
            .intervalFunction(interval)
            .retryOnException(AwsCaller::isRetryable)
            .failAfterMaxAttempts(false)
            .build());
    }

    /** @return the resilience4j retry (metrics, events) */
    public Retry retry() {
        return retry;
    }

    /** @return AWS calls made (attempts, including retries) */
    public long calls() {
        return calls.get();
    }

    /** @return attempts of mutating operations (Create, Modify, Delete, Start, Stop, Reload, Put, Restore, ...) */
    long mutatingCalls() {
        return mutations.get();
    }

    private static boolean mutating(String operation) {
        return operation.matches("(Create|Modify|Delete|Start|Stop|Reload|Put|Restore|Move|Reboot|Test|AddTags|RemoveTags).*");
    }

    /** @return attempts that were retries */
    public long retries() {
        return retries.get();
    }

    /**
     * @param t an exception from an AWS call
     * @return whether trying again may succeed (throttling, 5xx, network)
     */
    static boolean isRetryable(Throwable t) {
        if (t instanceof AwsServiceException e) {
            return e.isThrottlingException() || e.statusCode() >= 500 || THROTTLING.contains(code(e))
                || TRANSIENT.contains(code(e));
        }
        if (t instanceof SdkClientException) {
            return true;
        }
        return t instanceof SdkException s && s.retryable();
    }

    /**
     * @param t an exception from a create call
     * @return whether the request may have been carried out although it failed (5xx or network error)
     */
    static boolean outcomeUnknown(Throwable t) {
        if (t instanceof AwsServiceException e) {
            return !e.isThrottlingException() && !THROTTLING.contains(code(e))
                && (e.statusCode() >= 500 || TRANSIENT.contains(code(e)));
        }
        return t instanceof SdkClientException;
    }

    /**
     * @param e an AWS error
     * @return its error code, or null
     */
    static String code(AwsServiceException e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    /**
     * @param t any throwable
     * @return the AWS error code if t is an AWS error
     */
    static Optional<String> codeOf(Throwable t) {
        return t instanceof AwsServiceException e ? Optional.ofNullable(code(e)) : Optional.empty();
    }

    /**
     * Runs a call with retries.
     *
     * @param operation the AWS operation name, e.g. {@code DescribeEndpoints}
     * @param resource the resource concerned
     * @param call the call
     * @param <T> result type
     * @return the result
     * @throws DmsApiException when the call fails for good
     */
    <T> T call(String operation, String resource, Supplier<T> call) {
        Retry.AsyncContext<T> ctx = retry.asyncContext();
        int attempt = 0;
        while (true) {
            attempt++;
            calls.incrementAndGet();
            if (mutating(operation)) {
                mutations.incrementAndGet();
            }
            try {
                T result = call.get();
                ctx.onComplete();
                logSuccess(operation, resource);
                return result;
            } catch (DmsKitException e) {
                throw e;
            } catch (RuntimeException e) {
                long delay = ctx.onError(e);
                if (delay < 0) {
                    throw translate(operation, resource, e, attempt);
                }
                backoff(operation, resource, e, attempt, delay);
            }
        }
    }

    /**
     * Every AWS call is logged here, once, at DEBUG (logger {@code io.dmskit.core.aws}); what a call changed is
     * logged at INFO by the provisioner as a state change, so a passing run is quiet at INFO.
     */
    private static void logSuccess(String operation, String resource) {
        LOG.debug("{} {}", operation, resource);
    }

    /**
     * Runs a create whose outcome may be unknown: after a 5xx or network error, {@code find} looks the resource
     * up; if it exists it is returned instead of creating it again. {@code ResourceAlreadyExistsFault} (an earlier
     * attempt, or another writer, won) is settled the same way. Never creates a duplicate.
     *
     * @param operation e.g. {@code CreateEndpoint}
     * @param resource identifier
     * @param create the create call
     * @param find looks the resource up; empty when absent
     * @param <T> result type
     * @return the created (or found) resource
     */
    <T> T create(String operation, String resource, Supplier<T> create, Supplier<Optional<T>> find) {
        Retry.AsyncContext<T> ctx = retry.asyncContext();
        int attempt = 0;
        while (true) {
            attempt++;
            calls.incrementAndGet();
            mutations.incrementAndGet();
            try {
                T result = create.get();
                ctx.onComplete();
                logSuccess(operation, resource);
                return result;
            } catch (DmsKitException e) {
                throw e;
            } catch (RuntimeException e) {
                boolean exists = codeOf(e).map(c -> c.startsWith("ResourceAlreadyExists")).orElse(false);
                if (exists || outcomeUnknown(e)) {
                    Optional<T> found = findSettled(operation, resource, find, exists);
                    if (found.isPresent()) {
                        LOG.info("{} {}: {} answered {}, and the resource exists: using it (no duplicate)", operation,
                            resource, operation, codeOf(e).orElse(e.getClass().getSimpleName()));
                        ctx.onComplete();
                        return found.get();
                    }
                    if (exists) {
                        throw translate(operation, resource, e, attempt);
                    }
                }
                long delay = ctx.onError(e);
                if (delay < 0) {
                    throw translate(operation, resource, e, attempt);
                }
                backoff(operation, resource, e, attempt, delay);
            }
        }
    }

    private <T> Optional<T> findSettled(String operation, String resource, Supplier<Optional<T>> find, boolean mustExist) {
        // After AlreadyExists the resource exists, but a read may not show it yet (eventual consistency): look a few
        // times with backoff. After an unknown outcome one look decides; the retry loop looks again next time.
        int looks = mustExist ? 8 : 1;
        Duration wait = Duration.ofMillis(500);
        for (int i = 0; i < looks; i++) {
            Optional<T> found = call("Describe(" + operation + ")", resource, find);
            if (found.isPresent()) {
                return found;
            }
            if (i + 1 < looks) {
                sleep(wait);
                wait = wait.multipliedBy(2);
            }
        }
        return Optional.empty();
    }

    private void backoff(String operation, String resource, RuntimeException e, int attempt, long delayMillis) {
        retries.incrementAndGet();
        LOG.debug("{} {} attempt {} failed ({}); retrying in {} ms", operation, resource, attempt,
            codeOf(e).orElse(e.getClass().getSimpleName()), delayMillis);
        sleep(Duration.ofMillis(delayMillis));
    }

    private void sleep(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new DmsKitException("interrupted while waiting to retry", ie);
        }
    }

    /**
     * @param operation AWS operation
     * @param resource resource
     * @param e the failure
     * @param attempts attempts made
     * @return the exception to throw
     */
    static DmsApiException translate(String operation, String resource, RuntimeException e, int attempts) {
        String tries = attempts > 1 ? " after " + attempts + " attempts" : "";
        if (e instanceof AwsServiceException a) {
            String msg = a.awsErrorDetails() == null ? a.getMessage() : a.awsErrorDetails().errorMessage();
            return new DmsApiException(operation + " " + resource + " failed" + tries + ": " + code(a) + ": " + msg
                + " (request id " + a.requestId() + ")", resource, operation, code(a), a.requestId(), a.statusCode(), e);
        }
        return new DmsApiException(operation + " " + resource + " failed" + tries + ": " + e.getMessage(), resource,
            operation, null, null, null, e);
    }
}
