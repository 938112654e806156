package io.dmskit.engine.internal;

import java.time.Instant;
import java.util.Objects;

/**
 * One captured row change.
 *
 * @param op {@code I}, {@code U} or {@code D}
 * @param table the source table
 * @param values the after image (I, U) or the before image (D), in source column order
 * @param commitTime when the source committed the change (detection time for the polling capture)
 */
record Change(char op, SourceTable table, Object[] values, Instant commitTime) {
    public Change {
        if (op != 'I' && op != 'U' && op != 'D') {
            throw new IllegalArgumentException("op must be I, U or D: " + op);
        }
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(commitTime, "commitTime");
    }
}
