package io.dmskit.mappings;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * DMS wildcard matching for object-locator names (case-sensitive, like DMS selection rules).
 *
 * <ul>
 *   <li>{@code %} matches zero or more characters;</li>
 *   <li>{@code _} matches exactly one character (so {@code test_%} is <em>not</em> a literal prefix);</li>
 *   <li>{@code [ab]} matches one character of the set, {@code [a-d]} one of the range;
 *       {@code [_]} and {@code [%]} match the literal character;</li>
 *   <li>an unclosed {@code [} is a literal.</li>
 * </ul>
 *
 * <pre>{@code
 * Wildcards.matches("act_hi_%", "act_hi_procinst")  // true
 * Wildcards.matches("test[_]%", "testX1")           // false
 * Wildcards.literal("order_items")                   // "order[_]items": matches only order_items
 * }</pre>
 */
public final class Wildcards {

    private Wildcards() {
    }

    /**
     * @param pattern a DMS object-locator pattern
     * @param name an object name
     * @return whether {@code name} matches {@code pattern}
     */
    public static boolean matches(String pattern, String name) {
        return matches(pattern, name, (char) 0);
    }

    /**
     * Matching with an escape character, as Oracle sources allow with the {@code escapeCharacter} endpoint
     * attribute: {@code matches("TEST#_T%", "TEST_TABLE", '#')} is true and {@code "TESTXTABLE"} does not match.
     *
     * @param pattern a DMS object-locator pattern
     * @param name an object name
     * @param escape the escape character, or {@code (char) 0} for none
     * @return whether {@code name} matches {@code pattern}
     */
    public static boolean matches(String pattern, String name, char escape) {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(name, "name");
        if (pattern.equals("%")) {
            return true;
        }
        List<Token> tokens = tokenize(pattern, escape);
        return match(tokens, name);
    }

    /**
     * Escapes a name so that, as an object-locator pattern, it matches exactly that name: {@code _} becomes
     * {@code [_]}, {@code %} becomes {@code [%]} and {@code [} becomes {@code [[]}; every other character is
     * already literal. Use it where DMS reads patterns (selection include/exclude, transformations, post-processing)
     * and a real name contains those characters, e.g. {@code include(Wildcards.literal("market_data"), "%")}. Where
     * DMS wants exact names ({@code explicit} selections, table-settings), write the name unescaped.
     *
     * <pre>{@code
     * Wildcards.literal("tmp_orders")   // "tmp[_]orders"
     * Wildcards.literal("50%_off")      // "50[%][_]off"
     * }</pre>
     *
     * @param name an object name, matched literally
     * @return a pattern that matches {@code name} and nothing else
     */
    public static String literal(String name) {
        Objects.requireNonNull(name, "name");
        StringBuilder out = new StringBuilder(name.length() + 8);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '_' || c == '%' || c == '[') {
                out.append('[').append(c).append(']');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * @param pattern an object-locator value
     * @return whether it contains any wildcard ({@code %}, {@code _} or a bracket class)
     */
    public static boolean hasWildcard(String pattern) {
        if (pattern == null) {
            return false;
        }
        for (Token t : tokenize(pattern, (char) 0)) {
            if (t.kind != Kind.LITERAL) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param pattern an object-locator value
     * @return whether it contains {@code %}, which DMS forbids where exact names are required
     */
    public static boolean hasPercent(String pattern) {
        return pattern != null && pattern.indexOf('%') >= 0;
    }

    private enum Kind { LITERAL, ONE, ANY, CLASS }

    private record Token(Kind kind, char literal, String set) {
        boolean accepts(char c) {
            switch (kind) {
                case LITERAL:
                    return c == literal;
                case ONE:
                    return true;
                case CLASS:
                    boolean negate = set.length() > 1 && set.charAt(0) == '^';
                    int i = negate ? 1 : 0;
                    boolean hit = false;
                    while (i < set.length()) {
                        char a = set.charAt(i);
                        if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
                            char b = set.charAt(i + 2);
                            if (c >= a && c <= b) {
                                hit = true;
                            }
                            i += 3;
                        } else {
                            if (c == a) {
                                hit = true;
                            }
                            i++;
                        }
                    }
                    return hit != negate;
                default:
                    return false;
            }
        }
    }

    private static List<Token> tokenize(String p, char escape) {
        List<Token> out = new ArrayList<>(p.length());
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (escape != 0 && c == escape && i + 1 < p.length()) {
                out.add(new Token(Kind.LITERAL, p.charAt(++i), null));
            } else if (c == '%') {
                if (out.isEmpty() || out.get(out.size() - 1).kind != Kind.ANY) {
                    out.add(new Token(Kind.ANY, c, null));
                }
            } else if (c == '_') {
                out.add(new Token(Kind.ONE, c, null));
            } else if (c == '[') {
                int close = p.indexOf(']', i + 2);
                if (close < 0) {
                    out.add(new Token(Kind.LITERAL, c, null));
                } else {
                    out.add(new Token(Kind.CLASS, c, p.substring(i + 1, close)));
                    i = close;
                }
            } else {
                out.add(new Token(Kind.LITERAL, c, null));
            }
        }
        return out;
    }

    /** Linear-time-per-backtrack glob matching (the classic single-star-backtrack algorithm). */
    private static boolean match(List<Token> tokens, String s) {
        int t = 0;
        int i = 0;
        int starT = -1;
        int starI = 0;
        int n = tokens.size();
        while (i < s.length()) {
            if (t < n && tokens.get(t).kind != Kind.ANY && tokens.get(t).accepts(s.charAt(i))) {
                t++;
                i++;
            } else if (t < n && tokens.get(t).kind == Kind.ANY) {
                starT = t++;
                starI = i;
            } else if (starT >= 0) {
                t = starT + 1;
                i = ++starI;
            } else {
                return false;
            }
        }
        while (t < n && tokens.get(t).kind == Kind.ANY) {
            t++;
        }
        return t == n;
    }
}
