package io.dmskit.engine;

/** How the local replication engine captures changes for {@code cdc} and {@code full-load-and-cdc} tasks. */
public enum CdcMode {
    /**
     * The source's change log where it is usable (MySQL/MariaDB binlog with {@code log_bin=ON} and
     * {@code binlog_format=ROW}; PostgreSQL logical decoding with {@code wal_level=logical}), otherwise polling by
     * primary key. The default.
     */
    AUTO,
    /** Only the change log; a task whose source has no usable log fails with the reason. */
    LOG_BASED,
    /** Always poll: each poll reads the selected tables and compares them with the previous image by key. */
    POLLING
}
