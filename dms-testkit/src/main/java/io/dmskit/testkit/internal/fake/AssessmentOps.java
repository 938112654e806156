package io.dmskit.testkit.internal.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationTaskAssessmentResultsRequest;
import software.amazon.awssdk.services.databasemigration.model.DescribeReplicationTaskAssessmentResultsResponse;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTaskAssessmentResult;
import software.amazon.awssdk.services.databasemigration.model.StartReplicationTaskAssessmentRequest;
import software.amazon.awssdk.services.databasemigration.model.StartReplicationTaskAssessmentResponse;

/**
 * The legacy premigration assessment of a task: StartReplicationTaskAssessment puts the task in {@code testing} for
 * {@code Timings.taskAssessment()}, DescribeReplicationTaskAssessmentResults reports the outcome.
 */
final class AssessmentOps {

    private final World w;
    private final TaskOps tasks;

    /** @param world state @param tasks task operations */
    public AssessmentOps(World world, TaskOps tasks) {
        this.w = world;
        this.tasks = tasks;
    }

    /**
     * StartReplicationTaskAssessment (the legacy assessment): the task must be ready, stopped or failed and both of its
     * endpoints must have a successful connection test from its instance; the task is {@code testing} meanwhile.
     */
    public StartReplicationTaskAssessmentResponse assess(
            StartReplicationTaskAssessmentRequest r) {
        TaskRecord t = tasks.find(r.replicationTaskArn());
        if (!Set.of("ready", "stopped", "failed").contains(t.status())) {
            throw Errors.invalidState("Replication Task " + t.arn + " is in state " + t.status()
                    + "; it can be assessed only when its state is stopped, ready or failed.");
        }
        for (String endpoint : List.of(t.model.sourceEndpointArn(), t.model.targetEndpointArn())) {
            ConnectionRecord c = w.connections.get(ConnectionRecord.key(t.model.replicationInstanceArn(), endpoint));
            if (c == null || !"successful".equals(c.model.status())) {
                throw Errors.invalidState("Test connection for endpoint " + endpoint + " and replication instance "
                        + t.model.replicationInstanceArn() + " must succeed before the task can be assessed"
                        + (c == null ? " (never tested)." : " (status: " + c.model.status() + ")."));
            }
        }
        String back = t.status();
        t.status("testing");
        ReplicationTask response = tasks.describeModel(t, false);
        w.schedule(w.timings.taskAssessment(), t, () -> {
            String file = t.id() + "/assessment-" + w.now().getEpochSecond() + ".json";
            t.assessment = ReplicationTaskAssessmentResult
                    .builder().replicationTaskIdentifier(t.id()).replicationTaskArn(t.arn)
                    .replicationTaskLastAssessmentDate(w.now()).assessmentStatus("passed")
                    .assessmentResultsFile(file)
                    .assessmentResults("{\"summary\":{\"status\":\"passed\",\"unsupported_data_types\":0}}")
                    .s3ObjectUrl("https://" + assessmentBucket() + ".s3." + w.region + ".amazonaws.com/" + file)
                    .build();
            t.status(back);
            w.event("replication-task", t.id(), "state change", "Replication task assessment has finished.");
        });
        return StartReplicationTaskAssessmentResponse
                .builder().replicationTask(response).build();
    }

    private String assessmentBucket() {
        return "dms-" + w.accountId + "-" + w.region + "-assessments";
    }

    /** DescribeReplicationTaskAssessmentResults: one task's result, or every task's when no ARN is given. */
    public DescribeReplicationTaskAssessmentResultsResponse
            assessmentResults(DescribeReplicationTaskAssessmentResultsRequest r) {
        List<ReplicationTaskAssessmentResult> all =
                new ArrayList<>();
        if (r.replicationTaskArn() != null) {
            TaskRecord t = tasks.find(r.replicationTaskArn());
            if (t.assessment != null) {
                all.add(t.assessment);
            }
        } else {
            for (TaskRecord t : w.tasks.values()) {
                if (t.assessment != null) {
                    all.add(t.assessment);
                }
            }
        }
        Page<ReplicationTaskAssessmentResult> page =
                Page.of(all, r.maxRecords(), r.marker(), 100);
        return DescribeReplicationTaskAssessmentResultsResponse
                .builder().bucketName(assessmentBucket()).replicationTaskAssessmentResults(page.items)
                .marker(page.nextMarker).build();
    }
}
