package io.dmskit.mappings;

/**
 * An {@code exclude} selection, action chosen: what may follow is the table type and the rule's id and name (DMS
 * applies filters and load order to included tables only). Returned by {@link Rules#exclude(String, String)}.
 *
 * <pre>{@code
 * exclude("ecommerce", Wildcards.literal("tmp_") + "%")
 * }</pre>
 */
public interface ExcludeStep extends Rule.Builder<SelectionRule> {

    /**
     * Sets {@code tableType}: table, view or all ({@code object-locator.table-type}).
     *
     * @param type table, view or all ({@code object-locator.table-type})
     * @return this step
     */
    ExcludeStep tableType(TableType type);

    /**
     * Sets {@code id}: the {@code rule-id} (digits); assigned in declaration order when not set.
     *
     * @param ruleId the {@code rule-id} (digits); assigned in declaration order when not set
     * @return this step
     */
    ExcludeStep id(String ruleId);

    /**
     * Sets {@code id}: the {@code rule-id}.
     *
     * @param ruleId the {@code rule-id}
     * @return this step
     */
    ExcludeStep id(long ruleId);

    /**
     * Sets {@code name}: the {@code rule-name}; derived readably when not set.
     *
     * @param ruleName the {@code rule-name}; derived readably when not set
     * @return this step
     */
    ExcludeStep name(String ruleName);
}
