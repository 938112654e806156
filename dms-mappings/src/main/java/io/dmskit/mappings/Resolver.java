package io.dmskit.mappings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Table resolution: selection precedence (exclude beats include and explicit) and name transformations (when several
 * name-changing rules hit one object, the lowest rule-id wins).
 */
final class Resolver {
    private static final Comparator<Rule> BY_ID = Comparator.comparing(Rule::ruleId,
            Comparator.nullsLast(RuleIds.ORDER));

    private Resolver() {
    }

    static TableResolution resolve(List<Rule> rules, String schema, String table, TableType type) {
        Patterns patterns = new Patterns(rules);
        boolean include = false;
        boolean exclude = false;
        List<SourceFilter> filters = new ArrayList<>();
        List<Rule> matching = new ArrayList<>();
        Integer loadOrder = null;
        for (Rule r : rules) {
            if (!(r instanceof SelectionRule s) || s.action().isEmpty()) {
                continue;
            }
            ObjectLocator l = s.objectLocator();
            if (l == null || l.schemaName() == null || l.tableName() == null || !typeMatches(l, type)) {
                continue;
            }
            SelectionAction a = s.action().get();
            boolean hit = a == SelectionAction.EXPLICIT
                    ? l.schemaName().equals(schema) && l.tableName().equals(table)
                    : patterns.matches(l.schemaName(), schema) && patterns.matches(l.tableName(), table);
            if (!hit) {
                continue;
            }
            matching.add(s);
            if (a == SelectionAction.EXCLUDE) {
                exclude = true;
            } else {
                include = true;
                filters.addAll(s.filters());
                OptionalInt lo = s.loadOrder();
                if (lo.isPresent() && (loadOrder == null || lo.getAsInt() > loadOrder)) {
                    loadOrder = lo.getAsInt();
                }
            }
        }
        String targetSchema = applyName(patterns, rules, RuleTarget.SCHEMA, schema, table, null, null, schema).orElse(schema);
        String targetTable = applyName(patterns, rules, RuleTarget.TABLE, schema, table, null, null, table).orElse(table);
        List<AddedColumn> added = new ArrayList<>();
        List<TransformationRule> adds = new ArrayList<>();
        boolean hasIncludeColumn = false;
        for (Rule r : rules) {
            if (r instanceof TransformationRule t && t.action().isPresent() && locatorMatches(patterns, t, schema, table, null)) {
                TransformationAction a = t.action().get();
                if (a == TransformationAction.ADD_COLUMN) {
                    adds.add(t);
                } else if (a == TransformationAction.INCLUDE_COLUMN) {
                    hasIncludeColumn = true;
                }
            }
        }
        adds.sort(BY_ID);
        for (TransformationRule t : adds) {
            added.add(new AddedColumn(t.value().orElse(null), t.dataType().orElse(null),
                    t.expression().orElse(null), t.ruleId()));
        }
        boolean onlyIncluded = hasIncludeColumn;
        ColumnResolver columns = (column, dataType) -> {
            boolean kept = !onlyIncluded;
            for (Rule r : rules) {
                if (r instanceof TransformationRule t && t.action().isPresent() && isColumnRule(t)
                        && locatorMatches(patterns, t, schema, table, column, dataType)) {
                    if (t.action().get() == TransformationAction.REMOVE_COLUMN) {
                        return Optional.empty();
                    }
                    if (t.action().get() == TransformationAction.INCLUDE_COLUMN) {
                        kept = true;
                    }
                }
            }
            if (!kept) {
                return Optional.empty();
            }
            return Optional.of(applyName(patterns, rules, RuleTarget.COLUMN, schema, table, column, dataType, column)
                    .orElse(column));
        };
        ColumnRules columnRules = (column, dataType) -> rules.stream()
                .filter(r -> r instanceof TransformationRule t && t.action().isPresent() && isColumnRule(t)
                        && locatorMatches(patterns, t, schema, table, column, dataType))
                .map(r -> (TransformationRule) r)
                .sorted(BY_ID)
                .toList();
        Optional<TableSettingsRule> settings = rules.stream()
                .filter(r -> r instanceof TableSettingsRule)
                .map(r -> (TableSettingsRule) r)
                .filter(t -> t.objectLocator() != null && schema.equals(t.objectLocator().schemaName())
                        && table.equals(t.objectLocator().tableName()))
                .min(BY_ID);
        return new TableResolution(include && !exclude, schema, table, targetSchema, targetTable, filters, added,
                columns, columnRules, loadOrder == null ? OptionalInt.empty() : OptionalInt.of(loadOrder), matching,
                settings);
    }

    private static boolean typeMatches(ObjectLocator l, TableType type) {
        TableType ruleType = l.tableTypeOrDefault();
        return ruleType == TableType.ALL || type == TableType.ALL || ruleType == type;
    }

    private static boolean isColumnRule(TransformationRule t) {
        return t.target().orElse(RuleTarget.COLUMN) == RuleTarget.COLUMN;
    }

    private static boolean locatorMatches(Patterns patterns, TransformationRule t, String schema, String table,
                                          String column) {
        return locatorMatches(patterns, t, schema, table, column, null);
    }

    private static boolean locatorMatches(Patterns patterns, TransformationRule t, String schema, String table,
                                          String column, String dataType) {
        ObjectLocator l = t.objectLocator();
        if (l == null || l.schemaName() == null || !patterns.matches(l.schemaName(), schema)) {
            return false;
        }
        if (table != null && l.tableName() != null && !patterns.matches(l.tableName(), table)) {
            return false;
        }
        if (column != null) {
            if (l.dataType() != null && (dataType == null || !l.dataType().equalsIgnoreCase(dataType))) {
                return false; // selects by source data type: only when the caller knows the column's type
            }
            return l.columnName() != null && patterns.matches(l.columnName(), column);
        }
        return true;
    }

    private static boolean changesName(TransformationAction a) {
        switch (a) {
            case RENAME:
            case CONVERT_LOWERCASE:
            case CONVERT_UPPERCASE:
            case ADD_PREFIX:
            case REMOVE_PREFIX:
            case REPLACE_PREFIX:
            case ADD_SUFFIX:
            case REMOVE_SUFFIX:
            case REPLACE_SUFFIX:
                return true;
            default:
                return false;
        }
    }

    /** The lowest-id name-changing rule for the object, applied to {@code name}. */
    private static Optional<String> applyName(Patterns patterns, List<Rule> rules, RuleTarget target, String schema, String table,
                                              String column, String dataType, String name) {
        TransformationRule winner = null;
        for (Rule r : rules) {
            if (!(r instanceof TransformationRule t) || t.action().isEmpty() || !changesName(t.action().get())
                    || t.target().orElse(null) != target) {
                continue;
            }
            boolean hit = switch (target) {
                case SCHEMA -> {
                    ObjectLocator l = t.objectLocator();
                    yield l != null && l.schemaName() != null && patterns.matches(l.schemaName(), schema);
                }
                case TABLE -> {
                    ObjectLocator l = t.objectLocator();
                    yield l != null && l.schemaName() != null && l.tableName() != null
                            && patterns.matches(l.schemaName(), schema) && patterns.matches(l.tableName(), table);
                }
                default -> locatorMatches(patterns, t, schema, table, column, dataType);
            };
            if (hit && (winner == null || BY_ID.compare(t, winner) < 0)) {
                winner = t;
            }
        }
        return winner == null ? Optional.empty() : Optional.of(apply(winner, name));
    }

    /**
     * The object-locator patterns of the rules, each compiled once per resolution: the column lookups of a
     * {@link TableResolution} match the same patterns again for every column, and compiling a pattern costs as much
     * as matching it (a megabyte-long name compiled per rule and per column made one resolution take seconds).
     * Filled in the constructor and only read afterwards, so a resolution can be shared between threads.
     */
    private static final class Patterns {
        private final Map<String, Wildcards.Compiled> compiled = new IdentityHashMap<>();

        Patterns(List<Rule> rules) {
            for (Rule r : rules) {
                ObjectLocator l = r instanceof SelectionRule || r instanceof TransformationRule ? r.objectLocator()
                        : null;
                if (l != null) {
                    add(l.schemaName());
                    add(l.tableName());
                    add(l.columnName());
                }
            }
        }

        private void add(String pattern) {
            if (pattern != null && !compiled.containsKey(pattern)) {
                compiled.put(pattern, Wildcards.compile(pattern, (char) 0));
            }
        }

        boolean matches(String pattern, String name) {
            Wildcards.Compiled c = compiled.get(pattern);
            return c != null ? c.matches(name) : Wildcards.matches(pattern, name);
        }
    }

    /** Target column name of a source column (and its DMS data type, or null when unknown). */
    interface ColumnResolver {
        Optional<String> resolve(String column, String dataType);
    }

    /** Column transformation rules that hit a column, in rule-id order. */
    interface ColumnRules {
        List<TransformationRule> of(String column, String dataType);
    }

    static String apply(TransformationRule t, String name) {
        String v = t.value().orElse("");
        String old = t.oldValue().orElse("");
        switch (t.action().orElseThrow()) {
            case RENAME:
                return t.value().orElse(name);
            case CONVERT_LOWERCASE:
                return name.toLowerCase(Locale.ROOT);
            case CONVERT_UPPERCASE:
                return name.toUpperCase(Locale.ROOT);
            case ADD_PREFIX:
                return v + name;
            case ADD_SUFFIX:
                return name + v;
            case REMOVE_PREFIX:
                return !v.isEmpty() && name.startsWith(v) ? name.substring(v.length()) : name;
            case REMOVE_SUFFIX:
                return !v.isEmpty() && name.endsWith(v) ? name.substring(0, name.length() - v.length()) : name;
            case REPLACE_PREFIX:
                return !old.isEmpty() && name.startsWith(old) ? v + name.substring(old.length()) : name;
            case REPLACE_SUFFIX:
                return !old.isEmpty() && name.endsWith(old) ? name.substring(0, name.length() - old.length()) + v
                        : name;
            default:
                return name;
        }
    }
}
