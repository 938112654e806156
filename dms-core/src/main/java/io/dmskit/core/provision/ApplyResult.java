package io.dmskit.core.provision;

import java.time.Duration;
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
 */
public record ApplyResult(Plan plan, Map<String, String> arns, Duration elapsed, long awsCalls, long mutatingCalls) {

    /** Copies the map. */
    public ApplyResult {
        arns = Map.copyOf(arns);
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
