package io.dmskit.examples.interim;

import io.dmskit.core.Endpoint;
import io.dmskit.core.Pipeline;
import io.dmskit.core.ReplicationTask;
import io.dmskit.core.endpoint.Credentials;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Temporary: provisions a pipeline with raw SDK calls until dms-core's DmsProvisioner is available. */
public final class RawProvisioning {
    private RawProvisioning() {
    }

    /** @return task identifier to ARN */
    public static Map<String, String> apply(Pipeline p, DatabaseMigrationClient dms, SecretsManagerClient secrets) {
        for (var g : p.subnetGroups()) {
            dms.createReplicationSubnetGroup(b -> b.replicationSubnetGroupIdentifier(g.identifier())
                    .replicationSubnetGroupDescription(g.description()).subnetIds(g.subnetIds()));
        }
        Map<String, String> arns = new LinkedHashMap<>();
        for (var i : p.instances()) {
            arns.put(i.identifier(), dms.createReplicationInstance(b -> b.replicationInstanceIdentifier(i.identifier())
                    .replicationInstanceClass(i.instanceClass())
                    .replicationSubnetGroupIdentifier(i.subnetGroup().orElse(null)))
                    .replicationInstance().replicationInstanceArn());
        }
        for (Endpoint e : p.endpoints()) {
            String arn;
            if (e.s3Settings().isPresent()) {
                var s = e.s3Settings().get();
                arn = dms.createEndpoint(b -> b.endpointIdentifier(e.identifier()).endpointType("target")
                        .engineName("s3").s3Settings(x -> x.bucketName(s.bucketName().orElseThrow())
                                .bucketFolder(s.bucketFolder().orElse(null))
                                .serviceAccessRoleArn(s.serviceAccessRoleArn().orElseThrow())
                                .dataFormat(s.dataFormat().map(f -> f.wireValue()).orElse("csv"))
                                .compressionType(s.compressionType().map(c -> c.wireValue()).orElse("NONE"))
                                .cdcMaxBatchInterval(s.cdcMaxBatchInterval().orElse(60))))
                        .endpoint().endpointArn();
            } else {
                Credentials.ManagedSecret m = (Credentials.ManagedSecret) e.credentials().orElseThrow();
                String secretArn = secrets.createSecret(b -> b.name(m.secretName()).secretString(
                        "{\"username\":\"" + m.username() + "\",\"password\":\"" + m.password().reveal()
                                + "\",\"host\":\"" + e.serverName().orElseThrow() + "\",\"port\":"
                                + e.port().orElseThrow() + "}")).arn();
                String engine = e.engine().wireValue();
                boolean pg = engine.contains("postgres");
                arn = dms.createEndpoint(b -> {
                    b.endpointIdentifier(e.identifier()).endpointType("source").engineName(pg ? "postgres"
                            : engine.contains("maria") ? "mariadb" : "mysql").databaseName(e.databaseName().orElse(null));
                    if (pg) {
                        b.postgreSQLSettings(x -> x.secretsManagerSecretId(secretArn)
                                .secretsManagerAccessRoleArn(m.accessRoleArn()).databaseName(e.databaseName().orElse(null)));
                    } else {
                        b.mySQLSettings(x -> x.secretsManagerSecretId(secretArn)
                                .secretsManagerAccessRoleArn(m.accessRoleArn()));
                    }
                }).endpoint().endpointArn();
            }
            arns.put(e.identifier(), arn);
        }
        for (ReplicationTask t : p.tasks()) {
            arns.put(t.identifier(), dms.createReplicationTask(b -> b.replicationTaskIdentifier(t.identifier())
                    .sourceEndpointArn(arns.get(t.sourceEndpoint())).targetEndpointArn(arns.get(t.targetEndpoint()))
                    .replicationInstanceArn(arns.get(t.replicationInstance()))
                    .migrationType(t.migrationType().wireValue()).tableMappings(t.tableMappings().toJson()))
                    .replicationTask().replicationTaskArn());
        }
        // let instance/tasks settle (instant timings: next call sees the settled state)
        dms.describeReplicationTasks(b -> { });
        return arns;
    }
}
