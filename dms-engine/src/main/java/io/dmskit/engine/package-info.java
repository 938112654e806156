/**
 * The local replication engine of dms-testkit: {@link io.dmskit.engine.LocalReplicationEngine} runs the tasks of a
 * {@code FakeDms} for real, full load and CDC ({@link io.dmskit.engine.CdcMode}: binary log, logical decoding or
 * polling) from MySQL, MariaDB or PostgreSQL into S3 in DMS's output layout or into a database.
 */
package io.dmskit.engine;
