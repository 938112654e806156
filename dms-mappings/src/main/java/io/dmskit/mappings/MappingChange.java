package io.dmskit.mappings;

/**
 * One rule-level difference between two table mappings, from {@link TableMappings#changesFrom(TableMappings)}.
 * Differences DMS ignores (key order, echoed nulls, numbers written as strings, rule order) are not reported.
 *
 * @param kind whether the rule was added, removed or changed
 * @param ruleId the rule-id (as written in the newer mappings, or the older one for removals)
 * @param ruleName the rule-name
 * @param detail what changed, for example {@code rule-action: include -> exclude}
 */
public record MappingChange(Kind kind, String ruleId, String ruleName, String detail) {

    /** The kind of change. */
    public enum Kind {
        /** The rule-id exists only in the newer mappings. */
        ADDED,
        /** The rule-id exists only in the older mappings. */
        REMOVED,
        /** The rule-id exists in both, with a different meaning. */
        CHANGED
    }

    @Override
    public String toString() {
        return kind + " rule " + ruleId + " (" + ruleName + ")" + (detail == null || detail.isEmpty() ? ""
                : ": " + detail);
    }
}
