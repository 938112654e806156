package io.dmskit.core.provision;

import io.dmskit.core.exception.DmsKitException;
import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.core.exception.PartialOutcome;
import io.dmskit.core.internal.Validate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code apply} did: returned when it completes, and carried by the exception that stops it part way
 * (read with {@link #partialResultOf(DmsKitException)}), so a caller always learns what was done.
 *
 * <pre>{@code
 * ApplyResult r = dms.apply(pipeline);
 * if (!r.changed()) { ... }                                       // DMS already matched the pipeline
 * String taskArn = r.arn(ResourceKind.REPLICATION_TASK, "orders-cdc");
 * }</pre>
 *
 * @param plan the plan it carried out
 * @param arns ARN of every resource of the pipeline, by {@code kind:identifier} (e.g. {@code REPLICATION_TASK:x});
 *     in a partial result, those known when apply stopped
 * @param elapsed time taken (provisioner clock)
 * @param awsCalls AWS calls made, including reads and retries
 * @param mutatingCalls calls that change something (creates, modifies, deletes, starts, stops, secret writes);
 *     0 when the pipeline was unchanged
 * @param skippedDeletions resources removed from the pipeline (planned {@link ChangeAction#DELETE}) that were not
 *     deleted because the {@link ApplyPolicy} does not allow deletions; empty when they were deleted
 * @param finished {@code KIND:identifier} of each resource whose planned change was carried out to the end (a
 *     replaced resource's deletion as {@code KIND:identifier#delete}), in plan order; empty when
 *     nothing needed to change
 * @param complete whether apply carried out the whole plan; false in the result an exception carries
 */
public record ApplyResult(Plan plan, Map<String, String> arns, Duration elapsed, long awsCalls, long mutatingCalls,
                          List<ResourceChange> skippedDeletions, List<String> finished, boolean complete)
        implements PartialOutcome {

    /**
     * What apply had done when the given failure stopped it.
     *
     * @param failure an exception thrown by {@code DmsProvisioner.apply} (or any dmskit exception)
     * @return the partial result ({@link #complete()} false): resources finished, ARNs known, calls made; empty for
     *     failures outside apply and for failures before any change (e.g. {@code ChangeNotAllowedException})
     */
    public static Optional<ApplyResult> partialResultOf(DmsKitException failure) {
        if (failure == null) {
            return Optional.empty();
        }
        return failure.partialOutcome().filter(ApplyResult.class::isInstance).map(ApplyResult.class::cast);
    }

    /**
     * Copies the collections.
     *
     * @throws InvalidDefinitionException when a collection is null or holds a null (a null key or value in arns)
     */
    public ApplyResult {
        Validate.requireArgument(arns, "arns", "ApplyResult");
        Validate.requireElements(arns.keySet(), "arns (keys)", "ApplyResult");
        Validate.requireElements(arns.values(), "arns (values)", "ApplyResult");
        Validate.requireElements(skippedDeletions, "skippedDeletions", "ApplyResult");
        Validate.requireElements(finished, "finished", "ApplyResult");
        arns = Map.copyOf(arns);
        skippedDeletions = List.copyOf(skippedDeletions);
        finished = List.copyOf(finished);
    }

    /**
     * A complete result whose finished resources are not listed.
     *
     * @param plan plan
     * @param arns ARNs
     * @param elapsed elapsed
     * @param awsCalls calls
     * @param mutatingCalls mutating calls
     * @param skippedDeletions deletions not done
     * @throws InvalidDefinitionException as the canonical constructor
     */
    public ApplyResult(Plan plan, Map<String, String> arns, Duration elapsed, long awsCalls, long mutatingCalls,
                       List<ResourceChange> skippedDeletions) {
        this(plan, arns, elapsed, awsCalls, mutatingCalls, skippedDeletions, List.of(), true);
    }

    /**
     * A complete result without skipped deletions.
     *
     * @param plan plan
     * @param arns ARNs
     * @param elapsed elapsed
     * @param awsCalls calls
     * @param mutatingCalls mutating calls
     * @throws InvalidDefinitionException as the canonical constructor
     */
    public ApplyResult(Plan plan, Map<String, String> arns, Duration elapsed, long awsCalls, long mutatingCalls) {
        this(plan, arns, elapsed, awsCalls, mutatingCalls, List.of());
    }

    /** {@return whether apply changed anything in DMS or Secrets Manager (made a mutating call)} */
    public boolean changed() {
        return mutatingCalls > 0;
    }

    /**
     * {@return the ARN (null when unknown)}
     *
     * @param kind kind
     * @param identifier identifier
     * @throws InvalidDefinitionException when kind or identifier is null
     */
    public String arn(ResourceKind kind, String identifier) {
        Validate.requireArgument(kind, "kind", "ApplyResult.arn");
        Validate.requireArgument(identifier, "identifier", "ApplyResult.arn");
        return arns.get(kind.name() + ":" + identifier.toLowerCase(java.util.Locale.ROOT));
    }
}
