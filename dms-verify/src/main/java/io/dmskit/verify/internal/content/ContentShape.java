package io.dmskit.verify.internal.content;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A table as content verification sees it on the target side: its target column names in order, key columns first
 * (in primary-key order), then the other columns in table order, each with its type. A {@link CanonicalRow} of this
 * table holds {@link #keyColumns()} values in {@code key} and {@link #valueColumns()} values in {@code values}.
 *
 * <p>A table without a primary key ({@code primaryKey == false}) has every column as a key column and no value
 * columns: its rows are compared as a multiset (the same "key" may occur several times, each occurrence counts).
 *
 * <p>Keys are ordered by {@link #keyOrder()}: {@link Kind#numeric() numeric} columns by value, every other column by
 * the code points of its canonical text (the order of UTF-8 bytes, i.e. a binary collation; SQL sides order with
 * {@code CAST(... AS BINARY)} / {@code COLLATE "C"} to agree). SQL NULL sorts first.
 *
 * @param schema target schema
 * @param table target table
 * @param columns every column, key columns first
 * @param primaryKey whether the key columns are a primary key (false: all columns, compared as a multiset)
 */
public record ContentShape(String schema, String table, List<Column> columns, boolean primaryKey) {

    /** What kind of value a column holds, which decides its canonical text and its key order. */
    public enum Kind {
        /** TINYINT..BIGINT, SERIAL: canonical text is the decimal integer. */
        INTEGER,
        /** DECIMAL/NUMERIC: canonical text is the plain decimal with the column's scale. */
        DECIMAL,
        /** FLOAT/REAL/DOUBLE: canonical text as {@code Double.toString} of the value (see the docs' table). */
        FLOAT,
        /** BOOLEAN / BIT(1): {@code true} / {@code false}. */
        BOOLEAN,
        /** CHAR/VARCHAR/TEXT/ENUM/JSON and other text: the text itself. */
        TEXT,
        /** DATE: {@code yyyy-MM-dd}. */
        DATE,
        /** TIME: {@code HH:mm:ss[.ffffff]}. */
        TIME,
        /** DATETIME / TIMESTAMP without time zone: {@code yyyy-MM-dd HH:mm:ss[.ffffff]}. */
        TIMESTAMP,
        /** TIMESTAMP WITH TIME ZONE / MySQL TIMESTAMP: the UTC instant, {@code yyyy-MM-dd HH:mm:ss[.ffffff]}. */
        TIMESTAMP_TZ,
        /** BINARY/VARBINARY/BLOB/BYTEA: lower-case hex. */
        BINARY,
        /** Anything else: the driver's text form. */
        OTHER;

        /** @return whether keys of this kind order by numeric value rather than by text */
        public boolean numeric() {
            return this == INTEGER || this == DECIMAL || this == FLOAT;
        }
    }

    /**
     * One target column.
     *
     * @param name the column's name on the target (after rename rules)
     * @param key whether it is a key column
     * @param kind its kind of value
     * @param sqlType the source's {@link java.sql.Types} code
     * @param typeName the source's type name, as the catalog gives it (e.g. {@code DECIMAL}, {@code LONGTEXT})
     * @param precision the precision or length (0 when not known)
     * @param scale the scale (0 when none)
     * @param lob whether DMS treats it as a LOB (TEXT/BLOB families, {@code text}/{@code bytea}/{@code json} ...)
     */
    public record Column(String name, boolean key, Kind kind, int sqlType, String typeName, int precision, int scale,
                         boolean lob) {
        /** Validates. */
        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            typeName = typeName == null ? "" : typeName;
        }
    }

    /** Validates and copies: names unique, key columns first, at least one key column. */
    public ContentShape {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(columns);
        Set<String> names = new LinkedHashSet<>();
        boolean valuesStarted = false;
        for (Column c : columns) {
            if (!names.add(c.name())) {
                throw new IllegalArgumentException("column '" + c.name() + "' twice in " + schema + "." + table);
            }
            if (!c.key()) {
                valuesStarted = true;
            } else if (valuesStarted) {
                throw new IllegalArgumentException("key column '" + c.name() + "' after value columns in "
                        + schema + "." + table);
            }
        }
        if (columns.isEmpty() || !columns.get(0).key()) {
            throw new IllegalArgumentException(schema + "." + table + " has no key column");
        }
        if (!primaryKey && columns.stream().anyMatch(c -> !c.key())) {
            throw new IllegalArgumentException(schema + "." + table
                    + ": without a primary key every column is a key column");
        }
    }

    /** @return the key columns, in key order */
    public List<Column> keyColumns() {
        return columns.stream().filter(Column::key).toList();
    }

    /** @return the other columns, in table order */
    public List<Column> valueColumns() {
        return columns.stream().filter(c -> !c.key()).toList();
    }

    /** @return every column's name, key columns first */
    public List<String> columnNames() {
        return columns.stream().map(Column::name).toList();
    }

    /** @return the order of key tuples (canonical text) that both SQL sides and Java agree on */
    public Comparator<List<String>> keyOrder() {
        List<Kind> kinds = new ArrayList<>();
        for (Column c : keyColumns()) {
            kinds.add(c.kind());
        }
        return (a, b) -> {
            for (int i = 0; i < kinds.size(); i++) {
                int c = compareValue(kinds.get(i), a.get(i), b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }

    /** Compares two canonical values of one kind: NULL first, numbers by value, the rest by code points. */
    public static int compareValue(Kind kind, String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (kind.numeric()) {
            try {
                return new BigDecimal(a).compareTo(new BigDecimal(b));
            } catch (NumberFormatException e) {
                // NaN / Infinity: fall through to text order, consistently on both sides
            }
        }
        return compareCodePoints(a, b);
    }

    /** Compares by Unicode code points, which is the order of the UTF-8 bytes (a binary collation). */
    public static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
