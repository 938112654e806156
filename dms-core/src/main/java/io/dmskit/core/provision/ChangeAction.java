package io.dmskit.core.provision;

/** What applying a plan does to one resource. */
public enum ChangeAction {
    /** Create it: it does not exist. */
    CREATE("+"),
    /** Change it in place. */
    MODIFY("~"),
    /** Delete and create it again: a field changed that DMS cannot modify in place. */
    REPLACE("-/+"),
    /**
     * Stop a running task, and start it again (resume): to modify it (DMS modifies only a stopped task: stop,
     * modify, start) or so that it picks up a change of one of its endpoints (stop, start). Needs
     * {@code ApplyPolicy.restartTasks()}.
     */
    RESTART("~"),
    /**
     * Delete it: a resource tagged with the pipeline's name that the pipeline no longer defines, or any resource in a
     * destroy plan.
     */
    DELETE("-"),
    /** Nothing to do. */
    NO_OP(" ");

    private final String symbol;

    ChangeAction(String symbol) {
        this.symbol = symbol;
    }

    /** {@return the symbol used in plan renderings ({@code +}, {@code ~}, {@code -/+}, {@code -})} */
    public String symbol() {
        return symbol;
    }
}
