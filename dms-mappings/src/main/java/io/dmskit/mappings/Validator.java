package io.dmskit.mappings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dmskit.mappings.internal.Nodes;
import io.dmskit.mappings.internal.SourcePositions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Every offline check of a table-mapping document (reference §15), reporting all problems at once. */
final class Validator {
    static final long MAX_BYTES = 2L * 1024 * 1024;

    static final Set<String> DATA_TYPES = Set.of("bytes", "date", "time", "datetime", "int1", "int2", "int4", "int8",
            "numeric", "real4", "real8", "string", "uint1", "uint2", "uint4", "uint8", "wstring", "blob", "nclob",
            "clob", "boolean", "set", "list", "map", "tuple");

    private static final Map<TransformationAction, Set<RuleTarget>> TARGETS = targets();
    /** Locator keys holding names (or name patterns): DMS has no object with an empty name. */
    private static final List<String> LOCATOR_NAMES = List.of("schema-name", "table-name", "column-name",
            "table-tablespace-name", "index-tablespace-name");

    private static Map<TransformationAction, Set<RuleTarget>> targets() {
        Map<TransformationAction, Set<RuleTarget>> targets = new HashMap<>();
        Set<RuleTarget> names = EnumSet.of(RuleTarget.SCHEMA, RuleTarget.TABLE, RuleTarget.COLUMN);
        targets.put(TransformationAction.RENAME, EnumSet.allOf(RuleTarget.class));
        for (TransformationAction a : List.of(TransformationAction.CONVERT_LOWERCASE,
                TransformationAction.CONVERT_UPPERCASE, TransformationAction.ADD_PREFIX,
                TransformationAction.REMOVE_PREFIX, TransformationAction.REPLACE_PREFIX,
                TransformationAction.ADD_SUFFIX, TransformationAction.REMOVE_SUFFIX,
                TransformationAction.REPLACE_SUFFIX)) {
            targets.put(a, names);
        }
        for (TransformationAction a : List.of(TransformationAction.ADD_COLUMN, TransformationAction.REMOVE_COLUMN,
                TransformationAction.INCLUDE_COLUMN, TransformationAction.CHANGE_DATA_TYPE,
                TransformationAction.ADD_BEFORE_IMAGE_COLUMNS, TransformationAction.DATA_MASKING_DIGITS_MASK,
                TransformationAction.DATA_MASKING_DIGITS_RANDOMIZE, TransformationAction.DATA_MASKING_HASH_MASK)) {
            targets.put(a, EnumSet.of(RuleTarget.COLUMN));
        }
        targets.put(TransformationAction.DEFINE_PRIMARY_KEY, EnumSet.of(RuleTarget.TABLE));
        Map<TransformationAction, Set<RuleTarget>> frozen = new HashMap<>();
        targets.forEach((k, v) -> frozen.put(k, java.util.Collections.unmodifiableSet(EnumSet.copyOf(v))));
        return Map.copyOf(frozen);
    }

    private final List<Rule> rules;
    private final SourcePositions pos;
    private final String rulesPath;
    private final List<MappingProblem> out = new ArrayList<>();

    private Rule rule;
    private String base;

    private Validator(List<Rule> rules, SourcePositions pos, String rulesPath) {
        this.rules = rules;
        this.pos = pos == null ? SourcePositions.NONE : pos;
        this.rulesPath = rulesPath;
    }

    static List<MappingProblem> validate(TableMappings m, SourcePositions pos, String compactJson) {
        Validator v = new Validator(m.rules(), pos, "$.rules");
        v.document(compactJson);
        List<MappingProblem> sorted = new ArrayList<>(v.out);
        sorted.sort(java.util.Comparator.comparingInt(Validator::ruleIndex)); // stable: document order per rule
        return List.copyOf(sorted);
    }

    /** Validates one rule standing alone (a bare rule object), with paths relative to "$". */
    static List<MappingProblem> validateBareRule(Rule r, SourcePositions pos) {
        Validator v = new Validator(List.of(r), pos, null);
        v.checkRule(0, r);
        return List.copyOf(v.out);
    }

    /** The rule index a problem's path points into, -1 for document-level problems. */
    private static int ruleIndex(MappingProblem p) {
        String path = p.path();
        if (path == null || !path.startsWith("$.rules[")) {
            return -1;
        }
        int end = path.indexOf(']');
        try {
            return Integer.parseInt(path.substring("$.rules[".length(), end));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    // ---------------------------------------------------------------- document

    private void document(String compactJson) {
        rule = null;
        if (rules.isEmpty()) {
            docError("$.rules", "The document has no rules. Add at least one selection rule, for example "
                    + "{\"rule-type\": \"selection\", \"rule-id\": \"1\", \"rule-name\": \"include-all\", "
                    + "\"object-locator\": {\"schema-name\": \"%\", \"table-name\": \"%\"}, "
                    + "\"rule-action\": \"include\"}.");
        } else if (rules.stream().noneMatch(r -> r instanceof SelectionRule)) {
            String ids = rules.stream().map(r -> r.ruleId() + " (" + r.ruleName() + ")")
                    .collect(Collectors.joining(", "));
            docError("$.rules", "The document has no selection rule (its rules are " + ids + ", none of type "
                    + "selection). DMS requires at least one selection rule saying which tables to replicate: add one "
                    + "with rule-type \"selection\" and rule-action \"include\".");
        }
        Map<String, Integer> ids = new HashMap<>();
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            rule = r;
            base = rulesPath + "[" + i + "]";
            String id = r.ruleId();
            if (id != null && Nodes.isDigits(id)) {
                String key = Nodes.stripLeadingZeros(id);
                Integer first = ids.putIfAbsent(key, i);
                if (first != null) {
                    error("rule-id", "rule-id " + id + " is already used by " + describe(first)
                            + ". Every rule needs a unique rule-id; give this rule an unused number.");
                }
            }
            String name = r.ruleName();
            if (name != null) {
                Integer first = names.putIfAbsent(name, i);
                if (first != null) {
                    warning("rule-name", "rule-name \"" + name + "\" is also used by " + describe(first)
                            + ". DMS accepts duplicate names, but unique names make task logs and errors readable.");
                }
            }
        }
        for (int i = 0; i < rules.size(); i++) {
            checkRule(i, rules.get(i));
        }
        oneActionPerObject();
        rule = null;
        if (compactJson != null) {
            long bytes = compactJson.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > MAX_BYTES) {
                docError("$", "The document is " + bytes + " bytes as compact JSON; DMS accepts table mappings of at "
                        + "most 2 MB (" + MAX_BYTES + " bytes). Split the tables across several tasks, or use "
                        + "wildcards instead of one rule per table.");
            }
        }
    }

    private String describe(int index) {
        Rule r = rules.get(index);
        return "rule #" + (index + 1) + " (rule-id " + r.ruleId() + ", rule-name \"" + r.ruleName() + "\")";
    }

    private void oneActionPerObject() {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            if (!(rules.get(i) instanceof TransformationRule t) || t.action().isEmpty() || t.target().isEmpty()) {
                continue;
            }
            TransformationAction a = t.action().get();
            JsonNode loc = AbstractRule.nodeOf(t).get("object-locator");
            if (loc == null) {
                continue;
            }
            String group;
            if (isMasking(a)) {
                group = "mask";
            } else if (a == TransformationAction.ADD_COLUMN) {
                group = "add-column:" + t.value().orElse("");
            } else if (a == TransformationAction.CHANGE_DATA_TYPE) {
                group = "type";
            } else if (a == TransformationAction.DEFINE_PRIMARY_KEY || a == TransformationAction.ADD_BEFORE_IMAGE_COLUMNS) {
                group = a.wireValue();
            } else {
                group = "name";
            }
            String key = t.target().get() + "|" + canonicalLocator(loc, t.target().get()) + "|" + group;
            Integer first = seen.putIfAbsent(key, i);
            if (first != null) {
                rule = t;
                base = rulesPath + "[" + i + "]";
                warning("rule-action", "This " + a + " rule hits the same " + t.target().get()
                        + " (same object-locator) as " + describe(first) + ". DMS applies only one transformation "
                        + "action per object, the one with the lower rule-id; merge the rules or drop one.");
            }
        }
    }

    private static String canonicalLocator(JsonNode loc, RuleTarget target) {
        if (!loc.isObject()) {
            return loc.toString();
        }
        List<String> keys = new ArrayList<>();
        loc.fieldNames().forEachRemaining(keys::add);
        if (target == RuleTarget.SCHEMA) {
            keys.retainAll(List.of("schema-name"));
        } else if (target == RuleTarget.TABLE) {
            keys.retainAll(List.of("schema-name", "table-name", "table-type"));
        }
        keys.sort(null);
        StringBuilder sb = new StringBuilder();
        for (String k : keys) {
            sb.append(k).append('=').append(Nodes.text(loc, k)).append(';');
        }
        return sb.toString();
    }

    private static boolean isMasking(TransformationAction a) {
        return a == TransformationAction.DATA_MASKING_DIGITS_MASK || a == TransformationAction.DATA_MASKING_HASH_MASK
                || a == TransformationAction.DATA_MASKING_DIGITS_RANDOMIZE;
    }

    // ---------------------------------------------------------------- rules

    private void checkRule(int i, Rule r) {
        rule = r;
        base = rulesPath == null ? "$" : rulesPath + "[" + i + "]";
        ObjectNode n = AbstractRule.nodeOf(r);
        String id = r.ruleId();
        if (id == null) {
            error("rule-id", "The rule has no rule-id. Add a unique number as a string, for example \"rule-id\": \""
                    + (i + 1) + "\".");
        } else if (id.isEmpty()) {
            error("rule-id", "rule-id is empty. Give the rule a unique number written as a digit string, for "
                    + "example \"rule-id\": \"" + (i + 1) + "\" (or leave the DSL's id unset to number rules in order).");
        } else if (!Nodes.isDigits(id)) {
            error("rule-id", "rule-id \"" + id + "\" is not a number. DMS rule-ids are unique numeric values written "
                    + "as digit strings, for example \"" + (i + 1) + "\"; move the text to rule-name.");
        }
        if ("".equals(r.ruleName())) {
            error("rule-name", "rule-name is empty. Give the rule a unique name, for example \"rule-name\": \""
                    + (id == null || id.isEmpty() ? String.valueOf(i + 1) : id) + "\" (or leave the DSL's name unset to "
                    + "derive one).");
        } else if (r.ruleName() == null) {
            // DMS documents rule-name as the rule's unique name but the issue's list of rejections does not include a
            // missing one, and generators emit documents without it: warn, so such documents still load.
            warning("rule-name", "The rule has no rule-name. Add a unique name, for example \"rule-name\": \""
                    + (id == null ? String.valueOf(i + 1) : id) + "\".");
        }
        if (r instanceof SelectionRule s) {
            selection(s, n);
        } else if (r instanceof TransformationRule t) {
            transformation(t, n);
        } else if (r instanceof TableSettingsRule t) {
            tableSettings(n);
        } else if (r instanceof PostProcessingRule p) {
            postProcessing(p, n);
        } else if (r instanceof ObjectMappingRule o) {
            objectMapping(o, n);
        } else {
            String type = r.ruleType();
            if (type == null) {
                error("rule-type", "The rule has no rule-type. Set it to one of " + wires(RuleType.values()) + ".");
            } else {
                error("rule-type", "Unknown rule-type \"" + type + "\". Use one of " + wires(RuleType.values()) + ".");
            }
        }
    }

    private ObjectNode locator(ObjectNode n, boolean needTable) {
        JsonNode l = n.get("object-locator");
        if (l == null) {
            error("object-locator", "The rule has no object-locator. Add one naming the objects it applies to, for "
                    + "example \"object-locator\": {\"schema-name\": \"%\", \"table-name\": \"%\"}.");
            return null;
        }
        if (!l.isObject()) {
            error("object-locator", "object-locator must be a JSON object such as {\"schema-name\": \"hr\", "
                    + "\"table-name\": \"%\"}.");
            return null;
        }
        ObjectNode o = (ObjectNode) l;
        for (String f : LOCATOR_NAMES) {
            if ("".equals(Nodes.text(o, f))) {
                errorAt(o, "object-locator." + f, f, "The object-locator's " + f + " is empty. Name the "
                        + f.substring(0, f.length() - "-name".length()).replace('-', ' ') + " (DMS wildcards: \"%\" "
                        + "for any), or remove the key.");
            }
        }
        if ("".equals(Nodes.text(o, "data-type"))) {
            errorAt(o, "object-locator.data-type", "data-type", "The object-locator's data-type is empty. Name a "
                    + "source data type such as \"uint1\", or remove the key.");
        }
        if (Nodes.text(o, "schema-name") == null) {
            errorAt(o, "object-locator.schema-name", "schema-name", "The object-locator has no schema-name. Add "
                    + "\"schema-name\" (use \"%\" for every schema).");
        }
        if (needTable && Nodes.text(o, "table-name") == null) {
            errorAt(o, "object-locator.table-name", "table-name", "The object-locator has no table-name. Add "
                    + "\"table-name\" (use \"%\" for every table).");
        }
        return o;
    }

    private void selection(SelectionRule s, ObjectNode n) {
        String action = s.ruleAction();
        if (action == null) {
            error("rule-action", "The selection rule has no rule-action. Set \"rule-action\" to "
                    + wires(SelectionAction.values()) + ".");
        } else if (s.action().isEmpty()) {
            error("rule-action", "Unknown selection rule-action \"" + action + "\". Use "
                    + wires(SelectionAction.values()) + ".");
        }
        ObjectNode loc = locator(n, true);
        String schema = Nodes.text(loc, "schema-name");
        String table = Nodes.text(loc, "table-name");
        if (loc != null && s.action().orElse(null) == SelectionAction.EXPLICIT) {
            if (Wildcards.hasPercent(schema)) {
                errorAt(loc, "object-locator.schema-name", "schema-name", "An explicit selection names exactly one "
                        + "table: schema-name \"" + schema + "\" must not contain the wildcard %. Use include for "
                        + "patterns.");
            }
            if (Wildcards.hasPercent(table)) {
                errorAt(loc, "object-locator.table-name", "table-name", "An explicit selection names exactly one "
                        + "table: table-name \"" + table + "\" must not contain the wildcard %. Use include for "
                        + "patterns.");
            }
        }
        String tableType = Nodes.text(loc, "table-type");
        if (tableType != null && TableType.fromWire(tableType).isEmpty()) {
            errorAt(loc, "object-locator.table-type", "table-type", "Unknown table-type \"" + tableType + "\". Use "
                    + wires(TableType.values()) + " (default table).");
        }
        if (n.has("load-order")) {
            String lo = Nodes.text(n, "load-order");
            Long v = Nodes.longValue(n, "load-order");
            if ("".equals(lo)) {
                warning("load-order", "load-order is empty and has no effect; remove it or set a positive integer.");
            } else if (v == null || v < 0 || v > Integer.MAX_VALUE) {
                error("load-order", "load-order " + (lo == null ? n.get("load-order") : "\"" + lo + "\"")
                        + " is not a valid load order. Use a positive integer up to 2147483647 (higher loads first).");
            }
        }
        for (String misplaced : List.of("lob-settings", "parallel-load")) {
            if (n.has(misplaced)) {
                warning(misplaced, misplaced + " has no effect on a selection rule. Move it to a table-settings rule "
                        + "for the same schema and table.");
            }
        }
        JsonNode filters = n.get("filters");
        if (filters == null) {
            return;
        }
        if (!filters.isArray()) {
            error("filters", "filters must be a JSON array of filter objects.");
            return;
        }
        if (filters.isEmpty()) {
            return;
        }
        if (s.action().orElse(null) == SelectionAction.EXCLUDE) {
            error("filters", "Source filters apply only to include selections; this rule excludes. Remove the "
                    + "filters or change rule-action to include.");
        }
        if (Wildcards.hasPercent(schema) || Wildcards.hasPercent(table)) {
            error("filters", "Source filters need exact table names, but the object-locator is \"" + schema + "\".\""
                    + table + "\". Name one table without %, or move the filter to a rule for that table.");
        }
        for (int f = 0; f < filters.size(); f++) {
            filter(filters.get(f), "filters[" + f + "]");
        }
    }

    private void filter(JsonNode f, String path) {
        if (!f.isObject()) {
            error(path, "A filter must be a JSON object with filter-type, column-name and filter-conditions.");
            return;
        }
        ObjectNode o = (ObjectNode) f;
        String type = Nodes.text(o, "filter-type");
        if (type == null) {
            warningAt(o, path + ".filter-type", "filter-type", "The filter has no filter-type; add "
                    + "\"filter-type\": \"source\".");
        } else if (!type.equals("source")) {
            errorAt(o, path + ".filter-type", "filter-type", "Unknown filter-type \"" + type + "\"; DMS supports "
                    + "\"source\".");
        }
        String filterColumn = Nodes.text(o, "column-name");
        if (filterColumn == null || filterColumn.isEmpty()) {
            errorAt(o, path + ".column-name", "column-name", "The filter " + (filterColumn == null ? "has no "
                    + "column-name" : "has an empty column-name") + ". Name the source column the conditions apply "
                    + "to.");
        }
        JsonNode conds = o.get("filter-conditions");
        if (conds == null || !conds.isArray() || conds.isEmpty()) {
            errorAt(o, path + ".filter-conditions", "filter-conditions", "The filter needs a non-empty "
                    + "filter-conditions array, for example [{\"filter-operator\": \"eq\", \"value\": \"EU\"}].");
            return;
        }
        List<String> negatives = new ArrayList<>();
        for (int c = 0; c < conds.size(); c++) {
            String cp = path + ".filter-conditions[" + c + "]";
            JsonNode cn = conds.get(c);
            if (!cn.isObject()) {
                error(cp, "A filter condition must be a JSON object with filter-operator and its values.");
                continue;
            }
            ObjectNode co = (ObjectNode) cn;
            String op = Nodes.text(co, "filter-operator");
            if (op == null) {
                errorAt(co, cp + ".filter-operator", "filter-operator", "The condition has no filter-operator. Use "
                        + "one of lte, gte, eq, noteq, between, notbetween, null, notnull.");
                continue;
            }
            FilterOperator fo = FilterOperator.fromWire(op).orElse(null);
            if (fo == null) {
                String hint = op.equals("lt") || op.equals("gt")
                        ? " DMS has no strict comparisons; use " + (op.equals("lt") ? "lte" : "gte") + " with an "
                                + "adjusted value."
                        : "";
                errorAt(co, cp + ".filter-operator", "filter-operator", "Unknown filter-operator \"" + op + "\". Use "
                        + "one of lte, gte, eq, noteq, between, notbetween, null, notnull." + hint);
                continue;
            }
            switch (fo) {
                case STE:
                    warningAt(co, cp + ".filter-operator", "filter-operator", "filter-operator \"ste\" is the legacy "
                            + "spelling of \"lte\"; write \"lte\".");
                    requireValue(co, cp, "value", op);
                    break;
                case LTE:
                case GTE:
                case EQ:
                case NOTEQ:
                    requireValue(co, cp, "value", op);
                    break;
                case BETWEEN:
                case NOTBETWEEN:
                    requireValue(co, cp, "start-value", op);
                    requireValue(co, cp, "end-value", op);
                    break;
                default:
                    if (co.has("value") || co.has("start-value") || co.has("end-value")) {
                        warningAt(co, cp, "value", "filter-operator \"" + op + "\" takes no value; the value is "
                                + "ignored. Remove it.");
                    }
            }
            if (fo == FilterOperator.NOTEQ || fo == FilterOperator.NOTBETWEEN || fo == FilterOperator.NOTNULL) {
                negatives.add(op);
            }
        }
        if (!negatives.isEmpty() && conds.size() > 1) {
            errorAt(o, path + ".filter-conditions", "filter-conditions", "A negative operator (" + negatives.get(0)
                    + ") must be the only condition of its filter, but this filter has " + conds.size()
                    + " conditions. Put each negative condition in its own filter on the same column (filters are "
                    + "ANDed).");
        }
    }

    private void requireValue(ObjectNode co, String cp, String field, String op) {
        if (Nodes.text(co, field) == null) {
            errorAt(co, cp + "." + field, field, "filter-operator \"" + op + "\" needs \"" + field + "\".");
        }
    }

    private void transformation(TransformationRule t, ObjectNode n) {
        String action = t.ruleAction();
        TransformationAction a = t.action().orElse(null);
        if (action == null) {
            error("rule-action", "The transformation rule has no rule-action. Set \"rule-action\" to one of "
                    + wires(TransformationAction.values()) + ".");
        } else if (a == null) {
            error("rule-action", "Unknown transformation rule-action \"" + action + "\". Use one of "
                    + wires(TransformationAction.values()) + ".");
        }
        String targetText = t.ruleTarget();
        RuleTarget target = t.target().orElse(null);
        if (targetText == null) {
            if (a != null && TARGETS.get(a).size() == 1) {
                RuleTarget only = TARGETS.get(a).iterator().next();
                warning("rule-target", "The rule has no rule-target; " + a + " only works on " + only
                        + ". Add \"rule-target\": \"" + only + "\".");
                target = only;
            } else {
                error("rule-target", "The transformation rule has no rule-target. Set \"rule-target\" to one of "
                        + wires(RuleTarget.values()) + ".");
            }
        } else if (target == null) {
            error("rule-target", "Unknown rule-target \"" + targetText + "\". Use one of "
                    + wires(RuleTarget.values()) + ".");
        }
        if (a != null && target != null && !TARGETS.get(a).contains(target)) {
            Set<RuleTarget> ok = TARGETS.get(a);
            String msg = "rule-action " + a + " does not work with rule-target " + target + "; it needs "
                    + ok.stream().map(RuleTarget::wireValue).collect(Collectors.joining(" or ")) + ".";
            if (a == TransformationAction.DEFINE_PRIMARY_KEY && target == RuleTarget.COLUMN) {
                warning("rule-target", msg + " Set \"rule-target\": \"table\" and drop column-name from the locator.");
            } else {
                error("rule-target", msg);
            }
        }
        boolean needTable = target != null && target != RuleTarget.SCHEMA;
        ObjectNode loc = locator(n, needTable);
        if (loc != null) {
            boolean tts = loc.has("table-tablespace-name");
            boolean its = loc.has("index-tablespace-name");
            if (tts && its) {
                error("object-locator", "The object-locator has both table-tablespace-name and index-tablespace-name; "
                        + "a rule may name only one. Split it into two rules.");
            }
            if (target == RuleTarget.TABLE_TABLESPACE && !tts) {
                error("object-locator", "rule-target table-tablespace needs \"table-tablespace-name\" in the "
                        + "object-locator.");
            }
            if (target == RuleTarget.INDEX_TABLESPACE && !its) {
                error("object-locator", "rule-target index-tablespace needs \"index-tablespace-name\" in the "
                        + "object-locator.");
            }
            if (target == RuleTarget.COLUMN && a != null && needsColumnName(a) && Nodes.text(loc, "column-name") == null
                    && Nodes.text(loc, "data-type") == null) {
                String msg = a + " on columns needs \"column-name\" in the object-locator (use \"%\" for every "
                        + "column).";
                if (a == TransformationAction.RENAME || a == TransformationAction.REMOVE_COLUMN
                        || a == TransformationAction.INCLUDE_COLUMN || a == TransformationAction.CHANGE_DATA_TYPE
                        || isMasking(a)) {
                    errorAt(loc, "object-locator.column-name", "column-name", msg);
                } else {
                    warningAt(loc, "object-locator.column-name", "column-name", msg);
                }
            }
            if (a == TransformationAction.DEFINE_PRIMARY_KEY) {
                for (String f : List.of("schema-name", "table-name")) {
                    String v = Nodes.text(loc, f);
                    if (Wildcards.hasPercent(v)) {
                        errorAt(loc, "object-locator." + f, f, "define-primary-key needs exact names: " + f + " \""
                                + v + "\" must not contain %.");
                    }
                }
            }
        }
        if (a == null) {
            return;
        }
        if (n.has("expression")) {
            String expr = Nodes.text(n, "expression");
            if (expr == null || expr.isBlank()) {
                error("expression", "expression is empty. Write a SQLite expression such as \"$FIRST_NAME||' '||"
                        + "$LAST_NAME\", or remove the key.");
            } else if (a != TransformationAction.ADD_COLUMN && a != TransformationAction.CHANGE_DATA_TYPE) {
                warning("expression", "DMS documents expressions only for add-column; " + a + " may ignore it. "
                        + "Compute the value in an add-column rule instead.");
            }
        }
        switch (a) {
            case RENAME:
            case ADD_PREFIX:
            case REMOVE_PREFIX:
            case ADD_SUFFIX:
            case REMOVE_SUFFIX:
                requireText(n, "value", a + " needs \"value\" (" + (a == TransformationAction.RENAME ? "the new name"
                        : "the " + (a.wireValue().endsWith("prefix") ? "prefix" : "suffix")) + ").");
                break;
            case REPLACE_PREFIX:
            case REPLACE_SUFFIX:
                requireText(n, "value", a + " needs \"value\" (the new " + part(a) + ").");
                requireText(n, "old-value", a + " needs \"old-value\" (the " + part(a) + " to replace).");
                break;
            case ADD_COLUMN:
                requireText(n, "value", "add-column needs \"value\": the name of the new column.");
                requireDataType(n, "add-column");
                break;
            case CHANGE_DATA_TYPE:
                requireDataType(n, "change-data-type");
                break;
            case DEFINE_PRIMARY_KEY:
                primaryKeyDef(n);
                break;
            case ADD_BEFORE_IMAGE_COLUMNS:
                beforeImageDef(n);
                break;
            case DATA_MASKING_DIGITS_MASK:
                String v = Nodes.text(n, "value");
                if (v == null) {
                    error("value", "data-masking-digits-mask needs \"value\": the one character that replaces every "
                            + "digit, for example \"#\".");
                } else if (v.length() != 1 || v.charAt(0) <= ' ' || v.charAt(0) > '~') {
                    error("value", "data-masking-digits-mask \"value\" must be one printable, non-space ASCII "
                            + "character, for example \"#\"; found \"" + v + "\".");
                }
                break;
            default:
                break;
        }
    }

    private static String part(TransformationAction a) {
        return a.wireValue().endsWith("prefix") ? "prefix" : "suffix";
    }

    private static boolean needsColumnName(TransformationAction a) {
        return !(a == TransformationAction.ADD_COLUMN || a == TransformationAction.ADD_BEFORE_IMAGE_COLUMNS
                || a == TransformationAction.DEFINE_PRIMARY_KEY);
    }

    private void requireText(ObjectNode n, String field, String message) {
        String v = Nodes.text(n, field);
        if (v == null) {
            error(field, message);
        } else if (v.isEmpty()) {
            error(field, "\"" + field + "\" is empty. " + message);
        }
    }

    private void requireDataType(ObjectNode n, String action) {
        JsonNode d = n.get("data-type");
        if (d == null) {
            error("data-type", action + " needs \"data-type\", for example {\"type\": \"string\", \"length\": 50}.");
            return;
        }
        if (!d.isObject()) {
            error("data-type", "data-type must be an object such as {\"type\": \"int8\"}.");
            return;
        }
        ObjectNode o = (ObjectNode) d;
        String type = Nodes.text(o, "type");
        if (type == null) {
            errorAt(o, "data-type.type", "type", "data-type has no \"type\". Use one of " + sorted(DATA_TYPES) + ".");
        } else if (DATA_TYPES.contains(type.toLowerCase(java.util.Locale.ROOT)) && !DATA_TYPES.contains(type)) {
            warningAt(o, "data-type.type", "type", "data-type \"" + type + "\" is written in upper case; DMS documents "
                    + "lower-case type names: write \"" + type.toLowerCase(java.util.Locale.ROOT) + "\".");
        } else if (!DATA_TYPES.contains(type)) {
            errorAt(o, "data-type.type", "type", "Unknown data-type \"" + type + "\". Use one of "
                    + sorted(DATA_TYPES) + ".");
        }
        for (String f : List.of("precision", "length")) {
            if (o.has(f) && Nodes.longValue(o, f) == null && !"".equals(Nodes.text(o, f))) {
                errorAt(o, "data-type." + f, f, "data-type " + f + " must be an integer; found " + o.get(f) + ".");
            }
        }
    }

    private void primaryKeyDef(ObjectNode n) {
        JsonNode d = n.get("primary-key-def");
        if (d == null || !d.isObject()) {
            error("primary-key-def", "define-primary-key needs \"primary-key-def\": {\"name\": ..., \"columns\": "
                    + "[...]} (origin primary-key or unique-index).");
            return;
        }
        ObjectNode o = (ObjectNode) d;
        String keyName = Nodes.text(o, "name");
        if (keyName == null || keyName.isEmpty()) {
            errorAt(o, "primary-key-def.name", "name", "primary-key-def needs a non-empty \"name\": the key or index "
                    + "name.");
        }
        List<String> keyColumns = Nodes.texts(o, "columns");
        if (keyColumns.isEmpty()) {
            errorAt(o, "primary-key-def.columns", "columns", "primary-key-def needs a non-empty \"columns\" array.");
        } else if (keyColumns.contains("")) {
            errorAt(o, "primary-key-def.columns", "columns", "primary-key-def \"columns\" holds an empty column "
                    + "name; name each key column.");
        }
        String origin = Nodes.text(o, "origin");
        if (origin != null && !origin.equals("primary-key") && !origin.equals("unique-index")) {
            errorAt(o, "primary-key-def.origin", "origin", "Unknown origin \"" + origin + "\"; use primary-key "
                    + "(default) or unique-index.");
        }
    }

    private void beforeImageDef(ObjectNode n) {
        JsonNode d = n.get("before-image-def");
        if (d == null || !d.isObject()) {
            error("before-image-def", "add-before-image-columns needs \"before-image-def\", for example "
                    + "{\"column-prefix\": \"BI_\", \"column-suffix\": \"\", \"column-filter\": \"pk-only\"}.");
            return;
        }
        ObjectNode o = (ObjectNode) d;
        String prefix = o.has("column-prefix") ? Nodes.text(o, "column-prefix") : "BI_";
        String suffix = o.has("column-suffix") ? Nodes.text(o, "column-suffix") : "";
        if ((prefix == null || prefix.isEmpty()) && (suffix == null || suffix.isEmpty())) {
            error("before-image-def", "before-image-def needs a non-empty column-prefix or column-suffix, or the "
                    + "before-image columns would collide with the originals.");
        }
        String filter = Nodes.text(o, "column-filter");
        if (filter != null && !Set.of("pk-only", "non-lob", "all").contains(filter)) {
            errorAt(o, "before-image-def.column-filter", "column-filter", "Unknown column-filter \"" + filter
                    + "\"; use pk-only (default), non-lob or all.");
        }
    }

    private void tableSettings(ObjectNode n) {
        ObjectNode loc = locator(n, true);
        for (String f : List.of("schema-name", "table-name")) {
            String v = Nodes.text(loc, f);
            if (Wildcards.hasPercent(v)) {
                errorAt(loc, "object-locator." + f, f, "Exact schema and table name required when using table "
                        + "settings rule: " + f + " \"" + v + "\" contains %. Write one table-settings rule per table.");
            }
        }
        JsonNode pl = n.get("parallel-load");
        JsonNode lob = n.get("lob-settings");
        if (pl == null && lob == null) {
            warning("rule-type", "The table-settings rule has neither parallel-load nor lob-settings, so it does "
                    + "nothing. Add one or remove the rule.");
        }
        if (pl != null) {
            parallelLoad(pl);
        }
        if (lob != null) {
            lobSettings(lob);
        }
    }

    private void parallelLoad(JsonNode pl) {
        if (!pl.isObject()) {
            error("parallel-load", "parallel-load must be an object such as {\"type\": \"partitions-auto\"}.");
            return;
        }
        ObjectNode o = (ObjectNode) pl;
        String type = Nodes.text(o, "type");
        Set<String> types = Set.of("partitions-auto", "subpartitions-auto", "partitions-list", "ranges", "none");
        if (type == null) {
            errorAt(o, "parallel-load.type", "type", "parallel-load has no \"type\". Use one of " + sorted(types)
                    + ".");
            return;
        }
        if (!types.contains(type)) {
            errorAt(o, "parallel-load.type", "type", "Unknown parallel-load type \"" + type + "\". Use one of "
                    + sorted(types) + ".");
            return;
        }
        if (type.equals("ranges")) {
            List<String> cols = Nodes.texts(o, "columns");
            if (cols.isEmpty() || cols.contains("")) {
                errorAt(o, "parallel-load.columns", "columns", "parallel-load ranges needs \"columns\": 1 to 10 "
                        + "non-empty column names.");
            } else if (cols.size() > 10) {
                errorAt(o, "parallel-load.columns", "columns", "parallel-load ranges accepts at most 10 columns; "
                        + "found " + cols.size() + ".");
            }
            JsonNode b = o.get("boundaries");
            if (b == null || !b.isArray() || b.isEmpty()) {
                errorAt(o, "parallel-load.boundaries", "boundaries", "parallel-load ranges needs \"boundaries\": an "
                        + "array of arrays, one value per column in each.");
            } else {
                for (int i = 0; i < b.size(); i++) {
                    JsonNode row = b.get(i);
                    if (!row.isArray() || (!cols.isEmpty() && row.size() != cols.size())) {
                        errorAt(o, "parallel-load.boundaries[" + i + "]", "boundaries", "Boundary " + (i + 1)
                                + " must be an array with one value per column (" + cols.size() + "); found "
                                + row + ".");
                    }
                }
                if (o.has("segment-names")) {
                    int names = Nodes.texts(o, "segment-names").size();
                    if (names != b.size() + 1) {
                        errorAt(o, "parallel-load.segment-names", "segment-names", "segment-names needs one name per "
                                + "segment: " + (b.size() + 1) + " for " + b.size() + " boundaries; found " + names
                                + ".");
                    }
                }
            }
        } else if (type.equals("partitions-list")) {
            List<String> parts = Nodes.texts(o, "partitions");
            if (parts.isEmpty()) {
                errorAt(o, "parallel-load.partitions", "partitions", "parallel-load partitions-list needs a non-empty "
                        + "\"partitions\" array.");
            }
            Set<String> overlap = new HashSet<>(parts);
            overlap.retainAll(Nodes.texts(o, "subpartitions"));
            if (!overlap.isEmpty()) {
                errorAt(o, "parallel-load.subpartitions", "subpartitions", "subpartitions must not repeat partitions: "
                        + sorted(overlap) + ".");
            }
        }
    }

    private void lobSettings(JsonNode lob) {
        if (!lob.isObject()) {
            error("lob-settings", "lob-settings must be an object such as {\"mode\": \"limited\", "
                    + "\"bulk-max-size\": \"100000\"}.");
            return;
        }
        ObjectNode o = (ObjectNode) lob;
        String mode = Nodes.text(o, "mode");
        if (mode != null && !Set.of("limited", "unlimited", "none").contains(mode)) {
            errorAt(o, "lob-settings.mode", "mode", "Unknown lob-settings mode \"" + mode + "\"; use limited "
                    + "(default), unlimited or none.");
            return;
        }
        if (o.has("bulk-max-size") && Nodes.longValue(o, "bulk-max-size") == null) {
            errorAt(o, "lob-settings.bulk-max-size", "bulk-max-size", "bulk-max-size must be a whole number of KB; "
                    + "found " + o.get("bulk-max-size") + ".");
        } else if (mode == null || mode.equals("limited")) {
            Long size = Nodes.longValue(o, "bulk-max-size");
            if (size == null || size <= 0) {
                errorAt(o, "lob-settings.bulk-max-size", "bulk-max-size", "Limited LOB mode needs a non-zero "
                        + "bulk-max-size (KB), for example \"bulk-max-size\": \"100000\"; about three times the "
                        + "largest LOB.");
            }
        }
    }

    private void postProcessing(PostProcessingRule p, ObjectNode n) {
        String action = p.ruleAction();
        if (action == null) {
            error("rule-action", "The post-processing rule has no rule-action; set \"rule-action\": \"add-tag\".");
        } else if (!action.equals("add-tag")) {
            error("rule-action", "Unknown post-processing rule-action \"" + action + "\"; DMS supports add-tag.");
        }
        locator(n, true);
        JsonNode tags = n.get("tag-set");
        if (tags == null || !tags.isArray() || tags.isEmpty()) {
            error("tag-set", "add-tag needs a non-empty \"tag-set\": [{\"key\": ..., \"value\": ...}].");
            return;
        }
        for (int i = 0; i < tags.size(); i++) {
            JsonNode t = tags.get(i);
            if (!t.isObject() || Nodes.text(t, "key") == null || Nodes.text(t, "value") == null) {
                error("tag-set[" + i + "]", "Each tag needs \"key\" and \"value\"; found " + t + ".");
            } else if (Nodes.text(t, "key").isEmpty()) {
                error("tag-set[" + i + "]", "The tag's \"key\" is empty; S3 tag keys are 1 to 128 characters.");
            }
        }
        if (tags.size() > 10) {
            warning("tag-set", "S3 allows at most 10 tags per object; this tag-set has " + tags.size() + ".");
        }
    }

    private void objectMapping(ObjectMappingRule o, ObjectNode n) {
        String action = o.ruleAction();
        if (action == null) {
            error("rule-action", "The object-mapping rule has no rule-action; set map-record-to-record or "
                    + "map-record-to-document.");
        } else if (o.action().isEmpty()) {
            error("rule-action", "Unknown object-mapping rule-action \"" + action + "\"; use map-record-to-record "
                    + "or map-record-to-document.");
        }
        locator(n, true);
        JsonNode mp = n.get("mapping-parameters");
        if (mp == null) {
            return;
        }
        if (!mp.isObject()) {
            error("mapping-parameters", "mapping-parameters must be a JSON object.");
            return;
        }
        ObjectNode m = (ObjectNode) mp;
        String pkt = Nodes.text(m, "partition-key-type");
        Set<String> pkts = Set.of("schema-table", "transaction-id", "primary-key", "constant", "attribute-name");
        if (pkt != null && !pkts.contains(pkt)) {
            errorAt(m, "mapping-parameters.partition-key-type", "partition-key-type", "Unknown partition-key-type \""
                    + pkt + "\"; use one of " + sorted(pkts) + ".");
        }
        JsonNode ams = m.get("attribute-mappings");
        if (ams == null) {
            return;
        }
        if (!ams.isArray()) {
            errorAt(m, "mapping-parameters.attribute-mappings", "attribute-mappings", "attribute-mappings must be "
                    + "an array.");
            return;
        }
        for (int i = 0; i < ams.size(); i++) {
            String p = "mapping-parameters.attribute-mappings[" + i + "]";
            JsonNode am = ams.get(i);
            if (!am.isObject()) {
                error(p, "An attribute mapping must be a JSON object.");
                continue;
            }
            ObjectNode a = (ObjectNode) am;
            if (Nodes.text(a, "target-attribute-name") == null) {
                if (Nodes.text(a, "attribute-name") != null) {
                    warningAt(a, p + ".attribute-name", "attribute-name", "Write \"target-attribute-name\"; "
                            + "\"attribute-name\" appears in one AWS example only.");
                } else {
                    errorAt(a, p + ".target-attribute-name", "target-attribute-name", "The attribute mapping needs "
                            + "\"target-attribute-name\".");
                }
            }
            String at = Nodes.text(a, "attribute-type");
            if (at != null && !at.equals("scalar") && !at.equals("document")) {
                errorAt(a, p + ".attribute-type", "attribute-type", "Unknown attribute-type \"" + at + "\"; use scalar "
                        + "or document.");
            }
            String st = Nodes.text(a, "attribute-sub-type");
            Set<String> sts = Set.of("string", "json", "dynamodb-map", "dynamodb-list");
            if (st != null && !sts.contains(st)) {
                errorAt(a, p + ".attribute-sub-type", "attribute-sub-type", "Unknown attribute-sub-type \"" + st
                        + "\"; use one of " + sorted(sts) + ".");
            }
        }
    }

    // ---------------------------------------------------------------- reporting

    private static String wires(Enum<?>[] values) {
        return Arrays.stream(values).map(Object::toString).collect(Collectors.joining(", "));
    }

    private static String sorted(Set<String> s) {
        return s.stream().sorted().collect(Collectors.joining(", "));
    }

    private void error(String field, String message) {
        add(Severity.ERROR, AbstractRule.nodeOf(rule), field, field, message);
    }

    private void warning(String field, String message) {
        add(Severity.WARNING, AbstractRule.nodeOf(rule), field, field, message);
    }

    private void errorAt(JsonNode container, String path, String field, String message) {
        add(Severity.ERROR, container, path, field, message);
    }

    private void warningAt(JsonNode container, String path, String field, String message) {
        add(Severity.WARNING, container, path, field, message);
    }

    private void add(Severity sev, JsonNode container, String path, String field, String message) {
        int[] p = pos.of(container, field);
        out.add(new MappingProblem(sev, rule.ruleId(), rule.ruleName(), base + "." + path, message, p[0], p[1]));
    }

    private void docError(String path, String message) {
        int[] p = {-1, -1};
        out.add(new MappingProblem(Severity.ERROR, null, null, path, message, p[0], p[1]));
    }

}
