package io.dmskit.local;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.DatabaseMigrationException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Real SDK v2 clients for a dms-local endpoint, with dummy credentials, as a user would build them. */
final class Clients {

    static final String MAPPINGS = "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"all\","
            + "\"object-locator\":{\"schema-name\":\"shop\",\"table-name\":\"%\"},\"rule-action\":\"include\"}]}";

    private static final StaticCredentialsProvider DUMMY = StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIDEXAMPLE", "dummy-secret"));

    private Clients() {
    }

    static DatabaseMigrationClient dms(URI endpoint, String region) {
        return DatabaseMigrationClient.builder().endpointOverride(endpoint).region(Region.of(region))
                .credentialsProvider(DUMMY).build();
    }

    static SecretsManagerClient secrets(URI endpoint) {
        return SecretsManagerClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(DUMMY).build();
    }

    static S3Client s3(URI endpoint) {
        return S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(DUMMY).build();
    }

    /** The ARNs of a provisioned pipeline. */
    record Pipeline(String instanceArn, String sourceArn, String targetArn, String taskArn) {
    }

    /** Instance, MySQL source (password in a secret), S3 target and a full-load-and-cdc task, over HTTP. */
    static Pipeline provision(DatabaseMigrationClient dms, String secretArn, String prefix) {
        String instance = dms.createReplicationInstance(b -> b.replicationInstanceIdentifier(prefix + "-ri")
                .replicationInstanceClass("dms.t3.medium")).replicationInstance().replicationInstanceArn();
        String source = dms.createEndpoint(b -> b.endpointIdentifier(prefix + "-src").endpointType("source")
                .engineName("mysql").databaseName("shop").mySQLSettings(m -> m.secretsManagerSecretId(secretArn)
                        .secretsManagerAccessRoleArn("arn:aws:iam::123456789012:role/dms-secrets")))
                .endpoint().endpointArn();
        String target = dms.createEndpoint(b -> b.endpointIdentifier(prefix + "-s3").endpointType("target")
                .engineName("s3").s3Settings(s -> s.bucketName(prefix + "-lake").bucketFolder("raw")
                        .serviceAccessRoleArn("arn:aws:iam::123456789012:role/dms-s3"))).endpoint().endpointArn();
        String task = dms.createReplicationTask(b -> b.replicationTaskIdentifier(prefix + "-task")
                .migrationType("full-load-and-cdc").sourceEndpointArn(source).targetEndpointArn(target)
                .replicationInstanceArn(instance).tableMappings(MAPPINGS)).replicationTask().replicationTaskArn();
        return new Pipeline(instance, source, target, task);
    }

    static String errorCode(Throwable e) {
        return ((DatabaseMigrationException) e).awsErrorDetails().errorCode();
    }
}
