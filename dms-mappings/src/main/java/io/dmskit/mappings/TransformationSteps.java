package io.dmskit.mappings;

import io.dmskit.mappings.transformation.BeforeImageDef;
import io.dmskit.mappings.transformation.DataType;
import io.dmskit.mappings.transformation.PrimaryKeyDef;
import java.util.Objects;

/**
 * The object behind every transformation step of {@link Rules}: it starts with a target and a locator and accepts
 * exactly one action. The step types make a second action a compile error; this class also refuses one reached by a
 * cast, so a rule never carries keys of an action it does not have.
 */
final class TransformationSteps implements NameActionStep, TableActionStep, ColumnActionStep, TablespaceActionStep,
        TransformationStep, AddColumnStep {

    private final TransformationRule.Builder rule = TransformationRule.builder();
    private TransformationAction chosen;

    TransformationSteps(RuleTarget target, ObjectLocator locator) {
        rule.target(target).locator(locator);
    }

    private TransformationSteps act(TransformationAction action) {
        if (chosen != null) {
            throw new IllegalStateException("This transformation already has the action " + chosen.wireValue()
                    + "; a rule has exactly one action. Write a second rule for " + action.wireValue() + ".");
        }
        chosen = action;
        rule.action(action);
        return this;
    }

    private TransformationSteps act(TransformationAction action, String value) {
        act(action);
        rule.value(value);
        return this;
    }

    @Override
    public TransformationSteps rename(String newName) {
        return act(TransformationAction.RENAME, Objects.requireNonNull(newName, "newName"));
    }

    @Override
    public TransformationSteps convertLowercase() {
        return act(TransformationAction.CONVERT_LOWERCASE);
    }

    @Override
    public TransformationSteps convertUppercase() {
        return act(TransformationAction.CONVERT_UPPERCASE);
    }

    @Override
    public TransformationSteps addPrefix(String prefix) {
        return act(TransformationAction.ADD_PREFIX, Objects.requireNonNull(prefix, "prefix"));
    }

    @Override
    public TransformationSteps removePrefix(String prefix) {
        return act(TransformationAction.REMOVE_PREFIX, Objects.requireNonNull(prefix, "prefix"));
    }

    @Override
    public TransformationSteps replacePrefix(String oldPrefix, String newPrefix) {
        Objects.requireNonNull(oldPrefix, "oldPrefix");
        act(TransformationAction.REPLACE_PREFIX, Objects.requireNonNull(newPrefix, "newPrefix"));
        rule.oldValue(oldPrefix);
        return this;
    }

    @Override
    public TransformationSteps addSuffix(String suffix) {
        return act(TransformationAction.ADD_SUFFIX, Objects.requireNonNull(suffix, "suffix"));
    }

    @Override
    public TransformationSteps removeSuffix(String suffix) {
        return act(TransformationAction.REMOVE_SUFFIX, Objects.requireNonNull(suffix, "suffix"));
    }

    @Override
    public TransformationSteps replaceSuffix(String oldSuffix, String newSuffix) {
        Objects.requireNonNull(oldSuffix, "oldSuffix");
        act(TransformationAction.REPLACE_SUFFIX, Objects.requireNonNull(newSuffix, "newSuffix"));
        rule.oldValue(oldSuffix);
        return this;
    }

    @Override
    public TransformationSteps definePrimaryKey(PrimaryKeyDef def) {
        Objects.requireNonNull(def, "def");
        act(TransformationAction.DEFINE_PRIMARY_KEY);
        rule.primaryKeyDef(def);
        return this;
    }

    @Override
    public TransformationSteps addColumn(String columnName, DataType dataType) {
        Objects.requireNonNull(dataType, "dataType");
        act(TransformationAction.ADD_COLUMN, Objects.requireNonNull(columnName, "columnName"));
        rule.target(RuleTarget.COLUMN).dataType(dataType);
        return this;
    }

    @Override
    public TransformationSteps addBeforeImageColumns(BeforeImageDef def) {
        Objects.requireNonNull(def, "def");
        act(TransformationAction.ADD_BEFORE_IMAGE_COLUMNS);
        rule.target(RuleTarget.COLUMN).beforeImageDef(def);
        return this;
    }

    @Override
    public TransformationSteps removeColumn() {
        return act(TransformationAction.REMOVE_COLUMN);
    }

    @Override
    public TransformationSteps includeColumn() {
        return act(TransformationAction.INCLUDE_COLUMN);
    }

    @Override
    public TransformationSteps changeDataType(DataType dataType) {
        Objects.requireNonNull(dataType, "dataType");
        act(TransformationAction.CHANGE_DATA_TYPE);
        rule.dataType(dataType);
        return this;
    }

    @Override
    public TransformationSteps dataMaskingDigitsMask(char maskCharacter) {
        return act(TransformationAction.DATA_MASKING_DIGITS_MASK, String.valueOf(maskCharacter));
    }

    @Override
    public TransformationSteps dataMaskingDigitsRandomize() {
        return act(TransformationAction.DATA_MASKING_DIGITS_RANDOMIZE);
    }

    @Override
    public TransformationSteps dataMaskingHashMask() {
        return act(TransformationAction.DATA_MASKING_HASH_MASK);
    }

    @Override
    public TransformationSteps expression(String expression) {
        if (chosen != TransformationAction.ADD_COLUMN) {
            throw new IllegalStateException("An expression belongs to an add-column rule, not to " + chosen + ".");
        }
        rule.expression(expression);
        return this;
    }

    @Override
    public TransformationSteps id(String ruleId) {
        rule.id(ruleId);
        return this;
    }

    @Override
    public TransformationSteps id(long ruleId) {
        rule.id(ruleId);
        return this;
    }

    @Override
    public TransformationSteps name(String ruleName) {
        rule.name(ruleName);
        return this;
    }

    @Override
    public TransformationRule build() {
        if (chosen == null) {
            throw new IllegalStateException("Choose the transformation's action (rename, addPrefix, removeColumn, "
                    + "...) before building it.");
        }
        return rule.build();
    }

    @Override
    public String toString() {
        return "TransformationStep" + rule.build().toJson();
    }
}
