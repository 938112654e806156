/**
 * The local replication engine's implementation: catalog reads, full load, change capture (binlog, logical decoding,
 * polling) and the S3 and database targets. Not public API, may change. {@code LocalReplicationEngine} reaches it
 * only through {@link io.dmskit.engine.internal.EngineRuntime} and {@link io.dmskit.engine.internal.EngineConfig};
 * every other type here is package-private.
 */
package io.dmskit.engine.internal;
