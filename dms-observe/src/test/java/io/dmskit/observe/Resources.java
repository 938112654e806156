package io.dmskit.observe;

import java.util.List;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.Tag;

/** Creates DMS resources through the SDK interface, for the observer's tests. */
final class Resources {

    static final String MAPPINGS = "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"all\","
        + "\"object-locator\":{\"schema-name\":\"shop\",\"table-name\":\"%\"},\"rule-action\":\"include\"}]}";

    private final DatabaseMigrationClient dms;
    final String instanceArn;
    final String sourceArn;
    final String targetArn;

    Resources(DatabaseMigrationClient dms, String instance) {
        this.dms = dms;
        this.instanceArn = dms.createReplicationInstance(b -> b.replicationInstanceIdentifier(instance)
            .replicationInstanceClass("dms.t3.medium").tags(tag("team", "platform")))
            .replicationInstance().replicationInstanceArn();
        dms.describeReplicationInstances(); // lets the instance become available with instant timings
        this.sourceArn = dms.createEndpoint(b -> b.endpointIdentifier(instance + "-src").endpointType("source")
            .engineName("mysql").serverName("db.example.com").port(3306).username("admin").password("s3cret-pw"))
            .endpoint().endpointArn();
        this.targetArn = dms.createEndpoint(b -> b.endpointIdentifier(instance + "-lake").endpointType("target")
            .engineName("s3").s3Settings(s -> s.bucketName("bucket-" + instance)
                .serviceAccessRoleArn("arn:aws:iam::123456789012:role/r")).tags(tag("team", "data")))
            .endpoint().endpointArn();
    }

    String task(String id, Tag... tags) {
        return dms.createReplicationTask(b -> b.replicationTaskIdentifier(id).migrationType("full-load-and-cdc")
            .sourceEndpointArn(sourceArn).targetEndpointArn(targetArn).replicationInstanceArn(instanceArn)
            .tableMappings(MAPPINGS).tags(List.of(tags))).replicationTask().replicationTaskArn();
    }

    static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }
}
