package io.dmskit.engine.internal;

import io.dmskit.mappings.TransformationAction;
import io.dmskit.mappings.TransformationRule;
import io.dmskit.mappings.transformation.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The value-changing column rules of one source column, applied in rule-id order: {@code change-data-type}
 * (the value is converted and the target column takes the new type) and the data-masking actions
 * ({@code data-masking-digits-mask}, {@code data-masking-digits-randomize}, {@code data-masking-hash-mask}), as
 * {@code dms-json-formats.md} §4.3 and §4.6 describe them. The rules come from dms-mappings
 * ({@code TableResolution.columnTransformations}); this class never matches names.
 *
 * <p>Immutable and thread-safe; digits-randomize draws from {@link ThreadLocalRandom}.
 */
final class ColumnTransform {

    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private enum Kind { CHANGE_TYPE, DIGITS_MASK, DIGITS_RANDOMIZE, HASH_MASK }

    private record Step(Kind kind, char mask, SourceColumn type) {
    }

    private final List<Step> steps;
    private final SourceColumn targetType;

    private ColumnTransform(List<Step> steps, SourceColumn targetType) {
        this.steps = List.copyOf(steps);
        this.targetType = targetType;
    }

    /**
     * Builds the transform of one column from the rules that hit it.
     *
     * @param table the source table, for messages
     * @param source the source column
     * @param rules the column's transformation rules, lowest rule-id first (other actions are ignored)
     * @return the transform, or null when no value-changing rule applies
     * @throws EngineException when a masking rule hits a column type DMS cannot mask, or a data type is unknown
     */
    public static ColumnTransform of(SourceTable table, SourceColumn source, List<TransformationRule> rules) {
        List<Step> steps = new ArrayList<>();
        SourceColumn type = source;
        for (TransformationRule rule : rules) {
            TransformationAction action = rule.action().orElse(null);
            if (action == null) {
                continue;
            }
            String where = "rule " + rule.ruleId() + " (" + action.wireValue() + ") on column "
                    + table.qualifiedName() + "." + source.name();
            switch (action) {
                case CHANGE_DATA_TYPE -> {
                    DataType dt = rule.dataType().orElseThrow(() -> new EngineException(where + " has no data-type"));
                    type = changedType(source.name(), type, dt, where);
                    steps.add(new Step(Kind.CHANGE_TYPE, ' ', type));
                }
                case DATA_MASKING_DIGITS_MASK -> {
                    requireText(type, where, "STRING or WSTRING");
                    String v = rule.value().orElse("");
                    if (v.length() != 1 || Character.isWhitespace(v.charAt(0))) {
                        throw new EngineException(where + ": \"value\" must be one printable, non-blank character");
                    }
                    steps.add(new Step(Kind.DIGITS_MASK, v.charAt(0), type));
                }
                case DATA_MASKING_DIGITS_RANDOMIZE -> {
                    if (type.kind() != ValueKind.STRING && type.kind() != ValueKind.INTEGER
                            && type.kind() != ValueKind.DECIMAL) {
                        throw new EngineException(where + ": DMS randomizes digits only in STRING, WSTRING, NUMERIC and "
                                + "integer columns, not " + dmsType(type));
                    }
                    steps.add(new Step(Kind.DIGITS_RANDOMIZE, ' ', type));
                }
                case DATA_MASKING_HASH_MASK -> {
                    requireText(type, where, "STRING or WSTRING");
                    steps.add(new Step(Kind.HASH_MASK, ' ', type));
                }
                default -> {
                    // names (rename, prefixes, case) and remove/include are resolved by TableResolution.targetColumn
                }
            }
        }
        return steps.isEmpty() ? null : new ColumnTransform(steps, type);
    }

    private static void requireText(SourceColumn type, String where, String allowed) {
        if (type.kind() != ValueKind.STRING || type.typeName().equals("time")) {
            throw new EngineException(where + ": DMS masks only " + allowed + " columns, not " + dmsType(type)
                    + " (change the data type first with a change-data-type rule of a lower rule-id)");
        }
    }

    /** @return the column's type after every change-data-type rule (the source column when none applies) */
    public SourceColumn targetType() {
        return targetType;
    }

    /**
     * @param value the source value (canonical form), may be null
     * @param source the source column
     * @return the target value; NULL stays NULL
     */
    public Object apply(Object value, SourceColumn source) {
        Object v = value;
        SourceColumn type = source;
        for (Step s : steps) {
            if (v == null) {
                return null;
            }
            switch (s.kind()) {
                case CHANGE_TYPE -> {
                    v = convert(v, type, s.type());
                    type = s.type();
                }
                case DIGITS_MASK -> v = fit(digitsMasked(TextValues.render(v, type), s.mask()), type);
                case DIGITS_RANDOMIZE -> v = randomized(v, type);
                case HASH_MASK -> v = fit(sha256(TextValues.render(v, type)), type);
            }
        }
        return v;
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

    static String sha256(String text) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** A character column keeps its declared length: longer values (a 64-character hash) are cut to it. */
    private static String fit(String text, SourceColumn type) {
        boolean character = type.typeName().contains("char") || type.typeName().equals("bpchar");
        return character && type.precision() > 0 && text.length() > type.precision()
                ? text.substring(0, type.precision()) : text;
    }

    private static Object randomized(Object v, SourceColumn type) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (v instanceof String s) {
            return randomDigits(s, random);
        }
        if (v instanceof Long l) {
            long max = maxOf(type);
            String digits = Long.toString(Math.abs(l));
            for (int attempt = 0; attempt < 64; attempt++) {
                long r = Long.parseLong(randomDigits(digits, random));
                if (r <= max) {
                    return l < 0 ? -r : r;
                }
            }
            return l; // a value at the type's limit whose digits never drew a smaller number
        }
        if (v instanceof BigDecimal d) {
            BigDecimal r = new BigDecimal(randomDigits(d.toPlainString(), random));
            return r.setScale(d.scale(), RoundingMode.UNNECESSARY);
        }
        return v;
    }

    private static String randomDigits(String s, ThreadLocalRandom random) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (c[i] >= '0' && c[i] <= '9') {
                c[i] = (char) ('0' + random.nextInt(10));
            }
        }
        return new String(c);
    }

    private static long maxOf(SourceColumn type) {
        return switch (dmsType(type)) {
            case "int1" -> Byte.MAX_VALUE;
            case "uint1" -> 255;
            case "int2" -> Short.MAX_VALUE;
            case "uint2" -> 65_535;
            case "int4" -> Integer.MAX_VALUE;
            case "uint4" -> 4_294_967_295L;
            default -> Long.MAX_VALUE;
        };
    }

    // ------------------------------------------------------------------ data types

    /**
     * The DMS data type of a source column, as DMS names it ({@code int4}, {@code string}, {@code numeric}, ...):
     * what object-locators with {@code data-type} match and what {@code change-data-type} converts from.
     *
     * @param c the column
     * @return the DMS type name
     */
    public static String dmsType(SourceColumn c) {
        String t = c.typeName();
        return switch (c.kind()) {
            case INTEGER -> {
                String base = t.startsWith("tinyint") || t.equals("int1") ? "1"
                        : t.startsWith("smallint") || t.equals("int2") || t.equals("smallserial") || t.startsWith("year") ? "2"
                        : t.startsWith("mediumint") || t.equals("int") || t.equals("integer") || t.startsWith("int(")
                        || t.equals("int4") || t.equals("serial") ? "4" : "8";
                yield (c.unsigned() ? "uint" : "int") + base;
            }
            case DECIMAL -> c.unsigned() && t.startsWith("bigint") ? "uint8" : "numeric";
            case DOUBLE -> "real8";
            case FLOAT -> "real4";
            case BOOLEAN -> "boolean";
            case DATE -> "date";
            case TIMESTAMP -> "datetime";
            case BINARY -> t.contains("blob") || t.equals("bytea") ? "blob" : "bytes";
            case STRING -> t.startsWith("time") ? "time"
                    : t.contains("text") || t.equals("json") || t.equals("jsonb") ? "clob" : "string";
        };
    }

    /** The column type after {@code change-data-type}: a synthetic source column the writers type the target by. */
    private static SourceColumn changedType(String name, SourceColumn from, DataType dt, String where) {
        String type = dt.type() == null ? "" : dt.type().toLowerCase(Locale.ROOT);
        int length = dt.length() == null ? 0 : dt.length();
        int precision = dt.precision() == null ? 0 : dt.precision();
        int scale = parseScale(dt.scale());
        boolean nullable = from.nullable();
        return switch (type) {
            case "string", "wstring", "set", "list", "map", "tuple" ->
                    new SourceColumn(name, ValueKind.STRING, length > 0 ? "varchar" : "text", length, 0, nullable, false);
            case "clob", "nclob" -> new SourceColumn(name, ValueKind.STRING, "text", 0, 0, nullable, false);
            case "int1" -> new SourceColumn(name, ValueKind.INTEGER, "tinyint", 0, 0, nullable, false);
            case "int2" -> new SourceColumn(name, ValueKind.INTEGER, "smallint", 0, 0, nullable, false);
            case "int4" -> new SourceColumn(name, ValueKind.INTEGER, "int", 0, 0, nullable, false);
            case "int8" -> new SourceColumn(name, ValueKind.INTEGER, "bigint", 0, 0, nullable, false);
            case "uint1" -> new SourceColumn(name, ValueKind.INTEGER, "tinyint", 0, 0, nullable, true);
            case "uint2" -> new SourceColumn(name, ValueKind.INTEGER, "smallint", 0, 0, nullable, true);
            case "uint4" -> new SourceColumn(name, ValueKind.INTEGER, "int", 0, 0, nullable, true);
            case "uint8" -> new SourceColumn(name, ValueKind.DECIMAL, "bigint", 20, 0, nullable, true);
            case "numeric" -> {
                int p = precision > 0 ? Math.min(precision, 38) : from.kind() == ValueKind.DECIMAL && from.precision() > 0
                        ? from.precision() : 38;
                int s = dt.scale() != null ? scale : from.kind() == ValueKind.DECIMAL ? from.scale() : 0;
                yield new SourceColumn(name, ValueKind.DECIMAL, "decimal", p, Math.min(s, p), nullable, false);
            }
            case "real4" -> new SourceColumn(name, ValueKind.FLOAT, "float", 0, 0, nullable, false);
            case "real8" -> new SourceColumn(name, ValueKind.DOUBLE, "double", 0, 0, nullable, false);
            case "boolean" -> new SourceColumn(name, ValueKind.BOOLEAN, "boolean", 0, 0, nullable, false);
            case "date" -> new SourceColumn(name, ValueKind.DATE, "date", 0, 0, nullable, false);
            case "time" -> new SourceColumn(name, ValueKind.STRING, "time", 0, 0, nullable, false);
            case "datetime" -> new SourceColumn(name, ValueKind.TIMESTAMP, "datetime", 0,
                    dt.scale() != null ? Math.min(scale, 9) : from.kind() == ValueKind.TIMESTAMP ? from.scale() : 0,
                    nullable, false);
            case "bytes", "blob" -> new SourceColumn(name, ValueKind.BINARY, type.equals("blob") ? "blob" : "varbinary",
                    length, 0, nullable, false);
            default -> throw new EngineException(where + ": unknown data-type \"" + dt.type() + "\"");
        };
    }

    private static int parseScale(String scale) {
        if (scale == null || scale.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(scale.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Converts a value to the changed type. Text is parsed in the forms DMS accepts (dates as {@code YYYY-MM-DD} or
     * {@code YYYY:MM:DD}, datetimes with a space, times as {@code HH:MM:SS}); a value that cannot be converted
     * becomes NULL, as DMS writes a value it cannot convert.
     */
    static Object convert(Object v, SourceColumn from, SourceColumn to) {
        String text = TextValues.render(v, from);
        try {
            return switch (to.kind()) {
                case STRING -> {
                    if (to.typeName().equals("time")) {
                        yield v instanceof LocalDateTime t ? t.toLocalTime().toString() : LocalTime.parse(text.trim()).toString();
                    }
                    String s = v instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : text;
                    yield to.precision() > 0 && s.length() > to.precision() ? s.substring(0, to.precision()) : s;
                }
                case INTEGER -> {
                    BigDecimal d = v instanceof Boolean b ? (b ? BigDecimal.ONE : BigDecimal.ZERO)
                            : new BigDecimal(text.trim());
                    BigInteger i = d.setScale(0, RoundingMode.DOWN).toBigIntegerExact();
                    yield i.longValueExact();
                }
                case DECIMAL -> {
                    BigDecimal d = v instanceof Boolean b ? (b ? BigDecimal.ONE : BigDecimal.ZERO)
                            : new BigDecimal(text.trim());
                    yield to.precision() > 0 ? d.setScale(to.scale(), RoundingMode.HALF_UP) : d;
                }
                case DOUBLE -> v instanceof Number n ? n.doubleValue() : Double.parseDouble(text.trim());
                case FLOAT -> v instanceof Number n ? n.floatValue() : Float.parseFloat(text.trim());
                case BOOLEAN -> {
                    if (v instanceof Boolean b) {
                        yield b;
                    }
                    String s = text.trim().toLowerCase(Locale.ROOT);
                    if (s.equals("true") || s.equals("t") || s.equals("y") || s.equals("yes")) {
                        yield true;
                    }
                    if (s.equals("false") || s.equals("f") || s.equals("n") || s.equals("no")) {
                        yield false;
                    }
                    yield new BigDecimal(s).signum() != 0;
                }
                case DATE -> v instanceof LocalDate d ? d : v instanceof LocalDateTime t ? t.toLocalDate()
                        : LocalDate.parse(dateText(text.trim())); 
                case TIMESTAMP -> v instanceof LocalDateTime t ? t : v instanceof LocalDate d ? d.atStartOfDay()
                        : LocalDateTime.parse(dateText(text.trim()).replace(' ', 'T'));
                case BINARY -> v instanceof byte[] b ? b : text.getBytes(StandardCharsets.UTF_8);
            };
        } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
            return null;
        }
    }

    /** {@code YYYY:MM:DD[ ...]} → {@code YYYY-MM-DD[ ...]}. */
    private static String dateText(String s) {
        if (s.length() >= 10 && s.charAt(4) == ':' && s.charAt(7) == ':') {
            return s.substring(0, 4) + '-' + s.substring(5, 7) + '-' + s.substring(8);
        }
        return s;
    }
}
