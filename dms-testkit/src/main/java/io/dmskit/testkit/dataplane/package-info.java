/**
 * The data-plane extension point of {@code FakeDms}: what happens to data while a replication task runs.
 *
 * <p>{@code FakeDms} owns the control plane (resources, states, errors, the clock). When a task starts it hands a
 * {@link io.dmskit.testkit.dataplane.ReplicationContext} to the configured
 * {@link io.dmskit.testkit.dataplane.ReplicationEngine}; the engine moves data and reports back through the context
 * (table statistics, full load finished, failure). ReloadTables on a running task reaches the engine through
 * {@link io.dmskit.testkit.dataplane.RunningReplication#reload}. Without an engine, tests script the data plane
 * themselves.
 */
package io.dmskit.testkit.dataplane;
