package io.dmskit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.InvalidNextTokenException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;
import software.amazon.awssdk.services.secretsmanager.model.SortOrderType;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

@DisplayName("FakeSecretsManager behaves like AWS Secrets Manager through the SDK interface")
class FakeSecretsManagerTest {

    private static final String DB_JSON =
            "{\"username\":\"dms\",\"password\":\"Sup3rS3cret!\",\"host\":\"db\",\"port\":\"3306\"}";

    private final FakeClock clock = FakeClock.startingAt(Instant.parse("2026-01-10T10:00:00Z"));
    private final FakeSecretsManager fake = FakeSecretsManager.builder().clock(clock).build();
    private final SecretsManagerClient client = fake;

    private static String token(char c) {
        return String.valueOf(c).repeat(32);
    }

    @Nested
    @DisplayName("create and get")
    class CreateAndGet {

        @Test
        @DisplayName("ARNs carry region, account, name and a 6-character random suffix")
        void arnFormat() {
            CreateSecretResponse a = client.createSecret(b -> b.name("dms/source").secretString(DB_JSON));
            CreateSecretResponse other = FakeSecretsManager.create()
                    .createSecret(b -> b.name("dms/source").secretString(DB_JSON));
            assertThat(a.arn()).matches(
                    "arn:aws:secretsmanager:us-east-1:123456789012:secret:dms/source-[A-Za-z0-9]{6}");
            assertThat(a.name()).isEqualTo("dms/source");
            assertThat(a.versionId()).isNotBlank();
            assertThat(other.arn()).isNotEqualTo(a.arn()); // random suffix
        }

        @Test
        @DisplayName("a secret is found by name, full ARN and partial ARN")
        void lookupByNameAndArn() {
            String arn = client.createSecret(b -> b.name("app/db").secretString(DB_JSON)).arn();
            String partial = arn.substring(0, arn.length() - 7);
            for (String id : List.of("app/db", arn, partial)) {
                GetSecretValueResponse v = client.getSecretValue(b -> b.secretId(id));
                assertThat(v.secretString()).isEqualTo(DB_JSON);
                assertThat(v.arn()).isEqualTo(arn);
                assertThat(v.versionStages()).containsExactly("AWSCURRENT");
                assertThat(v.createdDate()).isEqualTo(clock.instant());
            }
        }

        @Test
        @DisplayName("binary secrets round-trip")
        void binary() {
            client.createSecret(b -> b.name("bin").secretBinary(SdkBytes.fromUtf8String("\u0001\u0002")));
            assertThat(client.getSecretValue(b -> b.secretId("bin")).secretBinary().asUtf8String())
                    .isEqualTo("\u0001\u0002");
        }

        @Test
        @DisplayName("a duplicate name is ResourceExistsException; an unknown secret ResourceNotFoundException")
        void duplicateAndMissing() {
            client.createSecret(b -> b.name("dup").secretString("x"));
            assertThatThrownBy(() -> client.createSecret(b -> b.name("dup").secretString("y")))
                    .isInstanceOfSatisfying(ResourceExistsException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ResourceExistsException");
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorMessage()).contains("dup already exists");
                    });
            assertThatThrownBy(() -> client.getSecretValue(b -> b.secretId("nope")))
                    .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(
                            e.awsErrorDetails().errorMessage()).isEqualTo(
                            "Secrets Manager can't find the specified secret."));
        }

        @Test
        @DisplayName("invalid names, tokens and both value kinds at once are rejected with AWS's error codes")
        void validation() {
            assertThatThrownBy(() -> client.createSecret(b -> b.name("bad name!").secretString("x")))
                    .isInstanceOfSatisfying(SecretsManagerException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
            assertThatThrownBy(() -> client.createSecret(b -> b.name("t").clientRequestToken("short")
                    .secretString("x")))
                    .isInstanceOfSatisfying(SecretsManagerException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
            assertThatThrownBy(() -> client.createSecret(b -> b.name("both").secretString("x")
                    .secretBinary(SdkBytes.fromUtf8String("y"))))
                    .isInstanceOf(InvalidParameterException.class);
            assertThat(fake.secretNames()).isEmpty(); // nothing half-created
        }

        @Test
        @DisplayName("a secret created without a value has no current version to read")
        void noValueYet() {
            CreateSecretResponse r = client.createSecret(b -> b.name("empty"));
            assertThat(r.versionId()).isNull();
            assertThatThrownBy(() -> client.getSecretValue(b -> b.secretId("empty")))
                    .isInstanceOf(ResourceNotFoundException.class).hasMessageContaining("AWSCURRENT");
        }
    }

    @Nested
    @DisplayName("versions and staging labels")
    class Versions {

        @Test
        @DisplayName("putSecretValue makes the new version AWSCURRENT and the old one AWSPREVIOUS")
        void currentAndPrevious() {
            String v1 = client.createSecret(b -> b.name("rot").secretString("one")).versionId();
            PutSecretValueResponse p = client.putSecretValue(b -> b.secretId("rot").secretString("two"));
            assertThat(p.versionStages()).containsExactly("AWSCURRENT");
            assertThat(client.getSecretValue(b -> b.secretId("rot")).secretString()).isEqualTo("two");
            GetSecretValueResponse prev = client.getSecretValue(b -> b.secretId("rot").versionStage("AWSPREVIOUS"));
            assertThat(prev.secretString()).isEqualTo("one");
            assertThat(prev.versionId()).isEqualTo(v1);
            assertThat(client.getSecretValue(b -> b.secretId("rot").versionId(v1)).secretString()).isEqualTo("one");

            client.putSecretValue(b -> b.secretId("rot").secretString("three"));
            DescribeSecretResponse d = client.describeSecret(b -> b.secretId("rot"));
            assertThat(d.versionIdsToStages()).hasSize(2).doesNotContainKey(v1); // v1 is deprecated now
            assertThat(client.listSecretVersionIds(b -> b.secretId("rot")).versions()).hasSize(2);
            assertThat(client.listSecretVersionIds(b -> b.secretId("rot").includeDeprecated(true)).versions())
                    .hasSize(3);
        }

        @Test
        @DisplayName("a put with VersionStages AWSPENDING leaves AWSCURRENT alone until the label is moved")
        void pendingRotation() {
            String v1 = client.createSecret(b -> b.name("pend").secretString("old")).versionId();
            String v2 = client.putSecretValue(b -> b.secretId("pend").secretString("new")
                    .versionStages("AWSPENDING")).versionId();
            assertThat(client.getSecretValue(b -> b.secretId("pend")).secretString()).isEqualTo("old");
            assertThat(client.getSecretValue(b -> b.secretId("pend").versionStage("AWSPENDING")).secretString())
                    .isEqualTo("new");

            assertThatThrownBy(() -> client.updateSecretVersionStage(b -> b.secretId("pend")
                    .versionStage("AWSCURRENT").moveToVersionId(v2)))
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("RemoveFromVersionId");

            client.updateSecretVersionStage(b -> b.secretId("pend").versionStage("AWSCURRENT")
                    .moveToVersionId(v2).removeFromVersionId(v1));
            assertThat(client.getSecretValue(b -> b.secretId("pend")).secretString()).isEqualTo("new");
            assertThat(client.getSecretValue(b -> b.secretId("pend").versionStage("AWSPREVIOUS")).versionId())
                    .isEqualTo(v1);
        }

        @Test
        @DisplayName("ClientRequestToken is the version id: a retry with the same value is idempotent")
        void idempotentToken() {
            client.createSecret(b -> b.name("idem").secretString("a"));
            String t = token('t');
            String id1 = client.putSecretValue(b -> b.secretId("idem").clientRequestToken(t).secretString("b"))
                    .versionId();
            String id2 = client.putSecretValue(b -> b.secretId("idem").clientRequestToken(t).secretString("b"))
                    .versionId();
            assertThat(id1).isEqualTo(t).isEqualTo(id2);
            assertThat(client.listSecretVersionIds(b -> b.secretId("idem").includeDeprecated(true)).versions())
                    .hasSize(2);
            assertThatThrownBy(() -> client.putSecretValue(b -> b.secretId("idem").clientRequestToken(t)
                    .secretString("different")))
                    .isInstanceOf(ResourceExistsException.class);
        }

        @Test
        @DisplayName("updateSecret changes metadata and, with a value, adds a current version")
        void update() {
            client.createSecret(b -> b.name("upd").secretString("a").description("first"));
            assertThat(client.updateSecret(b -> b.secretId("upd").description("second")).versionId()).isNull();
            assertThat(client.describeSecret(b -> b.secretId("upd")).description()).isEqualTo("second");
            String v = client.updateSecret(b -> b.secretId("upd").secretString("b")).versionId();
            assertThat(client.getSecretValue(b -> b.secretId("upd")).versionId()).isEqualTo(v);
            assertThat(fake.currentValue("upd")).contains("b");
        }
    }

    @Nested
    @DisplayName("deletion and restore")
    class Deletion {

        @Test
        @DisplayName("a deleted secret rejects reads with InvalidRequestException, can be restored, then vanishes")
        void recoveryWindow() {
            String arn = client.createSecret(b -> b.name("del").secretString("v")).arn();
            DeleteSecretResponse d = client.deleteSecret(b -> b.secretId("del").recoveryWindowInDays(7L));
            assertThat(d.deletionDate()).isEqualTo(clock.instant().plus(Duration.ofDays(7)));
            assertThatThrownBy(() -> client.getSecretValue(b -> b.secretId("del")))
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(
                            e.awsErrorDetails().errorMessage()).contains("marked for deletion"));
            assertThatThrownBy(() -> client.putSecretValue(b -> b.secretId("del").secretString("w")))
                    .isInstanceOf(InvalidRequestException.class);
            assertThat(client.describeSecret(b -> b.secretId(arn)).deletedDate()).isEqualTo(clock.instant());
            assertThat(client.listSecrets(b -> { }).secretList()).isEmpty();
            assertThat(client.listSecrets(b -> b.includePlannedDeletion(true)).secretList()).hasSize(1);
            assertThatThrownBy(() -> client.createSecret(b -> b.name("del").secretString("x")))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("scheduled for deletion");

            client.restoreSecret(b -> b.secretId("del"));
            assertThat(client.getSecretValue(b -> b.secretId("del")).secretString()).isEqualTo("v");

            client.deleteSecret(b -> b.secretId("del")); // default window: 30 days
            clock.advance(Duration.ofDays(29));
            assertThat(client.describeSecret(b -> b.secretId("del")).name()).isEqualTo("del");
            clock.advance(Duration.ofDays(1));
            assertThatThrownBy(() -> client.describeSecret(b -> b.secretId("del")))
                    .isInstanceOf(ResourceNotFoundException.class);
            client.createSecret(b -> b.name("del").secretString("again")); // the name is free again
        }

        @Test
        @DisplayName("ForceDeleteWithoutRecovery deletes at once; combined with a window, or a bad window, fails")
        void forceDelete() {
            client.createSecret(b -> b.name("force").secretString("v"));
            assertThatThrownBy(() -> client.deleteSecret(b -> b.secretId("force").forceDeleteWithoutRecovery(true)
                    .recoveryWindowInDays(7L))).isInstanceOf(InvalidParameterException.class);
            assertThatThrownBy(() -> client.deleteSecret(b -> b.secretId("force").recoveryWindowInDays(3L)))
                    .isInstanceOf(InvalidParameterException.class).hasMessageContaining("between 7 and 30");
            client.deleteSecret(b -> b.secretId("force").forceDeleteWithoutRecovery(true));
            assertThatThrownBy(() -> client.describeSecret(b -> b.secretId("force")))
                    .isInstanceOf(ResourceNotFoundException.class);
        }
    }

    @Nested
    @DisplayName("list, tags and batch")
    class ListAndTags {

        @Test
        @DisplayName("listSecrets filters by name prefix, tag and negation, sorts, and paginates with the paginator")
        void listFiltersAndPages() {
            for (int i = 0; i < 5; i++) {
                int n = i;
                clock.advance(Duration.ofSeconds(1));
                client.createSecret(b -> b.name("dms/ep" + n).secretString("v")
                        .tags(Tag.builder().key("env").value(n % 2 == 0 ? "prod" : "dev").build()));
            }
            client.createSecret(b -> b.name("other").secretString("v").description("dms related"));

            assertThat(names(client.listSecrets(b -> b.filters(filter(FilterNameStringType.NAME, "dms/")))
                    .secretList())).containsExactly("dms/ep0", "dms/ep1", "dms/ep2", "dms/ep3", "dms/ep4");
            assertThat(names(client.listSecrets(b -> b.filters(filter(FilterNameStringType.TAG_VALUE, "prod")))
                    .secretList())).containsExactly("dms/ep0", "dms/ep2", "dms/ep4");
            assertThat(names(client.listSecrets(b -> b.filters(filter(FilterNameStringType.NAME, "!dms/")))
                    .secretList())).containsExactly("other");
            assertThat(names(client.listSecrets(b -> b.filters(filter(FilterNameStringType.ALL, "dms")))
                    .secretList())).hasSize(6);
            assertThat(names(client.listSecrets(b -> b.sortOrder(SortOrderType.DESC)).secretList()).get(0))
                    .isEqualTo("other");

            List<String> paged = client.listSecretsPaginator(b -> b.maxResults(2)).stream()
                    .flatMap(page -> page.secretList().stream()).map(SecretListEntry::name).collect(Collectors.toList());
            assertThat(paged).hasSize(6).doesNotHaveDuplicates();
            assertThat(client.listSecrets(b -> b.maxResults(2)).nextToken()).isNotNull();
            assertThatThrownBy(() -> client.listSecrets(b -> b.nextToken("garbage!")))
                    .isInstanceOf(InvalidNextTokenException.class);
            assertThatThrownBy(() -> client.listSecrets(b -> b.maxResults(500)))
                    .isInstanceOfSatisfying(SecretsManagerException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        }

        @Test
        @DisplayName("description and all filters match words, not case-sensitive, as AWS's search does")
        void wordFilters() {
            client.createSecret(b -> b.name("credsDatabase892").secretString("v").description("My basic description"));
            client.createSecret(b -> b.name("other").secretString("v").description("Unrelated"));
            assertThat(names(client.listSecrets(b -> b.filters(filter(FilterNameStringType.DESCRIPTION,
                    "my Description"))).secretList())).containsExactly("credsDatabase892");
            assertThat(names(client.listSecrets(b -> b.filters(filter(FilterNameStringType.ALL, "database")))
                    .secretList())).containsExactly("credsDatabase892");
            assertThat(names(client.listSecrets(b -> b.filters(filter(FilterNameStringType.ALL, "unrel#892")))
                    .secretList())).containsExactlyInAnyOrder("credsDatabase892", "other");
            assertThat(names(client.listSecrets(b -> b.filters(filter(FilterNameStringType.NAME, "creds")))
                    .secretList())).containsExactly("credsDatabase892");
            assertThat(names(client.listSecrets(b -> b.filters(filter(FilterNameStringType.NAME, "Creds")))
                    .secretList())).as("name is case-sensitive").isEmpty();
        }

        @Test
        @DisplayName("tags are added, overwritten and removed")
        void tags() {
            client.createSecret(b -> b.name("tagged").secretString("v")
                    .tags(Tag.builder().key("a").value("1").build()));
            client.tagResource(b -> b.secretId("tagged").tags(Tag.builder().key("a").value("2").build(),
                    Tag.builder().key("b").value("3").build()));
            client.untagResource(b -> b.secretId("tagged").tagKeys("b"));
            assertThat(client.describeSecret(b -> b.secretId("tagged")).tags())
                    .containsExactly(Tag.builder().key("a").value("2").build());
        }

        @Test
        @DisplayName("batchGetSecretValue returns values and per-secret errors")
        void batchGet() {
            client.createSecret(b -> b.name("b1").secretString("one"));
            client.createSecret(b -> b.name("b2").secretString("two"));
            var r = client.batchGetSecretValue(b -> b.secretIdList("b1", "missing", "b2"));
            assertThat(r.secretValues()).extracting(v -> v.secretString()).containsExactly("one", "two");
            assertThat(r.errors()).singleElement().satisfies(e -> {
                assertThat(e.secretId()).isEqualTo("missing");
                assertThat(e.errorCode()).isEqualTo("ResourceNotFoundException");
            });
        }

        @Test
        @DisplayName("batchGetSecretValue by filters pages through current values; ids and filters together fail")
        void batchGetByFilters() {
            for (int i = 0; i < 5; i++) {
                int n = i;
                client.createSecret(b -> b.name("batch/" + n).secretString("v" + n));
            }
            client.createSecret(b -> b.name("other").secretString("x"));
            var first = client.batchGetSecretValue(b -> b.filters(filter(FilterNameStringType.NAME, "batch/"))
                    .maxResults(3));
            assertThat(first.secretValues()).hasSize(3);
            var second = client.batchGetSecretValue(b -> b.filters(filter(FilterNameStringType.NAME, "batch/"))
                    .maxResults(3).nextToken(first.nextToken()));
            assertThat(second.secretValues()).extracting(v -> v.secretString()).containsExactly("v3", "v4");
            assertThat(second.nextToken()).isNull();
            assertThatThrownBy(() -> client.batchGetSecretValue(b -> b.secretIdList("other")
                    .filters(filter(FilterNameStringType.NAME, "batch/"))))
                    .isInstanceOf(InvalidParameterException.class);
        }

        @Test
        @DisplayName("a VersionId with a VersionStage it does not carry is not found")
        void versionIdAndStageMustAgree() {
            String v1 = client.createSecret(b -> b.name("agree").secretString("a")).versionId();
            client.putSecretValue(b -> b.secretId("agree").secretString("b"));
            assertThat(client.getSecretValue(b -> b.secretId("agree").versionId(v1).versionStage("AWSPREVIOUS"))
                    .secretString()).isEqualTo("a");
            assertThatThrownBy(() -> client.getSecretValue(b -> b.secretId("agree").versionId(v1)
                    .versionStage("AWSCURRENT"))).isInstanceOf(ResourceNotFoundException.class);
        }

        @Test
        @DisplayName("a seed makes ARN suffixes reproducible")
        void seededArns() {
            String a = FakeSecretsManager.builder().seed(7).build().seedSecret("s", "v");
            String b = FakeSecretsManager.builder().seed(7).build().seedSecret("s", "v");
            assertThat(a).isEqualTo(b);
        }

        @Test
        @DisplayName("getRandomPassword honours length, exclusions and required character types")
        void randomPassword() {
            String p = client.getRandomPassword(b -> b.passwordLength(40L).excludeCharacters(";.:+")
                    .excludePunctuation(false)).randomPassword();
            assertThat(p).hasSize(40).doesNotContain(";", ".", ":", "+").containsPattern("[a-z]")
                    .containsPattern("[A-Z]").containsPattern("[0-9]");
            assertThat(client.getRandomPassword(b -> b.passwordLength(12L).excludePunctuation(true)
                    .excludeNumbers(true)).randomPassword()).matches("[A-Za-z]{12}");
        }
    }

    @Nested
    @DisplayName("call log, secrecy and concurrency")
    class CallLogAndSafety {

        @Test
        @DisplayName("every call is recorded with its outcome and fake time; seeding is not recorded")
        void callLog() {
            String arn = fake.seedDatabaseSecret("dms/src", "db.local", 3306, "dms", "p\"w");
            client.getSecretValue(b -> b.secretId(arn));
            assertThatThrownBy(() -> client.getSecretValue(b -> b.secretId("missing")));
            List<CallRecord> calls = fake.calls("GetSecretValue");
            assertThat(calls).hasSize(2);
            assertThat(calls.get(0).succeeded()).isTrue();
            assertThat(calls.get(1).errorCode()).contains("ResourceNotFoundException");
            assertThat(calls.get(0).time()).isEqualTo(clock.instant());
            assertThat(fake.calls("CreateSecret")).isEmpty();
            assertThat(fake.mutatingCallCount()).isZero();
            fake.seedSecret("other", "x");
            client.putSecretValue(b -> b.secretId("other").secretString("y"));
            assertThat(fake.mutatingCallCount()).isEqualTo(1);
            assertThat(fake.currentValue("dms/src")).contains(
                    "{\"username\":\"dms\",\"password\":\"p\\\"w\",\"host\":\"db.local\",\"port\":\"3306\"}");
        }

        @Test
        @DisplayName("secret values never appear in toString of the fake, its calls or its errors")
        void noSecretsInText() {
            client.createSecret(b -> b.name("hidden").secretString(DB_JSON));
            client.putSecretValue(b -> b.secretId("hidden").secretString("Sup3rS3cret!-2"));
            try {
                client.putSecretValue(b -> b.secretId("hidden").secretString("Sup3rS3cret!-3")
                        .secretBinary(SdkBytes.fromUtf8String("Sup3rS3cret!-4")));
            } catch (AwsServiceException e) {
                assertThat(e.getMessage()).doesNotContain("Sup3rS3cret");
            }
            String text = fake + fake.calls().toString();
            assertThat(text).doesNotContain("Sup3rS3cret").contains("PutSecretValue");
        }

        @Test
        @DisplayName("concurrent writers each get a distinct version and the log stays complete")
        void concurrency() throws Exception {
            client.createSecret(b -> b.name("busy").secretString("0"));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<String>> futures = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    int n = i;
                    futures.add(pool.submit(() -> client.putSecretValue(b -> b.secretId("busy")
                            .secretString("v" + n)).versionId()));
                }
                List<String> ids = new ArrayList<>();
                for (Future<String> f : futures) {
                    ids.add(f.get(30, TimeUnit.SECONDS));
                }
                assertThat(ids).doesNotHaveDuplicates().hasSize(200);
            } finally {
                pool.shutdownNow();
            }
            assertThat(fake.calls("PutSecretValue")).hasSize(200);
            assertThat(client.describeSecret(b -> b.secretId("busy")).versionIdsToStages()).hasSize(2);
        }

        @Test
        @DisplayName("faults: throttling N times, then success; a faulted write changes nothing; unknown names rejected")
        void faults() {
            fake.seedSecret("flaky", "v");
            fake.faults().throttle("GetSecretValue").times(2);
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> client.getSecretValue(b -> b.secretId("flaky")))
                        .isInstanceOfSatisfying(SecretsManagerException.class, e -> {
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
                            assertThat(e.isThrottlingException()).isTrue();
                        });
            }
            assertThat(client.getSecretValue(b -> b.secretId("flaky")).secretString()).isEqualTo("v");

            fake.faults().serverError("PutSecretValue").once();
            assertThatThrownBy(() -> client.putSecretValue(b -> b.secretId("flaky").secretString("w")))
                    .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
            assertThat(fake.currentValue("flaky")).contains("v");
            assertThat(fake.calls("PutSecretValue")).singleElement()
                    .satisfies(c -> assertThat(c.errorCode()).contains("InternalServiceError"));

            fake.faults().error("*", "AccessDeniedException", 400, "not allowed").always();
            assertThatThrownBy(() -> client.listSecrets(b -> { }))
                    .isInstanceOfSatisfying(AwsServiceException.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException"));
            fake.faults().clear();
            assertThat(client.listSecrets(b -> { }).secretList()).hasSize(1);
            assertThatThrownBy(() -> fake.faults().throttle("GetSecret"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GetSecretValue");
        }

        @Test
        @DisplayName("faults at a rate are reproducible with a seed")
        void faultRate() {
            fake.seedSecret("r", "v");
            fake.faults().seed(1).throttle("DescribeSecret").rate(0.5);
            int failures = 0;
            for (int i = 0; i < 200; i++) {
                try {
                    client.describeSecret(b -> b.secretId("r"));
                } catch (SecretsManagerException e) {
                    failures++;
                }
            }
            assertThat(failures).isBetween(70, 130);
        }

        @Test
        @DisplayName("rotateSecret explains how to simulate a rotation instead of failing silently")
        void rotateUnsupported() {
            assertThatThrownBy(() -> client.rotateSecret(b -> b.secretId("x")))
                    .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("AWSPENDING");
        }

        @Test
        @DisplayName("serviceName and serviceClientConfiguration answer like a real client's")
        void clientIdentity() {
            FakeSecretsManager eu = FakeSecretsManager.builder().region("eu-west-1").build();
            assertThat(eu.serviceName()).isEqualTo("secretsmanager");
            assertThat(eu.serviceClientConfiguration().region().id()).isEqualTo("eu-west-1");
            assertThat(eu.createSecret(b -> b.name("n").secretString("v")).arn())
                    .startsWith("arn:aws:secretsmanager:eu-west-1:123456789012:secret:n-");
        }

        @Test
        @DisplayName("builder reports every invalid setting at once")
        void builderValidation() {
            assertThatThrownBy(() -> FakeSecretsManager.builder().accountId("12").region("mars").build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("accountId").hasMessageContaining("region");
        }
    }

    private static Filter filter(FilterNameStringType key, String... values) {
        return Filter.builder().key(key).values(values).build();
    }

    private static List<String> names(List<SecretListEntry> entries) {
        return entries.stream().map(SecretListEntry::name).collect(Collectors.toList());
    }
}
