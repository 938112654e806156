package io.dmskit.testkit.internal.secrets;

import static io.dmskit.testkit.internal.secrets.SecretsErrors.exists;
import static io.dmskit.testkit.internal.secrets.SecretsErrors.notFound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/**
 * One secret with its versions and staging labels (the version/stage bookkeeping); mutable, guarded by the owner's
 * lock.
 */
final class Secret {

    /** The staging label of the current version. */
    static final String AWSCURRENT = "AWSCURRENT";
    /** The staging label of the version that was current before. */
    static final String AWSPREVIOUS = "AWSPREVIOUS";
    /** The staging label of a version being rotated in. */
    static final String AWSPENDING = "AWSPENDING";

    private static final int MAX_VERSIONS = 100;

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

    /**
     * Adds a version and attaches the given stages to it.
     *
     * @param id the version id (the client request token or a fresh UUID)
     * @param now the creation date
     * @return the version id
     */
    String addVersion(String id, String string, SdkBytes binary, List<String> stageLabels, Instant now) {
        if (versions.containsKey(id)) {
            throw exists("You can't modify an existing version, you can only create a new version.");
        }
        versions.put(id, new Version(id, string, binary == null ? null : binary.asByteArray(), now));
        for (String stage : stageLabels) {
            attach(stage, id);
        }
        lastChangedDate = now;
        dropOldDeprecatedVersions();
        return id;
    }

    /** @return the version named by id and/or stage (AWSCURRENT when neither is given) */
    Version selectVersion(String versionId, String stage) {
        if (versionId != null) {
            Version v = versions.get(versionId);
            if (v == null || (stage != null && !versionId.equals(stages.get(stage)))) {
                throw notFound("Secrets Manager can't find the specified secret value for VersionId: " + versionId);
            }
            return v;
        }
        String label = stage == null ? AWSCURRENT : stage;
        String id = stages.get(label);
        if (id == null) {
            throw notFound("Secrets Manager can't find the specified secret value for staging label: " + label);
        }
        return versions.get(id);
    }

    /** Moves a staging label to a version; moving AWSCURRENT leaves AWSPREVIOUS on the version that had it. */
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

    private void dropOldDeprecatedVersions() {
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
