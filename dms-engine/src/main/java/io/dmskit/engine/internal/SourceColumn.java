package io.dmskit.engine.internal;

import java.util.Objects;

/**
 * One column of a source table as the engine sees it.
 *
 * @param name column name as the source spells it
 * @param kind the canonical value kind it is read into
 * @param typeName the source's type name (for example {@code varchar}, {@code int4}), lower case
 * @param precision declared length or precision (0 when unknown)
 * @param scale declared scale or fractional-second digits (0 when none)
 * @param nullable whether the column accepts NULL
 * @param unsigned MySQL UNSIGNED integer
 */
record SourceColumn(String name, ValueKind kind, String typeName, int precision, int scale, boolean nullable,
                           boolean unsigned) {
    public SourceColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(typeName, "typeName");
    }
}
