package io.dmskit.mappings;

/**
 * A {@code post-processing} rule with action {@code add-tag} (S3 object tagging): the tags, and the rule's id and
 * name. Returned by {@link Rules#addTag(String, String)}.
 *
 * <pre>{@code
 * addTag("%", "%").tag("dw-schema-name", "${schema-name}")
 * }</pre>
 */
public interface AddTagStep extends Rule.Builder<PostProcessingRule> {

    /**
     * Sets {@code tag}: the tag's key (may use {@code ${schema-name}} and {@code ${table-name}}).
     *
     * @param key the tag's key (may use {@code ${schema-name}} and {@code ${table-name}})
     * @param value the tag's value (same placeholders)
     * @return this step with the tag appended to the {@code tag-set}
     */
    AddTagStep tag(String key, String value);

    /**
     * Sets {@code id}: the {@code rule-id} (digits); assigned in declaration order when not set.
     *
     * @param ruleId the {@code rule-id} (digits); assigned in declaration order when not set
     * @return this step
     */
    AddTagStep id(String ruleId);

    /**
     * Sets {@code id}: the {@code rule-id}.
     *
     * @param ruleId the {@code rule-id}
     * @return this step
     */
    AddTagStep id(long ruleId);

    /**
     * Sets {@code name}: the {@code rule-name}; derived readably when not set.
     *
     * @param ruleName the {@code rule-name}; derived readably when not set
     * @return this step
     */
    AddTagStep name(String ruleName);
}
