package io.dmskit.verify.report;

import io.dmskit.verify.internal.Checks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One differing row found by content verification: its key (target column names to canonical values) and what
 * differs. Values are in the canonical text the comparison uses; a column the task masks shows {@code "***"}
 * instead of the source value.
 *
 * <pre>{@code
 * for (ContentDifference d : table.content().orElseThrow().samples()) {
 *     System.out.println(d.kind() + " " + d.key() + " " + d.columns());
 * }
 * }</pre>
 *
 * @param kind what kind of difference
 * @param key the row's key values by target column name (a table without a primary key: every column)
 * @param columns the columns whose values differ (empty when the whole row is missing or extra)
 */
public record ContentDifference(Kind kind, Map<String, String> key, List<ColumnDifference> columns) {

    /** What kind of difference a row has. */
    public enum Kind {
        /** The source has the row, the target does not. */
        MISSING_ON_TARGET,
        /** The target has a row the source does not (a delete that never arrived, a duplicate). */
        EXTRA_ON_TARGET,
        /** Both have the key; at least one column's value differs. */
        DIFFERENT,
        /** Both have the key; the only differences are LOB values the target holds cut short (limited LOB mode). */
        LOB_TRUNCATED
    }

    /**
     * One column's two values.
     *
     * @param column the target column name
     * @param sourceValue the source value rendered as DMS writes it ({@code null}: SQL NULL), masked when the task
     *                    masks the column
     * @param targetValue the target value ({@code null}: SQL NULL)
     */
    public record ColumnDifference(String column, String sourceValue, String targetValue) {
        /** Validates. */
        public ColumnDifference {
            Checks.require(column, "column", "ColumnDifference");
        }

        @Override
        public String toString() {
            return column + ": source " + show(sourceValue) + ", target " + show(targetValue);
        }
    }

    /** Validates and copies (key values may be null). */
    public ContentDifference {
        Checks.require(kind, "kind", "ContentDifference");
        Checks.require(key, "key", "ContentDifference");
        key = Collections.unmodifiableMap(new LinkedHashMap<>(key));
        columns = Checks.copyOf(columns, "columns", "ContentDifference");
    }

    /**
     * {@return the key as {@code col=value, ...}}
     */
    public String keyText() {
        return key.entrySet().stream().map(e -> e.getKey() + "=" + show(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** Shows a value in a report: quoted and cut at 80 characters, NULL as {@code NULL}. */
    static String show(String v) {
        if (v == null) {
            return "NULL";
        }
        String s = v.length() > 80 ? v.substring(0, 77) + "...(" + v.length() + " chars)" : v;
        return "'" + s + "'";
    }

    @Override
    public String toString() {
        return kind + " {" + keyText() + "}" + (columns.isEmpty() ? "" : " " + columns);
    }
}
