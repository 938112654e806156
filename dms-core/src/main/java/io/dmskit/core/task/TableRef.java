package io.dmskit.core.task;

import io.dmskit.core.exception.DefinitionProblem;
import io.dmskit.core.exception.InvalidDefinitionException;
import java.util.List;

/**
 * A source table, for {@code reload}.
 *
 * @param schema the source schema
 * @param table the source table
 */
public record TableRef(String schema, String table) {

    /**
     * Validates the components.
     *
     * @throws InvalidDefinitionException when schema or table is null or blank
     */
    public TableRef {
        if (schema == null || schema.isBlank() || table == null || table.isBlank()) {
            throw new InvalidDefinitionException(List.of(DefinitionProblem.of("TableRef",
                "a table reference needs a schema and a table name")));
        }
    }

    /**
     * {@return the reference}
     *
     * @param schema source schema
     * @param table source table
     */
    public static TableRef of(String schema, String table) {
        return new TableRef(schema, table);
    }

    @Override
    public String toString() {
        return schema + "." + table;
    }
}
