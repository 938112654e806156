package io.dmskit.engine.internal;

import java.util.List;

/** Primary-key identity of a row as text (all columns when the table has no primary key). */
final class RowKey {

    private RowKey() {
    }

    /** @return the key of the row */
    public static String of(SourceTable table, Object[] values) {
        List<Integer> pk = table.primaryKey();
        StringBuilder sb = new StringBuilder();
        if (pk.isEmpty()) {
            for (int i = 0; i < values.length; i++) {
                append(sb, values[i], table.columns().get(i));
            }
        } else {
            for (int i : pk) {
                append(sb, values[i], table.columns().get(i));
            }
        }
        return sb.toString();
    }

    private static void append(StringBuilder sb, Object v, SourceColumn c) {
        String text = TextValues.render(v, c);
        sb.append(text == null ? "\u0001" : text).append('\u0000');
    }
}
