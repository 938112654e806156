package io.dmskit.core.endpoint;

/** TLS mode of a database endpoint ({@code SslMode}). */
public enum SslMode {
    /** No TLS. */
    NONE("none"),
    /** TLS without certificate check. */
    REQUIRE("require"),
    /** TLS, certificate authority checked (needs a certificate). */
    VERIFY_CA("verify-ca"),
    /** TLS, certificate and host name checked (needs a certificate). */
    VERIFY_FULL("verify-full");

    private final String wireValue;

    SslMode(String wireValue) {
        this.wireValue = wireValue;
    }

    /** {@return the DMS value} */
    public String wireValue() {
        return wireValue;
    }

    @Override
    public String toString() {
        return wireValue;
    }
}
