package io.dmskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.dmskit.core.endpoint.S3DataFormat;
import io.dmskit.core.endpoint.S3EncryptionMode;
import io.dmskit.core.endpoint.Secret;
import io.dmskit.core.endpoint.SslMode;
import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.core.task.MigrationType;
import io.dmskit.mappings.TableMappings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 15 items 5-6 and issue 16 items 3 and 11, as the users wrote them. */
@DisplayName("Definitions: one null policy, AWS's rules offline, every problem of a pipeline at once")
class DefinitionRulesTest {

    static final String ROLE = "arn:aws:iam::123456789012:role/dms-s3";
    static final String SECRETS_ROLE = "arn:aws:iam::123456789012:role/dms-secrets";
    static final String KMS = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    static final String MAPPINGS = """
        {"rules":[{"rule-type":"selection","rule-id":"1","rule-name":"all","object-locator":
        {"schema-name":"shop","table-name":"%"},"rule-action":"include"}]}""";

    static InvalidDefinitionException invalid(Runnable r) {
        InvalidDefinitionException e = catchThrowableOfType(InvalidDefinitionException.class, r::run);
        assertThat(e).as("expected an InvalidDefinitionException").isNotNull();
        return e;
    }

    static List<String> fields(Runnable r) {
        return invalid(r).problems().stream().map(DefinitionProblem::field).toList();
    }

    static ReplicationInstance.Builder instance() {
        return ReplicationInstance.builder("ri").instanceClass("dms.t3.medium");
    }

    static Endpoint.Builder s3(String id) {
        return Endpoint.s3(id).s3Settings(s -> s.bucketName("dms-bucket").serviceAccessRoleArn(ROLE));
    }

    static Endpoint.Builder mysql(String id) {
        return Endpoint.mysql(id).source().serverName("10.0.0.4").port(3306).password("root", Secret.of("pw"));
    }

    @Nested
    @DisplayName("null policy (issue 15 item 5)")
    class Nulls {
        @Test
        @DisplayName("vpcSecurityGroupIds((String) null) is stored and reported by build(), not thrown from List.of")
        void nullSecurityGroup() {
            ReplicationInstance.Builder b = instance().vpcSecurityGroupIds((String) null);
            assertThat(fields(b::build)).containsExactly("VpcSecurityGroupIds[0]");
            assertThat(instance().vpcSecurityGroupIds((String[]) null).build().vpcSecurityGroupIds()).isEmpty();
        }

        @Test
        @DisplayName("otherSection(\"X\", new Object()) is reported by build(), naming the section; toJson never throws")
        void otherSectionNotJson() {
            InvalidDefinitionException e = invalid(() -> TaskSettings.builder().otherSection("X", new Object()).build());
            assertThat(e.problems()).extracting(DefinitionProblem::field).containsExactly("ReplicationTaskSettings.X");
            assertThat(e.getMessage()).contains("cannot be written as JSON");
            assertThat(TaskSettings.builder().otherSection("X", new Object()).otherSection("X", Map.of("a", 1))
                .build().toJson()).isEqualTo("{\"X\":{\"a\":1}}");
            assertThat(TaskSettings.builder().otherSection("X", Map.of("a", 1)).otherSection("X", null).build()
                .isEmpty()).isTrue();
        }

        @Test
        @DisplayName("optional scalars: null unsets")
        void nullUnsets() {
            Endpoint e = mysql("src").databaseName("shop").databaseName(null).sslMode(SslMode.REQUIRE).sslMode(null)
                .build();
            assertThat(e.databaseName()).isEmpty();
            assertThat(e.sslMode()).isEmpty();
            assertThat(TaskSettings.builder().fullLoadSettings(f -> f.maxFullLoadSubTasks(8).maxFullLoadSubTasks(null))
                .build().fullLoadSettings().get().maxFullLoadSubTasks()).isEmpty();
        }

        @Test
        @DisplayName("required values given as null are reported by build() with every other problem")
        void requiredNulls() {
            assertThat(fields(() -> Endpoint.builder(null, null).build()))
                .containsExactlyInAnyOrder("EndpointIdentifier", "EngineName");
            assertThat(fields(() -> mysql("src").password("root", null).tag(null, "v").tag("k", null).build()))
                .containsExactlyInAnyOrder("Password", "Tags", "Tags.k");
            assertThat(fields(() -> ReplicationTask.builder(null).source((Endpoint) null).settings(
                (java.util.function.Consumer<TaskSettings.Builder>) null).build()))
                .contains("ReplicationTaskIdentifier", "SourceEndpoint", "ReplicationTaskSettings");
            assertThat(fields(() -> Pipeline.builder(null).task((ReplicationTask) null).endpoint((Endpoint) null).build()))
                .containsExactlyInAnyOrder("name", "replication task", "endpoint");
        }

        @Test
        @DisplayName("what cannot be deferred throws the typed exception its javadoc names")
        void notDeferrable() {
            assertThatThrownBy(() -> ReplicationTask.of("t", null)).isInstanceOf(InvalidDefinitionException.class);
            assertThatThrownBy(() -> Secret.of(null)).isInstanceOf(InvalidDefinitionException.class);
            assertThatThrownBy(() -> io.dmskit.core.endpoint.Credentials.password("u", null))
                .isInstanceOf(InvalidDefinitionException.class);
            assertThatThrownBy(() -> io.dmskit.core.endpoint.S3Settings.of(null))
                .isInstanceOf(InvalidDefinitionException.class);
        }

        @Test
        @DisplayName("RetrySettings reports every bad component, NaN and nulls included, as a DmsKitException")
        void retrySettings() {
            assertThat(fields(() -> new io.dmskit.core.provision.RetrySettings(0, null, Double.NaN, 1.0, null)))
                .containsExactlyInAnyOrder("maxAttempts", "initialBackoff", "multiplier", "jitter", "maxBackoff");
            assertThat(io.dmskit.core.provision.RetrySettings.defaults().withMaxAttempts(3).maxAttempts()).isEqualTo(3);
        }

        @Test
        @DisplayName("an enum value given as text DMS does not know is reported by build(), not thrown")
        void unknownEnumText() {
            assertThat(fields(() -> s3("t").s3Settings(s -> s.dataFormat("orc").encryptionMode("sse-c")).build()))
                .containsExactlyInAnyOrder("S3Settings.DataFormat", "S3Settings.EncryptionMode");
        }
    }

    @Nested
    @DisplayName("maintenance windows (issue 15 item 6)")
    class Windows {
        @ParameterizedTest
        @ValueSource(strings = {"sun:99:99-sun:99:99", "mon:00:00-mon:00:00", "sun:06:00-sun:06:29", "xyz:06:00-sun:07:00",
            "sun:24:00-mon:01:00", "sun:06:60-sun:08:00", "sun 06:00-sun 07:00", "sun:6:00-sun:7:00", ""})
        @DisplayName("invalid days, hours, minutes, shape or under 30 minutes are rejected")
        void rejected(String window) {
            assertThat(fields(() -> instance().preferredMaintenanceWindow(window).build()))
                .containsExactly("PreferredMaintenanceWindow");
        }

        @ParameterizedTest
        @ValueSource(strings = {"sun:06:00-sun:06:30", "Mon:00:00-Mon:03:00", "sat:23:45-sun:00:15",
            "sun:23:45-mon:00:15", "sun:23:50-sun:23:20", "wed:12:00-thu:12:00"})
        @DisplayName("valid windows, also those wrapping midnight or the end of the week, are accepted")
        void accepted(String window) {
            assertThat(instance().preferredMaintenanceWindow(window).build().preferredMaintenanceWindow()).contains(window);
        }

        @Test
        @DisplayName("the message says what is wrong")
        void message() {
            assertThat(invalid(() -> instance().preferredMaintenanceWindow("sun:99:99-sun:99:99").build()).getMessage())
                .contains("hour 99 (00-23)").contains("minute 99 (00-59)");
            assertThat(invalid(() -> instance().preferredMaintenanceWindow("mon:00:00-mon:00:00").build()).getMessage())
                .contains("0 minutes long").contains("at least 30 minutes");
        }
    }

    @Nested
    @DisplayName("tags and the pipeline name (issue 15 item 6)")
    class Tags {
        @Test
        @DisplayName("a pipeline name of 10,000 characters is rejected, naming it without printing all of it")
        void longPipelineName() {
            String name = "p".repeat(10_000);
            InvalidDefinitionException e = invalid(() -> Pipeline.builder(name).build());
            assertThat(e.problems()).extracting(DefinitionProblem::field).containsExactly("name");
            assertThat(e.getMessage()).contains("dmskit:pipeline").contains("10000 characters").contains("at most 256")
                .hasSizeLessThan(1000);
        }

        @Test
        @DisplayName("a pipeline name with control characters is rejected with them escaped")
        void controlCharactersInPipelineName() {
            InvalidDefinitionException e = invalid(() -> Pipeline.builder("ecommerce\u0007\nprod").build());
            assertThat(e.getMessage()).contains("ecommerce\\u0007\\u000aprod").doesNotContain("\u0007");
        }

        @Test
        @DisplayName("tag keys and values AWS refuses are rejected on every resource")
        void badTags() {
            assertThat(fields(() -> instance().tag("aws:owner", "x").tag("team", "v".repeat(257))
                .tag("k".repeat(129), "v").tag("bad\u0000key", "v").tag("dmskit:pipeline", "other").tag("ok", "")
                .build())).containsExactlyInAnyOrder("Tags.aws:owner", "Tags.team",
                    "Tags.'" + "k".repeat(64) + "...' (129 characters)", "Tags.'bad\\u0000key'", "Tags.dmskit:pipeline");
            assertThat(fields(() -> s3("t").tag("owner", "data#team").build())).containsExactly("Tags.owner");
            assertThat(fields(() -> ReplicationSubnetGroup.builder("g").description("d").subnetIds("subnet-1")
                .tag("dms:x", "y").build())).containsExactly("Tags.dms:x");
            assertThat(instance().tag("owner", "data-team@example.com").tag("path", "a/b=c+d: e_f.g").build().tags())
                .hasSize(2);
        }
    }

    @Nested
    @DisplayName("ARNs, names and control characters (issue 15 item 6, issue 16 item 11)")
    class Arns {
        @Test
        @DisplayName("serviceAccessRoleArn(\"not-an-arn\") is rejected offline")
        void notAnArn() {
            InvalidDefinitionException e = invalid(() -> Endpoint.s3("t").s3Settings(s -> s.bucketName("dms-bucket")
                .serviceAccessRoleArn("not-an-arn")).build());
            assertThat(e.problems()).extracting(DefinitionProblem::field)
                .containsExactly("S3Settings.ServiceAccessRoleArn");
            assertThat(e.getMessage()).contains("'not-an-arn' is not an ARN").contains("arn:aws:iam::<account-id>:role/");
        }

        @Test
        @DisplayName("every ARN is checked for shape, service and resource kind")
        void everyArn() {
            assertThat(fields(() -> s3("t").s3Settings(s -> s.serviceAccessRoleArn("arn:aws:s3:::my-bucket")
                .encryptionMode(S3EncryptionMode.SSE_KMS).serverSideEncryptionKmsKeyId("arn:aws:iam::123456789012:role/x")
                .expectedBucketOwner("12345")).build()))
                .containsExactlyInAnyOrder("S3Settings.ServiceAccessRoleArn", "S3Settings.ServerSideEncryptionKmsKeyId",
                    "S3Settings.ExpectedBucketOwner");
            assertThat(fields(() -> mysql("src").certificateArn("arn:aws:acm:us-east-1:123456789012:certificate/x")
                .sslMode(SslMode.VERIFY_FULL).kmsKeyId("arn:aws:kms:us-east-1:1234:key/k").build()))
                .containsExactlyInAnyOrder("CertificateArn", "KmsKeyId");
            assertThat(fields(() -> Endpoint.mysql("src").source()
                .secretsManager("arn:aws:iam::123456789012:role/x", "arn:aws:iam::123456789012:user/x").build()))
                .containsExactlyInAnyOrder("SecretsManagerSecretId", "SecretsManagerAccessRoleArn");
            assertThat(fields(() -> Endpoint.kinesis("k").kinesisSettings(k -> k.streamArn("arn:aws:kinesis:us-east-1:"
                + "123456789012:table/x").serviceAccessRoleArn(ROLE)).build())).containsExactly("KinesisSettings.StreamArn");
            assertThat(fields(() -> instance().kmsKeyId("arn:aws:kms:useast1:123456789012:key/k").build()))
                .containsExactly("KmsKeyId");
            assertThat(fields(() -> Endpoint.mysql("src").source().serverName("h").port(3306).managedSecret("bad name!", "arn:aws:iam::123456789012:role/a\nb", "root",
                Secret.of("pw")).build())).containsExactlyInAnyOrder("SecretName", "SecretsManagerAccessRoleArn");
        }

        @Test
        @DisplayName("valid ARNs in every partition, key ids and aliases, secret names are accepted")
        void validArns() {
            assertThatCode(() -> {
                mysql("src").certificateArn("arn:aws:dms:us-east-1:123456789012:cert:ABCDEFGHIJ")
                    .sslMode(SslMode.VERIFY_CA).kmsKeyId("alias/dms").build();
                instance().kmsKeyId("1234abcd-12ab-34cd-56ef-1234567890ab").build();
                instance().kmsKeyId("arn:aws-cn:kms:cn-north-1:123456789012:alias/dms").build();
                Endpoint.postgres("pg").source().secretsManager("prod/pg-source", SECRETS_ROLE).build();
                Endpoint.postgres("pg").source().secretsManager(
                    "arn:aws-us-gov:secretsmanager:us-gov-west-1:123456789012:secret:pg-AbCdEf",
                    "arn:aws-us-gov:iam::123456789012:role/dms").build();
                s3("t").s3Settings(s -> s.encryptionMode(S3EncryptionMode.SSE_KMS).serverSideEncryptionKmsKeyId(KMS)
                    .expectedBucketOwner("123456789012").dataFormat(S3DataFormat.PARQUET)).build();
            }).doesNotThrowAnyException();
        }

        @Test
        @DisplayName("control characters in server names, database names and usernames are rejected")
        void controlCharacters() {
            assertThat(fields(() -> Endpoint.mysql("src").source().serverName("db\u0000.example.com").port(3306)
                .databaseName("shop\n").password("root\u0007", Secret.of("pw")).build()))
                .containsExactlyInAnyOrder("ServerName", "DatabaseName", "Username");
            assertThat(fields(() -> Endpoint.mysql("src").source().serverName("db host").port(3306)
                .password("root", Secret.of("pw")).build())).containsExactly("ServerName");
        }
    }

    @Nested
    @DisplayName("every problem of every resource at once (issue 16 item 3)")
    class WholePipeline {
        static final String TENANT = "Acme_Corp";

        Pipeline.Builder tenantPipeline() {
            return Pipeline.builder(TENANT)
                .subnetGroup(ReplicationSubnetGroup.builder(TENANT + "-subnets").description("dms").subnetIds("subnet-0a1"))
                .instance(ReplicationInstance.builder(TENANT + "-dms").instanceClass("dms.t3.medium")
                    .subnetGroup(TENANT + "-subnets"))
                .endpoint(Endpoint.mysql(TENANT + "-mysql").source().serverName("10.0.0.4").port(3306)
                    .managedSecret(TENANT + "/mysql", SECRETS_ROLE, "root", Secret.of("pw")))
                .endpoint(Endpoint.s3(TENANT + "-lake").s3Settings(s -> s.bucketName("acme-lake")
                    .serviceAccessRoleArn(ROLE).dataFormat(S3DataFormat.PARQUET)))
                .task(TENANT + "-replication", t -> t.source(TENANT + "-mysql").target(TENANT + "-lake")
                    .replicationInstance(TENANT + "-dms").migrationType(MigrationType.FULL_LOAD_AND_CDC)
                    .tableMappings(MAPPINGS));
        }

        @Test
        @DisplayName("tenant Acme_Corp: the four invalid identifiers are reported together, each naming its resource")
        void acmeCorp() {
            InvalidDefinitionException e = invalid(() -> tenantPipeline().build());
            assertThat(e.problems()).extracting(p -> p.resource() + " / " + p.field()).containsExactlyInAnyOrder(
                "replication instance 'Acme_Corp-dms' / ReplicationInstanceIdentifier",
                "endpoint 'Acme_Corp-mysql' / EndpointIdentifier",
                "endpoint 'Acme_Corp-lake' / EndpointIdentifier",
                "replication task 'Acme_Corp-replication' / ReplicationTaskIdentifier");
            assertThat(e.getMessage()).startsWith("4 problems in the definition");
        }

        @Test
        @DisplayName("problems inside settings and the pipeline's own checks come in the same exception")
        void mixed() {
            InvalidDefinitionException e = invalid(() -> tenantPipeline()
                .instance(ReplicationInstance.builder("second").instanceClass("m5").preferredMaintenanceWindow("x"))
                .endpoint(Endpoint.s3("orphan").s3Settings(s -> s.bucketName("B").serviceAccessRoleArn("not-an-arn")))
                .task(ReplicationTask.builder("dangling").source("nowhere").target("orphan").replicationInstance("second")
                    .migrationType(MigrationType.CDC).tableMappings(MAPPINGS))
                .build());
            assertThat(e.problems()).extracting(DefinitionProblem::field).contains("ReplicationInstanceClass",
                "PreferredMaintenanceWindow", "S3Settings.BucketName", "S3Settings.ServiceAccessRoleArn",
                "SourceEndpoint");
            assertThat(e.problems()).filteredOn(p -> p.field().equals("SourceEndpoint"))
                .singleElement().extracting(DefinitionProblem::resource).isEqualTo("replication task 'dangling'");
            assertThat(e.problems()).noneMatch(p -> p.message().contains("'orphan', which this pipeline does not define"));
        }

        @Test
        @DisplayName("resources built before they are added still work, and still report at their own build()")
        void builtResourcesStillWork() {
            assertThat(Pipeline.builder("p").endpoint(mysql("src").build()).endpoint(s3("tgt").build())
                .instance(instance().build()).task(ReplicationTask.builder("t").source("src").target("tgt")
                    .replicationInstance("ri").migrationType(MigrationType.CDC).tableMappings(MAPPINGS).build())
                .build().tasks()).hasSize(1);
        }
    }

    @Nested
    @DisplayName("editing pipelines and tags (issue 16 item 11)")
    class Editing {
        Pipeline pipeline() {
            return Pipeline.builder("p")
                .subnetGroup(ReplicationSubnetGroup.builder("g").description("dms").subnetIds("subnet-1"))
                .endpoint(mysql("src")).endpoint(s3("tgt")).endpoint(s3("tgt2"))
                .instance(instance().subnetGroup("g"))
                .task("t", t -> t.source("src").target("tgt").replicationInstance("ri").migrationType(MigrationType.CDC)
                    .tableMappings(MAPPINGS))
                .build();
        }

        @Test
        @DisplayName("withoutTask / withoutEndpoint / withoutInstance remove; the original is unchanged")
        void remove() {
            Pipeline p = pipeline();
            Pipeline q = p.withoutTask("t").withoutEndpoint("tgt").withoutInstance("ri");
            assertThat(q.tasks()).isEmpty();
            assertThat(q.endpoints()).extracting(Endpoint::identifier).containsExactly("src", "tgt2");
            assertThat(q.instances()).isEmpty();
            assertThat(p.tasks()).hasSize(1);
            assertThat(p.endpoints()).hasSize(3);
            assertThat(p.withoutTask("no-such-task")).isEqualTo(p);
        }

        @Test
        @DisplayName("removing an endpoint a task still uses is refused, saying which task")
        void removeUsedEndpoint() {
            InvalidDefinitionException e = invalid(() -> pipeline().withoutEndpoint("tgt"));
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.resource()).isEqualTo("replication task 't'");
                assertThat(p.field()).isEqualTo("TargetEndpoint");
            });
        }

        @Test
        @DisplayName("withSubnetGroup replaces the subnet group with the same identifier; withoutSubnetGroup removes it")
        void replaceSubnetGroup() {
            Pipeline p = pipeline();
            Pipeline q = p.withSubnetGroup(ReplicationSubnetGroup.builder("g").description("dms, two zones")
                .subnetIds("subnet-1", "subnet-2").build());
            assertThat(q.subnetGroups()).singleElement().satisfies(g -> {
                assertThat(g.subnetIds()).containsExactly("subnet-1", "subnet-2");
                assertThat(g.description()).isEqualTo("dms, two zones");
            });
            assertThat(p.subnetGroup("g").get().subnetIds()).containsExactly("subnet-1");
            assertThat(q.withoutSubnetGroup("g").subnetGroups()).isEmpty();
            assertThat(q.withTask(q.task("t").get().toBuilder().target("tgt2").build()).task("t").get().targetEndpoint())
                .isEqualTo("tgt2");
        }

        @Test
        @DisplayName("an endpoint's tags can be removed: tags(Map) replaces, tag adds, removeTag and clearTags remove")
        void endpointTags() {
            Endpoint e = s3("tgt").tag("owner", "data").tag("cost-center", "42").build();
            assertThat(e.toBuilder().removeTag("owner").build().tags()).containsOnlyKeys("cost-center");
            assertThat(e.toBuilder().tags(Map.of("env", "prod")).build().tags()).containsExactly(Map.entry("env", "prod"));
            assertThat(e.toBuilder().clearTags().build().tags()).isEmpty();
            assertThat(e.toBuilder().tags(null).tag("a", "b").build().tags()).containsExactly(Map.entry("a", "b"));
            for (Runnable same : List.<Runnable>of(
                () -> assertThat(instance().tag("a", "1").tags(Map.of("b", "2")).removeTag("x").build().tags())
                    .containsExactly(Map.entry("b", "2")),
                () -> assertThat(ReplicationSubnetGroup.builder("g").description("d").subnetIds("subnet-1").tag("a", "1")
                    .clearTags().build().tags()).isEmpty(),
                () -> assertThat(ReplicationTask.builder("t").source("s").target("u").replicationInstance("ri")
                    .migrationType(MigrationType.CDC).tableMappings(TableMappings.fromJson(MAPPINGS)).tag("a", "1")
                    .tag("b", "2").removeTag("a").build().tags()).containsOnlyKeys("b"))) {
                same.run();
            }
        }
    }
}
