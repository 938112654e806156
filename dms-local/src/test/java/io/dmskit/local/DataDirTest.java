package io.dmskit.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** State kept in a data directory survives a restart, and a reset clears it. */
class DataDirTest {

    @Test
    void resourcesSecretsAndObjectsSurviveARestartAndResetClearsThem(@TempDir Path dir) {
        Clients.Pipeline before;
        String secretArn;
        java.time.Instant created;
        try (DmsLocalServer first = DmsLocalServer.builder().dataDir(dir).localEngine(false).build().start();
             DatabaseMigrationClient dms = Clients.dms(first.endpoint(), "eu-west-1");
             SecretsManagerClient sm = Clients.secrets(first.endpoint());
             S3Client s3 = Clients.s3(first.endpoint())) {
            secretArn = sm.createSecret(b -> b.name("kept/src").secretString("{\"password\":\"kept\"}")).arn();
            before = Clients.provision(dms, secretArn, "kept");
            dms.startReplicationTask(b -> b.replicationTaskArn(before.taskArn())
                    .startReplicationTaskType("start-replication"));
            created = dms.describeReplicationTasks().replicationTasks().get(0).replicationTaskCreationDate();
            s3.createBucket(b -> b.bucket("dmslocal-kept"));
            s3.putObject(b -> b.bucket("dmslocal-kept").key("a.csv"), RequestBody.fromString("1,a\n"));
        }

        try (DmsLocalServer second = DmsLocalServer.builder().dataDir(dir).localEngine(false).build().start();
             DatabaseMigrationClient dms = Clients.dms(second.endpoint(), "eu-west-1");
             SecretsManagerClient sm = Clients.secrets(second.endpoint());
             S3Client s3 = Clients.s3(second.endpoint())) {
            var task = dms.describeReplicationTasks(b -> b.filters(f -> f.name("replication-task-arn")
                    .values(before.taskArn()))).replicationTasks().get(0);
            assertThat(task.status()).isEqualTo("running");
            assertThat(task.sourceEndpointArn()).isEqualTo(before.sourceArn());
            assertThat(task.replicationTaskCreationDate()).isEqualTo(created); // replayed at its own time
            assertThat(sm.getSecretValue(b -> b.secretId(secretArn)).secretString())
                    .isEqualTo("{\"password\":\"kept\"}");
            assertThat(s3.getObjectAsBytes(b -> b.bucket("dmslocal-kept").key("a.csv")).asUtf8String())
                    .isEqualTo("1,a\n");

            second.reset();
            assertThat(dms.describeReplicationTasks().replicationTasks()).isEmpty();
            assertThat(sm.listSecrets().secretList()).isEmpty();
            assertThat(s3.listBuckets().buckets()).isEmpty();
        }

        try (DmsLocalServer third = DmsLocalServer.builder().dataDir(dir).localEngine(false).build().start();
             DatabaseMigrationClient dms = Clients.dms(third.endpoint(), "eu-west-1")) {
            assertThat(dms.describeReplicationTasks().replicationTasks()).isEmpty();
        }
    }
}
