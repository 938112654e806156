package io.dmskit.testkit.internal.secrets;

import static io.dmskit.testkit.internal.secrets.SecretsErrors.invalidParameter;
import static io.dmskit.testkit.internal.secrets.SecretsErrors.invalidRequest;
import static io.dmskit.testkit.internal.secrets.SecretsErrors.validation;

import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.RestoreSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.RestoreSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.Tag;
import software.amazon.awssdk.services.secretsmanager.model.TagResourceRequest;
import software.amazon.awssdk.services.secretsmanager.model.TagResourceResponse;
import software.amazon.awssdk.services.secretsmanager.model.UntagResourceRequest;
import software.amazon.awssdk.services.secretsmanager.model.UntagResourceResponse;

/** Scheduled deletion and restore (DeleteSecret, RestoreSecret) and tagging (TagResource, UntagResource). */
final class SecretLifecycleOps {

    private final SecretTable table;

    SecretLifecycleOps(SecretTable table) {
        this.table = table;
    }

    DeleteSecretResponse delete(DeleteSecretRequest r) {
        table.purgeExpired();
        boolean force = Boolean.TRUE.equals(r.forceDeleteWithoutRecovery());
        if (force && r.recoveryWindowInDays() != null) {
            throw invalidParameter("You can't use ForceDeleteWithoutRecovery in conjunction with"
                    + " RecoveryWindowInDays.");
        }
        long days = r.recoveryWindowInDays() == null ? 30 : r.recoveryWindowInDays();
        if (days < 7 || days > 30) {
            throw invalidParameter("The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).");
        }
        Secret s = table.find(r.secretId());
        Instant now = table.now();
        if (force) {
            table.remove(s);
            return DeleteSecretResponse.builder().arn(s.arn).name(s.name).deletionDate(now).build();
        }
        if (s.deletedDate != null) {
            throw invalidRequest("You can't perform this operation on the secret because it was marked for"
                    + " deletion.");
        }
        s.deletedDate = now;
        s.deletionDate = now.plus(Duration.ofDays(days));
        s.lastChangedDate = now;
        return DeleteSecretResponse.builder().arn(s.arn).name(s.name).deletionDate(s.deletionDate).build();
    }

    RestoreSecretResponse restore(RestoreSecretRequest r) {
        table.purgeExpired();
        Secret s = table.find(r.secretId());
        s.deletedDate = null;
        s.deletionDate = null;
        s.lastChangedDate = table.now();
        return RestoreSecretResponse.builder().arn(s.arn).name(s.name).build();
    }

    TagResourceResponse tag(TagResourceRequest r) {
        table.purgeExpired();
        Secret s = table.live(r.secretId());
        if (!r.hasTags() || r.tags().isEmpty()) {
            throw validation("Member must have length greater than or equal to 1 (Tags)");
        }
        for (Tag t : r.tags()) {
            if (t.key() == null || t.key().isEmpty() || t.key().length() > 128) {
                throw validation("Tag keys must have length between 1 and 128");
            }
            if (t.key().startsWith("aws:")) {
                throw invalidParameter("Tag keys can't start with the reserved prefix aws:.");
            }
        }
        r.tags().forEach(t -> s.tags.put(t.key(), t.value() == null ? "" : t.value()));
        if (s.tags.size() > 50) {
            throw invalidParameter("A secret can have at most 50 tags.");
        }
        s.lastChangedDate = table.now();
        return TagResourceResponse.builder().build();
    }

    UntagResourceResponse untag(UntagResourceRequest r) {
        table.purgeExpired();
        Secret s = table.live(r.secretId());
        if (r.hasTagKeys()) {
            r.tagKeys().forEach(s.tags::remove);
        }
        s.lastChangedDate = table.now();
        return UntagResourceResponse.builder().build();
    }
}
