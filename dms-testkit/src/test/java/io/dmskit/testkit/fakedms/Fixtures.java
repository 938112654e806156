package io.dmskit.testkit.fakedms;

import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.Filter;

/** Small builders of DMS resources shared by the FakeDms tests (they use only the SDK interface). */
final class Fixtures {

    static final String MAPPINGS = "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"all\","
            + "\"object-locator\":{\"schema-name\":\"shop\",\"table-name\":\"%\"},\"rule-action\":\"include\"}]}";

    private Fixtures() {
    }

    static Filter filter(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    static String instance(DatabaseMigrationClient dms, String id) {
        return dms.createReplicationInstance(b -> b.replicationInstanceIdentifier(id)
                .replicationInstanceClass("dms.t3.medium")).replicationInstance().replicationInstanceArn();
    }

    static String mysqlSource(DatabaseMigrationClient dms, String id) {
        return dms.createEndpoint(b -> b.endpointIdentifier(id).endpointType("source").engineName("mysql")
                .serverName("db.example.com").port(3306).username("admin").password("s3cret-pw"))
                .endpoint().endpointArn();
    }

    static String s3Target(DatabaseMigrationClient dms, String id) {
        return dms.createEndpoint(b -> b.endpointIdentifier(id).endpointType("target").engineName("s3")
                .s3Settings(s -> s.bucketName("bucket-" + id).serviceAccessRoleArn("arn:aws:iam::123456789012:role/r")))
                .endpoint().endpointArn();
    }

    /** A task on fresh resources; with instant timings, it is ready at the next call. */
    static String task(DatabaseMigrationClient dms, String id, String migrationType) {
        String instance = instance(dms, id + "-ri");
        dms.describeReplicationInstances(); // lets the instance become available
        String source = mysqlSource(dms, id + "-src");
        String target = s3Target(dms, id + "-tgt");
        return dms.createReplicationTask(b -> b.replicationTaskIdentifier(id).migrationType(migrationType)
                .sourceEndpointArn(source).targetEndpointArn(target).replicationInstanceArn(instance)
                .tableMappings(MAPPINGS)).replicationTask().replicationTaskArn();
    }

    static String status(DatabaseMigrationClient dms, String taskArn) {
        return dms.describeReplicationTasks(b -> b.filters(filter("replication-task-arn", taskArn)))
                .replicationTasks().get(0).status();
    }
}
