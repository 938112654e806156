package io.dmskit.mappings;

import java.util.ArrayList;
import java.util.List;

/** Derives readable rule names such as {@code include-ecommerce-all-tables} or {@code rename-schema-Test}. */
final class RuleNames {
    private RuleNames() {
    }

    static String derive(Rule r) {
        ObjectLocator l = r.objectLocator();
        List<String> parts = new ArrayList<>();
        if (r instanceof SelectionRule s) {
            parts.add(r.ruleAction() == null ? "select" : r.ruleAction());
            addLocator(parts, l, false);
            if (s.tableType() != TableType.TABLE && l != null && l.tableName() != null) {
                parts.add(s.tableType() == TableType.VIEW ? "views" : "tables-and-views");
            }
        } else if (r instanceof TransformationRule t) {
            parts.add(r.ruleAction() == null ? "transform" : r.ruleAction());
            if (t.ruleTarget() != null) {
                parts.add(t.ruleTarget());
            }
            addLocator(parts, l, true);
            if (t.action().orElse(null) == TransformationAction.ADD_COLUMN && t.value().isPresent()) {
                parts.add(t.value().get());
            }
        } else if (r instanceof TableSettingsRule) {
            parts.add("table-settings");
            addLocator(parts, l, false);
        } else if (r instanceof PostProcessingRule) {
            parts.add(r.ruleAction() == null ? "post-processing" : r.ruleAction());
            addLocator(parts, l, false);
        } else if (r instanceof ObjectMappingRule) {
            parts.add(r.ruleAction() == null ? "object-mapping" : r.ruleAction());
            addLocator(parts, l, false);
        } else {
            parts.add(r.ruleType() == null ? "rule" : r.ruleType());
        }
        String name = String.join("-", parts).replaceAll("[^A-Za-z0-9_$.]+", "-").replaceAll("-{2,}", "-");
        name = name.replaceAll("^-|-$", "");
        return name.isEmpty() ? "rule" : name;
    }

    private static void addLocator(List<String> parts, ObjectLocator l, boolean transformation) {
        if (l == null) {
            return;
        }
        add(parts, l.schemaName(), "all-schemas");
        if (l.tableName() != null) {
            add(parts, l.tableName(), "all-tables");
        }
        if (l.tableTablespaceName() != null) {
            add(parts, l.tableTablespaceName(), "all-tablespaces");
        }
        if (l.indexTablespaceName() != null) {
            add(parts, l.indexTablespaceName(), "all-tablespaces");
        }
        if (l.columnName() != null) {
            add(parts, l.columnName(), "all-columns");
        }
        if (transformation && l.dataType() != null) {
            parts.add("type-" + l.dataType());
        }
    }

    private static void add(List<String> parts, String pattern, String all) {
        if (pattern == null) {
            return;
        }
        if (pattern.equals("%")) {
            parts.add(all);
        } else {
            parts.add(pattern.replace("%", "-any-"));
        }
    }
}
