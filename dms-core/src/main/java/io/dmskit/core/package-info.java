/**
 * dmskit core: typed, validated definitions of AWS DMS resources ({@link io.dmskit.core.Endpoint},
 * {@link io.dmskit.core.ReplicationInstance}, {@link io.dmskit.core.ReplicationSubnetGroup},
 * {@link io.dmskit.core.ReplicationTask}, {@link io.dmskit.core.TaskSettings}), a {@link io.dmskit.core.Pipeline}
 * tying them together, and the {@link io.dmskit.core.DmsProvisioner} that plans, applies, operates and destroys it.
 * Every exception dmskit throws extends {@link io.dmskit.core.exception.DmsKitException}.
 */
package io.dmskit.core;
