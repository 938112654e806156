package io.dmskit.testkit.internal.secrets;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetRandomPasswordRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetRandomPasswordResponse;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretVersionIdsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretVersionIdsResponse;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.RestoreSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.RestoreSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.TagResourceRequest;
import software.amazon.awssdk.services.secretsmanager.model.TagResourceResponse;
import software.amazon.awssdk.services.secretsmanager.model.UntagResourceRequest;
import software.amazon.awssdk.services.secretsmanager.model.UntagResourceResponse;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretVersionStageRequest;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretVersionStageResponse;

/**
 * Internal: a fake Secrets Manager's state and rules, one entry point per operation. The secrets live in a
 * {@link SecretTable}; the operations are grouped by job ({@link SecretReadOps}, {@link SecretWriteOps},
 * {@link SecretLifecycleOps}, {@link PasswordGenerator}). Not thread-safe: {@link io.dmskit.testkit.FakeSecretsManager}
 * serialises access. Not API.
 */
public final class SecretStore {

    private final SecretTable table;
    private final SecretReadOps read;
    private final SecretWriteOps write;
    private final SecretLifecycleOps lifecycle;
    private final PasswordGenerator passwords;

    /**
     * @param clock the time source for dates and recovery windows
     * @param region the region in ARNs
     * @param accountId the account in ARNs
     * @param random the source of ARN suffixes and passwords
     */
    public SecretStore(Clock clock, String region, String accountId, Random random) {
        this.table = new SecretTable(clock, region, accountId, random);
        this.read = new SecretReadOps(table);
        this.write = new SecretWriteOps(table);
        this.lifecycle = new SecretLifecycleOps(table);
        this.passwords = new PasswordGenerator(table.random());
    }

    /** @return the current time of the store's clock */
    public Instant now() {
        return table.now();
    }

    /**
     * CreateSecret.
     *
     * @param r the request
     * @return the response
     */
    public CreateSecretResponse create(CreateSecretRequest r) {
        return write.create(r);
    }

    /**
     * GetSecretValue.
     *
     * @param r the request
     * @return the response
     */
    public GetSecretValueResponse getValue(GetSecretValueRequest r) {
        return read.getValue(r);
    }

    /**
     * BatchGetSecretValue (by SecretIdList or by Filters).
     *
     * @param r the request
     * @return the response
     */
    public BatchGetSecretValueResponse batchGet(BatchGetSecretValueRequest r) {
        return read.batchGet(r);
    }

    /**
     * DescribeSecret (also answers for secrets scheduled for deletion).
     *
     * @param r the request
     * @return the response
     */
    public DescribeSecretResponse describe(DescribeSecretRequest r) {
        return read.describe(r);
    }

    /**
     * ListSecrets with filters, sorting and pagination.
     *
     * @param r the request
     * @return the response
     */
    public ListSecretsResponse list(ListSecretsRequest r) {
        return read.list(r);
    }

    /**
     * ListSecretVersionIds.
     *
     * @param r the request
     * @return the response
     */
    public ListSecretVersionIdsResponse listVersions(ListSecretVersionIdsRequest r) {
        return read.listVersions(r);
    }

    /**
     * PutSecretValue.
     *
     * @param r the request
     * @return the response
     */
    public PutSecretValueResponse put(PutSecretValueRequest r) {
        return write.put(r);
    }

    /**
     * UpdateSecret: metadata, and a new AWSCURRENT version when a value is given.
     *
     * @param r the request
     * @return the response
     */
    public UpdateSecretResponse update(UpdateSecretRequest r) {
        return write.update(r);
    }

    /**
     * UpdateSecretVersionStage: moves or removes a staging label.
     *
     * @param r the request
     * @return the response
     */
    public UpdateSecretVersionStageResponse updateStage(UpdateSecretVersionStageRequest r) {
        return write.updateStage(r);
    }

    /**
     * DeleteSecret with a recovery window (7–30 days, default 30) or immediately.
     *
     * @param r the request
     * @return the response
     */
    public DeleteSecretResponse delete(DeleteSecretRequest r) {
        return lifecycle.delete(r);
    }

    /**
     * RestoreSecret: cancels a scheduled deletion.
     *
     * @param r the request
     * @return the response
     */
    public RestoreSecretResponse restore(RestoreSecretRequest r) {
        return lifecycle.restore(r);
    }

    /**
     * TagResource.
     *
     * @param r the request
     * @return the response
     */
    public TagResourceResponse tag(TagResourceRequest r) {
        return lifecycle.tag(r);
    }

    /**
     * UntagResource.
     *
     * @param r the request
     * @return the response
     */
    public UntagResourceResponse untag(UntagResourceRequest r) {
        return lifecycle.untag(r);
    }

    /**
     * GetRandomPassword.
     *
     * @param r the request
     * @return the response
     */
    public GetRandomPasswordResponse randomPassword(GetRandomPasswordRequest r) {
        return passwords.randomPassword(r);
    }

    // ---------------------------------------------------------------------------------------------------- test helpers

    /**
     * The current string value without any side effect (no access date, no call log): for assertions.
     *
     * @param secretId name or ARN
     * @return the AWSCURRENT string value, empty when the secret, its current version or its string is missing
     */
    public Optional<String> peekCurrentString(String secretId) {
        table.purgeExpired();
        Optional<Secret> s = table.lookup(secretId);
        return s.map(x -> x.stages.get(Secret.AWSCURRENT)).map(id -> s.get().versions.get(id)).map(v -> v.string);
    }

    /** @return the names of all secrets, including those scheduled for deletion, in creation order */
    public List<String> names() {
        table.purgeExpired();
        return table.names();
    }

    /** Removes every secret. */
    public void clear() {
        table.clear();
    }
}
