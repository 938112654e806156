package io.dmskit.verify.support;

import io.dmskit.testkit.DmsSandbox;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.databasemigration.model.ReplicationTask;
import software.amazon.awssdk.services.databasemigration.model.TableStatistics;

/**
 * What a user of {@code DmsSandbox.withLocalReplicationEngine()} writes to get a full-load-and-cdc task from a
 * database schema to the sandbox's S3 running: instance, endpoints (MariaDB through a Secrets Manager secret,
 * PostgreSQL with a password), task, start, wait for the full load.
 */
public final class SandboxTask {

    /** A source database server. */
    public record Source(String engine, String host, int port, String user, String password, String database) {
        /** @return a MariaDB/MySQL server */
        public static Source mariadb(String host, int port, String user, String password) {
            return new Source("mariadb", host, port, user, password, null);
        }

        /** @return a PostgreSQL server and database */
        public static Source postgres(String host, int port, String user, String database) {
            return new Source("postgres", host, port, user, "unused-with-trust", database);
        }
    }

    private SandboxTask() {
    }

    /**
     * Creates and starts the task; returns once the full load of {@code loadedTable} has finished.
     *
     * @param sandbox the test's sandbox (with the local engine)
     * @param source the source server
     * @param bucket the S3 bucket to create and write to (CdcMaxBatchInterval 1 s)
     * @param mappings the task's table mappings
     * @param loadedTable a table the full load loads, to wait for
     * @return the task's ARN
     */
    public static String start(DmsSandbox sandbox, Source source, String bucket, String mappings, String loadedTable) {
        DatabaseMigrationClient dms = sandbox.dms();
        sandbox.s3().createBucket(b -> b.bucket(bucket));
        String instance = dms.createReplicationInstance(b -> b.replicationInstanceIdentifier("ri")
                .replicationInstanceClass("dms.t3.medium")).replicationInstance().replicationInstanceArn();
        String sourceArn;
        if (source.engine().equals("mariadb")) {
            String secret = sandbox.secrets().seedDatabaseSecret("dms/source", source.host(), source.port(),
                    source.user(), source.password());
            sourceArn = dms.createEndpoint(b -> b.endpointIdentifier("src").endpointType("source").engineName("mariadb")
                    .mySQLSettings(m -> m.secretsManagerSecretId(secret)
                            .secretsManagerAccessRoleArn("arn:aws:iam::123456789012:role/sm")))
                    .endpoint().endpointArn();
        } else {
            sourceArn = dms.createEndpoint(b -> b.endpointIdentifier("src").endpointType("source").engineName("postgres")
                    .serverName(source.host()).port(source.port()).username(source.user()).password(source.password())
                    .databaseName(source.database())).endpoint().endpointArn();
        }
        String target = dms.createEndpoint(b -> b.endpointIdentifier("dst").endpointType("target").engineName("s3")
                .s3Settings(s -> s.bucketName(bucket).bucketFolder("raw").cdcMaxBatchInterval(1)
                        .serviceAccessRoleArn("arn:aws:iam::123456789012:role/s3")))
                .endpoint().endpointArn();
        dms.waiter().waitUntilReplicationInstanceAvailable(b -> b.filters(
                f -> f.name("replication-instance-arn").values(instance)));
        String task = dms.createReplicationTask(b -> b.replicationTaskIdentifier("probe-task")
                .migrationType("full-load-and-cdc").replicationInstanceArn(instance).sourceEndpointArn(sourceArn)
                .targetEndpointArn(target).tableMappings(mappings)).replicationTask().replicationTaskArn();
        dms.waiter().waitUntilReplicationTaskReady(b -> b.filters(f -> f.name("replication-task-arn").values(task)));
        dms.startReplicationTask(b -> b.replicationTaskArn(task).startReplicationTaskType("start-replication"));
        Await.until("the full load of " + loadedTable, Duration.ofSeconds(60),
                () -> statistics(dms, task).stream().anyMatch(t -> t.tableName().equals(loadedTable)
                        && "Table completed".equals(t.tableState())),
                () -> describe(dms, task).toString());
        return task;
    }

    /** @return the mappings including every table of the schema */
    public static String includeSchema(String schema) {
        return include(schema, "%");
    }

    /** @return the mappings including one table pattern of the schema */
    public static String include(String schema, String table) {
        return "{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"1\",\"object-locator\":"
                + "{\"schema-name\":\"" + schema + "\",\"table-name\":\"" + table + "\"},\"rule-action\":\"include\"}]}";
    }

    /** @return the task's table statistics */
    public static List<TableStatistics> statistics(DatabaseMigrationClient dms, String task) {
        return dms.describeTableStatistics(b -> b.replicationTaskArn(task)).tableStatistics();
    }

    /** @return the task as DescribeReplicationTasks shows it */
    public static ReplicationTask describe(DatabaseMigrationClient dms, String task) {
        return dms.describeReplicationTasks(b -> b.filters(f -> f.name("replication-task-arn").values(task)))
                .replicationTasks().get(0);
    }
}
