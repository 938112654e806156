package io.dmskit.mappings;

/**
 * A transformation whose object is chosen and whose action is not: the actions on names, which schemas, tables and
 * columns all allow. Each chooses exactly one {@code rule-action}; what follows is a {@link TransformationStep}.
 * Returned by {@link Rules#schema(String)}; {@link TableActionStep} and {@link ColumnActionStep} add the actions
 * only tables or columns allow.
 *
 * <pre>{@code
 * schema("Test").rename("Test1")
 * table("%", "%").addPrefix("schema_")
 * }</pre>
 */
public interface NameActionStep {

    /**
     * {@return the rule with action {@code rename}}
     *
     * @param newName the new name ({@code value})
     */
    TransformationStep rename(String newName);

    /** {@return the rule with action {@code convert-lowercase}} */
    TransformationStep convertLowercase();

    /** {@return the rule with action {@code convert-uppercase}} */
    TransformationStep convertUppercase();

    /**
     * {@return the rule with action {@code add-prefix}}
     *
     * @param prefix the prefix to add ({@code value})
     */
    TransformationStep addPrefix(String prefix);

    /**
     * {@return the rule with action {@code remove-prefix}}
     *
     * @param prefix the prefix to remove ({@code value})
     */
    TransformationStep removePrefix(String prefix);

    /**
     * {@return the rule with action {@code replace-prefix}}
     *
     * @param oldPrefix the prefix to replace ({@code old-value})
     * @param newPrefix its replacement ({@code value})
     */
    TransformationStep replacePrefix(String oldPrefix, String newPrefix);

    /**
     * {@return the rule with action {@code add-suffix}}
     *
     * @param suffix the suffix to add ({@code value})
     */
    TransformationStep addSuffix(String suffix);

    /**
     * {@return the rule with action {@code remove-suffix}}
     *
     * @param suffix the suffix to remove ({@code value})
     */
    TransformationStep removeSuffix(String suffix);

    /**
     * {@return the rule with action {@code replace-suffix}}
     *
     * @param oldSuffix the suffix to replace ({@code old-value})
     * @param newSuffix its replacement ({@code value})
     */
    TransformationStep replaceSuffix(String oldSuffix, String newSuffix);
}
