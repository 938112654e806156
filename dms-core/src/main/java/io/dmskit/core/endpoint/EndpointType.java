package io.dmskit.core.endpoint;

/** Whether an endpoint is read from or written to ({@code EndpointType}). */
public enum EndpointType {
    /** Read from. */
    SOURCE("source"),
    /** Written to. */
    TARGET("target");

    private final String wireValue;

    EndpointType(String wireValue) {
        this.wireValue = wireValue;
    }

    /** {@return {@code source} or {@code target}} */
    public String wireValue() {
        return wireValue;
    }

    @Override
    public String toString() {
        return wireValue;
    }
}
