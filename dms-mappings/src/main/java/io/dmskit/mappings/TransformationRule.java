package io.dmskit.mappings;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dmskit.mappings.internal.Nodes;
import io.dmskit.mappings.transformation.BeforeImageDef;
import io.dmskit.mappings.transformation.DataType;
import io.dmskit.mappings.transformation.PrimaryKeyDef;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code transformation} rule: renames, case conversion, prefixes and suffixes, column removal and inclusion,
 * added columns, data-type changes, primary-key definitions, before-image columns and data masking.
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

    /** @return an empty builder (set the target, locator and action) */
    public static Builder builder() {
        return new Builder(Nodes.object());
    }

    /** @return a builder initialised from this rule (unknown keys kept) */
    public Builder toBuilder() {
        return new Builder(node.deepCopy());
    }

    /** @return the {@code rule-target} as written, or null when absent */
    public String ruleTarget() {
        return Nodes.text(node, "rule-target");
    }

    /** @return the {@code rule-target} as an enum, empty when missing or unknown */
    public Optional<RuleTarget> target() {
        return RuleTarget.fromWire(ruleTarget());
    }

    /** @return the {@code rule-action} as an enum, empty when missing or unknown */
    public Optional<TransformationAction> action() {
        return TransformationAction.fromWire(ruleAction());
    }

    /** @return {@code value} (new name, prefix, suffix, added column name, mask character), or empty */
    public Optional<String> value() {
        return Optional.ofNullable(Nodes.text(node, "value"));
    }

    /** @return {@code old-value} (replace-prefix / replace-suffix), or empty */
    public Optional<String> oldValue() {
        return Optional.ofNullable(Nodes.text(node, "old-value"));
    }

    /** @return the SQLite {@code expression}, or empty */
    public Optional<String> expression() {
        return Optional.ofNullable(Nodes.text(node, "expression"));
    }

    /** @return the {@code data-type} (add-column, change-data-type), or empty */
    public Optional<DataType> dataType() {
        return Optional.ofNullable(Codec.dataType(node.get("data-type")));
    }

    /** @return the {@code primary-key-def} (define-primary-key), or empty */
    public Optional<PrimaryKeyDef> primaryKeyDef() {
        return Optional.ofNullable(Codec.primaryKeyDef(node.get("primary-key-def")));
    }

    /** @return the {@code before-image-def} (add-before-image-columns), or empty */
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
     * Builder of {@link TransformationRule}. The action methods ({@link #rename}, {@link #addPrefix},
     * {@link #changeDataType}, ...) set {@code rule-action} together with the fields that action needs.
     */
    public static final class Builder extends BaseBuilder<Builder, TransformationRule> {
        Builder(ObjectNode node) {
            super(node);
            node.put("rule-type", RuleType.TRANSFORMATION.wireValue());
        }

        /**
         * @param target the {@code rule-target}
         * @return this builder
         */
        public Builder target(RuleTarget target) {
            set("rule-target", target == null ? null : target.wireValue());
            return this;
        }

        /**
         * @param action the {@code rule-action}
         * @return this builder
         */
        public Builder action(TransformationAction action) {
            set("rule-action", action == null ? null : action.wireValue());
            return this;
        }

        /**
         * @param value {@code value}
         * @return this builder
         */
        public Builder value(String value) {
            set("value", value);
            return this;
        }

        /**
         * @param oldValue {@code old-value}
         * @return this builder
         */
        public Builder oldValue(String oldValue) {
            set("old-value", oldValue);
            return this;
        }

        /**
         * @param expression a SQLite expression, source columns as {@code $COLUMN}
         * @return this builder
         */
        public Builder expression(String expression) {
            set("expression", expression);
            return this;
        }

        /**
         * @param dataType {@code data-type}
         * @return this builder
         */
        public Builder dataType(DataType dataType) {
            set("data-type", dataType == null ? null : Codec.dataType(dataType));
            return this;
        }

        /**
         * @param def {@code primary-key-def}
         * @return this builder
         */
        public Builder primaryKeyDef(PrimaryKeyDef def) {
            set("primary-key-def", def == null ? null : Codec.primaryKeyDef(def));
            return this;
        }

        /**
         * @param def {@code before-image-def}
         * @return this builder
         */
        public Builder beforeImageDef(BeforeImageDef def) {
            set("before-image-def", def == null ? null : Codec.beforeImageDef(def));
            return this;
        }

        /**
         * @param newName the new name
         * @return this builder, action {@code rename}
         */
        public Builder rename(String newName) {
            return action(TransformationAction.RENAME).value(Objects.requireNonNull(newName, "newName"));
        }

        /** @return this builder, action {@code convert-lowercase} */
        public Builder convertLowercase() {
            return action(TransformationAction.CONVERT_LOWERCASE);
        }

        /** @return this builder, action {@code convert-uppercase} */
        public Builder convertUppercase() {
            return action(TransformationAction.CONVERT_UPPERCASE);
        }

        /**
         * @param prefix prefix to add
         * @return this builder, action {@code add-prefix}
         */
        public Builder addPrefix(String prefix) {
            return action(TransformationAction.ADD_PREFIX).value(Objects.requireNonNull(prefix, "prefix"));
        }

        /**
         * @param prefix prefix to remove
         * @return this builder, action {@code remove-prefix}
         */
        public Builder removePrefix(String prefix) {
            return action(TransformationAction.REMOVE_PREFIX).value(Objects.requireNonNull(prefix, "prefix"));
        }

        /**
         * @param oldPrefix prefix to replace
         * @param newPrefix replacement
         * @return this builder, {@code replace-prefix}
         */
        public Builder replacePrefix(String oldPrefix, String newPrefix) {
            return action(TransformationAction.REPLACE_PREFIX).value(Objects.requireNonNull(newPrefix, "newPrefix"))
                    .oldValue(Objects.requireNonNull(oldPrefix, "oldPrefix"));
        }

        /**
         * @param suffix suffix to add
         * @return this builder, action {@code add-suffix}
         */
        public Builder addSuffix(String suffix) {
            return action(TransformationAction.ADD_SUFFIX).value(Objects.requireNonNull(suffix, "suffix"));
        }

        /**
         * @param suffix suffix to remove
         * @return this builder, action {@code remove-suffix}
         */
        public Builder removeSuffix(String suffix) {
            return action(TransformationAction.REMOVE_SUFFIX).value(Objects.requireNonNull(suffix, "suffix"));
        }

        /**
         * @param oldSuffix suffix to replace
         * @param newSuffix replacement
         * @return this builder, {@code replace-suffix}
         */
        public Builder replaceSuffix(String oldSuffix, String newSuffix) {
            return action(TransformationAction.REPLACE_SUFFIX).value(Objects.requireNonNull(newSuffix, "newSuffix"))
                    .oldValue(Objects.requireNonNull(oldSuffix, "oldSuffix"));
        }

        /** @return this builder, action {@code remove-column} (target column) */
        public Builder removeColumn() {
            return target(RuleTarget.COLUMN).action(TransformationAction.REMOVE_COLUMN);
        }

        /** @return this builder, action {@code include-column} (target column) */
        public Builder includeColumn() {
            return target(RuleTarget.COLUMN).action(TransformationAction.INCLUDE_COLUMN);
        }

        /**
         * @param columnName the new column's name
         * @param dataType the new column's type
         * @return this builder, action {@code add-column} (target column); add {@link #expression(String)} to
         *     compute it
         */
        public Builder addColumn(String columnName, DataType dataType) {
            return target(RuleTarget.COLUMN).action(TransformationAction.ADD_COLUMN)
                    .value(Objects.requireNonNull(columnName, "columnName"))
                    .dataType(Objects.requireNonNull(dataType, "dataType"));
        }

        /**
         * @param dataType the new type
         * @return this builder, action {@code change-data-type} (target column)
         */
        public Builder changeDataType(DataType dataType) {
            return target(RuleTarget.COLUMN).action(TransformationAction.CHANGE_DATA_TYPE)
                    .dataType(Objects.requireNonNull(dataType, "dataType"));
        }

        /**
         * @param def the key
         * @return this builder, action {@code define-primary-key} (target table)
         */
        public Builder definePrimaryKey(PrimaryKeyDef def) {
            return target(RuleTarget.TABLE).action(TransformationAction.DEFINE_PRIMARY_KEY)
                    .primaryKeyDef(Objects.requireNonNull(def, "def"));
        }

        /**
         * @param def the before-image columns
         * @return this builder, action {@code add-before-image-columns}
         */
        public Builder addBeforeImageColumns(BeforeImageDef def) {
            return target(RuleTarget.COLUMN).action(TransformationAction.ADD_BEFORE_IMAGE_COLUMNS)
                    .beforeImageDef(Objects.requireNonNull(def, "def"));
        }

        /** @param maskCharacter printable, non-space character replacing every digit
         *  @return this builder, action {@code data-masking-digits-mask} */
        public Builder dataMaskingDigitsMask(char maskCharacter) {
            return target(RuleTarget.COLUMN).action(TransformationAction.DATA_MASKING_DIGITS_MASK)
                    .value(String.valueOf(maskCharacter));
        }

        /** @return this builder, action {@code data-masking-digits-randomize} */
        public Builder dataMaskingDigitsRandomize() {
            return target(RuleTarget.COLUMN).action(TransformationAction.DATA_MASKING_DIGITS_RANDOMIZE);
        }

        /** @return this builder, action {@code data-masking-hash-mask} */
        public Builder dataMaskingHashMask() {
            return target(RuleTarget.COLUMN).action(TransformationAction.DATA_MASKING_HASH_MASK);
        }

        @Override
        public TransformationRule build() {
            return new TransformationRule(finish());
        }
    }
}
