/**
 * DMS Serverless vocabulary: the compute a {@link io.dmskit.core.ReplicationConfig} provisions
 * ({@link io.dmskit.core.serverless.ComputeConfig}), how a replication starts
 * ({@link io.dmskit.core.serverless.ReplicationStart}) and what DMS reports about it
 * ({@link io.dmskit.core.serverless.ReplicationState}).
 */
package io.dmskit.core.serverless;
