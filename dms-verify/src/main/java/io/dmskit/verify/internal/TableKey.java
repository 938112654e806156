package io.dmskit.verify.internal;

import java.util.Locale;

/** The case-insensitive key under which a table is matched across the source, the target and DMS's statistics. */
final class TableKey {

    private TableKey() {
    }

    /** @return {@code schema.table} in lower case */
    static String of(String schema, String table) {
        return schema.toLowerCase(Locale.ROOT) + "." + table.toLowerCase(Locale.ROOT);
    }
}
