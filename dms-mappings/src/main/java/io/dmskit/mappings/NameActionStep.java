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
     * @param newName the new name ({@code value})
     * @return the rule with action {@code rename}
     */
    TransformationStep rename(String newName);

    /** {@return the rule with action {@code convert-lowercase}} */
    TransformationStep convertLowercase();

    /** {@return the rule with action {@code convert-uppercase}} */
    TransformationStep convertUppercase();

    /**
     * @param prefix the prefix to add ({@code value})
     * @return the rule with action {@code add-prefix}
     */
    TransformationStep addPrefix(String prefix);

    /**
     * @param prefix the prefix to remove ({@code value})
     * @return the rule with action {@code remove-prefix}
     */
    TransformationStep removePrefix(String prefix);

    /**
     * @param oldPrefix the prefix to replace ({@code old-value})
     * @param newPrefix its replacement ({@code value})
     * @return the rule with action {@code replace-prefix}
     */
    TransformationStep replacePrefix(String oldPrefix, String newPrefix);

    /**
     * @param suffix the suffix to add ({@code value})
     * @return the rule with action {@code add-suffix}
     */
    TransformationStep addSuffix(String suffix);

    /**
     * @param suffix the suffix to remove ({@code value})
     * @return the rule with action {@code remove-suffix}
     */
    TransformationStep removeSuffix(String suffix);

    /**
     * @param oldSuffix the suffix to replace ({@code old-value})
     * @param newSuffix its replacement ({@code value})
     * @return the rule with action {@code replace-suffix}
     */
    TransformationStep replaceSuffix(String oldSuffix, String newSuffix);
}
