package io.dmskit.mappings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dmskit.mappings.transformation.BeforeImageDef;
import io.dmskit.mappings.transformation.DataType;
import io.dmskit.mappings.transformation.PrimaryKeyDef;
import java.util.Optional;

/**
 * A {@code transformation} rule: renames, case conversion, prefixes and suffixes, column removal and inclusion,
 * added columns, data-type changes, primary-key definitions, before-image columns and data masking. Write one with
 * {@link Rules}: pick the object, then exactly one action.
 *
 * <pre>{@code
 * Rules.table("%", "%").addPrefix("schema_")
 * Rules.schema("Test").rename("Test1")
 * Rules.column("dbo", "dms", "SALE_AMOUNT").changeDataType(DataType.of("int8"))
 * Rules.addColumn("%", "%", "cdc_op", DataType.string(50)).expression("$AR_H_OPERATION")
 * }</pre>
 */
public final class TransformationRule extends AbstractRule implements Rule {

    TransformationRule(ObjectNode node) {
        super(node);
    }

    /** {@return an empty builder (set the target, locator and action)} */
    public static Builder builder() {
        return new Builder(Codec.object());
    }

    /** {@return a builder initialised from this rule (unknown keys kept)} */
    public Builder toBuilder() {
        return new Builder(node.deepCopy());
    }

    /** {@return the {@code rule-target} as written, or null when absent} */
    public String ruleTarget() {
        return Codec.text(node, "rule-target");
    }

    /** {@return the {@code rule-target} as an enum, empty when missing or unknown} */
    public Optional<RuleTarget> target() {
        return RuleTarget.fromWire(ruleTarget());
    }

    /** {@return the {@code rule-action} as an enum, empty when missing or unknown} */
    public Optional<TransformationAction> action() {
        return TransformationAction.fromWire(ruleAction());
    }

    /** {@return {@code value} (new name, prefix, suffix, added column name, mask character), or empty} */
    public Optional<String> value() {
        return Optional.ofNullable(Codec.text(node, "value"));
    }

    /** {@return {@code old-value} (replace-prefix / replace-suffix), or empty} */
    public Optional<String> oldValue() {
        return Optional.ofNullable(Codec.text(node, "old-value"));
    }

    /** {@return the SQLite {@code expression}, or empty} */
    public Optional<String> expression() {
        return Optional.ofNullable(Codec.text(node, "expression"));
    }

    /** {@return the {@code data-type} (add-column, change-data-type), or empty} */
    public Optional<DataType> dataType() {
        return Optional.ofNullable(Codec.dataType(node.get("data-type")));
    }

    /** {@return the {@code primary-key-def} (define-primary-key), or empty} */
    public Optional<PrimaryKeyDef> primaryKeyDef() {
        return Optional.ofNullable(Codec.primaryKeyDef(node.get("primary-key-def")));
    }

    /** {@return the {@code before-image-def} (add-before-image-columns), or empty} */
    public Optional<BeforeImageDef> beforeImageDef() {
        return Optional.ofNullable(Codec.beforeImageDef(node.get("before-image-def")));
    }

    @Override
    public TransformationRule withRuleId(String id) {
        return with("rule-id", id, TransformationRule::new);
    }

    @Override
    public TransformationRule withRuleName(String name) {
        return with("rule-name", name, TransformationRule::new);
    }

    /**
     * Builder of {@link TransformationRule} that sets keys one by one, as written in the JSON: for editing a rule
     * read from a document ({@link #toBuilder()}) and for tools. To write a new rule, prefer {@link Rules}, whose
     * steps allow exactly one action and only the keys that action takes ({@code Rules.table("s", "%")
     * .addPrefix("raw_")}).
     */
    public static final class Builder extends BaseBuilder<Builder, TransformationRule> {
        Builder(ObjectNode node) {
            super(node);
            node.put("rule-type", RuleType.TRANSFORMATION.wireValue());
        }

        /**
         * Sets {@code target}: the {@code rule-target}.
         *
         * @param target the {@code rule-target}
         * @return this builder
         */
        public Builder target(RuleTarget target) {
            set("rule-target", target == null ? null : target.wireValue());
            return this;
        }

        /**
         * Sets {@code action}: the {@code rule-action}.
         *
         * @param action the {@code rule-action}
         * @return this builder
         */
        public Builder action(TransformationAction action) {
            set("rule-action", action == null ? null : action.wireValue());
            return this;
        }

        /**
         * Sets {@code value}: {@code value}.
         *
         * @param value {@code value}
         * @return this builder
         */
        public Builder value(String value) {
            set("value", value);
            return this;
        }

        /**
         * Sets {@code oldValue}: {@code old-value}.
         *
         * @param oldValue {@code old-value}
         * @return this builder
         */
        public Builder oldValue(String oldValue) {
            set("old-value", oldValue);
            return this;
        }

        /**
         * Sets {@code expression}: a SQLite expression, source columns as {@code $COLUMN}.
         *
         * @param expression a SQLite expression, source columns as {@code $COLUMN}
         * @return this builder
         */
        public Builder expression(String expression) {
            set("expression", expression);
            return this;
        }

        /**
         * Sets {@code dataType}: {@code data-type}.
         *
         * @param dataType {@code data-type}
         * @return this builder
         */
        public Builder dataType(DataType dataType) {
            set("data-type", dataType == null ? null : Codec.dataType(dataType));
            return this;
        }

        /**
         * Sets {@code primaryKeyDef}: {@code primary-key-def}.
         *
         * @param def {@code primary-key-def}
         * @return this builder
         */
        public Builder primaryKeyDef(PrimaryKeyDef def) {
            set("primary-key-def", def == null ? null : Codec.primaryKeyDef(def));
            return this;
        }

        /**
         * Sets {@code beforeImageDef}: {@code before-image-def}.
         *
         * @param def {@code before-image-def}
         * @return this builder
         */
        public Builder beforeImageDef(BeforeImageDef def) {
            set("before-image-def", def == null ? null : Codec.beforeImageDef(def));
            return this;
        }

        @Override
        public TransformationRule build() {
            return new TransformationRule(finish());
        }
    }
}
