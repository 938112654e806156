package io.dmskit.mappings;

import io.dmskit.mappings.transformation.BeforeImageDef;
import io.dmskit.mappings.transformation.DataType;
import io.dmskit.mappings.transformation.PrimaryKeyDef;

/**
 * A transformation on tables whose action is not chosen yet: the name actions, plus the actions DMS writes with a
 * table locator (a primary key, an added column, before-image columns). Returned by
 * {@link Rules#table(String, String)}.
 *
 * <pre>{@code
 * table("ecommerce", "%").addPrefix("raw_")
 * table("%", "%").addColumn("cdc_op", DataType.string(50)).expression("$AR_H_OPERATION")
 * table("inventory", "ITEM").definePrimaryKey(PrimaryKeyDef.primaryKey("pk", "ITEM_ID"))
 * }</pre>
 */
public interface TableActionStep extends NameActionStep {

    /**
     * {@return the rule with action {@code define-primary-key} (target {@code table})}
     *
     * @param def the key ({@code primary-key-def}); DMS wants exact schema and table names here
     */
    TransformationStep definePrimaryKey(PrimaryKeyDef def);

    /**
     * {@return the rule with action {@code add-column} (target {@code column}); an expression may follow}
     *
     * @param columnName the new column's name ({@code value})
     * @param dataType its type ({@code data-type})
     */
    AddColumnStep addColumn(String columnName, DataType dataType);

    /**
     * {@return the rule with action {@code add-before-image-columns} (target {@code column})}
     *
     * @param def which columns get a before-image, with which prefix and suffix ({@code before-image-def})
     */
    TransformationStep addBeforeImageColumns(BeforeImageDef def);
}
