package io.dmskit.core;

import io.dmskit.core.alarm.Alarm;
import io.dmskit.core.alarm.CdcLatencyAlarm;
import io.dmskit.core.alarm.TaskStateAlarm;

import static org.assertj.core.api.Assertions.assertThat;

import io.dmskit.core.endpoint.Credentials;
import io.dmskit.core.endpoint.EngineName;
import io.dmskit.core.endpoint.KinesisSettings;
import io.dmskit.core.endpoint.MySqlSettings;
import io.dmskit.core.endpoint.OracleSettings;
import io.dmskit.core.endpoint.PostgreSqlSettings;
import io.dmskit.core.endpoint.S3Settings;
import io.dmskit.core.endpoint.Secret;
import io.dmskit.core.endpoint.SqlServerSettings;
import io.dmskit.core.exception.DmsKitException;
import io.dmskit.core.exception.InvalidDefinitionException;
import io.dmskit.core.settings.BeforeImageSettings;
import io.dmskit.core.settings.ChangeProcessingDdlHandlingPolicy;
import io.dmskit.core.settings.ChangeProcessingTuning;
import io.dmskit.core.settings.ControlTablesSettings;
import io.dmskit.core.settings.ErrorBehavior;
import io.dmskit.core.settings.FullLoadSettings;
import io.dmskit.core.settings.LogComponent;
import io.dmskit.core.settings.Logging;
import io.dmskit.core.settings.TargetMetadata;
import io.dmskit.core.settings.ValidationSettings;
import io.dmskit.core.task.MigrationType;
import io.dmskit.core.task.TableRef;
import io.dmskit.mappings.TableMappings;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Sweeps hostile values (null, empty, control characters, 10,000 characters, lone surrogates, extreme numbers,
 * objects that are not JSON, cycles, deep nesting) through every public setter of every dms-core builder and every
 * public static factory, found by reflection, and checks the null policy of the package documentation: a setter
 * never throws anything but a {@link DmsKitException}, and {@code build()} either returns a value that can be used
 * (printed, hashed, copied, serialized) or throws {@link InvalidDefinitionException}.
 */
@Label("hostile values through every public builder setter and factory")
class HostileSetterProperties {

    static final String ROLE = "arn:aws:iam::123456789012:role/dms";
    static final String MAPPINGS = """
        {"rules":[{"rule-type":"selection","rule-id":"1","rule-name":"all","object-locator":
        {"schema-name":"shop","table-name":"%"},"rule-action":"include"}]}""";

    /** A builder class and a supplier of a valid instance of it (so problems come from the hostile value). */
    record Target(Class<?> type, Supplier<Object> fresh) {
        @Override
        public String toString() {
            return type.getName().replace("io.dmskit.core.", "");
        }
    }

    static List<Target> targets() {
        return List.of(
            new Target(Endpoint.Builder.class, () -> Endpoint.mysql("src").source().serverName("h").port(3306)
                .password("u", Secret.of("p"))),
            new Target(Endpoint.Builder.class, () -> Endpoint.s3("tgt")
                .s3Settings(s -> s.bucketName("dms-bucket").serviceAccessRoleArn(ROLE))),
            new Target(ReplicationInstance.Builder.class, () -> ReplicationInstance.builder("ri").instanceClass("dms.t3.medium")),
            new Target(ReplicationSubnetGroup.Builder.class, () -> ReplicationSubnetGroup.builder("sg").description("d")
                .subnetIds("subnet-1")),
            new Target(ReplicationTask.Builder.class, HostileSetterProperties::task),
            new Target(TaskSettings.Builder.class, TaskSettings::builder),
            new Target(Pipeline.Builder.class, () -> Pipeline.builder("p")),
            new Target(S3Settings.Builder.class, S3Settings::builder),
            new Target(MySqlSettings.Builder.class, MySqlSettings::builder),
            new Target(PostgreSqlSettings.Builder.class, PostgreSqlSettings::builder),
            new Target(OracleSettings.Builder.class, OracleSettings::builder),
            new Target(SqlServerSettings.Builder.class, SqlServerSettings::builder),
            new Target(KinesisSettings.Builder.class, () -> KinesisSettings.builder()
                .streamArn("arn:aws:kinesis:us-east-1:123456789012:stream/s").serviceAccessRoleArn(ROLE)),
            new Target(TargetMetadata.Builder.class, TargetMetadata::builder),
            new Target(FullLoadSettings.Builder.class, FullLoadSettings::builder),
            new Target(Logging.Builder.class, Logging::builder),
            new Target(ControlTablesSettings.Builder.class, ControlTablesSettings::builder),
            new Target(ChangeProcessingTuning.Builder.class, ChangeProcessingTuning::builder),
            new Target(ChangeProcessingDdlHandlingPolicy.Builder.class, ChangeProcessingDdlHandlingPolicy::builder),
            new Target(ErrorBehavior.Builder.class, ErrorBehavior::builder),
            new Target(ValidationSettings.Builder.class, ValidationSettings::builder),
            new Target(BeforeImageSettings.Builder.class, BeforeImageSettings::builder),
            new Target(ReplicationConfig.Builder.class, () -> ReplicationConfig.builder("cfg").source("src").target("tgt")
                .replicationType(io.dmskit.core.task.MigrationType.CDC).compute(c -> c.maxCapacityUnits(2))
                .tableMappings(task().build().tableMappings())),
            new Target(io.dmskit.core.serverless.ComputeConfig.Builder.class,
                () -> io.dmskit.core.serverless.ComputeConfig.builder().maxCapacityUnits(2)),
            new Target(CdcLatencyAlarm.Builder.class, () -> CdcLatencyAlarm.builder("lat").task("orders-task")
                .thresholdSeconds(60)),
            new Target(TaskStateAlarm.Builder.class, () -> TaskStateAlarm.builder("down").task("orders-task")),
            new Target(Alarm.Builder.class, () -> CdcLatencyAlarm.builder("lat").task("orders-task")
                .thresholdSeconds(60)));
    }

    /** Classes whose public static methods (factories, parsers) are swept. */
    static final List<Class<?>> FACTORY_CLASSES = List.of(Endpoint.class, ReplicationInstance.class,
        ReplicationSubnetGroup.class, ReplicationTask.class, TaskSettings.class, Pipeline.class, Credentials.class,
        Secret.class, TableRef.class, S3Settings.class, MySqlSettings.class, PostgreSqlSettings.class,
        OracleSettings.class, SqlServerSettings.class, KinesisSettings.class, TargetMetadata.class,
        FullLoadSettings.class, Logging.class, ControlTablesSettings.class, ChangeProcessingTuning.class,
        ChangeProcessingDdlHandlingPolicy.class, ErrorBehavior.class, ValidationSettings.class,
        BeforeImageSettings.class, ReplicationConfig.class, io.dmskit.core.serverless.ComputeConfig.class,
        io.dmskit.core.serverless.ReplicationStart.class,
        CdcLatencyAlarm.class, TaskStateAlarm.class);

    static ReplicationTask.Builder task() {
        return ReplicationTask.builder("orders-task").source("src").target("tgt").replicationInstance("ri")
            .migrationType(MigrationType.FULL_LOAD_AND_CDC).tableMappings(TableMappings.fromJson(MAPPINGS));
    }

    // ------------------------------------------------------------------------------------------ hostile values

    static final String LONG = "x".repeat(10_000);

    static List<Object> strings() {
        return Arrays.asList(null, "", " ", "\u0000", "a\nb\u0007", LONG, "ünïcødé-名前-😀", "\uD800", "-1",
            "1e999999999", "1E2147483648", "sun:99:99-sun:99:99", "not-an-arn", "arn:aws:iam::123456789012:role/x",
            "aws:reserved", "{\"a\":", "%");
    }

    static Object deepList(int depth) {
        Object v = "leaf";
        for (int i = 0; i < depth; i++) {
            v = List.of(v);
        }
        return v;
    }

    static List<Object> objects() {
        Map<String, Object> cycle = new HashMap<>();
        cycle.put("self", cycle);
        Map<Object, Object> nonStringKey = new HashMap<>();
        nonStringKey.put(1, "one");
        List<Object> out = new ArrayList<>(strings());
        out.addAll(Arrays.asList(new Object(), Double.NaN, Double.POSITIVE_INFINITY, new BigDecimal("1e999999999"),
            new BigInteger("9".repeat(5000)), cycle, nonStringKey, deepList(10_000), Map.of("k", List.of(1, 2)),
            Arrays.asList(1, null, "x"), Thread.currentThread()));
        return out;
    }

    static List<Object> hostile(Class<?> type, java.lang.reflect.Type generic) {
        if (type == String.class) {
            return strings();
        }
        if (type == Integer.class || type == int.class) {
            return boxedOrPrimitive(type, 0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (type == Long.class || type == long.class) {
            return boxedOrPrimitive(type, 0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE);
        }
        if (type == Boolean.class || type == boolean.class) {
            return boxedOrPrimitive(type, true, false);
        }
        if (type.isEnum()) {
            List<Object> out = new ArrayList<>(Arrays.asList(type.getEnumConstants()));
            out.add(null);
            return out;
        }
        if (type == Instant.class) {
            return Arrays.asList(null, Instant.MIN, Instant.MAX, Instant.EPOCH);
        }
        if (type == Object.class) {
            return objects();
        }
        if (type == String[].class) {
            return Arrays.asList(null, new String[0], new String[] {null}, new String[] {"", "\n", LONG},
                new String[] {"subnet-1", null, "sg-1"});
        }
        if (Map.class.isAssignableFrom(type)) {
            Map<String, String> nulls = new HashMap<>();
            nulls.put(null, "v");
            nulls.put("k", null);
            Map<String, Object> weird = new LinkedHashMap<>();
            weird.put("TargetSchema", Map.of("a", 1));
            weird.put("MaxFullLoadSubTasks", "lots");
            weird.put("LobMaxSize", 1e300);
            weird.put("EnableLogging", "yes");
            weird.put("LogComponents", List.of(Map.of("Id", "", "Severity", "LOGGER_SEVERITY_DEBUG"), "x"));
            weird.put("Other", new Object());
            return Arrays.asList(null, Map.of(), nulls, Map.of("aws:x", "v"), Map.of("k", LONG),
                Map.of("k\u0000", "v\n"), Map.of("dmskit:pipeline", "other"), weird);
        }
        List<Object> provision = HostileProvisionProperties.hostile(type, generic);
        if (provision != null) {
            return provision;
        }
        if (Collection.class.isAssignableFrom(type)) {
            return Arrays.asList(null, List.of(), Arrays.asList((String) null), Arrays.asList("", "\u0000", LONG));
        }
        if (type == Consumer.class) {
            Consumer<Object> nothing = b -> { };
            return Arrays.asList(null, nothing);
        }
        if (type == Secret.class) {
            return Arrays.asList(null, Secret.of("p;w"), Secret.of("ok"));
        }
        if (type == Credentials.class) {
            return Arrays.asList(null, Credentials.password("u", Secret.of("p")),
                Credentials.secretsManager("not-an-arn", "\u0000"));
        }
        if (type == TableMappings.class) {
            return Arrays.asList(null, TableMappings.fromJson(MAPPINGS));
        }
        if (type == TaskSettings.class) {
            return Arrays.asList(null, TaskSettings.empty(), TaskSettings.fromJson("{\"X\":{\"y\":1e300}}"));
        }
        if (type == Endpoint.Builder.class) {
            return Arrays.asList(null, Endpoint.mysql("Acme_Corp"), Endpoint.builder(null, null));
        }
        if (type == ReplicationInstance.Builder.class) {
            return Arrays.asList(null, ReplicationInstance.builder(null), ReplicationInstance.builder("ri"),
                ReplicationInstance.builder("Acme_Corp"));
        }
        if (type == ReplicationSubnetGroup.Builder.class) {
            return Arrays.asList(null, ReplicationSubnetGroup.builder(LONG));
        }
        if (type == ReplicationTask.Builder.class) {
            return Arrays.asList(null, ReplicationTask.builder("t"), task(), task().source("Acme_Corp")
                .target("Acme_Corp").replicationInstance("Acme_Corp"));
        }
        if (type == Endpoint.class) {
            return Arrays.asList(null, Endpoint.s3("tgt").s3Settings(s -> s.bucketName("dms-bucket")
                .serviceAccessRoleArn(ROLE)).build());
        }
        if (type == ReplicationInstance.class) {
            return Arrays.asList(null, ReplicationInstance.builder("ri").instanceClass("dms.t3.medium").build());
        }
        if (type == ReplicationSubnetGroup.class) {
            return Arrays.asList(null, ReplicationSubnetGroup.builder("sg").description("d").subnetIds("subnet-1").build());
        }
        if (type == ReplicationTask.class) {
            return Arrays.asList(null, task().build());
        }
        if (type == Alarm.class) {
            return Arrays.asList(null, CdcLatencyAlarm.builder("lat").task("orders-task").thresholdSeconds(60).build(),
                TaskStateAlarm.builder("down").task("no-such-task").build());
        }
        if (type == Alarm.Builder.class) {
            return Arrays.asList(null, CdcLatencyAlarm.builder(null), TaskStateAlarm.builder("down").task("orders-task"));
        }
        if (type.getName().startsWith("software.amazon.awssdk")) {
            List<Object> out = new ArrayList<>();
            out.add(null);
            try {
                Object b = type.getMethod("builder").invoke(null);
                out.add(((software.amazon.awssdk.utils.builder.SdkBuilder<?, ?>) b).build());
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
            return out;
        }
        List<Object> out = new ArrayList<>();
        out.add(null); // any other dmskit value type (settings sections): null, and a fresh empty value
        try {
            Method builder = type.getMethod("builder");
            Object b = builder.invoke(null);
            out.add(b.getClass().getMethod("build").invoke(b));
        } catch (ReflectiveOperationException e) {
            // no builder: null only
        }
        return out;
    }

    static List<Object> boxedOrPrimitive(Class<?> type, Object... values) {
        List<Object> out = new ArrayList<>(Arrays.asList(values));
        if (!type.isPrimitive()) {
            out.add(null);
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------ the sweep

    static List<Method> setters(Class<?> builder) {
        return Arrays.stream(builder.getMethods())
            .filter(m -> m.getDeclaringClass() == builder && !Modifier.isStatic(m.getModifiers()))
            .filter(m -> m.getParameterCount() > 0)
            .sorted(Comparator.comparing(Method::toGenericString))
            .toList();
    }

    static List<List<Object>> argumentLists(Method m) {
        List<List<Object>> out = new ArrayList<>();
        out.add(new ArrayList<>());
        for (Parameter p : m.getParameters()) {
            List<Object> values = hostile(p.getType(), p.getParameterizedType());
            List<List<Object>> next = new ArrayList<>();
            for (List<Object> prefix : out) {
                for (Object v : values) {
                    List<Object> args = new ArrayList<>(prefix);
                    args.add(v);
                    next.add(args);
                }
            }
            out = next;
        }
        return out;
    }

    /** Calls m; fails unless it returns or throws a DmsKitException. */
    static Object call(Method m, Object target, List<Object> args) {
        try {
            return m.invoke(target, args.toArray());
        } catch (InvocationTargetException e) {
            Throwable t = e.getCause();
            assertThat(t).as("%s%s threw", m.getName(), describe(args)).isInstanceOf(DmsKitException.class);
            return null;
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    static String describe(List<Object> args) {
        return args.stream().map(a -> a == null ? "null" : a instanceof String s && s.length() > 20
            ? "\"" + s.substring(0, 20) + "...\"" : a instanceof Object[] arr ? Arrays.toString(arr)
            : a.getClass().getSimpleName()).toList().toString();
    }

    /** build() either gives a usable value or InvalidDefinitionException. */
    static void buildAndUse(Object builder, String what) {
        Object value;
        try {
            value = builder.getClass().getMethod("build").invoke(builder);
        } catch (InvocationTargetException e) {
            assertThat(e.getCause()).as("build() after %s", what).isInstanceOf(InvalidDefinitionException.class);
            assertThat(((InvalidDefinitionException) e.getCause()).problems()).as("problems after %s", what).isNotEmpty();
            e.getCause().getMessage();
            return;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        use(value, what);
    }

    static void use(Object value, String what) {
        try {
            assertThat(value.toString()).as("toString after %s", what).isNotNull();
            value.hashCode();
            if (value instanceof AutoCloseable closeable) { // a provisioner: usable means it can be closed
                closeable.close();
                return;
            }
            Method toBuilder = value.getClass().getMethod("toBuilder");
            Object copy = toBuilder.invoke(value);
            Object rebuilt = copy.getClass().getMethod("build").invoke(copy);
            assertThat(rebuilt).as("toBuilder().build() after %s", what).isEqualTo(value);
            for (String name : List.of("toJson", "toMap", "toSdkBuilder", "problems")) {
                try {
                    value.getClass().getMethod(name).invoke(value);
                } catch (NoSuchMethodException absent) {
                    // not every value has every view
                }
            }
        } catch (InvocationTargetException e) {
            throw new AssertionError("a built value failed to be used after " + what, e.getCause());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Example
    @Label("every setter of every builder, every hostile value: only DmsKitException, build() reports or succeeds")
    void everySetterEveryHostileValue() {
        int calls = 0;
        for (Target t : targets()) {
            for (Method m : setters(t.type())) {
                for (List<Object> args : argumentLists(m)) {
                    Object b = t.fresh().get();
                    call(m, b, args);
                    buildAndUse(b, t + "." + m.getName() + describe(args));
                    calls++;
                }
            }
        }
        assertThat(calls).isGreaterThan(1000);
    }

    @Example
    @Label("every public static factory and parser, every hostile value: only DmsKitException")
    void everyFactoryEveryHostileValue() {
        int calls = 0;
        for (Class<?> c : FACTORY_CLASSES) {
            for (Method m : c.getMethods()) {
                if (!Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() != c || m.getParameterCount() == 0
                    || m.getName().equals("valueOf")) {
                    continue;
                }
                for (List<Object> args : argumentLists(m)) {
                    Object result = call(m, null, args);
                    if (result != null && result.getClass().getName().endsWith("Builder")) {
                        buildAndUse(result, c.getSimpleName() + "." + m.getName() + describe(args));
                    }
                    calls++;
                }
            }
        }
        new LogComponentProbe().run();
        assertThat(calls).isGreaterThan(200);
    }

    /** The record constructors users call directly. */
    static final class LogComponentProbe implements Runnable {
        @Override
        public void run() {
            for (Object id : strings()) {
                for (Object sev : hostile(io.dmskit.core.settings.LogSeverity.class, null)) {
                    try {
                        new LogComponent((String) id, (io.dmskit.core.settings.LogSeverity) sev);
                    } catch (RuntimeException e) {
                        assertThat(e).isInstanceOf(DmsKitException.class);
                    }
                }
            }
        }
    }

    @Example
    @Label("every with/without edit of a pipeline, every hostile value: only DmsKitException")
    void pipelineEdits() {
        Pipeline p = Pipeline.builder("p")
            .endpoint(Endpoint.mysql("src").source().serverName("h").port(3306).password("u", Secret.of("p")))
            .endpoint(Endpoint.s3("tgt").s3Settings(s -> s.bucketName("dms-bucket").serviceAccessRoleArn(ROLE)))
            .instance(ReplicationInstance.builder("ri").instanceClass("dms.t3.medium"))
            .task(task()).build();
        for (Method m : Pipeline.class.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.getDeclaringClass() != Pipeline.class
                || m.getParameterCount() == 0 || m.getName().equals("equals")) {
                continue;
            }
            for (List<Object> args : argumentLists(m)) {
                Object r = call(m, p, args);
                if (r instanceof Pipeline q) {
                    assertThat(q.toString()).isNotNull();
                }
            }
        }
        for (String json : List.of("{}", "{\"Logging\":[]}", "[]", "{\"a\":1}{", "1e999999999", "{\"x\":1e999999999}")) {
            TaskSettings s = TaskSettings.builder().build();
            try {
                s.differencesFrom(json);
                s.sameMeaningAs(TaskSettings.fromJson(json));
                TaskSettings.sameMeaning(json, json);
            } catch (RuntimeException e) {
                assertThat(e).as(json).isInstanceOf(InvalidDefinitionException.class);
            }
        }
    }

    // ------------------------------------------------------------------------------------------ random chains

    record Step(int method, int args) {
    }

    @Provide
    Arbitrary<List<Step>> chains() {
        return Combinators.combine(Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(0, 10_000))
            .as(Step::new).list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 300, seed = "15")
    @Label("random chains of hostile setter calls on one builder, then build()")
    void randomChains(@ForAll("chains") List<Step> steps, @ForAll("targetIndex") int target) {
        Target t = targets().get(target);
        List<Method> setters = setters(t.type());
        Object b = t.fresh().get();
        StringBuilder what = new StringBuilder(t.toString());
        for (Step s : steps) {
            Method m = setters.get(s.method() % setters.size());
            List<List<Object>> all = argumentLists(m);
            List<Object> args = all.get(s.args() % all.size());
            what.append('.').append(m.getName()).append(describe(args));
            call(m, b, args);
        }
        buildAndUse(b, what.toString());
    }

    @Provide
    Arbitrary<Integer> targetIndex() {
        return Arbitraries.integers().between(0, targets().size() - 1);
    }
}
