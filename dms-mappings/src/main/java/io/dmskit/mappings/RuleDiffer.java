package io.dmskit.mappings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dmskit.mappings.internal.JsonTree;
import io.dmskit.mappings.internal.Nodes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Computes a {@link MappingDiff}: orders both rule lists as DMS reads them, pairs rules by meaning in three passes
 * (identity and name, identity alone, then a rule-name unique on both sides), finds the pairs that keep their
 * relative order (a longest increasing subsequence, which is what an LCS alignment of the paired rules keeps), and
 * reports the rest as moved; unpaired rules are added or removed.
 */
final class RuleDiffer {

    private RuleDiffer() {
    }

    static MappingDiff diff(TableMappings before, TableMappings after) {
        List<Rule> old = dmsOrder(before.rules());
        List<Rule> now = dmsOrder(after.rules());
        int[] partnerOfNew = new int[now.size()];
        int[] partnerOfOld = new int[old.size()];
        Arrays.fill(partnerOfNew, -1);
        Arrays.fill(partnerOfOld, -1);
        pair(old, now, partnerOfOld, partnerOfNew, r -> identity(r) + "\u0000" + r.ruleName(), false);
        pair(old, now, partnerOfOld, partnerOfNew, RuleDiffer::identity, false);
        pair(old, now, partnerOfOld, partnerOfNew, r -> r.ruleName() == null ? null
                : lower(r.ruleType()) + "\u0000" + r.ruleName(), true);
        boolean[] inOrder = keptInOrder(partnerOfNew);

        List<RuleChange> out = new ArrayList<>();
        int nextOld = 0;
        for (int j = 0; j < now.size(); j++) {
            int i = partnerOfNew[j];
            if (i >= 0 && inOrder[j]) {
                // removed rules that stood before this one's old place come first, where they were
                for (; nextOld < i; nextOld++) {
                    if (partnerOfOld[nextOld] < 0) {
                        out.add(removed(old.get(nextOld)));
                    }
                }
                nextOld = i + 1;
            }
            Rule r = now.get(j);
            if (i < 0) {
                out.add(new RuleChange(RuleChange.Kind.ADDED, Optional.empty(), Optional.of(r), List.of()));
                continue;
            }
            List<RuleChange.Field> fields = new ArrayList<>();
            fields(AbstractRule.nodeOf(old.get(i)), AbstractRule.nodeOf(r), "", "", fields, true);
            if (!inOrder[j]) {
                out.add(new RuleChange(RuleChange.Kind.MOVED, Optional.of(old.get(i)), Optional.of(r), fields));
            } else if (!fields.isEmpty()) {
                out.add(new RuleChange(RuleChange.Kind.CHANGED, Optional.of(old.get(i)), Optional.of(r), fields));
            }
        }
        for (; nextOld < old.size(); nextOld++) {
            if (partnerOfOld[nextOld] < 0) {
                out.add(removed(old.get(nextOld)));
            }
        }
        List<RuleChange.Field> document = new ArrayList<>();
        fields(before.extrasNode(), after.extrasNode(), "", "", document, false);
        return new MappingDiff(out, document);
    }

    private static RuleChange removed(Rule r) {
        return new RuleChange(RuleChange.Kind.REMOVED, Optional.of(r), Optional.empty(), List.of());
    }

    /** Rules by rule-id as DMS orders them; rules without an id, or with equal ids, keep document order. */
    private static List<Rule> dmsOrder(List<Rule> rules) {
        List<Rule> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparing(RuleDiffer::canonicalId, Comparator.nullsLast(RuleIds.ORDER)));
        return sorted;
    }

    static boolean sameId(Rule a, Rule b) {
        String x = canonicalId(a);
        String y = canonicalId(b);
        return x == null ? y == null : x.equals(y);
    }

    private static String canonicalId(Rule r) {
        String id = r.ruleId();
        return id != null && Nodes.isDigits(id) ? Nodes.stripLeadingZeros(id) : id;
    }

    /** What a rule is about: type, target, locator and action, compared by meaning. */
    private static String identity(Rule r) {
        ObjectNode n = AbstractRule.nodeOf(r);
        JsonNode locator = n.get("object-locator");
        return lower(r.ruleType()) + "\u0000" + lower(Nodes.text(n, "rule-target")) + "\u0000"
                + (locator == null ? "" : Canonical.node(locator)) + "\u0000" + lower(r.ruleAction());
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    /**
     * Pairs still-unpaired rules whose keys are equal, in order of appearance.
     *
     * @param uniqueOnly pair only keys that occur once among the unpaired rules of each side
     */
    private static void pair(List<Rule> old, List<Rule> now, int[] partnerOfOld, int[] partnerOfNew,
                             Function<Rule, String> key, boolean uniqueOnly) {
        Map<String, List<Integer>> waiting = new HashMap<>();
        for (int i = 0; i < old.size(); i++) {
            String k = partnerOfOld[i] < 0 ? key.apply(old.get(i)) : null;
            if (k != null) {
                waiting.computeIfAbsent(k, x -> new ArrayList<>()).add(i);
            }
        }
        Map<String, Integer> newCount = new HashMap<>();
        if (uniqueOnly) {
            for (int j = 0; j < now.size(); j++) {
                String k = partnerOfNew[j] < 0 ? key.apply(now.get(j)) : null;
                if (k != null) {
                    newCount.merge(k, 1, Integer::sum);
                }
            }
        }
        for (int j = 0; j < now.size(); j++) {
            String k = partnerOfNew[j] < 0 ? key.apply(now.get(j)) : null;
            List<Integer> candidates = k == null ? null : waiting.get(k);
            if (candidates == null || candidates.isEmpty()
                    || uniqueOnly && (candidates.size() != 1 || newCount.get(k) != 1)) {
                continue;
            }
            int i = candidates.remove(0);
            partnerOfOld[i] = j;
            partnerOfNew[j] = i;
        }
    }

    /**
     * {@return for each new rule, whether it belongs to the longest run of pairs that kept their relative order}
     *
     * @param partnerOfNew for each new rule, the index of its old partner or -1
     */
    private static boolean[] keptInOrder(int[] partnerOfNew) {
        int n = partnerOfNew.length;
        int[] tails = new int[n];      // tails[k]: index j ending the best run of length k+1
        int[] prev = new int[n];
        int len = 0;
        for (int j = 0; j < n; j++) {
            int i = partnerOfNew[j];
            if (i < 0) {
                continue;
            }
            int lo = 0;
            int hi = len;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (partnerOfNew[tails[mid]] < i) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            prev[j] = lo > 0 ? tails[lo - 1] : -1;
            tails[lo] = j;
            len = Math.max(len, lo + 1);
        }
        boolean[] kept = new boolean[n];
        for (int j = len == 0 ? -1 : tails[len - 1]; j >= 0; j = prev[j]) {
            kept[j] = true;
        }
        return kept;
    }

    /** Collects the fields whose meaning differs; {@code rule-id} is compared by the caller (order), not here. */
    private static void fields(JsonNode a, JsonNode b, String path, String key, List<RuleChange.Field> out,
                               boolean rule) {
        if (a != null && b != null && a.isObject() && b.isObject()) {
            TreeSet<String> keys = new TreeSet<>();
            a.fieldNames().forEachRemaining(keys::add);
            b.fieldNames().forEachRemaining(keys::add);
            for (String k : keys) {
                if (rule && path.isEmpty() && k.equals("rule-id")) {
                    continue;
                }
                fields(a.get(k), b.get(k), path.isEmpty() ? k : path + "." + k, k, out, rule);
            }
            return;
        }
        String ca = Canonical.value(a, key);
        String cb = Canonical.value(b, key);
        if (ca.equals(cb)) {
            return;
        }
        if (a != null && b != null && a.isArray() && b.isArray() && a.size() == b.size()) {
            List<JsonNode> xs = Canonical.ordered(a, key);
            List<JsonNode> ys = Canonical.ordered(b, key);
            for (int k = 0; k < xs.size(); k++) {
                fields(xs.get(k), ys.get(k), path + "[" + k + "]", key, out, rule);
            }
            return;
        }
        out.add(new RuleChange.Field(path, display(a, ca), display(b, cb)));
    }

    private static Optional<String> display(JsonNode v, String canonical) {
        if (canonical.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(v.isValueNode() ? v.asText() : JsonTree.write(v));
    }

    /** {@return a rule's content without rule-id and rule-name, as compact JSON} */
    static String content(Rule r) {
        ObjectNode copy = AbstractRule.nodeOf(r).deepCopy();
        copy.remove("rule-id");
        copy.remove("rule-name");
        Iterator<Map.Entry<String, JsonNode>> it = copy.fields();
        while (it.hasNext()) {
            if (it.next().getValue().isNull()) {
                it.remove();
            }
        }
        return JsonTree.write(copy);
    }
}
