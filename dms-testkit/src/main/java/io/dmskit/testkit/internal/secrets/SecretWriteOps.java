package io.dmskit.testkit.internal.secrets;

import static io.dmskit.testkit.internal.secrets.Secret.AWSCURRENT;
import static io.dmskit.testkit.internal.secrets.SecretRequests.checkToken;
import static io.dmskit.testkit.internal.secrets.SecretRequests.checkValue;
import static io.dmskit.testkit.internal.secrets.SecretsErrors.exists;
import static io.dmskit.testkit.internal.secrets.SecretsErrors.invalidParameter;
import static io.dmskit.testkit.internal.secrets.SecretsErrors.invalidRequest;
import static io.dmskit.testkit.internal.secrets.SecretsErrors.validation;

import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretVersionStageRequest;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretVersionStageResponse;

/**
 * The operations that write values and staging labels: CreateSecret, PutSecretValue, UpdateSecret,
 * UpdateSecretVersionStage.
 */
final class SecretWriteOps {

    private final SecretTable table;

    SecretWriteOps(SecretTable table) {
        this.table = table;
    }

    CreateSecretResponse create(CreateSecretRequest r) {
        table.purgeExpired();
        String name = r.name();
        SecretRequests.checkName(name);
        checkToken(r.clientRequestToken());
        checkValue(r.secretString(), r.secretBinary(), false);
        Optional<Secret> sameName = table.byName(name);
        if (sameName.isPresent()) {
            if (sameName.get().deletedDate != null) {
                throw invalidRequest("You can't create this secret because a secret with this name is already"
                        + " scheduled for deletion.");
            }
            throw exists("The operation failed because the secret " + name + " already exists.");
        }
        Secret s = table.newSecret(name);
        s.description = r.description();
        s.kmsKeyId = r.kmsKeyId();
        if (r.hasTags()) {
            r.tags().forEach(t -> s.tags.put(t.key(), t.value()));
        }
        String versionId = null;
        if (r.secretString() != null || r.secretBinary() != null) {
            versionId = table.addVersion(s, r.clientRequestToken(), r.secretString(), r.secretBinary(),
                    List.of(AWSCURRENT));
        }
        table.add(s);
        return CreateSecretResponse.builder().arn(s.arn).name(s.name).versionId(versionId).build();
    }

    PutSecretValueResponse put(PutSecretValueRequest r) {
        table.purgeExpired();
        Secret s = table.live(r.secretId());
        checkToken(r.clientRequestToken());
        checkValue(r.secretString(), r.secretBinary(), true);
        List<String> stages = r.hasVersionStages() ? r.versionStages() : List.of(AWSCURRENT);
        if (stages.size() > 20) {
            throw validation("Member must have length less than or equal to 20 (VersionStages)");
        }
        Version existing = r.clientRequestToken() == null ? null : s.versions.get(r.clientRequestToken());
        String versionId;
        if (existing != null) {
            if (!existing.sameValue(r.secretString(), r.secretBinary())) {
                throw exists("You can't modify an existing version, you can only create a new version.");
            }
            versionId = existing.id; // idempotent retry
        } else {
            versionId = table.addVersion(s, r.clientRequestToken(), r.secretString(), r.secretBinary(), stages);
        }
        return PutSecretValueResponse.builder().arn(s.arn).name(s.name).versionId(versionId)
                .versionStages(s.stagesOf(versionId)).build();
    }

    UpdateSecretResponse update(UpdateSecretRequest r) {
        table.purgeExpired();
        Secret s = table.live(r.secretId());
        checkToken(r.clientRequestToken());
        checkValue(r.secretString(), r.secretBinary(), false);
        if (r.description() != null) {
            s.description = r.description();
        }
        if (r.kmsKeyId() != null) {
            s.kmsKeyId = r.kmsKeyId();
        }
        String versionId = null;
        if (r.secretString() != null || r.secretBinary() != null) {
            Version existing = r.clientRequestToken() == null ? null : s.versions.get(r.clientRequestToken());
            if (existing != null) {
                if (!existing.sameValue(r.secretString(), r.secretBinary())) {
                    throw exists("You can't modify an existing version, you can only create a new version.");
                }
                versionId = existing.id;
            } else {
                versionId = table.addVersion(s, r.clientRequestToken(), r.secretString(), r.secretBinary(),
                        List.of(AWSCURRENT));
            }
        }
        s.lastChangedDate = table.now();
        return UpdateSecretResponse.builder().arn(s.arn).name(s.name).versionId(versionId).build();
    }

    UpdateSecretVersionStageResponse updateStage(UpdateSecretVersionStageRequest r) {
        table.purgeExpired();
        Secret s = table.live(r.secretId());
        String stage = r.versionStage();
        if (stage == null || stage.isEmpty() || stage.length() > 256) {
            throw validation("Member must have length between 1 and 256 (VersionStage)");
        }
        String holder = s.stages.get(stage);
        String from = r.removeFromVersionId();
        String to = r.moveToVersionId();
        if (to != null && !s.versions.containsKey(to)) {
            throw invalidParameter("The version " + to + " doesn't exist for the secret " + s.name + ".");
        }
        if (from != null && !from.equals(holder)) {
            throw invalidParameter("The staging label " + stage + " is not attached to version " + from + ".");
        }
        if (to != null && holder != null && !holder.equals(to) && from == null) {
            throw invalidParameter("The parameter RemoveFromVersionId can't be empty. Staging label " + stage
                    + " is currently attached to version " + holder + ", so you must explicitly reference that"
                    + " version in RemoveFromVersionId.");
        }
        if (to == null && from == null) {
            throw invalidParameter("You must specify MoveToVersionId or RemoveFromVersionId.");
        }
        if (to == null && AWSCURRENT.equals(stage)) {
            throw invalidParameter("You can't remove the staging label AWSCURRENT from a version without moving it"
                    + " to another version.");
        }
        if (to == null) {
            s.stages.remove(stage);
        } else {
            s.attach(stage, to);
        }
        s.lastChangedDate = table.now();
        return UpdateSecretVersionStageResponse.builder().arn(s.arn).name(s.name).build();
    }
}
