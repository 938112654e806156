package io.dmskit.examples.readme;

import static io.dmskit.mappings.Rules.*;

import io.dmskit.core.DmsProvisioner;
import io.dmskit.core.Endpoint;
import io.dmskit.core.Pipeline;
import io.dmskit.core.ReplicationInstance;
import io.dmskit.core.endpoint.Secret;
import io.dmskit.core.task.MigrationType;
import io.dmskit.mappings.TableMappings;
import io.dmskit.verify.VerificationReport;
import io.dmskit.verify.Verifier;
import java.nio.file.Path;
import javax.sql.DataSource;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * README.md's "A pipeline in five steps", compiled (not run: it is written against real AWS clients and a reachable
 * MySQL; docs/first-hour.md's {@code FirstHourTest} runs the same steps on the sandbox).
 */
final class RootReadmeSnippets {

    private RootReadmeSnippets() {
    }

    static void fiveSteps(DatabaseMigrationClient dmsClient, SecretsManagerClient secretsClient, S3Client s3Client,
            DataSource mysqlDataSource, String secretsRoleArn, String s3RoleArn, String taskArn) {
        // region readme:readme-five-steps
        // 1. Table mappings: typed, validated, serialized to the JSON DMS takes (dms-mappings)
        TableMappings mappings = TableMappings.builder()
            .rule(include("ecommerce", "%"))                       // rule 1, named include-ecommerce-all-tables
            .rule(exclude("ecommerce", "tmp[_]%"))
            .rule(table("ecommerce", "%").addPrefix("raw_"))
            .build();                                              // InvalidTableMappingsException lists every problem

        // 2. The desired state (dms-core)
        Pipeline pipeline = Pipeline.builder("ecommerce")
            .instance(ReplicationInstance.builder("ecommerce-dms").instanceClass("dms.c5.xlarge").build())
            .endpoint(Endpoint.mysql("ecommerce-source").source().serverName("10.0.0.4").port(3306)
                .managedSecret("ecommerce/mysql", secretsRoleArn, "dms", Secret.fromEnv("MYSQL_PASSWORD")).build())
            .endpoint(Endpoint.s3("lake-target").s3Settings(s -> s.bucketName("lake").serviceAccessRoleArn(s3RoleArn)).build())
            .task("ecommerce-to-lake", t -> t.source("ecommerce-source").target("lake-target")
                .replicationInstance("ecommerce-dms").migrationType(MigrationType.FULL_LOAD_AND_CDC).tableMappings(mappings))
            .build();

        // 3. Plan and apply, then start (real AWS here; FakeDms in tests: same code)
        try (DmsProvisioner dms = DmsProvisioner.builder().dms(dmsClient).secrets(secretsClient).build()) {
            System.out.println(dms.plan(pipeline).render());       // like terraform plan, secrets redacted
            dms.apply(pipeline);                                   // re-applying an unchanged pipeline makes no mutating call
            dms.start(pipeline);
        }

        // 4. Verify (dms-verify): source COUNT(*) vs S3 files vs DMS table statistics, and a CDC probe
        Verifier verifier = Verifier.builder().source(mysqlDataSource).dms(dmsClient).taskArn(taskArn).s3(s3Client).build();
        VerificationReport report = verifier.verifyRowCounts().withProbe(verifier.probeCdc());
        report.assertAllMatch();                                   // AssertionError naming each failing table and where
        report.writeHtml(Path.of("dmskit-report.html"));
        // endregion
    }
}
