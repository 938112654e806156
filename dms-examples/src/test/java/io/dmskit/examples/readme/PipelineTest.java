package io.dmskit.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.testkit.DmsSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

// region readme:testkit-junit
class PipelineTest {
    @RegisterExtension DmsSandbox sandbox = DmsSandbox.create();     // fresh fakes for every test

    @Test void pipelineStartsItsTaskWithCredentialsFromSecretsManager() {
        String secret = sandbox.secrets().seedDatabaseSecret("dms/mysql", "db.example.com", 3306, "dms", "pw");
        sandbox.s3().createBucket(b -> b.bucket("landing"));
        new MyPipeline(sandbox.dms(), sandbox.secrets(), sandbox.s3()).deploy(secret, "landing");   // your code
        assertThat(sandbox.dms().describeReplicationTasks().replicationTasks())
                .extracting(ReplicationTask::status).containsExactly("running");
    }
}
// endregion

/** What a user's deployment code might do (the README's "your code"), written only against the SDK interfaces. */
record MyPipeline(DatabaseMigrationClient dms, SecretsManagerClient secrets, S3Client s3) {
    void deploy(String secretArn, String bucket) {
        String instance = dms.createReplicationInstance(b -> b.replicationInstanceIdentifier("ri")
                .replicationInstanceClass("dms.t3.medium")).replicationInstance().replicationInstanceArn();
        String source = dms.createEndpoint(b -> b.endpointIdentifier("mysql-source").endpointType("source")
                .engineName("mysql").mySQLSettings(m -> m.secretsManagerSecretId(secretArn)
                        .secretsManagerAccessRoleArn("arn:aws:iam::123456789012:role/dms-secrets")))
                .endpoint().endpointArn();
        String target = dms.createEndpoint(b -> b.endpointIdentifier("s3-target").endpointType("target")
                .engineName("s3").s3Settings(s -> s.bucketName(bucket)
                        .serviceAccessRoleArn("arn:aws:iam::123456789012:role/dms-s3")))
                .endpoint().endpointArn();
        dms.waiter().waitUntilReplicationInstanceAvailable(b -> b.filters(
                f -> f.name("replication-instance-arn").values(instance)));
        String task = dms.createReplicationTask(b -> b.replicationTaskIdentifier("orders")
                .replicationInstanceArn(instance).sourceEndpointArn(source).targetEndpointArn(target)
                .migrationType("full-load-and-cdc")
                .tableMappings("{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"1\","
                        + "\"object-locator\":{\"schema-name\":\"shop\",\"table-name\":\"%\"},"
                        + "\"rule-action\":\"include\"}]}"))
                .replicationTask().replicationTaskArn();
        dms.waiter().waitUntilReplicationTaskReady(b -> b.filters(
                f -> f.name("replication-task-arn").values(task)));
        dms.startReplicationTask(b -> b.replicationTaskArn(task).startReplicationTaskType("start-replication"));
        dms.waiter().waitUntilReplicationTaskRunning(b -> b.filters(
                f -> f.name("replication-task-arn").values(task)));
    }
}
