package io.dmskit.core;

import io.dmskit.core.endpoint.S3DataFormat;
import io.dmskit.core.endpoint.S3EncryptionMode;
import io.dmskit.core.endpoint.Secret;
import io.dmskit.core.endpoint.SslMode;
import io.dmskit.core.settings.LogComponent;
import io.dmskit.core.settings.LogSeverity;
import io.dmskit.core.settings.TargetTablePrepMode;
import io.dmskit.core.task.MigrationType;
import io.dmskit.mappings.TableMappings;
import java.util.List;

/**
 * The pipeline of the DMS configuration guide (shared/seeds/dms-configuration-guide.md): one on-premise MySQL
 * source whose password lives in Secrets Manager, five S3 targets (one per system, SSE-KMS), five
 * full-load-and-cdc tasks, on one replication instance in a subnet group.
 */
final class GuidePipeline {

    static final String PASSWORD = "Srikar@123";
    static final String SECRET_NAME = "ecommerce/onprem-mysql-password";
    static final String KMS_KEY = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    static final String SECRETS_ROLE = "arn:aws:iam::123456789012:role/dms-secrets-access";
    static final String S3_ROLE = "arn:aws:iam::123456789012:role/dms-s3-access";
    static final List<String> SYSTEMS = List.of("market-intelligence-hub", "demand-insights-engine",
        "compliance-guardian", "retail-copilot", "global-market-pulse");

    private GuidePipeline() {
    }

    static String mappingsJson(String system) {
        String schema = system.replace('-', '_') + "_schema";
        return """
            {"rules":[
              {"rule-type":"selection","rule-id":"1","rule-name":"include-ecommerce-tables",
               "object-locator":{"schema-name":"ecommerce","table-name":"%%"},"rule-action":"include"},
              {"rule-type":"selection","rule-id":"2","rule-name":"include-%s-tables",
               "object-locator":{"schema-name":"%s","table-name":"%%"},"rule-action":"include"},
              {"rule-type":"transformation","rule-id":"3","rule-name":"add-schema-prefix","rule-target":"table",
               "object-locator":{"schema-name":"%%","table-name":"%%"},"rule-action":"add-prefix",
               "value":"schema_","old-value":null}
            ]}""".formatted(system, schema);
    }

    static Pipeline build() {
        return build(PASSWORD);
    }

    static Pipeline build(String password) {
        return build(password, SYSTEMS);
    }

    /** The guide's pipeline with only some of its five systems (a target endpoint and a task each). */
    static Pipeline build(String password, List<String> systems) {
        Pipeline.Builder p = Pipeline.builder("ecommerce-ai-platform")
            .subnetGroup(ReplicationSubnetGroup.builder("ecommerce-dms-subnets")
                .description("private subnets of the ecommerce VPC").subnetIds("subnet-0a1b2c3d", "subnet-0e4f5a6b")
                .build())
            .instance(ReplicationInstance.builder("ecommerce-dms").instanceClass("dms.c5.xlarge").allocatedStorage(200)
                .multiAz(true).kmsKeyId(KMS_KEY).publiclyAccessible(false).vpcSecurityGroupIds("sg-0dms0000000000001")
                .subnetGroup("ecommerce-dms-subnets").build())
            .endpoint(Endpoint.mysql("ecommerce-mysql-source").source()
                .serverName("172.20.10.4").port(3306).sslMode(SslMode.REQUIRE)
                .managedSecret(SECRET_NAME, SECRETS_ROLE, "root", Secret.of(password))
                .mySqlSettings(s -> s.eventsPollInterval(5).serverTimezone("UTC"))
                .build());
        for (String system : systems) {
            p.endpoint(Endpoint.s3(system + "-target")
                .s3Settings(s -> s.bucketName(system + "-raw").bucketFolder("dms").serviceAccessRoleArn(S3_ROLE)
                    .dataFormat(S3DataFormat.PARQUET).encryptionMode(S3EncryptionMode.SSE_KMS)
                    .serverSideEncryptionKmsKeyId(KMS_KEY).timestampColumnName("dms_commit_ts")
                    .includeOpForFullLoad(true))
                .build());
            p.task(ReplicationTask.builder(system + "-replication")
                .source("ecommerce-mysql-source").target(system + "-target").replicationInstance("ecommerce-dms")
                .migrationType(MigrationType.FULL_LOAD_AND_CDC)
                .tableMappings(TableMappings.fromJson(mappingsJson(system)))
                .settings(s -> s
                    .fullLoadSettings(f -> f.targetTablePrepMode(TargetTablePrepMode.DO_NOTHING).maxFullLoadSubTasks(8))
                    .logging(l -> l.enableLogging(true).logComponent(LogComponent.SOURCE_CAPTURE, LogSeverity.DEFAULT)
                        .logComponent(LogComponent.TARGET_APPLY, LogSeverity.INFO)))
                .build());
        }
        return p.build();
    }
}
