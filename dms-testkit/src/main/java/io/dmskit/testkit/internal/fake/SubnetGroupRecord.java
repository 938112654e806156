package io.dmskit.testkit.internal.fake;

import software.amazon.awssdk.services.databasemigration.model.ReplicationSubnetGroup;

/** A replication subnet group. */
final class SubnetGroupRecord extends Resource {
    ReplicationSubnetGroup model;

    SubnetGroupRecord(String arn, ReplicationSubnetGroup model) {
        super(arn);
        this.model = model;
    }

    String id() {
        return model.replicationSubnetGroupIdentifier();
    }
}
