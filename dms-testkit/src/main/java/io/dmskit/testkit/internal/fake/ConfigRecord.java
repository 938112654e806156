package io.dmskit.testkit.internal.fake;

import software.amazon.awssdk.services.databasemigration.model.Replication;
import software.amazon.awssdk.services.databasemigration.model.ReplicationConfig;

/** A serverless replication config and its replication. */
final class ConfigRecord extends Resource {
    ReplicationConfig model;
    /** The replication of this config, null before the first StartReplication. */
    Replication replication;

    ConfigRecord(String arn, ReplicationConfig model) {
        super(arn);
        this.model = model;
    }
}
