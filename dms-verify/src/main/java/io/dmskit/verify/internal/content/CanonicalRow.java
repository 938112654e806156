package io.dmskit.verify.internal.content;

import java.util.List;

/**
 * One row as content verification compares it: the key values and the other columns' values, each in canonical
 * text form ({@code null} is SQL NULL), in the column order of the table's {@link ContentShape}.
 */
public record CanonicalRow(List<String> key, List<String> values) {
    /** Copies both lists (which may hold nulls) into unmodifiable lists. */
    public CanonicalRow {
        key = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(key));
        values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
    }
}
