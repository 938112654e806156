package io.dmskit.mappings;

/**
 * An {@code include} selection, action chosen: what may follow is the table type, the load order, source filters and
 * the rule's id and name. Returned by {@link Rules#include(String, String)}.
 *
 * <pre>{@code
 * include("hr", "employees").where("region", FilterCondition.eq("EU")).loadOrder(2)
 * }</pre>
 */
public interface IncludeStep extends Rule.Builder<SelectionRule> {

    /**
     * Sets {@code tableType}: table, view or all ({@code object-locator.table-type}).
     *
     * @param type table, view or all ({@code object-locator.table-type})
     * @return this step
     */
    IncludeStep tableType(TableType type);

    /**
     * Sets {@code loadOrder}: a positive integer; higher values load first.
     *
     * @param loadOrder a positive integer; higher values load first
     * @return this step
     */
    IncludeStep loadOrder(int loadOrder);

    /**
     * Adds a source filter (filters are ANDed). DMS applies filters only to tables named exactly.
     *
     * @param columnName the source column
     * @param conditions conditions, ORed
     * @return this step
     */
    IncludeStep where(String columnName, FilterCondition... conditions);

    /**
     * Sets {@code filter}: a source filter to add (ANDed with the others).
     *
     * @param filter a source filter to add (ANDed with the others)
     * @return this step
     */
    IncludeStep filter(SourceFilter filter);

    /**
     * Sets {@code id}: the {@code rule-id} (digits); assigned in declaration order when not set.
     *
     * @param ruleId the {@code rule-id} (digits); assigned in declaration order when not set
     * @return this step
     */
    IncludeStep id(String ruleId);

    /**
     * Sets {@code id}: the {@code rule-id}.
     *
     * @param ruleId the {@code rule-id}
     * @return this step
     */
    IncludeStep id(long ruleId);

    /**
     * Sets {@code name}: the {@code rule-name}; derived readably when not set.
     *
     * @param ruleName the {@code rule-name}; derived readably when not set
     * @return this step
     */
    IncludeStep name(String ruleName);
}
