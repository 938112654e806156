package io.dmskit.core.internal;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One action on a resource and the condition that ends it.
 *
 * @param operation name for logs, progress and errors (e.g. {@code create}, {@code stop})
 * @param action the AWS call(s); returns the state the response reports (or null); null for a pure wait
 * @param until evaluates the resource as described (null when not found); null when nothing to wait for
 * @param wanted the wanted state(s), for timeouts and logs
 */
record Step(String operation, Supplier<String> action, Function<Probe, Outcome> until, String wanted) {

    /**
     * What a wait sees.
     *
     * @param resource the resource as described, null when not found
     * @param state its state text
     * @param seenActive whether any state was seen during this step
     * @param stepStarted when the step's action ran
     */
    public record Probe(Object resource, String state, boolean seenActive, java.time.Instant stepStarted) {
    }

    /** The result of one evaluation. */
    public sealed interface Outcome permits Done, Wait, Fail {
    }

    /** The step is finished. */
    public record Done() implements Outcome {
    }

    /** Keep waiting. */
    public record Wait() implements Outcome {
    }

    /** The resource failed. @param error the exception to raise */
    public record Fail(RuntimeException error) implements Outcome {
    }

    /** Done singleton. */
    public static final Outcome DONE = new Done();
    /** Wait singleton. */
    public static final Outcome WAIT = new Wait();
}
