package io.dmskit.testkit;

import io.dmskit.testkit.internal.Args;
import io.dmskit.testkit.internal.secrets.SecretStore;
import io.dmskit.testkit.internal.secrets.SecretsErrors;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerServiceClientConfiguration;
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
import software.amazon.awssdk.services.secretsmanager.model.RotateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.RotateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.TagResourceRequest;
import software.amazon.awssdk.services.secretsmanager.model.TagResourceResponse;
import software.amazon.awssdk.services.secretsmanager.model.UntagResourceRequest;
import software.amazon.awssdk.services.secretsmanager.model.UntagResourceResponse;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretVersionStageRequest;
import software.amazon.awssdk.services.secretsmanager.model.UpdateSecretVersionStageResponse;

/**
 * An in-memory AWS Secrets Manager behind the SDK's own {@link SecretsManagerClient} interface: pass it wherever
 * code expects a client.
 *
 * <pre>{@code
 * FakeSecretsManager secrets = FakeSecretsManager.create();
 * String arn = secrets.createSecret(b -> b.name("dms/source/mysql")
 *         .secretString("{\"username\":\"dms\",\"password\":\"s3cr3t\",\"host\":\"db\",\"port\":\"3306\"}")).arn();
 * String json = secrets.getSecretValue(b -> b.secretId(arn)).secretString();
 * }</pre>
 *
 * <p>Modelled as AWS does it:
 * <ul>
 *   <li>ARNs {@code arn:aws:secretsmanager:<region>:<account>:secret:<name>-<6 random characters>}; a secret is
 *       found by name, full ARN or partial ARN (without the suffix).</li>
 *   <li>Versions and staging labels: a new value becomes {@code AWSCURRENT} and the old current one
 *       {@code AWSPREVIOUS}; {@code PutSecretValue} with {@code VersionStages} (e.g. {@code AWSPENDING}) leaves
 *       {@code AWSCURRENT} alone; {@code UpdateSecretVersionStage} moves labels with AWS's checks;
 *       {@code ClientRequestToken} is the version id, and retrying it with the same value is idempotent.</li>
 *   <li>Deletion with a recovery window (7–30 days on the fake's clock) or {@code ForceDeleteWithoutRecovery};
 *       a secret scheduled for deletion rejects reads and writes with {@code InvalidRequestException} but can be
 *       described and restored; it disappears when the window has passed.</li>
 *   <li>ListSecrets filters ({@code name}, {@code description}, {@code tag-key}, {@code tag-value}, {@code all},
 *       {@code !} negation), sorting and pagination; ListSecretVersionIds; BatchGetSecretValue; tags;
 *       GetRandomPassword.</li>
 *   <li>Errors are the SDK's exception types with {@code awsErrorDetails()} filled in:
 *       {@code ResourceNotFoundException}, {@code ResourceExistsException}, {@code InvalidRequestException},
 *       {@code InvalidParameterException}, {@code InvalidNextTokenException}, and constraint violations as a
 *       {@code SecretsManagerException} with error code {@code ValidationException}.</li>
 * </ul>
 *
 * <p>Faults can be injected per operation with the same {@link Faults} rules as {@link FakeDms} ({@link #faults()}:
 * throttling, 5xx, any error code, latency on a {@link FakeClock}; times, once, always or at a rate). Every call is
 * recorded ({@link #calls()}); the SDK's {@code toString()} of requests and responses redacts secret values, and this
 * class never logs or prints them. Thread-safe. Not modelled: rotation Lambdas
 * ({@code RotateSecret} fails with a message explaining how to simulate rotation), replication, resource policies.
 */
public final class FakeSecretsManager implements SecretsManagerClient {

    private static final Logger LOG = LoggerFactory.getLogger(FakeSecretsManager.class);

    private final Object lock = new Object();
    private final SecretStore store;
    private final String region;
    private final String accountId;
    private final Clock clock;
    private final List<CallRecord> calls = new ArrayList<>();
    private static final Set<String> OPERATIONS = Set.of("CreateSecret", "GetSecretValue", "BatchGetSecretValue",
            "PutSecretValue", "UpdateSecret", "UpdateSecretVersionStage", "DescribeSecret", "ListSecrets",
            "ListSecretVersionIds", "DeleteSecret", "RestoreSecret", "TagResource", "UntagResource",
            "GetRandomPassword");
    private final Faults faults;
    private static final Set<String> MUTATING = Set.of("CreateSecret", "PutSecretValue", "UpdateSecret",
            "UpdateSecretVersionStage", "DeleteSecret", "RestoreSecret", "TagResource", "UntagResource");

    private FakeSecretsManager(Builder b) {
        this.region = b.region;
        this.accountId = b.accountId;
        this.clock = b.clock;
        this.store = new SecretStore(b.clock, b.region, b.accountId, b.random);
        this.faults = new Faults(new SecretsFaultTarget(b.clock));
    }

    /** {@return a fake for account {@code 123456789012} in {@code us-east-1} on the system clock} */
    public static FakeSecretsManager create() {
        return builder().build();
    }

    /** {@return a builder (clock, account, region, random source)} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return the region in this fake's ARNs} */
    public String region() {
        return region;
    }

    /** {@return the account id in this fake's ARNs} */
    public String accountId() {
        return accountId;
    }

    /**
     * Fault injection, the same rules as {@link FakeDms#faults()}: {@code secrets.faults().throttle("GetSecretValue")
     * .times(2)}, {@code serverError("*").rate(0.1)}, {@code error(op, code, status, message).once()};
     * {@code latency(op, duration)} when the fake runs on a {@link FakeClock}. A faulted call changes nothing and is
     * recorded with its error.
     *
     * @return this fake's fault rules
     */
    public Faults faults() {
        return faults;
    }

    /** {@return the clock that dates versions and deletions} */
    public Clock clock() {
        return clock;
    }

    // ------------------------------------------------------------------------------------------ SDK operations

    @Override
    public CreateSecretResponse createSecret(CreateSecretRequest request) {
        CreateSecretResponse r = call("CreateSecret", request, () -> store.create(request));
        LOG.debug("Secrets Manager fake: created secret {}", r.arn());
        return r;
    }

    @Override
    public GetSecretValueResponse getSecretValue(GetSecretValueRequest request) {
        return call("GetSecretValue", request, () -> store.getValue(request));
    }

    @Override
    public BatchGetSecretValueResponse batchGetSecretValue(BatchGetSecretValueRequest request) {
        return call("BatchGetSecretValue", request, () -> store.batchGet(request));
    }

    @Override
    public PutSecretValueResponse putSecretValue(PutSecretValueRequest request) {
        PutSecretValueResponse r = call("PutSecretValue", request, () -> store.put(request));
        LOG.debug("Secrets Manager fake: new version {} {} of secret {}", r.versionId(), r.versionStages(), r.arn());
        return r;
    }

    @Override
    public UpdateSecretResponse updateSecret(UpdateSecretRequest request) {
        UpdateSecretResponse r = call("UpdateSecret", request, () -> store.update(request));
        LOG.debug("Secrets Manager fake: updated secret {}", r.arn());
        return r;
    }

    @Override
    public UpdateSecretVersionStageResponse updateSecretVersionStage(UpdateSecretVersionStageRequest request) {
        UpdateSecretVersionStageResponse r = call("UpdateSecretVersionStage", request,
                () -> store.updateStage(request));
        LOG.debug("Secrets Manager fake: moved label {} of secret {}", request.versionStage(), r.arn());
        return r;
    }

    @Override
    public DescribeSecretResponse describeSecret(DescribeSecretRequest request) {
        return call("DescribeSecret", request, () -> store.describe(request));
    }

    @Override
    public ListSecretsResponse listSecrets(ListSecretsRequest request) {
        return call("ListSecrets", request, () -> store.list(request));
    }

    @Override
    public ListSecretVersionIdsResponse listSecretVersionIds(ListSecretVersionIdsRequest request) {
        return call("ListSecretVersionIds", request, () -> store.listVersions(request));
    }

    @Override
    public DeleteSecretResponse deleteSecret(DeleteSecretRequest request) {
        DeleteSecretResponse r = call("DeleteSecret", request, () -> store.delete(request));
        LOG.debug("Secrets Manager fake: secret {} deleted as of {}", r.arn(), r.deletionDate());
        return r;
    }

    @Override
    public RestoreSecretResponse restoreSecret(RestoreSecretRequest request) {
        RestoreSecretResponse r = call("RestoreSecret", request, () -> store.restore(request));
        LOG.debug("Secrets Manager fake: restored secret {}", r.arn());
        return r;
    }

    @Override
    public TagResourceResponse tagResource(TagResourceRequest request) {
        return call("TagResource", request, () -> store.tag(request));
    }

    @Override
    public UntagResourceResponse untagResource(UntagResourceRequest request) {
        return call("UntagResource", request, () -> store.untag(request));
    }

    @Override
    public GetRandomPasswordResponse getRandomPassword(GetRandomPasswordRequest request) {
        return call("GetRandomPassword", request, () -> store.randomPassword(request));
    }

    /**
     * Not modelled: the fake runs no rotation Lambda.
     *
     * @throws UnsupportedOperationException always, explaining how to simulate a rotation
     */
    @Override
    public RotateSecretResponse rotateSecret(RotateSecretRequest request) {
        throw new UnsupportedOperationException("FakeSecretsManager does not run rotation Lambdas. Simulate a"
                + " rotation with putSecretValue(...versionStages(\"AWSPENDING\")) followed by"
                + " updateSecretVersionStage(...versionStage(\"AWSCURRENT\").moveToVersionId(newId)"
                + ".removeFromVersionId(currentId)).");
    }

    /** {@return a configuration naming this fake's region (no endpoint: nothing goes over the network)} */
    @Override
    public SecretsManagerServiceClientConfiguration serviceClientConfiguration() {
        return SecretsManagerServiceClientConfiguration.builder().region(Region.of(region)).build();
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    /** Nothing to release; the fake keeps its state after close. */
    @Override
    public void close() {
        // in-memory: nothing to close
    }

    // ------------------------------------------------------------------------------------------ test helpers

    /**
     * Creates a secret with a string value, without recording a call: set-up for tests.
     *
     * @param name the secret name
     * @param secretString the value
     * @return the secret's ARN
     */
    public String seedSecret(String name, String secretString) {
        synchronized (lock) {
            return store.create(CreateSecretRequest.builder().name(name).secretString(secretString).build()).arn();
        }
    }

    /**
     * Creates a secret in the format DMS reads for database endpoints ({@code username}, {@code password},
     * {@code host}, {@code port}), without recording a call.
     *
     * @param name the secret name
     * @param host the database host
     * @param port the database port
     * @param username the user
     * @param password the password
     * @return the secret's ARN, for {@code MySQLSettings.secretsManagerSecretId}
     */
    public String seedDatabaseSecret(String name, String host, int port, String username, String password) {
        String json = "{\"username\":" + quote(username) + ",\"password\":" + quote(password)
                + ",\"host\":" + quote(host) + ",\"port\":\"" + port + "\"}";
        return seedSecret(name, json);
    }

    /**
     * The current ({@code AWSCURRENT}) string value of a secret, read without side effects and without recording a
     * call: for assertions.
     *
     * @param secretId name, ARN or partial ARN
     * @return the value, empty when there is no such secret or no current string value
     */
    public Optional<String> currentValue(String secretId) {
        synchronized (lock) {
            return store.peekCurrentString(secretId);
        }
    }

    /** {@return the names of all secrets (including those scheduled for deletion), in creation order} */
    public List<String> secretNames() {
        synchronized (lock) {
            return List.copyOf(store.names());
        }
    }

    /** {@return every call so far, oldest first (the same record type as {@link FakeDms#calls()})} */
    public List<CallRecord> calls() {
        synchronized (lock) {
            return List.copyOf(calls);
        }
    }

    /**
     * {@return the calls of that operation, oldest first}
     *
     * @param operation an operation name such as {@code "GetSecretValue"}
     */
    public List<CallRecord> calls(String operation) {
        synchronized (lock) {
            return calls.stream().filter(c -> c.operation().equals(operation)).toList();
        }
    }

    /** {@return how many calls so far could change state (create, put, update, delete, restore, tag, untag)} */
    public long mutatingCallCount() {
        synchronized (lock) {
            return calls.stream().filter(CallRecord::mutating).count();
        }
    }

    /** Forgets all calls, keeping the secrets. */
    public void clearCalls() {
        synchronized (lock) {
            calls.clear();
        }
    }

    /** Removes all secrets and fault rules and forgets all calls. */
    public void reset() {
        synchronized (lock) {
            store.clear();
            calls.clear();
            faults.clear();
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "FakeSecretsManager[" + region + "/" + accountId + ", " + store.names().size() + " secrets, "
                    + calls.size() + " calls]";
        }
    }

    private <T extends SdkResponse> T call(String operation, SdkRequest request, Supplier<T> body) {
        Args.required(request, "FakeSecretsManager: request");
        synchronized (lock) {
            try {
                Duration latency = faults.latencyFor(operation);
                if (!latency.isZero()) {
                    ((FakeClock) clock).advance(latency);
                }
                Optional<RuntimeException> fault = faults.errorFor(operation);
                if (fault.isPresent()) {
                    throw fault.get();
                }
                SecretsErrors.rejectNullElements(request);
                T response = body.get();
                record(operation, request, response, null);
                return response;
            } catch (RuntimeException e) {
                record(operation, request, null, e);
                LOG.debug("Secrets Manager fake: {} failed: {}", operation, e.getMessage());
                throw e;
            }
        }
    }

    private void record(String operation, SdkRequest request, SdkResponse response, RuntimeException error) {
        calls.add(new CallRecord(calls.size() + 1L, operation, request, response, error, store.now(),
                MUTATING.contains(operation), Thread.currentThread().getName()));
    }

    private static String quote(String s) {
        Args.required(s, "FakeSecretsManager: value");
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** Secrets Manager's side of {@link Faults}: its operations and how it shapes an injected error. */
    private static final class SecretsFaultTarget implements FaultTarget {
        private final Clock clock;

        SecretsFaultTarget(Clock clock) {
            this.clock = clock;
        }

        @Override
        public String serviceName() {
            return "Secrets Manager";
        }

        @Override
        public Set<String> operations() {
            return OPERATIONS;
        }

        @Override
        public String exampleOperation() {
            return "GetSecretValue";
        }

        @Override
        public RuntimeException throttling() {
            return SecretsErrors.throttling();
        }

        @Override
        public RuntimeException serverError() {
            return SecretsErrors.internalError();
        }

        @Override
        public RuntimeException serviceUnavailable() {
            return SecretsErrors.serviceUnavailable();
        }

        @Override
        public RuntimeException error(String errorCode, int statusCode, String message) {
            return SecretsErrors.generic(errorCode, statusCode, message);
        }

        @Override
        public Optional<String> whyNoLatency() {
            return clock instanceof FakeClock ? Optional.empty() : Optional.of("latency moves the fake's clock, and "
                    + "this FakeSecretsManager runs on " + clock + ": build it with .clock(FakeClock.create())");
        }

        @Override
        public Optional<String> whyNoEventualConsistency() {
            return Optional.of("FakeSecretsManager does not model eventual consistency: a new secret is readable "
                    + "at once");
        }
    }

    /** Settings of a {@link FakeSecretsManager}. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private String accountId = "123456789012";
        private String region = "us-east-1";
        private Random random = new SecureRandom();

        private Builder() {
        }

        /**
         * Sets {@code clock}: dates versions and deletions (a {@link FakeClock} lets tests pass recovery windows).
         *
         * @param clock dates versions and deletions (a {@link FakeClock} lets tests pass recovery windows)
         * @return this
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Sets {@code accountId}: the 12-digit account id in ARNs (default {@code 123456789012}).
         *
         * @param accountId the 12-digit account id in ARNs (default {@code 123456789012})
         * @return this
         */
        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        /**
         * Sets {@code region}: the region in ARNs (default {@code us-east-1}).
         *
         * @param region the region in ARNs (default {@code us-east-1})
         * @return this
         */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /**
         * Sets {@code seed}: makes ARN suffixes and random passwords reproducible.
         *
         * @param seed makes ARN suffixes and random passwords reproducible
         * @return this
         */
        public Builder seed(long seed) {
            this.random = new Random(seed);
            return this;
        }

        /**
         * {@return the fake}
         *
         * @throws IllegalArgumentException naming every invalid setting
         */
        public FakeSecretsManager build() {
            List<String> problems = new ArrayList<>();
            if (clock == null) {
                problems.add("clock must not be null");
            }
            if (accountId == null || !accountId.matches("\\d{12}")) {
                problems.add("accountId must be 12 digits, was " + accountId);
            }
            if (region == null || !region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
                problems.add("region must look like us-east-1, was " + region);
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("Invalid FakeSecretsManager settings: "
                        + String.join("; ", problems));
            }
            return new FakeSecretsManager(this);
        }
    }
}
