package io.dmskit.mappings;

/**
 * A transformation with its object and its one action chosen: only the rule's id and name may follow. Pass it to
 * {@link TableMappings.Builder#rule(Rule.Builder)}.
 *
 * <pre>{@code
 * table("%", "%").addPrefix("schema_").name("prefix-everything")
 * }</pre>
 */
public interface TransformationStep extends Rule.Builder<TransformationRule> {

    /**
     * Sets {@code id}: the {@code rule-id} (digits); assigned in declaration order when not set.
     *
     * @param ruleId the {@code rule-id} (digits); assigned in declaration order when not set
     * @return this step
     */
    TransformationStep id(String ruleId);

    /**
     * Sets {@code id}: the {@code rule-id}.
     *
     * @param ruleId the {@code rule-id}
     * @return this step
     */
    TransformationStep id(long ruleId);

    /**
     * Sets {@code name}: the {@code rule-name}; derived readably when not set.
     *
     * @param ruleName the {@code rule-name}; derived readably when not set
     * @return this step
     */
    TransformationStep name(String ruleName);
}
