package io.dmskit.observe.internal;

import io.dmskit.core.exception.DmsApiException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Every AWS call the observer makes goes through here: counted by operation (the benchmark reports these figures) and
 * logged at DEBUG; an AWS error becomes a {@link DmsApiException} naming the resource and the operation.
 */
public final class AwsCalls {

    private static final Logger LOG = LoggerFactory.getLogger("io.dmskit.observe.aws");

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    /**
     * Runs one AWS call.
     *
     * @param operation the AWS operation name, e.g. {@code DescribeReplicationTasks}
     * @param resource what the call is about (for the error message)
     * @param call the call
     * @param <T> response type
     * @return the response
     */
    public <T> T call(String operation, String resource, Supplier<T> call) {
        counts.computeIfAbsent(operation, k -> new LongAdder()).increment();
        LOG.debug("{} ({})", operation, resource);
        try {
            return call.get();
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            String msg = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            throw new DmsApiException(operation + " for " + resource + " failed: " + code + ": " + msg, resource,
                operation, code, e.requestId(), e.statusCode(), e);
        } catch (SdkException e) {
            throw new DmsApiException(operation + " for " + resource + " failed: " + e.getMessage(), resource,
                operation, null, null, null, e);
        }
    }

    /** @return calls made so far, by operation, sorted by name */
    public Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
