package io.dmskit.testsupport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A reflection-driven sweep of hostile values through a module's public API: every public static method of the
 * entry classes, then every public method of every API object those return (builders, DSL steps, values), each
 * called with a benign value in every position but one and every hostile value (null, "", whitespace, control
 * characters, 10,000 characters, unpaired surrogates, negative / zero / extreme numbers, NaN and infinities, empty,
 * huge and null-holding collections) in that one. Every object obtained is then used: {@code toString()},
 * {@code hashCode()}, {@code equals}, and every public no-argument method ({@code build()}, {@code validate()},
 * {@code toJson()}, accessors...). Anything thrown must satisfy the module's contract ({@link Config#allowed}).
 *
 * <p>Shared by the modules' tests through the test-scoped artifact {@code io.dmskit:dms-test-support}.
 */
public final class HostileApiSweep {

    /** What a module's sweep covers and which exceptions its contract lets escape. */
    public record Config(String apiPrefix, List<Class<?>> entryClasses, Predicate<Throwable> allowed,
                  Function<Class<?>, List<Object>> extraValues, Predicate<Method> skip) {
    }

    static final String LONG = "x".repeat(10_000);
    static final int MAX_DEPTH = 4;

    final Config config;
    private final List<String> violations = new ArrayList<>();
    final Map<Class<?>, List<Object>> pool = new LinkedHashMap<>();
    final Set<Class<?>> swept = new HashSet<>();
    private int calls;

    /** @return the violations found so far */
    public List<String> violations() {
        return violations;
    }

    /** @return how many calls the sweep made */
    public int calls() {
        return calls;
    }

    /** @param config what to sweep and what may escape */
    public HostileApiSweep(Config config) {
        this.config = config;
    }

    // ------------------------------------------------------------------------------------------ hostile values

    static List<Object> strings() {
        return Arrays.asList("a", null, "", " ", "\t\n", "\u0000", "a\u0007b\r\n", LONG, "\uD800", "\uDC00x",
            "ünïcødé-名前-😀", "-1", "1e999999999", "NaN", "%", "[", "_", "'; DROP TABLE t; --", "{\"a\":", "a.b",
            "\u2028\uFEFF\uFFFF", "null", "0", "-0", "9".repeat(400), "\\", "[[[[[[[[%%%%%%%%____", "arn:aws:x",
            " a ", "A".repeat(256), "\"quoted\"", "a,b\nc");
    }

    List<Object> values(Class<?> type, Type generic) {
        List<Object> extra = config.extraValues().apply(type);
        List<Object> out = new ArrayList<>();
        if (extra != null) {
            out.addAll(extra);
        }
        if (type == String.class) {
            out.addAll(strings());
        } else if (type == int.class || type == Integer.class) {
            out.addAll(boxed(type, 1, 0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE));
        } else if (type == long.class || type == Long.class) {
            out.addAll(boxed(type, 1L, 0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE));
        } else if (type == short.class || type == Short.class) {
            out.addAll(boxed(type, (short) 1, (short) 0, (short) -1, Short.MIN_VALUE, Short.MAX_VALUE));
        } else if (type == byte.class || type == Byte.class) {
            out.addAll(boxed(type, (byte) 1, (byte) 0, (byte) -1, Byte.MIN_VALUE, Byte.MAX_VALUE));
        } else if (type == double.class || type == Double.class) {
            out.addAll(boxed(type, 1.0, 0.0, -0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.MAX_VALUE, Double.MIN_VALUE));
        } else if (type == float.class || type == Float.class) {
            out.addAll(boxed(type, 1.0f, 0.0f, -1.0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY));
        } else if (type == boolean.class || type == Boolean.class) {
            out.addAll(boxed(type, true, false));
        } else if (type == char.class || type == Character.class) {
            out.addAll(boxed(type, 'a', '\u0000', '\n', '\uD800', '"', ','));
        } else if (type.isEnum()) {
            out.addAll(Arrays.asList(type.getEnumConstants()));
            out.add(null);
        } else if (type == BigDecimal.class) {
            out.addAll(Arrays.asList(BigDecimal.ONE, null, new BigDecimal("1e999999999"), new BigDecimal("-1e-999999999")));
        } else if (type == BigInteger.class) {
            out.addAll(Arrays.asList(BigInteger.ONE, null, new BigInteger("9".repeat(5000)).negate()));
        } else if (type == Duration.class) {
            out.addAll(Arrays.asList(Duration.ofSeconds(1), null, Duration.ZERO, Duration.ofSeconds(-1),
                Duration.ofSeconds(Long.MAX_VALUE, 999_999_999), Duration.ofSeconds(Long.MIN_VALUE)));
        } else if (type == Instant.class) {
            out.addAll(Arrays.asList(Instant.EPOCH, null, Instant.MIN, Instant.MAX));
        } else if (type == LocalDate.class) {
            out.addAll(Arrays.asList(LocalDate.EPOCH, null, LocalDate.MIN, LocalDate.MAX));
        } else if (type == ZoneId.class) {
            out.addAll(Arrays.asList(ZoneId.of("UTC"), null, ZoneId.of("+18:00")));
        } else if (type == Path.class) {
            out.addAll(Arrays.asList(Path.of("target", "hostile-sweep"), null, Path.of(""), Path.of("/proc/nonexistent/x")));
        } else if (type == byte[].class) {
            out.addAll(Arrays.asList(new byte[] {1}, null, new byte[0], new byte[100_000]));
        } else if (type == InputStream.class) {
            out.addAll(Arrays.asList(new ByteArrayInputStream(new byte[] {'a'}), null, new ByteArrayInputStream(new byte[0])));
        } else if (type == Class.class) {
            out.addAll(Arrays.asList(Object.class, null, String.class, type));
        } else if (type == StringBuilder.class) {
            out.addAll(Arrays.asList(new StringBuilder(), null));
        } else if (type == OutputStream.class) {
            out.addAll(Arrays.asList(new ByteArrayOutputStream(), null));
        } else if (type == Object.class) {
            out.addAll(strings());
            out.addAll(Arrays.asList(1, Double.NaN, new Object(), List.of(), Map.of("k", "v")));
        } else if (type == Consumer.class) {
            Consumer<Object> nothing = b -> { };
            out.addAll(Arrays.asList(nothing, null, (Consumer<Object>) this::nullEverything));
        } else if (type == Supplier.class) {
            Supplier<Object> nothing = () -> null;
            out.addAll(Arrays.asList(nothing, null));
        } else if (type == Function.class) {
            out.addAll(Arrays.asList(Function.identity(), null));
        } else if (type.isArray()) {
            Class<?> c = type.getComponentType();
            List<Object> elements = values(c, c);
            Object benign = elements.isEmpty() ? null : elements.get(0);
            out.add(array(c, benign == null ? List.of() : List.of(benign)));
            out.add(null);
            out.add(array(c, List.of()));
            if (!c.isPrimitive()) {
                out.add(array(c, Collections.singletonList(null)));
            }
            out.add(array(c, elements.stream().filter(e -> e != null || !c.isPrimitive()).toList()));
            if (benign != null) {
                out.add(array(c, Collections.nCopies(10_000, benign)));
            }
        } else if (Map.class.isAssignableFrom(type)) {
            Type[] kv = typeArgs(generic);
            Class<?> k = kv.length == 2 ? raw(kv[0]) : String.class;
            Class<?> v = kv.length == 2 ? raw(kv[1]) : String.class;
            Object bk = first(values(k, kv.length == 2 ? kv[0] : k));
            Object bv = first(values(v, kv.length == 2 ? kv[1] : v));
            Map<Object, Object> benign = new LinkedHashMap<>();
            benign.put(bk, bv);
            Map<Object, Object> nullKey = new HashMap<>();
            nullKey.put(null, bv);
            Map<Object, Object> nullValue = new HashMap<>();
            nullValue.put(bk, null);
            out.addAll(Arrays.asList(benign, null, Map.of(), nullKey, nullValue));
            if (k == String.class) {
                Map<Object, Object> odd = new LinkedHashMap<>();
                for (Object s : strings()) {
                    if (s != null) {
                        odd.put(s, bv);
                    }
                }
                out.add(odd);
            }
        } else if (Collection.class.isAssignableFrom(type) || type == Iterable.class) {
            Type[] e = typeArgs(generic);
            Class<?> c = e.length == 1 ? raw(e[0]) : String.class;
            List<Object> elements = values(c, e.length == 1 ? e[0] : c);
            Object benign = first(elements);
            List<Object> all = new ArrayList<>(elements);
            List<Object> hugeList = benign == null ? List.of() : Collections.nCopies(10_000, benign);
            List<Object> lists = Arrays.asList(benign == null ? List.of() : List.of(benign), null, List.of(),
                Collections.singletonList(null), all, hugeList);
            if (Set.class.isAssignableFrom(type)) {
                for (Object l : lists) {
                    out.add(l == null ? null : new HashSet<>((List<?>) l));
                }
            } else {
                out.addAll(lists);
            }
        } else {
            List<Object> pooled = pool.getOrDefault(type, List.of());
            List<Object> assignable = new ArrayList<>(pooled);
            if (assignable.isEmpty()) {
                for (Map.Entry<Class<?>, List<Object>> e : pool.entrySet()) {
                    if (type.isAssignableFrom(e.getKey())) {
                        assignable.addAll(e.getValue());
                    }
                    if (assignable.size() >= 3) {
                        break;
                    }
                }
            }
            out.addAll(assignable.subList(0, Math.min(3, assignable.size())));
            out.add(null);
        }
        return out;
    }

    /**
     * A hostile customizer: calls every setter of the builder it is handed with null (zero for primitives); what a
     * setter throws propagates, so the method that ran the customizer is judged by it.
     */
    void nullEverything(Object builder) {
        if (builder == null) {
            return;
        }
        for (Method m : instanceMethods(builder.getClass())) {
            if (m.getParameterCount() == 0 || m.getParameterTypes()[0] == Consumer.class) {
                continue;
            }
            Object[] args = new Object[m.getParameterCount()];
            for (int i = 0; i < args.length; i++) {
                Class<?> p = m.getParameterTypes()[i];
                args[i] = zero(p);
            }
            try {
                open(m).invoke(builder, args);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new AssertionError(e.getCause());
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** Null, or the zero of a primitive type, boxed as that type (a ?: chain would promote them all to double). */
    static Object zero(Class<?> p) {
        if (!p.isPrimitive()) {
            return null;
        }
        Map<Class<?>, Object> zeros = Map.of(boolean.class, false, char.class, (char) 0, double.class, 0.0,
            float.class, 0.0f, long.class, 0L, int.class, 0, short.class, (short) 0, byte.class, (byte) 0);
        return zeros.get(p);
    }

    static Object first(List<Object> values) {
        return values.stream().filter(v -> v != null).findFirst().orElse(null);
    }

    static Object array(Class<?> component, List<?> elements) {
        Object a = Array.newInstance(component, elements.size());
        for (int i = 0; i < elements.size(); i++) {
            Array.set(a, i, elements.get(i));
        }
        return a;
    }

    static Type[] typeArgs(Type generic) {
        return generic instanceof ParameterizedType p ? p.getActualTypeArguments() : new Type[0];
    }

    static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (t instanceof java.lang.reflect.WildcardType w) {
            return raw(w.getUpperBounds()[0]);
        }
        return Object.class;
    }

    static List<Object> boxed(Class<?> type, Object... values) {
        List<Object> out = new ArrayList<>(Arrays.asList(values));
        if (!type.isPrimitive()) {
            out.add(1, null);
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------ methods

    boolean isApi(Class<?> c) {
        if (!c.getName().startsWith(config.apiPrefix()) || c.getName().contains(".internal")) {
            return false;
        }
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    /** Public instance methods of obj's API supertypes, one per signature, sorted. */
    List<Method> instanceMethods(Class<?> runtime) {
        Map<String, Method> bySignature = new LinkedHashMap<>();
        collect(runtime, bySignature, new HashSet<>());
        return bySignature.values().stream().sorted(Comparator.comparing(Method::toGenericString)).toList();
    }

    private void collect(Class<?> c, Map<String, Method> out, Set<Class<?>> seen) {
        if (c == null || c == Object.class || !seen.add(c)) {
            return;
        }
        if (isApi(c)) {
            for (Method m : c.getDeclaredMethods()) {
                int mod = m.getModifiers();
                if (!Modifier.isPublic(mod) || Modifier.isStatic(mod) || m.isSynthetic() || m.isBridge()
                    || config.skip().test(m) || isObjectMethod(m)) {
                    continue;
                }
                out.putIfAbsent(m.getName() + Arrays.toString(m.getParameterTypes()), m);
            }
        }
        collect(c.getSuperclass(), out, seen);
        for (Class<?> i : c.getInterfaces()) {
            collect(i, out, seen);
        }
    }

    static boolean isObjectMethod(Method m) {
        return switch (m.getName()) {
            case "toString", "hashCode" -> m.getParameterCount() == 0;
            case "equals" -> m.getParameterCount() == 1;
            case "compareTo", "wait", "notify", "notifyAll", "getClass", "clone", "finalize" -> true;
            default -> false;
        };
    }

    List<Method> staticMethods(Class<?> c) {
        return Arrays.stream(c.getDeclaredMethods())
            .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()) && !m.isSynthetic())
            .filter(m -> !(c.isEnum() && m.getName().equals("valueOf") && m.getParameterCount() == 1))
            .filter(m -> !m.getName().equals("main") && !config.skip().test(m))
            .sorted(Comparator.comparing(Method::toGenericString))
            .toList();
    }

    /** Benign arguments everywhere, and each hostile value in one position at a time. */
    List<Object[]> argumentLists(java.lang.reflect.Executable m) {
        int n = m.getParameterCount();
        List<List<Object>> perParam = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            perParam.add(values(m.getParameterTypes()[i], m.getGenericParameterTypes()[i]));
        }
        List<Object[]> out = new ArrayList<>();
        Object[] benign = new Object[n];
        for (int i = 0; i < n; i++) {
            benign[i] = perParam.get(i).isEmpty() ? null : perParam.get(i).get(0);
            if ("a".equals(benign[i])) {
                benign[i] = String.valueOf((char) ('a' + i)); // distinct where two names must differ
            }
        }
        out.add(benign);
        for (int i = 0; i < n; i++) {
            for (int j = 1; j < perParam.get(i).size(); j++) {
                Object[] args = benign.clone();
                args[i] = perParam.get(i).get(j);
                out.add(args);
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------ calling

    /** The outcome of one call: its result, or null if it threw (a violation is recorded unless allowed). */
    Object call(Method m, Object target, Object[] args, String what) {
        calls++;
        try {
            return open(m).invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable t = e.getCause();
            if (!config.allowed().test(t)) {
                violation(what, t);
            }
            return null;
        } catch (IllegalAccessException | IllegalArgumentException e) {
            throw new AssertionError("cannot call " + m + " with " + describe(args), e);
        }
    }

    void violation(String what, Throwable t) {
        StackTraceElement at = t.getStackTrace().length > 0 ? t.getStackTrace()[0] : null;
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().startsWith("io.dmskit.") && !e.getClassName().contains("HostileApi")) {
                at = e;
                break;
            }
        }
        String msg = String.valueOf(t.getMessage());
        violations.add(what + " threw " + t.getClass().getName() + ": "
            + (msg.length() > 160 ? msg.substring(0, 160) + "..." : msg) + " at " + at);
    }

    void remember(Object o) {
        if (o == null) {
            return;
        }
        List<Object> l = pool.computeIfAbsent(o.getClass(), k -> new ArrayList<>());
        if (l.size() < 3) {
            l.add(o);
        }
    }

    /** Uses a value as a caller would once it has it; never anything but an allowed exception, toString never. */
    void use(Object value, String what) {
        if (value == null || !isApi(value.getClass()) && !isApiInstance(value)) {
            return;
        }
        try {
            String s = value.toString();
            if (s == null) {
                violations.add(what + ".toString() returned null");
            }
        } catch (Throwable t) {
            violation(what + ".toString()", t);
        }
        try {
            value.hashCode();
            if (!value.equals(value) || value.equals(null) || value.equals("other")) {
                violations.add(what + ".equals is not reflexive or equals null/a string");
            }
        } catch (Throwable t) {
            violation(what + ".equals/hashCode", t);
        }
        for (Method m : instanceMethods(value.getClass())) {
            if (m.getParameterCount() == 0) {
                Object r = call(m, value, new Object[0], what + "." + m.getName() + "()");
                if (r != null && r != value && isApiInstance(r) && !(r instanceof Enum<?>)) {
                    remember(r);
                    try {
                        r.toString();
                    } catch (Throwable t) {
                        violation(what + "." + m.getName() + "().toString()", t);
                    }
                }
            }
        }
    }

    boolean isApiInstance(Object o) {
        Class<?> c = o.getClass();
        if (isApi(c)) {
            return true;
        }
        // internal implementations of public API interfaces (DSL steps)
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            for (Class<?> i : k.getInterfaces()) {
                if (isApi(i)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Sweeps every method of an object the config supplies (one a benign factory call cannot make). */
    /**
     * Sweeps one object's public methods.
     *
     * @param root the object
     * @param name its name in violation reports
     */
    public void sweepObject(Object root, String name) {
        remember(root);
        swept.add(root.getClass()); // a root is swept even when another instance of its class was
        for (Method m : instanceMethods(root.getClass())) {
            if (m.getParameterCount() > 0) {
                sweepMethod(m, root, name, 1);
            }
        }
        use(root, name);
    }

    /** Sweeps every static method of every entry class, and every API object reachable from benign results. */
    /** Sweeps every entry class's public static methods and constructors, and what they return. */
    public void sweepAll() {
        for (Class<?> c : config.entryClasses()) {
            for (java.lang.reflect.Constructor<?> k : c.getConstructors()) {
                if (k.getParameterCount() == 0 || c.isEnum()) {
                    continue;
                }
                for (Object[] args : argumentLists(k)) {
                    String what = "new " + c.getSimpleName() + describe(args);
                    calls++;
                    try {
                        Object r = open(k).newInstance(args);
                        use(r, what);
                        remember(r);
                    } catch (InvocationTargetException e) {
                        if (!config.allowed().test(e.getCause())) {
                            violation(what, e.getCause());
                        }
                    } catch (ReflectiveOperationException e) {
                        throw new AssertionError(e);
                    }
                }
            }
        }
        for (Class<?> c : config.entryClasses()) {
            for (Method m : staticMethods(c)) {
                long t0 = System.nanoTime();
                sweepMethod(m, null, c.getSimpleName(), 0);
                if (Boolean.getBoolean("sweep.profile")) {
                    System.out.printf("PROFILE %6d ms %s.%s%n", (System.nanoTime() - t0) / 1_000_000, c.getSimpleName(), m.getName());
                }
            }
        }
    }

    void sweepMethod(Method m, Object target, String path, int depth) {
        List<Object[]> lists = argumentLists(m);
        for (int i = 0; i < lists.size(); i++) {
            Object[] args = lists.get(i);
            Object t = target;
            if (target != null && i > 0) {
                t = fresh(target);
                if (t == null) {
                    continue;
                }
            }
            String what = path + "." + m.getName() + describe(args);
            Object r = call(m, t, args, what);
            if (r == null || r instanceof Enum<?>) {
                continue;
            }
            if (isApiInstance(r)) {
                if (i == 0) { // explored before it is used: use() ends with close() on what can be closed
                    remember(r);
                    Object parent = target;
                    if (r != target) {
                        recipes.putIfAbsent(r, () -> {
                            try {
                                return open(m).invoke(parent == null ? null : fresh(parent), args);
                            } catch (ReflectiveOperationException e) {
                                return null;
                            }
                        });
                    }
                    if (depth < MAX_DEPTH && swept.add(r.getClass())) {
                        for (Method next : instanceMethods(r.getClass())) {
                            if (next.getParameterCount() > 0) {
                                sweepMethod(next, r, path + "." + m.getName() + "(..)", depth + 1);
                            }
                        }
                    }
                }
                use(r, what);
            } else if (t != null && t != r) {
                use(t, what);
            }
        }
        if (target != null) {
            use(target, path);
        }
    }

    /** Builders and steps mutate: a hostile call gets a fresh copy of the target, rebuilt by its recorded recipe. */
    Object fresh(Object target) {
        Supplier<Object> s = recipes.get(target);
        return s == null ? target : s.get();
    }

    final Map<Object, Supplier<Object>> recipes = new java.util.IdentityHashMap<>();

    /** Every public top-level or nested class of the API packages in the compiled main classes of a module. */
    /**
     * @param anchor a class of the module whose compiled classes are scanned
     * @param prefix the API package prefix
     * @return the public, non-internal classes found
     */
    public static List<Class<?>> apiClasses(Class<?> anchor, String prefix) {
        try {
            Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<Class<?>> out = new ArrayList<>();
            try (var files = java.nio.file.Files.walk(root)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                    String name = root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", "");
                    if (!name.startsWith(prefix) || name.contains(".internal") || name.endsWith("package-info")) {
                        continue;
                    }
                    Class<?> c = Class.forName(name, false, anchor.getClassLoader());
                    boolean isPublic = true;
                    for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
                        isPublic &= Modifier.isPublic(k.getModifiers());
                    }
                    if (isPublic && !c.isAnonymousClass() && !c.isSynthetic()) {
                        out.add(c);
                    }
                }
            }
            return out;
        } catch (Exception e) {
            throw new AssertionError("cannot list the API classes next to " + anchor, e);
        }
    }

    static String describe(Object[] args) {
        List<String> out = new ArrayList<>();
        for (Object a : args) {
            out.add(describeOne(a));
        }
        return "(" + String.join(", ", out) + ")";
    }

    static String describeOne(Object a) {
        if (a == null) {
            return "null";
        }
        if (a instanceof String s) {
            String shown = s.length() > 20 ? s.substring(0, 20) + "...(" + s.length() + " chars)" : s;
            StringBuilder b = new StringBuilder("\"");
            shown.codePoints().forEach(cp -> {
                if (cp < 0x20 || cp >= 0xD800 && cp <= 0xDFFF) {
                    b.append(String.format("\\u%04x", cp));
                } else {
                    b.appendCodePoint(cp);
                }
            });
            return b.append('"').toString();
        }
        if (a instanceof Number || a instanceof Boolean || a instanceof Enum<?> || a instanceof Duration) {
            return a.toString();
        }
        if (a instanceof Collection<?> c) {
            return c.getClass().getSimpleName() + "[size " + c.size() + (c.stream().anyMatch(java.util.Objects::isNull) ? ", null element" : "") + "]";
        }
        if (a.getClass().isArray()) {
            int n = Array.getLength(a);
            return a.getClass().getComponentType().getSimpleName() + "[" + n + "]";
        }
        return a.getClass().getSimpleName();
    }

    // ------------------------------------------------------------------------------------------ random chains

    /**
     * One random chain: a random entry method with random (mostly hostile) arguments, then up to {@code choices}
     * random calls on API objects obtained so far, then every use of the last object. Choices are plain ints from
     * jqwik so a failing chain shrinks and replays.
     */
    /**
     * A random chain: a factory, then hostile calls chosen by the given numbers.
     *
     * @param choices the choices (from a property's generator)
     */
    public void chain(List<Integer> choices) {
        List<Method> entries = new ArrayList<>();
        for (Class<?> c : config.entryClasses()) {
            entries.addAll(staticMethods(c));
        }
        int k = 0;
        Method start = entries.get(Math.floorMod(choices.get(k++), entries.size()));
        Object[] args = randomArgs(start, choices, k);
        k += start.getParameterCount();
        StringBuilder what = new StringBuilder(start.getDeclaringClass().getSimpleName()).append('.')
            .append(start.getName()).append(describe(args));
        Object current = call(start, null, args, what.toString());
        if (current == null || !isApiInstance(current)) {
            return;
        }
        while (k + 1 < choices.size()) {
            List<Method> ms = instanceMethods(current.getClass());
            if (ms.isEmpty()) {
                break;
            }
            Method m = ms.get(Math.floorMod(choices.get(k++), ms.size()));
            Object[] a = randomArgs(m, choices, k);
            k += m.getParameterCount();
            what.append('.').append(m.getName()).append(describe(a));
            Object r = call(m, current, a, what.toString());
            if (r != null && isApiInstance(r) && !(r instanceof Enum<?>)) {
                current = r;
            }
        }
        use(current, what.toString());
    }

    Object[] randomArgs(Method m, List<Integer> choices, int from) {
        Object[] out = new Object[m.getParameterCount()];
        for (int i = 0; i < out.length; i++) {
            List<Object> vs = values(m.getParameterTypes()[i], m.getGenericParameterTypes()[i]);
            int choice = from + i < choices.size() ? choices.get(from + i) : 0;
            out[i] = vs.isEmpty() ? null : vs.get(Math.floorMod(choice, vs.size()));
        }
        return out;
    }

    /** Violations grouped by cause (exception type and where it was thrown), with the count and one example each. */
    /** @return the violations found, one per line, with counts */
    public String report() {
        Map<String, List<String>> byCause = new LinkedHashMap<>();
        for (String v : violations) {
            int threw = v.indexOf(" threw ");
            String cause = threw < 0 ? v : v.substring(threw + 7).replaceAll(":.* at ", " at ");
            byCause.computeIfAbsent(cause, k -> new ArrayList<>()).add(threw < 0 ? v : v.substring(0, threw));
        }
        StringBuilder b = new StringBuilder().append(violations.size()).append(" violations, ").append(byCause.size())
            .append(" causes, in ").append(calls).append(" calls:");
        byCause.forEach((cause, whats) -> b.append("\n  ").append(whats.size()).append("x ").append(cause)
            .append("\n      e.g. ").append(whats.get(0)));
        return b.toString();
    }

    /**
     * Public members of package-private classes (reached through a public interface or subclass) are callable from
     * the module's own package but not from this one: open them, as the module's own code could call them.
     */
    private static <T extends java.lang.reflect.AccessibleObject> T open(T member) {
        member.trySetAccessible();
        return member;
    }
}
