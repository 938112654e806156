package io.dmskit.core.provision;

import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.core.internal.Validate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The kinds of resources a pipeline holds, in the order they are created. The names follow DMS's API
 * ({@code ReplicationTask}, {@code ReplicationInstance}, {@code ReplicationSubnetGroup}); a task is
 * {@link #REPLICATION_TASK}. {@link #parse(String)} also takes the short names people type ({@code "task"},
 * {@code "instance"}, {@code "subnet-group"}, {@code "config"}) and the labels, for configuration and jshell.
 */
public enum ResourceKind {
    /** A Secrets Manager secret holding endpoint credentials in DMS's format. */
    SECRET("secret"),
    /** A replication subnet group. */
    SUBNET_GROUP("subnet group"),
    /** A replication instance. */
    REPLICATION_INSTANCE("replication instance"),
    /** An endpoint. */
    ENDPOINT("endpoint"),
    /** A replication task ({@code ReplicationTask}); there is no separate {@code TASK}: use this one. */
    REPLICATION_TASK("replication task"),
    /**
     * A DMS Serverless replication config ({@code ReplicationConfig}) and its replication; it takes the place of an
     * instance and a task.
     */
    REPLICATION_CONFIG("replication config"),
    /** A CloudWatch alarm on a task's metric ({@link io.dmskit.core.alarm.Alarm}). */
    ALARM("cloudwatch alarm");

    /** Short names, in the normalized form {@link #parse(String)} compares. */
    private static final Map<String, ResourceKind> SHORT = Map.of(
        "task", REPLICATION_TASK,
        "config", REPLICATION_CONFIG,
        "serverless", REPLICATION_CONFIG,
        "alarm", ALARM,
        "instance", REPLICATION_INSTANCE,
        "replicationsubnetgroup", SUBNET_GROUP);

    private final String label;

    ResourceKind(String label) {
        this.label = label;
    }

    /** {@return the DMS console's name for the kind} */
    public String label() {
        return label;
    }

    /**
     * Reads a kind leniently: the constant's name in any case, its {@link #label()}, DMS's type name and the short
     * names {@code task} and {@code instance}; spaces, hyphens and underscores are interchangeable.
     *
     * <pre>{@code
     * ResourceKind.parse("task")                // REPLICATION_TASK
     * ResourceKind.parse("ReplicationTask")     // REPLICATION_TASK
     * ResourceKind.parse("subnet-group")        // SUBNET_GROUP
     * }</pre>
     *
     * @param name a kind's name
     * @return the kind
     * @throws InvalidDefinitionException naming the accepted names when it is none of them (or null)
     */
    public static ResourceKind parse(String name) {
        if (name != null) {
            String key = name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "");
            for (ResourceKind k : values()) {
                if (k.name().toLowerCase(Locale.ROOT).replace("_", "").equals(key)
                    || k.label.replace(" ", "").equals(key)) {
                    return k;
                }
            }
            ResourceKind shortName = SHORT.get(key);
            if (shortName != null) {
                return shortName;
            }
        }
        throw new InvalidDefinitionException(List.of(new DefinitionProblem("ResourceKind", "name",
            "unknown resource kind " + Validate.show(name) + ": use one of "
            + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "))
            + " (or task, instance, subnet-group, config)")));
    }

    @Override
    public String toString() {
        return label;
    }
}
