package io.dmskit.examples.readme;

import io.dmskit.core.*;
import io.dmskit.core.endpoint.*;
import io.dmskit.core.settings.*;
import io.dmskit.core.task.*;
import io.dmskit.model.*;
import io.dmskit.mappings.TableMappings;
import io.dmskit.core.provision.*;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** dms-core/README.md's example, compiled (not run: it creates real AWS clients). */
final class CoreReadmeSnippets {

    private CoreReadmeSnippets() {
    }

    static void pipeline(String secretsRoleArn, String s3RoleArn, String kmsKeyArn, String mappingsJson,
            Pipeline changedPipeline) {
        // region readme:core-pipeline
        // Resources are given as builders (no build() call): Pipeline.build() then reports every problem of every
        // resource in one InvalidDefinitionException. Built resources are accepted too.
        Pipeline pipeline = Pipeline.builder("ecommerce")
            .subnetGroup(ReplicationSubnetGroup.builder("ecommerce-dms-subnets")
                .description("private subnets").subnetIds("subnet-0a1b2c3d", "subnet-0e4f5a6b"))
            .instance(ReplicationInstance.builder("ecommerce-dms").instanceClass("dms.c5.xlarge").allocatedStorage(200)
                .multiAz(true).subnetGroup("ecommerce-dms-subnets").vpcSecurityGroupIds("sg-0123"))
            .endpoint(Endpoint.mysql("ecommerce-mysql-source").source()
                .serverName("172.20.10.4").port(3306).sslMode(SslMode.REQUIRE)
                // dmskit creates/updates the secret {"username","password","host","port"} and wires
                // MySQLSettings.SecretsManagerSecretId + SecretsManagerAccessRoleArn to it
                .managedSecret("ecommerce/onprem-mysql-password", secretsRoleArn, "root", Secret.fromEnv("MYSQL_PASSWORD")))
            .endpoint(Endpoint.s3("market-intelligence-hub-target")
                .s3Settings(s -> s.bucketName("market-intelligence-hub-raw").serviceAccessRoleArn(s3RoleArn)
                    .dataFormat(S3DataFormat.PARQUET).parquetVersion(ParquetVersion.PARQUET_2_0)
                    .encryptionMode(S3EncryptionMode.SSE_KMS).serverSideEncryptionKmsKeyId(kmsKeyArn)
                    .timestampColumnName("dms_commit_ts")))
            .task("market-intelligence-hub-replication", t -> t
                .source("ecommerce-mysql-source").target("market-intelligence-hub-target").replicationInstance("ecommerce-dms")
                .migrationType(MigrationType.FULL_LOAD_AND_CDC)
                .tableMappings(TableMappings.fromJson(mappingsJson))
                .settings(s -> s.fullLoadSettings(f -> f.targetTablePrepMode(TargetTablePrepMode.DO_NOTHING))
                    .logging(l -> l.enableLogging(true).logComponent(LogComponent.SOURCE_CAPTURE, LogSeverity.DEFAULT))))
            .build();                                   // InvalidDefinitionException lists *every* problem at once

        try (DmsProvisioner dms = DmsProvisioner.builder()
                .dms(DatabaseMigrationClient.create()).secrets(SecretsManagerClient.create())
                .progressListener(System.out::println)   // resource, old -> new state, elapsed
                .build()) {
            System.out.println(dms.plan(pipeline).render());
            dms.apply(pipeline);                         // unchanged pipeline: zero mutating calls
            dms.start(pipeline);                         // start-replication, resume-processing or reload-target, from history
            dms.testConnections(pipeline).forEach(System.out::println);
            // later: a changed mapping on a running task
            dms.apply(changedPipeline, ApplyPolicy.restartTasks());   // stop -> modify -> resume (resume-processing)
            DestroyOptions options = DestroyOptions.deleteManagedSecrets().recoveryWindowDays(7);
            System.out.println(dms.planDestroy(pipeline, options).render());   // exactly what destroy(pipeline, options) does
            dms.destroy(pipeline, options);              // tasks stopped and deleted before endpoints and the instance
        }
        // endregion
    }
}
