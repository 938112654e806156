package io.dmskit.engine.internal;

/** A replication problem with a message fit for a task's LastFailureMessage or a TestConnection failure. */
class EngineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EngineException(String message) {
        super(message);
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
    }
}
