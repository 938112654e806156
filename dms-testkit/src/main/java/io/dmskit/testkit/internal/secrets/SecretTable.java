package io.dmskit.testkit.internal.secrets;

import static io.dmskit.testkit.internal.secrets.SecretsErrors.invalidRequest;
import static io.dmskit.testkit.internal.secrets.SecretsErrors.validation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import software.amazon.awssdk.core.SdkBytes;

/**
 * The secrets of one fake account and region: creation order, ARNs and names, look-up by name, ARN or partial ARN,
 * and the purge of secrets whose recovery window has ended.
 */
final class SecretTable {

    private static final String SUFFIX_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final Clock clock;
    private final String region;
    private final String accountId;
    private final Random random;
    /** By ARN, in creation order. */
    private final Map<String, Secret> secrets = new LinkedHashMap<>();
    /** Creation order, a tie-breaker for equal dates on a frozen clock. */
    private long nextSequence;

    SecretTable(Clock clock, String region, String accountId, Random random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.region = Objects.requireNonNull(region, "region");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** @return the current time of the clock */
    Instant now() {
        return clock.instant();
    }

    /** @return the source of ARN suffixes and passwords */
    Random random() {
        return random;
    }

    /** @return a new, not yet added secret with a fresh ARN */
    Secret newSecret(String name) {
        return new Secret(name, newArn(name), now(), nextSequence++);
    }

    void add(Secret s) {
        secrets.put(s.arn, s);
    }

    void remove(Secret s) {
        secrets.remove(s.arn);
    }

    /** @return every secret (including those scheduled for deletion), in creation order; a live view */
    Collection<Secret> all() {
        return secrets.values();
    }

    /** @return the names of all secrets, in creation order */
    List<String> names() {
        List<String> names = new ArrayList<>();
        secrets.values().forEach(s -> names.add(s.name));
        return names;
    }

    void clear() {
        secrets.clear();
    }

    /** Forgets the secrets whose recovery window has ended; every operation calls this first. */
    void purgeExpired() {
        Instant now = now();
        secrets.values().removeIf(s -> s.deletionDate != null && !now.isBefore(s.deletionDate));
    }

    /**
     * Adds a version to a secret, named by the client request token or a fresh UUID.
     *
     * @return the version id
     */
    String addVersion(Secret s, String token, String string, SdkBytes binary, List<String> stages) {
        String id = token != null ? token : UUID.randomUUID().toString();
        return s.addVersion(id, string, binary, stages, now());
    }

    /** @return a secret that may be scheduled for deletion */
    Secret find(String secretId) {
        if (secretId == null || secretId.isEmpty() || secretId.length() > 2048) {
            throw validation("Member must have length between 1 and 2048 (SecretId)");
        }
        return lookup(secretId).orElseThrow(SecretsErrors::secretNotFound);
    }

    /** @return a secret that is not scheduled for deletion */
    Secret live(String secretId) {
        Secret s = find(secretId);
        if (s.deletedDate != null) {
            throw invalidRequest("You can't perform this operation on the secret because it was marked for"
                    + " deletion.");
        }
        return s;
    }

    /** @return the secret with this full ARN, name or partial ARN (no validation) */
    Optional<Secret> lookup(String secretId) {
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

    Optional<Secret> byName(String name) {
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
}
