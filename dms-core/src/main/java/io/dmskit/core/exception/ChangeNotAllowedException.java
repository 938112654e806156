package io.dmskit.core.exception;

import java.util.List;

/**
 * The plan needs a change the caller's {@code ApplyPolicy} does not allow (restarting a
 * running task, replacing a resource). Thrown before any mutating call; lists every such change, each with the
 * policy that allows it written as code that compiles, e.g. {@code apply with ApplyPolicy.restartTasks() to allow it}.
 * Carries no {@link #partialOutcome()}: nothing was done.
 */
public class ChangeNotAllowedException extends DmsKitException {

    private static final long serialVersionUID = 1L;

    private final List<String> changes;

    /**
     * Creates a {@code ChangeNotAllowedException}.
     *
     * @param changes each change that is not allowed, with the policy setting that would allow it
     */
    public ChangeNotAllowedException(List<String> changes) {
        super("the plan needs changes the apply policy does not allow:\n  - " + String.join("\n  - ", changes),
            null, "apply", null, null, null);
        this.changes = List.copyOf(changes);
    }

    /** {@return the changes that are not allowed} */
    public List<String> changes() {
        return changes;
    }
}
