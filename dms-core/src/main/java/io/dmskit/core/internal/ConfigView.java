package io.dmskit.core.internal;

import java.util.Locale;
import software.amazon.awssdk.services.databasemigration.model.Replication;
import software.amazon.awssdk.services.databasemigration.model.ReplicationConfig;

/**
 * A DMS Serverless replication config with its replication, as one poll sees them.
 *
 * @param config the config
 * @param replication its replication, null when it never started
 */
record ConfigView(ReplicationConfig config, Replication replication) {

    /** @return the replication's status, {@code created} when it never started */
    String status() {
        return replication == null || replication.status() == null ? "created"
            : replication.status().toLowerCase(Locale.ROOT);
    }

    /**
     * @return the status with the capacity's provision state, e.g. {@code provisioning_capacity [provisioning]}: what
     *     progress events and timeouts report
     */
    String state() {
        String provision = replication == null || replication.provisionData() == null ? null
            : replication.provisionData().provisionState();
        return provision == null ? status() : status() + " [" + provision + "]";
    }
}
