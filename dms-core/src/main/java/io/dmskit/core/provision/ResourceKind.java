package io.dmskit.core.provision;

/** The kinds of resources a pipeline holds, in the order they are created. */
public enum ResourceKind {
    /** A Secrets Manager secret holding endpoint credentials in DMS's format. */
    SECRET("secret"),
    /** A replication subnet group. */
    SUBNET_GROUP("subnet group"),
    /** A replication instance. */
    REPLICATION_INSTANCE("replication instance"),
    /** An endpoint. */
    ENDPOINT("endpoint"),
    /** A replication task. */
    REPLICATION_TASK("replication task");

    private final String label;

    ResourceKind(String label) {
        this.label = label;
    }

    /** @return the DMS console's name for the kind */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
