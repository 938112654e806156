package io.dmskit.core.provision;

/** Receives state changes during long operations (apply, start, stop, destroy, waits). Called from dmskit threads. */
@FunctionalInterface
public interface ProgressListener {

    /**
     * Called once per state change.
     *
     * @param event the state change
     */
    void onProgress(ProgressEvent event);

    /** {@return a listener that ignores events} */
    static ProgressListener none() {
        return e -> {
        };
    }
}
