package io.dmskit.engine.internal;

import java.util.List;
import java.util.Objects;

/**
 * A source table with its columns in ordinal order and its primary key (empty when the table has none).
 *
 * @param schema schema (MySQL: database) name
 * @param name table name
 * @param columns columns in ordinal order
 * @param primaryKey indexes into {@code columns} of the primary-key columns, in key order
 */
record SourceTable(String schema, String name, List<SourceColumn> columns, List<Integer> primaryKey) {
    public SourceTable {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
    }

    /** @return {@code schema.table} for messages */
    public String qualifiedName() {
        return schema + "." + name;
    }

    /** @return index of the column with this name, or -1 */
    public int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(column)) {
                return i;
            }
        }
        return -1;
    }
}
