package io.dmskit.testkit.internal.secrets;

import static io.dmskit.testkit.internal.secrets.Secret.AWSCURRENT;
import static io.dmskit.testkit.internal.secrets.SecretsErrors.invalidParameter;
import static io.dmskit.testkit.internal.secrets.SecretsErrors.validation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.model.APIErrorType;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretVersionIdsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretVersionIdsResponse;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.SecretValueEntry;
import software.amazon.awssdk.services.secretsmanager.model.SecretVersionsListEntry;
import software.amazon.awssdk.services.secretsmanager.model.SortOrderType;

/** The reading operations: GetSecretValue, BatchGetSecretValue, DescribeSecret, ListSecrets, ListSecretVersionIds. */
final class SecretReadOps {

    private final SecretTable table;

    SecretReadOps(SecretTable table) {
        this.table = table;
    }

    GetSecretValueResponse getValue(GetSecretValueRequest r) {
        table.purgeExpired();
        Secret s = table.live(r.secretId());
        Version v = s.selectVersion(r.versionId(), r.versionStage());
        Instant today = table.now().truncatedTo(ChronoUnit.DAYS);
        s.lastAccessedDate = today;
        v.lastAccessedDate = today;
        return GetSecretValueResponse.builder()
                .arn(s.arn).name(s.name).versionId(v.id)
                .secretString(v.string).secretBinary(v.binary == null ? null : SdkBytes.fromByteArray(v.binary))
                .versionStages(s.stagesOf(v.id)).createdDate(v.createdDate)
                .build();
    }

    BatchGetSecretValueResponse batchGet(BatchGetSecretValueRequest r) {
        table.purgeExpired();
        if (r.hasSecretIdList() && r.hasFilters()) {
            throw invalidParameter("Either 'SecretIdList' or 'Filters' must be provided, but not both.");
        }
        if (!r.hasSecretIdList() && !r.hasFilters()) {
            throw invalidParameter("Either 'SecretIdList' or 'Filters' must be provided.");
        }
        List<SecretValueEntry> values = new ArrayList<>();
        List<APIErrorType> errors = new ArrayList<>();
        String nextToken = null;
        if (r.hasSecretIdList()) {
            if (r.secretIdList().size() > 20) {
                throw validation("Member must have length less than or equal to 20 (SecretIdList)");
            }
            if (r.maxResults() != null) {
                throw invalidParameter("'MaxResults' is only valid with 'Filters'.");
            }
            for (String id : r.secretIdList()) {
                try {
                    GetSecretValueResponse g = getValue(GetSecretValueRequest.builder().secretId(id).build());
                    values.add(entry(g));
                } catch (AwsServiceException e) {
                    errors.add(APIErrorType.builder().secretId(id).errorCode(e.awsErrorDetails().errorCode())
                            .message(e.awsErrorDetails().errorMessage()).build());
                }
            }
        } else {
            List<Secret> matching = new ArrayList<>();
            for (Secret s : table.all()) {
                if (s.deletedDate == null && s.stages.containsKey(AWSCURRENT)
                        && SecretFilters.matches(s, r.filters())) {
                    matching.add(s);
                }
            }
            SecretPage<Secret> page = SecretPage.of(matching, r.maxResults(), r.nextToken(), 20);
            for (Secret s : page.items()) {
                values.add(entry(getValue(GetSecretValueRequest.builder().secretId(s.arn).build())));
            }
            nextToken = page.nextToken();
        }
        return BatchGetSecretValueResponse.builder().secretValues(values).errors(errors).nextToken(nextToken).build();
    }

    private static SecretValueEntry entry(GetSecretValueResponse g) {
        return SecretValueEntry.builder().arn(g.arn()).name(g.name()).versionId(g.versionId())
                .secretString(g.secretString()).secretBinary(g.secretBinary()).versionStages(g.versionStages())
                .createdDate(g.createdDate()).build();
    }

    DescribeSecretResponse describe(DescribeSecretRequest r) {
        table.purgeExpired();
        Secret s = table.find(r.secretId());
        return DescribeSecretResponse.builder()
                .arn(s.arn).name(s.name).description(s.description).kmsKeyId(s.kmsKeyId)
                .lastChangedDate(s.lastChangedDate).lastAccessedDate(s.lastAccessedDate).deletedDate(s.deletedDate)
                .tags(s.tagList()).versionIdsToStages(s.versionsToStages()).createdDate(s.createdDate)
                .build();
    }

    ListSecretsResponse list(ListSecretsRequest r) {
        table.purgeExpired();
        boolean includeDeleted = Boolean.TRUE.equals(r.includePlannedDeletion());
        List<Secret> matching = new ArrayList<>();
        for (Secret s : table.all()) {
            if ((includeDeleted || s.deletedDate == null) && SecretFilters.matches(s, r.filters())) {
                matching.add(s);
            }
        }
        Comparator<Secret> order = SecretFilters.comparator(r.sortByAsString());
        if (r.sortOrder() == SortOrderType.DESC) {
            order = order.reversed();
        }
        matching.sort(order);
        SecretPage<Secret> page = SecretPage.of(matching, r.maxResults(), r.nextToken(), 100);
        List<SecretListEntry> entries = new ArrayList<>();
        for (Secret s : page.items()) {
            entries.add(SecretListEntry.builder()
                    .arn(s.arn).name(s.name).description(s.description).kmsKeyId(s.kmsKeyId)
                    .lastChangedDate(s.lastChangedDate).lastAccessedDate(s.lastAccessedDate)
                    .deletedDate(s.deletedDate).tags(s.tagList()).secretVersionsToStages(s.versionsToStages())
                    .createdDate(s.createdDate).build());
        }
        return ListSecretsResponse.builder().secretList(entries).nextToken(page.nextToken()).build();
    }

    ListSecretVersionIdsResponse listVersions(ListSecretVersionIdsRequest r) {
        table.purgeExpired();
        Secret s = table.find(r.secretId());
        boolean deprecated = Boolean.TRUE.equals(r.includeDeprecated());
        List<Version> versions = new ArrayList<>();
        for (Version v : s.versions.values()) {
            if (deprecated || !s.stagesOf(v.id).isEmpty()) {
                versions.add(v);
            }
        }
        SecretPage<Version> page = SecretPage.of(versions, r.maxResults(), r.nextToken(), 100);
        List<SecretVersionsListEntry> entries = new ArrayList<>();
        for (Version v : page.items()) {
            entries.add(SecretVersionsListEntry.builder().versionId(v.id).versionStages(s.stagesOf(v.id))
                    .createdDate(v.createdDate).lastAccessedDate(v.lastAccessedDate).build());
        }
        return ListSecretVersionIdsResponse.builder().arn(s.arn).name(s.name).versions(entries)
                .nextToken(page.nextToken()).build();
    }
}
