package io.dmskit.testkit.internal.fake;

import software.amazon.awssdk.services.databasemigration.model.ReplicationInstance;

/** A replication instance: the SDK model as DescribeReplicationInstances shows it. */
final class InstanceRecord extends Resource {
    ReplicationInstance model;

    InstanceRecord(String arn, ReplicationInstance model) {
        super(arn);
        this.model = model;
    }

    String id() {
        return model.replicationInstanceIdentifier();
    }

    String status() {
        return model.replicationInstanceStatus();
    }

    void status(String status) {
        model = model.toBuilder().replicationInstanceStatus(status).build();
        bump();
    }
}
