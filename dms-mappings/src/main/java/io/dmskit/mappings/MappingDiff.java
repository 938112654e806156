package io.dmskit.mappings;

import io.dmskit.mappings.internal.Args;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What changed between two table mappings, rule by rule, the way a reviewer reads a diff
 * ({@link TableMappings#diffFrom(TableMappings)}).
 *
 * <p>Rules are put in the order DMS reads them (by rule-id; DMS applies the transformation with the lower rule-id
 * first when several apply to one object) and aligned by meaning, not by rule-id: a rule's identity is its
 * {@code rule-type}, {@code rule-target}, {@code object-locator} and {@code rule-action}, then its
 * {@code rule-name}. So inserting one rule in the middle is one {@link RuleChange.Kind#ADDED} entry, not a change of
 * every later rule. Rules paired this way are {@link RuleChange.Kind#CHANGED} when a field's meaning differs (only
 * those fields are listed) and {@link RuleChange.Kind#MOVED} when their place among the others changed (the fewest
 * moves that explain the new order, as in a longest-common-subsequence diff). A rule that keeps its meaning and
 * place but got another rule-id (renumbering) is not a change: DMS uses rule-ids only to order rules and to name
 * them in errors. Differences DMS ignores (key order, echoed nulls, numbers written as strings, default values,
 * order of ANDed filters) are not reported either.
 *
 * <pre>{@code
 * MappingDiff diff = desired.diffFrom(TableMappings.fromJsonLenient(task.tableMappings()));
 * diff.changes().forEach(System.out::println);   // + rule 3 'exclude-shop-audit': {...}
 * }</pre>
 *
 * @param changes the rule changes, in the newer mappings' order with removed rules where they were
 * @param documentChanges changed document-level keys besides {@code rules} (rare), as fields
 */
public record MappingDiff(List<RuleChange> changes, List<RuleChange.Field> documentChanges) {

    /** Copies the lists. */
    public MappingDiff {
        changes = Args.list(Args.required(changes, "MappingDiff: changes"), "MappingDiff: changes");
        documentChanges = Args.list(Args.required(documentChanges, "MappingDiff: documentChanges"),
                "MappingDiff: documentChanges");
    }

    /** {@return a diff without changes} */
    public static MappingDiff none() {
        return new MappingDiff(List.of(), List.of());
    }

    /**
     * {@return the differences}
     *
     * @param before the older mappings (for example what DMS reports for a task)
     * @param after the newer mappings (for example the definition)
     */
    public static MappingDiff between(TableMappings before, TableMappings after) {
        return RuleDiffer.diff(Args.required(before, "MappingDiff: before"), Args.required(after, "MappingDiff: after"));
    }

    /** {@return whether both mappings mean the same to DMS (rule-ids may still differ)} */
    public boolean isEmpty() {
        return changes.isEmpty() && documentChanges.isEmpty();
    }

    /**
     * {@return the changes of that kind}
     *
     * @param kind a kind
     */
    public List<RuleChange> changes(RuleChange.Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).toList();
    }

    /** {@return e.g. {@code 1 added, 2 changed}; {@code no changes} when empty} */
    public String summary() {
        if (isEmpty()) {
            return "no changes";
        }
        Map<RuleChange.Kind, Long> n = changes.stream().collect(Collectors.groupingBy(RuleChange::kind,
                () -> new EnumMap<>(RuleChange.Kind.class), Collectors.counting()));
        String s = n.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(
                java.util.Locale.ROOT)).collect(Collectors.joining(", "));
        if (!documentChanges.isEmpty()) {
            s = (s.isEmpty() ? "" : s + ", ") + documentChanges.size() + " document "
                    + (documentChanges.size() == 1 ? "property" : "properties") + " changed";
        }
        return s;
    }

    /** {@return one line per change ({@link RuleChange#toString()}), document properties last} */
    public List<String> lines() {
        List<String> out = new java.util.ArrayList<>(changes.stream().map(RuleChange::toString).toList());
        documentChanges.forEach(f -> out.add("~ " + f));
        return out;
    }

    /** {@return {@link #lines()}, one per line} */
    @Override
    public String toString() {
        return isEmpty() ? "no changes" : String.join("\n", lines());
    }
}
