package io.dmskit.testkit.internal.secrets;

import static io.dmskit.testkit.internal.secrets.SecretsErrors.exists;
import static io.dmskit.testkit.internal.secrets.SecretsErrors.invalidParameter;
import static io.dmskit.testkit.internal.secrets.SecretsErrors.invalidRequest;
import static io.dmskit.testkit.internal.secrets.SecretsErrors.notFound;
import static io.dmskit.testkit.internal.secrets.SecretsErrors.secretNotFound;
import static io.dmskit.testkit.internal.secrets.SecretsErrors.validation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.model.APIErrorType;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
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
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.SecretValueEntry;
import software.amazon.awssdk.services.secretsmanager.model.SecretVersionsListEntry;
import software.amazon.awssdk.services.secretsmanager.model.SortOrderType;
import software.amazon.awssdk.services.secretsmanager.model.Tag;
import software.amazon.awssdk.services.secretsmanager.model.TagResourceRequest;
import software.amazon.awssdk.services.secretsmanager.model.TagResourceResponse;
import software.amazon.awssdk.services.secretsmanager.model.UntagResourceRequest;
import software.amazon.awssdk.services.secretsmanager.model.UntagResourceResponse;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretVersionStageRequest;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretVersionStageResponse;

/**
 * Internal: the state and rules of a fake Secrets Manager (secrets, versions, staging labels, scheduled deletion).
 * Not thread-safe: {@link io.dmskit.testkit.FakeSecretsManager} serialises access. Not API.
 */
public final class SecretStore {

    /** The staging label of the current version. */
    static final String AWSCURRENT = "AWSCURRENT";
    /** The staging label of the version that was current before. */
    static final String AWSPREVIOUS = "AWSPREVIOUS";
    /** The staging label of a version being rotated in. */
    static final String AWSPENDING = "AWSPENDING";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9/_+=.@-]{1,512}");
    private static final String SUFFIX_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int MAX_VALUE_SIZE = 65_536;
    private static final int MAX_VERSIONS = 100;
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private final Clock clock;
    private final String region;
    private final String accountId;
    private final Random random;
    /** By ARN, in creation order. */
    private final Map<String, Secret> secrets = new LinkedHashMap<>();
    /** Creation order, a tie-breaker for equal dates on a frozen clock. */
    private long nextSequence;

    /**
     * @param clock the time source for dates and recovery windows
     * @param region the region in ARNs
     * @param accountId the account in ARNs
     * @param random the source of ARN suffixes and passwords
     */
    public SecretStore(Clock clock, String region, String accountId, Random random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.region = Objects.requireNonNull(region, "region");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** @return the current time of the store's clock */
    public Instant now() {
        return clock.instant();
    }

    // ---------------------------------------------------------------------------------------------------- create

    /**
     * CreateSecret.
     *
     * @param r the request
     * @return the response
     */
    public CreateSecretResponse create(CreateSecretRequest r) {
        purgeExpired();
        String name = r.name();
        if (name == null || !NAME.matcher(name).matches()) {
            throw validation("Invalid name. Must be a valid name containing alphanumeric characters, or any of the"
                    + " following: -/_+=.@! (1 to 512 characters)");
        }
        checkToken(r.clientRequestToken());
        checkValue(r.secretString(), r.secretBinary(), false);
        Optional<Secret> sameName = byName(name);
        if (sameName.isPresent()) {
            if (sameName.get().deletedDate != null) {
                throw invalidRequest("You can't create this secret because a secret with this name is already"
                        + " scheduled for deletion.");
            }
            throw exists("The operation failed because the secret " + name + " already exists.");
        }
        Instant now = now();
        Secret s = new Secret(name, newArn(name), now, nextSequence++);
        s.description = r.description();
        s.kmsKeyId = r.kmsKeyId();
        if (r.hasTags()) {
            r.tags().forEach(t -> s.tags.put(t.key(), t.value()));
        }
        String versionId = null;
        if (r.secretString() != null || r.secretBinary() != null) {
            versionId = addVersion(s, r.clientRequestToken(), r.secretString(), r.secretBinary(), List.of(AWSCURRENT));
        }
        secrets.put(s.arn, s);
        return CreateSecretResponse.builder().arn(s.arn).name(s.name).versionId(versionId).build();
    }

    // ---------------------------------------------------------------------------------------------------- read

    /**
     * GetSecretValue.
     *
     * @param r the request
     * @return the response
     */
    public GetSecretValueResponse getValue(GetSecretValueRequest r) {
        purgeExpired();
        Secret s = live(r.secretId());
        Version v = selectVersion(s, r.versionId(), r.versionStage());
        Instant today = now().truncatedTo(ChronoUnit.DAYS);
        s.lastAccessedDate = today;
        v.lastAccessedDate = today;
        return GetSecretValueResponse.builder()
                .arn(s.arn).name(s.name).versionId(v.id)
                .secretString(v.string).secretBinary(v.binary == null ? null : SdkBytes.fromByteArray(v.binary))
                .versionStages(s.stagesOf(v.id)).createdDate(v.createdDate)
                .build();
    }

    /**
     * BatchGetSecretValue (by SecretIdList or by Filters).
     *
     * @param r the request
     * @return the response
     */
    public BatchGetSecretValueResponse batchGet(BatchGetSecretValueRequest r) {
        purgeExpired();
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
                } catch (software.amazon.awssdk.awscore.exception.AwsServiceException e) {
                    errors.add(APIErrorType.builder().secretId(id).errorCode(e.awsErrorDetails().errorCode())
                            .message(e.awsErrorDetails().errorMessage()).build());
                }
            }
        } else {
            List<Secret> matching = new ArrayList<>();
            for (Secret s : secrets.values()) {
                if (s.deletedDate == null && s.stages.containsKey(AWSCURRENT) && matches(s, r.filters())) {
                    matching.add(s);
                }
            }
            Page<Secret> page = page(matching, r.maxResults(), r.nextToken(), 20);
            for (Secret s : page.items) {
                values.add(entry(getValue(GetSecretValueRequest.builder().secretId(s.arn).build())));
            }
            nextToken = page.nextToken;
        }
        return BatchGetSecretValueResponse.builder().secretValues(values).errors(errors).nextToken(nextToken).build();
    }

    private static SecretValueEntry entry(GetSecretValueResponse g) {
        return SecretValueEntry.builder().arn(g.arn()).name(g.name()).versionId(g.versionId())
                .secretString(g.secretString()).secretBinary(g.secretBinary()).versionStages(g.versionStages())
                .createdDate(g.createdDate()).build();
    }

    /**
     * DescribeSecret (also answers for secrets scheduled for deletion).
     *
     * @param r the request
     * @return the response
     */
    public DescribeSecretResponse describe(DescribeSecretRequest r) {
        purgeExpired();
        Secret s = find(r.secretId());
        return DescribeSecretResponse.builder()
                .arn(s.arn).name(s.name).description(s.description).kmsKeyId(s.kmsKeyId)
                .lastChangedDate(s.lastChangedDate).lastAccessedDate(s.lastAccessedDate).deletedDate(s.deletedDate)
                .tags(s.tagList()).versionIdsToStages(s.versionsToStages()).createdDate(s.createdDate)
                .build();
    }

    /**
     * ListSecrets with filters, sorting and pagination.
     *
     * @param r the request
     * @return the response
     */
    public ListSecretsResponse list(ListSecretsRequest r) {
        purgeExpired();
        boolean includeDeleted = Boolean.TRUE.equals(r.includePlannedDeletion());
        List<Secret> matching = new ArrayList<>();
        for (Secret s : secrets.values()) {
            if ((includeDeleted || s.deletedDate == null) && matches(s, r.filters())) {
                matching.add(s);
            }
        }
        Comparator<Secret> order = comparator(r.sortByAsString());
        if (r.sortOrder() == SortOrderType.DESC) {
            order = order.reversed();
        }
        matching.sort(order);
        Page<Secret> page = page(matching, r.maxResults(), r.nextToken(), 100);
        List<SecretListEntry> entries = new ArrayList<>();
        for (Secret s : page.items) {
            entries.add(SecretListEntry.builder()
                    .arn(s.arn).name(s.name).description(s.description).kmsKeyId(s.kmsKeyId)
                    .lastChangedDate(s.lastChangedDate).lastAccessedDate(s.lastAccessedDate)
                    .deletedDate(s.deletedDate).tags(s.tagList()).secretVersionsToStages(s.versionsToStages())
                    .createdDate(s.createdDate).build());
        }
        return ListSecretsResponse.builder().secretList(entries).nextToken(page.nextToken).build();
    }

    private static Comparator<Secret> comparator(String sortBy) {
        Function<Secret, Instant> key;
        if (sortBy == null || sortBy.equals("created-date")) {
            key = s -> s.createdDate;
        } else if (sortBy.equals("last-accessed-date")) {
            key = s -> s.lastAccessedDate == null ? Instant.EPOCH : s.lastAccessedDate;
        } else if (sortBy.equals("last-changed-date")) {
            key = s -> s.lastChangedDate;
        } else if (sortBy.equals("name")) {
            return Comparator.comparing(s -> s.name);
        } else {
            throw validation("Value '" + sortBy + "' at 'sortBy' failed to satisfy constraint: Member must satisfy"
                    + " enum value set: [created-date, last-accessed-date, last-changed-date, name]");
        }
        return Comparator.comparing(key).thenComparingLong(s -> s.sequence);
    }

    /**
     * ListSecretVersionIds.
     *
     * @param r the request
     * @return the response
     */
    public ListSecretVersionIdsResponse listVersions(ListSecretVersionIdsRequest r) {
        purgeExpired();
        Secret s = find(r.secretId());
        boolean deprecated = Boolean.TRUE.equals(r.includeDeprecated());
        List<Version> versions = new ArrayList<>();
        for (Version v : s.versions.values()) {
            if (deprecated || !s.stagesOf(v.id).isEmpty()) {
                versions.add(v);
            }
        }
        Page<Version> page = page(versions, r.maxResults(), r.nextToken(), 100);
        List<SecretVersionsListEntry> entries = new ArrayList<>();
        for (Version v : page.items) {
            entries.add(SecretVersionsListEntry.builder().versionId(v.id).versionStages(s.stagesOf(v.id))
                    .createdDate(v.createdDate).lastAccessedDate(v.lastAccessedDate).build());
        }
        return ListSecretVersionIdsResponse.builder().arn(s.arn).name(s.name).versions(entries)
                .nextToken(page.nextToken).build();
    }

    // ---------------------------------------------------------------------------------------------------- write

    /**
     * PutSecretValue.
     *
     * @param r the request
     * @return the response
     */
    public PutSecretValueResponse put(PutSecretValueRequest r) {
        purgeExpired();
        Secret s = live(r.secretId());
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
            versionId = addVersion(s, r.clientRequestToken(), r.secretString(), r.secretBinary(), stages);
        }
        return PutSecretValueResponse.builder().arn(s.arn).name(s.name).versionId(versionId)
                .versionStages(s.stagesOf(versionId)).build();
    }

    /**
     * UpdateSecret: metadata, and a new AWSCURRENT version when a value is given.
     *
     * @param r the request
     * @return the response
     */
    public UpdateSecretResponse update(UpdateSecretRequest r) {
        purgeExpired();
        Secret s = live(r.secretId());
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
                versionId = addVersion(s, r.clientRequestToken(), r.secretString(), r.secretBinary(),
                        List.of(AWSCURRENT));
            }
        }
        s.lastChangedDate = now();
        return UpdateSecretResponse.builder().arn(s.arn).name(s.name).versionId(versionId).build();
    }

    /**
     * UpdateSecretVersionStage: moves or removes a staging label.
     *
     * @param r the request
     * @return the response
     */
    public UpdateSecretVersionStageResponse updateStage(UpdateSecretVersionStageRequest r) {
        purgeExpired();
        Secret s = live(r.secretId());
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
        s.lastChangedDate = now();
        return UpdateSecretVersionStageResponse.builder().arn(s.arn).name(s.name).build();
    }

    /**
     * DeleteSecret with a recovery window (7–30 days, default 30) or immediately.
     *
     * @param r the request
     * @return the response
     */
    public DeleteSecretResponse delete(DeleteSecretRequest r) {
        purgeExpired();
        boolean force = Boolean.TRUE.equals(r.forceDeleteWithoutRecovery());
        if (force && r.recoveryWindowInDays() != null) {
            throw invalidParameter("You can't use ForceDeleteWithoutRecovery in conjunction with"
                    + " RecoveryWindowInDays.");
        }
        long days = r.recoveryWindowInDays() == null ? 30 : r.recoveryWindowInDays();
        if (days < 7 || days > 30) {
            throw invalidParameter("The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).");
        }
        Secret s = find(r.secretId());
        Instant now = now();
        if (force) {
            secrets.remove(s.arn);
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

    /**
     * RestoreSecret: cancels a scheduled deletion.
     *
     * @param r the request
     * @return the response
     */
    public RestoreSecretResponse restore(RestoreSecretRequest r) {
        purgeExpired();
        Secret s = find(r.secretId());
        s.deletedDate = null;
        s.deletionDate = null;
        s.lastChangedDate = now();
        return RestoreSecretResponse.builder().arn(s.arn).name(s.name).build();
    }

    /**
     * TagResource.
     *
     * @param r the request
     * @return the response
     */
    public TagResourceResponse tag(TagResourceRequest r) {
        purgeExpired();
        Secret s = live(r.secretId());
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
        s.lastChangedDate = now();
        return TagResourceResponse.builder().build();
    }

    /**
     * UntagResource.
     *
     * @param r the request
     * @return the response
     */
    public UntagResourceResponse untag(UntagResourceRequest r) {
        purgeExpired();
        Secret s = live(r.secretId());
        if (r.hasTagKeys()) {
            r.tagKeys().forEach(s.tags::remove);
        }
        s.lastChangedDate = now();
        return UntagResourceResponse.builder().build();
    }

    /**
     * GetRandomPassword.
     *
     * @param r the request
     * @return the response
     */
    public GetRandomPasswordResponse randomPassword(GetRandomPasswordRequest r) {
        long length = r.passwordLength() == null ? 32 : r.passwordLength();
        if (length < 1 || length > 4096) {
            throw validation("Member must have value between 1 and 4096 (PasswordLength)");
        }
        String exclude = r.excludeCharacters() == null ? "" : r.excludeCharacters();
        List<String> classes = new ArrayList<>();
        if (!Boolean.TRUE.equals(r.excludeLowercase())) {
            classes.add(without("abcdefghijklmnopqrstuvwxyz", exclude));
        }
        if (!Boolean.TRUE.equals(r.excludeUppercase())) {
            classes.add(without("ABCDEFGHIJKLMNOPQRSTUVWXYZ", exclude));
        }
        if (!Boolean.TRUE.equals(r.excludeNumbers())) {
            classes.add(without("0123456789", exclude));
        }
        if (!Boolean.TRUE.equals(r.excludePunctuation())) {
            classes.add(without(PUNCTUATION, exclude));
        }
        if (Boolean.TRUE.equals(r.includeSpace())) {
            classes.add(without(" ", exclude));
        }
        classes.removeIf(String::isEmpty);
        boolean each = r.requireEachIncludedType() == null || r.requireEachIncludedType();
        if (classes.isEmpty() || (each && classes.size() > length)) {
            throw invalidParameter("The password can't be generated with the requested character types and"
                    + " length.");
        }
        String all = String.join("", classes);
        char[] out = new char[(int) length];
        int i = 0;
        if (each) {
            for (String c : classes) {
                out[i++] = c.charAt(random.nextInt(c.length()));
            }
        }
        for (; i < out.length; i++) {
            out[i] = all.charAt(random.nextInt(all.length()));
        }
        for (int k = out.length - 1; k > 0; k--) { // shuffle so the required characters are not at the front
            int j = random.nextInt(k + 1);
            char t = out[k];
            out[k] = out[j];
            out[j] = t;
        }
        return GetRandomPasswordResponse.builder().randomPassword(new String(out)).build();
    }

    private static String without(String chars, String exclude) {
        StringBuilder b = new StringBuilder();
        for (char c : chars.toCharArray()) {
            if (exclude.indexOf(c) < 0) {
                b.append(c);
            }
        }
        return b.toString();
    }

    // ---------------------------------------------------------------------------------------------------- test helpers

    /**
     * The current string value without any side effect (no access date, no call log): for assertions.
     *
     * @param secretId name or ARN
     * @return the AWSCURRENT string value, empty when the secret, its current version or its string is missing
     */
    public Optional<String> peekCurrentString(String secretId) {
        purgeExpired();
        Optional<Secret> s = lookup(secretId);
        return s.map(x -> x.stages.get(AWSCURRENT)).map(id -> s.get().versions.get(id)).map(v -> v.string);
    }

    /** @return the names of all secrets, including those scheduled for deletion, in creation order */
    public List<String> names() {
        purgeExpired();
        List<String> names = new ArrayList<>();
        secrets.values().forEach(s -> names.add(s.name));
        return names;
    }

    /** Removes every secret. */
    public void clear() {
        secrets.clear();
    }

    // ---------------------------------------------------------------------------------------------------- internals

    private String addVersion(Secret s, String token, String string, SdkBytes binary, List<String> stages) {
        String id = token != null ? token : UUID.randomUUID().toString();
        if (s.versions.containsKey(id)) {
            throw exists("You can't modify an existing version, you can only create a new version.");
        }
        Instant now = now();
        s.versions.put(id, new Version(id, string, binary == null ? null : binary.asByteArray(), now));
        for (String stage : stages) {
            s.attach(stage, id);
        }
        s.lastChangedDate = now;
        s.dropOldDeprecatedVersions();
        return id;
    }

    private Version selectVersion(Secret s, String versionId, String stage) {
        if (versionId != null) {
            Version v = s.versions.get(versionId);
            if (v == null || (stage != null && !versionId.equals(s.stages.get(stage)))) {
                throw notFound("Secrets Manager can't find the specified secret value for VersionId: " + versionId);
            }
            return v;
        }
        String label = stage == null ? AWSCURRENT : stage;
        String id = s.stages.get(label);
        if (id == null) {
            throw notFound("Secrets Manager can't find the specified secret value for staging label: " + label);
        }
        return s.versions.get(id);
    }

    private static void checkToken(String token) {
        if (token != null && (token.length() < 32 || token.length() > 64)) {
            throw validation("Member must have length between 32 and 64 (ClientRequestToken)");
        }
    }

    private static void checkValue(String string, SdkBytes binary, boolean required) {
        if (string != null && binary != null) {
            throw invalidParameter("You can't specify both a binary secret value and a string secret value in the"
                    + " same secret.");
        }
        if (required && string == null && binary == null) {
            throw invalidParameter("You must provide either SecretString or SecretBinary.");
        }
        if (string != null && string.getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_SIZE) {
            throw validation("Member must have length less than or equal to 65536 (SecretString)");
        }
        if (binary != null && binary.asByteArrayUnsafe().length > MAX_VALUE_SIZE) {
            throw validation("Member must have length less than or equal to 65536 (SecretBinary)");
        }
    }

    private void purgeExpired() {
        Instant now = now();
        secrets.values().removeIf(s -> s.deletionDate != null && !now.isBefore(s.deletionDate));
    }

    /** A secret that may be scheduled for deletion. */
    private Secret find(String secretId) {
        if (secretId == null || secretId.isEmpty() || secretId.length() > 2048) {
            throw validation("Member must have length between 1 and 2048 (SecretId)");
        }
        return lookup(secretId).orElseThrow(SecretsErrors::secretNotFound);
    }

    /** A secret that is not scheduled for deletion. */
    private Secret live(String secretId) {
        Secret s = find(secretId);
        if (s.deletedDate != null) {
            throw invalidRequest("You can't perform this operation on the secret because it was marked for"
                    + " deletion.");
        }
        return s;
    }

    private Optional<Secret> lookup(String secretId) {
        if (secretId == null) {
            return Optional.empty();
        }
        Secret byArn = secrets.get(secretId);
        if (byArn != null) {
            return Optional.of(byArn);
        }
        Optional<Secret> named = byName(secretId);
        if (named.isPresent()) {
            return named;
        }
        if (secretId.startsWith("arn:")) { // partial ARN: the full ARN without the "-XXXXXX" suffix
            for (Secret s : secrets.values()) {
                if (s.arn.substring(0, s.arn.length() - 7).equals(secretId)) {
                    return Optional.of(s);
                }
            }
        }
        return Optional.empty();
    }

    private Optional<Secret> byName(String name) {
        for (Secret s : secrets.values()) {
            if (s.name.equals(name)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private String newArn(String name) {
        StringBuilder suffix = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            suffix.append(SUFFIX_CHARS.charAt(random.nextInt(SUFFIX_CHARS.length())));
        }
        return "arn:aws:secretsmanager:" + region + ":" + accountId + ":secret:" + name + "-" + suffix;
    }

    private static boolean matches(Secret s, List<Filter> filters) {
        if (filters == null) {
            return true;
        }
        for (Filter f : filters) {
            if (f.keyAsString() == null) {
                throw invalidParameter("A filter must have a Key.");
            }
            if (!f.hasValues() || f.values().isEmpty()) {
                throw invalidParameter("A filter must have at least one value.");
            }
            if (f.values().size() > 10) {
                throw validation("Member must have length less than or equal to 10 (Filters.Values)");
            }
            boolean any = false;
            for (String value : f.values()) {
                boolean negate = value.startsWith("!");
                String v = negate ? value.substring(1) : value;
                boolean hit = matches(s, f.keyAsString(), v);
                if (hit != negate) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(Secret s, String key, String prefix) {
        switch (key) {
            case "name":
                return s.name.startsWith(prefix);
            case "description": // words of the value prefix words of the description, not case-sensitive
                return s.description != null && allWordsMatch(words(prefix), words(s.description));
            case "tag-key":
                return s.tags.keySet().stream().anyMatch(k -> k.startsWith(prefix));
            case "tag-value":
                return s.tags.values().stream().anyMatch(v -> v.startsWith(prefix));
            case "primary-region":
            case "owning-service":
                return false; // no replication, no managed secrets in the fake
            case "all": { // any word of the value prefixes a word of any attribute, not case-sensitive
                List<String> attributeWords = new ArrayList<>(words(s.name));
                if (s.description != null) {
                    attributeWords.addAll(words(s.description));
                }
                s.tags.forEach((k, v) -> {
                    attributeWords.addAll(words(k));
                    attributeWords.addAll(words(v));
                });
                for (String w : words(prefix)) {
                    if (attributeWords.stream().anyMatch(a -> a.startsWith(w))) {
                        return true;
                    }
                }
                return false;
            }
            default:
                throw validation("Value '" + key + "' at 'filters.key' failed to satisfy constraint: Member must"
                        + " satisfy enum value set: [description, name, tag-key, tag-value, primary-region,"
                        + " owning-service, all]");
        }
    }

    private static boolean allWordsMatch(List<String> wanted, List<String> have) {
        if (wanted.isEmpty()) {
            return true;
        }
        for (String w : wanted) {
            if (have.stream().noneMatch(h -> h.startsWith(w))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Splits text into lower-case words the way Secrets Manager's search does: at anything that is not a letter or
     * digit, and where lower case turns to upper case or letters turn to digits ({@code credsDatabase#892} gives
     * creds, database, 892).
     */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        char prev = 0;
        for (char c : text.toCharArray()) {
            boolean boundary = !Character.isLetterOrDigit(c)
                    || (w.length() > 0 && ((Character.isLowerCase(prev) && Character.isUpperCase(c))
                    || (Character.isLetter(prev) != Character.isLetter(c))));
            if (boundary && w.length() > 0) {
                out.add(w.toString().toLowerCase(java.util.Locale.ROOT));
                w.setLength(0);
            }
            if (Character.isLetterOrDigit(c)) {
                w.append(c);
            }
            prev = c;
        }
        if (w.length() > 0) {
            out.add(w.toString().toLowerCase(java.util.Locale.ROOT));
        }
        return out;
    }

    private static <T> Page<T> page(List<T> items, Integer maxResults, String token, int defaultMax) {
        int max = maxResults == null ? defaultMax : maxResults;
        if (max < 1 || max > 100) {
            throw validation("Member must have value between 1 and 100 (MaxResults)");
        }
        int start = 0;
        if (token != null) {
            try {
                start = Integer.parseInt(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8)
                        .replaceFirst("^offset:", ""));
            } catch (IllegalArgumentException e) {
                throw SecretsErrors.invalidNextToken(token);
            }
            if (start < 0 || start > items.size()) {
                throw SecretsErrors.invalidNextToken(token);
            }
        }
        int end = Math.min(items.size(), start + max);
        String next = end < items.size()
                ? Base64.getUrlEncoder().withoutPadding().encodeToString(
                        ("offset:" + end).getBytes(StandardCharsets.UTF_8))
                : null;
        return new Page<>(new ArrayList<>(items.subList(start, end)), next);
    }

    private record Page<T>(List<T> items, String nextToken) {
    }

    /** One secret; mutable, guarded by the owner's lock. */
    private static final class Secret {
        final String name;
        final String arn;
        final Instant createdDate;
        final long sequence;
        String description;
        String kmsKeyId;
        Instant lastChangedDate;
        Instant lastAccessedDate;
        Instant deletedDate;
        Instant deletionDate;
        final Map<String, String> tags = new LinkedHashMap<>();
        final Map<String, Version> versions = new LinkedHashMap<>();
        /** staging label → version id. */
        final Map<String, String> stages = new LinkedHashMap<>();

        Secret(String name, String arn, Instant createdDate, long sequence) {
            this.name = name;
            this.arn = arn;
            this.createdDate = createdDate;
            this.lastChangedDate = createdDate;
            this.sequence = sequence;
        }

        void attach(String stage, String versionId) {
            String previous = stages.put(stage, versionId);
            if (AWSCURRENT.equals(stage) && previous != null && !previous.equals(versionId)) {
                stages.put(AWSPREVIOUS, previous);
            }
        }

        List<String> stagesOf(String versionId) {
            List<String> out = new ArrayList<>();
            stages.forEach((stage, id) -> {
                if (id.equals(versionId)) {
                    out.add(stage);
                }
            });
            return out;
        }

        Map<String, List<String>> versionsToStages() {
            Map<String, List<String>> out = new LinkedHashMap<>();
            for (String id : versions.keySet()) {
                List<String> st = stagesOf(id);
                if (!st.isEmpty()) {
                    out.put(id, st);
                }
            }
            return out;
        }

        List<Tag> tagList() {
            List<Tag> out = new ArrayList<>();
            tags.forEach((k, v) -> out.add(Tag.builder().key(k).value(v).build()));
            return out;
        }

        void dropOldDeprecatedVersions() {
            Iterator<Version> it = versions.values().iterator();
            while (versions.size() > MAX_VERSIONS && it.hasNext()) {
                Version v = it.next();
                if (!stages.containsValue(v.id)) {
                    it.remove();
                }
            }
        }

        @Override
        public String toString() {
            return "Secret[" + arn + "]";
        }
    }

    /** One version of a secret's value. */
    private static final class Version {
        final String id;
        final String string;
        final byte[] binary;
        final Instant createdDate;
        Instant lastAccessedDate;

        Version(String id, String string, byte[] binary, Instant createdDate) {
            this.id = id;
            this.string = string;
            this.binary = binary;
            this.createdDate = createdDate;
        }

        boolean sameValue(String s, SdkBytes b) {
            return Objects.equals(string, s) && Arrays.equals(binary, b == null ? null : b.asByteArrayUnsafe());
        }

        @Override
        public String toString() {
            return "Version[" + id + ", value redacted]";
        }
    }
}
