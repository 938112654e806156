package io.dmskit.mappings.transformation;

import io.dmskit.mappings.internal.Args;
import java.util.List;

/**
 * The {@code primary-key-def} of a {@code define-primary-key} rule.
 *
 * @param name {@code name} of the key or index
 * @param origin {@code origin}: {@code primary-key} (default) or {@code unique-index}; null when absent
 * @param columns {@code columns}, in key order
 */
public record PrimaryKeyDef(String name, String origin, List<String> columns) {

    /** Creates the definition, copying the columns. */
    public PrimaryKeyDef {
        columns = Args.list(columns, "PrimaryKeyDef: columns");
    }

    /**
     * {@return a primary key definition (origin omitted)}
     *
     * @param name key name
     * @param columns key columns
     */
    public static PrimaryKeyDef primaryKey(String name, String... columns) {
        return new PrimaryKeyDef(name, null, Args.list("PrimaryKeyDef.primaryKey: columns", columns));
    }

    /**
     * {@return a unique-index definition}
     *
     * @param name index name
     * @param columns index columns
     */
    public static PrimaryKeyDef uniqueIndex(String name, String... columns) {
        return new PrimaryKeyDef(name, "unique-index", Args.list("PrimaryKeyDef.uniqueIndex: columns", columns));
    }
}
