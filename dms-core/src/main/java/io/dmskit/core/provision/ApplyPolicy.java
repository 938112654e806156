package io.dmskit.core.provision;

/**
 * What {@code apply} may do beyond creating and modifying idle resources. Start from a named policy and add what
 * else is allowed:
 *
 * <pre>{@code
 * dms.apply(pipeline, ApplyPolicy.restartTasks());                          // stop -> modify -> start running tasks
 * dms.apply(pipeline, ApplyPolicy.safe().withAllowReplace(true));           // delete and recreate what must be
 * dms.apply(pipeline, ApplyPolicy.all().withAllowDeletes(true));            // everything, removals included
 * }</pre>
 *
 * <p>The defaults are safe: a running task is never stopped, nothing is deleted to be recreated and nothing removed
 * from the pipeline is deleted, unless the caller says so; a plan needing a restart or a replacement fails before
 * any mutating call with a {@link io.dmskit.core.exception.ChangeNotAllowedException} whose message names the policy
 * that allows it (as code, e.g. {@code ApplyPolicy.restartTasks()}), while resources removed from the pipeline are
 * reported as skipped ({@link ApplyResult#skippedDeletions()}).
 *
 * @param restartRunningTasks allow stop → modify → resume of running tasks (and stop → resume after an endpoint
 *     change), and starting a replaced task again when it was running before
 * @param allowReplace allow deleting and recreating resources whose changed fields DMS cannot modify in place
 * @param allowDeletes allow deleting tasks, replication configs, endpoints and instances tagged with the pipeline's
 *     name that the pipeline no longer defines (tasks and replications are stopped first; deletion in dependency
 *     order)
 * @param discardCheckpoints allow replacing a DMS Serverless replication config whose replication has started: DMS
 *     cannot modify such a config, so a change deletes it and creates it again, and its replication's checkpoint
 *     (where CDC was) is lost; needs {@code allowReplace} too, and {@code restartRunningTasks} when the replication
 *     runs. Never part of a named policy: ask for it with {@link #withDiscardCheckpoints(boolean)}.
 */
public record ApplyPolicy(boolean restartRunningTasks, boolean allowReplace, boolean allowDeletes,
                          boolean discardCheckpoints) {

    /**
     * A policy that never discards a replication's checkpoint.
     *
     * @param restartRunningTasks allow restarts of running tasks and replications
     * @param allowReplace allow replacements
     * @param allowDeletes allow deleting what the pipeline no longer defines
     */
    public ApplyPolicy(boolean restartRunningTasks, boolean allowReplace, boolean allowDeletes) {
        this(restartRunningTasks, allowReplace, allowDeletes, false);
    }

    /**
     * A policy that does not delete removed resources.
     *
     * @param restartRunningTasks allow restarts of running tasks
     * @param allowReplace allow replacements
     * @deprecated two positional booleans read as nothing: use {@link #safe()}, {@link #restartTasks()},
     *     {@link #all()} or {@code ApplyPolicy.safe().withAllowReplace(true)}
     */
    @Deprecated(since = "0.1.0")
    public ApplyPolicy(boolean restartRunningTasks, boolean allowReplace) {
        this(restartRunningTasks, allowReplace, false);
    }

    /** {@return the defaults: no restarts, no replacements, no deletions} */
    public static ApplyPolicy safe() {
        return new ApplyPolicy(false, false, false);
    }

    /** {@return restarts of running tasks allowed, replacements and deletions not} */
    public static ApplyPolicy restartTasks() {
        return new ApplyPolicy(true, false, false);
    }

    /**
     * {@return restarts and replacements allowed; deleting resources removed from the pipeline still has to be asked
     * for explicitly with {@link #withAllowDeletes(boolean)}}
     */
    public static ApplyPolicy all() {
        return new ApplyPolicy(true, true, false);
    }

    /**
     * {@return a copy}
     *
     * @param allow restart running tasks
     */
    public ApplyPolicy withRestartRunningTasks(boolean allow) {
        return new ApplyPolicy(allow, allowReplace, allowDeletes, discardCheckpoints);
    }

    /**
     * {@return a copy}
     *
     * @param allow replace resources
     */
    public ApplyPolicy withAllowReplace(boolean allow) {
        return new ApplyPolicy(restartRunningTasks, allow, allowDeletes, discardCheckpoints);
    }

    /**
     * {@return a copy}
     *
     * @param allow delete resources tagged {@code dmskit:pipeline=<name>} that the pipeline no longer defines
     */
    public ApplyPolicy withAllowDeletes(boolean allow) {
        return new ApplyPolicy(restartRunningTasks, allowReplace, allow, discardCheckpoints);
    }

    /**
     * {@return a copy}
     *
     * @param allow replace DMS Serverless replication configs whose replication has started, losing its checkpoint
     *     (with {@code allowReplace}; the replacement starts from scratch)
     */
    public ApplyPolicy withDiscardCheckpoints(boolean allow) {
        return new ApplyPolicy(restartRunningTasks, allowReplace, allowDeletes, allow);
    }
}
