package io.dmskit.mappings;

import io.dmskit.mappings.transformation.DataType;
import java.util.Optional;

/**
 * A column that an {@code add-column} transformation adds to a table.
 *
 * @param name the new column's name ({@code value})
 * @param dataType its {@code data-type}, or null when the rule has none
 * @param expression the SQLite {@code expression} computing it, or null
 * @param ruleId the rule-id of the add-column rule
 */
public record AddedColumn(String name, DataType dataType, String expression, String ruleId) {
    /** {@return the expression, when the column is computed} */
    public Optional<String> expressionIfAny() {
        return Optional.ofNullable(expression);
    }
}
