package io.dmskit.mappings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dmskit.mappings.tablesettings.LobSettings;
import io.dmskit.mappings.tablesettings.ParallelLoad;
import java.util.Optional;

/**
 * A {@code table-settings} rule: parallel load and LOB settings of one table (exact names, no wildcards).
 *
 * <pre>{@code
 * Rules.tableSettings("HR", "SALES")
 *      .parallelLoad(ParallelLoad.ranges(List.of("SALES_NO"), List.of(List.of("1000"), List.of("3000"))))
 *      .lobSettings(LobSettings.limited(100_000))
 * }</pre>
 */
public final class TableSettingsRule extends AbstractRule implements Rule {

    TableSettingsRule(ObjectNode node) {
        super(node);
    }

    /** {@return an empty builder} */
    public static Builder builder() {
        return new Builder(Codec.object());
    }

    /** {@return a builder initialised from this rule (unknown keys kept)} */
    public Builder toBuilder() {
        return new Builder(node.deepCopy());
    }

    /** {@return the {@code parallel-load}, or empty} */
    public Optional<ParallelLoad> parallelLoad() {
        return Optional.ofNullable(Codec.parallelLoad(node.get("parallel-load")));
    }

    /** {@return the {@code lob-settings}, or empty} */
    public Optional<LobSettings> lobSettings() {
        return Optional.ofNullable(Codec.lobSettings(node.get("lob-settings")));
    }

    @Override
    public TableSettingsRule withRuleId(String id) {
        return with("rule-id", id, TableSettingsRule::new);
    }

    @Override
    public TableSettingsRule withRuleName(String name) {
        return with("rule-name", name, TableSettingsRule::new);
    }

    /**
     * Builder of {@link TableSettingsRule}; {@link Rules#tableSettings} hands it out as a {@link TableSettingsStep}.
     */
    public static final class Builder extends BaseBuilder<Builder, TableSettingsRule> implements TableSettingsStep {
        Builder(ObjectNode node) {
            super(node);
            node.put("rule-type", RuleType.TABLE_SETTINGS.wireValue());
        }

        /**
         * Sets {@code locator}: exact schema.
         *
         * @param schemaName exact schema
         * @param tableName exact table
         * @return this builder
         */
        public Builder locator(String schemaName, String tableName) {
            return locator(ObjectLocator.table(schemaName, tableName));
        }

        /**
         * Sets {@code parallelLoad}: the {@code parallel-load}.
         *
         * @param parallelLoad the {@code parallel-load}
         * @return this builder
         */
        @Override
        public Builder parallelLoad(ParallelLoad parallelLoad) {
            set("parallel-load", parallelLoad == null ? null : Codec.parallelLoad(parallelLoad));
            return this;
        }

        /**
         * Sets {@code lobSettings}: the {@code lob-settings}.
         *
         * @param lobSettings the {@code lob-settings}
         * @return this builder
         */
        @Override
        public Builder lobSettings(LobSettings lobSettings) {
            set("lob-settings", lobSettings == null ? null : Codec.lobSettings(lobSettings));
            return this;
        }

        @Override
        public TableSettingsRule build() {
            return new TableSettingsRule(finish());
        }
    }
}
