package io.dmskit.examples.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.engine.LocalReplicationEngine;
import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.FakeSecretsManager;
import io.dmskit.testkit.LocalS3;
import org.junit.jupiter.api.Test;

/** dms-engine/README.md's example, run: the engine plugged into FakeDms, on LocalS3. */
class EngineReadmeTest {

    @Test
    void engineRunsBehindFakeDms() {
        // region readme:engine-fakedms
        LocalS3 s3 = LocalS3.started();
        FakeSecretsManager secrets = FakeSecretsManager.create();
        try (LocalReplicationEngine engine = LocalReplicationEngine.builder().s3(s3.client()).build();
             FakeDms dms = FakeDms.builder().replicationEngine(engine).secretsManager(secrets).build()) {
            // create the instance, endpoints and a full-load-and-cdc task, start it, then:
            // dms.describeTableStatistics(...) shows "Table completed" with FullLoadRows, then Inserts/Updates/Deletes;
            // s3 holds [BucketFolder/]schema/table/LOAD00000001.csv and CDC files such as 20261121-061512345.csv
        }
        // endregion
        try {
            assertThat(s3.endpoint()).isNotNull();
            assertThat(secrets.calls("GetSecretValue")).isEmpty();
        } finally {
            s3.close();
        }
    }
}
