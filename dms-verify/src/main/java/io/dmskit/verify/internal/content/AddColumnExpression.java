package io.dmskit.verify.internal.content;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The part of DMS's SQLite {@code expression} language (dms-json-formats.md §4.5) that can be evaluated from a
 * row's values alone: literals, {@code $COLUMN} references, {@code ||}, {@code + - * /}, parentheses and the functions
 * {@code upper lower trim ltrim rtrim length substr replace coalesce ifnull nullif abs round hash_sha256}. Anything
 * else (header columns {@code $AR_H_*}, {@code CASE}, date functions, {@code random()}) makes {@link #parse} return
 * empty, and the added column is not compared. Values are text, numbers ({@link BigDecimal}) or null, as in SQLite.
 */
final class AddColumnExpression {

    private final Node root;

    private AddColumnExpression(Node root) {
        this.root = root;
    }

    /**
     * @param expression an add-column expression
     * @return the evaluator, empty when the expression uses anything this class cannot evaluate
     */
    static Optional<AddColumnExpression> parse(String expression) {
        if (expression == null) {
            return Optional.empty();
        }
        try {
            Parser p = new Parser(expression);
            Node n = p.concat();
            p.skip();
            if (p.pos != expression.length()) {
                return Optional.empty();
            }
            return Optional.of(new AddColumnExpression(n));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * @param columns source column name (any case) to its canonical value
     * @return the value as text, null for NULL
     */
    String evaluate(Map<String, String> columns) {
        Object v = root.eval(columns);
        return v == null ? null : text(v);
    }

    private interface Node {
        Object eval(Map<String, String> row);
    }

    static String text(Object v) {
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return v.toString();
    }

    private static BigDecimal number(Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        try {
            return new BigDecimal(v.toString().trim());
        } catch (NumberFormatException e) {
            return BigDecimal.ZERO; // SQLite reads non-numeric text as 0 in arithmetic
        }
    }

    private static final class Parser {
        private final String s;
        private int pos;

        Parser(String s) {
            this.s = s;
        }

        void skip() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        boolean eat(String token) {
            skip();
            if (s.startsWith(token, pos)) {
                pos += token.length();
                return true;
            }
            return false;
        }

        Node concat() {
            Node left = additive();
            while (eat("||")) {
                Node a = left;
                Node b = additive();
                left = row -> {
                    Object x = a.eval(row);
                    Object y = b.eval(row);
                    return x == null || y == null ? null : text(x) + text(y);
                };
            }
            return left;
        }

        Node additive() {
            Node left = multiplicative();
            while (true) {
                skip();
                if (pos < s.length() && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) {
                    char op = s.charAt(pos++);
                    Node a = left;
                    Node b = multiplicative();
                    left = row -> arithmetic(op, a.eval(row), b.eval(row));
                } else {
                    return left;
                }
            }
        }

        Node multiplicative() {
            Node left = unary();
            while (true) {
                skip();
                if (pos < s.length() && (s.charAt(pos) == '*' || s.charAt(pos) == '/')) {
                    char op = s.charAt(pos++);
                    Node a = left;
                    Node b = unary();
                    left = row -> arithmetic(op, a.eval(row), b.eval(row));
                } else {
                    return left;
                }
            }
        }

        Node unary() {
            if (eat("-")) {
                Node n = unary();
                return row -> {
                    Object v = n.eval(row);
                    return v == null ? null : number(v).negate();
                };
            }
            return primary();
        }

        Node primary() {
            skip();
            if (pos >= s.length()) {
                throw new IllegalArgumentException("unexpected end");
            }
            char c = s.charAt(pos);
            if (c == '(') {
                pos++;
                Node n = concat();
                if (!eat(")")) {
                    throw new IllegalArgumentException("')' expected");
                }
                return n;
            }
            if (c == '\'') {
                StringBuilder b = new StringBuilder();
                pos++;
                while (true) {
                    if (pos >= s.length()) {
                        throw new IllegalArgumentException("unterminated string");
                    }
                    char ch = s.charAt(pos++);
                    if (ch == '\'') {
                        if (pos < s.length() && s.charAt(pos) == '\'') {
                            b.append('\'');
                            pos++;
                        } else {
                            break;
                        }
                    } else {
                        b.append(ch);
                    }
                }
                String lit = b.toString();
                return row -> lit;
            }
            if (Character.isDigit(c) || c == '.') {
                int start = pos;
                while (pos < s.length() && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '.')) {
                    pos++;
                }
                BigDecimal n = new BigDecimal(s.substring(start, pos));
                return row -> n;
            }
            if (c == '$') {
                int start = ++pos;
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                    pos++;
                }
                String name = s.substring(start, pos);
                if (name.isEmpty() || name.toUpperCase(Locale.ROOT).startsWith("AR_H_")) {
                    throw new IllegalArgumentException("header column");
                }
                String key = name.toLowerCase(Locale.ROOT);
                return row -> {
                    if (!row.containsKey(key)) {
                        throw new IllegalStateException("no column " + name);
                    }
                    return row.get(key);
                };
            }
            if (Character.isLetter(c)) {
                int start = pos;
                while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                    pos++;
                }
                String name = s.substring(start, pos).toLowerCase(Locale.ROOT);
                if (name.equals("null")) {
                    return row -> null;
                }
                if (!eat("(")) {
                    throw new IllegalArgumentException("unsupported word " + name);
                }
                List<Node> args = new ArrayList<>();
                if (!eat(")")) {
                    do {
                        args.add(concat());
                    } while (eat(","));
                    if (!eat(")")) {
                        throw new IllegalArgumentException("')' expected");
                    }
                }
                return function(name, args);
            }
            throw new IllegalArgumentException("unexpected '" + c + "'");
        }

        private static Node function(String name, List<Node> a) {
            int n = a.size();
            return switch (name) {
                case "upper" -> one(n, row -> str(a.get(0).eval(row), x -> x.toUpperCase(Locale.ROOT)));
                case "lower" -> one(n, row -> str(a.get(0).eval(row), x -> x.toLowerCase(Locale.ROOT)));
                case "trim" -> one(n, row -> str(a.get(0).eval(row), String::strip));
                case "ltrim" -> one(n, row -> str(a.get(0).eval(row), String::stripLeading));
                case "rtrim" -> one(n, row -> str(a.get(0).eval(row), String::stripTrailing));
                case "length" -> one(n, row -> {
                    Object v = a.get(0).eval(row);
                    return v == null ? null : BigDecimal.valueOf(text(v).codePointCount(0, text(v).length()));
                });
                case "hash_sha256" -> one(n, row -> str(a.get(0).eval(row), x -> Canonical.sha256(x)
                        .toLowerCase(Locale.ROOT)));
                case "abs" -> one(n, row -> {
                    Object v = a.get(0).eval(row);
                    return v == null ? null : number(v).abs();
                });
                case "round" -> {
                    if (n < 1 || n > 2) {
                        throw new IllegalArgumentException("round takes 1 or 2 arguments");
                    }
                    yield row -> {
                        Object v = a.get(0).eval(row);
                        int digits = n == 2 ? number(a.get(1).eval(row)).intValue() : 0;
                        BigDecimal r = v == null ? null : number(v).setScale(digits, RoundingMode.HALF_UP);
                        return r == null ? null : n == 1 ? r.setScale(1, RoundingMode.UNNECESSARY) : r;
                    };
                }
                case "substr" -> {
                    if (n < 2 || n > 3) {
                        throw new IllegalArgumentException("substr takes 2 or 3 arguments");
                    }
                    yield row -> {
                        Object v = a.get(0).eval(row);
                        if (v == null) {
                            return null;
                        }
                        String t = text(v);
                        int from = number(a.get(1).eval(row)).intValue();
                        int start = from > 0 ? from - 1 : Math.max(0, t.length() + from);
                        int len = n == 3 ? number(a.get(2).eval(row)).intValue() : t.length();
                        start = Math.min(start, t.length());
                        return t.substring(start, Math.min(t.length(), start + Math.max(0, len)));
                    };
                }
                case "replace" -> {
                    if (n != 3) {
                        throw new IllegalArgumentException("replace takes 3 arguments");
                    }
                    yield row -> {
                        Object v = a.get(0).eval(row);
                        Object x = a.get(1).eval(row);
                        Object y = a.get(2).eval(row);
                        return v == null || x == null || y == null ? null : text(v).replace(text(x), text(y));
                    };
                }
                case "coalesce", "ifnull" -> row -> {
                    for (Node arg : a) {
                        Object v = arg.eval(row);
                        if (v != null) {
                            return v;
                        }
                    }
                    return null;
                };
                case "nullif" -> {
                    if (n != 2) {
                        throw new IllegalArgumentException("nullif takes 2 arguments");
                    }
                    yield row -> {
                        Object v = a.get(0).eval(row);
                        Object w = a.get(1).eval(row);
                        return v != null && w != null && text(v).equals(text(w)) ? null : v;
                    };
                }
                default -> throw new IllegalArgumentException("unsupported function " + name);
            };
        }

        private static Node one(int n, Node node) {
            if (n != 1) {
                throw new IllegalArgumentException("one argument expected");
            }
            return node;
        }

        private static Object str(Object v, java.util.function.UnaryOperator<String> f) {
            return v == null ? null : f.apply(text(v));
        }
    }

    private static Object arithmetic(char op, Object x, Object y) {
        if (x == null || y == null) {
            return null;
        }
        BigDecimal a = number(x);
        BigDecimal b = number(y);
        boolean integers = a.stripTrailingZeros().scale() <= 0 && b.stripTrailingZeros().scale() <= 0
                && a.scale() <= 0 && b.scale() <= 0;
        return switch (op) {
            case '+' -> a.add(b);
            case '-' -> a.subtract(b);
            case '*' -> a.multiply(b);
            default -> {
                if (b.signum() == 0) {
                    yield null; // SQLite: division by zero is NULL
                }
                yield integers ? a.divide(b, 0, RoundingMode.DOWN) : a.divide(b, MathContext.DECIMAL64);
            }
        };
    }
}
