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
     * {@return whether {@code name} matches {@code pattern}}
     *
     * @param pattern a DMS object-locator pattern
     * @param name an object name
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
        return compile(pattern, escape).matches(name);
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
     * {@return whether it contains any wildcard ({@code %}, {@code _} or a bracket class)}
     *
     * @param pattern an object-locator value
     */
    public static boolean hasWildcard(String pattern) {
        return pattern != null && !compile(pattern, (char) 0).isLiteral();
    }

    /**
     * {@return whether it contains {@code %}, which DMS forbids where exact names are required}
     *
     * @param pattern an object-locator value
     */
    public static boolean hasPercent(String pattern) {
        return pattern != null && pattern.indexOf('%') >= 0;
    }

    /**
     * {@return the pattern compiled for repeated matching (compile once, match many names)}
     *
     * @param pattern a DMS object-locator pattern
     * @param escape the escape character, or {@code (char) 0} for none
     */
    static Compiled compile(String pattern, char escape) {
        Objects.requireNonNull(pattern, "pattern");
        if (escape == 0 && plain(pattern)) {
            return new Compiled(pattern, List.of()); // no wildcard: a name matches when it is equal
        }
        // where the next ']' is, found in one backwards pass (searching from every '[' would be quadratic)
        int[] nextClose = new int[pattern.length() + 1];
        nextClose[pattern.length()] = -1;
        for (int i = pattern.length() - 1; i >= 0; i--) {
            nextClose[i] = pattern.charAt(i) == ']' ? i : nextClose[i + 1];
        }
        List<Segment> segments = new ArrayList<>();
        List<Token> cur = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (escape != 0 && c == escape && i + 1 < pattern.length()) {
                run.append(pattern.charAt(++i));
            } else if (c == '%') {
                flush(run, cur);
                segments.add(new Segment(cur));
                cur = new ArrayList<>();
                while (i + 1 < pattern.length() && pattern.charAt(i + 1) == '%') {
                    i++;
                }
            } else if (c == '_') {
                flush(run, cur);
                cur.add(new Token(Kind.ONE, null, null, null));
            } else if (c == '[' && i + 2 <= pattern.length() && nextClose[Math.min(i + 2, pattern.length())] >= 0) {
                int close = nextClose[i + 2];
                flush(run, cur);
                String set = pattern.substring(i + 1, close);
                cur.add(new Token(Kind.CLASS, null, set, set.length() > 8 ? classChars(set) : null));
                i = close;
            } else {
                run.append(c); // a plain character, or an unclosed '[' (a literal)
            }
        }
        flush(run, cur);
        segments.add(new Segment(cur));
        if (segments.size() == 1 && cur.size() <= 1 && (cur.isEmpty() || cur.get(0).kind == Kind.LITERAL)) {
            return new Compiled(cur.isEmpty() ? "" : cur.get(0).run, List.of()); // escapes only: still a literal
        }
        return new Compiled(null, segments);
    }

    /** {@return whether the pattern has no {@code %}, {@code _} or {@code [} (one vectorised scan per character)} */
    private static boolean plain(String pattern) {
        return pattern.indexOf('%') < 0 && pattern.indexOf('_') < 0 && pattern.indexOf('[') < 0;
    }

    private static void flush(StringBuilder run, List<Token> cur) {
        if (run.length() > 0) {
            cur.add(new Token(Kind.LITERAL, run.toString(), null, null));
            run.setLength(0);
        }
    }

    /**
     * A compiled pattern: either a literal (no wildcard, matched with {@code equals}) or the segments between
     * {@code %}s, each a few tokens where a run of plain characters is one token. Compiling and matching are linear in
     * the pattern and name lengths with a small constant, whatever their size; a megabyte-long plain name is one
     * string comparison, not a million token objects.
     */
    static final class Compiled {
        private final String literal;
        private final List<Segment> segments;

        private Compiled(String literal, List<Segment> segments) {
            this.literal = literal;
            this.segments = List.copyOf(segments);
        }

        /** {@return whether the pattern has no wildcard, so only the equal name matches} */
        boolean isLiteral() {
            return literal != null;
        }

        /** {@return how many tokens the pattern compiled to (a structural measure of the work per match)} */
        int tokenCount() {
            int n = literal != null ? 1 : 0;
            for (Segment s : segments) {
                n += s.tokens.length;
            }
            return n;
        }

        /**
         * Glob matching by segments: the text between {@code %}s must appear in order, the first anchored at the
         * start and the last at the end; each middle segment is matched at its leftmost position (which is always
         * safe). A middle segment of plain characters is found by Knuth-Morris-Pratt, so in linear time; one with
         * {@code _} or classes is tried at each position, O(name length x segment length) at worst, never
         * O(name length x pattern length) as star backtracking can be on hostile patterns such as {@code "_%_%_%...x"}.
         *
         * @param s a name
         * @return whether it matches
         */
        boolean matches(String s) {
            if (literal != null) {
                return literal.equals(s);
            }
            int n = s.length();
            if (segments.size() == 1) {
                Segment only = segments.get(0);
                return only.length == n && only.matchesAt(s, 0);
            }
            Segment first = segments.get(0);
            Segment last = segments.get(segments.size() - 1);
            if ((long) first.length + last.length > n || !first.matchesAt(s, 0)
                    || !last.matchesAt(s, n - last.length)) {
                return false;
            }
            int from = first.length;
            int end = n - last.length;
            for (int k = 1; k < segments.size() - 1; k++) {
                Segment seg = segments.get(k);
                int at = seg.find(s, from, end);
                if (at < 0) {
                    return false;
                }
                from = at + seg.length;
            }
            return true;
        }
    }

    /** The tokens between two {@code %}s and how many characters they match. */
    private static final class Segment {
        private final Token[] tokens;
        private final int length;
        /** Knuth-Morris-Pratt failure table when the segment is one run of plain characters, else null. */
        private final int[] failure;

        Segment(List<Token> tokens) {
            this.tokens = tokens.toArray(new Token[0]);
            int len = 0;
            for (Token t : this.tokens) {
                len += t.kind == Kind.LITERAL ? t.run.length() : 1;
            }
            this.length = len;
            this.failure = this.tokens.length == 1 && this.tokens[0].kind == Kind.LITERAL
                    ? failureTable(this.tokens[0].run) : null;
        }

        boolean matchesAt(String s, int at) {
            int off = at;
            for (Token t : tokens) {
                if (t.kind == Kind.LITERAL) {
                    if (!s.regionMatches(off, t.run, 0, t.run.length())) {
                        return false;
                    }
                    off += t.run.length();
                } else {
                    if (!t.accepts(s.charAt(off))) {
                        return false;
                    }
                    off++;
                }
            }
            return true;
        }

        /** {@return the leftmost position in {@code [from, end - length]} where the segment matches, or -1} */
        int find(String s, int from, int end) {
            if (length == 0) {
                return from <= end ? from : -1;
            }
            if (failure != null) {
                String w = tokens[0].run;
                int q = 0;
                for (int i = from; i < end; i++) {
                    char c = s.charAt(i);
                    while (q > 0 && w.charAt(q) != c) {
                        q = failure[q - 1];
                    }
                    if (w.charAt(q) == c && ++q == w.length()) {
                        return i - w.length() + 1;
                    }
                }
                return -1;
            }
            for (int p = from; p + length <= end; p++) {
                if (matchesAt(s, p)) {
                    return p;
                }
            }
            return -1;
        }

        private static int[] failureTable(String w) {
            int[] f = new int[w.length()];
            int k = 0;
            for (int i = 1; i < w.length(); i++) {
                while (k > 0 && w.charAt(k) != w.charAt(i)) {
                    k = f[k - 1];
                }
                if (w.charAt(k) == w.charAt(i)) {
                    k++;
                }
                f[i] = k;
            }
            return f;
        }
    }

    private enum Kind { LITERAL, ONE, CLASS }

    /** A run of plain characters, one {@code _}, or one bracket class. */
    private record Token(Kind kind, String run, String set, java.util.BitSet chars) {
        boolean accepts(char c) {
            switch (kind) {
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
}
