/** Replication task vocabulary: migration and start types, statuses, stop reasons, state snapshots. */
package io.dmskit.core.task;
