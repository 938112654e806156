package io.dmskit.mappings;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A rule whose {@code rule-type} is missing or not one DMS knows. It is kept as written so that a round trip loses
 * nothing and validation can name it; DMS rejects such a document.
 */
public final class UnknownRule extends AbstractRule implements Rule {

    UnknownRule(ObjectNode node) {
        super(node);
    }

    @Override
    public UnknownRule withRuleId(String id) {
        return with("rule-id", id, UnknownRule::new);
    }

    @Override
    public UnknownRule withRuleName(String name) {
        return with("rule-name", name, UnknownRule::new);
    }
}
