package io.dmskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dmskit.core.endpoint.KinesisSettings;
import io.dmskit.core.endpoint.S3DataFormat;
import io.dmskit.core.endpoint.S3EncryptionMode;
import io.dmskit.core.endpoint.S3Settings;
import io.dmskit.core.endpoint.Secret;
import io.dmskit.core.endpoint.SslMode;
import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.core.settings.BeforeImageSettings;
import io.dmskit.core.task.MigrationType;
import io.dmskit.mappings.TableMappings;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Builders validate and report every problem at once")
class BuilderValidationTest {

    static final String ROLE = "arn:aws:iam::123456789012:role/dms";
    static final String MAPPINGS = """
        {"rules":[{"rule-type":"selection","rule-id":"1","rule-name":"all","object-locator":
        {"schema-name":"shop","table-name":"%"},"rule-action":"include"}]}""";

    static List<String> fields(Runnable build) {
        InvalidDefinitionException e = catchThrowableOfType(InvalidDefinitionException.class, build::run);
        assertThat(e).as("build() should have failed").isNotNull();
        return e.problems().stream().map(DefinitionProblem::field).toList();
    }

    static ReplicationTask.Builder task() {
        return ReplicationTask.builder("orders-task").source("src").target("tgt").replicationInstance("ri")
            .migrationType(MigrationType.FULL_LOAD_AND_CDC).tableMappings(TableMappings.fromJson(MAPPINGS));
    }

    @Nested
    @DisplayName("identifiers")
    class IdentifierRules {
        @ParameterizedTest
        @ValueSource(strings = {"1-starts-with-digit", "ends-with-hyphen-", "double--hyphen", "under_score", "sp ace", ""})
        @DisplayName("endpoint identifiers must begin with a letter, use letters, digits, single hyphens")
        void badEndpointIds(String id) {
            assertThat(fields(() -> Endpoint.s3(id).s3Settings(s -> s.bucketName("dms-bucket").serviceAccessRoleArn(ROLE)).build()))
                .contains("EndpointIdentifier");
        }

        @Test
        @DisplayName("a replication instance identifier is at most 63 characters")
        void instanceIdLength() {
            assertThat(fields(() -> ReplicationInstance.builder("a".repeat(64)).instanceClass("dms.t3.medium").build()))
                .containsExactly("ReplicationInstanceIdentifier");
            assertThat(ReplicationInstance.builder("a".repeat(63)).instanceClass("dms.t3.medium").build().identifier())
                .hasSize(63);
        }

        @Test
        @DisplayName("a subnet group cannot be called default")
        void subnetGroupDefault() {
            assertThat(fields(() -> ReplicationSubnetGroup.builder("default").description("d").subnetIds("subnet-1").build()))
                .containsExactly("ReplicationSubnetGroupIdentifier");
        }
    }

    @Nested
    @DisplayName("endpoints")
    class Endpoints {
        @Test
        @DisplayName("a password and a secret together are rejected")
        void passwordXorSecret() {
            assertThat(fields(() -> Endpoint.mysql("src").source().password("root", Secret.of("pw"))
                .secretsManager("arn:aws:secretsmanager:us-east-1:123456789012:secret:x", ROLE).build()))
                .contains("Credentials");
        }

        @Test
        @DisplayName("a database endpoint without credentials is rejected")
        void credentialsRequired() {
            assertThat(fields(() -> Endpoint.postgres("pg").target().serverName("h").port(5432).build()))
                .containsExactly("Credentials");
        }

        @Test
        @DisplayName("a secret reference with server and port is rejected: they come from the secret")
        void secretWithServer() {
            assertThat(fields(() -> Endpoint.mysql("src").source().serverName("h").port(3306)
                .secretsManager("arn:aws:secretsmanager:us-east-1:123456789012:secret:x", ROLE).build())).containsExactly("ServerName");
        }

        @Test
        @DisplayName("clear-text credentials need server, port and user")
        void clearTextNeedsServer() {
            assertThat(fields(() -> Endpoint.mysql("src").source().password(" ", Secret.of("pw")).build()))
                .containsExactlyInAnyOrder("Username", "ServerName", "Port");
        }

        @Test
        @DisplayName("passwords with ; . : + are rejected without showing them")
        void forbiddenPasswordCharacters() {
            InvalidDefinitionException e = catchThrowableOfType(InvalidDefinitionException.class, () ->
                Endpoint.mysql("src").source().serverName("h").port(3306).password("u", Secret.of("a.b:c")).build());
            assertThat(e.problems()).extracting(DefinitionProblem::field).containsExactly("Password");
            assertThat(e.getMessage()).doesNotContain("a.b:c");
        }

        @Test
        @DisplayName("endpoint type must be chosen for database engines")
        void typeRequired() {
            assertThat(fields(() -> Endpoint.mysql("src").serverName("h").port(3306).password("u", Secret.of("p")).build()))
                .containsExactly("EndpointType");
        }

        @Test
        @DisplayName("settings of another engine are rejected")
        void wrongSettingsFamily() {
            assertThat(fields(() -> Endpoint.mysql("src").source().serverName("h").port(3306)
                .password("u", Secret.of("p")).s3Settings(s -> s.bucketName("dms-bucket")).build())).contains("S3Settings");
        }

        @Test
        @DisplayName("verify-full needs a certificate")
        void verifyFullNeedsCertificate() {
            assertThat(fields(() -> Endpoint.postgres("pg").source().serverName("h").port(5432)
                .password("u", Secret.of("p")).sslMode(SslMode.VERIFY_FULL).build())).containsExactly("CertificateArn");
        }

        @Test
        @DisplayName("S3 needs a bucket and a role")
        void s3NeedsBucketAndRole() {
            assertThat(fields(() -> Endpoint.s3("t").s3Settings(s -> s.dataFormat(S3DataFormat.CSV)).build()))
                .containsExactlyInAnyOrder("S3Settings.BucketName", "S3Settings.ServiceAccessRoleArn");
        }

        @Test
        @DisplayName("Kinesis without a stream or a role is rejected")
        void kinesisNeedsStreamAndRole() {
            assertThat(fields(() -> KinesisSettings.builder().build()))
                .containsExactlyInAnyOrder("KinesisSettings.StreamArn", "KinesisSettings.ServiceAccessRoleArn");
            assertThat(fields(() -> Endpoint.kinesis("k").build())).containsExactly("KinesisSettings");
            assertThat(Endpoint.kinesis("k").kinesisSettings(s -> s.streamArn("arn:aws:kinesis:us-east-1:123456789012:stream/s")
                .serviceAccessRoleArn(ROLE)).build().type()).hasToString("target");
        }

        @Test
        @DisplayName("all problems of an endpoint and its settings are reported in one exception")
        void everyProblemAtOnce() {
            InvalidDefinitionException e = catchThrowableOfType(InvalidDefinitionException.class, () ->
                Endpoint.s3("9-bad--id").s3Settings(s -> s.bucketName("dms-bucket").serviceAccessRoleArn(ROLE)
                    .cdcInsertsOnly(true).cdcInsertsAndUpdates(true).encryptionMode(S3EncryptionMode.SSE_KMS)
                    .cdcPath("cdc").datePartitionEnabled(true)).build());
            assertThat(e.problems()).extracting(DefinitionProblem::field).contains("EndpointIdentifier",
                "S3Settings.CdcInsertsOnly", "S3Settings.ServerSideEncryptionKmsKeyId", "S3Settings.DatePartitionEnabled");
            assertThat(e.problems()).allMatch(p -> "endpoint '9-bad--id'".equals(p.resource()));
            assertThat(e.getMessage()).contains("problems in the definition");
        }
    }

    @Nested
    @DisplayName("S3 settings")
    class S3 {
        @Test
        @DisplayName("CdcInsertsOnly with CdcInsertsAndUpdates is rejected")
        void cdcInsertsOnlyXorInsertsAndUpdates() {
            assertThat(fields(() -> S3Settings.builder().cdcInsertsOnly(true).cdcInsertsAndUpdates(true).build()))
                .containsExactly("S3Settings.CdcInsertsOnly");
            assertThat(S3Settings.builder().cdcInsertsOnly(true).cdcInsertsAndUpdates(false).build().cdcInsertsOnly())
                .contains(true);
        }

        @Test
        @DisplayName("PreserveTransactions or CdcPath with date partitioning is rejected")
        void transactionsWithDatePartitioning() {
            assertThat(fields(() -> S3Settings.builder().preserveTransactions(true).cdcPath("tx")
                .datePartitionEnabled(true).build())).containsExactly("S3Settings.DatePartitionEnabled");
            assertThat(fields(() -> S3Settings.builder().cdcPath("tx").datePartitionEnabled(true).build()))
                .containsExactly("S3Settings.DatePartitionEnabled");
            assertThat(fields(() -> S3Settings.builder().preserveTransactions(true).build()))
                .containsExactly("S3Settings.CdcPath");
        }

        @Test
        @DisplayName("SSE-KMS without a key, and a key without SSE-KMS, are rejected")
        void kmsKey() {
            assertThat(fields(() -> S3Settings.builder().encryptionMode(S3EncryptionMode.SSE_KMS).build()))
                .containsExactly("S3Settings.ServerSideEncryptionKmsKeyId");
            assertThat(fields(() -> S3Settings.builder().serverSideEncryptionKmsKeyId("arn:aws:kms:us-east-1:123456789012:key/k").build()))
                .containsExactly("S3Settings.ServerSideEncryptionKmsKeyId");
        }

        @Test
        @DisplayName("Parquet-only settings need DataFormat parquet; MaxFileSize is bounded")
        void parquetSettingsAndBounds() {
            assertThat(fields(() -> S3Settings.builder().dataFormat(S3DataFormat.CSV).rowGroupLength(1000)
                .maxFileSize(2_000_000).build())).containsExactlyInAnyOrder("S3Settings.DataFormat", "S3Settings.MaxFileSize");
        }

        @Test
        @DisplayName("bucket names follow S3's rules; a folder has no leading or trailing slash")
        void bucketName() {
            assertThat(fields(() -> S3Settings.builder().bucketName("My_Bucket").bucketFolder("/raw/").build()))
                .containsExactlyInAnyOrder("S3Settings.BucketName", "S3Settings.BucketFolder");
        }

        @Test
        @DisplayName("AddColumnName and GlueCatalogGeneration conflict with CdcPath")
        void addColumnNameWithCdcPath() {
            assertThat(fields(() -> S3Settings.builder().cdcPath("tx").preserveTransactions(true).addColumnName(true)
                .glueCatalogGeneration(true).build()))
                .containsExactlyInAnyOrder("S3Settings.AddColumnName", "S3Settings.GlueCatalogGeneration");
        }
    }

    @Nested
    @DisplayName("tasks")
    class Tasks {
        @Test
        @DisplayName("CloudWatch log group or stream in the settings is rejected: DMS refuses it on create")
        void cloudWatchLogGroupOnCreate() {
            TaskSettings echoed = TaskSettings.fromJson("""
                {"Logging":{"EnableLogging":true,"CloudWatchLogGroup":"dms-tasks-x","CloudWatchLogStream":"dms-task-y"}}""");
            assertThat(fields(() -> task().settings(echoed).build()))
                .containsExactly("ReplicationTaskSettings.Logging.CloudWatchLogGroup");
        }

        @Test
        @DisplayName("EnableLogContext without EnableLogging is rejected")
        void logContextWithoutLogging() {
            assertThat(fields(() -> task().settings(s -> s.logging(l -> l.enableLogContext(true))).build()))
                .containsExactly("Logging.EnableLogContext");
        }

        @Test
        @DisplayName("CDC positions on a full-load task are rejected")
        void cdcPositionOnFullLoad() {
            assertThat(fields(() -> task().migrationType(MigrationType.FULL_LOAD).cdcStartTime(Instant.EPOCH).build()))
                .containsExactly("CdcStartPosition");
            assertThat(fields(() -> task().cdcStartTime(Instant.EPOCH).cdcStartPosition("mysql-bin.000003:4").build()))
                .containsExactly("CdcStartTime");
            assertThat(fields(() -> task().cdcStopPosition("tomorrow").build())).containsExactly("CdcStopPosition");
        }

        @Test
        @DisplayName("invalid table mappings are reported with the task's other problems")
        void invalidMappings() {
            InvalidDefinitionException e = catchThrowableOfType(InvalidDefinitionException.class, () ->
                ReplicationTask.builder("t").source("s").target("s").migrationType(MigrationType.CDC)
                    .tableMappings("{\"rules\":[{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"a\","
                        + "\"object-locator\":{\"schema-name\":\"x\",\"table-name\":\"%\"},\"rule-action\":\"include\"},"
                        + "{\"rule-type\":\"selection\",\"rule-id\":\"1\",\"rule-name\":\"b\",\"object-locator\":"
                        + "{\"schema-name\":\"y\",\"table-name\":\"%\"},\"rule-action\":\"include\"}]}").build());
            assertThat(e.problems()).extracting(DefinitionProblem::field)
                .contains("TargetEndpoint", "ReplicationInstance").anyMatch(f -> f.startsWith("TableMappings"));
        }

        @Test
        @DisplayName("mappings that are not JSON are reported, not thrown raw")
        void mappingsNotJson() {
            assertThat(fields(() -> task().tableMappings("{not json").build())).anyMatch(f -> f.startsWith("TableMappings"));
        }

        @Test
        @DisplayName("full-load limits in task settings are checked")
        void settingsLimits() {
            assertThat(fields(() -> task().settings(s -> s.fullLoadSettings(f -> f.maxFullLoadSubTasks(50).commitRate(60_000))
                .changeProcessingTuning(c -> c.statementCacheSize(500))).build()))
                .containsExactlyInAnyOrder("FullLoadSettings.MaxFullLoadSubTasks", "FullLoadSettings.CommitRate",
                    "ChangeProcessingTuning.StatementCacheSize");
        }

        @Test
        @DisplayName("before-images need CDC and a field name")
        void beforeImage() {
            assertThat(fields(() -> task().migrationType(MigrationType.FULL_LOAD).settings(s -> s.beforeImageSettings(
                BeforeImageSettings.builder().enableBeforeImage(true).fieldName("before").build())).build()))
                .containsExactly("ReplicationTaskSettings.BeforeImageSettings");
            assertThat(fields(() -> BeforeImageSettings.builder().enableBeforeImage(true).build()))
                .containsExactly("BeforeImageSettings.FieldName");
        }
    }

    @Nested
    @DisplayName("pipelines")
    class Pipelines {
        Endpoint source = Endpoint.mysql("src").source().serverName("h").port(3306).password("u", Secret.of("p")).build();
        Endpoint target = Endpoint.s3("tgt").s3Settings(s -> s.bucketName("dms-bucket").serviceAccessRoleArn(ROLE)).build();
        ReplicationInstance instance = ReplicationInstance.builder("ri").instanceClass("dms.t3.medium").build();

        @Test
        @DisplayName("references to undefined endpoints and instances, duplicates and reversed roles are all reported")
        void brokenReferences() {
            InvalidDefinitionException e = catchThrowableOfType(InvalidDefinitionException.class, () ->
                Pipeline.builder("p").endpoint(source).endpoint(source).endpoint(target)
                    .task(task().source("tgt").target("missing").replicationInstance("nope").build()).build());
            assertThat(e.problems()).extracting(DefinitionProblem::field)
                .containsExactlyInAnyOrder("identifier", "SourceEndpoint", "TargetEndpoint", "ReplicationInstance");
        }

        @Test
        @DisplayName("before-image settings on an S3 target are rejected")
        void beforeImageOnS3() {
            assertThatThrownBy(() -> Pipeline.builder("p").endpoint(source).endpoint(target).instance(instance)
                .task(task().settings(s -> s.beforeImageSettings(b -> b.enableBeforeImage(true).fieldName("bi"))).build())
                .build()).isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("add-before-image-columns");
        }

        @Test
        @DisplayName("a task defined in place reports its problems with the pipeline's")
        void inPlaceTask() {
            assertThat(fields(() -> Pipeline.builder("p").endpoint(source).endpoint(target).instance(instance)
                .task("bad--task", t -> t.source("src").target("tgt").replicationInstance("ri")
                    .migrationType(MigrationType.CDC).tableMappings(MAPPINGS)).build()))
                .containsExactly("ReplicationTaskIdentifier");
        }

        @Test
        @DisplayName("a valid pipeline is immutable and withTask replaces by identifier")
        void validPipeline() {
            Pipeline p = Pipeline.builder("p").endpoint(source).endpoint(target).instance(instance).task(task().build())
                .build();
            Pipeline q = p.withTask(task().migrationType(MigrationType.CDC).build());
            assertThat(p.task("orders-task")).get().extracting(ReplicationTask::migrationType)
                .isEqualTo(MigrationType.FULL_LOAD_AND_CDC);
            assertThat(q.tasks()).singleElement().extracting(ReplicationTask::migrationType).isEqualTo(MigrationType.CDC);
            assertThat(p.toBuilder().build()).isEqualTo(p);
            assertThatThrownBy(() -> p.tasks().add(task().build())).isInstanceOf(UnsupportedOperationException.class);
        }
    }
}
