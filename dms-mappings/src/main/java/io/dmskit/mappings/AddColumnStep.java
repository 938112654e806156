package io.dmskit.mappings;

/**
 * An {@code add-column} transformation: the expression that computes the column may follow, and the rule's id and
 * name. Returned by {@link TableActionStep#addColumn} and {@link Rules#addColumn}.
 *
 * <pre>{@code
 * table("%", "%").addColumn("cdc_op", DataType.string(50)).expression("$AR_H_OPERATION")
 * }</pre>
 */
public interface AddColumnStep extends Rule.Builder<TransformationRule> {

    /**
     * Sets {@code expression}: a SQLite expression over the source row, columns as {@code $COLUMN} ({@code
     * expression}).
     *
     * @param expression a SQLite expression over the source row, columns as {@code $COLUMN} ({@code expression})
     * @return this step
     */
    AddColumnStep expression(String expression);

    /**
     * Sets {@code id}: the {@code rule-id} (digits); assigned in declaration order when not set.
     *
     * @param ruleId the {@code rule-id} (digits); assigned in declaration order when not set
     * @return this step
     */
    AddColumnStep id(String ruleId);

    /**
     * Sets {@code id}: the {@code rule-id}.
     *
     * @param ruleId the {@code rule-id}
     * @return this step
     */
    AddColumnStep id(long ruleId);

    /**
     * Sets {@code name}: the {@code rule-name}; derived readably when not set.
     *
     * @param ruleName the {@code rule-name}; derived readably when not set
     * @return this step
     */
    AddColumnStep name(String ruleName);
}
