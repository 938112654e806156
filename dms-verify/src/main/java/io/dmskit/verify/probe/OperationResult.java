package io.dmskit.verify.probe;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the probe saw for one change.
 *
 * @param operation the change
 * @param committedAt when the source transaction committed (measured by the probe right after COMMIT returned)
 * @param visibleAt when the change became visible on the target: the S3 object's LastModified, or for a database
 *                  target the poll that first saw it
 * @param detectedAt when the probe noticed it
 * @param where the object key or table where it was found
 */
public record OperationResult(ProbeOperation operation, Instant committedAt, Optional<Instant> visibleAt,
                              Optional<Instant> detectedAt, Optional<String> where) {

    /** {@return whether the change reached the target} */
    public boolean seen() {
        return detectedAt.isPresent();
    }

    /** {@return source commit → visible on the target (never negative)} */
    public Optional<Duration> latencyToVisible() {
        return visibleAt.map(v -> nonNegative(Duration.between(committedAt, v)));
    }

    /** {@return source commit → detected by the probe} */
    public Optional<Duration> latencyToDetected() {
        return detectedAt.map(d -> nonNegative(Duration.between(committedAt, d)));
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
