package io.dmskit.observe;

/** The kinds of DMS resource {@link DmsObserver#discover(DiscoveryFilter)} finds. */
public enum ResourceType {
    /** A replication task ({@code DescribeReplicationTasks}). */
    TASK,
    /** A DMS Serverless replication config ({@code DescribeReplicationConfigs}). */
    REPLICATION_CONFIG,
    /** An endpoint ({@code DescribeEndpoints}). */
    ENDPOINT,
    /** A replication instance ({@code DescribeReplicationInstances}). */
    INSTANCE
}
