package io.dmskit.core.task;

import java.util.Objects;

/**
 * A source table, for {@code reload}.
 *
 * @param schema the source schema
 * @param table the source table
 */
public record TableRef(String schema, String table) {

    /** Validates the components. */
    public TableRef {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
    }

    /**
     * @param schema source schema
     * @param table source table
     * @return the reference
     */
    public static TableRef of(String schema, String table) {
        return new TableRef(schema, table);
    }

    @Override
    public String toString() {
        return schema + "." + table;
    }
}
