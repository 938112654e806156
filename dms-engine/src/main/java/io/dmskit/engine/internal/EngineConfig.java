package io.dmskit.engine.internal;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Settings of a local replication engine shared by its task replications.
 *
 * @param s3 client for S3 targets, null when none was given
 * @param workers runs task replications and table loads
 * @param loadThreads tables loaded at once per task, at most (also capped by MaxFullLoadSubTasks)
 * @param pollInterval CDC polling interval (polling capture) and the longest wait of a log capture
 * @param captureMode AUTO, LOG_BASED or POLLING
 * @param connectTimeout JDBC connect timeout
 * @param sourceRetryTimeout how long an unreachable source is retried before the task fails
 * @param fetchSize JDBC fetch size for full-load reads
 */
public record EngineConfig(S3Client s3, ExecutorService workers, int loadThreads, Duration pollInterval,
                           String captureMode, Duration connectTimeout, Duration sourceRetryTimeout, int fetchSize) {
}
