package io.dmskit.mappings;

import io.dmskit.mappings.internal.Args;
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
        Args.required(pattern, "Wildcards: pattern");
        Args.required(name, "Wildcards: name");
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
        Args.required(name, "Wildcards: name");
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

    private record Token(Kind kind, char literal, String set, java.util.BitSet chars) {
        Token(Kind kind, char literal, String set) {
            this(kind, literal, set, set != null && set.length() > 8 ? classChars(set) : null);
        }

        boolean accepts(char c) {
            switch (kind) {
                case LITERAL:
                    return c == literal;
                case ONE:
                    return true;
                case CLASS:
                    if (chars != null) { // long classes are precomputed, so a check costs O(1), not O(class length)
                        return chars.get(c) != (set.length() > 1 && set.charAt(0) == '^');
                    }
                    return inClass(set, c);
                default:
                    return false;
            }
        }
    }

    private static boolean inClass(String set, char c) {
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
    }

    /** The characters a class names, ignoring its negation (applied by the caller). */
    private static java.util.BitSet classChars(String set) {
        java.util.BitSet bits = new java.util.BitSet();
        int i = set.length() > 1 && set.charAt(0) == '^' ? 1 : 0;
        while (i < set.length()) {
            char a = set.charAt(i);
            if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
                char b = set.charAt(i + 2);
                if (a <= b) {
                    bits.set(a, b + 1);
                }
                i += 3;
            } else {
                bits.set(a);
                i++;
            }
        }
        return bits;
    }

    private static List<Token> tokenize(String p, char escape) {
        List<Token> out = new ArrayList<>(p.length());
        // where the next ']' is, found in one backwards pass (searching from every '[' would be quadratic)
        int[] nextClose = new int[p.length() + 1];
        nextClose[p.length()] = -1;
        for (int i = p.length() - 1; i >= 0; i--) {
            nextClose[i] = p.charAt(i) == ']' ? i : nextClose[i + 1];
        }
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
                int close = i + 2 <= p.length() ? nextClose[Math.min(i + 2, p.length())] : -1;
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

    /**
     * Glob matching by segments: the text between {@code %}s must appear in order, the first anchored at the start and
     * the last at the end; each middle segment is matched at its leftmost position (which is always safe). Work is
     * O(name length x longest segment), never O(name length x pattern length) as star backtracking can be on hostile
     * patterns such as {@code "_%_%_%...x"}.
     */
    private static boolean match(List<Token> tokens, String s) {
        List<List<Token>> segments = new ArrayList<>();
        List<Token> cur = new ArrayList<>();
        for (Token t : tokens) {
            if (t.kind == Kind.ANY) {
                segments.add(cur);
                cur = new ArrayList<>();
            } else {
                cur.add(t);
            }
        }
        segments.add(cur);
        int n = s.length();
        if (segments.size() == 1) {
            return cur.size() == n && matchesAt(cur, s, 0);
        }
        List<Token> first = segments.get(0);
        List<Token> last = segments.get(segments.size() - 1);
        if (first.size() + last.size() > n || !matchesAt(first, s, 0) || !matchesAt(last, s, n - last.size())) {
            return false;
        }
        int from = first.size();
        int end = n - last.size();
        for (int k = 1; k < segments.size() - 1; k++) {
            List<Token> seg = segments.get(k);
            int at = -1;
            for (int p = from; p + seg.size() <= end; p++) {
                if (matchesAt(seg, s, p)) {
                    at = p;
                    break;
                }
            }
            if (at < 0) {
                return false;
            }
            from = at + seg.size();
        }
        return true;
    }

    private static boolean matchesAt(List<Token> seg, String s, int at) {
        for (int j = 0; j < seg.size(); j++) {
            if (!seg.get(j).accepts(s.charAt(at + j))) {
                return false;
            }
        }
        return true;
    }
}
