package io.dmskit.mappings;

import java.util.Optional;
import java.util.Set;

/**
 * One rule of a table-mapping document. Rules are immutable values backed by their JSON: everything read from a
 * document, including keys dmskit does not know, is kept and written back.
 *
 * <p>Implementations: {@link SelectionRule}, {@link TransformationRule}, {@link TableSettingsRule},
 * {@link PostProcessingRule}, {@link ObjectMappingRule}, and {@link UnknownRule} for a rule whose
 * {@code rule-type} is missing or unknown (kept so that validation can name it).
 */
public sealed interface Rule
        permits SelectionRule, TransformationRule, TableSettingsRule, PostProcessingRule, ObjectMappingRule,
        UnknownRule {

    /** {@return the {@code rule-type} as written, or null when absent} */
    String ruleType();

    /** {@return the {@code rule-type} as an enum, empty when missing or unknown} */
    Optional<RuleType> type();

    /** {@return the {@code rule-id} exactly as written (leading zeros kept), or null when not (yet) assigned} */
    String ruleId();

    /** {@return the {@code rule-name}, or null when not (yet) assigned} */
    String ruleName();

    /** {@return the {@code rule-action} as written, or null when absent} */
    String ruleAction();

    /** {@return the {@code object-locator}, or null when absent} */
    ObjectLocator objectLocator();

    /**
     * {@return the key's value as compact JSON text, empty when absent}
     *
     * @param key a top-level key of the rule, such as {@code "isAutoSegmentationChecked"}
     */
    Optional<String> property(String key);

    /** {@return the top-level keys of the rule, in order} */
    Set<String> keys();

    /** {@return this rule alone as compact JSON} */
    String toJson();

    /**
     * {@return a copy of this rule with that {@code rule-id}}
     *
     * @param id a rule-id (digits)
     */
    Rule withRuleId(String id);

    /**
     * {@return a copy of this rule with that {@code rule-name}}
     *
     * @param name a rule-name
     */
    Rule withRuleName(String name);

    /**
     * Anything that builds a rule: every rule builder implements it, so a builder can be passed where a rule is
     * expected ({@code TableMappings.builder().rule(Rules.include("hr", "%"))}).
     *
     * @param <R> the rule type
     */
    interface Builder<R extends Rule> {
        /** {@return the immutable rule} */
        R build();
    }
}
