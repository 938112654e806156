/**
 * Internals of {@link io.dmskit.testkit.FakeDms}: the state of a fake DMS region ({@code World}), one class per
 * resource kind ({@code SubnetGroupOps}, {@code InstanceOps}, {@code EndpointOps}, {@code ConnectionOps},
 * {@code TaskOps}, {@code ConfigOps}, {@code TagOps}, {@code CatalogOps}), DMS's errors ({@code Errors}), the bridge to
 * replication engines and the virtual-time waiter. Not API: types here may change without notice; only
 * {@code io.dmskit.testkit} uses them, and no public signature there mentions them.
 */
package io.dmskit.testkit.internal.fake;
