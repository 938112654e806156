package io.dmskit.engine.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The value of an {@code add-column} rule: a compiled subset of the SQLite expressions DMS accepts. Supported:
 * string and number literals, NULL, {@code $column} references, the headers {@code $AR_H_OPERATION},
 * {@code $AR_H_TIMESTAMP}, {@code $AR_H_COMMIT_TIMESTAMP}, {@code $AR_M_SOURCE_SCHEMA},
 * {@code $AR_M_SOURCE_TABLE_NAME}, the operators {@code || + - * / % = <> != < <= > >= AND OR NOT}, parentheses,
 * {@code CASE WHEN ... THEN ... [ELSE ...] END} and the functions {@code upper lower trim ltrim rtrim length substr
 * replace ifnull coalesce abs round}. Anything else is rejected when the task starts, naming the expression.
 */
interface ColumnExpression {

    /**
     * @param row source row
     * @param op I, U or D
     * @param time commit or transfer time
     * @param schema source schema
     * @param table source table
     * @return the value (String, Long, BigDecimal, Double, or null)
     */
    Object evaluate(Object[] row, char op, Instant time, String schema, String table);

    /** @return the value kind of a DMS data type name of an add-column rule */
    static ValueKind kindOf(String dataType) {
        if (dataType == null) {
            return ValueKind.STRING;
        }
        return switch (dataType.toLowerCase(Locale.ROOT)) {
            case "int1", "int2", "int4", "int8", "uint1", "uint2", "uint4" -> ValueKind.INTEGER;
            case "numeric", "uint8" -> ValueKind.DECIMAL;
            case "real4" -> ValueKind.FLOAT;
            case "real8" -> ValueKind.DOUBLE;
            case "boolean" -> ValueKind.BOOLEAN;
            case "date" -> ValueKind.DATE;
            case "datetime" -> ValueKind.TIMESTAMP;
            case "bytes", "blob" -> ValueKind.BINARY;
            default -> ValueKind.STRING;
        };
    }

    /**
     * @param expression the rule's expression, null for a NULL column
     * @param table the table whose columns {@code $name} refers to
     * @return the compiled expression
     * @throws EngineException when the expression is outside the supported subset
     */
    static ColumnExpression compile(String expression, SourceTable table) {
        if (expression == null || expression.isBlank()) {
            return (row, op, time, schema, t) -> null;
        }
        try {
            return new Parser(expression, table).parseAll();
        } catch (RuntimeException e) {
            throw new EngineException("add-column expression '" + expression + "' on " + table.qualifiedName()
                    + " is not supported by the local engine: " + e.getMessage(), e);
        }
    }

    /** Recursive-descent parser producing a tree of lambdas. */
    final class Parser {
        private final String src;
        private final SourceTable table;
        private int pos;

        Parser(String src, SourceTable table) {
            this.src = src;
            this.table = table;
        }

        ColumnExpression parseAll() {
            ColumnExpression e = or();
            skip();
            if (pos < src.length()) {
                throw new IllegalArgumentException("unexpected '" + src.substring(pos) + "'");
            }
            return e;
        }

        private void skip() {
            while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
                pos++;
            }
        }

        private boolean eat(String token) {
            skip();
            if (src.regionMatches(true, pos, token, 0, token.length())) {
                boolean word = Character.isLetter(token.charAt(0));
                int end = pos + token.length();
                if (word && end < src.length() && (Character.isLetterOrDigit(src.charAt(end)) || src.charAt(end) == '_')) {
                    return false;
                }
                pos = end;
                return true;
            }
            return false;
        }

        private ColumnExpression or() {
            ColumnExpression l = and();
            while (eat("OR")) {
                ColumnExpression a = l;
                ColumnExpression b = and();
                l = (r, o, t, s, n) -> truth(a.evaluate(r, o, t, s, n)) || truth(b.evaluate(r, o, t, s, n)) ? 1L : 0L;
            }
            return l;
        }

        private ColumnExpression and() {
            ColumnExpression l = not();
            while (eat("AND")) {
                ColumnExpression a = l;
                ColumnExpression b = not();
                l = (r, o, t, s, n) -> truth(a.evaluate(r, o, t, s, n)) && truth(b.evaluate(r, o, t, s, n)) ? 1L : 0L;
            }
            return l;
        }

        private ColumnExpression not() {
            if (eat("NOT")) {
                ColumnExpression a = not();
                return (r, o, t, s, n) -> truth(a.evaluate(r, o, t, s, n)) ? 0L : 1L;
            }
            return comparison();
        }

        private ColumnExpression comparison() {
            ColumnExpression l = concat();
            for (String op : new String[] {"<=", ">=", "<>", "!=", "==", "=", "<", ">"}) {
                if (eat(op)) {
                    ColumnExpression a = l;
                    ColumnExpression b = concat();
                    String operator = op;
                    return (r, o, t, s, n) -> {
                        Object x = a.evaluate(r, o, t, s, n);
                        Object y = b.evaluate(r, o, t, s, n);
                        if (x == null || y == null) {
                            return null;
                        }
                        int c = compare(x, y);
                        boolean res = switch (operator) {
                            case "<=" -> c <= 0;
                            case ">=" -> c >= 0;
                            case "<>", "!=" -> c != 0;
                            case "=", "==" -> c == 0;
                            case "<" -> c < 0;
                            default -> c > 0;
                        };
                        return res ? 1L : 0L;
                    };
                }
            }
            return l;
        }

        private ColumnExpression concat() {
            ColumnExpression l = additive();
            while (eat("||")) {
                ColumnExpression a = l;
                ColumnExpression b = additive();
                l = (r, o, t, s, n) -> {
                    Object x = a.evaluate(r, o, t, s, n);
                    Object y = b.evaluate(r, o, t, s, n);
                    return x == null || y == null ? null : text(x) + text(y);
                };
            }
            return l;
        }

        private ColumnExpression additive() {
            ColumnExpression l = multiplicative();
            while (true) {
                char op;
                if (eat("+")) {
                    op = '+';
                } else if (peekMinus()) {
                    op = '-';
                } else {
                    return l;
                }
                ColumnExpression a = l;
                ColumnExpression b = multiplicative();
                char operator = op;
                l = (r, o, t, s, n) -> arithmetic(a.evaluate(r, o, t, s, n), b.evaluate(r, o, t, s, n), operator);
            }
        }

        private boolean peekMinus() {
            skip();
            if (pos < src.length() && src.charAt(pos) == '-') {
                pos++;
                return true;
            }
            return false;
        }

        private ColumnExpression multiplicative() {
            ColumnExpression l = unary();
            while (true) {
                char op;
                if (eat("*")) {
                    op = '*';
                } else if (eat("/")) {
                    op = '/';
                } else if (eat("%")) {
                    op = '%';
                } else {
                    return l;
                }
                ColumnExpression a = l;
                ColumnExpression b = unary();
                char operator = op;
                l = (r, o, t, s, n) -> arithmetic(a.evaluate(r, o, t, s, n), b.evaluate(r, o, t, s, n), operator);
            }
        }

        private ColumnExpression unary() {
            if (peekMinus()) {
                ColumnExpression a = unary();
                return (r, o, t, s, n) -> arithmetic(0L, a.evaluate(r, o, t, s, n), '-');
            }
            return primary();
        }

        private ColumnExpression primary() {
            skip();
            if (pos >= src.length()) {
                throw new IllegalArgumentException("expression ends too early");
            }
            char ch = src.charAt(pos);
            if (ch == '(') {
                pos++;
                ColumnExpression e = or();
                expect(")");
                return e;
            }
            if (ch == '\'') {
                StringBuilder sb = new StringBuilder();
                pos++;
                while (true) {
                    if (pos >= src.length()) {
                        throw new IllegalArgumentException("unterminated string literal");
                    }
                    char c = src.charAt(pos++);
                    if (c == '\'') {
                        if (pos < src.length() && src.charAt(pos) == '\'') {
                            sb.append('\'');
                            pos++;
                        } else {
                            break;
                        }
                    } else {
                        sb.append(c);
                    }
                }
                String literal = sb.toString();
                return (r, o, t, s, n) -> literal;
            }
            if (Character.isDigit(ch) || ch == '.') {
                int start = pos;
                while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
                    pos++;
                }
                String num = src.substring(start, pos);
                Object value = num.contains(".") ? (Object) new BigDecimal(num) : (Object) Long.parseLong(num);
                return (r, o, t, s, n) -> value;
            }
            if (ch == '$') {
                pos++;
                String name = identifier();
                return reference(name);
            }
            if (eat("NULL")) {
                return (r, o, t, s, n) -> null;
            }
            if (eat("CASE")) {
                return caseExpression();
            }
            String fn = identifier();
            expect("(");
            List<ColumnExpression> args = new ArrayList<>();
            skip();
            if (!eat(")")) {
                do {
                    args.add(or());
                } while (eat(","));
                expect(")");
            }
            return function(fn.toLowerCase(Locale.ROOT), args);
        }

        private ColumnExpression caseExpression() {
            List<ColumnExpression[]> branches = new ArrayList<>();
            while (eat("WHEN")) {
                ColumnExpression cond = or();
                if (!eat("THEN")) {
                    throw new IllegalArgumentException("THEN expected");
                }
                branches.add(new ColumnExpression[] {cond, or()});
            }
            ColumnExpression otherwise = eat("ELSE") ? or() : (r, o, t, s, n) -> null;
            if (!eat("END")) {
                throw new IllegalArgumentException("END expected");
            }
            return (r, o, t, s, n) -> {
                for (ColumnExpression[] b : branches) {
                    if (truth(b[0].evaluate(r, o, t, s, n))) {
                        return b[1].evaluate(r, o, t, s, n);
                    }
                }
                return otherwise.evaluate(r, o, t, s, n);
            };
        }

        private void expect(String token) {
            if (!eat(token)) {
                throw new IllegalArgumentException("'" + token + "' expected at position " + pos);
            }
        }

        private String identifier() {
            skip();
            int start = pos;
            while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                pos++;
            }
            if (start == pos) {
                throw new IllegalArgumentException("name expected at position " + pos);
            }
            return src.substring(start, pos);
        }

        private ColumnExpression reference(String name) {
            switch (name.toUpperCase(Locale.ROOT)) {
                case "AR_H_OPERATION":
                    return (r, o, t, s, n) -> switch (o) {
                        case 'I' -> "INSERT";
                        case 'U' -> "UPDATE";
                        default -> "DELETE";
                    };
                case "AR_H_TIMESTAMP":
                case "AR_H_COMMIT_TIMESTAMP":
                    return (r, o, t, s, n) -> TextValues.timestamp(LocalDateTime.ofInstant(t, ZoneOffset.UTC), 6);
                case "AR_M_SOURCE_SCHEMA":
                    return (r, o, t, s, n) -> s;
                case "AR_M_SOURCE_TABLE_NAME":
                    return (r, o, t, s, n) -> n;
                default:
                    break;
            }
            int index = table.indexOf(name);
            if (index < 0) {
                for (int i = 0; i < table.columns().size(); i++) {
                    if (table.columns().get(i).name().equalsIgnoreCase(name)) {
                        index = i;
                    }
                }
            }
            if (index < 0) {
                throw new IllegalArgumentException("no column '" + name + "' in " + table.qualifiedName());
            }
            int i = index;
            SourceColumn column = table.columns().get(i);
            return (r, o, t, s, n) -> {
                Object v = r[i];
                return v == null || v instanceof Long || v instanceof BigDecimal || v instanceof Double || v instanceof String
                        ? v : TextValues.render(v, column);
            };
        }

        private ColumnExpression function(String fn, List<ColumnExpression> args) {
            int arity = args.size();
            switch (fn) {
                case "upper", "lower", "trim", "ltrim", "rtrim", "length", "abs" -> {
                    requireArity(fn, arity, 1, 1);
                    ColumnExpression a = args.get(0);
                    return (r, o, t, s, n) -> {
                        Object v = a.evaluate(r, o, t, s, n);
                        if (v == null) {
                            return null;
                        }
                        return switch (fn) {
                            case "upper" -> text(v).toUpperCase(Locale.ROOT);
                            case "lower" -> text(v).toLowerCase(Locale.ROOT);
                            case "trim" -> text(v).strip();
                            case "ltrim" -> text(v).stripLeading();
                            case "rtrim" -> text(v).stripTrailing();
                            case "length" -> (long) text(v).codePointCount(0, text(v).length());
                            default -> number(v).abs();
                        };
                    };
                }
                case "substr" -> {
                    requireArity(fn, arity, 2, 3);
                    return (r, o, t, s, n) -> {
                        Object v = args.get(0).evaluate(r, o, t, s, n);
                        Object from = args.get(1).evaluate(r, o, t, s, n);
                        if (v == null || from == null) {
                            return null;
                        }
                        String str = text(v);
                        int start = Math.max(0, number(from).intValue() - 1);
                        int len = arity == 3 ? number(args.get(2).evaluate(r, o, t, s, n)).intValue() : str.length();
                        return start >= str.length() ? "" : str.substring(start, Math.min(str.length(), start + len));
                    };
                }
                case "replace" -> {
                    requireArity(fn, arity, 3, 3);
                    return (r, o, t, s, n) -> {
                        Object v = args.get(0).evaluate(r, o, t, s, n);
                        Object a = args.get(1).evaluate(r, o, t, s, n);
                        Object b = args.get(2).evaluate(r, o, t, s, n);
                        return v == null || a == null || b == null ? null : text(v).replace(text(a), text(b));
                    };
                }
                case "ifnull", "coalesce" -> {
                    requireArity(fn, arity, 2, Integer.MAX_VALUE);
                    return (r, o, t, s, n) -> {
                        for (ColumnExpression a : args) {
                            Object v = a.evaluate(r, o, t, s, n);
                            if (v != null) {
                                return v;
                            }
                        }
                        return null;
                    };
                }
                case "round" -> {
                    requireArity(fn, arity, 1, 2);
                    return (r, o, t, s, n) -> {
                        Object v = args.get(0).evaluate(r, o, t, s, n);
                        if (v == null) {
                            return null;
                        }
                        int digits = arity == 2 ? number(args.get(1).evaluate(r, o, t, s, n)).intValue() : 0;
                        return number(v).setScale(digits, java.math.RoundingMode.HALF_UP);
                    };
                }
                default -> throw new IllegalArgumentException("function " + fn + "() is not supported");
            }
        }

        private static void requireArity(String fn, int arity, int min, int max) {
            if (arity < min || arity > max) {
                throw new IllegalArgumentException(fn + "() takes " + (min == max ? String.valueOf(min)
                        : min + ".." + (max == Integer.MAX_VALUE ? "n" : max)) + " arguments, got " + arity);
            }
        }

        static boolean truth(Object v) {
            if (v == null) {
                return false;
            }
            if (v instanceof Number n) {
                return n.doubleValue() != 0;
            }
            if (v instanceof Boolean b) {
                return b;
            }
            try {
                return new BigDecimal(v.toString().trim()).signum() != 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        static String text(Object v) {
            if (v instanceof BigDecimal d) {
                return d.toPlainString();
            }
            return v instanceof Double d ? TextValues.real8(d) : v.toString();
        }

        static BigDecimal number(Object v) {
            if (v instanceof BigDecimal d) {
                return d;
            }
            if (v instanceof Long l) {
                return BigDecimal.valueOf(l);
            }
            if (v instanceof Number n) {
                return BigDecimal.valueOf(n.doubleValue());
            }
            try {
                return new BigDecimal(v.toString().trim());
            } catch (NumberFormatException e) {
                return BigDecimal.ZERO;
            }
        }

        static int compare(Object x, Object y) {
            boolean xn = x instanceof Number;
            boolean yn = y instanceof Number;
            if (xn && yn) {
                return number(x).compareTo(number(y));
            }
            return text(x).compareTo(text(y));
        }

        static Object arithmetic(Object x, Object y, char op) {
            if (x == null || y == null) {
                return null;
            }
            BigDecimal a = number(x);
            BigDecimal b = number(y);
            BigDecimal r;
            switch (op) {
                case '+' -> r = a.add(b);
                case '-' -> r = a.subtract(b);
                case '*' -> r = a.multiply(b);
                case '/' -> {
                    if (b.signum() == 0) {
                        return null;
                    }
                    boolean integral = x instanceof Long && y instanceof Long;
                    r = integral ? a.divideToIntegralValue(b) : a.divide(b, java.math.MathContext.DECIMAL64);
                }
                default -> {
                    if (b.signum() == 0) {
                        return null;
                    }
                    r = a.remainder(b);
                }
            }
            if (x instanceof Long && y instanceof Long) {
                return r.longValue();
            }
            return r;
        }
    }
}
