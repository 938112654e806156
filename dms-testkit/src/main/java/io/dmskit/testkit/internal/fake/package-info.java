/**
 * Internals of {@link io.dmskit.testkit.FakeDms}. {@code DmsRegion} is the one entry: it owns the state of a fake DMS
 * region ({@code World}), one package-private handler per resource kind ({@code SubnetGroupOps},
 * {@code InstanceOps}, {@code EndpointOps}, {@code ConnectionOps}, {@code TaskOps}, {@code ConfigOps}, {@code TagOps},
 * {@code CatalogOps} ...) and the table routing each DMS operation to its handler; {@code Errors} builds DMS's
 * errors. Replication tasks are split by job: {@code TaskOps} (find, describe, delete; the entry point),
 * {@code TaskConfigOps} (create, modify, move), {@code TaskRunOps} (start, stop, reload), {@code TaskRunner} (the
 * run state machine), {@code TaskStatistics} and {@code TaskRules} (request checks). Not API: types here may change without notice; only {@code io.dmskit.testkit} uses them, and no public
 * signature there mentions them.
 */
package io.dmskit.testkit.internal.fake;
