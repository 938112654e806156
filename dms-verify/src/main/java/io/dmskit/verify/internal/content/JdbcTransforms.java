package io.dmskit.verify.internal.content;

import io.dmskit.mappings.SqlDialect;
import io.dmskit.mappings.TransformationAction;
import io.dmskit.mappings.TransformationRule;
import io.dmskit.verify.internal.content.ContentShape.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The task's value transformations of one column ({@code change-data-type}, {@code data-masking-digits-mask},
 * {@code data-masking-hash-mask}, {@code data-masking-digits-randomize}) for a JDBC target, with the same meaning as
 * {@link SourceProjection} gives them for S3 targets. Where SQL can compute the transformed canonical text exactly
 * (masks, a retyping that keeps the kind, rounds a decimal, truncates a string, cuts a date-time to its date, turns a
 * number into text or into a boolean) the source side's column becomes a SQL expression, so the table's digests stay
 * in the database and a transformed key column still orders and bisects in SQL. Anything else (text to a number or a
 * date, a floating-point or binary conversion) reads the source's canonical text and converts it in Java
 * ({@link ColumnRendering#convertTo}), which moves the table's source digest to Java streaming; a key column cannot be
 * converted that way (the key order would no longer be the database's). An {@code add-column} column whose expression
 * {@link AddColumnExpression} evaluates is computed in Java from the referenced source columns ({@link #added}).
 */
public final class JdbcTransforms {

    private JdbcTransforms() {
    }

    /**
     * One side's column as content verification reads it.
     *
     * @param expression the SQL expression of the value, or null for the column itself
     * @param kind the kind of that value, which decides its canonical text in SQL ({@link SqlCanonical#text})
     * @param java a step applied in Java to that canonical text, or null when the text is final
     */
    public record ColumnSql(String expression, Kind kind, UnaryOperator<String> java) {
        /** @return the column as is, of its kind */
        public static ColumnSql plain(Kind kind) {
            return new ColumnSql(null, kind, null);
        }
    }

    /**
     * What a column's rules turn into.
     *
     * @param source the source side's column
     * @param target the target side's column
     * @param kind the kind the compared canonical text has (the shape's kind)
     * @param comparable false when the target value does not follow from the source (random digits, unknown type)
     * @param notes what was done, for the report
     */
    public record Plan(ColumnSql source, ColumnSql target, Kind kind, boolean comparable, List<String> notes) {
        /** Copies. */
        public Plan {
            notes = List.copyOf(notes);
        }

        /** @return whether the source side needs Java (its digest is then computed by streaming) */
        public boolean inJava() {
            return source.java() != null;
        }
    }

    /**
     * Plans one column.
     *
     * @param dialect the source's dialect
     * @param column the quoted source column
     * @param sourceKind the source column's kind ({@link SqlCanonical#kindOf})
     * @param sourceRendering the source column's DMS rendering (for a JDBC target)
     * @param rendering the source/target pair's renderings, for the types that {@code change-data-type} names
     * @param rules the column's transformation rules in rule-id order
     * @param targetDialect the target's dialect
     * @param targetColumn the quoted target column
     * @param targetKind the target column's kind
     * @param targetLength the target column's declared length (0 or huge when unbounded)
     * @return the plan
     */
    public static Plan plan(SqlDialect dialect, String column, Kind sourceKind, ColumnRendering sourceRendering,
                            DmsRendering rendering, List<TransformationRule> rules, SqlDialect targetDialect,
                            String targetColumn, Kind targetKind, int targetLength) {
        String expr = column;
        Kind kind = sourceKind;
        ColumnRendering current = sourceRendering.withKind(sourceKind);
        List<UnaryOperator<String>> java = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean comparable = true;
        boolean hashed = false;
        for (TransformationRule rule : rules) {
            TransformationAction action = rule.action().orElse(null);
            if (action == null) {
                continue;
            }
            switch (action) {
                case CHANGE_DATA_TYPE -> {
                    ColumnRendering before = current;
                    Optional<ColumnRendering> typed = rule.dataType()
                            .flatMap(dt -> SourceProjection.typed(rendering, dt, before));
                    if (typed.isEmpty()) {
                        comparable = false;
                        notes.add("rule " + rule.ruleId() + ": unknown data-type, not compared");
                        continue;
                    }
                    ColumnRendering to = typed.get();
                    String[] sql = java.isEmpty() ? convertInSql(dialect, expr, kind, before, to) : null;
                    if (sql != null) {
                        expr = sql[0];
                        kind = Kind.valueOf(sql[1]);
                        notes.add("rule " + rule.ruleId() + ": change-data-type to " + to + ", converted in SQL");
                    } else {
                        java.add(v -> before.convertTo(v, to));
                        notes.add("rule " + rule.ruleId() + ": change-data-type to " + to + ", converted in Java");
                    }
                    current = to;
                }
                case DATA_MASKING_DIGITS_MASK -> {
                    char mask = rule.value().filter(v -> v.length() == 1).map(v -> v.charAt(0)).orElse('*');
                    if (java.isEmpty() && "\\$&'".indexOf(mask) < 0) {
                        String text = SqlCanonical.text(dialect, expr, kind);
                        expr = dialect == SqlDialect.MYSQL ? "REGEXP_REPLACE(" + text + ", '[0-9]', '" + mask + "')"
                                : "regexp_replace(" + text + ", '[0-9]', '" + mask + "', 'g')";
                        kind = Kind.TEXT;
                    } else {
                        java.add(v -> v == null ? null : SourceProjection.digitsMasked(v, mask));
                    }
                    notes.add("rule " + rule.ruleId() + ": data-masking-digits-mask, compared with the source's"
                            + " digits replaced by '" + mask + "'");
                }
                case DATA_MASKING_HASH_MASK -> {
                    // the target column's real length decides the cut (S3 has only the source's length to go by)
                    int length = targetLength > 0 && targetLength < 64 ? targetLength : 64;
                    if (java.isEmpty()) {
                        String text = SqlCanonical.text(dialect, expr, kind);
                        expr = dialect == SqlDialect.MYSQL ? "LEFT(LOWER(SHA2(" + text + ", 256)), " + length + ")"
                                : "left(encode(sha256(convert_to(" + text + ", 'UTF8')), 'hex'), " + length + ")";
                        kind = Kind.TEXT;
                    } else {
                        java.add(v -> v == null ? null : Canonical.sha256(v).substring(0, length));
                    }
                    current = current.hashed();
                    hashed = true;
                    notes.add("rule " + rule.ruleId() + ": data-masking-hash-mask, compared as the SHA-256 of the"
                            + " source text (" + length + " hex digits)");
                }
                case DATA_MASKING_DIGITS_RANDOMIZE -> {
                    comparable = false;
                    notes.add("rule " + rule.ruleId() + ": data-masking-digits-randomize, random digits: not"
                            + " compared");
                }
                default -> {
                    // names: resolved by TableResolution.targetColumn
                }
            }
        }
        ColumnSql source = new ColumnSql(expr.equals(column) ? null : expr, kind, compose(java));
        Kind compared = java.isEmpty() ? kind : current.kind();
        ColumnSql target = ColumnSql.plain(targetKind);
        if (hashed && (targetKind == Kind.TEXT || targetKind == Kind.OTHER)) {
            // DMS's hexadecimal may come in either case
            target = new ColumnSql("LOWER(" + SqlCanonical.text(targetDialect, targetColumn, targetKind) + ")",
                    Kind.TEXT, null);
        }
        return new Plan(source, target, compared, comparable, notes);
    }

    /**
     * The SQL expression and kind of a value converted to another DMS type, where SQL gives exactly what
     * {@link ColumnRendering#convertTo} gives; null when it cannot.
     */
    static String[] convertInSql(SqlDialect d, String expr, Kind from, ColumnRendering fromRendering,
                                 ColumnRendering to) {
        boolean my = d == SqlDialect.MYSQL;
        Kind k = to.kind();
        if (from == Kind.FLOAT || k == Kind.FLOAT) {
            return null; // floating-point text is Java's in both directions
        }
        if (k == Kind.TEXT || k == Kind.OTHER) {
            if (from == Kind.BINARY) {
                return null;
            }
            String text = SqlCanonical.text(d, expr, from);
            // the DMS text form (ColumnRendering.dmsText), not the canonical one
            if (from == Kind.DECIMAL && fromRendering.precision() > 0) {
                text = SqlCanonical.text(d, (my ? "ROUND(" : "round(") + expr + ", " + fromRendering.scale() + ")",
                        Kind.INTEGER);
            } else if (from == Kind.TIMESTAMP || from == Kind.TIMESTAMP_TZ) {
                int scale = fromRendering.scale();
                text = (my ? "LEFT(" : "left(") + text + ", " + (scale > 0 ? 20 + Math.min(scale, 6) : 19) + ")";
            } else if (from == Kind.BOOLEAN && fromRendering.type() == DmsType.BOOLEAN) {
                text = "(CASE " + text + " WHEN '1' THEN 'true' WHEN '0' THEN 'false' END)";
            }
            String cut = to.precision() > 0 ? (my ? "LEFT(" : "left(") + text + ", " + to.precision() + ")" : text;
            return new String[] {cut, Kind.TEXT.name()};
        }
        if (k == from) {
            if (k == Kind.DECIMAL && to.precision() > 0) {
                return new String[] {(my ? "ROUND(" : "round(") + expr + ", " + to.scale() + ")", Kind.DECIMAL.name()};
            }
            return k == Kind.INTEGER || k == Kind.DECIMAL || k == Kind.BOOLEAN || k == Kind.DATE || k == Kind.TIME
                    || k == Kind.TIMESTAMP || k == Kind.TIMESTAMP_TZ || k == Kind.BINARY
                    ? new String[] {expr, k.name()} : null;
        }
        return switch (k) {
            case INTEGER -> from == Kind.DECIMAL
                    ? new String[] {(my ? "TRUNCATE(" + expr + ", 0)" : "trunc(" + expr + ")"), Kind.DECIMAL.name()}
                    : from == Kind.BOOLEAN ? new String[] {expr, Kind.BOOLEAN.name()} : null;
            case DECIMAL -> from == Kind.INTEGER ? new String[] {expr, Kind.INTEGER.name()} : null;
            case BOOLEAN -> from == Kind.INTEGER || from == Kind.DECIMAL
                    ? new String[] {"(CASE WHEN " + expr + " IS NULL THEN NULL WHEN " + expr + " <> 0 THEN 1 ELSE 0"
                            + " END)", Kind.INTEGER.name()} : null;
            case DATE -> from == Kind.TIMESTAMP || from == Kind.TIMESTAMP_TZ ? new String[] {expr, Kind.DATE.name()}
                    : null;
            case TIMESTAMP, TIMESTAMP_TZ -> from == Kind.TIMESTAMP || from == Kind.TIMESTAMP_TZ
                    ? new String[] {expr, from.name()} : null;
            default -> null;
        };
    }

    private static UnaryOperator<String> compose(List<UnaryOperator<String>> steps) {
        if (steps.isEmpty()) {
            return null;
        }
        List<UnaryOperator<String>> copy = List.copyOf(steps);
        return v -> {
            String out = v;
            for (UnaryOperator<String> s : copy) {
                out = s.apply(out);
            }
            return out;
        };
    }

    /**
     * Plans an {@code add-column} column whose expression {@link AddColumnExpression} can evaluate: the source side
     * reads the referenced columns' canonical texts as one encoded text (the digest's row text of just those
     * columns), and Java evaluates the expression on them, as {@link SourceProjection} does for S3 targets.
     *
     * @param dialect the source's dialect
     * @param expression the rule's expression
     * @param dataType the rule's data type, or null
     * @param sourceColumns the source's columns (name to quoted column and kind), any case
     * @param rendering the source/target pair's renderings
     * @param targetKind the target column's kind
     * @return the plan, empty when the expression cannot be evaluated from source columns
     */
    public static Optional<Plan> added(SqlDialect dialect, String expression, io.dmskit.mappings.transformation.DataType
            dataType, java.util.Map<String, ColumnSql> sourceColumns, DmsRendering rendering, Kind targetKind) {
        Optional<AddColumnExpression> parsed = AddColumnExpression.parse(expression);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        java.util.Map<String, ColumnSql> byLower = new java.util.HashMap<>();
        sourceColumns.forEach((k, v) -> byLower.put(k.toLowerCase(java.util.Locale.ROOT), v));
        List<String> names = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\$([A-Za-z0-9_]+)").matcher(expression);
        while (m.find()) {
            String n = m.group(1).toLowerCase(java.util.Locale.ROOT);
            if (!byLower.containsKey(n)) {
                return Optional.empty();
            }
            if (!names.contains(n)) {
                names.add(n);
            }
        }
        List<String> texts = new ArrayList<>();
        for (String n : names) {
            ColumnSql c = byLower.get(n);
            texts.add(SqlCanonical.text(dialect, c.expression(), c.kind()));
        }
        String encoded = names.isEmpty() ? "''" : SqlCanonical.rowText(dialect, texts);
        ColumnRendering type = dataType == null ? rendering.dmsColumn(DmsType.STRING, 0, 0)
                : SourceProjection.typed(rendering, dataType, null).orElse(rendering.dmsColumn(DmsType.STRING, 0, 0));
        AddColumnExpression e = parsed.get();
        UnaryOperator<String> eval = v -> {
            List<String> values = decode(v);
            java.util.Map<String, String> row = new java.util.HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                row.put(names.get(i), values.get(i));
            }
            String out = e.evaluate(row);
            return out == null ? null : type.target(out);
        };
        return Optional.of(new Plan(new ColumnSql(encoded, Kind.TEXT, eval), ColumnSql.plain(targetKind), type.kind(),
                true, List.of("evaluated from the source row (" + expression + "), in Java")));
    }

    /** Decodes {@link RangeDigest#rowText}'s encoding: {@code N;} for NULL, {@code S<code points>:<value>;}. */
    static List<String> decode(String text) {
        List<String> out = new ArrayList<>();
        int pos = 0;
        while (pos < text.length()) {
            if (text.startsWith("N;", pos)) {
                out.add(null);
                pos += 2;
                continue;
            }
            int colon = text.indexOf(':', pos);
            int n = Integer.parseInt(text.substring(pos + 1, colon));
            int end = text.offsetByCodePoints(colon + 1, n);
            out.add(text.substring(colon + 1, end));
            pos = end + 1;
        }
        return out;
    }
}
