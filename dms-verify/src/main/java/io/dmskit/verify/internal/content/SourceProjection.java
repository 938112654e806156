package io.dmskit.verify.internal.content;

import io.dmskit.mappings.AddedColumn;
import io.dmskit.mappings.TableResolution;
import io.dmskit.mappings.TransformationAction;
import io.dmskit.mappings.TransformationRule;
import io.dmskit.mappings.transformation.DataType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A source table's columns as the task's transformation rules turn them into target columns (resolved through
 * dms-mappings' {@link TableResolution}): renamed ({@code rename}, prefixes, case), removed ({@code remove-column},
 * {@code include-column}), retyped ({@code change-data-type}), masked ({@code data-masking-digits-mask},
 * {@code data-masking-hash-mask}) and added ({@code add-column}, computed by {@link AddColumnExpression} when it can
 * be). {@link #project(Object[])} renders a source row into the canonical values DMS would write to those target
 * columns. A column whose target value cannot be known from the source row ({@code data-masking-digits-randomize},
 * an expression over header columns or with unsupported syntax, an added column without an expression) is kept with
 * {@link TargetColumn#comparable()} false and a note: its value is rendered as null and the caller leaves it out of
 * the comparison.
 *
 * <pre>{@code
 * SourceProjection p = SourceProjection.of(rendering, columns, mappings.resolve("shop", "orders"));
 * List<String> target = p.project(new Object[] {42, "Ann", new BigDecimal("9.50")});
 * }</pre>
 */
public final class SourceProjection {

    /**
     * One source column, as JDBC metadata describes it.
     *
     * @param name its name in the source
     * @param typeName its type name ({@code varchar}, {@code int unsigned}, {@code timestamptz})
     * @param precision declared length or precision (0 when unknown)
     * @param scale declared scale or fractional-second digits
     */
    public record SourceColumn(String name, String typeName, int precision, int scale) {
        /** Checks for nulls. */
        public SourceColumn {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(typeName, "typeName");
        }
    }

    /**
     * One target column.
     *
     * @param name its name on the target
     * @param sourceIndex the source column it comes from, or -1 for an added column
     * @param rendering how its values are read on the target (after change-data-type)
     * @param comparable whether its target value follows from the source row
     * @param note why it is not comparable, or how it is transformed (empty when plain)
     */
    public record TargetColumn(String name, int sourceIndex, ColumnRendering rendering, boolean comparable,
                               String note) {
    }

    private interface Step {
        String apply(String value);
    }

    private final List<TargetColumn> columns;
    private final List<SourceColumn> sources;
    private final List<ColumnRendering> sourceRenderings;
    private final List<List<Step>> steps;
    private final List<AddColumnExpression> expressions;

    private SourceProjection(List<TargetColumn> columns, List<SourceColumn> sources,
                             List<ColumnRendering> sourceRenderings, List<List<Step>> steps,
                             List<AddColumnExpression> expressions) {
        this.columns = List.copyOf(columns);
        this.sources = List.copyOf(sources);
        this.sourceRenderings = List.copyOf(sourceRenderings);
        this.steps = steps;
        this.expressions = expressions;
    }

    /**
     * @param rendering the source/target pair's renderings
     * @param source the source table's columns, in table order
     * @param resolution what the task's table mapping does with the table, or null for no transformations
     * @return the projection
     */
    public static SourceProjection of(DmsRendering rendering, List<SourceColumn> source, TableResolution resolution) {
        Objects.requireNonNull(rendering, "rendering");
        List<TargetColumn> out = new ArrayList<>();
        List<ColumnRendering> sourceRenderings = new ArrayList<>();
        List<List<Step>> steps = new ArrayList<>();
        List<AddColumnExpression> expressions = new ArrayList<>();
        for (int i = 0; i < source.size(); i++) {
            SourceColumn c = source.get(i);
            ColumnRendering r = rendering.column(c.typeName(), c.precision(), c.scale());
            sourceRenderings.add(r);
            String dmsType = r.type().wireName();
            Optional<String> name = resolution == null ? Optional.of(c.name())
                    : resolution.targetColumn(c.name(), dmsType);
            if (name.isEmpty()) {
                continue; // remove-column / include-column
            }
            List<TransformationRule> rules = resolution == null ? List.of()
                    : resolution.columnTransformations(c.name(), dmsType);
            List<Step> valueSteps = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            boolean comparable = true;
            ColumnRendering current = r;
            for (TransformationRule rule : rules) {
                TransformationAction action = rule.action().orElse(null);
                if (action == null) {
                    continue;
                }
                switch (action) {
                    case CHANGE_DATA_TYPE -> {
                        ColumnRendering before = current;
                        Optional<ColumnRendering> to = rule.dataType().flatMap(dt -> typed(rendering, dt, before));
                        if (to.isEmpty()) {
                            comparable = false;
                            notes.add("rule " + rule.ruleId() + ": unknown data-type");
                            break;
                        }
                        ColumnRendering from = current;
                        ColumnRendering target = to.get();
                        valueSteps.add(v -> from.convertTo(v, target));
                        current = target;
                        notes.add("rule " + rule.ruleId() + ": change-data-type to " + target);
                    }
                    case DATA_MASKING_DIGITS_MASK -> {
                        char mask = rule.value().filter(v -> v.length() == 1).map(v -> v.charAt(0)).orElse('*');
                        valueSteps.add(v -> v == null ? null : digitsMasked(v, mask));
                        notes.add("rule " + rule.ruleId() + ": digits masked with '" + mask + "'");
                    }
                    case DATA_MASKING_HASH_MASK -> {
                        int length = current.precision();
                        valueSteps.add(v -> {
                            if (v == null) {
                                return null;
                            }
                            String h = Canonical.sha256(v).toLowerCase(Locale.ROOT);
                            return length > 0 && h.length() > length ? h.substring(0, length) : h;
                        });
                        current = current.hashed();
                        notes.add("rule " + rule.ruleId() + ": SHA-256 hash mask");
                    }
                    case DATA_MASKING_DIGITS_RANDOMIZE -> {
                        comparable = false;
                        notes.add("rule " + rule.ruleId() + ": digits randomized by DMS, not comparable");
                    }
                    default -> {
                        // names are resolved by TableResolution.targetColumn
                    }
                }
            }
            out.add(new TargetColumn(name.get(), i, current, comparable, String.join("; ", notes)));
            steps.add(valueSteps);
            expressions.add(null);
        }
        if (resolution != null) {
            for (AddedColumn a : resolution.addedColumns()) {
                ColumnRendering r = a.dataType() == null ? rendering.dmsColumn(DmsType.STRING, 0, 0)
                        : typed(rendering, a.dataType(), null).orElse(rendering.dmsColumn(DmsType.STRING, 0, 0));
                Optional<AddColumnExpression> e = AddColumnExpression.parse(a.expression());
                String note = a.expression() == null ? "added by rule " + a.ruleId() + " without an expression"
                        : e.isEmpty() ? "added by rule " + a.ruleId() + ": expression " + a.expression()
                        + " cannot be evaluated here" : "added by rule " + a.ruleId() + ": " + a.expression();
                out.add(new TargetColumn(a.name(), -1, r, e.isPresent(), note));
                steps.add(List.of());
                expressions.add(e.orElse(null));
            }
        }
        return new SourceProjection(out, source, sourceRenderings, steps, expressions);
    }

    /**
     * Task LOB settings for one table: a table-settings rule's {@code lob-settings} override the task's.
     *
     * @param base the task-level options
     * @param resolution the table's resolution, or null
     * @return the options for the table
     */
    public static DmsRendering.RenderOptions lobOptions(DmsRendering.RenderOptions base, TableResolution resolution) {
        if (resolution == null) {
            return base;
        }
        return resolution.tableSettings().flatMap(t -> t.lobSettings()).map(l -> {
            String mode = l.mode() == null ? "" : l.mode().toLowerCase(Locale.ROOT);
            OptionalInt limit = mode.equals("limited") && l.bulkMaxSize() != null
                    ? OptionalInt.of((int) Math.min(Integer.MAX_VALUE, l.bulkMaxSize())) : OptionalInt.empty();
            return new DmsRendering.RenderOptions(limit, base.mapUnboundedNumericAsString(), base.sourceSessionZone());
        }).orElse(base);
    }

    /** The rendering of a {@code data-type} (after {@code from}, for a NUMERIC without precision); empty if unknown. */
    static Optional<ColumnRendering> typed(DmsRendering rendering, DataType dt, ColumnRendering from) {
        Optional<DmsType> t = DmsType.fromWire(dt.type());
        if (t.isEmpty()) {
            return Optional.empty();
        }
        int length = dt.length() == null ? 0 : dt.length();
        int precision = dt.precision() == null ? 0 : dt.precision();
        int scale = 0;
        if (dt.scale() != null && !dt.scale().isBlank()) {
            try {
                scale = Integer.parseInt(dt.scale().trim());
            } catch (NumberFormatException e) {
                scale = 0;
            }
        }
        DmsType type = t.get();
        if (type == DmsType.NUMERIC && precision == 0 && from != null && from.type() == DmsType.NUMERIC) {
            precision = from.precision();
            scale = dt.scale() == null ? from.scale() : scale;
        }
        return Optional.of(rendering.dmsColumn(type, type.text() || type.binary() ? length : precision, scale));
    }

    static String digitsMasked(String text, char mask) {
        char[] c = text.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (c[i] >= '0' && c[i] <= '9') {
                c[i] = mask;
            }
        }
        return new String(c);
    }

    /**
     * The select list that reads the source columns, in source order, as exactly as DMS reads them (its
     * {@link DmsRendering#selectExpression} per column), for {@link #project(Object[])}.
     *
     * @param engine the source engine
     * @param quote quotes a column name for the source's SQL
     * @return the comma-separated expressions
     */
    public String selectList(DmsRendering.Engine engine, java.util.function.UnaryOperator<String> quote) {
        List<String> out = new ArrayList<>(sources.size());
        for (SourceColumn c : sources) {
            out.add(DmsRendering.selectExpression(engine, c.typeName(), quote.apply(c.name())));
        }
        return String.join(", ", out);
    }

    /** @return the target columns, in the order DMS writes them (source order, added columns last) */
    public List<TargetColumn> columns() {
        return columns;
    }

    /** @return the target column names in that order */
    public List<String> targetColumnNames() {
        return columns.stream().map(TargetColumn::name).toList();
    }

    /**
     * Renders one target column that is a source column ({@link TargetColumn#sourceIndex()} at least 0) from that
     * source column's value alone, exactly as {@link #project(Object[])} renders it in a whole row; lets a key be
     * rendered from a query of the key columns only.
     *
     * @param column the target column's index in {@link #columns()}
     * @param sourceValue the source column's value, as JDBC returns it
     * @return its canonical value
     */
    public String projectColumn(int column, Object sourceValue) {
        TargetColumn t = columns.get(column);
        if (t.sourceIndex() < 0 || !t.comparable()) {
            throw new IllegalArgumentException("target column " + t.name() + " is not a comparable source column");
        }
        String v = sourceRenderings.get(t.sourceIndex()).source(sourceValue);
        for (Step s : steps.get(column)) {
            v = s.apply(v);
        }
        return v;
    }

    /**
     * Renders a source row as DMS writes it to the target columns.
     *
     * @param sourceRow the source values in source column order, as JDBC returns them
     * @return canonical values, one per {@link #columns()} entry; null for NULL and for columns not comparable
     */
    public List<String> project(Object[] sourceRow) {
        if (sourceRow.length != sources.size()) {
            throw new IllegalArgumentException("a row of " + sourceRow.length + " values for " + sources.size()
                    + " source columns");
        }
        String[] canonical = new String[sourceRow.length];
        Map<String, String> byName = null;
        for (int i = 0; i < sourceRow.length; i++) {
            canonical[i] = sourceRenderings.get(i).source(sourceRow[i]);
        }
        List<String> out = new ArrayList<>(columns.size());
        for (int c = 0; c < columns.size(); c++) {
            TargetColumn t = columns.get(c);
            if (!t.comparable()) {
                out.add(null);
                continue;
            }
            if (t.sourceIndex() < 0) {
                if (byName == null) {
                    byName = new HashMap<>();
                    for (int i = 0; i < sources.size(); i++) {
                        byName.put(sources.get(i).name().toLowerCase(Locale.ROOT), canonical[i]);
                    }
                }
                String v = expressions.get(c).evaluate(byName);
                out.add(v == null ? null : t.rendering().target(v));
                continue;
            }
            String v = canonical[t.sourceIndex()];
            for (Step s : steps.get(c)) {
                v = s.apply(v);
            }
            out.add(v);
        }
        return out;
    }
}
