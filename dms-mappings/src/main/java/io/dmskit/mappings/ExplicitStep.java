package io.dmskit.mappings;

/**
 * An {@code explicit} selection of one table or view (exact names), action chosen: what may follow is the table type,
 * the load order and the rule's id and name. Returned by {@link Rules#explicit(String, String)}.
 *
 * <pre>{@code
 * explicit("hr", "v_emp").tableType(TableType.VIEW)
 * }</pre>
 */
public interface ExplicitStep extends Rule.Builder<SelectionRule> {

    /**
     * Sets {@code tableType}: table or view ({@code object-locator.table-type}).
     *
     * @param type table or view ({@code object-locator.table-type})
     * @return this step
     */
    ExplicitStep tableType(TableType type);

    /**
     * Sets {@code loadOrder}: a positive integer; higher values load first.
     *
     * @param loadOrder a positive integer; higher values load first
     * @return this step
     */
    ExplicitStep loadOrder(int loadOrder);

    /**
     * Sets {@code id}: the {@code rule-id} (digits); assigned in declaration order when not set.
     *
     * @param ruleId the {@code rule-id} (digits); assigned in declaration order when not set
     * @return this step
     */
    ExplicitStep id(String ruleId);

    /**
     * Sets {@code id}: the {@code rule-id}.
     *
     * @param ruleId the {@code rule-id}
     * @return this step
     */
    ExplicitStep id(long ruleId);

    /**
     * Sets {@code name}: the {@code rule-name}; derived readably when not set.
     *
     * @param ruleName the {@code rule-name}; derived readably when not set
     * @return this step
     */
    ExplicitStep name(String ruleName);
}
