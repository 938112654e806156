/** Typed sections of the replication task settings JSON ({@code ReplicationTaskSettings}) and their enums. */
package io.dmskit.core.settings;
