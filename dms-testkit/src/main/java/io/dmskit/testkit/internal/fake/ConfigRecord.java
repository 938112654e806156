package io.dmskit.testkit.internal.fake;

import java.time.Instant;
import software.amazon.awssdk.services.databasemigration.model.ProvisionData;
import software.amazon.awssdk.services.databasemigration.model.ReplicationConfig;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;

/**
 * A serverless replication config and its one replication. The replication's run (status from {@code running} on,
 * table statistics, engine hand-over, checkpoint) is a {@link TaskRecord} that is not listed as a task, so that
 * serverless replications and tasks share one run state machine and one engine path.
 */
final class ConfigRecord extends Resource {
    ReplicationConfig model;
    /** The replication's run; its status is {@code ready} until the first StartReplication. */
    final TaskRecord run;
    /** While the run is {@code starting}: the provisioning step DescribeReplications shows. */
    String phase;
    /** The replication's ProvisionData, null before the first start. */
    ProvisionData provision;
    final Instant createTime;
    Instant updateTime;
    Instant lastStopTime;
    Instant deprovisionTime;
    Instant cdcStartTime;
    String cdcStartPosition;
    String cdcStopPosition;

    ConfigRecord(String arn, ReplicationConfig model, Instant now) {
        super(arn);
        this.model = model;
        this.createTime = now;
        this.updateTime = now;
        this.run = new TaskRecord(arn, ReplicationTask.builder().replicationTaskArn(arn).status("ready").build());
        this.run.config = this;
        syncRun();
    }

    String id() {
        return model.replicationConfigIdentifier();
    }

    /** Presents the config to the run (and so to a replication engine) as a task's mappings, settings and type. */
    void syncRun() {
        run.model = run.model.toBuilder().replicationTaskIdentifier(model.replicationConfigIdentifier())
                .sourceEndpointArn(model.sourceEndpointArn()).targetEndpointArn(model.targetEndpointArn())
                .migrationType(model.replicationTypeAsString()).tableMappings(model.tableMappings())
                .replicationTaskSettings(model.replicationSettings())
                .replicationTaskCreationDate(model.replicationConfigCreateTime()).build();
    }

    /** @return the replication's status as DescribeReplications shows it */
    String status() {
        if (!run.everStarted) {
            return "created";
        }
        if ("starting".equals(run.status())) {
            return phase;
        }
        return run.status();
    }
}
