package io.dmskit.engine.internal;

import io.dmskit.mappings.TransformationRule;
import java.util.List;
import java.util.Optional;

/**
 * What the task's table mappings say about one source table: whether it is replicated, under which name, with
 * which row filter and which column transformations. Produced by {@link MappingsRouter} from dms-mappings.
 */
interface TableRoute {

    /** @return whether selection rules include the table */
    boolean included();

    /** @return target schema after schema rules */
    String targetSchema();

    /** @return target table after table rules */
    String targetTable();

    /** @return the source filters as a SQL condition for this dialect, empty when there are none */
    Optional<String> sqlPredicate(Dialect dialect);

    /** @return the target column name, empty when the column is removed */
    Optional<String> targetColumn(String sourceColumn);

    /**
     * Like {@link #targetColumn(String)}, also applying rules that select columns by DMS data type.
     *
     * @param sourceColumn the source column
     * @param dmsType its DMS data type ({@code int4}, {@code string}, ...)
     * @return the target column name, empty when the column is removed or not included
     */
    default Optional<String> targetColumn(String sourceColumn, String dmsType) {
        return targetColumn(sourceColumn);
    }

    /**
     * @param sourceColumn the source column
     * @param dmsType its DMS data type
     * @return every column transformation rule that hits the column, lowest rule-id first
     */
    default List<TransformationRule> columnRules(String sourceColumn, String dmsType) {
        return List.of();
    }

    /** @return add-column rules for this table, in rule order */
    List<AddedColumn> addedColumns();

    /**
     * Evaluates the source filters on a row, for captures that see every change (binlog, logical decoding).
     *
     * @param table the table
     * @param values the row in source column order
     * @return true when the row passes every filter
     */
    boolean rowMatches(SourceTable table, Object[] values);

    /**
     * An add-column rule.
     *
     * @param name the new column's name
     * @param dataType DMS data type name ({@code string}, {@code int4}, ...), may be null
     * @param length declared length, 0 when none
     * @param expression the SQLite-style expression, may be null (the column is then NULL)
     */
    record AddedColumn(String name, String dataType, int length, String expression) {
    }
}
