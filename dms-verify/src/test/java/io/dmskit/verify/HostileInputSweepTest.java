package io.dmskit.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.core.Endpoint;
import io.dmskit.core.ReplicationTask;
import io.dmskit.core.endpoint.Secret;
import io.dmskit.core.exception.DmsKitException;
import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.core.provision.ApplyResult;
import io.dmskit.core.provision.Plan;
import io.dmskit.core.provision.Sleeper;
import io.dmskit.core.task.MigrationType;
import io.dmskit.mappings.TableMappings;
import io.dmskit.model.s3.S3OutputSettings;
import io.dmskit.testkit.FakeDms;
import io.dmskit.verify.probe.CdcProbeOptions;
import io.dmskit.verify.report.Tolerance;
import io.dmskit.verify.source.SourceTable;
import io.dmskit.verify.target.JdbcTarget;
import io.dmskit.verify.target.S3Target;
import io.dmskit.verify.target.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Sweeps hostile values (null, empty, control characters, 10,000 characters, unicode, extreme and NaN numbers,
 * zero, negative and enormous durations) through every public builder setter, static factory, constructor and
 * {@link Verifier} method of dms-verify, found by reflection over the module's compiled classes, and checks the
 * module's contract: nothing escapes but a {@link DmsKitException} (for bad input, dms-core's
 * {@link InvalidDefinitionException} naming the setting or parameter), and {@code build()} either gives a usable
 * value or reports. No database is needed: the source is a {@code DataSource} that cannot connect.
 */
class HostileInputSweepTest {

    static final String LONG = "x".repeat(10_000);
    static final String MAPPINGS = """
        {"rules":[{"rule-type":"selection","rule-id":"1","rule-name":"all","object-locator":
        {"schema-name":"shop","table-name":"%"},"rule-action":"include"}]}""";
    static final String ROLE = "arn:aws:iam::123456789012:role/dms";

    /** Above this many combinations, each parameter is varied alone with the others at a baseline value. */
    static final int MAX_COMBINATIONS = 3000;

    /** A builder type and a supplier of a valid builder (so problems come from the hostile value). */
    record Swept(Class<?> type, Supplier<Object> fresh) {
    }

    static List<Swept> builders() {
        return List.of(
            new Swept(Verifier.Builder.class, () -> Verifier.builder().source(unreachable())
                .tableMappings(MAPPINGS).target(JdbcTarget.of(unreachable(), "pg"))),
            new Swept(S3Target.Builder.class, () -> S3Target.builder().bucket("raw")),
            new Swept(CdcProbeOptions.Builder.class, CdcProbeOptions::builder),
            new Swept(ContentVerifier.Builder.class, () -> ContentVerifier.builder().verifier(Verifier.builder()
                .source(unreachable()).tableMappings(MAPPINGS).target(JdbcTarget.of(unreachable(), "pg")).build())));
    }

    static DataSource unreachable() {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "toString" -> "unreachable";
                case "hashCode" -> 1;
                case "equals" -> proxy == args[0];
                default -> throw new SQLException("connection refused (test)");
            });
    }

    static S3Client noS3() {
        return new S3Client() {
            @Override
            public String serviceName() {
                return "s3";
            }

            @Override
            public void close() {
            }
        };
    }

    // ------------------------------------------------------------------------------------------ hostile values

    static List<Object> strings() {
        return Arrays.asList(null, "", " ", "\u0000", "a\nb\u0007", LONG, "ünïcødé-名前-😀", "\uD800", "-1",
            "1e999999999", "arn:aws:dms:us-east-1:123456789012:task:X", "{\"rules\":", "%", "ok-value");
    }

    static List<Object> hostile(Class<?> type, Type generic) {
        if (type == String.class) {
            return strings();
        }
        if (type == int.class || type == Integer.class) {
            return nullable(type, 0, -1, 1, 16, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (type == long.class || type == Long.class) {
            return nullable(type, 0L, -1L, 1L, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (type == boolean.class || type == Boolean.class) {
            return nullable(type, true, false);
        }
        if (type == double.class || type == Double.class) {
            return nullable(type, 0.0, -0.0, -1.0, 0.5, 100.0, Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.MAX_VALUE);
        }
        if (type.isEnum()) {
            List<Object> out = new ArrayList<>(Arrays.asList(type.getEnumConstants()));
            out.add(null);
            return out;
        }
        if (type == Duration.class) {
            return Arrays.asList(null, Duration.ZERO, Duration.ofNanos(-1), Duration.ofMillis(1), Duration.ofSeconds(10),
                Duration.ofDays(367), Duration.ofSeconds(Long.MAX_VALUE, 999_999_999));
        }
        if (type == Instant.class) {
            return Arrays.asList(null, Instant.EPOCH, Instant.MIN, Instant.MAX);
        }
        if (type == Optional.class) {
            return Arrays.asList(null, Optional.empty());
        }
        if (type == DataSource.class) {
            return Arrays.asList(null, unreachable());
        }
        if (type == S3Client.class) {
            return Arrays.asList(null, noS3());
        }
        if (type == DatabaseMigrationClient.class) {
            return Arrays.asList(null, FakeDms.create());
        }
        if (type == Target.class) {
            return Arrays.asList(null, JdbcTarget.of(unreachable(), "pg"), S3Target.builder().bucket("raw").build());
        }
        if (type == Endpoint.class) {
            return Arrays.asList(null, s3Endpoint(), Endpoint.mysql("src").source().serverName("h").port(3306)
                .password("u", Secret.of("p")).build());
        }
        if (type == ReplicationTask.class) {
            return Arrays.asList(null, ReplicationTask.builder("t").source("src").target("tgt").replicationInstance("ri")
                .migrationType(MigrationType.FULL_LOAD).tableMappings(TableMappings.fromJson(MAPPINGS)).build());
        }
        if (type == ApplyResult.class) {
            return Arrays.asList(null, new ApplyResult(new Plan("p", List.of()),
                Map.of("REPLICATION_TASK:t", "arn:aws:dms:us-east-1:123456789012:task:T"), Duration.ZERO, 1, 0));
        }
        if (type == TableMappings.class) {
            return Arrays.asList(null, TableMappings.fromJson(MAPPINGS));
        }
        if (type == Tolerance.class) {
            return Arrays.asList(null, Tolerance.EXACT, Tolerance.rows(5));
        }
        if (type == Clock.class) {
            return Arrays.asList(null, Clock.systemUTC());
        }
        if (type == Sleeper.class) {
            Sleeper none = d -> { };
            return Arrays.asList(null, none);
        }
        if (type == VerificationListener.class) {
            return Arrays.asList(null, new VerificationListener() { });
        }
        if (type == CdcLatency.class) {
            return Arrays.asList(null, CdcLatency.UNKNOWN);
        }
        if (type == S3OutputSettings.class) {
            return Arrays.asList(null, S3OutputSettings.builder().bucketName("raw").build());
        }
        if (type == software.amazon.awssdk.services.databasemigration.model.S3Settings.class) {
            return Arrays.asList(null, software.amazon.awssdk.services.databasemigration.model.S3Settings.builder().build(),
                software.amazon.awssdk.services.databasemigration.model.S3Settings.builder().bucketName("raw")
                    .csvDelimiter("").dataFormat("orc").build(),
                software.amazon.awssdk.services.databasemigration.model.S3Settings.builder().bucketName("raw").build());
        }
        if (type == CdcProbeOptions.class) {
            return Arrays.asList(null, CdcProbeOptions.defaults());
        }
        if (type == SourceTable.class) {
            return Arrays.asList(null, SourceTable.of("s", "t"));
        }
        if (type == Consumer.class) {
            Consumer<Object> nothing = b -> { };
            return Arrays.asList(null, nothing);
        }
        if (type == Path.class) {
            return Arrays.asList(null, Path.of("/proc/version/not-a-dir/report.html"));
        }
        if (type == Throwable.class) {
            return Arrays.asList(null, new IllegalStateException("x"));
        }
        if (type == Object.class) {
            return Arrays.asList(null, "x", new Object());
        }
        if (type == SourceTable[].class) {
            return Arrays.asList(null, new SourceTable[0], new SourceTable[] {null}, new SourceTable[] {SourceTable.of("s", "t")});
        }
        if (type == String[].class) {
            return Arrays.asList(null, new String[0], new String[] {null}, new String[] {"", "\n", LONG}, new String[] {"shop"});
        }
        if (Map.class.isAssignableFrom(type)) {
            Map<Object, Object> nulls = new HashMap<>();
            nulls.put(null, null);
            return Arrays.asList(null, Map.of(), nulls);
        }
        if (Collection.class.isAssignableFrom(type)) {
            Class<?> element = generic instanceof ParameterizedType pt && pt.getActualTypeArguments()[0] instanceof Class<?> c
                ? c : String.class;
            List<Object> out = new ArrayList<>();
            out.add(null);
            out.add(List.of());
            for (Object e : hostile(element, element)) {
                Collection<Object> c = Set.class.isAssignableFrom(type) ? new HashSet<>() : new ArrayList<>();
                c.add(e);
                out.add(c);
            }
            return out;
        }
        return Arrays.asList((Object) null); // other values (reports, counts): null; built ones are swept as results
    }

    static Endpoint s3Endpoint() {
        return Endpoint.s3("tgt").s3Settings(s -> s.bucketName("dms-bucket").serviceAccessRoleArn(ROLE)).build();
    }

    static List<Object> nullable(Class<?> type, Object... values) {
        List<Object> out = new ArrayList<>(Arrays.asList(values));
        if (!type.isPrimitive()) {
            out.add(null);
        }
        return out;
    }

    static List<List<Object>> argumentLists(Class<?>[] types, Type[] generics) {
        List<List<Object>> values = new ArrayList<>();
        long product = 1;
        for (int i = 0; i < types.length; i++) {
            values.add(hostile(types[i], generics[i]));
            product = Math.min(Long.MAX_VALUE / 100, product * values.get(i).size());
        }
        List<List<Object>> out = new ArrayList<>();
        if (product <= MAX_COMBINATIONS) {
            out.add(new ArrayList<>());
            for (List<Object> vs : values) {
                List<List<Object>> next = new ArrayList<>();
                for (List<Object> prefix : out) {
                    for (Object v : vs) {
                        List<Object> args = new ArrayList<>(prefix);
                        args.add(v);
                        next.add(args);
                    }
                }
                out = next;
            }
            return out;
        }
        List<Object> baseline = new ArrayList<>();
        for (List<Object> vs : values) {
            baseline.add(vs.stream().filter(v -> v != null).reduce((a, b) -> b).orElse(null));
        }
        for (int i = 0; i < types.length; i++) {
            for (Object v : values.get(i)) {
                List<Object> args = new ArrayList<>(baseline);
                args.set(i, v);
                out.add(args);
            }
        }
        return out;
    }

    static String describe(List<Object> args) {
        return args.stream().map(a -> a == null ? "null" : a instanceof String s && s.length() > 20
            ? "\"" + s.substring(0, 20) + "...\"" : a instanceof Object[] arr ? Arrays.toString(arr)
            : a.getClass().getSimpleName()).toList().toString();
    }

    /** Runs a call; fails unless it returns or throws a DmsKitException. @return the result, or null */
    static Object call(String what, Invocation invocation) {
        try {
            return invocation.invoke();
        } catch (InvocationTargetException e) {
            assertThat(e.getCause()).as("%s threw", what).isInstanceOf(DmsKitException.class);
            return null;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    interface Invocation {
        Object invoke() throws ReflectiveOperationException;
    }

    /** build() gives a value that can be printed, hashed and copied, or InvalidDefinitionException with problems. */
    static void buildAndUse(Object builder, String what) {
        Object value;
        try {
            value = builder.getClass().getMethod("build").invoke(builder);
        } catch (InvocationTargetException e) {
            assertThat(e.getCause()).as("build() after %s", what).isInstanceOf(InvalidDefinitionException.class);
            assertThat(((InvalidDefinitionException) e.getCause()).problems()).as("problems after %s", what).isNotEmpty();
            return;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        try {
            assertThat(value.toString()).as("toString after %s", what).isNotNull();
            value.hashCode();
            Object copy = value.getClass().getMethod("toBuilder").invoke(value);
            Object rebuilt = copy.getClass().getMethod("build").invoke(copy);
            assertThat(rebuilt.toString()).as("toBuilder().build() after %s", what).isEqualTo(value.toString());
        } catch (InvocationTargetException e) {
            throw new AssertionError("a built value failed to be used after " + what, e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    // ------------------------------------------------------------------------------------------ discovery

    /** @return every public class of dms-verify's compiled classes, {@code internal} left out */
    static List<Class<?>> publicClasses() {
        Path root;
        try {
            root = Path.of(Verifier.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
        Set<Class<?>> out = new TreeSet<>(Comparator.comparing(Class::getName));
        try (Stream<Path> files = Files.walk(root.resolve("io/dmskit/verify"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(f).toString().replace(java.io.File.separatorChar, '.')
                    .replaceAll("\\.class$", "");
                if (name.contains(".internal.") || name.endsWith("package-info") || name.matches(".*\\$\\d.*")) {
                    continue;
                }
                Class<?> c = Class.forName(name, false, Verifier.class.getClassLoader());
                boolean visible = true;
                for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
                    visible &= Modifier.isPublic(k.getModifiers());
                }
                if (visible) {
                    out.add(c);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
        return List.copyOf(out);
    }

    // ------------------------------------------------------------------------------------------ the sweeps

    @Test
    @DisplayName("every public builder of dms-verify is swept (a new one must be added to builders())")
    void everyBuilderIsSwept() {
        List<Class<?>> found = publicClasses().stream().filter(c -> Arrays.stream(c.getMethods())
            .anyMatch(m -> m.getName().equals("build") && m.getParameterCount() == 0
                && !Modifier.isStatic(m.getModifiers()))).toList();
        assertThat(found).as("public builders (a build() method)")
            .containsExactlyInAnyOrderElementsOf(builders().stream().map(Swept::type).toList());
    }

    @Test
    @DisplayName("every setter of every builder, every hostile value: only DmsKitException; build() reports or succeeds")
    void everySetter() {
        int calls = 0;
        for (Swept t : builders()) {
            List<Method> setters = Arrays.stream(t.type().getMethods())
                .filter(m -> m.getDeclaringClass() == t.type() && !Modifier.isStatic(m.getModifiers())
                    && m.getParameterCount() > 0)
                .sorted(Comparator.comparing(Method::toGenericString)).toList();
            for (Method m : setters) {
                for (List<Object> args : argumentLists(m.getParameterTypes(), m.getGenericParameterTypes())) {
                    Object b = t.fresh().get();
                    String what = t.type().getName() + "." + m.getName() + describe(args);
                    call(what, () -> m.invoke(b, args.toArray()));
                    buildAndUse(b, what);
                    calls++;
                }
            }
        }
        assertThat(calls).isGreaterThan(250);
    }

    @Test
    @DisplayName("every public constructor and static factory of dms-verify, every hostile value: only DmsKitException")
    void everyFactoryAndConstructor() {
        int calls = 0;
        for (Class<?> c : publicClasses()) {
            if (c.isInterface() && !c.isAnnotation() && Arrays.stream(c.getDeclaredMethods()).noneMatch(
                m -> Modifier.isStatic(m.getModifiers()))) {
                continue;
            }
            for (Constructor<?> k : c.getConstructors()) {
                for (List<Object> args : argumentLists(k.getParameterTypes(), k.getGenericParameterTypes())) {
                    Object made = call("new " + c.getSimpleName() + describe(args), () -> k.newInstance(args.toArray()));
                    if (made != null && !(made instanceof Throwable)) {
                        assertThat(made.toString()).isNotNull();
                    }
                    calls++;
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || !Modifier.isStatic(m.getModifiers())
                    || m.getParameterCount() == 0 || m.getName().equals("valueOf") || m.isSynthetic()) {
                    continue;
                }
                for (List<Object> args : argumentLists(m.getParameterTypes(), m.getGenericParameterTypes())) {
                    Object r = call(c.getSimpleName() + "." + m.getName() + describe(args), () -> m.invoke(null, args.toArray()));
                    if (r != null && r.getClass().getSimpleName().equals("Builder")) {
                        buildAndUse(r, c.getSimpleName() + "." + m.getName() + describe(args));
                    }
                    calls++;
                }
            }
        }
        assertThat(calls).isGreaterThan(300);
    }

    @Test
    @DisplayName("every Verifier method, every hostile value: a result or a DmsKitException, never a bare exception")
    void everyVerifierMethod() {
        Verifier v = Verifier.builder().source(unreachable()).tableMappings(MAPPINGS)
            .target(JdbcTarget.of(unreachable(), "pg")).sleeper(d -> { }).pollInterval(Duration.ofMillis(1)).build();
        int calls = 0;
        for (Method m : Verifier.class.getMethods()) {
            if (m.getDeclaringClass() != Verifier.class || Modifier.isStatic(m.getModifiers()) || m.getParameterCount() == 0
                || m.getName().equals("equals")) {
                continue;
            }
            for (List<Object> args : argumentLists(m.getParameterTypes(), m.getGenericParameterTypes())) {
                call("Verifier." + m.getName() + describe(args), () -> m.invoke(v, args.toArray()));
                calls++;
            }
        }
        assertThat(calls).isGreaterThan(10);
    }

    @Test
    @DisplayName("a bad setting is an InvalidDefinitionException naming it; a null argument names the parameter")
    void typedErrorsNameTheSetting() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> S3Target.builder().bucket("raw").parallelism(0)
                .listPageSize(5000).build())
            .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.problems())
                .extracting(p -> p.field()).containsExactly("parallelism", "listPageSize"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CdcProbeOptions.of(o -> o.table("a\u0000b")
                .timeout(Duration.ofDays(400))))
            .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("a\\u0000b")
            .hasMessageContaining("timeout");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Tolerance.percent(Double.NaN))
            .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("fraction");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SourceTable.of(null, "t"))
            .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("SourceTable: schema: is null");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Verifier.builder().source(unreachable())
                .tables((SourceTable) null).schemas((String) null).target(JdbcTarget.of(unreachable())).build())
            .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("tables[0]")
            .hasMessageContaining("schemas[0]");
    }
}
