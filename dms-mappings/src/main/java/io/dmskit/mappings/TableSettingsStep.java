package io.dmskit.mappings;

import io.dmskit.mappings.tablesettings.LobSettings;
import io.dmskit.mappings.tablesettings.ParallelLoad;

/**
 * A {@code table-settings} rule for one table (exact names): its parallel load, its LOB settings, and the rule's id
 * and name. Returned by {@link Rules#tableSettings(String, String)}.
 *
 * <pre>{@code
 * tableSettings("HR", "SALES").parallelLoad(ParallelLoad.partitionsAuto()).lobSettings(LobSettings.limited(100_000))
 * }</pre>
 */
public interface TableSettingsStep extends Rule.Builder<TableSettingsRule> {

    /**
     * Sets {@code parallelLoad}: the {@code parallel-load}.
     *
     * @param parallelLoad the {@code parallel-load}
     * @return this step
     */
    TableSettingsStep parallelLoad(ParallelLoad parallelLoad);

    /**
     * Sets {@code lobSettings}: the {@code lob-settings}.
     *
     * @param lobSettings the {@code lob-settings}
     * @return this step
     */
    TableSettingsStep lobSettings(LobSettings lobSettings);

    /**
     * Sets {@code id}: the {@code rule-id} (digits); assigned in declaration order when not set.
     *
     * @param ruleId the {@code rule-id} (digits); assigned in declaration order when not set
     * @return this step
     */
    TableSettingsStep id(String ruleId);

    /**
     * Sets {@code id}: the {@code rule-id}.
     *
     * @param ruleId the {@code rule-id}
     * @return this step
     */
    TableSettingsStep id(long ruleId);

    /**
     * Sets {@code name}: the {@code rule-name}; derived readably when not set.
     *
     * @param ruleName the {@code rule-name}; derived readably when not set
     * @return this step
     */
    TableSettingsStep name(String ruleName);
}
