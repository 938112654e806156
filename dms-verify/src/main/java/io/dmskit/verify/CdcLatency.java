package io.dmskit.verify;

import java.time.Duration;
import java.util.Optional;

/**
 * A source of a task's current CDC latency, for deciding whether a difference between source and target is CDC lag
 * ({@link io.dmskit.verify.report.VerificationStatus#PENDING}) and for waiting until it is gone
 * ({@link Verifier#verifyWhenCaughtUp(Duration)}). The verifier works without one (the default reports nothing);
 * a sensor built on CloudWatch's {@code CDCLatencySource} + {@code CDCLatencyTarget} task metrics plugs in here:
 *
 * <pre>{@code
 * Verifier.builder()...cdcLatency(taskArn -> Optional.of(myCloudWatchLatency(taskArn))).build();
 * }</pre>
 *
 * <p>Implementations must be thread-safe and must not block for long; a failure should return empty rather than
 * throw (an exception is logged and treated as "not known").
 */
@FunctionalInterface
public interface CdcLatency {

    /** A latency source that never knows. */
    CdcLatency UNKNOWN = taskArn -> Optional.empty();

    /**
     * {@return the time between a change's commit on the source and its arrival on the target (source + target
     * latency), as now observed; empty when not known}
     *
     * @param taskArn the task
     */
    Optional<Duration> latency(String taskArn);
}
