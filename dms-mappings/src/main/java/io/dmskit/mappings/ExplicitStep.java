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
     * @param type table or view ({@code object-locator.table-type})
     * @return this step
     */
    ExplicitStep tableType(TableType type);

    /**
     * @param loadOrder a positive integer; higher values load first
     * @return this step
     */
    ExplicitStep loadOrder(int loadOrder);

    /**
     * @param ruleId the {@code rule-id} (digits); assigned in declaration order when not set
     * @return this step
     */
    ExplicitStep id(String ruleId);

    /**
     * @param ruleId the {@code rule-id}
     * @return this step
     */
    ExplicitStep id(long ruleId);

    /**
     * @param ruleName the {@code rule-name}; derived readably when not set
     * @return this step
     */
    ExplicitStep name(String ruleName);
}
