package io.dmskit.core;

import io.dmskit.core.endpoint.S3DataFormat;
import io.dmskit.core.task.MigrationType;
import io.dmskit.mappings.TableMappings;
import java.util.List;

/** The configuration guide's pipeline as DMS Serverless: one source, five S3 targets, five replication configs. */
final class ServerlessPipeline {

    private ServerlessPipeline() {
    }

    static Pipeline build(List<String> systems) {
        Pipeline.Builder p = Pipeline.builder("ecommerce-serverless")
            .subnetGroup(ReplicationSubnetGroup.builder("ecommerce-dms-subnets")
                .description("private subnets of the ecommerce VPC").subnetIds("subnet-0a1b2c3d", "subnet-0e4f5a6b")
                .build())
            .endpoint(Endpoint.mysql("ecommerce-mysql-source").source()
                .secretsManager("arn:aws:secretsmanager:us-east-1:123456789012:secret:mysql-AbCdEf",
                    GuidePipeline.SECRETS_ROLE));
        for (String system : systems) {
            p.endpoint(Endpoint.s3(system + "-target").s3Settings(s -> s.bucketName(system + "-raw")
                .bucketFolder("dms").serviceAccessRoleArn(GuidePipeline.S3_ROLE).dataFormat(S3DataFormat.PARQUET)));
            p.replicationConfig(system, c -> c.source("ecommerce-mysql-source").target(system + "-target")
                .replicationType(MigrationType.FULL_LOAD_AND_CDC)
                .compute(k -> k.maxCapacityUnits(8).subnetGroup("ecommerce-dms-subnets"))
                .tableMappings(TableMappings.fromJson(GuidePipeline.mappingsJson(system)))
                .settings(s -> s.fullLoadSettings(f -> f.maxFullLoadSubTasks(8))
                    .logging(l -> l.enableLogging(true))));
        }
        return p.build();
    }
}
