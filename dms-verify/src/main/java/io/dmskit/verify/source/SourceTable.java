package io.dmskit.verify.source;

import io.dmskit.verify.internal.Checks;

/**
 * A source table, named as in the source catalog.
 *
 * @param schema schema (MySQL: database) name
 * @param table table name
 */
public record SourceTable(String schema, String table) implements Comparable<SourceTable> {

    /** Validates. */
    public SourceTable {
        Checks.require(schema, "schema", "SourceTable");
        Checks.require(table, "table", "SourceTable");
    }

    /** {@return a source table} */
    public static SourceTable of(String schema, String table) {
        return new SourceTable(schema, table);
    }

    @Override
    public int compareTo(SourceTable o) {
        int c = schema.compareTo(o.schema);
        return c != 0 ? c : table.compareTo(o.table);
    }

    @Override
    public String toString() {
        return schema + "." + table;
    }
}
