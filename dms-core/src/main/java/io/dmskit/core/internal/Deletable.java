package io.dmskit.core.internal;

import io.dmskit.core.provision.ResourceKind;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;

/** The DMS resources deleted by ARN, each with its Delete call. */
enum Deletable {
    /** A replication task. */
    REPLICATION_TASK(ResourceKind.REPLICATION_TASK, "DeleteReplicationTask") {
        @Override
        void delete(DatabaseMigrationClient dms, String arn) {
            dms.deleteReplicationTask(b -> b.replicationTaskArn(arn));
        }
    },
    /** An endpoint. */
    ENDPOINT(ResourceKind.ENDPOINT, "DeleteEndpoint") {
        @Override
        void delete(DatabaseMigrationClient dms, String arn) {
            dms.deleteEndpoint(b -> b.endpointArn(arn));
        }
    },
    /** A DMS Serverless replication config (its replication must not run). */
    REPLICATION_CONFIG(ResourceKind.REPLICATION_CONFIG, "DeleteReplicationConfig") {
        @Override
        void delete(DatabaseMigrationClient dms, String arn) {
            dms.deleteReplicationConfig(b -> b.replicationConfigArn(arn));
        }
    },
    /** A replication instance. */
    REPLICATION_INSTANCE(ResourceKind.REPLICATION_INSTANCE, "DeleteReplicationInstance") {
        @Override
        void delete(DatabaseMigrationClient dms, String arn) {
            dms.deleteReplicationInstance(b -> b.replicationInstanceArn(arn));
        }
    };

    private final ResourceKind kind;
    private final String operation;

    Deletable(ResourceKind kind, String operation) {
        this.kind = kind;
        this.operation = operation;
    }

    /** @return the resource kind */
    ResourceKind kind() {
        return kind;
    }

    /** @return the AWS operation name */
    String operation() {
        return operation;
    }

    /**
     * Requests the deletion.
     *
     * @param dms the client
     * @param arn the resource's ARN
     */
    abstract void delete(DatabaseMigrationClient dms, String arn);
}
