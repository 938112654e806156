package io.dmskit.verify.target;

/**
 * Where a DMS task writes: an S3 bucket in DMS's layout ({@link S3Target}) or a database ({@link JdbcTarget}).
 */
public sealed interface Target permits S3Target, JdbcTarget {

    /** {@return a short human description of the target, e.g. {@code s3://bucket/folder/}} */
    String describe();
}
