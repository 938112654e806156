package io.dmskit.core.provision;

/**
 * The result of testing one endpoint from one replication instance.
 *
 * @param endpoint endpoint identifier
 * @param replicationInstance instance identifier
 * @param status {@code successful}, {@code failed} or the last state seen
 * @param lastFailureMessage DMS's failure message, or null
 */
public record ConnectionTest(String endpoint, String replicationInstance, String status, String lastFailureMessage) {

    /** {@return whether the connection works} */
    public boolean successful() {
        return "successful".equalsIgnoreCase(status);
    }
}
