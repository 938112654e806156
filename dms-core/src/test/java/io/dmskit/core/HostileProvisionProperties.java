package io.dmskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dmskit.core.endpoint.Secret;
import io.dmskit.core.exception.DmsKitException;
import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.core.provision.ApplyPolicy;
import io.dmskit.core.provision.ApplyResult;
import io.dmskit.core.provision.ChangeAction;
import io.dmskit.core.provision.DestroyOptions;
import io.dmskit.core.provision.FieldDiff;
import io.dmskit.core.provision.Plan;
import io.dmskit.core.provision.ProgressListener;
import io.dmskit.core.provision.ResourceChange;
import io.dmskit.core.provision.ResourceKind;
import io.dmskit.core.provision.RetrySettings;
import io.dmskit.core.provision.Sleeper;
import io.dmskit.core.task.TableRef;
import io.dmskit.mappings.MappingDiff;
import io.dmskit.testkit.FakeClock;
import io.dmskit.testkit.FakeDms;
import io.dmskit.testkit.FakeSecretsManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import net.jqwik.api.Example;
import net.jqwik.api.Label;
import software.amazon.awssdk.services.databasemigration.DatabaseMigrationClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The sibling of {@link HostileSetterProperties} for the provisioner and {@code io.dmskit.core.provision}: hostile
 * values through {@code DmsProvisioner.builder()}'s setters, every {@link DmsProvisioner} method, and every public
 * constructor, static factory and method of the provision types (found by reflection); only a
 * {@link DmsKitException} may escape. It also keeps the sweep complete: every public builder and every public type
 * with static factories that dms-core's compiled classes hold must be swept here or by {@link HostileSetterProperties}.
 */
@Label("hostile values through the provisioner and the provision types")
class HostileProvisionProperties {

    // ------------------------------------------------------------------------------------------ hostile values

    /**
     * Hostile values of the provisioner's parameter types; null for types {@link HostileSetterProperties#hostile}
     * knows itself.
     */
    static List<Object> hostile(Class<?> type, Type generic) {
        if (type == Duration.class) {
            return Arrays.asList(null, Duration.ZERO, Duration.ofNanos(-1), Duration.ofNanos(1), Duration.ofSeconds(10),
                Duration.ofDays(367), Duration.ofSeconds(Long.MAX_VALUE, 999_999_999));
        }
        if (type == double.class || type == Double.class) {
            List<Object> out = new ArrayList<>(Arrays.asList(0.0, -0.0, -1.0, 0.5, 1.0, 2.0, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE, Double.MIN_VALUE));
            if (type == Double.class) {
                out.add(null);
            }
            return out;
        }
        if (type == Clock.class) {
            return Arrays.asList(null, FakeClock.create(), Clock.systemUTC());
        }
        if (type == Sleeper.class) {
            FakeClock clock = FakeClock.create();
            Sleeper fake = clock::sleep;
            return Arrays.asList(null, fake);
        }
        if (type == ProgressListener.class) {
            ProgressListener throwing = e -> {
                throw new IllegalStateException("listener failed");
            };
            return Arrays.asList(null, ProgressListener.none(), throwing);
        }
        if (type == ApplyPolicy.class) {
            return Arrays.asList(null, ApplyPolicy.safe(), ApplyPolicy.all().withAllowDeletes(true));
        }
        if (type == RetrySettings.class) {
            return Arrays.asList(null, RetrySettings.none(), RetrySettings.defaults());
        }
        if (type == DestroyOptions.class) {
            return Arrays.asList(null, DestroyOptions.keepManagedSecrets(),
                DestroyOptions.deleteManagedSecrets().withoutRecovery());
        }
        if (type == DatabaseMigrationClient.class) {
            return Arrays.asList(null, FakeDms.create());
        }
        if (type == software.amazon.awssdk.services.cloudwatch.CloudWatchClient.class) {
            return Arrays.asList(null, io.dmskit.testkit.FakeCloudWatch.create());
        }
        if (type == SecretsManagerClient.class) {
            return Arrays.asList(null, FakeSecretsManager.create());
        }
        if (type == Pipeline.class) {
            return Arrays.asList(null, pipeline());
        }
        if (type == MappingDiff.class) {
            return Arrays.asList(null, MappingDiff.none());
        }
        if (type == FieldDiff.class) {
            return Arrays.asList(null, FieldDiff.of("f", "a", "b"), FieldDiff.sensitive("p"));
        }
        if (type == ResourceChange.class) {
            return Arrays.asList(null, change());
        }
        if (type == Plan.class) {
            return Arrays.asList(null, new Plan("p", List.of(change())));
        }
        if (type == TableRef[].class) {
            return Arrays.asList(null, new TableRef[0], new TableRef[] {null}, new TableRef[] {TableRef.of("s", "t")});
        }
        if (type == Throwable.class) {
            return Arrays.asList(null, new IllegalStateException("x\u0000"));
        }
        if (Collection.class.isAssignableFrom(type) && generic instanceof ParameterizedType pt
            && pt.getActualTypeArguments()[0] instanceof Class<?> element && element != String.class) {
            List<Object> out = new ArrayList<>();
            out.add(null);
            out.add(Set.class.isAssignableFrom(type) ? Set.of() : List.of());
            for (Object e : HostileSetterProperties.hostile(element, element)) {
                Collection<Object> c = Set.class.isAssignableFrom(type) ? new HashSet<>() : new ArrayList<>();
                c.add(e);
                out.add(c);
            }
            return out;
        }
        return null;
    }

    static ResourceChange change() {
        return new ResourceChange(ResourceKind.ENDPOINT, "src", ChangeAction.MODIFY, "active",
            List.of(FieldDiff.of("Port", 3306, 3307)), List.of("note"));
    }

    static Pipeline pipeline() {
        return Pipeline.builder("hostile")
            .endpoint(Endpoint.mysql("src").source().serverName("h").port(3306).password("u", Secret.of("p")))
            .endpoint(Endpoint.s3("tgt").s3Settings(s -> s.bucketName("dms-bucket")
                .serviceAccessRoleArn(HostileSetterProperties.ROLE)))
            .instance(ReplicationInstance.builder("ri").instanceClass("dms.t3.medium"))
            .task(HostileSetterProperties.task()).build();
    }

    static DmsProvisioner.Builder provisioner(FakeClock clock) {
        return DmsProvisioner.builder().dms(FakeDms.builder().clock(clock).build()).clock(clock).sleeper(clock::sleep)
            .pollInterval(Duration.ofSeconds(5)).waitTimeout(Duration.ofMinutes(5));
    }

    // ------------------------------------------------------------------------------------------ the sweeps

    @Example
    @Label("DmsProvisioner.builder(): every setter, every hostile value; build() gives a provisioner or reports")
    void provisionerBuilder() {
        int calls = 0;
        for (Method m : HostileSetterProperties.setters(DmsProvisioner.Builder.class)) {
            for (List<Object> args : HostileSetterProperties.argumentLists(m)) {
                DmsProvisioner.Builder b = provisioner(FakeClock.create());
                HostileSetterProperties.call(m, b, args);
                HostileSetterProperties.buildAndUse(b, "DmsProvisioner.Builder." + m.getName()
                    + HostileSetterProperties.describe(args));
                calls++;
            }
        }
        assertThat(calls).isGreaterThan(40);
    }

    @Example
    @Label("build() reports every provisioner problem at once, naming each setting")
    void provisionerBuildReportsAll() {
        assertThatThrownBy(() -> DmsProvisioner.builder().pollInterval(Duration.ZERO).waitTimeout(Duration.ofDays(400))
            .parallelism(0).build())
            .isInstanceOfSatisfying(InvalidDefinitionException.class, e -> assertThat(e.problems())
                .extracting(p -> p.field()).containsExactly("dms", "pollInterval", "waitTimeout", "parallelism"));
        assertThatThrownBy(() -> DmsProvisioner.builder().dms(FakeDms.create()).pollInterval(Duration.ofSeconds(20))
            .maxPollInterval(Duration.ofSeconds(10)).build())
            .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("maxPollInterval")
            .hasMessageContaining("pollInterval (PT20S)");
    }

    @Example
    @Label("every DmsProvisioner method, every hostile value: a result or a DmsKitException naming the parameter")
    void provisionerMethods() {
        List<Method> methods = Arrays.stream(DmsProvisioner.class.getMethods())
            .filter(m -> m.getDeclaringClass() == DmsProvisioner.class && !Modifier.isStatic(m.getModifiers())
                && m.getParameterCount() > 0 && !m.getName().equals("equals"))
            .sorted(Comparator.comparing(Method::toGenericString)).toList();
        assertThat(methods).extracting(Method::getName).contains("plan", "apply", "start", "stop", "reload",
            "awaitTask", "destroy", "planDestroy", "describeTask", "testConnections", "resume");
        int calls = 0;
        FakeClock clock = FakeClock.create();
        try (DmsProvisioner dms = provisioner(clock).build()) {
            for (Method m : methods) {
                for (List<Object> args : argumentLists(m)) {
                    Throwable thrown = invoke(m, dms, args);
                    String what = "DmsProvisioner." + m.getName() + HostileSetterProperties.describe(args);
                    assertThat(thrown).as(what).satisfiesAnyOf(t -> assertThat(t).isNull(),
                        t -> assertThat(t).isInstanceOf(DmsKitException.class));
                    if (thrown instanceof InvalidDefinitionException e && args.contains(null)) {
                        assertThat(e.problems()).as(what).anySatisfy(p -> assertThat(p.resource())
                            .isEqualTo("DmsProvisioner." + m.getName()));
                    }
                    calls++;
                }
            }
        }
        assertThat(calls).isGreaterThan(200);
    }

    @Example
    @Label("a null pipeline, task id or option is an InvalidDefinitionException naming the parameter, not an NPE")
    void nullArgumentsNamed() {
        try (DmsProvisioner dms = provisioner(FakeClock.create()).build()) {
            assertThatThrownBy(() -> dms.apply(null)).isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("DmsProvisioner.apply: pipeline: is null");
            assertThatThrownBy(() -> dms.apply(pipeline(), null)).isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("applyPolicy: is null");
            assertThatThrownBy(() -> dms.start((String) null)).isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("DmsProvisioner.start: taskId: is null");
            assertThatThrownBy(() -> dms.stop("bad\u0000id")).isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("taskId").hasMessageContaining("\\u0000");
            assertThatThrownBy(() -> dms.reload("t", (TableRef) null)).isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("tables[0]: is null");
            assertThatThrownBy(() -> dms.destroy(pipeline(), null)).isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("options: is null");
        }
    }

    @Example
    @Label("every public constructor, factory and method of io.dmskit.core.provision: only DmsKitException")
    void provisionTypes() {
        int calls = 0;
        for (Class<?> c : publicClasses("io/dmskit/core/provision")) {
            for (Constructor<?> k : c.getConstructors()) {
                for (List<Object> args : argumentLists(k.getParameterTypes(), k.getGenericParameterTypes())) {
                    Object made = null;
                    try {
                        made = k.newInstance(args.toArray());
                    } catch (InvocationTargetException e) {
                        assertThat(e.getCause()).as("new %s%s", c.getSimpleName(),
                            HostileSetterProperties.describe(args)).isInstanceOf(DmsKitException.class);
                    } catch (ReflectiveOperationException e) {
                        throw new AssertionError(e);
                    }
                    if (made != null) {
                        assertThat(made.toString()).isNotNull();
                        made.hashCode();
                    }
                    calls++;
                }
            }
            for (Method m : c.getMethods()) {
                if (m.getDeclaringClass() != c || m.getParameterCount() == 0 || m.getName().equals("valueOf")
                    || m.getName().equals("equals")) {
                    continue;
                }
                List<Object> receivers = Modifier.isStatic(m.getModifiers()) ? Arrays.asList((Object) null)
                    : instances(c);
                for (Object receiver : receivers) {
                    for (List<Object> args : argumentLists(m)) {
                        if (m.getName().equals("sleep") && args.get(0) instanceof Duration d
                            && d.compareTo(Duration.ofSeconds(1)) > 0) {
                            continue; // a sleeper sleeps what it is told: not in a test
                        }
                        HostileSetterProperties.call(m, receiver, args);
                        calls++;
                    }
                }
            }
        }
        assertThat(calls).isGreaterThan(300);
    }

    static List<Object> instances(Class<?> c) {
        if (c == Sleeper.class) {
            return List.of(Sleeper.threadSleep());
        }
        if (c == ProgressListener.class) {
            return List.of(ProgressListener.none());
        }
        if (c == ApplyResult.class) {
            return List.of(new ApplyResult(new Plan("p", List.of()), Map.of("ENDPOINT:src", "arn"), Duration.ZERO, 1, 0));
        }
        if (c.isEnum()) {
            return Arrays.asList(c.getEnumConstants());
        }
        return HostileSetterProperties.hostile(c, c).stream().filter(o -> o != null && c.isInstance(o)).toList();
    }

    /** Above this many combinations, each parameter is varied alone (the others at a baseline value). */
    static final int MAX_COMBINATIONS = 3000;

    static List<List<Object>> argumentLists(Method m) {
        return argumentLists(m.getParameterTypes(), m.getGenericParameterTypes());
    }

    /**
     * Every combination of hostile values when there are at most {@link #MAX_COMBINATIONS}; otherwise each
     * parameter through all its hostile values with the others at a baseline (a non-null value), plus all nulls.
     */
    static List<List<Object>> argumentLists(Class<?>[] types, Type[] generics) {
        List<List<Object>> values = new ArrayList<>();
        long product = 1;
        for (int i = 0; i < types.length; i++) {
            values.add(HostileSetterProperties.hostile(types[i], generics[i]));
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
        for (int i = 0; i < types.length; i++) {
            baseline.add(types[i] == String.class ? "ok-value"
                : values.get(i).stream().filter(v -> v != null).findFirst().orElse(null));
        }
        for (int i = 0; i < types.length; i++) {
            for (Object v : values.get(i)) {
                List<Object> args = new ArrayList<>(baseline);
                args.set(i, v);
                out.add(args);
            }
        }
        List<Object> nulls = new ArrayList<>();
        for (Class<?> t : types) {
            nulls.add(t.isPrimitive() ? baseline.get(nulls.size()) : null);
        }
        out.add(nulls);
        return out;
    }

    static Throwable invoke(Method m, Object target, List<Object> args) {
        try {
            m.invoke(target, args.toArray());
            return null;
        } catch (InvocationTargetException e) {
            return e.getCause();
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    // ------------------------------------------------------------------------------------------ completeness

    /**
     * @param packagePath a package's path under dms-core's compiled classes, e.g. {@code io/dmskit/core}
     * @return every public class of that package and its sub-packages, {@code internal} packages left out
     */
    static List<Class<?>> publicClasses(String packagePath) {
        Path root;
        try {
            root = Path.of(DmsProvisioner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
        Set<Class<?>> out = new TreeSet<>(Comparator.comparing(Class::getName));
        try (Stream<Path> files = Files.walk(root.resolve(packagePath))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(f).toString().replace(java.io.File.separatorChar, '.')
                    .replaceAll("\\.class$", "");
                if (name.contains(".internal.") || name.endsWith("package-info") || name.matches(".*\\$\\d.*")) {
                    continue;
                }
                Class<?> c = Class.forName(name, false, DmsProvisioner.class.getClassLoader());
                if (isPublic(c)) {
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

    static boolean isPublic(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getDeclaringClass()) {
            if (!Modifier.isPublic(k.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    @Example
    @Label("every public builder and every public type with static factories in dms-core is swept")
    void sweepIsComplete() {
        List<Class<?>> all = publicClasses("io/dmskit/core");
        assertThat(all).hasSizeGreaterThan(40).contains(DmsProvisioner.Builder.class, RetrySettings.class);

        Set<Class<?>> sweptBuilders = new LinkedHashSet<>();
        HostileSetterProperties.targets().forEach(t -> sweptBuilders.add(t.type()));
        sweptBuilders.add(DmsProvisioner.Builder.class);
        List<Class<?>> builders = all.stream().filter(c -> Arrays.stream(c.getMethods())
            .anyMatch(m -> m.getName().equals("build") && m.getParameterCount() == 0
                && !Modifier.isStatic(m.getModifiers()))).toList();
        assertThat(builders).as("public builders (a build() method): add new ones to HostileSetterProperties.targets()")
            .isNotEmpty().allMatch(sweptBuilders::contains);

    }

    @Example
    @Label("every public static method of every other public dms-core type (enum parsers too): only DmsKitException")
    void everyOtherFactory() {
        Set<Class<?>> elsewhere = new LinkedHashSet<>(HostileSetterProperties.FACTORY_CLASSES);
        elsewhere.addAll(publicClasses("io/dmskit/core/provision"));
        elsewhere.add(DmsProvisioner.class);
        int calls = 0;
        List<String> swept = new ArrayList<>();
        for (Class<?> c : publicClasses("io/dmskit/core")) {
            if (elsewhere.contains(c)) {
                continue;
            }
            for (Method m : c.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers()) || !Modifier.isStatic(m.getModifiers())
                    || m.getParameterCount() == 0 || m.getName().equals("valueOf") || m.isSynthetic()) {
                    continue;
                }
                swept.add(c.getSimpleName() + "." + m.getName());
                for (List<Object> args : HostileSetterProperties.argumentLists(m)) {
                    HostileSetterProperties.call(m, null, args);
                    calls++;
                }
            }
        }
        assertThat(swept).as("enum parsers and other factories found").hasSizeGreaterThan(10);
        assertThat(calls).isGreaterThan(100);
    }

    @Example
    @Label("a sleeper returns at once for zero or negative durations and reports a null one")
    void threadSleeper() throws InterruptedException {
        Sleeper.threadSleep().sleep(Duration.ofSeconds(-5));
        Sleeper.threadSleep().sleep(Duration.ZERO);
        assertThatThrownBy(() -> Sleeper.threadSleep().sleep(null)).isInstanceOf(InvalidDefinitionException.class)
            .hasMessageContaining("duration");
    }
}
