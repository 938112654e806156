package io.dmskit.mappings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A {@code selection} rule: which schemas, tables or views are replicated, in which load order and with which
 * source filters.
 *
 * <pre>{@code
 * Rules.include("hr", "employees")
 *      .filter(SourceFilter.on("empid", FilterCondition.lte("10"), FilterCondition.gte("100")))
 *      .loadOrder(2)
 *      .build();
 * }</pre>
 */
public final class SelectionRule extends AbstractRule implements Rule {

    SelectionRule(ObjectNode node) {
        super(node);
    }

    /** {@return a builder for a selection rule with no action yet} */
    public static Builder builder() {
        return new Builder(Codec.object());
    }

    /** {@return a builder initialised from this rule (unknown keys kept)} */
    public Builder toBuilder() {
        return new Builder(node.deepCopy());
    }

    /** {@return the {@code rule-action} as an enum, empty when missing or unknown} */
    public Optional<SelectionAction> action() {
        return SelectionAction.fromWire(ruleAction());
    }

    /** {@return the {@code table-type} of the locator, {@link TableType#TABLE} when absent} */
    public TableType tableType() {
        ObjectLocator l = objectLocator();
        return l == null ? TableType.TABLE : l.tableTypeOrDefault();
    }

    /** {@return the {@code load-order} (number or digit string), empty when absent or not an integer} */
    public OptionalInt loadOrder() {
        Integer v = Codec.intValue(node, "load-order");
        return v == null ? OptionalInt.empty() : OptionalInt.of(v);
    }

    /** {@return the source filters, empty when none} */
    public List<SourceFilter> filters() {
        return Codec.filters(node.get("filters"));
    }

    @Override
    public SelectionRule withRuleId(String id) {
        return with("rule-id", id, SelectionRule::new);
    }

    @Override
    public SelectionRule withRuleName(String name) {
        return with("rule-name", name, SelectionRule::new);
    }

    /**
     * Builder of {@link SelectionRule} that sets keys one by one. {@link Rules#include}, {@link Rules#exclude} and
     * {@link Rules#explicit} hand it out as the step of their action, which shows only what that action takes.
     */
    public static final class Builder extends BaseBuilder<Builder, SelectionRule>
            implements IncludeStep, ExcludeStep, ExplicitStep {
        Builder(ObjectNode node) {
            super(node);
            node.put("rule-type", RuleType.SELECTION.wireValue());
        }

        /**
         * Sets {@code action}: include, exclude or explicit.
         *
         * @param action include, exclude or explicit
         * @return this builder
         */
        public Builder action(SelectionAction action) {
            set("rule-action", action == null ? null : action.wireValue());
            return this;
        }

        /**
         * Sets {@code locator}: schema pattern.
         *
         * @param schemaName schema pattern
         * @param tableName table pattern
         * @return this builder
         */
        public Builder locator(String schemaName, String tableName) {
            return locator(ObjectLocator.table(schemaName, tableName));
        }

        /**
         * Sets {@code tableType}: table, view or all (sets {@code object-locator.table-type}).
         *
         * @param type table, view or all (sets {@code object-locator.table-type})
         * @return this builder
         */
        @Override
        public Builder tableType(TableType type) {
            JsonNode l = node.get("object-locator");
            ObjectNode loc = l != null && l.isObject() ? (ObjectNode) l.deepCopy() : Codec.object();
            if (type == null) {
                loc.remove("table-type");
            } else {
                loc.put("table-type", type.wireValue());
            }
            node.set("object-locator", loc);
            return this;
        }

        /**
         * Sets {@code loadOrder}: a positive integer; higher values load first (emitted as a digit string, as AWS does).
         *
         * @param loadOrder a positive integer; higher values load first (emitted as a digit string, as AWS does)
         * @return this builder
         */
        @Override
        public Builder loadOrder(int loadOrder) {
            set("load-order", Integer.toString(loadOrder));
            return this;
        }

        /**
         * Sets {@code filter}: a source filter to add (ANDed with the others).
         *
         * @param filter a source filter to add (ANDed with the others)
         * @return this builder
         */
        @Override
        public Builder filter(SourceFilter filter) {
            if (filter == null) {
                return pending("SelectionRule.Builder.filter(filter): the filter is null; leave it out instead.");
            }
            JsonNode f = node.get("filters");
            ArrayNode a = f != null && f.isArray() ? (ArrayNode) f.deepCopy() : Codec.object().arrayNode();
            a.add(Codec.filter(filter));
            node.set("filters", a);
            return this;
        }

        /**
         * Sets {@code where}: the source column.
         *
         * @param columnName the source column
         * @param conditions conditions, ORed
         * @return this builder with a filter added
         */
        @Override
        public Builder where(String columnName, FilterCondition... conditions) {
            return filter(SourceFilter.on(columnName, conditions));
        }

        /**
         * Sets {@code filters}: replaces all filters.
         *
         * @param filters replaces all filters
         * @return this builder
         */
        public Builder filters(List<SourceFilter> filters) {
            node.remove("filters");
            if (filters == null || filters.isEmpty()) {
                return this;
            }
            ArrayNode a = Codec.object().arrayNode(); // one array for all: adding one by one copies it each time
            for (SourceFilter f : filters) {
                if (f == null) {
                    return pending("SelectionRule.Builder.filters(filters): a filter is null; leave it out instead.");
                }
                a.add(Codec.filter(f));
            }
            node.set("filters", a);
            return this;
        }

        @Override
        public SelectionRule build() {
            return new SelectionRule(finish());
        }
    }
}
