package io.dmskit.mappings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dmskit.mappings.internal.JsonTree;
import io.dmskit.mappings.internal.Nodes;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Shared implementation: a rule is its (never mutated) JSON object. */
abstract class AbstractRule {
    final ObjectNode node;

    AbstractRule(ObjectNode node) {
        this.node = Objects.requireNonNull(node, "node");
    }

    static ObjectNode nodeOf(Rule rule) {
        return ((AbstractRule) rule).node;
    }

    /** See {@link Rule#ruleType}. */
    public String ruleType() {
        return Nodes.text(node, "rule-type");
    }

    /** See {@link Rule#type}. */
    public Optional<RuleType> type() {
        return RuleType.fromWire(ruleType());
    }

    /** See {@link Rule#ruleId}. */
    public String ruleId() {
        return Nodes.text(node, "rule-id");
    }

    /** See {@link Rule#ruleName}. */
    public String ruleName() {
        return Nodes.text(node, "rule-name");
    }

    /** See {@link Rule#ruleAction}. */
    public String ruleAction() {
        return Nodes.text(node, "rule-action");
    }

    /** See {@link Rule#objectLocator}. */
    public ObjectLocator objectLocator() {
        return Codec.locator(node.get("object-locator"));
    }

    /** See {@link Rule#property(String)}. */
    public Optional<String> property(String key) {
        JsonNode v = node.get(key);
        return v == null ? Optional.empty() : Optional.of(JsonTree.write(v));
    }

    /** See {@link Rule#keys}. */
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        return Collections.unmodifiableSet(keys);
    }

    /** See {@link Rule#toJson}. */
    public String toJson() {
        return JsonTree.write(node);
    }

    <R> R with(String key, String value, Function<ObjectNode, R> factory) {
        ObjectNode copy = node.deepCopy();
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return factory.apply(copy);
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((AbstractRule) o).node.equals(node);
    }

    @Override
    public int hashCode() {
        return node.hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + toJson();
    }

    /**
     * Base of every rule builder: id, name, locator and arbitrary extra keys.
     *
     * @param <B> the concrete builder
     * @param <R> the rule it builds
     */
    abstract static class BaseBuilder<B extends BaseBuilder<B, R>, R extends Rule> implements Rule.Builder<R> {
        ObjectNode node;
        /** Null arguments where a value is needed, reported by build() (setters never throw for them). */
        final java.util.List<MappingProblem> pending = new java.util.ArrayList<>();

        B pending(String message) {
            pending.add(new MappingProblem(Severity.ERROR, null, null, null, message, -1, -1));
            return self();
        }

        BaseBuilder(ObjectNode node) {
            this.node = node;
        }

        @SuppressWarnings("unchecked")
        B self() {
            return (B) this;
        }

        /**
         * Sets {@code id}: the {@code rule-id}: digits, kept exactly as given (leading zeros included); when not set,
         * {@link TableMappings.Builder#build()} assigns ids in declaration order.
         *
         * @param ruleId the {@code rule-id}: digits, kept exactly as given (leading zeros included); when not set,
         *     {@link TableMappings.Builder#build()} assigns ids in declaration order
         * @return this builder
         */
        public B id(String ruleId) {
            set("rule-id", ruleId);
            return self();
        }

        /**
         * Sets {@code id}: the {@code rule-id}.
         *
         * @param ruleId the {@code rule-id}
         * @return this builder
         */
        public B id(long ruleId) {
            return id(Long.toString(ruleId));
        }

        /**
         * Sets {@code name}: the {@code rule-name}; when not set, {@link TableMappings.Builder#build()} derives a readable
         * one such as {@code include-ecommerce-all-tables}.
         *
         * @param ruleName the {@code rule-name}; when not set, {@link TableMappings.Builder#build()} derives a readable
         *     one such as {@code include-ecommerce-all-tables}
         * @return this builder
         */
        public B name(String ruleName) {
            set("rule-name", ruleName);
            return self();
        }

        /**
         * Sets {@code locator}: the {@code object-locator}.
         *
         * @param locator the {@code object-locator}
         * @return this builder
         */
        public B locator(ObjectLocator locator) {
            if (locator == null) {
                node.remove("object-locator");
            } else {
                node.set("object-locator", Codec.locator(locator));
            }
            return self();
        }

        /**
         * Sets any top-level key to a JSON value, for keys dmskit does not model (they are kept on output).
         *
         * @param key the key
         * @param json its value as JSON text, for example {@code "false"} or {@code "\"x\""}; null removes the key
         * @return this builder
         * @throws InvalidTableMappingsException when {@code json} is not one JSON value
         */
        public B property(String key, String json) {
            if (key == null) {
                return pending("property(key, json): key is null.");
            }
            if (json == null) {
                node.remove(key);
            } else {
                JsonNode v = Codec.jsonValue(json);
                if (v.isNull()) {
                    node.remove(key);
                } else {
                    node.set(key, v);
                }
            }
            return self();
        }

        void set(String key, String value) {
            if (value == null) {
                node.remove(key);
            } else {
                node.put(key, value);
            }
        }

        void set(String key, JsonNode value) {
            if (value == null) {
                node.remove(key);
            } else {
                node.set(key, value);
            }
        }

        ObjectNode finish() {
            if (!pending.isEmpty()) {
                throw new InvalidTableMappingsException(pending);
            }
            return Nodes.reorder(node.deepCopy(), Codec.RULE_KEY_ORDER);
        }

        @Override
        public abstract R build();
    }
}
