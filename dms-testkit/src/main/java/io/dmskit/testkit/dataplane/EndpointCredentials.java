package io.dmskit.testkit.dataplane;

import java.util.Optional;

/**
 * How to log in to an endpoint: the password given on CreateEndpoint/ModifyEndpoint (DMS never echoes it), or the
 * Secrets Manager secret the endpoint names, resolved through the Secrets Manager client given to {@code FakeDms}.
 * {@code toString()} never shows the password.
 */
public interface EndpointCredentials {

    /** {@return the user name given on the endpoint or read from the secret} */
    Optional<String> username();

    /** {@return the password given on the endpoint or read from the secret} */
    Optional<String> password();

    /** {@return host name from the endpoint, or from the secret when the endpoint uses one} */
    Optional<String> serverName();

    /** {@return port from the endpoint, or from the secret when the endpoint uses one} */
    Optional<Integer> port();

    /**
     * {@return database name from the endpoint, or the {@code dbname} of the secret when the endpoint names none
     * (empty for engines without one)}
     */
    default Optional<String> databaseName() {
        return Optional.empty();
    }

    /** {@return the Secrets Manager secret the credentials came from, empty when they were given on the endpoint} */
    default Optional<String> secretId() {
        return Optional.empty();
    }
}
