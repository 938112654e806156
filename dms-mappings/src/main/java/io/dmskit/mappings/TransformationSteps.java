package io.dmskit.mappings;

import io.dmskit.mappings.transformation.BeforeImageDef;
import io.dmskit.mappings.transformation.DataType;
import io.dmskit.mappings.transformation.PrimaryKeyDef;
import java.util.ArrayList;
import java.util.List;

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

    /** Problems found while the step was written, reported by build() with the others (setters never throw). */
    private final List<MappingProblem> problems = new ArrayList<>();

    private <T> T need(T value, String parameter) {
        if (value == null) {
            problem(parameter + " is required: got null.");
        }
        return value;
    }

    private void problem(String message) {
        problems.add(new MappingProblem(Severity.ERROR, null, null, null, message, -1, -1));
    }

    private TransformationSteps act(TransformationAction action) {
        if (chosen != null) {
            problem("This transformation already has the action " + chosen.wireValue()
                    + "; a rule has exactly one action. Write a second rule for " + action.wireValue() + ".");
            return this;
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
        return act(TransformationAction.RENAME, need(newName, "newName"));
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
        return act(TransformationAction.ADD_PREFIX, need(prefix, "prefix"));
    }

    @Override
    public TransformationSteps removePrefix(String prefix) {
        return act(TransformationAction.REMOVE_PREFIX, need(prefix, "prefix"));
    }

    @Override
    public TransformationSteps replacePrefix(String oldPrefix, String newPrefix) {
        need(oldPrefix, "oldPrefix");
        act(TransformationAction.REPLACE_PREFIX, need(newPrefix, "newPrefix"));
        rule.oldValue(oldPrefix);
        return this;
    }

    @Override
    public TransformationSteps addSuffix(String suffix) {
        return act(TransformationAction.ADD_SUFFIX, need(suffix, "suffix"));
    }

    @Override
    public TransformationSteps removeSuffix(String suffix) {
        return act(TransformationAction.REMOVE_SUFFIX, need(suffix, "suffix"));
    }

    @Override
    public TransformationSteps replaceSuffix(String oldSuffix, String newSuffix) {
        need(oldSuffix, "oldSuffix");
        act(TransformationAction.REPLACE_SUFFIX, need(newSuffix, "newSuffix"));
        rule.oldValue(oldSuffix);
        return this;
    }

    @Override
    public TransformationSteps definePrimaryKey(PrimaryKeyDef def) {
        need(def, "def");
        act(TransformationAction.DEFINE_PRIMARY_KEY);
        rule.primaryKeyDef(def);
        return this;
    }

    @Override
    public TransformationSteps addColumn(String columnName, DataType dataType) {
        need(dataType, "dataType");
        act(TransformationAction.ADD_COLUMN, need(columnName, "columnName"));
        rule.target(RuleTarget.COLUMN).dataType(dataType);
        return this;
    }

    @Override
    public TransformationSteps addBeforeImageColumns(BeforeImageDef def) {
        need(def, "def");
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
        need(dataType, "dataType");
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
            problem("An expression belongs to an add-column rule, not to " + chosen + ".");
            return this;
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
        List<MappingProblem> all = new ArrayList<>(problems);
        if (chosen == null) {
            all.add(new MappingProblem(Severity.ERROR, null, null, null, "Choose the transformation's action (rename, "
                    + "addPrefix, removeColumn, ...) before building it.", -1, -1));
        }
        if (!all.isEmpty()) {
            throw new InvalidTableMappingsException(all);
        }
        return rule.build();
    }

    @Override
    public String toString() {
        try {
            return "TransformationStep" + rule.build().toJson()
                    + (problems.isEmpty() ? "" : " with problems " + problems);
        } catch (InvalidTableMappingsException e) {
            return "TransformationStep(incomplete: " + e.getMessage() + ")";
        }
    }
}
