package io.dmskit.observe;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One DMS resource found by discovery: its kind, identifier, ARN, status as DMS reported it and its tags.
 *
 * @param type the kind of resource
 * @param identifier the identifier (task, endpoint and instance identifier, or the config's
 *     {@code ReplicationConfigIdentifier})
 * @param arn the resource's ARN
 * @param status the status DMS reports (task and instance status, endpoint status; empty text for a replication
 *     config, which has none of its own)
 * @param tags the resource's tags (empty when the filter did not need them and tags were not requested)
 */
public record DiscoveredResource(ResourceType type, String identifier, String arn, String status,
                                 Map<String, String> tags) {

    /** Checks and copies the components. */
    public DiscoveredResource {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(identifier, "identifier");
        Objects.requireNonNull(arn, "arn");
        status = status == null ? "" : status;
        tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(tags));
    }

    /**
     * {@return its value, when the resource carries the tag}
     *
     * @param key a tag key
     */
    public Optional<String> tag(String key) {
        return Optional.ofNullable(tags.get(key));
    }

    /**
     * {@return the resource id DMS uses in CloudWatch dimensions and log names: the part of the ARN after its last
     * colon (for a task, {@code arn:aws:dms:us-east-1:123456789012:task:ABCD...} gives {@code ABCD...})}
     */
    public String resourceId() {
        return arn.substring(arn.lastIndexOf(':') + 1);
    }
}
