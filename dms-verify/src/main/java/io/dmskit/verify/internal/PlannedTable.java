package io.dmskit.verify.internal;

import io.dmskit.mappings.TableResolution;
import io.dmskit.verify.source.SourceTable;

import java.util.Optional;

/**
 * A source table the task replicates, with its target names and the task's source filter.
 *
 * @param table the source table
 * @param targetSchema its schema on the target
 * @param targetTable its name on the target
 * @param predicate the SQL form of the task's source filter, if any
 * @param resolution how the table mappings resolved it; null when there are no mappings
 */
record PlannedTable(SourceTable table, String targetSchema, String targetTable, Optional<String> predicate,
                           TableResolution resolution) {
}
