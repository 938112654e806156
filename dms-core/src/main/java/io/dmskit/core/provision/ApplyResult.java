package io.dmskit.core.provision;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What {@code apply} did.
 *
 * @param plan the plan it carried out
 * @param arns ARN of every resource of the pipeline, by {@code kind:identifier} (e.g. {@code REPLICATION_TASK:x})
 * @param elapsed time taken (provisioner clock)
 * @param awsCalls AWS calls made, including reads and retries
 * @param mutatingCalls calls that change something (creates, modifies, deletes, starts, stops, secret writes);
 *     0 when the pipeline was unchanged
 * @param skippedDeletions resources removed from the pipeline (planned {@link ChangeAction#DELETE}) that were not
 *     deleted because the {@link ApplyPolicy} does not allow deletions; empty when they were deleted
 */
public record ApplyResult(Plan plan, Map<String, String> arns, Duration elapsed, long awsCalls, long mutatingCalls,
                          List<ResourceChange> skippedDeletions) {

    /** Copies the collections. */
    public ApplyResult {
        arns = Map.copyOf(arns);
        skippedDeletions = List.copyOf(skippedDeletions);
    }

    /**
     * A result without skipped deletions.
     *
     * @param plan plan
     * @param arns ARNs
     * @param elapsed elapsed
     * @param awsCalls calls
     * @param mutatingCalls mutating calls
     */
    public ApplyResult(Plan plan, Map<String, String> arns, Duration elapsed, long awsCalls, long mutatingCalls) {
        this(plan, arns, elapsed, awsCalls, mutatingCalls, List.of());
    }

    /**
     * @param kind kind
     * @param identifier identifier
     * @return the ARN (null when unknown)
     */
    public String arn(ResourceKind kind, String identifier) {
        return arns.get(kind.name() + ":" + identifier.toLowerCase(java.util.Locale.ROOT));
    }
}
