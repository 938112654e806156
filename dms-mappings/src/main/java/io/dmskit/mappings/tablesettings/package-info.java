/**
 * Values of table-settings rules: {@link io.dmskit.mappings.tablesettings.ParallelLoad} ({@code parallel-load}) and
 * {@link io.dmskit.mappings.tablesettings.LobSettings} ({@code lob-settings}).
 */
package io.dmskit.mappings.tablesettings;
