package io.dmskit.mappings;

import io.dmskit.mappings.internal.Args;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One rule-level entry of a {@link MappingDiff}: a rule added, removed, changed in place or moved, with only the
 * fields whose meaning changed.
 *
 * <pre>{@code
 * + rule 3 'exclude-shop-audit': {"rule-type":"selection","object-locator":{...},"rule-action":"exclude"}
 * ~ rule 4 'include-shop-orders': filters[0].filter-conditions[0].value: EU -> US
 * }</pre>
 *
 * @param kind what happened to the rule
 * @param before the rule in the older mappings, empty when {@link Kind#ADDED}
 * @param after the rule in the newer mappings, empty when {@link Kind#REMOVED}
 * @param fields the fields whose meaning changed (a {@code rule-id} change alone is not listed: see
 *     {@link MappingDiff}); empty for added and removed rules, and for a rule that only moved
 */
public record RuleChange(Kind kind, Optional<Rule> before, Optional<Rule> after, List<Field> fields) {

    /** What happened to a rule. */
    public enum Kind {
        /** Only in the newer mappings. */
        ADDED("+"),
        /** Only in the older mappings. */
        REMOVED("-"),
        /** In both, at the same place in rule-id order, with a different meaning. */
        CHANGED("~"),
        /**
         * In both, but its place among the other rules (rule-id order, which decides which transformation DMS
         * applies first) changed; {@link RuleChange#fields()} lists any other change.
         */
        MOVED("~");

        private final String symbol;

        Kind(String symbol) {
            this.symbol = symbol;
        }

        /** {@return {@code +}, {@code -} or {@code ~}, as a diff shows it} */
        public String symbol() {
            return symbol;
        }
    }

    /**
     * One field of a rule whose meaning changed.
     *
     * @param path the field, e.g. {@code rule-action}, {@code object-locator.table-name} or
     *     {@code filters[0].filter-conditions[0].value}
     * @param before the older value (scalar text, or compact JSON for objects and arrays), empty when absent
     * @param after the newer value, empty when absent
     */
    public record Field(String path, Optional<String> before, Optional<String> after) {

        /** Validates the components. */
        public Field {
            Args.required(path, "RuleChange: path");
            Args.required(before, "RuleChange: before");
            Args.required(after, "RuleChange: after");
        }

        /** {@return {@code path: before -> after}, {@code (absent)} for a missing value} */
        @Override
        public String toString() {
            return path + ": " + before.orElse("(absent)") + " -> " + after.orElse("(absent)");
        }
    }

    /** Validates the components: an added rule has only an after, a removed one only a before. */
    public RuleChange {
        Args.required(kind, "RuleChange: kind");
        Args.required(before, "RuleChange: before");
        Args.required(after, "RuleChange: after");
        fields = Args.list(fields, "RuleChange: fields");
        if (before.isEmpty() && kind != Kind.ADDED || after.isEmpty() && kind != Kind.REMOVED) {
            throw Args.invalid("RuleChange: " + kind + " needs " + (kind == Kind.ADDED ? "the added rule"
                    : kind == Kind.REMOVED ? "the removed rule" : "the rule before and after"));
        }
    }

    /** {@return the rule as it is now, or as it was for a removed rule} */
    public Rule rule() {
        return after.or(() -> before).orElseThrow();
    }

    /** {@return whether the rule-id changed (renumbering alone is not a change of meaning)} */
    public boolean ruleIdChanged() {
        return before.isPresent() && after.isPresent() && !RuleDiffer.sameId(before.get(), after.get());
    }

    /**
     * {@return e.g. {@code rule 3 'exclude-shop-audit'}: the rule-id and rule-name as they are now (as they were for a
     * removed rule)}
     */
    public String label() {
        Rule r = rule();
        return "rule " + (r.ruleId() == null ? "?" : r.ruleId()) + (r.ruleName() == null ? "" : " '" + r.ruleName()
                + "'");
    }

    /**
     * {@return one line as a reviewer reads it: the symbol, the rule, then the rule's content (added and removed
     * rules, without rule-id and rule-name) or its changed fields}
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(kind.symbol()).append(' ').append(label());
        switch (kind) {
            case ADDED, REMOVED -> s.append(": ").append(RuleDiffer.content(rule()));
            case CHANGED -> s.append(": ").append(String.join("; ", fields.stream().map(Field::toString).toList()));
            case MOVED -> {
                s.append(": moved");
                if (ruleIdChanged()) {
                    s.append(" (rule-id ").append(before.get().ruleId()).append(" -> ").append(after.get().ruleId())
                            .append(')');
                }
                fields.forEach(f -> s.append("; ").append(f));
            }
            default -> throw new IllegalStateException(kind.name());
        }
        return s.toString();
    }
}
