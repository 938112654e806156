package io.dmskit.mappings;

import io.dmskit.mappings.transformation.DataType;

/**
 * A transformation on columns whose action is not chosen yet: the name actions, plus removing, including, retyping
 * and masking columns. Returned by {@link Rules#column(String, String, String)} and
 * {@link Rules#columnsOfType(String, String, String)}.
 *
 * <pre>{@code
 * column("hr", "employees", "ssn").dataMaskingHashMask()
 * column("dbo", "dms", "SALE_AMOUNT").changeDataType(DataType.of("int8"))
 * }</pre>
 */
public interface ColumnActionStep extends NameActionStep {

    /** {@return the rule with action {@code remove-column}} */
    TransformationStep removeColumn();

    /** {@return the rule with action {@code include-column} (repeat once per column to keep)} */
    TransformationStep includeColumn();

    /**
     * {@return the rule with action {@code change-data-type}}
     *
     * @param dataType the new type ({@code data-type})
     */
    TransformationStep changeDataType(DataType dataType);

    /**
     * {@return the rule with action {@code data-masking-digits-mask}}
     *
     * @param maskCharacter printable, non-space character replacing every digit ({@code value})
     */
    TransformationStep dataMaskingDigitsMask(char maskCharacter);

    /** {@return the rule with action {@code data-masking-digits-randomize}} */
    TransformationStep dataMaskingDigitsRandomize();

    /** {@return the rule with action {@code data-masking-hash-mask}} */
    TransformationStep dataMaskingHashMask();
}
