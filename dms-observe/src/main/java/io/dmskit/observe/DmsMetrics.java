package io.dmskit.observe;

import java.util.List;

/**
 * The CloudWatch names DMS publishes under, as AWS documents them in "Monitoring AWS DMS tasks" → "AWS Database
 * Migration Service metrics" (https://docs.aws.amazon.com/dms/latest/userguide/CHAP_Monitoring.html): namespace
 * {@code AWS/DMS}; replication instance metrics with the dimension {@code ReplicationInstanceIdentifier}; replication
 * task metrics with the dimensions {@code ReplicationInstanceIdentifier} and {@code ReplicationTaskIdentifier}, whose
 * value is the task's resource id (the last part of its ARN, {@code arn:aws:dms:...:task:<resource id>}), not the
 * task identifier you named it with. DMS publishes them once a minute.
 */
public final class DmsMetrics {

    /** The namespace. */
    public static final String NAMESPACE = "AWS/DMS";
    /** Dimension naming the replication instance (its identifier). */
    public static final String INSTANCE_DIMENSION = "ReplicationInstanceIdentifier";
    /** Dimension naming the replication task (its resource id, the last part of its ARN). */
    public static final String TASK_DIMENSION = "ReplicationTaskIdentifier";

    /** Seconds between the source commit time and now, for the changes DMS is capturing (task). */
    public static final String CDC_LATENCY_SOURCE = "CDCLatencySource";
    /** Seconds between the source commit time of the oldest change not yet applied on the target and now (task). */
    public static final String CDC_LATENCY_TARGET = "CDCLatencyTarget";
    /** Change events waiting to be applied to the target at a point in time (task). */
    public static final String CDC_INCOMING_CHANGES = "CDCIncomingChanges";
    /** Rows per second read from the source during CDC (task). */
    public static final String CDC_THROUGHPUT_ROWS_SOURCE = "CDCThroughputRowsSource";
    /** Rows per second applied to the target during CDC (task). */
    public static final String CDC_THROUGHPUT_ROWS_TARGET = "CDCThroughputRowsTarget";
    /** Rows per second read from the source during full load (task). */
    public static final String FULL_LOAD_THROUGHPUT_ROWS_SOURCE = "FullLoadThroughputRowsSource";
    /** Rows per second written to the target during full load (task). */
    public static final String FULL_LOAD_THROUGHPUT_ROWS_TARGET = "FullLoadThroughputRowsTarget";

    /** Percent of the instance's CPU in use (instance). */
    public static final String CPU_UTILIZATION = "CPUUtilization";
    /** Bytes of random access memory available (instance). */
    public static final String FREEABLE_MEMORY = "FreeableMemory";
    /** Bytes of storage available (instance). */
    public static final String FREE_STORAGE_SPACE = "FreeStorageSpace";
    /** Bytes of swap space in use (instance). */
    public static final String SWAP_USAGE = "SwapUsage";

    /** The task metrics a snapshot reads, in this order. */
    public static final List<String> TASK_METRICS = List.of(CDC_LATENCY_SOURCE, CDC_LATENCY_TARGET,
        CDC_INCOMING_CHANGES, CDC_THROUGHPUT_ROWS_SOURCE, CDC_THROUGHPUT_ROWS_TARGET, FULL_LOAD_THROUGHPUT_ROWS_SOURCE,
        FULL_LOAD_THROUGHPUT_ROWS_TARGET);
    /** The instance health metrics a snapshot reads, in this order. */
    public static final List<String> INSTANCE_METRICS = List.of(CPU_UTILIZATION, FREEABLE_MEMORY,
        FREE_STORAGE_SPACE, SWAP_USAGE);

    private DmsMetrics() {
    }

    /**
     * {@return the resource id, the value of the {@value #TASK_DIMENSION} dimension and of the log stream name}
     *
     * @param taskArn a task ARN ({@code arn:aws:dms:<region>:<account>:task:<resource id>})
     */
    public static String resourceId(String taskArn) {
        if (taskArn == null || taskArn.indexOf(':') < 0) {
            throw new IllegalArgumentException("not an ARN: " + taskArn);
        }
        return taskArn.substring(taskArn.lastIndexOf(':') + 1);
    }
}
